"""A writer killed at any moment leaves every reported commit readable.

The child reports a commit on a pipe only after its transaction returned,
as a clerk's screen would show it saved. After each SIGKILL the database
must open (temporary files removed, journal replayed) and hold every
reported commit, each transaction whole: the counter equals the number of
log documents, wherever (working file or archive) they now are.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hotline_core.adapters.storage import Database
from hotline_core.adapters.storage.rebuild import rebuild_from_journal
from hotline_core.adapters.storage.store import Staged, Store

pytestmark = pytest.mark.slow  # processes, kills and lock waits: `pytest -m "not slow"` skips them

ROUNDS = 120
PERIODS = ["2026Q1", "2026Q2", "2026Q3", "2026Q4"]
PADDING = {"text": "延边朝鲜族自治州残疾人联合会" * 4000}


def _writer(folder: str, report: int) -> None:
    db = Database.open(Path(folder))
    while True:
        with db.transaction() as tx:
            n = (tx.get("counters", "n") or {"n": 0})["n"] + 1
            tx.put("counters", "n", {"n": n})
            tx.put("log", f"{n:06d}", {"n": n, "note": "已联系当事人"})
            if n % 5 == 0:
                tx.archive("log", tx.keys("log")[:4], PERIODS[n % 4])
        os.write(report, f"{n}\n".encode())


def _all_logs(db: Database) -> dict[str, dict[str, object]]:
    logs = db.read().all("log")
    for period in db.archive_periods():
        logs.update(db.read_archive(period).all("log"))
    return logs


def _run_and_kill(folder: Path, delay: float) -> list[int]:
    read_end, write_end = os.pipe()
    child = multiprocessing.get_context("fork").Process(target=_writer, args=(str(folder), write_end))
    child.start()
    os.close(write_end)
    first = b""
    # Kill at a random moment after the writer's first commit, not after its start: on a loaded
    # machine a start-relative kill often lands before any commit and the test would prove little.
    while not first.endswith(b"\n") and select.select([read_end], [], [], 10)[0]:
        chunk = os.read(read_end, 1)
        if not chunk:
            break
        first += chunk
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
    child.join()
    with os.fdopen(read_end, "rb") as reports:
        return [int(line) for line in (first + reports.read()).split()]


def _assert_whole(db: Database, reported: list[int]) -> None:
    logs = _all_logs(db)
    counter = (db.read().get("counters", "n") or {"n": 0})["n"]
    assert len(logs) == counter
    assert all(f"{n:06d}" in logs for n in reported)
    assert not reported or counter >= max(reported)


def test_a_writer_killed_at_random_moments_loses_no_reported_commit(
    folder: Path, db: Database, tmp_path: Path
) -> None:
    with db.transaction() as tx:
        tx.put("padding", "p", PADDING)
    chance = random.Random(12345)
    reported: list[int] = []
    deadline = time.monotonic() + 60
    for _ in range(ROUNDS):
        assert time.monotonic() < deadline, "crash rounds took too long"
        reported += _run_and_kill(folder, chance.uniform(0.002, 0.04))
        reopened = Database.open(folder)
        assert not [p for p in folder.rglob(".*") if ".tmp-" in p.name]
        _assert_whole(reopened, reported)
    assert len(reported) > ROUNDS
    assert db.check() == []
    rebuilt = rebuild_from_journal(folder / "journal.jsonl", tmp_path / "rebuilt")
    assert rebuilt.read().all("log") == db.read().all("log")
    assert _all_logs(rebuilt) == _all_logs(db)


def _killed_inside(folder: Path, patch: Callable[[], None]) -> None:
    """Run one transaction in a child that SIGKILLs itself where ``patch`` says."""

    def child() -> None:
        patch()
        db = Database.open(folder)
        with db.transaction() as tx:
            tx.put("log", "000002", {"n": 2})
            tx.archive("log", ["000001"], "2026Q3")

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join()
    assert process.exitcode == -signal.SIGKILL


def _die(*_args: object, **_kwargs: object) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _die_on_working(original: Callable[..., None]) -> Callable[..., None]:
    def install(store: Store, staged: Staged) -> None:
        if staged.path == store.paths.working:
            _die()
        original(store, staged)

    return install


@pytest.mark.parametrize(
    "where",
    [
        pytest.param(lambda: setattr(Store, "install", _die), id="after-journal-append"),
        pytest.param(
            lambda: setattr(Store, "install", _die_on_working(Store.install)), id="after-archive-write"
        ),
    ],
)
def test_a_transaction_journaled_before_the_crash_is_replayed_once(
    folder: Path, db: Database, where: Callable[[], None]
) -> None:
    with db.transaction() as tx:
        tx.put("log", "000001", {"n": 1})
    _killed_inside(folder, where)
    reopened = Database.open(folder)
    assert reopened.read().all("log") == {"000002": {"n": 2}}
    assert reopened.read_archive("2026Q3").all("log") == {"000001": {"n": 1}}
    assert reopened.read().seq == 2
    assert reopened.check() == []


def test_a_torn_journal_append_is_cut_off_and_the_next_commit_goes_on(folder: Path, db: Database) -> None:
    with db.transaction() as tx:
        tx.put("log", "000001", {"n": 1})
    committed = (folder / "journal.jsonl").read_bytes()
    with open(folder / "journal.jsonl", "ab") as journal:
        journal.write(b'{"crc":"00000000","seq":2,"v":1,"ops":[{"op":"put","tab')
    with Database.open(folder).transaction() as tx:
        tx.put("log", "000003", {"n": 3})
    assert (folder / "journal.jsonl").read_bytes().startswith(committed + b'{"crc":')
    assert db.read().keys("log") == ["000001", "000003"]
    assert db.check() == []


def test_leftover_temporary_files_of_a_killed_writer_are_removed_on_open(folder: Path, db: Database) -> None:
    db.attachments.put(b"scan", "scan.png")
    leftovers = [
        folder / ".working.json.tmp-4242-deadbeef",
        folder / "archive" / ".2026Q3.json.tmp-4242-deadbeef",
        next((folder / "attachments").iterdir()) / ".abc.tmp-4242-deadbeef",
    ]
    for path in leftovers:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"half a file")
    keep = folder / "notes.txt"
    keep.write_text("an operator's note")
    Database.open(folder)
    assert not any(path.exists() for path in leftovers)
    assert keep.exists()
