"""Reading the working file: each line checked once, every read a dict of its own, every change seen."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.adapters.storage import Database, DatabaseDamaged, layout, store
from tests.integration.storage.samples import order
from tests.support import COMPLETE_FORM, at

ORDERS = {f"YB{n:06d}": order(n) for n in range(1, 21)}


class Calls:
    """How many times a function of a module or class was called since ``counted``."""

    def __init__(self) -> None:
        self.count = 0


def counted(monkeypatch: pytest.MonkeyPatch, owner: ModuleType | type, name: str) -> Calls:
    calls, real = Calls(), getattr(owner, name)

    def counting(*args: Any) -> Any:
        calls.count += 1
        return real(*args)

    monkeypatch.setattr(owner, name, counting)
    return calls


@pytest.fixture
def filled(folder: Path) -> Path:
    db = Database.open(folder, create=True)
    with db.transaction() as tx:
        for key, doc in ORDERS.items():
            tx.put("orders", key, doc)
    return folder


def test_opening_checks_each_line_once_and_reading_the_same_bytes_again_checks_none(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = counted(monkeypatch, layout, "_key_of")
    db = Database.open(filled)
    assert checked.count == len(ORDERS)
    assert db.read().all("orders") == ORDERS and db.read().keys("orders") == list(ORDERS)
    assert checked.count == len(ORDERS)


def test_a_second_read_gets_equal_documents_of_its_own(filled: Path) -> None:
    db = Database.open(filled)
    first = db.read().all("orders")
    first["YB000001"]["status"] = "closed"
    first["YB000002"]["events"].append({"action": "close"})
    assert db.read().all("orders") == ORDERS
    assert db.read().get("orders", "YB000001") == order(1)


def test_a_change_by_another_process_is_seen_by_the_next_read_which_checks_only_its_line(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader, writer = Database.open(filled), Database.open(filled)
    assert reader.read().get("orders", "YB000003") == order(3)
    with writer.transaction() as tx:
        tx.put("orders", "YB000003", order(3, "closed"))
    checked = counted(monkeypatch, layout, "_key_of")
    snapshot = reader.read()
    assert snapshot.get("orders", "YB000003") == order(3, "closed")
    assert snapshot.all("orders") == {**ORDERS, "YB000003": order(3, "closed")}
    assert checked.count == 1


def test_a_line_damaged_after_the_open_is_reported_by_the_next_read(filled: Path) -> None:
    db = Database.open(filled)
    db.read().all("orders")
    working = filled / "working.json"
    tenth = b'"id":"YB000010","status":'
    working.write_bytes(working.read_bytes().replace(tenth + b'"open"', tenth + b"open"))
    for attempt in (db.read, lambda: Database.open(filled)):
        with pytest.raises(DatabaseDamaged) as caught:
            attempt()
        assert str(caught.value).startswith(f"{working}: not JSON: Expecting value (line 12, column ")


@pytest.mark.parametrize(
    "key",
    ["YB000001", "金某的单", 'a"quoted', "back\\slash", "tab\there", "\u2028line"],
)
def test_a_key_reads_back_whether_or_not_json_escapes_it(folder: Path, key: str) -> None:
    with Database.open(folder, create=True).transaction() as tx:
        tx.put("orders", key, order(1))
    snapshot = Database.open(folder).read()
    assert snapshot.keys("orders") == [key] and snapshot.get("orders", key) == order(1)


def test_a_number_the_fast_parser_would_round_reads_back_exactly(folder: Path) -> None:
    doc = {"big": 2**64 + 1, "small": -(2**63) - 1, "n": 7}
    with Database.open(folder, create=True).transaction() as tx:
        tx.put("orders", "A", doc)
        tx.put("orders", "B", order(2))
    back = Database.open(folder).read().all("orders")
    assert back == {"A": doc, "B": order(2)} and type(back["A"]["big"]) is int


def test_open_the_login_and_a_read_of_every_order_read_the_file_three_times_and_decode_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ``hotline`` does first (``hotline_tui/launch.py``, ``HotlineApp.reload``):
    each step reads the file from disk; only the first decodes it, the others find
    the same bytes."""
    repo = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repo, "clerk")
    forms = [{**COMPLETE_FORM, "id": f"A{n}"} for n in range(5)]
    services.intake(repo, "clerk", forms, at("2026-11-20 16:05"))
    read = counted(monkeypatch, store.Store, "working")
    decoded = counted(monkeypatch, store, "decode")
    repo = FileRepository.open(tmp_path / "db")
    services.identify(repo.snapshot(), "clerk")
    assert sorted(order.id for order in repo.snapshot().orders()) == [f"A{n}" for n in range(5)]
    assert (read.count, decoded.count) == (3, 1)
