"""Reads are scoped and masked by the core, and each unmasked display is logged (SPEC 3, 10)."""

from __future__ import annotations

import json
import stat
from datetime import datetime
from pathlib import Path

import pytest

from tests.support import COMPLETE_FORM, push

PHONE = COMPLETE_FORM["phone"]  # 13800000000
SECRET_PHONE = "13911112222"


@pytest.fixture
def db(cli, tmp_path):
    """A1 transferred to 延吉市; C2 confidential, transferred to 延吉市 too; T3 stays at the rights dept."""
    cli("init")
    cli("users", "add", "yanji", "county_clerk", "--county", "延吉市")
    cli("users", "add", "tumen", "county_clerk", "--county", "图们市")
    cli("users", "add", "auditor", "viewer")
    now = datetime.now().astimezone().replace(microsecond=0).isoformat()
    forms = [
        {**COMPLETE_FORM, "received_at": now, "call_date": now[:10]},
        {
            **COMPLETE_FORM,
            "id": "C2",
            "received_at": now,
            "call_date": now[:10],
            "phone": SECRET_PHONE,
            "confidential": True,
        },
        {**COMPLETE_FORM, "id": "T3", "received_at": now, "call_date": now[:10], "county": "图们市"},
    ]
    assert cli("intake", push(tmp_path, *forms))[0] == 0
    for order in ("A1", "C2"):
        assert cli("act", order, "sign")[0] == 0
        assert cli("act", order, "transfer", "to=延吉市")[0] == 0
    return cli


def _text(result) -> str:
    _code, data, err = result
    return json.dumps(data, ensure_ascii=False) + err


def test_a_login_that_is_no_user_sees_nothing_anywhere(db, tmp_path) -> None:
    for argv in (
        ("show", "A1", "--json"),
        ("list", "--json"),
        ("users", "list", "--json"),
        ("kb", "export", str(tmp_path / "kb.json")),
        ("escalate",),
        ("check",),
        ("report", "hotspots", "--period", "2026", "--json"),
        ("audit", "access", "--json"),
    ):
        code, _, err = db(*argv, login="stranger")
        assert code == 2 and "hotline users add stranger" in err, argv
        assert PHONE not in err
    assert not (tmp_path / "kb.json").exists()


def test_another_countys_clerk_is_told_the_order_does_not_exist(db) -> None:
    code, _, err = db("show", "A1", "--json", login="tumen")
    assert code == 2 and "A1" in err and PHONE not in err
    code, rows, _ = db("list", "--json", login="tumen")
    assert code == 0 and rows == []  # T3 is in 图们市 but was never transferred there


def test_the_county_sees_its_order_whole_and_the_confidential_one_masked(db) -> None:
    code, data, _ = db("show", "A1", "--json", login="yanji")
    assert code == 0 and data["record"]["citizen"]["phone"] == PHONE
    code, data, _ = db("show", "C2", "--json", login="yanji")
    assert code == 0 and SECRET_PHONE not in _text((code, data, ""))
    assert data["record"]["citizen"]["name"] == "金*"
    code, rows, _ = db("list", "--json", login="yanji")
    assert {r["id"]: r["phone"] for r in rows} == {"A1": PHONE, "C2": "139****2222"}


def test_a_viewer_gets_every_order_masked_in_show_list_reports_and_exports(db, tmp_path) -> None:
    for order in ("A1", "C2", "T3"):
        code, data, _ = db("show", order, "--json", login="auditor")
        assert (
            code == 0 and PHONE not in _text((code, data, "")) and SECRET_PHONE not in _text((code, data, ""))
        )
    code, rows, _ = db("list", "--json", login="auditor")
    assert len(rows) == 3 and PHONE not in _text((code, rows, ""))
    code, data, _ = db("report", "hotspots", "--period", "2026", "--json", login="auditor")
    assert code == 0 and PHONE not in _text((code, data, ""))
    out = tmp_path / "hot.json"
    assert db("report", "hotspots", "--period", "2026", "--output", str(out), login="auditor")[0] == 0
    assert PHONE not in out.read_text(encoding="utf-8")


def test_searching_the_list_by_a_phone_one_may_not_see_finds_nothing(db) -> None:
    _, rows, _ = db("list", "--json", login="auditor")
    assert not [r for r in rows if PHONE in json.dumps(r)]


def test_each_unmasked_display_is_in_the_access_log_the_auditor_reads(db) -> None:
    db("show", "A1", login="yanji")
    db("show", "C2", login="yanji")  # masked: not logged
    db("show", "A1", login="auditor")  # masked: not logged
    db("list", "--json", login="yanji")
    code, log, _ = db("audit", "access", "--login", "yanji", "--json", login="auditor")
    assert code == 0
    assert [(e["kind"], e["subject"], e["orders"]) for e in log] == [
        ("order", "A1", ["A1"]),
        ("list", "list", ["A1"]),
    ]
    code, _, err = db("audit", "access", login="yanji")
    assert code == 2 and "无权" in err
    code, log, _ = db("audit", "access", "--since", "2999-01-01", "--json", login="auditor")
    assert log == []


def test_a_county_clerk_reads_only_their_countys_report(db) -> None:
    code, mine, _ = db(
        "report", "quarterly", "--period", "2026", "--county", "图们市", "--json", login="yanji"
    )
    code2, all_, _ = db("report", "quarterly", "--period", "2026", "--county", "延吉市", "--json")
    assert code == 0 and code2 == 0
    assert {k: v for k, v in mine.items() if k != "as_of"} == {k: v for k, v in all_.items() if k != "as_of"}


def test_no_file_of_the_database_can_be_named_for_an_export_an_import_or_an_attachment(db, tmp_path) -> None:
    folder = db.folder
    before = (folder / "working.json").read_bytes()
    link = tmp_path / "innocent.json"
    link.symlink_to(folder / "working.json")
    for argv in (
        ("kb", "export", str(folder / "working.json")),
        ("kb", "export", str(link)),
        ("report", "quarterly", "--period", "2026", "--output", str(folder / "journal.jsonl")),
        ("act", "A1", "contact", f"attach={folder / 'working.json'}"),
        ("intake", str(link)),
    ):
        code, _, err = db(*argv, login="yanji" if argv[0] != "intake" else "founder")
        assert code == 2 and "数据库文件夹" in err, argv
    assert (folder / "working.json").read_bytes() == before


def test_acting_on_an_order_one_may_not_see_is_refused_as_if_it_did_not_exist(db) -> None:
    code, _, err = db("act", "A1", "contact", login="tumen")
    assert code == 2 and "没有编号为 A1 的工单" in err
    code, _, err = db("act", "NOPE", "contact", login="tumen")
    assert code == 2 and "没有编号为 NOPE 的工单" in err


def test_a_backup_is_in_the_access_log_and_only_its_owner_may_open_it(cli, tmp_path) -> None:
    cli("init")
    code, made, _ = cli("backup", "--to", str(tmp_path / "outbox"), "--json")
    assert code == 0 and stat.S_IMODE(Path(made["backup"]).stat().st_mode) == 0o700
    code, entries, _ = cli("audit", "access", "--json")
    assert [e["kind"] for e in entries] == ["backup"]
