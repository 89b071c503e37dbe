"""A damaged file gives a one-line error naming it and the reason, and is never touched."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from hotline_core.adapters.storage import Database, DatabaseDamaged, SchemaTooNew
from tests.integration.storage.samples import order

Damage = Callable[[bytes], bytes]

DAMAGES: dict[str, tuple[Damage, str]] = {
    "truncated": (lambda raw: raw[: len(raw) // 2], "truncated"),
    "truncated inside a character": (lambda raw: raw[: raw.index("金".encode()) + 1], "truncated"),
    "empty": (lambda raw: b"", "empty file"),
    "not JSON": (lambda raw: b"<html>not a database</html>\n", "not JSON"),
    "not UTF-8": (lambda raw: raw.replace("金".encode(), b"\xff\xfe"), "not UTF-8"),
    "a list at the top": (lambda raw: b"[]", "wrong shape"),
    "no _meta table": (lambda raw: b'{"orders": {}}', "no _meta"),
    "brackets that do not match": (lambda raw: raw.replace(b'"orders":{', b'"orders":[{', 1), "not JSON"),
    "a table that is not an object": (
        lambda raw: b'{"_meta":{"db":{"kind":"working","schema":1,"seq":1,"journal_end":0}},"orders":[]}',
        "wrong shape",
    ),
    "documents that are not objects": (
        lambda raw: (
            b'{"_meta":{"db":{"kind":"working","schema":1,"seq":1,"journal_end":0}},"orders":{"A":1}}'
        ),
        "wrong shape",
    ),
    "an archive in place of the working file": (
        lambda raw: raw.replace(b'"kind":"working"', b'"kind":"archive"'),
        "wrong shape",
    ),
    "a document holding NaN": (lambda raw: raw.replace('"金'.encode(), b'NaN,"x":"\xe9\x87\x91', 1), "NaN"),
    "a lone surrogate": (lambda raw: raw.replace('"金'.encode(), b'"\\ud800', 1), "surrogate"),
    "a document that is not JSON": (
        lambda raw: raw.replace(b'"status":"open"', b'"status":open'),
        "not JSON",
    ),
    "a key that is not UTF-8": (lambda raw: raw.replace(b'"YB000001"', b'"YB\xff00001"', 1), "not UTF-8"),
    "a newer schema version": (
        lambda raw: raw.replace(b'"schema":1', b'"schema":7'),
        "newer than this program",
    ),
}


@pytest.fixture
def damaged_db(db: Database) -> Database:
    with db.transaction() as tx:
        tx.put("orders", "YB000001", order(1))
    return db


@pytest.mark.parametrize("name", list(DAMAGES))
def test_a_damaged_working_file_is_named_explained_and_left_as_it_was(
    damaged_db: Database, folder: Path, name: str
) -> None:
    damage, reason = DAMAGES[name]
    working = folder / "working.json"
    broken = damage(working.read_bytes())
    working.write_bytes(broken)
    for attempt in (lambda: Database.open(folder), damaged_db.read, lambda: _write(damaged_db)):
        with pytest.raises(DatabaseDamaged) as caught:
            attempt()
        assert str(caught.value).startswith(f"{working}: ") and reason in str(caught.value)
        assert "\n" not in str(caught.value)
        assert working.read_bytes() == broken
    assert sorted(p.name for p in folder.iterdir()) == ["chain.key", "journal.jsonl", "lock", "working.json"]


def test_a_newer_schema_is_its_own_kind_of_error(damaged_db: Database, folder: Path) -> None:
    working = folder / "working.json"
    working.write_bytes(working.read_bytes().replace(b'"schema":1', b'"schema":2'))
    with pytest.raises(SchemaTooNew, match="upgrade hotline"):
        Database.open(folder)


def test_a_damaged_archive_is_reported_and_not_written_over(damaged_db: Database, folder: Path) -> None:
    damaged_db.archive("orders", ["YB000001"], "2026Q3")
    with damaged_db.transaction() as tx:
        tx.put("orders", "YB000002", order(2))
    archive = folder / "archive" / "2026Q3.json"
    archive.write_bytes(archive.read_bytes()[:-10])
    before = (folder / "working.json").read_bytes(), archive.read_bytes()
    with pytest.raises(DatabaseDamaged, match=r"2026Q3\.json: truncated"):
        damaged_db.read_archive("2026Q3")
    with pytest.raises(DatabaseDamaged, match=r"2026Q3\.json: truncated"):
        damaged_db.archive("orders", ["YB000002"], "2026Q3")
    assert ((folder / "working.json").read_bytes(), archive.read_bytes()) == before


def test_a_journal_shorter_than_the_working_file_says_is_damage(damaged_db: Database, folder: Path) -> None:
    journal = folder / "journal.jsonl"
    journal.write_bytes(journal.read_bytes()[:-5])
    with pytest.raises(DatabaseDamaged, match=r"journal\.jsonl: truncated"):
        Database.open(folder)


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (
            lambda line: line.replace("金某".encode(), "李某".encode()),
            "the record ending at byte {end} is damaged",
        ),
        (lambda line: line[:-1] + b" ", "no complete record ends at byte {end}"),
    ],
)
def test_a_last_journal_record_edited_by_hand_is_refused_at_open(
    damaged_db: Database, folder: Path, edit: Callable[[bytes], bytes], reason: str
) -> None:
    """The record the working file says it ends with is checked on open (its checksum)."""
    journal = folder / "journal.jsonl"
    *earlier, last, _ = journal.read_bytes().split(b"\n")
    journal.write_bytes(b"\n".join([*earlier, edit(last + b"\n")]))
    with pytest.raises(DatabaseDamaged) as caught:
        Database.open(folder)
    assert str(caught.value) == f"{journal}: " + reason.format(end=journal.stat().st_size)


def test_a_missing_working_file_beside_a_journal_is_damage_not_a_new_database(
    damaged_db: Database, folder: Path
) -> None:
    (folder / "working.json").unlink()
    with pytest.raises(DatabaseDamaged, match=r"working\.json: missing"):
        Database.open(folder, create=True)
    assert not (folder / "working.json").exists()


def test_a_journal_from_another_database_is_refused(
    damaged_db: Database, folder: Path, tmp_path: Path
) -> None:
    other = Database.open(tmp_path / "other", create=True)
    for n in range(3):
        with other.transaction() as tx:
            tx.put("orders", f"X{n}", {"n": n})
    (folder / "journal.jsonl").write_bytes((tmp_path / "other" / "journal.jsonl").read_bytes())
    with pytest.raises(DatabaseDamaged, match=r"journal\.jsonl"):
        Database.open(folder)


def _write(db: Database) -> None:
    with db.transaction() as tx:
        tx.put("orders", "YB000009", json.loads('{"x": 1}'))
