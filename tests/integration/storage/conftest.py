"""Fixtures for the storage tests: real files in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline_core.adapters.storage import Database


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "db"


@pytest.fixture
def db(folder: Path) -> Database:
    return Database.open(folder, create=True)
