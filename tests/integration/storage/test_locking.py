"""Locks: a busy database makes a clerk wait, then says so; readers share."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline_core.adapters.storage import Database, LockTimeout
from hotline_core.adapters.storage.locking import FileLock

pytestmark = pytest.mark.slow  # processes, kills and lock waits: `pytest -m "not slow"` skips them


def test_a_writer_gives_up_after_the_timeout_with_a_message_naming_the_database(
    folder: Path, db: Database
) -> None:
    slow = Database.open(folder, lock_timeout=0.2)
    with FileLock(folder / "lock", 1).exclusive(), pytest.raises(LockTimeout) as caught, slow.transaction():
        pass
    message = str(caught.value)
    assert str(folder / "lock") in message and "busy" in message and "\n" not in message


def test_readers_share_the_lock_and_keep_writers_out(folder: Path, db: Database) -> None:
    other = Database.open(folder, lock_timeout=0.2)
    with FileLock(folder / "lock", 1).shared():
        assert other.read().tables() == []
        with pytest.raises(LockTimeout, match="write lock"), other.transaction():
            pass


def test_a_writer_keeps_readers_out(folder: Path, db: Database) -> None:
    other = Database.open(folder, lock_timeout=0.2)
    with FileLock(folder / "lock", 1).exclusive(), pytest.raises(LockTimeout, match="read lock"):
        other.read()
