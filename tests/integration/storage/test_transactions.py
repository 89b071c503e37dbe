"""Transactions: what a clerk's change does to the files, and what it never does."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from tinydb import Query

from hotline_core.adapters.storage import Database, DatabaseNotFound, StorageError
from hotline_core.adapters.storage.tinydb_view import open_tinydb
from tests.integration.storage.samples import order


def test_a_committed_change_is_read_back_by_another_open_database(db: Database, folder: Path) -> None:
    with db.transaction() as tx:
        tx.put("orders", "YB000001", order(1))
    assert Database.open(folder).read().get("orders", "YB000001") == order(1)


def test_an_exception_inside_the_transaction_writes_nothing(db: Database, folder: Path) -> None:
    with db.transaction() as tx:
        tx.put("orders", "YB000001", order(1))
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    with pytest.raises(RuntimeError), db.transaction() as tx:
        tx.put("orders", "YB000002", order(2))
        raise RuntimeError("the clerk's rule failed")
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert db.read().keys("orders") == ["YB000001"]


def test_a_transaction_that_changes_nothing_writes_nothing(db: Database, folder: Path) -> None:
    before = (folder / "working.json").read_bytes(), (folder / "journal.jsonl").read_bytes()
    with db.transaction() as tx:
        assert tx.get("orders", "missing") is None
    assert ((folder / "working.json").read_bytes(), (folder / "journal.jsonl").read_bytes()) == before


def test_reads_inside_a_transaction_see_its_own_writes(db: Database) -> None:
    with db.transaction() as tx:
        tx.put("orders", "YB000001", order(1))
        assert tx.get("orders", "YB000001") == order(1)
        assert tx.keys("orders") == ["YB000001"]
        assert tx.tables() == ["orders"]


def test_a_change_by_another_process_is_the_base_of_the_next_write(folder: Path, db: Database) -> None:
    other = Database.open(folder)
    with db.transaction() as tx:
        tx.put("counters", "n", {"n": 1})
    with other.transaction() as tx:
        tx.put("counters", "n", {"n": tx.get("counters", "n")["n"] + 1})  # type: ignore[index]
    with db.transaction() as tx:
        tx.put("counters", "n", {"n": tx.get("counters", "n")["n"] + 1})  # type: ignore[index]
    assert other.read().get("counters", "n") == {"n": 3}


def test_documents_handed_out_are_copies(db: Database) -> None:
    with db.transaction() as tx:
        tx.put("orders", "YB000001", order(1))
        tx.get("orders", "YB000001")["status"] = "changed"  # type: ignore[index]
    db.read().get("orders", "YB000001")["status"] = "changed"  # type: ignore[index]
    assert db.read().get("orders", "YB000001") == order(1)


def test_chinese_text_is_written_as_utf8_compact_json(db: Database, folder: Path) -> None:
    with db.transaction() as tx:
        tx.put("orders", "YB000001", order(1))
    raw = (folder / "working.json").read_bytes() + (folder / "journal.jsonl").read_bytes()
    assert "金某".encode() in raw
    assert b"\\u" not in raw and b", " not in raw and b": " not in raw


def test_a_value_json_cannot_hold_is_refused_at_put(db: Database) -> None:
    with db.transaction() as tx:
        with pytest.raises(TypeError):
            tx.put("orders", "YB000001", {"when": {1, 2}})
        with pytest.raises(ValueError):
            tx.put("orders", "YB000001", {"score": math.nan})
        with pytest.raises(TypeError):
            tx.put("orders", "YB000001", ["not", "a", "document"])  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            tx.put("Orders!", "YB000001", {})
        with pytest.raises(ValueError):
            tx.put("orders", "", {})
    assert db.read().tables() == []


def test_remove_replaces_settings_and_ignores_absent_documents(db: Database, folder: Path) -> None:
    with db.transaction() as tx:
        tx.put("settings", "policy", {"name": "yanbian-2019"})
    journal = (folder / "journal.jsonl").read_bytes()
    with db.transaction() as tx:
        assert tx.remove("settings", "other") is False
    assert (folder / "journal.jsonl").read_bytes() == journal
    with db.transaction() as tx:
        assert tx.remove("settings", "policy") is True
    assert db.read().all("settings") == {}


def test_search_takes_a_tinydb_query(db: Database) -> None:
    with db.transaction() as tx:
        tx.put("orders", "YB000001", order(1))
        tx.put("orders", "YB000002", order(2, status="closed"))
        assert list(tx.search("orders", Query().status == "closed")) == ["YB000002"]
    assert list(db.read().search("orders", Query().status == "open")) == ["YB000001"]


def test_plain_tinydb_reads_the_files_but_cannot_write_them(db: Database, folder: Path) -> None:
    with db.transaction() as tx:
        tx.put("orders", "YB000001", order(1))
    tiny = open_tinydb(folder / "working.json")
    assert tiny.table("orders").get(doc_id="YB000001") == order(1)
    with pytest.raises(StorageError, match="read-only"):
        tiny.table("orders").update({"status": "closed"})


def test_a_nested_transaction_is_refused_instead_of_waiting_for_itself(db: Database) -> None:
    with db.transaction(), pytest.raises(StorageError, match="already running"):
        db.read()


def test_a_transaction_cannot_be_used_after_it_ends(db: Database) -> None:
    with db.transaction() as tx:
        pass
    with pytest.raises(StorageError, match="ended"):
        tx.put("orders", "YB000001", order(1))


def test_opening_a_missing_database_without_create_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseNotFound, match="no database here"):
        Database.open(tmp_path / "typo")
    with pytest.raises(DatabaseNotFound):
        Database.open(tmp_path)


def test_a_file_in_another_json_layout_is_read_and_rewritten_in_ours(db: Database, folder: Path) -> None:
    working = folder / "working.json"
    working.write_text(
        '{\n  "_meta": {"db": {"kind": "working", "schema": 1, "seq": 0, "journal_end": 0}},\n'
        '  "orders": {"YB000001": {"name": "\\u91d1\\u67d0"}}\n}\n'
    )
    with db.transaction() as tx:
        tx.put("orders", "YB000002", {"name": "李某"})
    assert db.read().all("orders") == {"YB000001": {"name": "金某"}, "YB000002": {"name": "李某"}}
    assert working.read_text().count("\n") == 6


def test_opening_a_folder_that_is_no_database_leaves_no_trace_in_it(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("a clerk's own file")
    with pytest.raises(DatabaseNotFound):
        Database.open(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
