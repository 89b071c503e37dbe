"""Each order's limits, when they fall due, and their state at a given moment.

A limit runs from a start (the dispatch, a rating, a supervision ...) for a
length on a clock (``hotline_core.policy``); it is *met* by a later event.
Its state at ``now``:

- ``met``: met by the due time;
- ``breached``: the due time passed before it was met (met late, or not yet);
- ``due_soon``: not met, not due, and at most 25% (policy) of its counted
  time remains;
- ``open``: otherwise;
- ``not_applicable``: it does not apply to this order, or an exemption or a
  terminal state lifted it (legal procedure or petition routing lift the
  close limit; a return or a decline lifts whatever was still unmet).

What meets what is a deliberate reading of the measures, written down in
``docs/deadlines.md``: signing, a return request or a decline meet the sign
limit (each acknowledges the order); the ``close`` action meets the close
limit; after a redo the close limit restarts from the redo; an approved
extension moves the close due time to the approved moment; the first reply
to the citizen after petition routing meets the petition acceptance limit,
and closing meets the petition handling limit.

Times travel as Unix epoch seconds inside, so that the states of 100,000
orders take a fraction of a second; :class:`LimitStatus` turns them back
into Beijing datetimes when asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from hotline_core.calendar import SHANGHAI, WorkingCalendar
from hotline_core.clocks import Clock, Deadline, Timeline, timeline
from hotline_core.order import WorkOrder
from hotline_core.policy import DEFAULT_SCHEDULE, Limit, Policy, PolicySchedule
from hotline_core.state import OrderState
from hotline_core.vocabulary import AppealType, Rating

LIMIT_NAMES: tuple[str, ...] = (
    "sign", "return", "contact", "close", "emergency_reply", "unsatisfied_report",
    "supervision", "petition_accept", "petition_handle",
)


class LimitState(StrEnum):
    OPEN = "open"
    DUE_SOON = "due_soon"
    MET = "met"
    BREACHED = "breached"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return {"open": "办理中", "due_soon": "即将到期", "met": "按时", "breached": "超时",
                "not_applicable": "不适用"}[self.value]


def _moment(epoch: float | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, SHANGHAI)


def _epoch(moment: datetime | None) -> float | None:
    return None if moment is None else moment.timestamp()


class LimitStatus(NamedTuple):
    """One limit of one order, as of one moment.

    A named tuple rather than an attrs class: a queue builds hundreds of
    thousands of them per refresh, and a tuple is built several times faster.
    """

    name: str
    state: LimitState
    due_epoch: float | None = None
    met_epoch: float | None = None
    provisional: bool = False
    clock: Clock | None = None

    @property
    def due(self) -> datetime | None:
        return _moment(self.due_epoch)

    @property
    def met_at(self) -> datetime | None:
        return _moment(self.met_epoch)

    @property
    def pending(self) -> bool:
        return self.state in (LimitState.OPEN, LimitState.DUE_SOON) or (
            self.state is LimitState.BREACHED and self.met_epoch is None
        )


class _Run(NamedTuple):
    """A limit that applies: from when, how long, met when (if yet)."""

    name: str
    limit: Limit
    start: datetime
    met_at: datetime | None
    lifted: bool = False  # no longer applies if still unmet (a return, a decline)
    exempt: bool = False  # does not apply at all (legal procedure, petition for close)
    due_override: datetime | None = None


def _runs(state: OrderState, policy: Policy) -> dict[str, _Run]:
    """The limits that apply to an order in ``state``, keyed by name."""
    gone = state.left_without_handling
    dispatch = state.dispatched_at
    runs = {
        "sign": _Run("sign", policy.sign, dispatch, _first(state.signed_at, _since(state.return_asked_at, dispatch)),
                     gone),
        "contact": _Run("contact", policy.contact, dispatch, state.contacted_at, gone),
        "close": _Run(
            "close",
            policy.close_for(state.record.appeal.appeal_type),
            state.redo_at or dispatch,
            state.closed_at,
            lifted=gone,
            exempt=state.legal_at is not None or state.petition_at is not None,
            due_override=state.extended_until,
        ),
    }
    if state.return_asked_at is not None:
        runs["return"] = _Run("return", policy.return_request, state.return_asked_from or dispatch,
                              state.return_asked_at)
    if state.emergency_at is not None:
        runs["emergency_reply"] = _Run("emergency_reply", policy.emergency_reply, state.emergency_at,
                                       state.first_reply_at, gone)
    if state.rating is Rating.UNSATISFIED and state.rated_at is not None:
        runs["unsatisfied_report"] = _Run("unsatisfied_report", policy.unsatisfied_report,
                                          state.rated_at, state.unsatisfied_reported_at)
    if state.supervisions:
        latest = state.supervisions[-1]
        runs["supervision"] = _Run("supervision", policy.supervision_answer, latest.at, latest.answered_at)
    if state.petition_at is not None:
        runs["petition_accept"] = _Run("petition_accept", policy.petition_accept, state.petition_at,
                                       state.petition_answered_at, gone)
        runs["petition_handle"] = _Run("petition_handle", policy.petition_handle, state.petition_at,
                                       state.closed_at, gone)
    return runs


def _since(moment: datetime | None, dispatch: datetime) -> datetime | None:
    """A return request answers the sign limit of the dispatch it was made under only:
    once the center refuses it, the order is dispatched afresh and must be signed."""
    return moment if moment is not None and moment >= dispatch else None


def _first(*moments: datetime | None) -> datetime | None:
    present = [m for m in moments if m is not None]
    return min(present) if present else None


class _Planned(NamedTuple):
    """One limit of one order, everything about it that does not depend on ``now``."""

    name: str
    clock: Clock
    line: Timeline
    due: float
    due_position: float
    total: float
    met: float | None
    lifted: bool
    exempt: bool
    provisional: bool


def _plan_key(order: WorkOrder) -> tuple[object, ...]:
    last = order.events[-1].at if order.events else None
    return (order.id, order.record.received_at, len(order.events), last)


class PlanBook:
    """Each order's limits worked out once, for one calendar and policy schedule.

    A deadline depends on the order's events, the calendar and the policy,
    never on ``now``; keeping the plan means that refreshing a queue every
    few seconds only compares numbers. Orders only grow by events, so an
    order's id, receipt and its last event identify a plan.
    """

    def __init__(self, calendar: WorkingCalendar | None = None,
                 schedule: PolicySchedule = DEFAULT_SCHEDULE) -> None:
        self.calendar = calendar or WorkingCalendar.default()
        self.schedule = schedule
        self._plans: dict[tuple[object, ...], tuple[_Planned, ...]] = {}
        self._lines: dict[tuple[Clock, int], Timeline] = {}

    def plan(self, order: WorkOrder) -> tuple[_Planned, ...]:
        key = _plan_key(order)
        found = self._plans.get(key)
        if found is None:
            policy = self.schedule.policy_for(order.record.received_at)
            found = tuple(self._planned(run, policy) for run in _runs(order.state, policy).values())
            self._plans[key] = found
        return found

    def retain(self, orders: Iterable[WorkOrder]) -> None:
        """Forget the plans of orders no longer shown."""
        keep = {_plan_key(o) for o in orders}
        self._plans = {k: v for k, v in self._plans.items() if k in keep}

    def timeline(self, clock: Clock, policy: Policy) -> Timeline:
        key = (clock, id(policy.office_hours))
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = timeline(clock, self.calendar, policy.office_hours)
        return line

    def _planned(self, run: _Run, policy: Policy) -> _Planned:
        clock = run.limit.clock
        line = self._lines.get((clock, id(policy.office_hours))) or self.timeline(clock, policy)
        start = run.start.timestamp()
        if run.due_override is not None:  # an approved extension: a fixed moment
            due, provisional = run.due_override.timestamp(), False
            due_position = line.position_epoch(due)
            total = due_position - line.position_epoch(start)
        else:
            total = run.limit.length.total_seconds()
            due, due_position, provisional = line.advance_epoch(start, total)
        return _Planned(run.name, clock, line, due, due_position, total, _epoch(run.met_at), run.lifted,
                        run.exempt, provisional)


class LimitEvaluator:
    """Limit states at one ``now``, for as many orders as needed.

    Build one per refresh; pass the same :class:`PlanBook` to the next one so
    that the deadlines are not worked out again.
    """

    def __init__(self, now: datetime, calendar: WorkingCalendar | None = None,
                 schedule: PolicySchedule = DEFAULT_SCHEDULE, book: PlanBook | None = None) -> None:
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        if book is not None and calendar is not None and calendar != book.calendar:
            raise ValueError("the plan book was made for another calendar")
        self.now = now.timestamp()
        self.book = book or PlanBook(calendar, schedule)
        self.calendar = self.book.calendar
        self.schedule = self.book.schedule
        self._now_position: dict[int, float] = {}

    def policy_for(self, order: WorkOrder) -> Policy:
        return self.schedule.policy_for(order.record.received_at)

    def limits(self, order: WorkOrder) -> dict[str, LimitStatus]:
        """Every limit name with its status (``not_applicable`` where it does not apply)."""
        found = dict(_ABSENT)
        fraction = self.policy_for(order).due_soon_fraction
        for planned in self.book.plan(order):
            found[planned.name] = LimitStatus(planned.name, self._state(planned, fraction),
                                              planned.due, planned.met, planned.provisional, planned.clock)
        return found

    def _state(self, planned: _Planned, fraction: float) -> LimitState:
        if planned.exempt:
            return LimitState.NOT_APPLICABLE
        if planned.met is not None:
            return LimitState.MET if planned.met <= planned.due else LimitState.BREACHED
        if planned.lifted:
            return LimitState.NOT_APPLICABLE
        if self.now > planned.due:
            return LimitState.BREACHED
        # Measured on the limit's own clock: a quarter of 24 working hours is 6 working hours.
        remaining = planned.due_position - self._position_of_now(planned.line)
        return LimitState.DUE_SOON if remaining <= fraction * planned.total else LimitState.OPEN

    def _position_of_now(self, line: Timeline) -> float:
        key = id(line)  # timelines are shared and kept alive by ``timeline()``
        if key not in self._now_position:
            self._now_position[key] = line.position_epoch(self.now)
        return self._now_position[key]


_ABSENT = {name: LimitStatus(name, LimitState.NOT_APPLICABLE) for name in LIMIT_NAMES}


def limits_at(order: WorkOrder, now: datetime, calendar: WorkingCalendar | None = None,
              schedule: PolicySchedule = DEFAULT_SCHEDULE) -> dict[str, LimitStatus]:
    """The limits of one order at ``now``; for many orders build a :class:`LimitEvaluator`."""
    return LimitEvaluator(now, calendar, schedule).limits(order)


def next_due(limits: dict[str, LimitStatus]) -> LimitStatus | None:
    """The pending limit that falls due first: what a work queue sorts by."""
    pending = [s for s in limits.values() if s.pending and s.due_epoch is not None]
    return min(pending, key=lambda s: s.due_epoch or 0.0, default=None)


def dispatch_deadlines(received_at: datetime, appeal_type: AppealType, emergency: bool = False,
                       calendar: WorkingCalendar | None = None,
                       schedule: PolicySchedule = DEFAULT_SCHEDULE) -> dict[str, Deadline]:
    """The deadlines an order received at ``received_at`` starts with (``hotline deadlines``)."""
    policy = schedule.policy_for(received_at)
    calendar = calendar or WorkingCalendar.default()
    rules = {"sign": policy.sign, "return": policy.return_request, "contact": policy.contact,
             "close": policy.close_for(appeal_type)}
    if emergency:
        rules["emergency_reply"] = policy.emergency_reply
    return {
        name: timeline(rule.clock, calendar, policy.office_hours).add(received_at, rule.length)
        for name, rule in rules.items()
    }
