"""The benchmark builds its orders without the rules, for speed: they must still be lives the rules allow."""

from __future__ import annotations

from datetime import datetime

from benchmarks.bench_reports import make_orders
from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.events import Command
from hotline_core.domain.lifecycle import perform, receive
from tests.support import HANDLER


def test_every_benchmark_order_replays_through_the_lifecycle() -> None:
    for order in make_orders(400, datetime(2026, 7, 1, tzinfo=SHANGHAI), 92, seed=3):
        replayed = receive(order.record)
        for event in order.events[1:]:
            replayed = perform(replayed, Command(event.action, event.data), HANDLER, event.at)
        assert [(e.at, e.action, e.data) for e in replayed.events] == [
            (e.at, e.action, e.data) for e in order.events
        ]
        assert replayed.state.status is order.state.status
