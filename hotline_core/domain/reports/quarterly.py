"""The quarterly summary table (汇总表): one row per place and a total (SPEC 7).

Rows are the prefecture level (州本级) and the eight counties, by the place
in the order's latest record; the total row is their sum. It works for any
period (a quarter is what the counties file; a month or a year reads the
same way). Orders count in the period that holds their receipt's Beijing
date, and are evaluated as of the period's end, or of ``now`` if the period
is not over (see ``hotline_core.domain.reports.facts``).

Columns, each a number of orders of the row's place received in the period
unless said otherwise:

- ``received`` 受理量; ``by_type`` per appeal type; ``by_area`` per business
  area, ``None`` for orders whose area is not recorded yet;
- ``sign`` / ``contact`` / ``close``: the limit met in time (按时), breached
  (超时: met late, or not met when it fell due) or still running (未到期),
  and the on-time rate = on time / (on time + late). A late signature is
  late whatever became of the order afterwards; a limit lifted or not
  applying (a return, a decline, a petition's close) is in none of the
  three. Signing, a return request or a decline meet the sign limit;
- ``overdue`` 超时工单: orders with any limit breached (sign, return,
  contact, close, emergency reply, unsatisfied report, supervision,
  petition);
- ``returned`` 退件 (return approved), ``declined`` 不予受理, ``extended``
  延期 (an extension approved by both leader and center), ``emergency`` 突发,
  ``petition`` 信访, ``redone`` 重办 (sent back for redo at least once);
- ``earlier_breached`` 前轮超时: orders with a limit breached in a round before
  a redo or a refused timely return (those breaches count in ``overdue`` too);
  ``unsatisfied_late`` 不满意报告超时: an unsatisfied rating reported late, in
  any round; ``back_entered`` 补录步骤工单: orders with a step entered after the
  fact with the time it happened (``at=``);
- ratings: the last rating each order got, in whichever round (a redo does
  not erase it), and satisfaction rate = (satisfied + basically satisfied) /
  rated;
- ``open_at_end`` 期末未办结: orders of the place received *at any time* up
  to the end and not closed, returned, declined or archived by then: the
  backlog the next period inherits.

Given the services the rights department recorded (``domain/duties``), the summary also
carries their counts by kind, county and month (``services``); the order figures above do
not depend on them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from datetime import datetime

from attrs import frozen

from hotline_core.domain.calendar import WorkingCalendar
from hotline_core.domain.duties.service import ServiceRecord
from hotline_core.domain.limits import LimitEvaluator
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.policy import DEFAULT_SCHEDULE, PolicySchedule
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.reports.counting import Figures, fact_keys, figures_of
from hotline_core.domain.reports.duties import ServiceCounts, service_counts
from hotline_core.domain.reports.facts import facts_at, is_open_at
from hotline_core.domain.reports.period import Period, as_period
from hotline_core.domain.vocabulary import Place


@frozen
class SummaryRow:
    """One line of the table: a place (``None`` for the total) and its figures."""

    place: Place | None
    figures: Figures
    open_at_end: int

    @property
    def label(self) -> str:
        return "合计" if self.place is None else self.place.label


@frozen
class QuarterlySummary:
    """The table for ``period`` as of ``as_of`` (its end, or the ``now`` it was run at)."""

    period: Period
    as_of: datetime
    rows: tuple[SummaryRow, ...]
    total: SummaryRow
    county: Place | None = None
    services: ServiceCounts | None = None


def report_moment(period: Period, now: datetime) -> datetime:
    """The moment a report on ``period`` describes: its end, or ``now`` if that comes first."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return min(period.end, now)


def received_in(received: datetime, start: datetime, end: datetime, moment: datetime) -> bool:
    """Received in the period ``[start, end)`` and already by ``moment``.

    The bounds are passed in, not read from the period, because this runs
    once per order and a period builds its bounds on every call.
    """
    return start <= received < end and received <= moment


def quarterly_summary(
    orders: Iterable[WorkOrder],
    period: Period | Quarter | str,
    now: datetime,
    calendar: WorkingCalendar | None = None,
    schedule: PolicySchedule = DEFAULT_SCHEDULE,
    county: Place | None = None,
    services: Iterable[ServiceRecord] | None = None,
) -> QuarterlySummary:
    """The summary table of ``period``; with ``county``, that place's row only (its own filing);
    with ``services``, their counts too."""
    period = as_period(period)
    moment = report_moment(period, now)
    places = (county,) if county is not None else tuple(Place)
    counters: dict[Place, Counter[Hashable]] = {place: Counter() for place in places}
    start, end = period.start, period.end
    received: list[WorkOrder] = []
    for order in orders:
        if order.state.record.place not in counters:
            continue
        if received_in(order.record.received_at, start, end, moment):
            received.append(order)
        elif is_open_at(order, moment):
            counters[order.state.record.place]["open_at_end"] += 1
    for _, facts in facts_at(received, LimitEvaluator(moment, calendar, schedule), moment):
        counter = counters[facts.place]
        counter.update(fact_keys(facts))
        counter["open_at_end"] += int(not facts.finished)
    rows = tuple(_row(place, counters[place]) for place in places)
    total = _row(None, sum(counters.values(), Counter()))
    counts = None
    if services is not None:
        counts = service_counts(services, period, moment, county)
    return QuarterlySummary(period, moment, rows, total, county, counts)


def _row(place: Place | None, counter: Counter[Hashable]) -> SummaryRow:
    return SummaryRow(place, figures_of(counter), counter["open_at_end"])
