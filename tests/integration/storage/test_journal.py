"""The journal alone rebuilds the whole database, archives included."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hotline_core.adapters.storage import (
    Database,
    DatabaseDamaged,
    DatabaseExists,
)
from hotline_core.adapters.storage.rebuild import rebuild_from_journal

KEYS = st.sampled_from(["A1", "A2", "A3", "延吉-4"])
OPS = st.one_of(
    st.tuples(
        st.just("put"),
        KEYS,
        st.dictionaries(st.sampled_from(["name", "n"]), st.text(max_size=5) | st.integers()),
    ),
    st.tuples(st.just("remove"), KEYS, st.none()),
    st.tuples(st.just("archive"), KEYS, st.sampled_from(["2026Q1", "2026Q2"])),
)


def _apply(db: Database, transactions: list[list[tuple[str, str, object]]]) -> None:
    for ops in transactions:
        with db.transaction() as tx:
            for kind, key, arg in ops:
                if kind == "put":
                    tx.put("orders", key, arg)  # type: ignore[arg-type]
                elif kind == "remove":
                    tx.remove("orders", key)
                elif tx.get("orders", key) is not None:
                    tx.archive("orders", [key], arg)  # type: ignore[arg-type]


def _state(db: Database) -> tuple[object, ...]:
    archives = {p: db.read_archive(p).all("orders") for p in db.archive_periods()}
    return db.read().all("orders"), archives, db.read().seq


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(OPS, max_size=4), max_size=6))
def test_a_rebuild_from_the_journal_equals_the_database(
    transactions: list[list[tuple[str, str, object]]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "db", create=True)
        _apply(db, transactions)
        rebuilt = rebuild_from_journal(Path(tmp) / "db" / "journal.jsonl", Path(tmp) / "rebuilt")
        assert _state(rebuilt) == _state(db)
        assert rebuilt.check() == []


def test_a_rebuild_refuses_to_write_over_a_database(db: Database, folder: Path) -> None:
    with pytest.raises(DatabaseExists):
        rebuild_from_journal(folder / "journal.jsonl", folder)


def test_a_rebuild_ignores_a_torn_last_line_and_stops_at_a_damaged_one(
    db: Database, folder: Path, tmp_path: Path
) -> None:
    _apply(db, [[("put", "A1", {"n": 1})], [("put", "A2", {"n": 2})]])
    journal = folder / "journal.jsonl"
    shutil.copy(folder / "chain.key", tmp_path / "chain.key")  # the key goes with its journal
    torn = tmp_path / "torn.jsonl"
    torn.write_bytes(journal.read_bytes() + b'{"crc":"0000')
    assert rebuild_from_journal(torn, tmp_path / "a").read().keys("orders") == ["A1", "A2"]
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_bytes(journal.read_bytes().replace(b'"n":1', b'"n":7'))
    with pytest.raises(DatabaseDamaged, match=r"damaged\.jsonl: line 1: checksum mismatch"):
        rebuild_from_journal(damaged, tmp_path / "b")
