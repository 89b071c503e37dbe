"""The hot-issues report counts repeat callers from the links handlers made on the exchange."""

from __future__ import annotations

from hotline_core.domain.intake import parse_order
from hotline_core.domain.lifecycle import receive
from hotline_core.domain.reports.hotspots import hot_issues
from tests.support import COMPLETE_FORM


def order(order_id: str, phone: str, day: str):
    return receive(
        parse_order(
            COMPLETE_FORM
            | {"id": order_id, "phone": phone, "received_at": f"{day}T10:00:00+08:00", "call_date": day}
        )
    )


def test_orders_a_handler_linked_count_as_one_repeat_caller_whatever_number_they_came_from() -> None:
    orders = [order("A1", "13800000001", "2026-11-02"), order("A2", "13900000002", "2026-11-03")]

    unlinked = hot_issues(orders, "2026Q4")
    linked = hot_issues(orders, "2026Q4", links={"A2": "A1"})

    assert unlinked.repeat_callers == ()
    (caller,) = linked.repeat_callers
    assert (caller.calls, caller.order_ids, caller.phone) == (2, ("A1", "A2"), "138****0001")


def test_the_same_phone_still_counts_without_a_link() -> None:
    orders = [order("A1", "13800000001", "2026-11-02"), order("A2", "13800000001", "2026-11-09")]
    (caller,) = hot_issues(orders, "2026Q4").repeat_callers
    assert caller.order_ids == ("A1", "A2")
