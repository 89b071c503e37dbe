"""The ranks remembered beside the database: used while they hold, never trusted beyond.

``ranks.json`` is a hint for the next UI start; whatever is in the folder under that
name (nothing, garbage, a FIFO, a link) must never stop a start or change what it shows.
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import orjson
import pytest

from hotline_core import services
from hotline_core.adapters import remembered_ranks
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.events import Event
from hotline_core.domain.limits import LimitEvaluator
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.vocabulary import Action
from tests.support import at
from tests.unit.services.test_queue_start import NOW, order

RANKS = remembered_ranks.FILE_NAME


@pytest.fixture
def repo(tmp_path: Path) -> FileRepository:
    repository = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repository, "clerk", at("2026-07-01 09:00"))
    with repository.transaction() as session:
        for n in range(30):
            session.put_order(order(n, received_minutes_ago=(n * 397) % (14 * 24 * 60)))
    return repository


def remember(repo: FileRepository) -> None:
    session = repo.snapshot()
    person = services.identify(session, "clerk")
    orders = services.visible_orders(session, person)
    settings = session.settings()
    table = LimitEvaluator(NOW, settings.calendar, settings.policies).table(orders)
    services.remember_ranks(session, orders, table)


def remembered(folder: Path) -> dict[str, object]:
    """What a new process opening the folder finds."""
    return dict(FileRepository.open(folder).snapshot().remembered_ranks())


def within_a_second(call):  # type: ignore[no-untyped-def]
    """``call()``'s result, failing the test instead of hanging it."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(1.0)
    assert result, "reading the ranks hung"
    return result[0]


def test_ranks_remembered_by_one_process_are_found_by_the_next(repo: FileRepository) -> None:
    remember(repo)
    assert (repo.folder / RANKS).stat().st_mode & 0o777 == 0o660  # group-only, as every file there
    found = remembered(repo.folder)
    assert len(found) == 30
    assert found == repo.snapshot().remembered_ranks()


def test_an_order_another_process_changed_since_is_not_ranked_from_memory(repo: FileRepository) -> None:
    remember(repo)
    other = FileRepository.open(repo.folder)  # another clerk's process
    with other.transaction() as session:
        changed = session.order("Q001")
        assert changed is not None
        sign = Event(NOW, "clerk", Action.CONTACT)
        session.put_order(WorkOrder(changed.record, (*changed.events, sign)))
    found = remembered(repo.folder)
    assert "Q001" not in found and len(found) == 29


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[]",
        b'{"settings": 1, "orders": ["Q001"], "lines": [], "standings": [], "keys": []}',
        b'{"settings": 1, "orders": ["Q001"], "lines": [1], "standings": [7], "keys": [1.0]}',
    ],
    ids=["empty", "garbage", "wrong-shape", "columns-of-different-lengths", "unknown-standing"],
)
def test_a_damaged_file_is_no_hint_and_the_start_still_shows_the_right_page(
    repo: FileRepository, content: bytes
) -> None:
    (repo.folder / RANKS).write_bytes(content)
    assert remembered(repo.folder) == {}
    session = repo.snapshot()
    page = services.first_page(session, services.identify(session, "clerk"), 5, NOW)
    remember(repo)  # the right ranks, from a full read
    assert page == services.first_page(repo.snapshot(), services.identify(session, "clerk"), 5, NOW)


def test_a_fifo_planted_under_the_name_does_not_hang_the_start(repo: FileRepository) -> None:
    os.mkfifo(repo.folder / RANKS)
    assert within_a_second(lambda: remembered(repo.folder)) == {}


def test_a_link_planted_under_the_name_is_not_followed(repo: FileRepository, tmp_path: Path) -> None:
    remember(repo)
    elsewhere = tmp_path / "elsewhere.json"
    os.replace(repo.folder / RANKS, elsewhere)  # good ranks, but reached through a link
    (repo.folder / RANKS).symlink_to(elsewhere)
    assert within_a_second(lambda: remembered(repo.folder)) == {}
    os.unlink(repo.folder / RANKS)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (repo.folder / RANKS).symlink_to(fifo)
    assert within_a_second(lambda: remembered(repo.folder)) == {}


def test_a_folder_that_cannot_be_written_keeps_what_it_has(
    repo: FileRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(path: Path, data: bytes) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(remembered_ranks, "write_atomic", read_only)
    remember(repo)  # raises nothing
    assert not (repo.folder / RANKS).exists()


def test_the_file_holds_ranks_and_checksums_only(repo: FileRepository) -> None:
    """Disability data stays in the journaled files: the hint names orders, nothing personal."""
    remember(repo)
    stored = orjson.loads((repo.folder / RANKS).read_bytes())
    assert set(stored) == {"settings", "orders", "lines", "standings", "keys"}
    assert "金" not in (repo.folder / RANKS).read_text(encoding="utf-8")
