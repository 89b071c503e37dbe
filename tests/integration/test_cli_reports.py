"""``hotline report`` and ``hotline summary file`` on a real database."""

from __future__ import annotations

from openpyxl import load_workbook

from tests.support import MINIMAL_FORM, push


def test_the_quarterly_summary_counts_the_databases_orders(cli, tmp_path) -> None:
    cli("init")
    cli("intake", push(tmp_path, MINIMAL_FORM, {**MINIMAL_FORM, "id": "B2", "county": "延吉市"}))
    code, data, _ = cli("report", "quarterly", "--period", "2026Q4", "--json")
    assert code == 0
    rows = {r["place"]: r for r in data["tables"]["summary"]["rows"]}
    assert rows["合计"]["received"] == 2 and rows["延吉市"]["received"] == 1


def test_reports_export_to_xlsx_with_chinese_headings(cli, tmp_path) -> None:
    cli("init")
    cli("intake", push(tmp_path, MINIMAL_FORM))
    target = tmp_path / "summary.xlsx"
    assert cli("report", "quarterly", "--period", "2026Q4", "--output", str(target))[0] == 0
    sheet = load_workbook(target).worksheets[0]
    assert "受理量" in [c.value for row in sheet.iter_rows(max_row=6) for c in row]


def test_a_bad_period_names_the_field(cli) -> None:
    cli("init")
    code, _, err = cli("report", "quarterly", "--period", "next quarter")
    assert code == 2 and "统计期间" in err


def test_a_county_files_its_summary_and_the_missing_ones_are_escalated(cli, tmp_path) -> None:
    cli("init")
    cli("users", "add", "kim", "county_clerk", "--county", "延吉市")
    # Issue 18: the county files its table, generated, checked and with the signed scan.
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"0" * 64)
    for step in (("generate",), ("check",), ("note", "无异常"), ("attach", str(scan))):
        assert cli("summary", step[0], "2026Q3", *step[1:], "--json", login="kim")[0] == 0
    code, data, _ = cli("summary", "file", "2026Q3", "--json", login="kim")
    assert code == 0 and data["county"] == "延吉市"
    code, data, _ = cli("report", "filings", "--period", "2026Q3", "--json")
    states = {r["county"]: r["state_code"] for r in data["tables"]["filings"]["rows"]}
    assert states["延吉市"] == "late" and states["图们市"] == "missing"
    code, data, _ = cli("escalate", "--now", "2026-10-09T09:00:00+08:00", "--json")
    overdue = {a["supervision_of"] for a in data["alerts"] if a["kind"] == "summary_overdue"}
    assert "图们市" in overdue and "延吉市" not in overdue
