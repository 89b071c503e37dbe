"""Hand edits of the files are caught: ``hotline check`` names each one and fails (issue 14.3).

Each test edits a demo database the way someone with write access to the
files could, then runs the real ``hotline check``: it must exit non-zero and
name the file, the record (order, user) and the field. An untouched copy
passes, and ``check --digest`` changes when history is rewritten even by a
holder of the key.
"""

from __future__ import annotations

import json
import shutil
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve

from hotline_core.adapters.repository import FileRepository
from hotline_core.adapters.storage import Database, Schema, check
from hotline_core.adapters.storage.layout import Image, decode, encode, make_line

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from hotline_tui.cli import main

    folder = tmp_path_factory.mktemp("demo") / "db"
    with pytest.MonkeyPatch.context() as patch:  # made by the login the cli fixture acts as
        patch.setattr("hotline_tui.cli.context.current_login", lambda *_: "founder")
        assert main(["demo", "--db", str(folder), "--json"]) == 0
    return folder


@pytest.fixture
def folder(pristine: Path, tmp_path: Path, cli) -> Path:
    copy = tmp_path / "db"  # the cli fixture's database
    shutil.copytree(pristine, copy)
    return copy


def _edit_file(path: Path, table: str, change: Callable[[dict[str, bytes]], None]) -> None:
    image = decode(path, path.read_bytes())
    lines = dict(image.tables.get(table, {}))
    change(lines)
    path.write_bytes(encode(Image(meta=image.meta, tables={**image.tables, table: lines})))


def _edit_doc(path: Path, table: str, key: str, change: Callable[[Doc], None]) -> None:
    def edit(lines: dict[str, bytes]) -> None:
        doc = json.loads(lines[key][len(json.dumps(key, ensure_ascii=False).encode()) + 1 :])
        change(doc)
        lines[key] = make_line(key, doc)

    _edit_file(path, table, edit)


def _orders(path: Path) -> dict[str, Doc]:
    image = decode(path, path.read_bytes())
    return {k: json.loads(v[len(k) + 3 :]) for k, v in image.tables["orders"].items()}


def _order_with(folder: Path, action: str) -> tuple[str, int]:
    for key, doc in _orders(folder / "working.json").items():
        for index, event in enumerate(doc["events"]):
            if event["action"] == action:
                return key, index
    raise AssertionError(f"the demo has no {action} event")


def _check(cli) -> tuple[int, str]:
    code, out, err = cli("check")
    return code, f"{out}{err}"


def test_an_untouched_copy_passes(folder: Path, cli) -> None:
    assert _check(cli) == (0, _check(cli)[1]) and "正常" in _check(cli)[1]


@pytest.mark.parametrize(
    ("action", "field", "value"),
    [("sign", "actor", "lizhuren"), ("sign", "at", "2020-01-01T08:00:00+08:00"), ("transfer", "at", None)],
    ids=["actor changed", "sign back-dated", "transfer back-dated"],
)
def test_an_edited_event_is_named_by_order_event_and_field(
    folder: Path, cli, action: str, field: str, value: str | None
) -> None:
    key, index = _order_with(folder, action)

    def change(doc: Doc) -> None:
        doc["events"][index][field] = value or doc["events"][index - 1][field]

    _edit_doc(folder / "working.json", "orders", key, change)
    code, report = _check(cli)
    assert code == 1 and f"orders {key}: altered" in report and f"events[{index}].{field}" in report


def test_a_removed_last_event_a_changed_note_and_name_are_named(folder: Path, cli) -> None:
    key, _ = _order_with(folder, "transfer")

    def change(doc: Doc) -> None:
        doc["events"].pop()
        doc["events"][0]["note"] = "改过"
        doc["record"]["citizen"]["name"] = "别人"

    _edit_doc(folder / "working.json", "orders", key, change)
    code, report = _check(cli)
    assert code == 1
    assert "events[0].note" in report and "record.citizen.name" in report and "(missing)" in report


def test_a_granted_role_is_named(folder: Path, cli) -> None:
    _edit_doc(
        folder / "working.json", "users", "wangfang", lambda doc: doc.update(roles=["admin", "handler"])
    )
    code, report = _check(cli)
    assert code == 1 and "users wangfang: altered" in report and "roles" in report


def test_a_deleted_order_and_an_added_one_are_named(folder: Path, cli) -> None:
    key, _ = _order_with(folder, "transfer")

    def change(lines: dict[str, bytes]) -> None:
        lines["FAKE1"] = make_line("FAKE1", {"forged": True})
        del lines[key]

    _edit_file(folder / "working.json", "orders", change)
    code, report = _check(cli)
    assert code == 1 and f"orders {key}: missing" in report and "orders FAKE1: extra" in report


def test_an_edited_archive_is_named(folder: Path, cli) -> None:
    (archive,) = (folder / "archive").glob("*.json")
    (key,) = list(_orders(archive))[:1]
    _edit_doc(archive, "orders", key, lambda doc: doc["events"][0].update(actor="nobody"))
    code, report = _check(cli)
    assert code == 1 and f"{archive}: orders {key}: altered" in report and "events[0].actor" in report


def _rewrite_journal_line(journal: Path, number: int, old: bytes, new: bytes) -> None:
    """Edit line ``number`` and recompute its CRC, as a careful forger would."""
    lines = journal.read_bytes().split(b"\n")
    line = lines[number - 1]
    assert old in line
    body = line[18:].replace(old, new)
    lines[number - 1] = b'{"crc":"%08x",' % zlib.crc32(body) + body
    journal.write_bytes(b"\n".join(lines))


def test_a_journal_line_rewritten_with_a_recomputed_crc_is_not_authentic(folder: Path, cli) -> None:
    journal = folder / "journal.jsonl"
    _rewrite_journal_line(journal, 1, b'"actor":"wangfang"', b'"actor":"lizhuren"')
    code, report = _check(cli)
    assert code == 1 and f"{journal}: line 1: not authentic" in report
    assert "checksum" not in report


def test_a_journal_and_working_file_edited_together_still_fail(folder: Path, cli) -> None:
    key, index = _order_with(folder, "sign")
    _rewrite_journal_line(folder / "journal.jsonl", 1, b'"actor":"wangfang"', b'"actor":"lizhuren"')
    _edit_doc(
        folder / "working.json", "orders", key, lambda doc: doc["events"][index].update(actor="lizhuren")
    )
    code, report = _check(cli)
    assert code == 1 and "line 1: not authentic" in report


def test_a_removed_journal_line_and_a_removed_key_are_named(folder: Path, cli) -> None:
    journal = folder / "journal.jsonl"
    lines = journal.read_bytes().split(b"\n")
    journal.write_bytes(b"\n".join(lines[1:]))
    (folder / "chain.key").unlink()
    code, report = _check(cli)
    assert code == 1 and "chain.key: missing" in report and "line 1: seq 2, expected 1" in report


def test_the_digest_changes_when_history_is_rewritten_even_with_the_key(folder: Path, cli) -> None:
    code, before, _ = cli("check", "--digest", "--json")
    assert code == 0 and len(before["digest"]) == 19
    journal = folder / "journal.jsonl"
    _rewrite_journal_line(journal, 1, b'"language":"zh_CN"', b'"language":"ko"')
    # Someone holding the key re-chains every line after the edit: check alone cannot tell...
    _rechain(folder)
    assert "not authentic" not in _check(cli)[1]
    # ...but the digest kept on paper no longer matches.
    _, after, _ = cli("check", "--digest", "--seq", str(before["seq"]), "--json")
    assert after["digest"] != before["digest"]


def _rechain(folder: Path) -> None:
    from hotline_core.adapters.storage import chain

    key = (folder / "chain.key").read_text().strip()
    head, out = chain.START, []
    for line in (folder / "journal.jsonl").read_bytes().splitlines():
        covered, _ = chain.split_mac(line[18:])
        head = chain.link(bytes.fromhex(key), head, covered)
        body = chain.seal(covered, head)
        out.append(b'{"crc":"%08x",' % zlib.crc32(body) + body)
    (folder / "journal.jsonl").write_bytes(b"\n".join(out) + b"\n")


def _unchain(folder: Path) -> None:
    """Make ``folder`` look like a database from before chaining: no macs, no key."""
    from hotline_core.adapters.storage import chain

    out = []
    for line in (folder / "journal.jsonl").read_bytes().splitlines():
        covered, _ = chain.split_mac(line[18:])
        body = covered + b"}"
        out.append(b'{"crc":"%08x",' % zlib.crc32(body) + body)
    (folder / "journal.jsonl").write_bytes(b"\n".join(out) + b"\n")
    (folder / "chain.key").unlink()
    working = decode(folder / "working.json", (folder / "working.json").read_bytes())
    meta = evolve(working.meta, journal_end=(folder / "journal.jsonl").stat().st_size)
    (folder / "working.json").write_bytes(encode(Image(meta=meta, tables=working.tables)))


def test_a_database_from_before_chaining_is_chained_once_then_verified(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    old = Database.open(folder, Schema(version=1), create=True)
    for n in range(3):
        with old.transaction() as tx:
            tx.put("orders", f"A{n}", {"n": n})
    _unchain(folder)
    assert check(folder, Schema(version=1)) == []  # nothing to verify yet

    repo = FileRepository.open(folder)  # the first open by this program migrates and chains
    assert (folder / "chain.key").stat().st_mode & 0o777 == 0o600
    assert repo.db.read().seq == 4 and repo.storage_problems() == []
    assert b'"v":2' in (folder / "journal.jsonl").read_bytes().splitlines()[-1]

    _rewrite_journal_line(folder / "journal.jsonl", 2, b'"n":1', b'"n":9')
    assert any("line 4: not authentic" in p for p in repo.storage_problems())


def test_a_change_a_crash_left_half_written_is_not_taken_for_an_edit(tmp_path: Path) -> None:
    folder = tmp_path / "db"
    db = Database.open(folder, create=True)
    with db.transaction() as tx:
        tx.put("orders", "A1", {"n": 1})
        tx.put("orders", "A2", {"n": 2})
    db.archive("orders", ["A2"], "2026Q2")
    before = (folder / "working.json").read_bytes(), (folder / "archive" / "2026Q2.json").read_bytes()
    db.archive("orders", ["A1"], "2026Q2")
    # killed after the journal append, before the archive and the working file were renamed in
    (folder / "working.json").write_bytes(before[0])
    (folder / "archive" / "2026Q2.json").write_bytes(before[1])
    assert check(folder) == []
    reopened = Database.open(folder)
    assert reopened.read().keys("orders") == [] and check(folder) == []
    assert reopened.read_archive("2026Q2").keys("orders") == ["A2", "A1"]
