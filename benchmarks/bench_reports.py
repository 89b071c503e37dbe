"""Benchmark of the reports: the quarterly summary over 100,000 orders, and the exports.

Run ``python benchmarks/bench_reports.py`` (``--orders N`` for another size,
``--profile`` to print where the summary's time goes). It builds N orders
whose events are valid lifecycle sequences (the rules would have accepted
each step), constructed directly rather than through ``perform`` so that
building them takes seconds, not minutes. Two mixes are measured:

- *all in the quarter*: every order received in 2026Q3, the worst case;
- *five years*: the same number spread over 2022–2026, of which the
  quarter holds a twentieth; the other orders only count towards the
  backlog (open at the end).

Figures: the summary (target: <= 1 s at 100,000 orders, every deadline
worked out afresh), the hot-issues report without and with phrase counting,
the annual assessment, and the xlsx / CSV / JSON exports.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hotline_core.adapters.report_files import export
from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.events import Event
from hotline_core.domain.model import Appeal, Citizen, OrderRecord
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.reports import annual_assessment, hot_issues, quarterly_summary
from hotline_core.domain.vocabulary import (
    Action as A,
)
from hotline_core.domain.vocabulary import (
    AppealType,
    BusinessArea,
    Channel,
    DisabilityCategory,
    Gender,
    Place,
)

NOW = datetime(2026, 11, 30, 12, tzinfo=SHANGHAI)
TARGET = 1.0
APPEALS = (
    "用人单位拒绝按比例安排残疾人就业",
    "咨询两项补贴申请条件",
    "小区无障碍通道被占用",
    "孩子康复训练补贴何时发放",
    "申请辅助器具适配",
    "残疾人证到期如何换领",
    "咨询特殊教育学校入学",
)
T = TypeVar("T")


def _record(number: int, received: datetime, chance: random.Random) -> OrderRecord:
    appeal = Appeal(
        chance.choice(list(AppealType)),
        Channel.PHONE,
        chance.choice(APPEALS),
        chance.choice(list(BusinessArea)),
        received.date(),
    )
    citizen = Citizen(
        "金某",
        Gender.FEMALE,
        45,
        "朝鲜族",
        chance.choice(list(DisabilityCategory)),
        phone=f"139{chance.randrange(10**8):08d}",
        address="延吉市",
    )
    return OrderRecord(
        f"B{number:07d}",
        received,
        appeal,
        chance.choice(list(Place)),
        citizen,
        reply="已答复",
        emergency=chance.random() < 0.01,
        petition=chance.random() < 0.01,
    )


def _steps(chance: random.Random) -> list[tuple[A, dict[str, str]]]:
    """One plausible life: what the rules allow, in the order they allow it."""
    roll = chance.random()
    answered = [
        (A.FEEDBACK, {"text": "已办", "images": "现场.jpg"}),
        (A.RATE, {"level": chance.choice(("satisfied", "satisfied", "basically_satisfied", "unsatisfied"))}),
        (A.REPORT_UNSATISFIED, {"text": "已报告"}),
        (A.CLOSE, {}),
    ]
    if roll < 0.05:
        return [(A.REQUEST_RETURN, {"reason": "非本单位职责", "basis": "三定"}), (A.APPROVE_RETURN, {})]
    if roll < 0.10:
        return [
            (A.SIGN, {}),
            (A.DECLINE, {"reason": "not_specific", "explanation": "无法核实", "guidance": "补充"}),
        ]
    if roll < 0.18:
        return [(A.SIGN, {})][: chance.randrange(2)]
    if roll < 0.26:
        return [
            (A.SIGN, {}),
            (A.TRANSFER, {"to": chance.choice(list(Place)[1:]).value}),
            (A.CONTACT, {}),
            (A.SUBMIT_RESULT, {"text": "已办"}),
            *answered,
        ]
    return [(A.SIGN, {}), (A.CONTACT, {}), *answered] + ([(A.ARCHIVE, {})] if roll > 0.9 else [])


def make_order(number: int, received: datetime, chance: random.Random) -> WorkOrder:
    record = _record(number, received, chance)
    events = [Event(received, "center", A.RECEIVE)]
    at = received
    for action, data in _steps(chance):
        if action is A.REPORT_UNSATISFIED and events[-1].data.get("level") != "unsatisfied":
            continue
        at += timedelta(minutes=chance.choice((10, 40, 70, 300, 1500, 4000)))
        events.append(Event(at, "handler", action, data=data))
    return WorkOrder(record, tuple(events))


def make_orders(count: int, first: datetime, days: int, seed: int = 7) -> list[WorkOrder]:
    chance = random.Random(seed)
    return [
        make_order(
            n,
            first
            + timedelta(
                days=chance.randrange(days), hours=chance.randrange(7, 18), minutes=chance.randrange(60)
            ),
            chance,
        )
        for n in range(count)
    ]


def timed(label: str, work: Callable[[], T], repeat: int = 3) -> tuple[T, float]:
    """The result and the best of ``repeat`` wall-clock times, printed."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    print(f"  {label:<44} {best:8.3f} s")
    return result, best  # type: ignore[return-value]


def run(count: int, profile: bool) -> None:
    print(f"building {count:,} orders ...", flush=True)
    start = time.perf_counter()
    in_quarter = make_orders(count, datetime(2026, 7, 1, tzinfo=SHANGHAI), 92)
    five_years = make_orders(count, datetime(2022, 1, 1, tzinfo=SHANGHAI), 365 * 5, seed=8)
    print(f"  built in {time.perf_counter() - start:.1f} s (the fold replays each order's events)\n")
    for name, orders in (("all in 2026Q3", in_quarter), ("five years, 2026Q3 of them", five_years)):
        print(f"{name}:")
        summary, seconds = timed(
            "quarterly summary", lambda orders=orders: quarterly_summary(orders, "2026Q3", NOW)
        )
        verdict = "met" if seconds <= TARGET else "MISSED"
        print(f"    received {summary.total.figures.received:,}; target {TARGET:.1f} s {verdict}")
        timed(
            "hot issues without phrases (top=0)", lambda orders=orders: hot_issues(orders, "2026Q3", top=0), 1
        )
        timed("annual assessment 2026", lambda orders=orders: annual_assessment(orders, "2026", NOW), 1)
    print("\nexports of the 2026Q3 summary (10 rows x 41 columns):")
    summary = quarterly_summary(in_quarter, "2026Q3", NOW)
    sample = in_quarter[:10_000]
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("xlsx", "csv", "json"):
            timed(f"export {fmt}", lambda f=fmt: export(summary, f, Path(folder) / f"q3.{f}"))
        hot, _ = timed("hot issues of 10,000 with phrases (jieba)", lambda: hot_issues(sample, "2026Q3"), 1)
        timed("export hot issues xlsx (9 sheets)", lambda: export(hot, "xlsx", Path(folder) / "hot.xlsx"))
    if profile:
        _profile(in_quarter)


def _profile(orders: list[WorkOrder]) -> None:
    print("\nwhere the summary's time goes (all in the quarter):")
    profiler = cProfile.Profile()
    profiler.runcall(quarterly_summary, orders, "2026Q3", NOW)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    run(args.orders, args.profile)


if __name__ == "__main__":
    main()
