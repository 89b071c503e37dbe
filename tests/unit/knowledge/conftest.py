"""The starter base and its index, loaded once: they are values and never change."""

from __future__ import annotations

import pytest

from hotline_core.adapters.knowledge_files import load_starter
from hotline_core.domain.knowledge import Entry
from hotline_core.domain.knowledge.search import SearchIndex, build_index


@pytest.fixture(scope="session")
def starter() -> tuple[Entry, ...]:
    return load_starter()


@pytest.fixture(scope="session")
def index(starter: tuple[Entry, ...]) -> SearchIndex:
    return build_index(starter)
