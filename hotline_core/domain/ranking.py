"""Which work comes first: the order the work queue (工作台) lists orders in.

Orders with a limit still pending come first, the nearest due time first; then
the orders with nothing pending, newest first; the finished ones (closed,
returned, declined) last, newest first.

A rank depends on the order's events, the calendar and the policy, never on
``now``: a limit stays pending until an event meets or lifts it, whatever the
time (``limits``). So a rank worked out once holds until the order or the
settings change, which lets the UI's start read its most urgent page first
from ranks remembered beside the database (``services.queue``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import IntEnum
from typing import NamedTuple

from hotline_core.domain.limits import LimitTable, Stated
from hotline_core.domain.state import FINISHED


class Standing(IntEnum):
    """The three parts of the queue, in the order they are listed."""

    PENDING = 0  # a limit is still to be met: by its due time
    IDLE = 1  # nothing pending (waiting on the citizen's rating, say): newest first
    FINISHED = 2  # closed, returned or declined: newest first


class Rank(NamedTuple):
    """An order's place in the queue: compare two ranks to know which comes first."""

    standing: Standing
    key: float  # the nearest due time (epoch seconds); minus the receipt time when none is due

    @property
    def to_do(self) -> bool:
        """Still work to do: the queue's default view lists it."""
        return self.standing is not Standing.FINISHED


def rank(order: Stated, nearest_due: float) -> Rank:
    """``nearest_due``: the due epoch of the order's nearest pending limit, ``inf`` when none."""
    if order.state.status in FINISHED:
        return Rank(Standing.FINISHED, -order.record.received_at.timestamp())
    if math.isinf(nearest_due):
        return Rank(Standing.IDLE, -order.record.received_at.timestamp())
    return Rank(Standing.PENDING, nearest_due)


def ranks(orders: Sequence[Stated], limits: LimitTable) -> dict[str, Rank]:
    """Every order's rank by its id; ``limits`` holds every one of them."""
    nearest = limits.next_due().tolist()
    return {o.record.order_id: rank(o, nearest[limits.row(o.record.order_id)]) for o in orders}
