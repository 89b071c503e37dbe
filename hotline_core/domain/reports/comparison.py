"""The prefecture's view of the counties' filed summary tables (issue 18, source 四(四)).

For each county: the figures it filed beside what the system counts for that county
over the same quarter (``quarterly_summary``'s row of the county, as of the report's
moment), the difference of each count (filed − counted), and the filing's time
against the due time (:func:`~hotline_core.domain.reports.filings.filing_state`).
A difference is not an error by itself: a county may count an order the prefecture
pushed late, or the system may have counted an order closed after the county's
table was generated; the list makes them visible so the rights department can ask.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from attrs import frozen

from hotline_core.domain.clocks import Deadline
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.reports.filings import FilingState, filing_state
from hotline_core.domain.reports.layout import SUMMARY_COLUMNS, moment_text, summary_cells, to_document
from hotline_core.domain.reports.quarterly import QuarterlySummary, SummaryRow
from hotline_core.domain.reports.table import Cell, Column, Document, Kind, Table
from hotline_core.domain.summary_table import SummaryTable
from hotline_core.domain.vocabulary import COUNTIES, Place

ON_PAPER = "纸质报送，未录入数据"  # the figure cell of a county that filed on paper only
COUNT_COLUMNS: tuple[Column, ...] = tuple(c for c in SUMMARY_COLUMNS if c.kind is Kind.COUNT)


def summary_counts(row: SummaryRow) -> dict[str, int]:
    """The count columns of one row of the summary table, by key: what a county files."""
    cells = dict(zip((c.key for c in SUMMARY_COLUMNS), summary_cells(row), strict=True))
    return {c.key: _count(cells[c.key]) for c in COUNT_COLUMNS}


def _count(cell: Cell) -> int:
    return cell if isinstance(cell, int) else 0


@frozen
class ComparedFigure:
    key: str
    heading: str
    filed: int | None
    counted: int

    @property
    def difference(self) -> int | None:
        return None if self.filed is None else self.filed - self.counted


@frozen
class CountyComparison:
    county: Place
    state: FilingState
    filed_at: datetime | None
    notes: str
    figures: tuple[ComparedFigure, ...]
    on_paper: bool = False  # filed without a table: nothing to compare

    @property
    def differences(self) -> tuple[ComparedFigure, ...]:
        return tuple(f for f in self.figures if f.difference)


@frozen
class SummaryComparison:
    quarter: Quarter
    due: datetime
    provisional: bool
    as_of: datetime
    counties: tuple[CountyComparison, ...]


def compare_summaries(
    quarter: Quarter,
    due: Deadline,
    tables: Mapping[Place, SummaryTable],
    counted: QuarterlySummary,
    now: datetime,
    on_paper: Mapping[Place, datetime] | None = None,
) -> SummaryComparison:
    """Each county's filed table (only a filed one counts) beside the system's count of it.
    ``on_paper``: filings the rights department recorded without a table (``summary file
    --county``): filed, on time or late, with no figures to compare."""
    rows = {row.place: row for row in counted.rows}
    counties = []
    for county in COUNTIES:
        table = tables.get(county)
        filed = table if table is not None and table.filed_at is not None and table.filed_at <= now else None
        paper = (on_paper or {}).get(county) if filed is None else None
        if paper is not None and paper > now:
            paper = None
        counts = summary_counts(rows[county]) if county in rows else {}
        figures = tuple(
            ComparedFigure(
                c.key, c.heading, None if filed is None else filed.counts.get(c.key, 0), counts.get(c.key, 0)
            )
            for c in COUNT_COLUMNS
        )
        filed_at = filed.filed_at if filed is not None else paper
        state = filing_state(filed_at, due.due, now)
        notes = filed.notes if filed is not None else ""
        counties.append(CountyComparison(county, state, filed_at, notes, figures, on_paper=paper is not None))
    return SummaryComparison(quarter, due.due, due.provisional, now, tuple(counties))


_COLUMNS = (
    Column("county", "县（市）", Kind.TEXT),
    Column("state", "报送情况", Kind.TEXT),
    Column("filed_at", "报送时间", Kind.MOMENT),
    Column("figure", "项目", Kind.TEXT),
    Column("key", "代码", Kind.CODE),
    Column("filed", "报送数"),
    Column("counted", "系统统计数"),
    Column("difference", "差额"),
)


def _rows(county: CountyComparison) -> list[tuple[Cell, ...]]:
    shown = county.differences if county.filed_at is not None and not county.on_paper else ()
    head: tuple[Cell, ...] = (county.county.label, county.state.label, county.filed_at)
    if county.on_paper:
        return [(*head, ON_PAPER, "", None, None, None)]
    if not shown:
        return [(*head, "无差异" if county.filed_at is not None else "", "", None, None, None)]
    return [(*head, f.heading, f.key, f.filed, f.counted, f.difference) for f in shown]


@to_document.register
def _comparison(report: SummaryComparison) -> Document:
    title = f"各县（市）报送汇总表与系统统计对照（{report.quarter}）"
    rows = tuple(row for county in report.counties for row in _rows(county))
    due = f"报送截止：{moment_text(report.due)}前" + (
        "（日历未正式公布，暂定）" if report.provisional else ""
    )
    notes = (due, f"统计时点：{moment_text(report.as_of)}；差额 = 报送数 − 系统统计数，只列有差额的项目")
    meta = (
        ("quarter", str(report.quarter)),
        ("due", report.due),
        ("provisional", report.provisional),
        ("as_of", report.as_of),
    )
    table = Table("comparison", title, _COLUMNS, rows, "报送对照")
    return Document("summary_comparison", title, notes, meta, (table,))
