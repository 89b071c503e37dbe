"""Backup while clerks work, and restore that never silently clobbers."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from hotline_core.adapters.storage import (
    Database,
    DatabaseDamaged,
    DatabaseExists,
)
from hotline_core.adapters.storage.backup import backup
from hotline_core.adapters.storage.restore import restore
from tests.integration.storage.samples import order


@pytest.fixture
def full_db(db: Database) -> Database:
    with db.transaction() as tx:
        for n in range(1, 4):
            tx.put("orders", f"YB{n:06d}", order(n))
    db.archive("orders", ["YB000001"], "2026Q3")
    db.attachments.put(b"\x89PNG feedback photo", "photo.png")
    return db


def _state(db: Database) -> tuple[object, ...]:
    archives = {p: db.read_archive(p).all("orders") for p in db.archive_periods()}
    return db.read().all("orders"), archives, [p.name for p in db.attachments.files()], db.read().seq


@pytest.mark.parametrize("compress", [False, True], ids=["folder", "tar.gz"])
def test_a_backup_restores_to_the_same_database(full_db: Database, tmp_path: Path, compress: bool) -> None:
    copy = backup(full_db, tmp_path / "backups", compress=compress)
    assert copy.name.startswith("hotline-backup-") and copy.name.endswith(".tar.gz") == compress
    assert restore(copy, tmp_path / "restored") is None
    restored = Database.open(tmp_path / "restored")
    assert _state(restored) == _state(full_db)
    assert restored.check() == []


@pytest.mark.slow  # another process writing throughout
def test_a_backup_taken_while_another_clerk_writes_is_consistent(
    full_db: Database, folder: Path, tmp_path: Path
) -> None:
    def clerk() -> None:
        other = Database.open(folder)
        for n in range(100, 400):
            with other.transaction() as tx:
                tx.put("orders", f"YB{n:06d}", order(n))
                tx.put("counters", "total", {"n": n - 99})

    worker = threading.Thread(target=clerk)
    worker.start()
    copies = []
    while worker.is_alive() or not copies:
        copies.append(backup(full_db, tmp_path / "backups", name=f"b{len(copies)}"))
    worker.join()
    for i, copy in enumerate(copies):
        restore(copy, tmp_path / f"restored{i}")
        restored = Database.open(tmp_path / f"restored{i}")
        snapshot = restored.read()
        assert len(snapshot.keys("orders")) == 2 + (snapshot.get("counters", "total") or {"n": 0})["n"]
        assert restored.check() == []


def test_restore_refuses_to_overwrite_a_live_database(
    full_db: Database, folder: Path, tmp_path: Path
) -> None:
    copy = backup(full_db, tmp_path / "backups")
    before = (folder / "working.json").read_bytes()
    with pytest.raises(DatabaseExists, match="replace"):
        restore(copy, folder)
    assert (folder / "working.json").read_bytes() == before


def test_restore_with_replace_keeps_a_copy_of_what_it_replaced(
    full_db: Database, folder: Path, tmp_path: Path
) -> None:
    copy = backup(full_db, tmp_path / "backups")
    with full_db.transaction() as tx:
        tx.put("orders", "YB000099", order(99))
    replaced_working = (folder / "working.json").read_bytes()
    kept = restore(copy, folder, replace=True)
    assert kept is not None and kept.parent == folder / "replaced"
    assert (kept / "working.json").read_bytes() == replaced_working
    assert full_db.read().get("orders", "YB000099") is None
    assert Database.open(kept.parent.parent).check() == []


def test_a_damaged_backup_is_refused_and_the_target_left_alone(full_db: Database, tmp_path: Path) -> None:
    copy = backup(full_db, tmp_path / "backups")
    (copy / "journal.jsonl").write_bytes((copy / "journal.jsonl").read_bytes()[:-3])
    with pytest.raises(DatabaseDamaged, match=r"journal\.jsonl does not match its manifest"):
        restore(copy, tmp_path / "restored")
    assert not (tmp_path / "restored").exists() or not any((tmp_path / "restored").iterdir())
    (tmp_path / "junk.tar.gz").write_bytes(b"not a tar file")
    with pytest.raises(DatabaseDamaged, match="not a readable backup"):
        restore(tmp_path / "junk.tar.gz", tmp_path / "restored")
