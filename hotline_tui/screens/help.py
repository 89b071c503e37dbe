"""The keys of every screen, in the clerk's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen

from hotline_tui.bindings import describe, text_binding, translate_bindings
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain


class HelpScreen(HotlineNode, ModalScreen[None]):
    BINDINGS = [text_binding("escape", "close", "key.back", "help.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Plain(self._text())  # key names such as [ and ] are not markup

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)

    def _text(self) -> str:
        from hotline_tui.app import HotlineApp
        from hotline_tui.screens.alerts import AlertsScreen
        from hotline_tui.screens.knowledge import KnowledgeScreen
        from hotline_tui.screens.order import OrderScreen
        from hotline_tui.screens.queue import QueueScreen
        from hotline_tui.screens.reports import ReportsScreen

        t = self.app.t
        sections: list[tuple[str, type[DOMNode]]] = [
            (t("help.global"), HotlineApp),
            (t("queue.title"), QueueScreen),
            (t("order.title", id=""), OrderScreen),
            (t("alerts.title"), AlertsScreen),
            (t("report.title"), ReportsScreen),
            (t("kb.title"), KnowledgeScreen),
        ]
        lines = [f"{t('help.title')}  (Esc)"]
        for title, owner in sections:
            lines.append(f"\n{title.strip()}")
            for binding in owner.BINDINGS:
                if not isinstance(binding, Binding):  # every key here is a text_binding, never a tuple
                    continue
                key = binding.key_display or binding.key
                lines.append(f"  {key:<8}{describe(binding, t)}")
        lines.append(f"\n  ctrl+p  {t('key.palette')}")
        return "\n".join(lines)

    def action_close(self) -> None:
        self.dismiss(None)
