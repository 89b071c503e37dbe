"""One order as the reports count it: what it is about, and how it stood at a moment.

Two readings of an order meet here, on purpose:

- *what it is about* (place, appeal type, business area, disability) comes
  from its latest record: a ``record`` event corrects a fact that was true
  from the start, and the handler often learns the business area only when
  calling back;
- *how it stood* (signed, closed, rated, limits met or breached ...) comes
  from the order as of the moment: only its events up to then are replayed,
  and its limits are evaluated at that moment. A report on a past period
  therefore says the same whenever it is run, because events are never
  back-dated (SPEC 10: what counts is when an action was recorded).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from attrs import frozen

from hotline_core.domain.limits import LIMIT_NAMES, LimitEvaluator, LimitState
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import RIGHTS_DEPT, Unit
from hotline_core.domain.rounds import Round, earlier_rounds
from hotline_core.domain.state import FINISHED
from hotline_core.domain.vocabulary import (
    Action,
    AppealType,
    BusinessArea,
    DisabilityCategory,
    Outcome,
    Place,
    Rating,
)

# The limits that only the rights department answers, on receiving an order.
_ANSWERED_BY_SIGNING = frozenset({"sign", "return"})
# A government department's answer is its own: the assessment counts it apart (issue 18), and
# no unit of the federation is overdue for it.
_FEDERATION_LIMITS: tuple[str, ...] = tuple(name for name in LIMIT_NAMES if name != "referral_answer")
_BREACHED = LimitState.BREACHED


def as_of(order: WorkOrder, moment: datetime) -> WorkOrder:
    """The order as it was at ``moment``: its events up to and including then.

    Events are recorded in time order (the rules refuse an earlier one), so
    an order whose last event is not later than ``moment`` is returned as it
    is, without replaying its fold again.
    """
    events = order.events
    if not events or events[-1].at <= moment:
        return order
    return WorkOrder(order.record, tuple(e for e in events if e.at <= moment))


def is_open_at(order: WorkOrder, moment: datetime) -> bool:
    """Received by ``moment`` and not closed, returned, declined or archived by then."""
    if order.record.received_at > moment:
        return False
    return as_of(order, moment).state.status not in FINISHED


def handling_unit(order: WorkOrder) -> Unit:
    """The unit answerable for the order's handling: the last one it was passed to.

    An order the rights department never transferred or assigned is its own;
    a county federation or a department answers for the orders passed to it,
    even after it has sent its result back (source 四(二)).
    """
    state = order.state
    if state.owner != RIGHTS_DEPT or state.result_at is None:
        return state.owner  # with its unit now, or never passed on (a result hands it back)
    for event in reversed(order.events):
        if event.action is Action.TRANSFER:
            return Unit.county(event.data["to"])
        if event.action is Action.ASSIGN and not event.data.get("staff"):  # not a county's own clerk
            return Unit.department(event.data["to"])
    return RIGHTS_DEPT


@frozen
class OrderFacts:
    """The figures of one order that every report counts, as of one moment.

    ``overdue``: any limit breached, in any round; ``handling_overdue``: any
    limit other than sign and return breached, i.e. one that the handling unit
    answers. ``earlier_breached``: a limit of a round before a redo (or a refused
    timely return) was breached; ``unsatisfied_late``: an unsatisfied rating was
    reported late, in any round; ``back_entered``: a step was entered after the fact
    with the time it happened (``at=``); ``rating``: the last rating the order got, in
    whichever round (issue 15: a redo does not erase it).
    """

    order_id: str
    received_at: datetime
    place: Place
    appeal_type: AppealType
    business_area: BusinessArea | None
    disability: DisabilityCategory | None
    sign: LimitState
    contact: LimitState
    close: LimitState
    overdue: bool
    handling_overdue: bool
    finished: bool
    returned: bool
    declined: bool
    extended: bool
    emergency: bool
    petition: bool
    redone: bool
    earlier_breached: bool
    unsatisfied_late: bool
    back_entered: bool
    outcome: Outcome | None
    rating: Rating | None


def facts_at(
    orders: Sequence[WorkOrder], evaluator: LimitEvaluator, moment: datetime
) -> list[tuple[WorkOrder, OrderFacts]]:
    """Each order as of ``moment`` and its facts; ``evaluator`` must be built for that moment.

    The limits of all the orders are worked out together, and read a column at a
    time: the three states a report counts and whether any limit was breached.
    """
    thens = [as_of(order, moment) for order in orders]
    table = evaluator.table(thens)
    unsatisfied_late = table.breached(["unsatisfied_report"])
    handled_by_units = [name for name in _FEDERATION_LIMITS if name not in _ANSWERED_BY_SIGNING]
    columns = zip(
        table.states("sign"),
        table.states("contact"),
        table.states("close"),
        table.breached(_FEDERATION_LIMITS),
        table.breached(handled_by_units),
        unsatisfied_late,
        strict=True,
    )
    return [
        (
            then,
            _facts(order, then, sign, contact, close, late, handling, unsatisfied, _rounds(then, evaluator)),
        )
        for order, then, (sign, contact, close, late, handling, unsatisfied) in zip(
            orders, thens, columns, strict=True
        )
    ]


def _rounds(then: WorkOrder, evaluator: LimitEvaluator) -> list[Round]:
    if not then.state.rounds:  # most orders: no need to work anything out
        return []
    return earlier_rounds(then, evaluator.calendar, evaluator.schedule)


def _breached(rounds: list[Round], names: frozenset[str] | None = None) -> bool:
    return any(
        s.state is _BREACHED for r in rounds for n, s in r.limits.items() if names is None or n in names
    )


def _facts(
    order: WorkOrder,
    then: WorkOrder,
    sign: LimitState,
    contact: LimitState,
    close: LimitState,
    overdue: bool,
    handling_overdue: bool,
    unsatisfied_late: bool,
    rounds: list[Round],
) -> OrderFacts:
    latest = order.state.record
    state = then.state
    handled = frozenset(_FEDERATION_LIMITS) - _ANSWERED_BY_SIGNING
    earlier_ratings = [r.rating for r in rounds if r.rating is not None]
    return OrderFacts(
        order_id=order.id,
        received_at=order.record.received_at,
        place=latest.place,
        appeal_type=latest.appeal.appeal_type,
        business_area=latest.appeal.business_area,
        disability=latest.citizen.disability,
        sign=sign,
        contact=contact,
        close=close,
        overdue=overdue or _breached(rounds, frozenset(_FEDERATION_LIMITS)),
        handling_overdue=handling_overdue or _breached(rounds, handled),
        finished=state.status in FINISHED,
        returned=state.returned_at is not None,
        declined=state.declined_at is not None,
        extended=state.extended_until is not None,
        emergency=state.emergency_at is not None,
        petition=state.petition_at is not None,
        redone=state.redo_at is not None,
        earlier_breached=_breached(rounds, frozenset(_FEDERATION_LIMITS)),
        unsatisfied_late=unsatisfied_late or _breached(rounds, frozenset({"unsatisfied_report"})),
        back_entered=any(e.entered_at is not None for e in then.events),
        outcome=state.outcome if state.status in FINISHED else None,
        rating=state.rating or (earlier_ratings[-1] if earlier_ratings else None),
    )
