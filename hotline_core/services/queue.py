"""The work queue's start: its most urgent page first, then every order.

On a large database a clerk's UI would wait for every order to be read and
its limits worked out before showing anything. Instead, after each full read
the ranks of the orders (``domain.ranking``) are remembered with the database;
the next start takes the ranks that still hold (order and settings unchanged
since), works out those of the few orders changed since, and reads only the
orders that fill the first page, most urgent first, as this person may see
them. Every order is read after that page is on the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from hotline_core.domain.limits import LimitEvaluator, LimitTable
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.ranking import ranks
from hotline_core.services.orders import view_of
from hotline_core.services.ports import Session

# More orders than this changed since their ranks were remembered (or none remembered on a
# large database): working their ranks out would cost about as much as reading everything.
CHANGED_AT_MOST = 500
# Orders read for one first page at most: someone who sees few of the most urgent orders
# (a county's clerk, a department) gets a shorter first page rather than a slow one.
READ_AT_MOST = 2_000


def first_page(session: Session, person: Person, size: int, now: datetime) -> list[WorkOrder] | None:
    """The ``size`` most urgent orders still to do that ``person`` may see, as they may see
    them, most urgent first; None when too few ranks are remembered to know them (read
    everything instead).

    Reading in rank order and keeping what the person may see gives their own most urgent
    orders in order, so a page cut short by ``READ_AT_MOST`` is still the right beginning."""
    order_ids = session.order_ids()
    known = session.remembered_ranks()
    changed = [order_id for order_id in order_ids if order_id not in known]
    if len(changed) > CHANGED_AT_MOST:
        return None
    read = {order.id: order for order in map(session.order, changed) if order is not None}
    settings = session.settings()
    limits = LimitEvaluator(now, settings.calendar, settings.policies).table(list(read.values()))
    ranked = known | ranks(list(read.values()), limits)
    to_do = sorted((i for i in order_ids if i in ranked and ranked[i].to_do), key=ranked.__getitem__)
    page: list[WorkOrder] = []
    for order_id in to_do[:READ_AT_MOST]:
        order = read.get(order_id) or session.order(order_id)
        view = None if order is None else view_of(person, order)
        if view is not None:
            page.append(view)
            if len(page) == size:
                break
    return page


def remember_ranks(session: Session, orders: Sequence[WorkOrder], limits: LimitTable) -> None:
    """After a full read: keep the ranks of ``orders`` (``limits`` holds each), with those
    still holding of the orders this person does not see, for the next start (by anyone)."""
    known = session.remembered_ranks()
    merged = known | ranks(orders, limits)
    if merged != known:
        session.remember_ranks(merged)
