"""One order: its record, its limits, its timeline, its alerts, and what can be done now.

Only the actions the rules and this person's role allow right now are
offered, by key (the common ones), from the ``a`` menu (all of them) and
from the command palette. Each opens a small form; see ``dialogs.actions``.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from functools import partial

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header

from hotline_core import services
from hotline_core.domain.calendar import human_due
from hotline_core.domain.intake import as_text, flatten
from hotline_core.domain.lifecycle import available_actions
from hotline_core.domain.limits import LimitState
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.permissions import Sight, sight
from hotline_core.domain.privacy import masked_order
from hotline_core.domain.vocabulary import Action
from hotline_core.services import exchange
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.commands import Command
from hotline_tui.footer import Footer
from hotline_tui.format import center_due_rows, moment
from hotline_tui.i18n import Translator
from hotline_tui.messages import DataLoaded
from hotline_tui.node import HotlineNode
from hotline_tui.paper import PAPER_KEYS, PaperActions
from hotline_tui.plain import Plain, bold, join, lines
from hotline_tui.visible import visible

# Keys for the everyday actions; the rest are in the menu (a) and the palette.
ACTION_KEYS: dict[Action, str] = {
    Action.SIGN: "s",
    Action.CONTACT: "c",
    Action.RECORD: "e",
    Action.TRANSFER: "t",
    Action.ASSIGN: "g",
    Action.SUBMIT_RESULT: "u",
    Action.FEEDBACK: "f",
    Action.REPLY: "y",
    Action.RATE: "v",
    Action.CLOSE: "k",
    Action.ARCHIVE: "z",
}
_LONG_FIELDS = frozenset({"address", "appeal", "reply"})
_STATE_MARK = {
    LimitState.BREACHED: "✗",
    LimitState.DUE_SOON: "!",
    LimitState.MET: "✓",
    LimitState.OPEN: "·",
    LimitState.NOT_APPLICABLE: " ",
}


def _pad(text: str, width: int) -> str:
    """Pad to ``width`` terminal cells (a Chinese character takes two)."""
    return text + " " * max(width - cell_len(text), 1)


class OrderScreen(PaperActions, HotlineNode, Screen[None]):
    BINDINGS = [
        text_binding("escape", "back", "key.back", "order.back"),
        text_binding("a", "menu", "key.act", "order.menu"),
        *[
            text_binding(
                key,
                f"act('{action.value}')",
                f"action.{action.value}",
                f"order.{action.value}",
                short=f"key.action.{action.value}",
            )
            for action, key in ACTION_KEYS.items()
        ],
        *PAPER_KEYS,  # p the order sheet, n the extension notice (hotline_tui/paper.py)
    ]

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id
        # Personal data stays hidden until the access log has recorded this opening
        # (a full disk or a read-only copy: it stays hidden, and the clerk is told why).
        self.unlogged = True
        self.center_due: datetime | None = None  # issue 17: the center's 承诺完成时间, read with the opening

    @property
    def order(self) -> WorkOrder | None:
        order = self.app.orders.get(self.order_id) or self.app.found.get(self.order_id)
        return masked_order(order) if order is not None and self.unlogged else order

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="order"):
            yield Plain(id="order-head")
            yield Plain(id="order-limits", classes="section")
            yield Plain(id="order-record", classes="section")
            yield Plain(id="order-timeline", classes="section")
            yield Plain(id="order-alerts", classes="section")
        yield Footer()

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.retranslate()
        self.record_opening()

    @work(thread=True, group="access")
    def record_opening(self) -> None:
        """The access log learns that this person was shown the order (when shown whole)."""
        app = self.app
        self.center_due = exchange.center_due(app.repo, app.person.login, self.order_id)
        if services.opened(app.repo, app.person, self.order_id, app.clock()):
            app.call_from_thread(self._show_whole)
        else:
            app.call_from_thread(self.notify, app.t("order.unlogged"), severity="warning")

    def _show_whole(self) -> None:
        self.unlogged = False
        self.redraw()

    def retranslate(self) -> None:
        self.title = self.app.t("order.title", id=self.order_id)
        self.redraw()

    @on(DataLoaded)
    def redraw(self) -> None:
        order, t = self.order, self.app.t
        if order is None:
            self.query_one("#order-head", Plain).update(t("order.gone"))
            return
        self.query_one("#order-head", Plain).update(self._head(order, t))
        self.query_one("#order-record", Plain).update(self._record(order, t))
        self.query_one("#order-limits", Plain).update(self._limits(order, t))
        self.query_one("#order-timeline", Plain).update(self._timeline(order, t))
        self.query_one("#order-alerts", Plain).update(self._alerts(t))
        self.refresh_bindings()

    def _head(self, order: WorkOrder, t: Translator) -> Text:
        state = order.state
        offered = [t.name(a) for a in self.offered()]
        actions = t.names(offered) if offered else t("order.no_actions")
        names = (t.name(state.status), t.name(state.owner.name), t.name(state.record.appeal.appeal_type))
        kind = " · ".join(names)
        return lines([join([bold(order.id), "  ", kind]), t.labelled(t("order.actions"), actions)])

    def _record(self, order: WorkOrder, t: Translator) -> Text:
        """Short fields two to a line, long texts on their own: the essentials fit 80x24."""
        shown = order.state.record  # already masked by the core where this person may not see it
        is_masked = self.unlogged or sight(self.app.person, order) is Sight.MASKED
        rows: list[Text | str] = [
            join([bold(t("order.record")), f"  {t('order.masked')}" if is_masked else ""])
        ]
        pair: list[str] = []
        for name, value in flatten(shown).items():
            text = t.name(value) if isinstance(value, Enum) or name == "ethnicity" else as_text(value)
            if isinstance(value, bool):
                text = t.yes_no(value)
            elif isinstance(value, datetime):
                text = moment(value, with_year=True)
            item = t.labelled(t.field(name), text)
            if name in _LONG_FIELDS:
                rows.append(item)
                continue
            pair.append(visible(item, newlines=False))
            if len(pair) == 2:
                rows.append(f"{_pad(pair[0], 38)}{pair[1]}")
                pair = []
        if pair:
            rows.append(pair[0])
        return lines(rows)

    def _limits(self, order: WorkOrder, t: Translator) -> Text:
        rows: list[Text | str] = [bold(t("order.limits"))]
        for name, status in self.app.evaluator().limits(order).items():
            if status.state is LimitState.NOT_APPLICABLE and status.due_epoch is None:
                continue
            when = t("order.met", at=moment(status.met_at)) if status.met_at else ""
            provisional = t("state.provisional") if status.provisional else ""
            state = t.labelled(t(f"limit.{name}"), t(f"state.{status.state.value}"))
            due = t("order.due", due=human_due(status.due) if status.due else "")
            rows.append(f"{_STATE_MARK[status.state]} {state}{provisional}  {due}  {when}".rstrip())
        rows += center_due_rows(order, self.center_due, self.app.evaluator(), t)  # issue 17
        return lines(rows)

    def _timeline(self, order: WorkOrder, t: Translator) -> Text:
        rows: list[Text | str] = [bold(t("order.timeline"))]
        for event in order.events:
            comma = t("word.comma")
            details = comma.join(t.labelled(t.field(k), t.name(v)) for k, v in event.data.items())
            files = comma.join(a.name for a in event.attachments)
            extra = " ".join(x for x in (details, event.note, f"📎{files}" if files else "") if x)
            entered = t("order.entered_at", at=moment(event.entered_at)) if event.entered_at else ""
            rows.append(f"{moment(event.at)}{entered} {event.actor} {t.name(event.action)} {extra}".rstrip())
        return lines(rows)

    def _alerts(self, t: Translator) -> Text:
        mine = [i for i in self.app.inbox if i.alert.order_id == self.order_id]
        if not mine:
            return Text()
        rows: list[Text | str] = [bold(t("order.alerts"))]
        rows += [
            f"{'✓' if i.acknowledged else '⚑'} {moment(i.alert.raised_at)} {t(f'alert.{i.alert.kind.value}')}"
            for i in mine
        ]
        return lines(rows)

    # -- actions -------------------------------------------------------------------

    def offered(self) -> list[Action]:
        """What this person may do to this order now: the core's rules decide, not the screen."""
        order = self.order
        return [] if order is None else available_actions(order, self.app.person)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer an action's key (and the menu) only while the rules and the role allow it."""
        if action == "act":
            return Action(str(parameters[0])) in self.offered()
        if action == "menu":
            return bool(self.offered())
        return True

    def extra_commands(self) -> list[Command]:
        """For the palette: the offered actions that have no key of their own (the menu's rest)."""
        t = self.app.t
        return [
            Command(f"{self.title}: {t.name(action)}", partial(self.action_act, action.value))
            for action in self.offered()
            if action not in ACTION_KEYS
        ]

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_act(self, action: str) -> None:
        from hotline_tui.dialogs.actions import action_dialog

        order = self.order
        if order is not None and Action(action) in self.offered():
            self.app.push_screen(action_dialog(self.app, order, Action(action)))
        else:
            self.app.refuse(self.app.t.name(Action(action)))

    def action_menu(self) -> None:
        from hotline_tui.dialogs.actions import ActionMenu

        offered = self.offered()
        if offered:
            self.app.push_screen(ActionMenu(offered), self._chosen)
        else:
            self.app.refuse(self.app.t("key.act"))

    def _chosen(self, action: Action | None) -> None:
        if action is not None:
            self.action_act(action.value)
