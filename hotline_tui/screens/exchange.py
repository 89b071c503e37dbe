"""The exchange with the 12345 platform: pull an export, see what came in and what was
refused, the outbox with each message's state, and mark a message sent by hand."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input

from hotline_core import services
from hotline_core.domain.exchange.outbox import Delivery
from hotline_core.domain.exchange.wording import exchange_name
from hotline_core.domain.problems import HotlineError
from hotline_core.services import exchange, outbox
from hotline_core.services.outbox import OutboxItem
from hotline_core.services.pulling import PullReport
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.cli import context
from hotline_tui.footer import Footer
from hotline_tui.format import moment
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain, PlainTable


class ExchangeScreen(HotlineNode, Screen[None]):
    BINDINGS = [
        text_binding("escape", "back", "key.back", "exchange.back"),
        text_binding("s", "mark_sent", "key.mark_sent", "exchange.mark_sent"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report: PullReport | None = None
        self.items: list[OutboxItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="exchange-path")
        yield Plain(id="exchange-status")
        yield PlainTable(id="exchange-rejected", cursor_type="row", zebra_stripes=True)
        yield PlainTable(id="exchange-outbox", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.retranslate()
        self.load_outbox()

    def retranslate(self) -> None:
        t = self.app.t
        self.title = t("exchange.title")
        self.query_one("#exchange-path", Input).placeholder = t("exchange.path_hint")
        rejected = self.query_one("#exchange-rejected", DataTable)
        rejected.clear(columns=True)
        rejected.add_column(t("exchange.col.file"), key="file")
        rejected.add_column(t("exchange.col.row"), key="row")
        rejected.add_column(t("exchange.col.column"), key="column")
        rejected.add_column(t("exchange.col.reason"), key="reason")
        box = self.query_one("#exchange-outbox", DataTable)
        box.clear(columns=True)
        box.add_column(t("exchange.col.id"), key="id")
        box.add_column(t("exchange.col.kind"), key="kind")
        box.add_column(t("exchange.col.state"), key="state")
        box.add_column(t("exchange.col.since"), key="since")
        self._show_report()
        self._show_outbox()

    # -- pull ---------------------------------------------------------------------

    @on(Input.Submitted, "#exchange-path")
    def _pull_asked(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.query_one("#exchange-status", Plain).update(self.app.t("busy"))
            self.pull(context.expand(self.app.repo.folder, Path(event.value.strip())).expanduser())

    @work(thread=True, exclusive=True, group="exchange")
    def pull(self, path: Path) -> None:
        app = self.app
        try:
            source = services.outside_database(app.repo, path, "file")
            platform = exchange.file_platform(source, None, context.named_files(app.repo.folder))
            report = exchange.pull(app.repo, app.person.login, platform, app.clock())
        except (HotlineError, OSError) as error:
            self.app.call_from_thread(self._failed, error)
            return
        self.app.call_from_thread(self._pulled, report)

    def _pulled(self, report: PullReport) -> None:
        self.report = report
        self._show_report()
        self.load_outbox()
        self.app.reload()

    def _failed(self, error: HotlineError | OSError) -> None:
        reason = (
            "；".join(error.messages(self.app.t.language)) if isinstance(error, HotlineError) else str(error)
        )
        self.query_one("#exchange-status", Plain).update(reason)

    def _show_report(self) -> None:
        report, t = self.report, self.app.t
        status = self.query_one("#exchange-status", Plain)
        table = self.query_one("#exchange-rejected", DataTable)
        table.clear()
        if report is None:
            status.update(t("exchange.none"))
            return
        counts = {
            "added": len(report.added),
            "unchanged": len(report.unchanged),
            "corrected": len(report.corrected),
            "rejected": len(report.rejected),
            "applied": len(report.applied),
            "refused": len(report.refused),
            "acknowledged": len(report.acknowledged),
        }
        shown = [t("cli.exchange.pulled", **counts)]
        if report.added:
            shown.append("、".join(report.added[:20]) + ("…" if len(report.added) > 20 else ""))
        if report.corrected:
            shown.append(t("exchange.corrected", orders="、".join(report.corrected)))
        if report.repeats:
            pairs = "；".join(f"{o} → {'、'.join(of)}" for o, of in report.repeats.items())
            shown.append(t("exchange.repeats", pairs=pairs))
        status.update("\n".join(shown))
        for problem in report.rejected:
            table.add_row(problem.source, problem.row, problem.column, problem.problem.message(t.language))
        for refusal in report.refused:
            reason = "；".join(p.message(t.language) for p in refusal.problems)
            table.add_row(refusal.message.source, refusal.message.row, refusal.message.order_id, reason)

    # -- the outbox -------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="outbox")
    def load_outbox(self) -> None:
        app = self.app
        try:
            found = outbox.outbox_status(app.repo, app.person.login, app.clock())
        except HotlineError as error:
            self.app.call_from_thread(self._failed, error)
            return
        self.app.call_from_thread(self._outbox_loaded, found)

    def _outbox_loaded(self, found: list[OutboxItem]) -> None:
        self.items = found
        self._show_outbox()

    def _show_outbox(self) -> None:
        language = self.app.t.language
        table = self.query_one("#exchange-outbox", DataTable)
        table.clear()
        for item in self.items:
            since = item.record.at if item.record else item.message.created_at
            table.add_row(
                item.message.id,
                exchange_name(item.message.kind.value, language),
                exchange_name(item.state.value, language),
                moment(since),
                key=item.message.id,
            )

    def action_mark_sent(self) -> None:
        table = self.query_one("#exchange-outbox", DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self.mark_sent(str(key))

    @work(thread=True, group="outbox-mark")
    def mark_sent(self, message_id: str) -> None:
        app = self.app
        try:
            outbox.mark(app.repo, app.person.login, message_id, Delivery.SENT, app.clock())
        except HotlineError as error:
            self.app.call_from_thread(self._failed, error)
            return
        self.app.call_from_thread(self.load_outbox)

    def action_back(self) -> None:
        self.app.pop_screen()
