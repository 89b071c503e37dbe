"""The archive index on the real files: kept with each archive, rebuilt, restored, checked."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from hotline_core import services
from hotline_core.adapters.repository import SCHEMA, FileRepository
from hotline_core.adapters.storage.rebuild import rebuild_from_journal
from hotline_core.domain.events import Command
from tests.support import COMPLETE_FORM, at

RECEIVED = at("2026-11-20 16:01")
LATER = at("2026-11-25 10:00")
STEPS: list[tuple[str, dict[str, object]]] = [
    ("sign", {}),
    ("contact", {}),
    ("feedback", {"text": "已办", "no_image_reason": "电话答复"}),
    ("rate", {"level": "satisfied"}),
    ("close", {}),
    ("archive", {}),
]


def database(folder: Path, steps: list[tuple[str, dict[str, object]]] = STEPS) -> FileRepository:
    """A database with one archived order (OLD1, phone 13800001234) and one open (OPEN1)."""
    repo = services.open_database(folder, create=True)
    services.initialise(repo, "clerk", at("2026-07-01 09:00"))
    form = {**COMPLETE_FORM, "id": "OLD1", "phone": "13800001234", "reply": "已答复"}
    services.intake(repo, "clerk", [form, {**COMPLETE_FORM, "id": "OPEN1", "phone": "13999990000"}], RECEIVED)
    for minute, (action, data) in enumerate(steps, start=1):
        services.act(repo, "clerk", "OLD1", Command(action, data), RECEIVED + timedelta(minutes=minute))
    return repo


def found(repo: FileRepository, text: str) -> list[str]:
    return [o.id for o in services.search_orders(repo, "clerk", text, LATER)]


def test_archiving_indexes_the_order_in_the_same_transaction(tmp_path: Path) -> None:
    repo = database(tmp_path / "db")
    assert repo.snapshot().archived_period("OLD1") == "2026Q4"
    assert found(repo, "13800001234") == ["OLD1"]
    assert repo.archived_order("OLD1") is not None
    assert services.check(repo, "clerk", "zh_CN")[1] == []


def test_finding_an_archived_order_reads_only_its_quarter(tmp_path: Path, monkeypatch: object) -> None:
    repo = database(tmp_path / "db")
    read: list[str] = []
    original = repo.db.read_archive
    repo.db.read_archive = lambda period: read.append(period) or original(period)  # type: ignore[method-assign]
    (tmp_path / "db" / "archive" / "2020Q1.json").write_bytes(
        (tmp_path / "db" / "archive" / "2026Q4.json").read_bytes()
    )
    assert repo.archived_order("OLD1") is not None and read == ["2026Q4"]
    read.clear()
    assert found(repo, "13800001234") == ["OLD1"] and read == ["2026Q4"]
    read.clear()
    assert found(repo, "13711112222") == [] and read == []


def test_a_database_rebuilt_from_its_journal_has_the_index(tmp_path: Path) -> None:
    database(tmp_path / "db")
    rebuild_from_journal(tmp_path / "db" / "journal.jsonl", tmp_path / "rebuilt", SCHEMA)
    rebuilt = services.open_database(tmp_path / "rebuilt")
    assert rebuilt.snapshot().archived_period("OLD1") == "2026Q4"
    assert found(rebuilt, "13800001234") == ["OLD1"]
    assert services.check(rebuilt, "clerk", "zh_CN")[1] == []


def test_a_restored_backup_keeps_the_index(tmp_path: Path) -> None:
    repo = database(tmp_path / "db")
    copy = services.backup(repo, "clerk", tmp_path / "backups", LATER)
    services.restore(copy, tmp_path / "restored", "clerk")
    restored = services.open_database(tmp_path / "restored")
    assert found(restored, "13800001234") == ["OLD1"]
    assert services.check(restored, "clerk", "zh_CN")[1] == []


def test_a_database_archived_before_the_index_gets_it_when_opened(tmp_path: Path) -> None:
    repo = database(tmp_path / "db", STEPS[:-1])
    repo.db.archive("orders", ["OLD1"], "2026Q4")  # as the program archived before the index
    old = FileRepository(repo.db)
    assert not old.snapshot().archive_indexed()
    assert found(old, "13800001234") == ["OLD1"]  # without the index, every archive is read
    reopened = services.open_database(tmp_path / "db")
    assert reopened.snapshot().archived_period("OLD1") == "2026Q4"
    assert found(reopened, "13800001234") == ["OLD1"]
    assert services.check(reopened, "clerk", "zh_CN")[1] == []


def test_check_names_an_archived_order_the_index_gets_wrong(tmp_path: Path) -> None:
    repo = database(tmp_path / "db")
    with repo.transaction() as session:
        session.index_archived(
            {"OLD1": {"period": "2026Q3", "keys": ["13800001234"]}, "GHOST": {"period": "2026Q4", "keys": []}}
        )
    problems = services.check(repo, "clerk", "zh_CN")[1]
    assert any("OLD1" in p and "2026Q4" in p for p in problems)
    assert any("GHOST" in p and "no archive" in p for p in problems)
