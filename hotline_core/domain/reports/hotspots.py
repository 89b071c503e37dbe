"""Hot and difficult issues (热点难点) for the office meeting (source 一(三), SPEC 7).

What citizens raised in a period, against the period of the same length
just before it: counts by appeal type, business area, place and disability
category, a month-by-month trend, the words and phrases their appeals use
most, and the callers who called twice or more. Every order received in
the period counts, whatever became of it (a returned order still tells
what people ask); its classification is its latest record's.

The report goes to a meeting, so it carries no personal data: repeat
callers appear by masked phone (138****0000) and order numbers only. Given the services
recorded (``domain/duties``), it counts them too, by kind, county and month.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from enum import Enum

from attrs import frozen

from hotline_core.domain.calendar import shanghai_date
from hotline_core.domain.duties.service import ServiceRecord
from hotline_core.domain.model import OrderRecord
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.privacy import mask_phone
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.reports.counting import rate
from hotline_core.domain.reports.duties import ServiceCounts, service_counts
from hotline_core.domain.reports.period import Period, as_period
from hotline_core.domain.reports.phrases import STOP_WORDS, Term, frequent_terms
from hotline_core.domain.vocabulary import (
    AppealType,
    BusinessArea,
    DisabilityCategory,
    Place,
)

NOT_RECORDED = "未登记"


@frozen
class Change:
    """A count this period against the previous one of the same length."""

    current: int
    previous: int

    @property
    def change(self) -> int:
        return self.current - self.previous

    @property
    def change_rate(self) -> float | None:
        """Change / previous, as a fraction; ``None`` when the previous period had none."""
        return rate(self.change, self.previous)


@frozen
class Share:
    """One category of a breakdown: its code (``None``: not recorded), label and counts."""

    code: str | None
    label: str
    count: Change


@frozen
class MonthCount:
    month: date
    count: int


@frozen
class RepeatCaller:
    """A phone that called twice or more in the period, masked."""

    phone: str
    calls: int
    order_ids: tuple[str, ...]
    places: tuple[Place, ...]


@frozen
class HotIssues:
    period: Period
    previous: Period
    received: Change
    by_type: tuple[Share, ...]
    by_area: tuple[Share, ...]
    by_place: tuple[Share, ...]
    by_disability: tuple[Share, ...]
    trend: tuple[MonthCount, ...]
    words: tuple[Term, ...]
    phrases: tuple[Term, ...]
    repeat_callers: tuple[RepeatCaller, ...]
    services: ServiceCounts | None = None


def hot_issues(
    orders: Iterable[WorkOrder],
    period: Period | Quarter | str,
    top: int = 20,
    stop_words: frozenset[str] = STOP_WORDS,
    services: Iterable[ServiceRecord] | None = None,
    links: Mapping[str, str] | None = None,
) -> HotIssues:
    """The hot-issues report of ``period``; ``top`` words and phrases are listed; with
    ``services``, their counts in the period (as of its end) too. ``links`` (order → the
    order it repeats, as a handler linked or merged them on the exchange's pull) joins
    callers whose orders were found to be one matter told again."""
    period = as_period(period)
    previous = period.previous()
    start, middle, end = previous.start, period.start, period.end
    current: list[OrderRecord] = []
    before: list[OrderRecord] = []
    for order in orders:
        received = order.record.received_at
        if middle <= received < end:
            current.append(order.state.record)
        elif start <= received < middle:
            before.append(order.state.record)
    words, phrases = frequent_terms((r.appeal.text for r in current), top, stop_words) if top else ((), ())
    return HotIssues(
        period=period,
        previous=previous,
        received=Change(len(current), len(before)),
        by_type=_breakdown(current, before, lambda r: r.appeal.appeal_type, tuple(AppealType)),
        by_area=_breakdown(current, before, lambda r: r.appeal.business_area, tuple(BusinessArea)),
        by_place=_breakdown(current, before, lambda r: r.place, tuple(Place)),
        by_disability=_breakdown(current, before, lambda r: r.citizen.disability, tuple(DisabilityCategory)),
        trend=_trend(current, period),
        words=words,
        phrases=phrases,
        repeat_callers=_repeat_callers(current, links or {}),
        services=_services(services, period),
    )


def _services(services: Iterable[ServiceRecord] | None, period: Period) -> ServiceCounts | None:
    if services is None:
        return None
    return service_counts(services, period, period.end)


def _breakdown(
    current: list[OrderRecord],
    before: list[OrderRecord],
    key: Callable[[OrderRecord], Enum | None],
    categories: tuple[Enum, ...],
) -> tuple[Share, ...]:
    """Every category in its fixed order, then "not recorded" if any order lacks it; busiest first."""
    now, then = Counter(map(key, current)), Counter(map(key, before))
    shares = [Share(c.value, getattr(c, "label", c.value), Change(now[c], then[c])) for c in categories]
    if now[None] or then[None]:
        shares.append(Share(None, NOT_RECORDED, Change(now[None], then[None])))
    order = {s.code: i for i, s in enumerate(shares)}
    return tuple(sorted(shares, key=lambda s: (-s.count.current, order[s.code])))


def _trend(records: list[OrderRecord], period: Period) -> tuple[MonthCount, ...]:
    counts = Counter(shanghai_date(r.received_at).replace(day=1) for r in records)
    return tuple(MonthCount(month, counts[month]) for month in period.month_starts())


def _repeat_callers(records: list[OrderRecord], links: Mapping[str, str]) -> tuple[RepeatCaller, ...]:
    """Phones on two or more orders of the period, and orders linked as repeats of one another
    (whatever number they were called from), most calls first."""
    group = {r.order_id: re.sub(r"\D", "", r.citizen.phone) or r.order_id for r in records}
    for child, parent in links.items():
        if child in group and parent in group and group[child] != group[parent]:
            old, new = group[child], group[parent]
            group = {k: new if v == old else v for k, v in group.items()}
    calls: dict[str, list[OrderRecord]] = defaultdict(list)
    for record in records:
        calls[group[record.order_id]].append(record)
    repeated = [
        RepeatCaller(
            mask_phone(re.sub(r"\D", "", found[0].citizen.phone)),
            len(found),
            tuple(r.order_id for r in found),
            tuple(dict.fromkeys(r.place for r in found)),
        )
        for found in (sorted(group, key=lambda r: r.received_at) for group in calls.values())
        if len(found) >= 2
    ]
    return tuple(sorted(repeated, key=lambda c: (-c.calls, c.order_ids[0])))
