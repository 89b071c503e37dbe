"""Limit states of 100,000 open orders at one ``now`` (issue: deadlines).

    python benchmarks/bench_limits.py [--orders N]

Prints the time to evaluate every limit of every order with the interval
arithmetic of ``hotline_core.domain.clocks`` (``hotline_core.domain.limits.LimitPlan``: a
column at a time with NumPy), on one core, and the same run's figure for a
naive minute-stepping reference (measured on a sample and scaled, since the
full run would take hours). Target: ≤ 0.5 s for 100,000 orders.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hotline_core.domain.calendar import WorkingCalendar
from hotline_core.domain.events import Event
from hotline_core.domain.intake import parse_order
from hotline_core.domain.limits import LimitEvaluator, LimitPlan
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.policy import YANBIAN_2019
from hotline_core.domain.vocabulary import Action, AppealType
from tests.unit.reference_clock import ReferenceClock

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=SHANGHAI)


def make_orders(count: int, seed: int = 7) -> list[WorkOrder]:
    """Open orders received over the last three weeks, a third signed and contacted."""
    rng = random.Random(seed)
    types = list(AppealType)
    orders = []
    for n in range(count):
        received = (NOW - timedelta(minutes=rng.randrange(0, 21 * 24 * 60))).replace(second=0)
        # As read back from storage: ISO text with its offset.
        record = parse_order(
            {
                "id": f"B{n:06d}",
                "received_at": received.isoformat(),
                "channel": "phone",
                "appeal_type": rng.choice(types).value,
                "appeal": "测试诉求",
            }
        )
        received = record.received_at
        events = [Event(received, "center", Action.RECEIVE)]
        if n % 3:
            events.append(Event(received + timedelta(minutes=40), "clerk", Action.SIGN))
        if n % 3 == 2:
            events.append(Event(received + timedelta(hours=5), "clerk", Action.CONTACT))
        orders.append(WorkOrder(record, tuple(events)))
    return orders


def fast(orders: list[WorkOrder], runs: int = 5) -> tuple[float, float]:
    """(cold, warm), the median of ``runs`` each: every deadline worked out and the states
    taken; then only the states, at a new now, from the deadlines kept."""
    LimitEvaluator(NOW).limits(orders[0])  # day tables built, as in a running app
    cold, warm = [], []
    for run in range(runs):
        start = time.perf_counter()
        plan = LimitPlan(orders, WorkingCalendar.default())
        plan.at(NOW)
        cold.append(time.perf_counter() - start)
        start = time.perf_counter()
        plan.at(NOW + timedelta(minutes=run + 1))
        warm.append(time.perf_counter() - start)
    return statistics.median(cold), statistics.median(warm)


def naive(orders: list[WorkOrder]) -> float:
    """The same deadlines by stepping minute by minute (sign, contact, close of each order)."""
    calendar = WorkingCalendar.default()
    policy = YANBIAN_2019
    clocks = {c: ReferenceClock(c, calendar, policy.office_hours) for c in ("office_hours", "working_day")}
    start = time.perf_counter()
    for order in orders:
        received = order.record.received_at
        for limit in (policy.sign, policy.contact, policy.close_for(order.record.appeal.appeal_type)):
            clocks[limit.clock.value].add(received, limit.length)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=100, help="orders for the naive reference")
    args = parser.parse_args()
    print(f"python {platform.python_version()} · {os.cpu_count()} cores · {platform.machine()}")
    orders = make_orders(args.orders)
    cold, warm = fast(orders)
    per_order = cold / len(orders)
    sample = orders[: args.sample]
    naive_per_order = naive(sample) / len(sample)
    print(
        f"interval arithmetic, cold: {len(orders):>7,} orders in {cold:6.3f} s "
        f"({per_order * 1e6:.1f} µs/order): deadlines worked out, then states (median of 5)"
    )
    print(
        f"interval arithmetic, warm: {len(orders):>7,} orders in {warm:6.3f} s "
        f"({warm / len(orders) * 1e6:.1f} µs/order): states at a new now, deadlines kept"
    )
    verdict = "met" if cold * 100_000 / len(orders) <= 0.5 else "MISSED"
    print(f"target: ≤ 0.5 s for 100,000 orders, cold: {verdict}")
    print(
        f"minute stepping:           {len(sample):>7,} orders in {naive_per_order * len(sample):6.3f} s "
        f"→ {naive_per_order * len(orders):,.0f} s for {len(orders):,} (scaled)"
    )
    print(f"ratio, minute stepping / cold: {naive_per_order / per_order:,.0f}x")


if __name__ == "__main__":
    main()
