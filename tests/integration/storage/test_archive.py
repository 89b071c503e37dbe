"""Quarterly archives keep the working file small and are read only when asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline_core.adapters.storage import Database, DocumentNotFound
from tests.integration.storage.samples import order


@pytest.fixture
def orders_db(db: Database) -> Database:
    with db.transaction() as tx:
        for n in range(1, 6):
            tx.put("orders", f"YB{n:06d}", order(n))
    return db


def test_archiving_moves_documents_out_of_the_working_file(orders_db: Database, folder: Path) -> None:
    orders_db.archive("orders", ["YB000001", "YB000002"], "2026Q3")
    assert orders_db.read().keys("orders") == ["YB000003", "YB000004", "YB000005"]
    assert orders_db.read_archive("2026Q3").all("orders") == {"YB000001": order(1), "YB000002": order(2)}
    assert b"YB000001" not in (folder / "working.json").read_bytes()


def test_a_later_archive_adds_to_the_quarter_and_periods_are_listed(orders_db: Database) -> None:
    orders_db.archive("orders", ["YB000001"], "2026Q3")
    orders_db.archive("orders", ["YB000002"], "2026Q3")
    orders_db.archive("orders", ["YB000003"], "2025Q4")
    assert orders_db.read_archive("2026Q3").keys("orders") == ["YB000001", "YB000002"]
    assert orders_db.archive_periods() == ["2025Q4", "2026Q3"]
    assert orders_db.read_archive("2024Q1").all("orders") == {}


def test_archiving_a_document_that_is_not_open_changes_nothing(orders_db: Database, folder: Path) -> None:
    before = (folder / "working.json").read_bytes()
    with pytest.raises(DocumentNotFound, match="YB000099"):
        orders_db.archive("orders", ["YB000001", "YB000099"], "2026Q3")
    assert (folder / "working.json").read_bytes() == before
    assert orders_db.archive_periods() == []


def test_a_period_must_be_a_quarter_name(orders_db: Database) -> None:
    for bad in ["2026Q5", "../etc", "2026-Q3", ""]:
        with pytest.raises(ValueError, match="2026Q3"):
            orders_db.archive("orders", ["YB000001"], bad)
        with pytest.raises(ValueError):
            orders_db.read_archive(bad)


def test_a_transaction_can_record_the_last_event_and_archive_together(orders_db: Database) -> None:
    with orders_db.transaction() as tx:
        closed = {**order(1), "status": "archived"}
        tx.put("orders", "YB000001", closed)
        tx.archive("orders", ["YB000001"], "2026Q4")
        assert tx.get("orders", "YB000001") is None
    assert orders_db.read_archive("2026Q4").get("orders", "YB000001") == closed


def test_daily_work_never_reads_the_archives(orders_db: Database, folder: Path) -> None:
    orders_db.archive("orders", ["YB000001"], "2026Q3")
    (folder / "archive" / "2026Q3.json").write_bytes(b"unreadable")
    with orders_db.transaction() as tx:
        tx.put("orders", "YB000006", order(6))
    assert len(Database.open(folder).read().keys("orders")) == 5
