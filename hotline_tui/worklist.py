"""What the work queue (工作台) shows, and in which order: plain values and
functions, so they are tested (and could be used) without a screen."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from hotline_core.domain.limits import LimitTable
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.ranking import rank
from hotline_core.domain.search import needle_of, order_matches
from hotline_core.domain.state import FINISHED
from hotline_core.domain.vocabulary import AppealType, Place, Status

# The table holds one page: a clerk narrows a longer list with the filters and find.
PAGE = 100


@frozen
class Filter:
    """The clerk's narrowing of the queue; the default shows the work still to do."""

    status: Status | None = None
    appeal_type: AppealType | None = None
    place: Place | None = None
    overdue: bool = False
    text: str = ""

    def matches(self, order: WorkOrder, overdue: bool) -> bool:
        """``overdue``: the order has a limit past its due time and still unmet."""
        record = order.state.record
        needle = needle_of(self.text)
        if self.status is None and not needle and order.state.status in FINISHED:
            return False  # the queue is the work still to do; a status filter or a search shows the rest
        if self.status is not None and order.state.status is not self.status:
            return False
        if self.appeal_type is not None and record.appeal.appeal_type is not self.appeal_type:
            return False
        if self.place is not None and record.place is not self.place:
            return False
        if self.overdue and not overdue:
            return False
        return not needle or order_matches(order, needle)


def ranked(orders: Iterable[WorkOrder], limits: LimitTable, view: Filter) -> list[WorkOrder]:
    """The orders ``view`` lets through, most urgent first (``domain.ranking``); ``limits``
    holds every one of them."""
    overdue, nearest, row = limits.overdue().tolist(), limits.next_due().tolist(), limits.row
    return sorted(
        (o for o in orders if view.matches(o, overdue[row(o.id)])),
        key=lambda o: rank(o, nearest[row(o.id)]),
    )
