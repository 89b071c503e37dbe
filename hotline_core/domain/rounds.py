"""The rounds of an order's handling, and the outcome each earlier round keeps (SPEC 4.2).

A redo starts a new round, and so does a return request made in time that the
center refuses (the clocks restart, once). The limits that restart keep, for the
round that ended, their state at its end: taken from the order as it stood then
(:class:`~hotline_core.domain.state.RoundEnd`), at the moment the round ended, so
nothing that happens later can change them. The current round stays in the
order's ``limits``; reports count every round.
"""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from hotline_core.domain.calendar import WorkingCalendar
from hotline_core.domain.limits import LIMIT_SPECS, LimitEvaluator, LimitPlan, LimitState, LimitStatus
from hotline_core.domain.model import OrderRecord
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.policy import DEFAULT_SCHEDULE, PolicySchedule
from hotline_core.domain.state import OrderState, RoundEnd
from hotline_core.domain.vocabulary import Rating

_RESTARTS = {spec.name: spec.restarts for spec in LIMIT_SPECS}


@frozen
class Round:
    """One earlier round: how it ended, its limits' outcomes and the rating it got."""

    number: int
    kind: str  # "redo" | "return"
    ended_at: datetime
    limits: dict[str, LimitStatus]
    rating: Rating | None
    rated_at: datetime | None


@frozen
class _AsItStood:
    """An order as it stood when a round ended: what the limits read of an order."""

    record: OrderRecord
    state: OrderState


def earlier_rounds(
    order: WorkOrder,
    calendar: WorkingCalendar | None = None,
    schedule: PolicySchedule = DEFAULT_SCHEDULE,
) -> list[Round]:
    """The rounds before the current one, the first first (none for most orders)."""
    ends = order.state.rounds
    if not ends:
        return []
    restarted = bool(LimitPlan([order], calendar, schedule).restarted[0])
    rounds: list[Round] = []
    for end in ends:
        if end.kind == "return" and not restarted:
            continue  # a late request refused restarts nothing: the round goes on
        limits = _outcome(end, calendar, schedule)
        rounds.append(Round(len(rounds) + 1, end.kind, end.at, limits, end.state.rating, end.state.rated_at))
    return rounds


def _outcome(
    end: RoundEnd, calendar: WorkingCalendar | None, schedule: PolicySchedule
) -> dict[str, LimitStatus]:
    """The limits that restart after ``end``, as they stood when it came.

    An unsatisfied rating not reported by a redo is still owed in the new round, so
    its report belongs to the round that makes it, not to this one.
    """
    as_it_stood = _AsItStood(end.state.record, end.state)
    found = LimitEvaluator(end.at, calendar, schedule).limits(as_it_stood)
    return {
        name: status
        for name, status in found.items()
        if end.kind in _RESTARTS[name]
        and status.state is not LimitState.NOT_APPLICABLE
        and not (name == "unsatisfied_report" and status.met_epoch is None)
    }
