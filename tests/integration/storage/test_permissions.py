"""Files are for the clerks' group only, whatever umask the creator had."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from hotline_core.adapters.storage import Database
from hotline_core.adapters.storage.backup import backup


@pytest.fixture(params=[0o077, 0o000, 0o022], ids=["umask077", "umask000", "umask022"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_every_file_is_0660_and_every_folder_02770(umask: int, tmp_path: Path) -> None:
    folder = tmp_path / "srv" / "hotline"
    db = Database.open(folder, create=True)
    with db.transaction() as tx:
        tx.put("orders", "YB000001", {"name": "金某"})
    db.archive("orders", ["YB000001"], "2026Q3")
    db.attachments.put(b"photo", "photo.png")
    copy = backup(db, tmp_path / "backups")
    for root in (folder, copy):
        for path in root.rglob("*"):
            mode = stat.S_IMODE(path.stat().st_mode)
            expected = 0o600 if path.name == "chain.key" else 0o660  # the history key: its owner only
            assert mode == (0o2770 if path.is_dir() else expected), path
    assert stat.S_IMODE(folder.stat().st_mode) == 0o2770
    assert stat.S_IMODE((tmp_path / "srv").stat().st_mode) == 0o2770
    # A backup holds every record: its folder is its owner's only, wherever it lands.
    assert stat.S_IMODE(copy.stat().st_mode) == 0o700
    compressed = backup(db, tmp_path / "backups", compress=True)
    assert stat.S_IMODE(compressed.stat().st_mode) == 0o600
