"""Attachments: stored once by content, described by a small reference."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from hotline_core.adapters.storage import Database, StorageError
from hotline_core.domain.model import Attachment


def test_the_same_bytes_stored_twice_are_one_file(db: Database) -> None:
    first = db.attachments.put(b"\x89PNG photo of the ramp", "ramp.png")
    second = db.attachments.put(b"\x89PNG photo of the ramp", "坡道.png")
    assert first.sha256 == second.sha256 and second.name == "坡道.png"
    assert len(list(db.attachments.files())) == 1


def test_a_reference_says_what_the_domain_needs(db: Database, folder: Path) -> None:
    ref = db.attachments.put(b"%PDF-1.7 reply", "答复.pdf")
    assert ref == Attachment(
        sha256=hashlib.sha256(b"%PDF-1.7 reply").hexdigest(),
        name="答复.pdf",
        media_type="application/pdf",
        size=14,
    )
    assert db.attachments.path_of(ref.sha256) == folder / "attachments" / ref.sha256[:2] / ref.sha256
    assert db.attachments.read(ref) == b"%PDF-1.7 reply"


def test_a_file_is_streamed_in_and_given_its_own_name(db: Database, tmp_path: Path) -> None:
    source = tmp_path / "scan.jpg"
    source.write_bytes(b"\xff\xd8" + b"x" * 3_000_000)
    ref = db.attachments.put_file(source)
    assert (ref.name, ref.media_type, ref.size) == ("scan.jpg", "image/jpeg", 3_000_002)
    assert db.attachments.read(ref) == source.read_bytes()


def test_a_damaged_or_missing_attachment_is_reported_on_read(db: Database) -> None:
    ref = db.attachments.put(b"photo", "photo.png")
    db.attachments.path_of(ref.sha256).write_bytes(b"other")
    with pytest.raises(StorageError, match="damaged"):
        db.attachments.read(ref)
    db.attachments.path_of(ref.sha256).unlink()
    with pytest.raises(StorageError, match="missing"):
        db.attachments.read(ref)
