"""Which work comes first in the queue."""

from __future__ import annotations

from datetime import timedelta

from hotline_core.domain.events import Event
from hotline_core.domain.limits import LimitEvaluator
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.ranking import Standing, ranks
from hotline_core.domain.vocabulary import Action
from tests.unit.services.test_queue_start import NOW, order


def test_pending_work_first_by_due_time_then_idle_then_finished_each_newest_first() -> None:
    late_unsigned = order(0, received_minutes_ago=3 * 24 * 60)  # declined (n % 7 == 0): finished
    orders = [
        order(4, received_minutes_ago=90),  # unsigned: sign due 30 minutes ago
        order(8, received_minutes_ago=30),  # unsigned: sign due in 30 minutes
        late_unsigned,
        order(14, received_minutes_ago=10),  # declined too, but newer
    ]
    rated = order(12, received_minutes_ago=60)
    rated = WorkOrder(  # nothing pending: fed back, waiting on the citizen's rating
        rated.record,
        (
            *rated.events,
            Event(NOW - timedelta(minutes=50), "clerk", Action.SIGN),
            Event(NOW - timedelta(minutes=40), "clerk", Action.CONTACT),
            Event(NOW - timedelta(minutes=30), "clerk", Action.FEEDBACK, data={"text": "已办"}),
        ),
    )
    orders.append(rated)
    rank = ranks(orders, LimitEvaluator(NOW).table(orders))
    listed = sorted(rank, key=rank.__getitem__)
    assert listed == ["Q004", "Q008", "Q012", "Q014", "Q000"]
    assert [rank[i].standing for i in listed] == [
        Standing.PENDING,  # overdue
        Standing.PENDING,  # due soon
        Standing.IDLE,
        Standing.FINISHED,  # the newer finished order first
        Standing.FINISHED,
    ]
    assert all(rank[i].to_do for i in listed[:-2]) and not any(rank[i].to_do for i in listed[-2:])


def test_a_rank_does_not_depend_on_now() -> None:
    orders = [order(n, received_minutes_ago=n * 97) for n in range(20)]
    now_ranks = ranks(orders, LimitEvaluator(NOW).table(orders))
    later = ranks(orders, LimitEvaluator(NOW + timedelta(days=9)).table(orders))
    assert now_ranks == later
