"""The work queue (工作台): the orders this person may see, most urgent first.

Each row says its next limit and the time left in words ("办结 剩5时",
"签收 超时2时"); colour only repeats what the words say. Filters cycle with
one key each, so they work on any terminal; ``/`` finds by order number,
name, phone or words of the appeal among open, closed and archived orders (the core's
search, through the archive index), as this person may see them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TypeVar

from attrs import evolve
from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from hotline_core import services
from hotline_core.domain.limits import LimitPlan, LimitTable, next_due
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import RIGHTS_DEPT, UnitKind
from hotline_core.domain.permissions import may_receive
from hotline_core.domain.problems import HotlineError
from hotline_core.domain.state import OrderState
from hotline_core.domain.vocabulary import COUNTIES, AppealType, Place, Status
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.footer import Footer
from hotline_tui.format import moment, time_left
from hotline_tui.i18n import Translator
from hotline_tui.messages import DataLoaded
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain, PlainTable
from hotline_tui.worklist import PAGE, Filter, ranked

STATUSES: tuple[Status | None, ...] = (
    None,
    Status.RECEIVED,
    Status.HANDLING,
    Status.RETURN_REQUESTED,
    Status.FEEDBACK_GIVEN,
    Status.CLOSED,
    Status.DECLINED,
    Status.RETURNED,
)
TYPES: tuple[AppealType | None, ...] = (None, *AppealType)
PLACES: tuple[Place | None, ...] = (None, Place.PREFECTURE, *COUNTIES)
COLUMNS = ("id", "received", "type", "county", "status", "owner", "next")
# One space after each column (the table's own padding would take two), the left margin and
# the scroll bar: what is left of the screen's width for the columns' text.
GAP = 1
MARGIN = 2


T = TypeVar("T")


def column_widths(t: Translator, departments: Sequence[str], room: int) -> dict[str, int]:
    """Each column as wide as its widest name in this language, in terminal cells (a Chinese
    or Korean character takes two), so no name is cut; the next limit takes the rest of ``room``."""

    def widest(column: str, names: Iterable[str]) -> int:
        return max(cell_len(t(f"queue.col.{column}")), *(cell_len(name) for name in names))

    units = (RIGHTS_DEPT.name, *(place.value for place in COUNTIES), *departments)
    widths = {
        "id": widest("id", ["YB202611200001"]),
        "received": widest("received", ["11-20 16:10"]),
        "type": widest("type", (t.name(kind, short=True) for kind in AppealType)),
        "county": widest("county", (t.name(place, short=True) for place in Place)),
        "status": widest("status", (t.name(status, short=True) for status in Status)),
        "owner": widest("owner", (t.name(unit, short=True) for unit in units)),
    }
    taken = sum(widths.values()) + GAP * len(widths)
    widths["next"] = max(room - taken, cell_len(t("queue.col.next")))
    return widths


def _cycle(values: Sequence[T], current: T) -> T:
    """The value after ``current``, back to the first after the last."""
    return values[(values.index(current) + 1) % len(values)]


class QueueScreen(HotlineNode, Screen[None]):
    BINDINGS = [
        text_binding("enter", "open", "key.open", "queue.open"),
        text_binding("slash", "find", "key.find", "queue.find", key_display="/"),
        text_binding("s", "cycle_status", "key.filter_status", "queue.status"),
        text_binding("t", "cycle_type", "key.filter_type", "queue.type"),
        text_binding("c", "cycle_county", "key.filter_county", "queue.county"),
        text_binding("o", "toggle_overdue", "key.filter_overdue", "queue.overdue"),
        text_binding("x", "clear", "key.clear", "queue.clear"),
        text_binding("n", "intake", "key.intake", "queue.intake"),
        text_binding("r", "refresh", "key.refresh", "queue.refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = Filter()
        self.limits: LimitTable | None = None
        # What the last search found (open, closed, archived) and their limits; None while it runs.
        self.found: LimitPlan | None = None
        self.width_laid_out = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="queue"):
            yield Plain(id="queue-status")
            yield Input(id="queue-find")
            yield PlainTable(id="queue-table", cursor_type="row", zebra_stripes=True, cell_padding=0)
        yield Footer()

    def on_resize(self) -> None:
        if self.app.size.width != self.width_laid_out:
            self.retranslate()  # the next limit's column takes the width there is

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.query_one("#queue-find", Input).display = False
        self.query_one("#queue-table", DataTable).focus()
        self.set_interval(30.0, self.redraw)
        self.retranslate()

    def retranslate(self) -> None:
        t = self.app.t
        self.title = t("queue.title")
        table = self.query_one("#queue-table", DataTable)
        table.clear(columns=True)
        self.width_laid_out = self.app.size.width
        widths = column_widths(t, self.app.settings.organization.departments, self.width_laid_out - MARGIN)
        for column, width in widths.items():
            gap = 0 if column == "next" else GAP  # the last column needs no space after it
            table.add_column(t(f"queue.col.{column}"), key=column, width=width + gap)
        self.query_one("#queue-find", Input).placeholder = t("queue.find")
        self.redraw()

    @on(DataLoaded)
    def _reloaded(self) -> None:
        if self.filter.text:
            self.search(self.filter.text)  # a search shows what the database holds now
        self.redraw()

    def redraw(self) -> None:
        """Recompute every visible order's limits at the app's ``now`` and refill the table."""
        now = self.app.clock()
        if self.filter.text:  # the search's results, once they are in
            self.limits = (self.found or LimitPlan([])).at(now)
            source = self.app.found.values() if self.found is not None else ()
        else:
            self.limits = self.app.limit_table()
            source = self.app.orders.values()
        orders = ranked(source, self.limits, self.filter)
        self._fill(orders[:PAGE], now)
        self._status_line(len(orders))

    def _fill(self, orders: list[WorkOrder], now: datetime) -> None:
        table = self.query_one("#queue-table", DataTable)
        selected = self.selected_id()
        table.clear()
        for order in orders:
            table.add_row(*self._cells(order, now), key=order.id)
        if selected in {o.id for o in orders}:
            table.move_cursor(row=table.get_row_index(selected))

    def _cells(self, order: WorkOrder, now: datetime) -> list[Text | str]:
        t = self.app.t
        state = order.state
        limits = self.limits
        assert limits is not None  # rows are only drawn after the limits are taken
        text, style = time_left(next_due(limits.limits(limits.row(order.id))), now, t, short=True)
        return [
            order.id,
            moment(order.record.received_at),
            t.name(state.record.appeal.appeal_type, short=True),
            t.name(state.record.place, short=True),
            t.name(state.status, short=True),
            _waiting_on(state, t),
            Text(text, style={"breached": "bold red", "soon": "bold yellow"}.get(style, "")),
        ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The intake key only for who may take orders in. Every other key works from the
        first page on: find asks the core, and a filter narrows what is read so far while
        the status line says the rest is still being read (it applies to all once it is)."""
        if action == "intake":
            return may_receive(self.app.person)
        return True

    def _status_line(self, shown: int) -> None:
        t = self.app.t
        if self.filter.text and self.found is None:
            line = t("queue.searching", text=self.filter.text)
        else:
            line = t("queue.loading") if self.app.loading else self._counts(shown)
        if self.app.unread:
            line += f"  ⚑ {t('alerts.unread', n=self.app.unread)}"
        if shown == 0 and not self.app.loading:
            line += f"  {t('queue.empty')}"
        self.query_one("#queue-status", Static).update(line)

    def _counts(self, shown: int) -> str:
        """What the table shows, said plainly: "在办 13 / 共 18", "办结 · 投诉 2 / 共 18",
        or for a search how many it found, closed and archived orders included."""
        t = self.app.t
        f = self.filter
        parts = [
            t.name(f.status) if f.status else ("" if f.text else t("queue.filter.open")),
            t.name(f.appeal_type) if f.appeal_type else "",
            t.name(f.place) if f.place else "",
            t("queue.filter.overdue") if f.overdue else "",
        ]
        what = " · ".join(p for p in parts if p)
        if f.text:
            line = t("queue.found", text=f.text, shown=shown) + (f" · {what}" if what else "")
        else:
            line = t("queue.count", what=what, shown=shown, total=len(self.app.orders))
        if shown > PAGE:
            line += f"  {t('queue.page', page=PAGE)}"
        return line

    def selected_id(self) -> str | None:
        table = self.query_one("#queue-table", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    # -- actions -------------------------------------------------------------------

    def _refilter(self, view: Filter) -> None:
        self.filter = view
        self.redraw()

    def action_cycle_status(self) -> None:
        self._refilter(evolve(self.filter, status=_cycle(STATUSES, self.filter.status)))

    def action_cycle_type(self) -> None:
        self._refilter(evolve(self.filter, appeal_type=_cycle(TYPES, self.filter.appeal_type)))

    def action_cycle_county(self) -> None:
        self._refilter(evolve(self.filter, place=_cycle(PLACES, self.filter.place)))

    def action_toggle_overdue(self) -> None:
        self._refilter(evolve(self.filter, overdue=not self.filter.overdue))

    def action_clear(self) -> None:
        self.query_one("#queue-find", Input).value = ""
        self.app.found = {}
        self._refilter(Filter())

    def action_find(self) -> None:
        finder = self.query_one("#queue-find", Input)
        finder.display = True
        finder.focus()

    @on(Input.Submitted, "#queue-find")
    def _found(self, event: Input.Submitted) -> None:
        event.input.display = False
        self.query_one("#queue-table", DataTable).focus()
        text = event.value.strip()
        if text:
            self.found = None
            self.search(text)
        self._refilter(evolve(self.filter, text=text))

    @work(thread=True, exclusive=True, group="search")
    def search(self, text: str) -> None:
        """Ask the core: it scopes, masks and logs what it hands back."""
        app = self.app
        try:
            found = services.search_orders(app.repo, app.person.login, text, app.clock())
        except HotlineError as error:
            app.call_from_thread(app.notify, "；".join(error.messages(app.t.language)), severity="error")
            found = []
        except services.StorageError as error:
            app.call_from_thread(app.notify, str(error), severity="error")
            found = []
        plan = LimitPlan(found, app.settings.calendar, app.settings.policies)
        app.call_from_thread(self._searched, text, found, plan)

    def _searched(self, text: str, found: list[WorkOrder], plan: LimitPlan) -> None:
        if text != self.filter.text:
            return  # a newer search or a clear came first
        self.app.found = {o.id: o for o in found}
        self.found = plan
        self.redraw()

    def key_escape(self) -> None:
        finder = self.query_one("#queue-find", Input)
        if finder.display:
            finder.display = False
            self.query_one("#queue-table", DataTable).focus()

    def action_refresh(self) -> None:
        self.app.reload()

    def action_intake(self) -> None:
        from hotline_tui.dialogs.intake import intake_dialog

        if may_receive(self.app.person):
            self.app.push_screen(intake_dialog(self.app))
        else:
            self.app.refuse(self.app.t("key.intake"))

    @on(DataTable.RowSelected, "#queue-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        self.open_order(str(event.row_key.value))

    def action_open(self) -> None:
        order_id = self.selected_id()
        if order_id is not None:
            self.open_order(order_id)

    def open_order(self, order_id: str) -> None:
        from hotline_tui.screens.order import OrderScreen

        self.app.push_screen(OrderScreen(order_id))


def _waiting_on(state: OrderState, t: Translator) -> str:
    """Whom the order waits on: a government department it was passed to (→民政局), else its owner."""
    waiting = state.waiting_on
    if waiting and waiting[-1].kind is UnitKind.GOVERNMENT:
        return "→" + t.name(waiting[-1].name, short=True)
    return t.name(state.owner.name, short=True)
