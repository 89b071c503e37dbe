"""Replay a scenario (SPEC section 11): orders, events and a moment, in; the outcome, out.

This is what testers drive the rules with: no database, no clock, the same
rules the application uses. Events are replayed in time order (stable for
equal times); one the rules forbid is reported with its reason and the
replay goes on. Escalation runs as a cron job would, at every event's time
and at ``until``, so alerts raised on the way are in the outcome too.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from hotline_core.calendar import WorkingCalendar
from hotline_core.escalation import Alert, escalate
from hotline_core.events import Command
from hotline_core.intake import BadValue, parse_order, read_moment
from hotline_core.lifecycle import RULES, perform, receive
from hotline_core.limits import LimitEvaluator, LimitStatus
from hotline_core.order import WorkOrder
from hotline_core.organization import Person, UnitKind
from hotline_core.policy import POLICIES, PolicySchedule
from hotline_core.problems import HotlineError, InvalidInput, Problem
from hotline_core.vocabulary import Action, Place, Role

_EVENT_KEYS = frozenset({"at", "order", "action", "actor", "note"})
_ACTORS = ("", "center", "system", *(r.value for r in Role))


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
    return {"at": event.get("at"), "action": event.get("action"),
            "reason": "；".join(error.messages()), "problems": _problems(error)}


def limit_json(status: LimitStatus) -> dict[str, Any]:
    return {"due": _iso(status.due), "met_at": _iso(status.met_at), "state": status.state.value,
            "provisional": status.provisional}


def alert_json(alert: Alert) -> dict[str, Any]:
    return {"key": alert.key, "kind": alert.kind.value, "order": alert.order_id, "limit": alert.limit,
            "recipients": list(alert.recipients), "raised_at": _iso(alert.raised_at),
            "due": _iso(alert.due), "supervision_of": alert.supervision_of}


class _Replay:
    def __init__(self, schedule: PolicySchedule, calendar: WorkingCalendar) -> None:
        self.schedule, self.calendar = schedule, calendar
        self.orders: dict[str, WorkOrder] = {}
        self.rejected: dict[str, list[dict[str, Any]]] = {}
        self.alerts: list[Alert] = []
        self.raised: set[str] = set()

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

    def escalate(self, now: datetime) -> None:
        evaluator = LimitEvaluator(now, self.calendar, self.schedule)
        fresh = escalate(self.orders.values(), now, self.raised, evaluator)
        self.alerts.extend(fresh)
        self.raised.update(a.key for a in fresh)

    def apply(self, event: Mapping[str, Any]) -> None:
        order_id = str(event.get("order", ""))
        order = self.orders.get(order_id)
        try:
            if order is None:
                raise InvalidInput([Problem("order", "unknown_order", {"id": order_id})])
            when, command, actor = _parse_event(event, order)
            self.escalate(when)
            self.orders[order_id] = perform(order, command, actor, when)
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
    actor = str(event.get("actor", ""))
    if actor not in _ACTORS:
        raise InvalidInput([Problem("actor", "not_in_list", {"choices": "、".join(_ACTORS)})])
    data = {k: v for k, v in event.items() if k not in _EVENT_KEYS}
    return when, Command(action, data, str(event.get("note", ""))), _actor(actor, order)


def _sort_key(event: Mapping[str, Any]) -> tuple[int, float]:
    """Time order; an event whose time cannot be read goes last, to be rejected."""
    try:
        return (0, read_moment(event.get("at")).timestamp())
    except BadValue:
        return (1, 0.0)


def simulate(scenario: Mapping[str, Any], calendar: WorkingCalendar | None = None) -> dict[str, Any]:
    """The outcome of a scenario, as the JSON contract of SPEC section 11 describes it."""
    name = scenario.get("policy", "yanbian-2019")
    if name not in POLICIES:
        raise InvalidInput([Problem("policy", "not_in_list", {"choices": "、".join(POLICIES)})])
    until = read_moment(scenario["until"]) if "until" in scenario else None
    replay = _Replay(PolicySchedule(POLICIES[name]), calendar or WorkingCalendar.default())
    for form in scenario.get("orders", []):
        replay.intake(form)
    events = sorted(scenario.get("events", []), key=_sort_key)
    for event in events:
        replay.apply(event)
    end = until or max((o.state.last_event_at for o in replay.orders.values()), default=None)
    if end is None:
        return {"orders": {}, "alerts": []}
    replay.escalate(end)
    evaluator = LimitEvaluator(end, replay.calendar, replay.schedule)
    orders = {
        order_id: {
            "status": order.state.status.value,
            "limits": {n: limit_json(s) for n, s in evaluator.limits(order).items()},
            "rejected": replay.rejected.get(order_id, []),
        }
        for order_id, order in replay.orders.items()
    }
    unknown = {k: {"status": None, "limits": {}, "rejected": v}
               for k, v in replay.rejected.items() if k not in replay.orders}
    return {"orders": orders | unknown, "alerts": [alert_json(a) for a in replay.alerts]}
