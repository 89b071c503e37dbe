"""Each order's limits, when they fall due, and their state at a given moment.

A limit runs from a start (the dispatch, a rating, a supervision ...) for a
length on a clock (``hotline_core.domain.policy``); it is *met* by a later event.
Its state at ``now``:

- ``met``: met by the due time;
- ``breached``: the due time passed before it was met (met late, or not yet);
- ``due_soon``: not met, not due, and at most 25% (policy) of its counted
  time remains;
- ``open``: otherwise;
- ``not_applicable``: it does not apply to this order, or an exemption or a
  terminal state lifted it (legal procedure or petition routing, recorded
  before the close due time, lift the close limit; a return or a decline
  lifts whatever was still unmet).

What meets what is a deliberate reading of the measures, written down in
``docs/deadlines.md``: signing, a return request or a decline meet the sign
limit (each acknowledges the order); the ``close`` action meets the close
limit; after a redo the close limit restarts from the redo; an approved
extension asked for by the close due time moves it to the approved moment
(one asked for later leaves the breach standing); the first reply
to the citizen after petition routing meets the petition acceptance limit,
and closing meets the petition handling limit.

The work is done a column at a time (NumPy arrays, one item per order): the
moments each order's limits are measured from are read once, the rules above
pick starts and meeting moments with array expressions, and the clocks
(:meth:`~hotline_core.domain.clocks.Timeline.advance_many`) turn them into due
times: the states of 100,000 orders take about half a second. Times
are Unix epoch seconds inside; :class:`LimitStatus` turns them back into
Beijing datetimes when asked. One order is a table of one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import datetime
from enum import StrEnum
from itertools import chain
from operator import attrgetter
from types import SimpleNamespace
from typing import Any, NamedTuple, Protocol

import numpy as np

from hotline_core.domain.calendar import SHANGHAI, WorkingCalendar
from hotline_core.domain.clocks import Clock, Deadline, OfficeHours, Timeline, timeline
from hotline_core.domain.model import OrderRecord
from hotline_core.domain.policy import DEFAULT_SCHEDULE, Limit, Policy, PolicySchedule
from hotline_core.domain.state import OrderState
from hotline_core.domain.vocabulary import AppealType, Place


class Stated(Protocol):
    """What the limits read of an order: its record and its state (a work order, or an
    order as it stood when a round ended)."""

    @property
    def record(self) -> OrderRecord: ...

    @property
    def state(self) -> OrderState: ...


class LimitState(StrEnum):
    OPEN = "open"
    DUE_SOON = "due_soon"
    MET = "met"
    BREACHED = "breached"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        from hotline_core.domain.messages import LIMIT_STATE_NAMES, word  # the words' one table

        return word(LIMIT_STATE_NAMES, self.value)


def _moment(epoch: float | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, SHANGHAI)


class LimitStatus(NamedTuple):
    """One limit of one order, as of one moment.

    A named tuple rather than an attrs class: a report builds hundreds of
    thousands of them, and a tuple is built several times faster.
    """

    name: str
    state: LimitState
    due_epoch: float | None = None
    met_epoch: float | None = None
    provisional: bool = False
    clock: Clock | None = None
    start_epoch: float | None = None  # a redo or a refused return starts a limit anew

    @property
    def due(self) -> datetime | None:
        return _moment(self.due_epoch)

    @property
    def start(self) -> datetime | None:
        return _moment(self.start_epoch)

    @property
    def met_at(self) -> datetime | None:
        return _moment(self.met_epoch)

    @property
    def pending(self) -> bool:
        return self.state in (LimitState.OPEN, LimitState.DUE_SOON) or (
            self.state is LimitState.BREACHED and self.met_epoch is None
        )


_NAN = float("nan")

# The fields of an order's state that limits are measured from or met by.
_MOMENT_FIELDS: tuple[str, ...] = (
    "dispatched_at",
    "signed_at",
    "return_asked_at",
    "return_refused_at",
    "return_again_at",
    "contacted_at",
    "redo_at",
    "feedback_at",
    "closed_at",
    "legal_at",
    "petition_at",
    "petition_answered_at",
    "emergency_at",
    "first_reply_at",
    "unsatisfied_at",
    "unsatisfied_reported_at",
    "returned_at",
    "declined_at",
    "extension_approved_at",
    "extension_told_at",
)
_read_fields = attrgetter(*_MOMENT_FIELDS)


def _read_moments(states: Sequence[OrderState]) -> SimpleNamespace:
    """The moments of many orders: one epoch-seconds column per state field (NaN: not yet, or
    never), ``unsatisfied`` (when an unsatisfied rating was given), ``supervised`` and
    ``supervision_answered`` (the latest supervision), and ``gone`` (returned or declined).

    Written for speed, as it touches every field of every order: the fields are read
    in C (``attrgetter``, ``fromiter``) and only the moments present become numbers.
    """
    count, width = len(states), len(_MOMENT_FIELDS)
    moments = np.fromiter(chain.from_iterable(map(_read_fields, states)), dtype=object, count=count * width)
    present = np.flatnonzero(moments != None)  # noqa: E711 (elementwise, not identity)
    epochs = np.full(count * width, _NAN)
    epochs[present] = np.fromiter(
        map(datetime.timestamp, moments[present]), dtype=np.float64, count=present.size
    )
    m = SimpleNamespace(**dict(zip(_MOMENT_FIELDS, epochs.reshape(count, width).T, strict=True)))
    m.extensions = {
        row: tuple((e.requested_at.timestamp(), e.until.timestamp()) for e in state.extensions)
        for row, state in enumerate(states)
        if state.extensions
    }
    m.supervised, m.supervision_answered = np.full(count, _NAN), np.full(count, _NAN)
    for row, state in enumerate(states):
        if state.supervisions:
            latest = state.supervisions[-1]
            m.supervised[row] = latest.at.timestamp()
            m.supervision_answered[row] = (
                _NAN if latest.answered_at is None else latest.answered_at.timestamp()
            )
    m.chased, m.chase_answered = np.full(count, _NAN), np.full(count, _NAN)
    for row, state in enumerate(states):
        chased = [(r.chased_at, r.answered_at) for r in state.referrals if r.chased_at is not None]
        if chased:  # the latest chase: its department's answer is due within the answer limit
            chase, answered = max(chased, key=lambda pair: pair[0] or datetime.min)
            m.chased[row] = chase.timestamp() if chase is not None else _NAN
            m.chase_answered[row] = _NAN if answered is None else answered.timestamp()
    m.returned = _present(m.returned_at)
    m.gone = m.returned | _present(m.declined_at)
    m.round_start = m.dispatched_at  # until a refused return in time restarts it (LimitPlan)
    m.restart = m.paused_from = np.full(count, _NAN)
    return m


class _Run(NamedTuple):
    """One limit over many orders: where it applies, from when, met when (NaN if not yet)."""

    applies: np.ndarray
    start: np.ndarray
    met: np.ndarray
    lifted: np.ndarray | bool = False  # no longer applies if still unmet (a return, a decline)
    exempt_at: np.ndarray | None = None  # when it stopped applying at all (legal procedure, petition)
    # Approved extensions by row, ``(asked, until)`` epochs in turn: each moves the due time
    # if asked for by the due time then standing, to a later moment.
    extensions: dict[int, tuple[tuple[float, float], ...]] | None = None


def _present(column: np.ndarray) -> np.ndarray:
    return ~np.isnan(column)


def _everyone(m: SimpleNamespace) -> np.ndarray:
    return np.ones(m.dispatched_at.shape, dtype=bool)


def _either(first: np.ndarray, otherwise: np.ndarray) -> np.ndarray:
    return np.where(_present(first), first, otherwise)


def _sign_run(m: SimpleNamespace) -> _Run:
    # Signing, a return request or a decline acknowledge the order. A return request answers
    # the sign limit of the round it was made in only: after a refused request made in time
    # the order is dispatched afresh and must be signed.
    asked = np.where(_present(m.restart), m.return_again_at, m.return_asked_at)
    met = np.fmin(np.fmin(m.signed_at, asked), m.declined_at)
    return _Run(_everyone(m), m.round_start, met, m.gone)


def _return_run(m: SimpleNamespace) -> _Run:
    """Only a return request is timed by it (a decline is not: SPEC 5); after a restart, the
    request made since."""
    restarted = _present(m.restart)
    asked = np.where(restarted, m.return_again_at, m.return_asked_at)
    return _Run(_present(asked), m.round_start, asked)


def _close_run(m: SimpleNamespace) -> _Run:
    # The feedback to the center meets it (source 三(二)1); a decline is due "in time", within
    # the close limit of its type (SPEC 5). A return lifts it.
    return _Run(
        _everyone(m),
        _either(m.redo_at, m.round_start),
        np.fmin(m.feedback_at, m.declined_at),
        m.returned,
        exempt_at=np.fmin(m.legal_at, m.petition_at),
        extensions=m.extensions,
    )


class LimitSpec(NamedTuple):
    """Everything about one limit: its name, the policy rule it follows, and the run
    (where it applies, from when, met by what) read from the orders' moments.

    ``at_dispatch``: one of the deadlines an order starts with (``hotline deadlines``);
    ``emergency_only`` narrows that to emergencies. ``restarts``: the kinds of round end
    (``redo``, ``return``) after which it runs anew, so the round before keeps its outcome.
    """

    name: str
    rule: Callable[[Policy, AppealType], Limit]
    run: Callable[[SimpleNamespace], _Run]
    at_dispatch: bool = False
    emergency_only: bool = False
    restarts: frozenset[str] = frozenset()


_ON_RETURN, _ON_BOTH = frozenset({"return"}), frozenset({"redo", "return"})


# The one table of limits: names, rules, runs and the deadlines of a dispatch all come from it.
LIMIT_SPECS: tuple[LimitSpec, ...] = (
    LimitSpec("sign", lambda p, _: p.sign, _sign_run, at_dispatch=True, restarts=_ON_RETURN),
    LimitSpec("return", lambda p, _: p.return_request, _return_run, at_dispatch=True, restarts=_ON_RETURN),
    LimitSpec(
        "contact",
        lambda p, _: p.contact,
        lambda m: _Run(_everyone(m), m.round_start, m.contacted_at, m.gone),
        at_dispatch=True,
        restarts=_ON_RETURN,
    ),
    LimitSpec("close", lambda p, kind: p.close_for(kind), _close_run, at_dispatch=True, restarts=_ON_BOTH),
    LimitSpec(
        "emergency_reply",
        lambda p, _: p.emergency_reply,
        lambda m: _Run(_present(m.emergency_at), m.emergency_at, m.first_reply_at, m.gone),
        at_dispatch=True,
        emergency_only=True,
    ),
    LimitSpec(
        "unsatisfied_report",
        lambda p, _: p.unsatisfied_report,
        lambda m: _Run(_present(m.unsatisfied_at), m.unsatisfied_at, m.unsatisfied_reported_at),
        restarts=frozenset({"redo"}),
    ),
    LimitSpec(
        "extension_notice",
        lambda p, _: p.extension_notice,
        lambda m: _Run(
            _present(m.extension_approved_at), m.extension_approved_at, m.extension_told_at, m.gone
        ),
        restarts=_ON_BOTH,
    ),
    LimitSpec(
        "supervision",
        lambda p, _: p.supervision_answer,
        lambda m: _Run(_present(m.supervised), m.supervised, m.supervision_answered),
    ),
    # Issue 18: a government department chased (督办) answers within the supervision answer limit.
    LimitSpec(
        "referral_answer",
        lambda p, _: p.supervision_answer,
        lambda m: _Run(_present(m.chased), m.chased, m.chase_answered),
    ),
    LimitSpec(
        "petition_accept",
        lambda p, _: p.petition_accept,
        lambda m: _Run(_present(m.petition_at), m.petition_at, m.petition_answered_at, m.gone),
    ),
    LimitSpec(
        "petition_handle",
        lambda p, _: p.petition_handle,
        lambda m: _Run(_present(m.petition_at), m.petition_at, m.closed_at, m.gone),
    ),
)
LIMIT_NAMES: tuple[str, ...] = tuple(spec.name for spec in LIMIT_SPECS)

_APPEAL_TYPES: tuple[AppealType, ...] = tuple(AppealType)
_APPEAL_TYPE_NUMBER = {appeal_type: number for number, appeal_type in enumerate(_APPEAL_TYPES)}
_appeal_type = attrgetter("record.appeal.appeal_type")
_order_id = attrgetter("record.order_id")
_STATES: tuple[LimitState, ...] = tuple(LimitState)
_CODE = {state: code for code, state in enumerate(_STATES)}
_CLOCKS: tuple[Clock, ...] = tuple(Clock)


class LimitPlan:
    """Every limit of many orders, all that does not depend on ``now``.

    A deadline depends on the order's events, the calendar and the policy,
    never on ``now``: a screen keeps the plan of the orders it shows and
    takes their states :meth:`at` each refresh, which only compares numbers.
    Arrays are ``(limits, orders)``, the limits in :data:`LIMIT_NAMES` order.
    """

    def __init__(
        self,
        orders: Sequence[Stated],
        calendar: WorkingCalendar | None = None,
        schedule: PolicySchedule = DEFAULT_SCHEDULE,
    ) -> None:
        self.calendar = calendar or WorkingCalendar.default()
        self.schedule = schedule
        self.order_ids: tuple[str, ...] = tuple(map(_order_id, orders))
        size = (len(LIMIT_NAMES), len(orders))
        self.applies = np.zeros(size, dtype=bool)
        self.lifted = np.zeros(size, dtype=bool)
        self.exempt_at = np.full(size, np.nan)
        self.provisional = np.zeros(size, dtype=bool)
        self.met = np.full(size, np.nan)
        self.start = np.full(size, np.nan)
        self.due = np.full(size, np.nan)
        self.due_position = np.full(size, np.nan)
        self.total = np.full(size, np.nan)
        self.clock = np.zeros(size, dtype=np.int8)  # index into ``_CLOCKS``
        self.line = np.zeros(size, dtype=np.int16)  # index into ``self.lines``
        self.lines: list[Timeline] = []
        self.fraction = np.zeros(len(orders))
        # A first return request made in time and not yet answered pauses every limit: its
        # states stay as they were when it was made (SPEC 4.2). NaN: not paused.
        self.paused_from = np.full(len(orders), np.nan)
        self.restarted = np.zeros(len(orders), dtype=bool)  # a refused request in time restarted it
        self._plan(orders)

    def at(self, now: datetime) -> LimitTable:
        """The states of every limit at ``now``."""
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        epoch = now.timestamp()
        now_position = np.array([line.position_epoch(epoch) for line in self.lines] or [0.0])
        position = now_position[self.line]
        moment = np.full(self.paused_from.shape, epoch)
        paused = np.flatnonzero(self.paused_from < epoch)
        for row in paused.tolist():
            moment[row] = self.paused_from[row]
            for column, line in enumerate(self.line[:, row].tolist()):
                position[column, row] = self.lines[line].position_epoch(moment[row])
        remaining = self.due_position - position
        has_met = ~np.isnan(self.met)
        rules = (  # the first that holds decides, as in the module docstring
            # An exemption recorded after the due time does not undo a breach.
            (~self.applies | (self.exempt_at <= self.due), LimitState.NOT_APPLICABLE),
            (has_met & (self.met <= self.due), LimitState.MET),
            (has_met, LimitState.BREACHED),
            (self.lifted, LimitState.NOT_APPLICABLE),
            (moment > self.due, LimitState.BREACHED),
            # Measured on the limit's own clock: a quarter of 24 working hours is 6 working hours.
            (remaining <= self.fraction * self.total, LimitState.DUE_SOON),
        )
        code = np.select(
            [test for test, _ in rules], [_CODE[state] for _, state in rules], default=_CODE[LimitState.OPEN]
        ).astype(np.int8)
        return LimitTable(self, code)

    def due_soon_from(self, column: int, row: int) -> float:
        """The epoch from which one limit counts as due soon: where the policy's share of its
        counted time remains, on its own clock (the numbers :meth:`at` compares)."""
        line = self.lines[self.line[column, row]]
        return line.instant_epoch(
            float(self.due_position[column, row] - self.fraction[row] * self.total[column, row])
        )

    def _plan(self, orders: Sequence[Stated]) -> None:
        if not orders:
            return
        states = [order.state for order in orders]
        groups, group = self._groups(orders, states)
        self.fraction = np.array([policy.due_soon_fraction for policy, _ in groups])[group]
        moments = _read_moments(states)
        self._settle_returns(moments, groups, group)
        for column, spec in enumerate(LIMIT_SPECS):
            run, rule = spec.run(moments), spec.rule
            # Orders whose groups share a rule and office hours are worked out together.
            by_rule: dict[tuple[Limit, OfficeHours], list[int]] = {}
            for number, (policy, appeal_type) in enumerate(groups):
                by_rule.setdefault((rule(policy, appeal_type), policy.office_hours), []).append(number)
            for (limit, office_hours), numbers in by_rule.items():
                rows = run.applies & np.isin(group, numbers) if len(by_rule) > 1 else run.applies
                self._plan_rows(column, rows, run, limit, office_hours)

    def _settle_returns(
        self, m: SimpleNamespace, groups: list[tuple[Policy, AppealType]], group: np.ndarray
    ) -> None:
        """Whether each order's first return request was made in time, and what follows:
        refused, the clocks restart at the refusal (once); awaiting the center, they pause."""
        asked = _present(m.return_asked_at)
        if not asked.any():
            return
        due = np.full(asked.shape, _NAN)
        by_rule: dict[tuple[Limit, OfficeHours], list[int]] = {}
        for number, (policy, _) in enumerate(groups):
            by_rule.setdefault((policy.return_request, policy.office_hours), []).append(number)
        for (limit, office_hours), numbers in by_rule.items():
            rows = asked & np.isin(group, numbers)
            if rows.any():
                line = timeline(limit.clock, self.calendar, office_hours)
                due[rows] = line.advance_many(m.dispatched_at[rows], limit.length.total_seconds())[0]
        timely = m.return_asked_at <= due
        refused = _present(m.return_refused_at)
        m.restart = np.where(timely & refused, m.return_refused_at, _NAN)
        m.paused_from = np.where(timely & ~refused & ~m.gone, m.return_asked_at, _NAN)
        m.round_start = _either(m.restart, m.dispatched_at)
        self.paused_from, self.restarted = m.paused_from, _present(m.restart)

    def _groups(
        self, orders: Sequence[Stated], states: Sequence[OrderState]
    ) -> tuple[list[tuple[Policy, AppealType]], np.ndarray]:
        """Each order's policy (the one in force at its receipt) and appeal type, as a group number."""
        count, kinds = len(orders), len(_APPEAL_TYPES)
        kind = np.fromiter(
            map(_APPEAL_TYPE_NUMBER.__getitem__, map(_appeal_type, states)), dtype=np.int64, count=count
        )
        version = np.zeros(count, dtype=np.int64)
        if self.schedule.changes or self.schedule.versions:  # by the level that took the order in
            starts: dict[Place, tuple[list[datetime], list[int]]] = {}
            for row, (order, state) in enumerate(zip(orders, states, strict=True)):
                home = state.home
                if home not in starts:
                    starts[home] = self.schedule.starts(home)
                moments, indexes = starts[home]
                found = bisect_right(moments, order.record.received_at)
                version[row] = indexes[found - 1] if found else 0
        groups = [(policy, appeal_type) for policy in self.schedule.policies for appeal_type in _APPEAL_TYPES]
        return groups, version * kinds + kind

    def _plan_rows(
        self, column: int, rows: np.ndarray, run: _Run, limit: Limit, office_hours: OfficeHours
    ) -> None:
        if not rows.any():
            return
        # The common case (sign, contact, close apply to every order): views, not copies.
        where: np.ndarray | slice = slice(None) if rows.all() else rows
        line = timeline(limit.clock, self.calendar, office_hours)
        if line not in self.lines:
            self.lines.append(line)
        start, seconds = run.start[where], limit.length.total_seconds()
        due, due_position, provisional = line.advance_many(start, seconds)
        total = np.full(due.shape, seconds)  # counted time from start to due, for "due soon"
        if run.extensions:
            self._extend(run.extensions, rows, start, due, due_position, provisional, total, line)
        self.applies[column, where] = True
        self.start[column, where] = start
        self.due[column, where] = due
        self.due_position[column, where] = due_position
        self.total[column, where] = total
        self.provisional[column, where] = provisional
        self.met[column, where] = run.met[where]
        self.lifted[column, where] = np.broadcast_to(run.lifted, run.start.shape)[where]
        if run.exempt_at is not None:
            self.exempt_at[column, where] = run.exempt_at[where]
        self.clock[column, where] = _CLOCKS.index(limit.clock)
        self.line[column, where] = self.lines.index(line)

    @staticmethod
    def _extend(
        extensions: dict[int, tuple[tuple[float, float], ...]],
        rows: np.ndarray,
        start: np.ndarray,
        due: np.ndarray,
        due_position: np.ndarray,
        provisional: np.ndarray,
        total: np.ndarray,
        line: Timeline,
    ) -> None:
        """Approved extensions in turn: each asked for by the due time then standing (the
        original or an earlier extension's), for a later moment, moves it there."""
        index = np.cumsum(rows) - 1  # a row of the table → its place in the rows worked on
        for row, approved in extensions.items():
            if not rows[row]:
                continue
            at, moved = index[row], False
            for asked, until in approved:
                if asked <= due[at] < until:
                    due[at], provisional[at], moved = until, False, True
            if moved:
                due_position[at] = line.positions(np.array([due[at]]))[0]
                total[at] = due_position[at] - line.positions(np.array([start[at]]))[0]


class LimitTable:
    """Every limit of many orders at one moment: the plan's arrays and a state code for each."""

    def __init__(self, plan: LimitPlan, code: np.ndarray) -> None:
        self.plan = plan
        self.code = code
        self.order_ids = plan.order_ids
        self._rows: dict[str, int] | None = None

    def row(self, order_id: str) -> int:
        if self._rows is None:
            self._rows = {order_id: row for row, order_id in enumerate(self.order_ids)}
        return self._rows[order_id]

    def limits(self, row: int) -> dict[str, LimitStatus]:
        """Every limit name of the order in ``row`` with its status."""
        return self._statuses(self._columns(np.s_[:, row]))

    def states(self, name: str) -> list[LimitState]:
        """One limit's state for every order, in order."""
        return [_STATES[code] for code in self.code[LIMIT_NAMES.index(name)].tolist()]

    def breached(self, names: Sequence[str]) -> list[bool]:
        """Per order: one of ``names`` is breached (met late, or overdue and unmet)."""
        columns = [LIMIT_NAMES.index(name) for name in names]
        return (self.code[columns] == _CODE[LimitState.BREACHED]).any(axis=0).tolist()

    def _columns(self, where: tuple[slice | int, ...]) -> list[list[Any]]:
        """The cells :meth:`_statuses` reads, as Python lists (one ``tolist`` each, not a
        NumPy scalar per cell, which is several times slower)."""
        plan = self.plan
        arrays = (plan.applies, self.code, plan.due, plan.met, plan.provisional, plan.clock, plan.start)
        return [array[where].tolist() for array in arrays]

    @staticmethod
    def _statuses(cells: list[list[Any]]) -> dict[str, LimitStatus]:
        found = dict(_ABSENT)
        for column, (applies, code, due, met, provisional, clock, start) in enumerate(
            zip(*cells, strict=True)
        ):
            if applies:
                name = LIMIT_NAMES[column]
                found[name] = LimitStatus(
                    name,
                    _STATES[code],
                    due,
                    None if met != met else met,  # NaN: not met
                    provisional,
                    _CLOCKS[clock],
                    start,
                )
        return found

    def pending(self) -> np.ndarray:
        """``(limits, orders)``: not met and still to be done (open, due soon, or overdue)."""
        code, met = self.code, ~np.isnan(self.plan.met)
        breached = code == _CODE[LimitState.BREACHED]
        return (code == _CODE[LimitState.OPEN]) | (code == _CODE[LimitState.DUE_SOON]) | (breached & ~met)

    def overdue(self) -> np.ndarray:
        """Per order: a limit has passed its due time and is still not met."""
        return ((self.code == _CODE[LimitState.BREACHED]) & np.isnan(self.plan.met)).any(axis=0)

    def next_due(self) -> np.ndarray:
        """Per order, the due epoch of its nearest pending limit (``inf`` when none is pending)."""
        return np.where(self.pending(), self.plan.due, np.inf).min(axis=0, initial=np.inf)

    def flagged(self) -> list[tuple[int, LimitStatus]]:
        """``(row, status)`` of every limit due soon or overdue and unmet: what escalation reads."""
        code = self.code
        unmet = np.isnan(self.plan.met)
        hits = (code == _CODE[LimitState.DUE_SOON]) | ((code == _CODE[LimitState.BREACHED]) & unmet)
        columns, rows = np.nonzero(hits)
        return [
            (row, self.limits(row)[LIMIT_NAMES[column]])
            for row, column in zip(rows.tolist(), columns.tolist(), strict=True)
        ]


class LimitEvaluator:
    """Limit states at one ``now``: :meth:`table` for many orders, :meth:`limits` for one."""

    def __init__(
        self,
        now: datetime,
        calendar: WorkingCalendar | None = None,
        schedule: PolicySchedule = DEFAULT_SCHEDULE,
    ) -> None:
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        self.now = now
        self.calendar = calendar or WorkingCalendar.default()
        self.schedule = schedule

    def plan(self, orders: Sequence[Stated]) -> LimitPlan:
        return LimitPlan(orders, self.calendar, self.schedule)

    def table(self, orders: Sequence[Stated]) -> LimitTable:
        return self.plan(orders).at(self.now)

    def limits(self, order: Stated) -> dict[str, LimitStatus]:
        """Every limit name with its status (``not_applicable`` where it does not apply)."""
        return self.table([order]).limits(0)


_ABSENT = {name: LimitStatus(name, LimitState.NOT_APPLICABLE) for name in LIMIT_NAMES}


def next_due(limits: dict[str, LimitStatus]) -> LimitStatus | None:
    """The pending limit that falls due first: what a work queue sorts by."""
    pending = [s for s in limits.values() if s.pending and s.due_epoch is not None]
    return min(pending, key=lambda s: s.due_epoch or 0.0, default=None)


def dispatch_deadlines(
    received_at: datetime,
    appeal_type: AppealType,
    emergency: bool = False,
    calendar: WorkingCalendar | None = None,
    schedule: PolicySchedule = DEFAULT_SCHEDULE,
    unit: Place = Place.PREFECTURE,
) -> dict[str, Deadline]:
    """The deadlines an order received at ``received_at`` by ``unit`` starts with, under the
    policy in force for that unit then (``hotline deadlines [--county C]``)."""
    policy = schedule.policy_for(received_at, unit)
    calendar = calendar or WorkingCalendar.default()
    rules = {
        spec.name: spec.rule(policy, appeal_type)
        for spec in LIMIT_SPECS
        if spec.at_dispatch and (emergency or not spec.emergency_only)
    }
    return {
        name: timeline(rule.clock, calendar, policy.office_hours).add(received_at, rule.length)
        for name, rule in rules.items()
    }
