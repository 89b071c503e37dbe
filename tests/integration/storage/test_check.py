"""check(): every file verified, every problem listed with its file."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline_core.adapters.storage import Database, check
from tests.integration.storage.samples import order


@pytest.fixture
def busy_db(db: Database) -> Database:
    for n in range(1, 5):
        with db.transaction() as tx:
            tx.put("orders", f"YB{n:06d}", order(n))
    db.archive("orders", ["YB000001", "YB000002"], "2026Q3")
    db.attachments.put(b"\x89PNG feedback", "feedback.png")
    return db


def test_a_healthy_database_has_no_problems(busy_db: Database) -> None:
    assert busy_db.check() == []


def test_check_finds_a_damaged_archive(busy_db: Database, folder: Path) -> None:
    archive = folder / "archive" / "2026Q3.json"
    archive.write_bytes(archive.read_bytes()[:40])
    problems = busy_db.check()
    assert [(p.path, p.reason.split(":")[0]) for p in problems] == [(archive, "truncated")]


def test_check_finds_a_damaged_journal_line_even_when_it_still_parses(
    busy_db: Database, folder: Path
) -> None:
    journal = folder / "journal.jsonl"
    lines = journal.read_bytes().split(b"\n")
    lines[1] = lines[1].replace("金某".encode(), "全某".encode())
    lines[2] = b"garbage"
    journal.write_bytes(b"\n".join(lines))
    reasons = [str(p) for p in busy_db.check()]
    assert f"{journal}: line 2: checksum mismatch" in reasons
    assert f"{journal}: line 3: no checksum" in reasons


def test_check_finds_an_altered_attachment(busy_db: Database, folder: Path) -> None:
    (stored,) = busy_db.attachments.files()
    stored.write_bytes(b"something else")
    assert [p.path for p in busy_db.check()] == [stored]


def test_check_lists_problems_even_when_the_working_file_cannot_be_read(
    busy_db: Database, folder: Path
) -> None:
    (folder / "working.json").write_bytes(b"")
    (folder / "archive" / "notes.txt").write_text("stray")
    problems = check(folder)
    assert {p.path.name for p in problems} == {"working.json", "notes.txt"}
    assert all("\n" not in str(p) for p in problems)
