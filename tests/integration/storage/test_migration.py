"""Older files move forward through the domain's migrations, with a copy kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline_core.adapters.storage import (
    Database,
    SchemaTooNew,
    Tables,
)
from hotline_core.adapters.storage.rebuild import rebuild_from_journal
from hotline_core.adapters.storage.schema import Schema


def _rename_name_to_citizen(tables: Tables) -> Tables:
    for docs in tables.values():
        for doc in docs.values():
            doc["citizen"] = doc.pop("name")
    return tables


V2 = Schema(version=2, migrations={1: _rename_name_to_citizen})


@pytest.fixture
def v1_db(db: Database) -> Database:
    with db.transaction() as tx:
        tx.put("orders", "YB000001", {"name": "金某"})
        tx.put("orders", "YB000002", {"name": "李某"})
    db.archive("orders", ["YB000002"], "2026Q3")
    return db


def test_opening_with_a_newer_schema_migrates_and_keeps_the_old_file(v1_db: Database, folder: Path) -> None:
    old = (folder / "working.json").read_bytes()
    db = Database.open(folder, V2)
    assert db.read().all("orders") == {"YB000001": {"citizen": "金某"}}
    assert b'"schema":2' in (folder / "working.json").read_bytes()
    assert (folder / "pre-migration" / "v1-seq2" / "working.json").read_bytes() == old


def test_an_old_archive_is_read_migrated_and_migrated_on_disk_when_next_written(
    v1_db: Database, folder: Path
) -> None:
    archive = folder / "archive" / "2026Q3.json"
    old = archive.read_bytes()
    db = Database.open(folder, V2)
    assert db.read_archive("2026Q3").all("orders") == {"YB000002": {"citizen": "李某"}}
    assert archive.read_bytes() == old
    db.archive("orders", ["YB000001"], "2026Q3")
    assert db.read_archive("2026Q3").all("orders") == {
        "YB000002": {"citizen": "李某"},
        "YB000001": {"citizen": "金某"},
    }
    assert (folder / "pre-migration" / "v1-seq2" / "archive" / "2026Q3.json").read_bytes() == old


def test_a_program_that_knows_only_the_old_schema_refuses_the_migrated_files(
    v1_db: Database, folder: Path
) -> None:
    Database.open(folder, V2)
    migrated = (folder / "working.json").read_bytes()
    with pytest.raises(SchemaTooNew):
        Database.open(folder)
    with pytest.raises(SchemaTooNew):
        v1_db.read()
    assert (folder / "working.json").read_bytes() == migrated


def test_a_rebuild_runs_each_migration_where_it_happened(
    v1_db: Database, folder: Path, tmp_path: Path
) -> None:
    db = Database.open(folder, V2)
    with db.transaction() as tx:
        tx.put("orders", "YB000003", {"citizen": "朴某"})
    rebuilt = rebuild_from_journal(folder / "journal.jsonl", tmp_path / "rebuilt", V2)
    assert rebuilt.read().all("orders") == db.read().all("orders")
    assert rebuilt.read_archive("2026Q3").all("orders") == db.read_archive("2026Q3").all("orders")


def test_a_schema_without_every_migration_step_is_refused() -> None:
    with pytest.raises(ValueError, match="lacks migrations"):
        Schema(version=3, migrations={1: _rename_name_to_citizen})
