"""The use cases on the in-memory database: each test starts from a new one, its founder ``clerk``."""

from __future__ import annotations

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository


@pytest.fixture
def repo() -> MemoryRepository:
    repository = MemoryRepository()
    services.initialise(repository, "clerk")
    return repository
