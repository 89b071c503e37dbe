"""Replay a scenario (SPEC section 11): orders, events and a moment, in; the outcome, out.

This is what testers drive the rules with: no database, no clock, the same
rules the application uses. Events are replayed in time order (stable for
equal times); one the rules forbid is reported with its reason and the
replay goes on. A scenario whose shape is wrong (not an object, ``orders``
or ``events`` not lists of objects, an unreadable ``until`` or ``policy``)
is refused whole with :class:`InvalidInput` naming the key, so the command
line says why in one line.

Three deliberate readings of the contract:

- **Texts SPEC 11 does not list.** SPEC 11 gives each action's parameters
  (``decline``'s ``reason``, ``to``, ``until``, ``by``, ``level``), but the
  rules ask a clerk for more words: a return request's reason and basis, a
  decline's explanation to the center and guidance to the citizen, the text
  of a result, a feedback and an unsatisfied report, an extension's reason
  (:data:`UNLISTED_TEXTS`). A scenario written to the letter of SPEC 11
  cannot give them, and one rejection would stall the rest of the order
  (no feedback, no rating, no close). So the replay fills each one the event
  leaves out with :data:`REPLAY_TEXT`, a text that says plainly nobody wrote
  it. What an event gives is used as given; the parameters SPEC 11 lists are
  never filled in, and without them the event is rejected as the rules say.
  The record fields a close needs (SPEC 2.4) are data, not words of an
  action: a scenario gives them in its order form, as intake does. Nor is
  anything filled in for ``reply``, which SPEC 11 does not list: its text
  becomes the record's reply, which a close requires to be real.
- **Who approves.** ``approve_extension`` (and ``refuse_extension``) with
  ``by: leader`` is done by the leader, with ``by: center`` by the handler,
  who records the center's decisions (``hotline_core.domain.permissions``), unless
  the event names its ``actor``; a named actor the rules do not allow is
  rejected like any other.
- **Escalation as a cron job that never sleeps.** Alerts are raised at
  every receipt and event, at ``until``, and at the moments in between
  when a pending limit turns due soon, falls due and is first overdue (one
  second past its due time: a limit is breached once its due time has
  passed), so each alert's ``raised_at`` is when it would have reached the
  inbox. A cron job sees only the orders received by then.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import numpy as np

from hotline_core.domain.calendar import SHANGHAI, WorkingCalendar
from hotline_core.domain.escalation import Alert, escalate
from hotline_core.domain.events import Command
from hotline_core.domain.intake import BadValue, parse_order, read_moment
from hotline_core.domain.lifecycle import RULES, perform, receive
from hotline_core.domain.limits import LimitEvaluator, LimitPlan, LimitStatus
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person, UnitKind
from hotline_core.domain.policy import POLICIES, PolicySchedule
from hotline_core.domain.problems import HotlineError, InvalidInput, Problem
from hotline_core.domain.rounds import Round, earlier_rounds
from hotline_core.domain.vocabulary import Action, Place, Role

# The one text the replay writes where a clerk would have written words (see above).
REPLAY_TEXT = "（情景回放，未提供）"
# The texts the rules require that SPEC 11 does not list among the action's parameters.
UNLISTED_TEXTS: dict[Action, tuple[str, ...]] = {
    Action.REQUEST_RETURN: ("reason", "basis"),
    Action.DECLINE: ("explanation", "guidance"),
    Action.SUBMIT_RESULT: ("text",),
    Action.REQUEST_EXTENSION: ("reason",),
    Action.FEEDBACK: ("text",),
    Action.REPORT_UNSATISFIED: ("text",),
}
# The actions whose ``by`` names who acts when the event names no actor.
_BY_ACTS = frozenset({Action.APPROVE_EXTENSION, Action.REFUSE_EXTENSION})
_EVENT_KEYS = frozenset({"at", "order", "action", "actor", "note"})
_ACTORS = ("", "center", "system", *(r.value for r in Role))
_DEFAULT_POLICY = "yanbian-2019"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _actor(name: str, order: WorkOrder) -> Person:
    """A scenario names roles, not people; a unit's role acts for the unit owning the order."""
    role = Role.HANDLER if name in ("", "center", "system") else Role(name)
    owner = order.state.owner
    county = Place(owner.name) if owner.kind is UnitKind.COUNTY else None
    department = owner.name if owner.kind is UnitKind.DEPARTMENT else None
    return Person(name or "handler", {role}, county=county, department=department)


def _problems(error: HotlineError) -> list[dict[str, str]]:
    return [{"field": p.field, "code": p.code, "message": p.message()} for p in error.problems]


def _rejection(event: Mapping[str, Any], error: HotlineError) -> dict[str, Any]:
    return {
        "at": event.get("at"),
        "action": event.get("action"),
        "reason": "；".join(error.messages()),
        "problems": _problems(error),
    }


def limit_json(status: LimitStatus) -> dict[str, Any]:
    return {
        "due": _iso(status.due),
        "met_at": _iso(status.met_at),
        "state": status.state.value,
        "provisional": status.provisional,
    }


def history_json(rounds: list[Round]) -> list[dict[str, Any]]:
    """The rounds before the current one (SPEC 10): each limit that restarted, as it ended."""
    return [{"round": r.number, "limits": {n: limit_json(s) for n, s in r.limits.items()}} for r in rounds]


def alert_json(alert: Alert) -> dict[str, Any]:
    return {
        "key": alert.key,
        "kind": alert.kind.value,
        "order": alert.order_id,
        "limit": alert.limit,
        "recipients": list(alert.recipients),
        "raised_at": _iso(alert.raised_at),
        "due": _iso(alert.due),
        "supervision_of": alert.supervision_of,
    }


def _turning_points(plan: LimitPlan, now: datetime) -> set[float]:
    """The epochs at which a limit pending at ``now`` turns due soon, falls due and is first overdue.

    Due soon is :meth:`LimitPlan.due_soon_from`, taken in whole seconds, as a cron job
    sees time (rounding first, so float noise cannot push an exact threshold a second
    late); the due time itself is a turning point too, so that a limit is flagged due
    soon by then whatever the rounding.
    """
    moments: set[float] = set()
    ahead = plan.at(now).pending() & (plan.due + 1 > now.timestamp())  # not yet seen overdue
    for column, row in np.argwhere(ahead).tolist():
        due = float(plan.due[column, row])
        moments |= {float(math.ceil(round(plan.due_soon_from(column, row), 3))), due, due + 1}
    return moments


class _Replay:
    def __init__(self, schedule: PolicySchedule, calendar: WorkingCalendar) -> None:
        self.schedule, self.calendar = schedule, calendar
        self.orders: dict[str, WorkOrder] = {}
        self.rejected: dict[str, list[dict[str, Any]]] = {}
        self.alerts: list[Alert] = []
        self.raised: set[str] = set()
        self.clock: datetime | None = None  # the last moment escalation ran

    def intake(self, form: Mapping[str, Any]) -> None:
        order_id = str(form.get("id", ""))
        try:
            record = parse_order(form)
        except InvalidInput as error:
            self.rejected.setdefault(order_id, []).append(_rejection({"action": "intake"}, error))
            return
        if record.order_id in self.orders:
            duplicate = InvalidInput([Problem("id", "duplicate_order")])
            self.rejected.setdefault(order_id, []).append(_rejection({"action": "intake"}, duplicate))
            return
        self.orders[record.order_id] = receive(record)
        self.rejected.setdefault(record.order_id, [])

    def escalate(self, now: datetime, plan: LimitPlan | None = None) -> None:
        """Run the rules once at ``now``; an order alerts from its receipt, not before.

        ``plan``: of the orders as they are, made once for the moments between two events.
        """
        orders = list(self.orders.values())
        fresh = [
            a
            for a in escalate(orders, now, self.raised, (plan or self.plan()).at(now))
            if self.orders[a.order_id].record.received_at <= now
        ]
        self.alerts.extend(fresh)
        self.raised.update(a.key for a in fresh)

    def plan(self) -> LimitPlan:
        return LimitPlan(list(self.orders.values()), self.calendar, self.schedule)

    def advance(self, to: datetime) -> None:
        """Escalate at every moment an alert could start from the last run up to ``to``, then at ``to``.

        Between two runs no event changes the orders, so the moments are the
        receipts and the turning points of the limits pending at the last run,
        and one plan of their limits serves them all.
        """
        plan = self.plan()
        receipts = {o.record.received_at.timestamp() for o in self.orders.values()}
        if self.clock is None:
            self.clock = datetime.fromtimestamp(min(receipts, default=to.timestamp()), SHANGHAI)
            self.escalate(self.clock, plan)
        start, end = self.clock.timestamp(), to.timestamp()
        for epoch in sorted(m for m in receipts | _turning_points(plan, self.clock) if start < m < end):
            self.escalate(datetime.fromtimestamp(epoch, SHANGHAI), plan)
        self.escalate(to, plan)
        self.clock = max(self.clock, to)

    def apply(self, event: Mapping[str, Any]) -> None:
        order_id = str(event.get("order", ""))
        order = self.orders.get(order_id)
        try:
            if order is None:
                raise InvalidInput([Problem("order", "unknown_order", {"id": order_id})])
            when, command, actor = _parse_event(event, order)
            self.advance(when)
            self.orders[order_id] = perform(
                order, command, actor, when, calendar=self.calendar, schedule=self.schedule
            )
            self.escalate(when)
        except HotlineError as error:
            self.rejected.setdefault(order_id, []).append(_rejection(event, error))


def _parse_event(event: Mapping[str, Any], order: WorkOrder) -> tuple[datetime, Command, Person]:
    """Read one scenario event, naming the key at fault."""
    if "at" not in event:
        raise InvalidInput([Problem("at", "required")])
    try:
        when = read_moment(event["at"])
    except BadValue as bad:
        raise InvalidInput([Problem("at", bad.code)]) from None
    action = str(event.get("action", ""))
    if action not in set(Action) - {Action.RECEIVE}:
        raise InvalidInput([Problem("action", "not_in_list", {"choices": "、".join(RULES)})])
    data = {k: _value(v) for k, v in event.items() if k not in _EVENT_KEYS}
    for name in UNLISTED_TEXTS.get(Action(action), ()):
        data.setdefault(name, REPLAY_TEXT)
    actor = str(event.get("actor", _default_actor(Action(action), data)))
    if actor not in _ACTORS:
        raise InvalidInput([Problem("actor", "not_in_list", {"choices": "、".join(_ACTORS)})])
    return when, Command(action, data, str(event.get("note", ""))), _actor(actor, order)


def _value(value: Any) -> Any:
    """A list (``feedback``'s ``images``) as the comma-separated names the rules read."""
    return ",".join(map(str, value)) if isinstance(value, list) else value


def _default_actor(action: Action, data: Mapping[str, Any]) -> str:
    """Who acts when the event does not say: the approver ``by`` names, else the handler."""
    by = data.get("by")
    return by if action in _BY_ACTS and by in ("leader", "center") else ""


def _sort_key(event: Mapping[str, Any]) -> tuple[int, float]:
    """Time order; an event whose time cannot be read goes last, to be rejected."""
    try:
        return (0, read_moment(event.get("at")).timestamp())
    except BadValue:
        return (1, 0.0)


def _checked(scenario: object) -> Mapping[str, Any]:
    """The scenario if its shape is right; else the key at fault, so the CLI says it in one line."""
    if not isinstance(scenario, Mapping):
        raise InvalidInput([Problem("scenario", "not_an_object")])
    name = scenario.get("policy", _DEFAULT_POLICY)
    if not isinstance(name, str) or name not in POLICIES:
        raise InvalidInput([Problem("policy", "not_in_list", {"choices": "、".join(POLICIES)})])
    for key in ("orders", "events"):
        items = scenario.get(key, [])
        if not isinstance(items, list):
            raise InvalidInput([Problem(key, "not_a_list")])
        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                raise InvalidInput([Problem(f"{key}[{index}]", "not_an_object")])
    return scenario


def _until(scenario: Mapping[str, Any]) -> datetime | None:
    if "until" not in scenario:
        return None
    try:
        return read_moment(scenario["until"])
    except BadValue as bad:
        raise InvalidInput([Problem("scenario.until", bad.code)]) from None


def simulate(scenario: object, calendar: WorkingCalendar | None = None) -> dict[str, Any]:
    """The outcome of a scenario, as the JSON contract of SPEC section 11 describes it."""
    scenario = _checked(scenario)
    until = _until(scenario)
    schedule = PolicySchedule(POLICIES[scenario.get("policy", _DEFAULT_POLICY)])
    replay = _Replay(schedule, calendar or WorkingCalendar.default())
    for form in scenario.get("orders", []):
        replay.intake(form)
    for event in sorted(scenario.get("events", []), key=_sort_key):
        if until is not None and (0, until.timestamp()) < _sort_key(event) < (1, 0.0):
            continue  # the outcome is as of ``until``: what happens after it is not replayed
        replay.apply(event)
    end = until or max((o.state.last_event_at for o in replay.orders.values()), default=None)
    if end is not None:
        replay.advance(end)
    return {"orders": _outcome(replay, end), "alerts": [alert_json(a) for a in replay.alerts]}


def _outcome(replay: _Replay, end: datetime | None) -> dict[str, Any]:
    """Each order as of ``end``; the ids of rejected orders keep their rejections, with no status."""
    unknown: dict[str, Any] = {
        k: {"status": None, "limits": {}, "rejected": v}
        for k, v in replay.rejected.items()
        if k not in replay.orders
    }
    if end is None:  # no order went in, and the scenario gave no ``until``
        return unknown
    evaluator = LimitEvaluator(end, replay.calendar, replay.schedule)
    return {
        order_id: {
            "status": order.state.status.value,
            "limits": {n: limit_json(s) for n, s in evaluator.limits(order).items()},
            "history": history_json(earlier_rounds(order, replay.calendar, replay.schedule)),
            "rejected": replay.rejected.get(order_id, []),
        }
        for order_id, order in replay.orders.items()
    } | unknown
