"""Four clerks' processes updating one database at once lose nothing."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest

from hotline_core.adapters.storage import Database

pytestmark = pytest.mark.slow  # processes, kills and lock waits: `pytest -m "not slow"` skips them

PROCESSES = 4
UPDATES = 250


def _clerk(folder: str, name: str) -> None:
    db = Database.open(Path(folder), lock_timeout=60)
    for i in range(UPDATES):
        with db.transaction() as tx:
            counter = tx.get("counters", "total") or {"n": 0}
            tx.put("counters", "total", {"n": counter["n"] + 1})
            mine = tx.get("logs", name) or {"items": []}
            tx.put("logs", name, {"items": [*mine["items"], i]})


def test_four_processes_doing_250_read_modify_writes_each_lose_no_update(folder: Path, db: Database) -> None:
    context = multiprocessing.get_context("fork")
    clerks = [context.Process(target=_clerk, args=(str(folder), f"clerk{n}")) for n in range(PROCESSES)]
    for clerk in clerks:
        clerk.start()
    for clerk in clerks:
        clerk.join(timeout=120)
    assert [clerk.exitcode for clerk in clerks] == [0] * PROCESSES
    snapshot = db.read()
    assert snapshot.get("counters", "total") == {"n": PROCESSES * UPDATES}
    for n in range(PROCESSES):
        assert snapshot.get("logs", f"clerk{n}") == {"items": list(range(UPDATES))}
    assert snapshot.seq == PROCESSES * UPDATES
    assert db.check() == []


def test_threads_of_one_process_exclude_each_other_too(db: Database) -> None:
    def clerk() -> None:
        for _ in range(50):
            with db.transaction() as tx:
                counter = tx.get("counters", "total") or {"n": 0}
                tx.put("counters", "total", {"n": counter["n"] + 1})

    threads = [threading.Thread(target=clerk) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert db.read().get("counters", "total") == {"n": 200}
