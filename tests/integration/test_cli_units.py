"""Issue 18 on a real database: ``policy show|set``, ``deadlines --county``, a county's own intake,
orders between levels in ``show``, and the county summary table to the prefecture's comparison."""

from __future__ import annotations

from datetime import datetime, timedelta

from hotline_tui.cli import context
from tests.support import COMPLETE_FORM, SHANGHAI, push

EFFECTIVE = "2026-12-01T00:00:00+08:00"
DOCUMENT = "延市残联发〔2026〕5号"


def _set_48(cli) -> tuple[int, object, str]:
    return cli(
        "policy", "set", "--county", "延吉市", "--document", DOCUMENT, "--effective", EFFECTIVE,
        "close=48h", "--json",
    )  # fmt: skip


def test_an_administrator_sets_a_countys_policy_and_deadlines_answer_with_it(cli, monkeypatch) -> None:
    monkeypatch.setattr(context, "system_now", lambda: datetime(2026, 11, 27, 10, 0, tzinfo=SHANGHAI))
    cli("init")
    code, data, _ = _set_48(cli)
    assert code == 0 and data["document"] == DOCUMENT and data["set_by"] == "founder"
    assert data["policy"]["limits"]["close.complaint"] == "48h@working_day"
    received = ("--received", "2026-12-04T10:00:00+08:00", "--type", "complaint", "--json")
    code, county, _ = cli("deadlines", *received, "--county", "延吉市")
    assert code == 0 and county["close_by"] == "2026-12-08T10:00:00+08:00"
    assert county["policy"] == "延吉市-2026-12-01"
    assert cli("deadlines", *received)[1]["close_by"] == "2026-12-09T10:00:00+08:00"
    code, shown, _ = cli(
        "policy", "show", "--county", "延吉市", "--at", "2026-12-02T00:00:00+08:00", "--json"
    )
    assert shown["own"] and [v["document"] for v in shown["versions"]] == ["延市残联发〔2026〕5号"]


def test_a_looser_county_policy_is_refused_with_the_reason_and_nothing_is_stored(cli, monkeypatch) -> None:
    monkeypatch.setattr(context, "system_now", lambda: datetime(2026, 11, 27, 10, 0, tzinfo=SHANGHAI))
    cli("init")
    code, _, err = cli(
        "policy", "set", "--county", "延吉市", "--document", "x", "--effective", EFFECTIVE, "contact=48h",
    )  # fmt: skip
    assert code == 2 and "contact" in err and "48h@working_day" in err and "24h@working_day" in err
    assert cli("policy", "show", "--county", "延吉市", "--json")[1]["versions"] == []
    cli("users", "add", "kim", "county_clerk", "--county", "延吉市")
    assert _set_48(lambda *a: cli(*a, login="kim"))[0] == 2  # only an administrator


def test_a_county_takes_in_its_own_order_and_escalates_it_with_both_units_limits(cli, tmp_path) -> None:
    cli("init")
    cli("users", "add", "kim", "county_clerk", "--county", "延吉市")
    received = (datetime.now(SHANGHAI) - timedelta(hours=1)).replace(microsecond=0)
    order = {
        **COMPLETE_FORM,
        "id": "Y1",
        "received_at": received.isoformat(),
        "call_date": str(received.date()),
    }
    code, data, _ = cli("intake", push(tmp_path, order), "--json", login="kim")
    assert code == 0 and data["added"] == ["Y1"]
    assert cli("act", "Y1", "sign", "--json")[0] == 2  # the prefecture does not handle it
    assert cli("act", "Y1", "sign", "--json", login="kim")[0] == 0
    code, shown, _ = cli("act", "Y1", "escalate", "--json", login="kim")
    assert code == 0 and [u["unit"] for u in shown["unit_limits"]] == ["延吉市", "州本级"]
    assert cli("act", "Y1", "contact", "--json")[0] == 0  # now the prefecture's to handle


def test_a_county_summary_table_reaches_the_prefectures_comparison(cli, tmp_path) -> None:
    cli("init")
    cli("users", "add", "kim", "county_clerk", "--county", "延吉市")
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"0" * 64)
    for step in (("generate",), ("check",), ("attach", str(scan))):
        assert cli("summary", step[0], "2026Q3", *step[1:], "--json", login="kim")[0] == 0
    assert cli("summary", "file", "2026Q3", "--json", login="kim")[0] == 0
    code, table, _ = cli("summary", "show", "2026Q3", "--county", "延吉市", "--json")
    assert code == 0 and table["filed_by"] == "kim" and table["scan"]["name"] == "signed.pdf"
    assert table["due"] == table["county_due"] == "2026-10-09T00:00:00+08:00"  # 10-03 in the holiday
    code, data, _ = cli("report", "comparison", "--period", "2026Q3", "--json")
    rows = {r["county"]: r for r in data["tables"]["comparison"]["rows"]}
    assert rows["延吉市"]["figure"] == "无差异" and rows["延吉市"]["state"] == "逾期报送"


def test_the_administrator_keeps_the_list_of_government_departments(cli) -> None:
    cli("init")
    code, data, _ = cli("government", "add", "残疾人就业保障局", "--json")
    assert code == 0 and data["government"][-1] == "残疾人就业保障局"
    assert "公安局" not in cli("government", "remove", "公安局", "--json")[1]["government"]
    cli("users", "add", "kim", "county_clerk", "--county", "延吉市")
    assert cli("government", "add", "统计局", login="kim")[0] == 2
    assert "统计局" not in cli("government", "list", "--json")[1]["government"]


def test_check_counts_the_summary_tables_scan_and_names_it_when_it_is_removed(cli, tmp_path) -> None:
    cli("init")
    cli("users", "add", "kim", "county_clerk", "--county", "延吉市")
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"1" * 64)
    for step in (("generate",), ("check",), ("attach", str(scan))):
        assert cli("summary", step[0], "2026Q3", *step[1:], "--json", login="kim")[0] == 0

    assert cli("check")[0] == 0  # the scan is the table's, not an orphan

    (stored,) = (cli.folder / "attachments").glob("??/*")
    stored.unlink()
    code, out, _ = cli("check")
    assert code == 1 and "summary 2026Q3/延吉市: attachment 'signed.pdf' is missing" in out
