"""An order between the prefecture and a county: both units' due times (issue 18).

An order is timed by the policy of the level that took it in, in force at its
receipt (``OrderState.home``); that never changes, so its history and its limits'
outcomes survive every move. When it moves to the other level (a prefecture order
transferred down to a county, a county's own order escalated to the prefecture),
the other unit's policy gives due times of its own, from the same receipt: for a
county these are internal due times, shown beside the prefecture's and never later
than them (the county's rules may only be stricter, ``policy_change``); for the
prefecture, what its own rules would have given (the county's stay official).
"""

from __future__ import annotations

from attrs import frozen

from hotline_core.domain.calendar import WorkingCalendar
from hotline_core.domain.clocks import Deadline
from hotline_core.domain.limits import dispatch_deadlines
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.policy import DEFAULT_SCHEDULE, PolicySchedule
from hotline_core.domain.vocabulary import Action, Place

# The due times that matter to the unit an order was passed to.
_SHOWN = ("contact", "close")


@frozen
class UnitDeadlines:
    """One unit's due times for an order, under the policy named."""

    unit: Place
    policy: str
    due: dict[str, Deadline]
    official: bool  # the policy of the level that took the order in


def other_level(order: WorkOrder) -> Place | None:
    """The other level the order went to: the county it was last transferred to, or the
    prefecture a county escalated it to; None if it stayed at its level."""
    for event in reversed(order.events):
        if event.action is Action.TRANSFER:
            return Place(event.data["to"])
        if event.action is Action.ESCALATE:
            return Place.PREFECTURE
    return None


def unit_deadlines(
    order: WorkOrder,
    calendar: WorkingCalendar | None = None,
    schedule: PolicySchedule = DEFAULT_SCHEDULE,
) -> tuple[UnitDeadlines, ...]:
    """The official due times, then the other level's (when the order went there)."""
    record, home = order.record, order.state.home
    kind, emergency = record.appeal.appeal_type, order.state.emergency_at is not None

    def of(unit: Place, official: bool) -> UnitDeadlines:
        found = dispatch_deadlines(record.received_at, kind, emergency, calendar, schedule, unit)
        due = {name: found[name] for name in _SHOWN}
        if not official and unit is not Place.PREFECTURE:  # a county's internal due: never later
            due = {name: min(d, official_due[name], key=lambda x: x.due) for name, d in due.items()}
        return UnitDeadlines(unit, schedule.policy_for(record.received_at, unit).name, due, official)

    official_due: dict[str, Deadline] = {}
    first = of(home, True)
    official_due = first.due
    other = other_level(order)
    if other is None or other is home:
        return (first,)
    return (first, of(other, False))
