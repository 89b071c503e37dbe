"""The alert inbox: escalations addressed to this person, acknowledged with a key."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from hotline_core import services
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.footer import Footer
from hotline_tui.format import moment
from hotline_tui.messages import DataLoaded
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain, PlainTable


class AlertsScreen(HotlineNode, Screen[None]):
    BINDINGS = [
        text_binding("escape", "back", "key.back", "alerts.back"),
        text_binding("space", "acknowledge", "key.ack", "alerts.ack", key_display="␣"),
        text_binding("enter", "open", "key.open", "alerts.open"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Plain(id="alerts-status")
        yield PlainTable(id="alerts-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.retranslate()

    def retranslate(self) -> None:
        t = self.app.t
        self.title = t("alerts.title")
        table = self.query_one("#alerts-table", DataTable)
        table.clear(columns=True)
        for column in ("done", "when", "kind", "order", "limit"):
            table.add_column(t(f"alerts.col.{column}"), key=column)
        self.redraw()

    @on(DataLoaded)
    def redraw(self) -> None:
        t = self.app.t
        table = self.query_one("#alerts-table", DataTable)
        row = table.cursor_row
        table.clear()
        for item in self.app.inbox:
            alert = item.alert
            limit = (
                t(f"limit.{alert.limit}")
                if alert.limit and f"limit.{alert.limit}" in _LIMIT_KEYS
                else alert.limit
            )
            table.add_row(
                "✓" if item.acknowledged else "⚑",
                moment(alert.raised_at),
                t(f"alert.{alert.kind.value}"),
                alert.order_id or t.name(alert.supervision_of) or alert.subject,
                limit,
                key=alert.key,
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        unread = self.app.unread
        self.query_one("#alerts-status", Static).update(
            t("alerts.unread", n=unread) if self.app.inbox else t("alerts.none")
        )

    def _selected_key(self) -> str | None:
        table = self.query_one("#alerts-table", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_acknowledge(self) -> None:
        key = self._selected_key()
        if key is not None:
            self._acknowledge(key)

    @work(thread=True, group="ack")
    def _acknowledge(self, key: str) -> None:
        services.acknowledge(self.app.repo, self.app.person.login, key, self.app.clock())
        self.app.call_from_thread(self.app.reload)

    def action_open(self) -> None:
        key = self._selected_key()
        item = next((i for i in self.app.inbox if i.alert.key == key), None)
        if item is not None and item.alert.order_id in self.app.orders:
            from hotline_tui.screens.order import OrderScreen

            self.app.push_screen(OrderScreen(item.alert.order_id))

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        self.action_open()

    def action_back(self) -> None:
        self.app.pop_screen()


_LIMIT_KEYS = {
    f"limit.{name}"
    for name in (
        "sign",
        "return",
        "contact",
        "close",
        "emergency_reply",
        "unsatisfied_report",
        "supervision",
        "petition_accept",
        "petition_handle",
        "summary",
    )
}
