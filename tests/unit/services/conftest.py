"""The use cases on the in-memory database: each test starts from a new one, its founder ``clerk``."""

from __future__ import annotations

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from tests.support import at


@pytest.fixture
def repo() -> MemoryRepository:
    repository = MemoryRepository()
    services.initialise(repository, "clerk", at("2026-07-01 09:00"))  # in use since 2026Q3
    return repository
