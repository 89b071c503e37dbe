"""Every bad input gets one line naming what is wrong, and nothing half-written (issue 14.7).

The real ``main()`` is fed hostile intake files and ``act`` arguments; it
must never show a traceback, must exit 0, 1 (some orders rejected) or 2 (a
refusal), and a refused command must leave the journal as it was.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import COMPLETE_FORM, MINIMAL_FORM, push


def _one_line(err: str) -> bool:
    return "Traceback" not in err and len(err.strip().splitlines()) == 1


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_a_deeply_nested_file_invalid_utf8_and_a_lone_surrogate_each_get_one_line(cli, tmp_path) -> None:
    cli("init")
    nested = _write(tmp_path, "nested.json", b"[" * 100_000 + b"]" * 100_000)
    code, _, err = cli("intake", nested)
    assert code == 2 and _one_line(err) and "嵌套" in err
    code, _, err = cli("intake", _write(tmp_path, "latin.json", b'[{"id": "\xff\xfe"}]'))
    assert code == 2 and _one_line(err) and "UTF-8" in err
    surrogate = json.dumps([{**MINIMAL_FORM, "appeal": "诉求\ud800"}]).encode()
    code, data, err = cli("intake", _write(tmp_path, "surrogate.json", surrogate), "--json")
    assert code == 1 and "主要诉求" in data["rejected"][0]["problems"][0]


@pytest.mark.parametrize(
    ("field", "value", "label"),
    [
        ("age", 10**5000, "年龄"),
        ("age", "9" * 5000, "年龄"),
        ("received_at", "0001-01-01T00:00:00", "受理时间"),
        ("received_at", "1900-01-01T08:00:00+08:00", "受理时间"),
        ("call_date", "0001-01-01", "来电日期"),
    ],
    ids=["huge age number", "huge age text", "year 0001", "year 1900", "call in year 0001"],
)
def test_a_bad_value_rejects_its_order_only_naming_the_field(cli, tmp_path, field, value, label) -> None:
    cli("init")
    bad = {**COMPLETE_FORM, "id": "BAD", field: value}
    good = {**MINIMAL_FORM, "id": "GOOD"}
    sys.set_int_max_str_digits(0)  # json.dumps of a 5,000-digit number, for the test file only
    try:
        pushed = push(tmp_path, good, bad)
    finally:
        sys.set_int_max_str_digits(4300)
    code, data, err = cli("intake", pushed, "--json")
    assert code == 1 and data["added"] == ["GOOD"], err
    assert data["rejected"][0]["id"] == "BAD" and label in data["rejected"][0]["problems"][0]


def test_db_naming_a_file_or_an_unreadable_folder_gets_one_line(cli, tmp_path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    for command in (["init"], ["demo"], ["check"], ["show", "A1"], ["users", "list"]):
        code, _, err = cli(*command, "--db", str(a_file))
        assert code == 2 and _one_line(err) and "notes.txt" in err, (command, err)


def test_output_piped_into_head_ends_quietly(tmp_path) -> None:
    env = {**os.environ, "HOTLINE_DB": str(tmp_path / "db"), "PYTHONPATH": str(Path.cwd())}
    run = [sys.executable, "-c", "import sys; from hotline_tui.cli import main; sys.exit(main())"]
    subprocess.run([*run, "demo"], env=env, check=True, capture_output=True)
    shell = f"{' '.join(run[:2])} '{run[2]}' users list --json | head -c 10"
    done = subprocess.run(["bash", "-c", shell], env=env, capture_output=True)
    assert b"Traceback" not in done.stderr and b"BrokenPipe" not in done.stderr


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o000])
def test_exports_are_0660_whatever_the_umask(cli, tmp_path, mask) -> None:
    cli("init")
    old = os.umask(mask)
    try:
        report, kb = tmp_path / "summary.xlsx", tmp_path / "知识库.xlsx"
        assert cli("report", "quarterly", "--period", "2026Q4", "--output", str(report))[0] == 0
        assert cli("kb", "export", str(kb))[0] == 0
        csv = tmp_path / "summary.csv"
        assert (
            cli("report", "quarterly", "--period", "2026Q4", "--format", "csv", "--output", str(csv))[0] == 0
        )
    finally:
        os.umask(old)
    for path in (report, kb, csv):
        assert stat.S_IMODE(path.stat().st_mode) == 0o660, path


HOSTILE_TEXT = st.one_of(
    st.text(),
    st.sampled_from(
        ["[/]", "[bold red]x[/]", "[@click=app.quit]点我[/]", "\x1b[2J\x1b[31m", "\ud800", "\udfff"]
    ),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=40),
)
HOSTILE_VALUE = st.recursive(
    st.one_of(
        HOSTILE_TEXT,
        st.integers(min_value=-(10**60), max_value=10**60),
        st.floats(allow_nan=False),
        st.booleans(),
        st.none(),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELDS = st.sampled_from(sorted(COMPLETE_FORM))


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    changes=st.dictionaries(FIELDS, HOSTILE_VALUE, max_size=3),
    action=st.sampled_from(["sign", "contact", "transfer", "feedback", "close", "bogus"]),
    args=st.lists(HOSTILE_TEXT.map(lambda t: f"note={t}") | HOSTILE_TEXT, max_size=3),
)
def test_hostile_intake_files_and_act_arguments_never_give_a_traceback_or_half_a_change(
    hostile_db: Any, changes: dict[str, Any], action: str, args: list[str]
) -> None:
    cli, tmp_path = hostile_db
    form = {**COMPLETE_FORM, "id": "H1", **changes}
    data = json.dumps([form, {**MINIMAL_FORM, "id": "GOOD"}], ensure_ascii=False).encode(
        "utf-8", "surrogatepass"
    )
    journal = cli.folder / "journal.jsonl"
    before = journal.read_bytes()
    code, _, err = cli("intake", _write(tmp_path, "hostile.json", data))
    assert code in (0, 1, 2) and "Traceback" not in err
    if code == 2:
        assert journal.read_bytes() == before and _one_line(err)
    before = journal.read_bytes()
    code, _, err = cli("act", "A1", action, *[a for a in args if a and not a.startswith("-")])
    assert code in (0, 2) and "Traceback" not in err
    if code == 2:
        assert journal.read_bytes() == before and _one_line(err)


@pytest.fixture
def hostile_db(cli, tmp_path) -> tuple[Any, Path]:
    cli("init")
    cli("intake", push(tmp_path, MINIMAL_FORM))
    return cli, tmp_path
