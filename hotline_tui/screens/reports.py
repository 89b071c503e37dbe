"""Reports for the office meeting: the tables, a bar chart and a trend, and export.

A report is computed in a worker thread (it may read the quarterly archives)
and laid out by ``hotline_core.domain.reports`` as tables with Chinese headings;
this screen shows one table at a time with a chart of its main figure.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Sparkline, Static

from hotline_core import services
from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.problems import HotlineError, InvalidInput, Problem
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.reports.table import Cell, Document, Kind
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.cli import context
from hotline_tui.dialogs.form import Field, FormDialog
from hotline_tui.footer import Footer
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain, PlainTable, bold, join, lines
from hotline_tui.report_view import TableView, number, view

KINDS = ("quarterly", "hotspots", "assessment", "filings", "comparison")
# The figure a table's chart shows, in order of preference.
CHART_VALUES = ("received", "current", "score", "appeals", "calls")
BAR_WIDTH = 40


def bars(labels: list[str], values: list[float], shown: list[str], width: int = BAR_WIDTH) -> str:
    """A horizontal bar chart in text: readable in 16 colours and in a screen reader;
    ``shown``: each value as the table prints it (68.5, 87.5%)."""
    top = max(values, default=0) or 1
    label_width = max((cell_len(label) for label in labels), default=0)
    lines = []
    for label, value, text in zip(labels, values, shown, strict=True):
        bar = "█" * round(width * value / top)
        lines.append(f"{label}{' ' * (label_width - cell_len(label))} {bar} {text}")
    return "\n".join(lines)


def _figure(value: Cell) -> float:
    """A chart's figure: a count, a rate or a score; nothing (a unit without a score) is 0."""
    return float(value) if isinstance(value, int | float) else 0.0


def _chart_column(table: TableView) -> int | None:
    """The shown column of the table's main figure, by the preference of ``CHART_VALUES``."""
    for key in CHART_VALUES:
        if key in table.keys:
            return table.keys.index(key)
    return None


class ReportsScreen(HotlineNode, Screen[None]):
    # The keys a clerk needs most come first: at 80 columns the footer keeps them (period,
    # export, next table) and lets the report kinds' keys go, which the help and palette list.
    BINDINGS = [
        text_binding("escape", "back", "key.back", "reports.back"),
        text_binding("p", "period", "report.period", "reports.period"),
        text_binding("x", "export", "report.export", "reports.export"),
        text_binding("right_square_bracket", "table(1)", "report.next", "reports.next", key_display="]"),
        text_binding(
            "left_square_bracket",
            "table(-1)",
            "report.previous",
            "reports.previous",
            key_display="[",
            show=False,
        ),
        text_binding("1", "kind('quarterly')", "report.quarterly", "reports.quarterly"),
        text_binding("2", "kind('hotspots')", "report.hotspots", "reports.hotspots"),
        text_binding("3", "kind('assessment')", "report.assessment", "reports.assessment"),
        text_binding("4", "kind('filings')", "report.filings", "reports.filings"),
        text_binding("5", "kind('comparison')", "report.comparison", "reports.comparison"),  # issue 18
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kind = "quarterly"
        self.period = ""
        self.document: Document | None = None
        self.table_index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="reports"):
            yield Plain(id="report-head")
            yield Input(id="report-period")
            yield Plain(id="report-chart")
            yield Sparkline([], id="report-trend")
            yield PlainTable(id="report-table", zebra_stripes=True)
            yield Plain(id="report-empty")
        yield Footer()

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        now: datetime = self.app.clock()
        self.period = str(Quarter.of(now.astimezone(SHANGHAI).date()))
        self.query_one("#report-period", Input).display = False
        self.query_one("#report-table", DataTable).focus()
        self.retranslate()
        self.compute()

    def retranslate(self) -> None:
        self.title = self.app.t("report.title")
        self.query_one("#report-empty", Static).update(self.app.t("report.empty"))
        self.query_one("#report-period", Input).placeholder = self.app.t("report.period_hint")
        self._show()

    @work(thread=True, exclusive=True, group="report")
    def compute(self) -> None:
        from hotline_core.domain.reports import to_document

        try:  # the core decides the scope: a county clerk gets their county's figures
            report = services.report(
                self.app.repo, self.app.person.login, self.kind, self.period, None, self.app.clock()
            )
        except HotlineError as error:
            self.app.call_from_thread(self._failed, error)
            return
        self.app.call_from_thread(self._computed, to_document(report))

    def _computed(self, document: Document) -> None:
        self.document = document
        self.table_index = 0
        self._show()

    def _failed(self, error: HotlineError) -> None:
        self.query_one("#report-head", Static).update("\n".join(error.messages(self.app.t.language)))

    def _show(self) -> None:
        t = self.app.t
        if self.document is None:
            self.query_one("#report-head", Static).update(t("busy"))
            return
        report = view(self.document, t)
        tables = report.tables
        table = tables[self.table_index % len(tables)]
        heading: list[Text | str] = [bold(report.title)]
        if len(tables) > 1:  # which table of how many; its title unless it is the report's own
            which = f"{self.table_index % len(tables) + 1}/{len(tables)}"
            heading.append(f"  ({which} {table.title})" if table.title != report.title else f"  ({which})")
        self.query_one("#report-head", Static).update(lines([join(heading), *report.notes[:1]]))
        self._fill(table)
        self._chart(table)

    def _fill(self, table: TableView) -> None:
        widget = self.query_one("#report-table", DataTable)
        widget.clear(columns=True)
        for i, heading in enumerate(table.headings):
            widget.add_column(heading, key=str(i))
        for row in table.rows:
            widget.add_row(*row)
        # The first column names the row (地区, 单位, 类别): it stays when the table scrolls sideways.
        widget.fixed_columns = 1 if table.kinds and table.kinds[0] is Kind.TEXT else 0
        self.query_one("#report-empty", Static).display = not table.rows

    def _chart(self, table: TableView) -> None:
        """A bar for every row (all nine places), the total row left out."""
        chart = self.query_one("#report-chart", Static)
        trend = self.query_one("#report-trend", Sparkline)
        rows = table.figures[:-1] if table.total_row else table.figures
        names = table.rows[:-1] if table.total_row else table.rows
        figure = _chart_column(table)
        if figure is None or not rows:
            chart.update("")
            trend.display = False
            return
        numbers = [_figure(r[figure]) for r in rows]
        trend.display = table.key == "trend"
        trend.data = numbers
        labels = [str(r[0]) for r in names]
        shown = [number(r[figure], table.kinds[figure]) for r in rows]
        chart.update(bars(labels, numbers, shown))

    # -- actions -------------------------------------------------------------------

    def action_kind(self, kind: str) -> None:
        self.kind = kind
        self.document = None
        self._show()
        self.compute()

    def action_table(self, step: int) -> None:
        if self.document is not None:
            self.table_index = (self.table_index + step) % len(self.document.tables)
            self._show()

    def action_period(self) -> None:
        entry = self.query_one("#report-period", Input)
        entry.value = self.period
        entry.display = True
        entry.focus()

    @on(Input.Submitted, "#report-period")
    def _period_entered(self, event: Input.Submitted) -> None:
        event.input.display = False
        self.query_one("#report-table", DataTable).focus()
        self.period = event.value.strip() or self.period
        self.action_kind(self.kind)

    def action_export(self) -> None:
        if self.document is None:
            return
        t = self.app.t
        folder = self.app.repo.folder
        default = context.home_of(folder) / "hotline-reports" / f"{self.kind}-{self.period}.xlsx"
        document = self.document

        def write(values: dict[str, str]) -> str:
            target = services.outside_database(self.app.repo, context.expand(folder, Path(values["path"])))
            kind = target.suffix.lstrip(".").lower()
            if kind not in ("xlsx", "csv", "json"):
                choices = t.names([".xlsx", ".csv", ".json"])
                raise InvalidInput([Problem("path", "not_in_list", {"choices": choices})])
            written = services.export_report(
                document, kind, target, context.named_files(self.app.repo.folder)
            )
            return t("report.written", path=", ".join(str(p) for p in written))

        self.app.push_screen(
            FormDialog(t("report.export"), [Field("path", t("report.path"), value=str(default))], write)
        )

    def action_back(self) -> None:
        self.app.pop_screen()
