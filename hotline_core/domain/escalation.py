"""Escalation (SPEC section 6): what lands in whose alert inbox, exactly once.

:func:`escalate` looks at orders as of ``now`` and returns the alerts that
are due and not yet raised. Each alert has a stable key (order, limit, the
moment that limit started, kind), so running it again, at the same or a
later moment, adds nothing for what was already raised: the caller keeps the
keys it has stored. A redo or a refused return starts a limit anew (SPEC
4.2), and its new deadline alerts once more.

| what                   | who is told                                    |
|------------------------|------------------------------------------------|
| a limit is due soon    | the unit that owns the order                   |
| sign overdue           | the rights department and the leader (and the county, for its own orders) |
| close overdue          | a supervision item on the owning unit; leader  |
| other limits overdue   | the owning unit and the rights department      |
| emergency              | the leader, at once                            |
| unsatisfied rating     | the leader and the handler (rights department) |
| county summary overdue | the rights department                          |
| major incident         | the leader, at once                            |
| counselling follow-up  | the unit that gave the talk                    |
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from enum import StrEnum

from attrs import frozen

from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.limits import (
    LimitEvaluator,
    LimitState,
    LimitStatus,
    LimitTable,
)
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import RIGHTS_DEPT, Person, Unit
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.vocabulary import Place, Rating, Role

LEADER = "leader"


class AlertKind(StrEnum):
    DUE_SOON = "due_soon"
    SIGN_OVERDUE = "sign_overdue"
    CLOSE_OVERDUE = "close_overdue"
    OVERDUE = "overdue"
    EMERGENCY = "emergency"
    UNSATISFIED = "unsatisfied"
    SUMMARY_OVERDUE = "summary_overdue"
    INCIDENT = "incident"  # a major incident reported (domain/duties/incident.py)
    FOLLOW_UP_DUE = "follow_up_due"  # a counselling talk's follow-up date came (domain/duties/service.py)
    OUTBOX_WAITING = "outbox_waiting"  # a message for the 12345 platform not sent in time (issue 17)


def unit_recipient(unit: Unit) -> str:
    return f"{unit.kind.value}:{unit.name}"


RIGHTS = unit_recipient(RIGHTS_DEPT)


@frozen
class Alert:
    """One escalation, addressed to units (``county:延吉市``) and/or the leader."""

    key: str
    kind: AlertKind
    raised_at: datetime
    recipients: tuple[str, ...]
    order_id: str = ""
    limit: str = ""
    due: datetime | None = None
    supervision_of: str = ""  # the unit a close-overdue supervision item chases
    subject: str = ""  # the service or incident the alert is about, when it is not an order


# Who works orders in a unit and so hears its alerts. A viewer (an office meeting, an
# auditor) or an administrator only counts and checks: no operational alert is theirs.
_WORKS_ORDERS = frozenset({Role.HANDLER, Role.COUNTY_CLERK, Role.DEPARTMENT, Role.LEADER})


# Who works orders in a unit and so hears its alerts. A viewer (an office meeting, an
# auditor) or an administrator only counts and checks: no operational alert is theirs.
_WORKS_ORDERS = frozenset({Role.HANDLER, Role.COUNTY_CLERK, Role.DEPARTMENT, Role.LEADER})


def recipients_of(person: Person) -> frozenset[str]:
    """The inbox addresses whose alerts this person sees (none for a viewer or an admin)."""
    if not person.roles & _WORKS_ORDERS:
        return frozenset()
    addresses = {unit_recipient(person.unit)}
    if person.has(Role.LEADER):
        addresses.add(LEADER)
    if person.has(Role.HANDLER):
        addresses.add(RIGHTS)
    return frozenset(addresses)


def _limit_alerts(order: WorkOrder, status: LimitStatus, now: datetime) -> list[Alert]:
    owner = unit_recipient(order.state.owner)
    # Once per order and limit run: a redo opens a new close deadline and a refused return
    # dispatches the order afresh (SPEC 4.2), and those new deadlines alert again.
    start = status.start
    base = f"{order.id}:{status.name}" + (f"@{start.astimezone(SHANGHAI):%Y%m%dT%H%M%S}" if start else "")

    def alert(suffix: str, kind: AlertKind, recipients: tuple[str, ...], supervision_of: str = "") -> Alert:
        return Alert(
            f"{base}:{suffix}", kind, now, recipients, order.id, status.name, status.due, supervision_of
        )

    if status.state is LimitState.DUE_SOON:
        return [alert("due_soon", AlertKind.DUE_SOON, (owner,))]
    if status.state is not LimitState.BREACHED or status.met_epoch is not None:
        return []
    if status.name == "sign":
        # A county's own order: its county hears of it too (issue 18).
        level = unit_recipient(order.state.level)
        return [alert("overdue", AlertKind.SIGN_OVERDUE, _unique(level, RIGHTS, LEADER))]
    if status.name == "close":
        recipients = _unique(owner, RIGHTS, LEADER)
        return [alert("overdue", AlertKind.CLOSE_OVERDUE, recipients, order.state.owner.name)]
    return [alert("overdue", AlertKind.OVERDUE, _unique(owner, RIGHTS))]


def _unique(*recipients: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(recipients))


def _order_alerts(order: WorkOrder, now: datetime) -> list[Alert]:
    """The alerts an order raises by what it is, whatever its limits."""
    state = order.state
    alerts: list[Alert] = []
    if state.emergency_at is not None:
        alerts.append(
            Alert(f"{order.id}:emergency", AlertKind.EMERGENCY, now, (LEADER,), order.id, "emergency_reply")
        )
    if state.rating is Rating.UNSATISFIED:
        alerts.append(
            Alert(
                f"{order.id}:unsatisfied:{state.rated_at.isoformat() if state.rated_at else ''}",
                AlertKind.UNSATISFIED,
                now,
                (LEADER, RIGHTS),
                order.id,
                "unsatisfied_report",
            )
        )
    return alerts


def escalate(
    orders: Sequence[WorkOrder], now: datetime, raised: Collection[str] = (), limits: LimitTable | None = None
) -> list[Alert]:
    """The alerts due at ``now`` whose keys are not in ``raised``.

    ``limits``: the orders' limit table at ``now``, a row per order in the same
    order (the caller's calendar and policy); by default the defaults'.
    """
    flagged: dict[int, list[LimitStatus]] = {}
    for row, status in (limits or LimitEvaluator(now).table(orders)).flagged():
        flagged.setdefault(row, []).append(status)
    alerts: list[Alert] = []
    for row, order in enumerate(orders):
        alerts += _order_alerts(order, now)
        for status in flagged.get(row, ()):
            alerts += _limit_alerts(order, status, now)
    return [alert for alert in alerts if alert.key not in raised]


def summary_alerts(
    quarter: Quarter, due: datetime, filed: Collection[Place], now: datetime, raised: Collection[str] = ()
) -> list[Alert]:
    """A county that has not filed its summary of ``quarter`` by ``due`` alerts the rights department."""
    if now <= due:
        return []
    alerts = [
        Alert(
            f"summary:{quarter}:{county.value}",
            AlertKind.SUMMARY_OVERDUE,
            now,
            (RIGHTS,),
            limit="summary",
            due=due,
            supervision_of=county.value,
        )
        for county in Place
        if county.is_county and county not in filed
    ]
    return [a for a in alerts if a.key not in raised]
