"""Exports read back: the xlsx with openpyxl, the CSV byte by byte, the JSON as data."""

from __future__ import annotations

import csv
import json

import openpyxl
import pytest

from hotline_core.adapters.report_files import Format, export
from hotline_core.domain.calendar import WorkingCalendar
from hotline_core.domain.problems import InvalidInput
from hotline_core.domain.quarters import Quarter, summary_due
from hotline_core.domain.reports import (
    annual_assessment,
    hot_issues,
    quarterly_summary,
    summary_filings,
    to_document,
)
from hotline_core.domain.reports.table import Column, Document, Kind, Table
from hotline_core.domain.vocabulary import Place
from tests.support import at
from tests.unit.reports.known import NOW


@pytest.fixture(scope="module")
def summary(orders):
    return quarterly_summary(orders.values(), "2026Q3", NOW)


@pytest.fixture(scope="module")
def workbook(summary, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "q3.xlsx"
    assert export(summary, "xlsx", path) == [path]
    return openpyxl.load_workbook(path)


def header_index(sheet, heading: str) -> int:
    return [c.value for c in sheet[3]].index(heading) + 1


# -- xlsx -------------------------------------------------------------------------


def test_the_xlsx_has_a_titled_sheet_with_the_chinese_headings(workbook) -> None:
    assert workbook.sheetnames == ["汇总表"]
    sheet = workbook["汇总表"]
    assert sheet["A1"].value == "延边州残联“12345”政务服务热线汇总表（2026年第三季度）"
    assert "2026-10-01 00:00" in sheet["A2"].value
    headings = [c.value for c in sheet[3]]
    assert headings[:7] == ["地区", "受理量", "政策咨询", "生活帮助", "投诉", "举报", "意见建议"]
    assert headings[-6:] == ["满意", "基本满意", "不满意", "已评价", "满意率", "期末未办结"]
    assert "A1:AV1" in {str(r) for r in sheet.merged_cells.ranges}


def test_the_xlsx_rows_carry_the_figures(workbook) -> None:
    sheet = workbook["汇总表"]
    places = [sheet.cell(row, 1).value for row in range(4, sheet.max_row + 1)]
    assert places == [
        "州本级",
        "延吉市",
        "图们市",
        "敦化市",
        "珲春市",
        "龙井市",
        "和龙市",
        "汪清县",
        "安图县",
        "合计",
    ]
    total = sheet.max_row
    assert sheet.cell(total, header_index(sheet, "受理量")).value == 13
    assert sheet.cell(total, header_index(sheet, "超时签收")).value == 2
    assert sheet.cell(total, header_index(sheet, "办结未到期")).value == 1
    assert sheet.cell(total, header_index(sheet, "期末未办结")).value == 4
    assert sheet.cell(total, 1).font.bold


def test_rates_are_percentage_cells_holding_fractions(workbook) -> None:
    sheet = workbook["汇总表"]
    cell = sheet.cell(sheet.max_row, header_index(sheet, "满意率"))
    assert cell.value == pytest.approx(6 / 7)
    assert cell.number_format == "0.0%"
    no_rate = sheet.cell(6, header_index(sheet, "满意率"))  # 图们市: nobody rated
    assert no_rate.value is None


def test_the_header_is_frozen_and_columns_are_wide_enough(workbook) -> None:
    sheet = workbook["汇总表"]
    assert sheet.freeze_panes == "B4"
    assert sheet.column_dimensions["A"].width >= 8
    rate_column = openpyxl.utils.get_column_letter(header_index(sheet, "按时签收率"))
    assert sheet.column_dimensions[rate_column].width >= 12  # five Chinese characters


def test_the_summary_prints_on_a4_landscape_one_page_wide_with_its_headings_on_every_page(
    workbook,
) -> None:
    sheet = workbook["汇总表"]
    setup = sheet.page_setup
    assert setup.paperSize == 9  # A4
    assert setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$1:$3"  # title, what it covers, the headings


def test_a_narrow_table_prints_on_a4_portrait_one_page_wide(orders, tmp_path) -> None:
    path = tmp_path / "hot.xlsx"
    export(hot_issues(orders.values(), "2026Q3"), Format.XLSX, path)
    sheet = openpyxl.load_workbook(path)["月度趋势"]
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.page_setup.orientation == "portrait"
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$1:$3"


def test_every_table_of_the_hot_issues_gets_its_own_sheet(orders, tmp_path) -> None:
    path = tmp_path / "hot.xlsx"
    export(hot_issues(orders.values(), "2026Q3"), Format.XLSX, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "受理总量",
        "按诉求类型",
        "按业务领域",
        "按地区",
        "按残疾类别",
        "月度趋势",
        "高频词",
        "高频短语",
        "重复来电",
    ]
    callers = book["重复来电"]
    assert [c.value for c in callers[4]] == ["138****0000", 2, "Y1、Y3", "延吉市"]
    change = book["受理总量"]
    assert [c.value for c in change[3]] == ["指标", "本期", "上期", "增减", "增减率"]  # no code column
    assert [c.value for c in change[4]] == ["受理量", 13, 2, 11, 5.5]


def test_the_assessment_scores_have_one_decimal(orders, tmp_path) -> None:
    path = tmp_path / "year.xlsx"
    export(annual_assessment(orders.values(), "2026", NOW), "xlsx", path)
    sheet = openpyxl.load_workbook(path)["年度考核"]
    score = sheet.cell(4, header_index(sheet, "得分"))
    assert (round(score.value, 2), score.number_format) == (73.26, "0.0")
    assert sheet.cell(5, header_index(sheet, "得分")).value is None  # 延吉市: no orders, no score


def test_filing_times_are_excel_times_in_beijing(tmp_path) -> None:
    quarter = Quarter(2026, 3)
    report = summary_filings(
        quarter,
        summary_due(quarter, WorkingCalendar.default()),
        {Place.YANJI: at("2026-10-02 10:00")},
        at("2026-10-12 09:00"),
    )
    path = tmp_path / "filings.xlsx"
    export(report, "xlsx", path)
    sheet = openpyxl.load_workbook(path)["报送情况"]
    assert [c.value for c in sheet[4]][:2] == ["延吉市", "按时报送"]
    assert sheet.cell(4, 3).value.isoformat() == "2026-10-02T10:00:00"
    assert sheet.cell(5, 2).value == "逾期未报送"


# -- CSV --------------------------------------------------------------------------


def test_the_csv_is_utf8_with_a_bom_and_chinese_headings(summary, tmp_path) -> None:
    path = tmp_path / "q3.csv"
    assert export(summary, "csv", path) == [path]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["地区", "受理量", "政策咨询"]
    total = dict(zip(rows[0], rows[-1], strict=False))
    assert (total["地区"], total["受理量"], total["满意率"], total["按时办结率"]) == (
        "合计",
        "13",
        "0.8571",
        "0.8",
    )
    tumen = dict(zip(rows[0], rows[3], strict=False))
    assert tumen["按时联系率"] == ""


def test_a_report_of_several_tables_writes_one_csv_each(orders, tmp_path) -> None:
    written = export(hot_issues(orders.values(), "2026Q3"), "csv", tmp_path / "hot.csv")
    assert [p.name for p in written][:3] == ["hot-overview.csv", "hot-by_type.csv", "hot-by_area.csv"]
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in written)


# -- JSON -------------------------------------------------------------------------


def test_the_json_has_code_names_and_rates_as_fractions(summary, tmp_path) -> None:
    path = tmp_path / "q3.json"
    export(summary, "json", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["report"], data["period"], data["as_of"]) == (
        "quarterly_summary",
        "2026Q3",
        "2026-10-01T00:00:00+08:00",
    )
    total = data["tables"]["summary"]["rows"][-1]
    assert (total["place"], total["received"], total["sign_rate"]) == ("合计", 13, 11 / 13)
    assert total["close_pending"] == 1 and total["area_none"] == 1
    assert data["tables"]["summary"]["headings"]["satisfaction_rate"] == "满意率"


def test_the_json_keeps_category_codes_beside_labels(orders, tmp_path) -> None:
    path = tmp_path / "hot.json"
    export(hot_issues(orders.values(), "2026Q3"), "json", path)
    by_type = json.loads(path.read_text(encoding="utf-8"))["tables"]["by_type"]["rows"]
    assert by_type[0] == {
        "category": "投诉",
        "code": "complaint",
        "current": 5,
        "previous": 1,
        "change": 4,
        "change_rate": 4.0,
    }


# -- every format, every report --------------------------------------------------------


@pytest.mark.parametrize("fmt", list(Format))
def test_a_failed_export_leaves_no_file_behind(summary, tmp_path, fmt) -> None:
    target = tmp_path / "missing-dir" / f"q3.{fmt}"
    with pytest.raises(InvalidInput) as refused:  # said in the clerk's language, naming the file
        export(summary, fmt, target)
    assert refused.value.problems[0].code == "no_file"
    assert not target.parent.exists()


def test_an_unknown_format_or_report_is_refused(summary, tmp_path) -> None:
    with pytest.raises(ValueError):
        export(summary, "pdf", tmp_path / "q3.pdf")
    with pytest.raises(TypeError):
        to_document("not a report")


# -- text from people stays text ------------------------------------------------------------

HOSTILE = Document(
    "units",
    '=HYPERLINK("http://evil.example","标题")',
    ("说明\x1b[2J",),
    (),
    (
        Table(
            "units",
            "单位",
            (Column("unit", "单位", Kind.TEXT), Column("count", "件数")),
            (('=HYPERLINK("http://evil.example","点此")', 1), ("+861\x0038", 2), ("-", 3)),
        ),
    ),
)


def test_a_name_that_looks_like_a_formula_is_text_in_the_xlsx(tmp_path) -> None:
    (path,) = export(HOSTILE, "xlsx", tmp_path / "units.xlsx")

    sheet = openpyxl.load_workbook(path)["单位"]
    assert sheet["A4"].data_type == "s" and sheet["A4"].value == '=HYPERLINK("http://evil.example","点此")'
    assert sheet["A1"].data_type == "s"
    assert sheet["A5"].value == "+861\\x0038" and sheet["A2"].value == "说明\\x1b[2J"


def test_a_csv_cell_a_spreadsheet_would_run_starts_with_an_apostrophe(tmp_path) -> None:
    (path,) = export(HOSTILE, "csv", tmp_path / "units.csv")

    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert [r[0] for r in rows[1:]] == ['\'=HYPERLINK("http://evil.example","点此")', "'+861\x0038", "-"]
