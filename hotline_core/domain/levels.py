"""An order between the prefecture and a county: both units' due times (issue 18).

An order is timed by the policy of the level that took it in, in force at its
receipt (``OrderState.home``); that never changes, so its history and its limits'
outcomes survive every move. When it moves to the other level (a prefecture order
transferred down to a county, a county's own order escalated to the prefecture),
the other unit's policy gives due times of its own, for the same steps: for a
county these are internal due times, shown beside the prefecture's and never later
than them (the county's rules may only be stricter, ``policy_change``); for the
prefecture, what its own rules would have given (the county's stay official).
Both are the order's limits as the lifecycle sets them (a refused timely return or a
redo starts them afresh, an approved extension moves the close), not the receipt's
alone: the official ones are exactly those the order is held to.
"""

from __future__ import annotations

from attrs import evolve, frozen

from hotline_core.domain.calendar import WorkingCalendar
from hotline_core.domain.clocks import Deadline
from hotline_core.domain.limits import LimitEvaluator
from hotline_core.domain.model import OrderRecord
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import RIGHTS_DEPT, Unit
from hotline_core.domain.policy import DEFAULT_SCHEDULE, PolicySchedule
from hotline_core.domain.state import OrderState
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


@frozen
class _TakenInBy:
    """The order as if ``unit`` had taken it in: the same steps, timed by that unit's policy."""

    record: OrderRecord
    state: OrderState


def _as_if_taken_in_by(order: WorkOrder, unit: Place) -> _TakenInBy:
    taker = RIGHTS_DEPT if unit is Place.PREFECTURE else Unit.county(unit)
    return _TakenInBy(order.record, evolve(order.state, received_by=taker))


def unit_deadlines(
    order: WorkOrder,
    calendar: WorkingCalendar | None = None,
    schedule: PolicySchedule = DEFAULT_SCHEDULE,
) -> tuple[UnitDeadlines, ...]:
    """The official due times, then the other level's (when the order went there)."""
    # Due times do not depend on the moment they are looked at; the order's last step will do.
    evaluator = LimitEvaluator(order.state.last_event_at, calendar, schedule)
    received_at, home = order.record.received_at, order.state.home

    def due(limits_of: WorkOrder | _TakenInBy) -> dict[str, Deadline]:
        limits = evaluator.limits(limits_of)
        return {
            name: Deadline(found, limits[name].provisional)
            for name in _SHOWN
            if (found := limits[name].due) is not None
        }

    official = UnitDeadlines(home, schedule.policy_for(received_at, home).name, due(order), True)
    other = other_level(order)
    if other is None or other is home:
        return (official,)
    theirs = due(_as_if_taken_in_by(order, other))
    if other is not Place.PREFECTURE:  # a county's internal due time: never later than the official
        theirs = {
            name: min(d, official.due[name], key=lambda x: x.due) if name in official.due else d
            for name, d in theirs.items()
        }
    return (official, UnitDeadlines(other, schedule.policy_for(received_at, other).name, theirs, False))
