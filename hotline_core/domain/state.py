"""An order's state is the fold of its events (SPEC 4.1).

:func:`replay` starts from the record as received and applies each event in
turn. Nothing here checks whether an event was allowed: that is
``hotline_core.domain.lifecycle``'s job before an event is recorded. Keeping the
fold free of rules means an order read back from storage always gets the
same state, whatever policy is in force today.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from types import SimpleNamespace

from attrs import asdict, evolve, fields, frozen

from hotline_core.domain.events import Event
from hotline_core.domain.intake import correct_record
from hotline_core.domain.model import OrderRecord
from hotline_core.domain.organization import RIGHTS_DEPT, Unit
from hotline_core.domain.vocabulary import (
    Action,
    ContactResult,
    DeclineReason,
    Outcome,
    Place,
    Rating,
    Status,
)

FINISHED: frozenset[Status] = frozenset({Status.CLOSED, Status.RETURNED, Status.DECLINED, Status.ARCHIVED})


@frozen
class Extension:
    """A request to move the close deadline; it needs the leader and the center."""

    requested_at: datetime
    until: datetime
    reason: str
    leader_at: datetime | None = None
    center_at: datetime | None = None

    @property
    def approved(self) -> bool:
        return self.leader_at is not None and self.center_at is not None


@frozen
class ContactAttempt:
    """One call (or visit) to reach the citizen, and what it gave."""

    at: datetime
    result: ContactResult


@frozen
class Supervision:
    """The rights department chasing a unit that owns an overdue order (督办)."""

    unit: Unit
    at: datetime
    answered_at: datetime | None = None


@frozen
class Referral:
    """The order passed to a government department for its part (转办到政府职能部门), chased
    (督办) until it answers (source 四(四)); each step keeps its time."""

    unit: Unit
    passed_at: datetime
    chased_at: datetime | None = None  # the latest chase: the answer limit runs from it
    chases: int = 0
    answered_at: datetime | None = None


@frozen
class RoundEnd:
    """Where a round of handling ended: a redo, or a refused return that may restart the clocks.

    ``state`` is the order just before: its limits, taken at ``at``, are that round's
    outcome and never change afterwards. Whether a refused return ends a round (it
    does when the request was made in time) is a question of deadlines, answered by
    ``hotline_core.domain.limits``.
    """

    kind: str  # "redo" | "return"
    at: datetime
    state: OrderState


@frozen
class OrderState:
    """Where an order stands and the moments that its limits are measured from."""

    status: Status
    record: OrderRecord
    dispatched_at: datetime
    last_event_at: datetime
    owner: Unit = RIGHTS_DEPT
    signed_at: datetime | None = None
    contacted_at: datetime | None = None  # the first attempt that reached the citizen
    contact_attempts: tuple[ContactAttempt, ...] = ()
    return_requested_at: datetime | None = None  # the request awaiting the center
    return_asked_at: datetime | None = None  # the first request: only it may pause or restart clocks
    return_refused_at: datetime | None = None  # when the center refused that first request
    return_again_at: datetime | None = None  # the first request made after that refusal
    status_before_return: Status | None = None
    returned_at: datetime | None = None
    decline_reason: DeclineReason | None = None
    declined_at: datetime | None = None
    supervisions: tuple[Supervision, ...] = ()
    extension: Extension | None = None
    extended_until: datetime | None = None
    # The approved extensions of this round in turn: each moves the close due time only if it
    # was asked for by the due time then standing (``hotline_core.domain.limits``).
    extensions: tuple[Extension, ...] = ()
    extension_approved_at: datetime | None = None  # the latest approval: the citizen must be told
    extension_told_at: datetime | None = None
    emergency_at: datetime | None = None
    first_reply_at: datetime | None = None
    petition_at: datetime | None = None
    petition_answered_at: datetime | None = None
    legal_at: datetime | None = None
    result_at: datetime | None = None
    feedback_at: datetime | None = None
    replied_at: datetime | None = None
    rating: Rating | None = None
    rated_at: datetime | None = None
    unsatisfied_at: datetime | None = None  # an unsatisfied rating that must be reported
    unsatisfied_reported_at: datetime | None = None
    redo_at: datetime | None = None
    closed_at: datetime | None = None
    archived_at: datetime | None = None
    outcome: Outcome | None = None
    rounds: tuple[RoundEnd, ...] = ()
    # Issue 18: the unit that took the order in (the rights department for the center's
    # pushes, a county for its own), the level that answers for it now (an escalation
    # moves a county's order up), the county clerk it was assigned to, and what was
    # passed to government departments.
    received_by: Unit = RIGHTS_DEPT
    level: Unit = RIGHTS_DEPT
    assignee: str | None = None
    referrals: tuple[Referral, ...] = ()
    escalated_at: datetime | None = None

    @property
    def open_supervisions(self) -> tuple[Supervision, ...]:
        return tuple(s for s in self.supervisions if s.answered_at is None)

    @property
    def with_unit(self) -> bool:
        """True while a county or a department owes the level answering for the order a result."""
        return self.owner != self.level

    @property
    def home(self) -> Place:
        """Whose policy times the order: the level that took it in (kept after an escalation)."""
        return self.received_by.place

    @property
    def open_referrals(self) -> tuple[Referral, ...]:
        return tuple(r for r in self.referrals if r.answered_at is None)

    @property
    def waiting_on(self) -> tuple[Unit, ...]:
        """Whom the order waits on: the unit it was passed to, then government departments."""
        units = (self.owner,) if self.with_unit else ()
        return (*units, *(r.unit for r in self.open_referrals))


# Each event's handler returns the fields it changes. The fold applies them to a
# plain namespace and builds the frozen state once at the end: one object per
# replay instead of one per event, which matters when thousands of orders load.
Changes = dict[str, object]
Draft = SimpleNamespace


def _receive(s: Draft, e: Event) -> Changes:
    # A county taking in an order of its own owns it, at its level, from the start.
    county = {"received_by": Unit.county(e.data["unit"])} if e.data.get("unit") else {}
    if county:
        county |= {"level": county["received_by"], "owner": county["received_by"]}
    return {
        "emergency_at": e.at if s.record.emergency else None,
        "petition_at": e.at if s.record.petition else None,
        **county,
    }


def _request_return(s: Draft, e: Event) -> Changes:
    """The first request is the one the return limit times; one after its refusal is noted too."""
    asked: Changes = {"return_asked_at": e.at} if s.return_asked_at is None else {}
    if s.return_refused_at is not None and s.return_again_at is None:
        asked = {"return_again_at": e.at}
    return {
        "status": Status.RETURN_REQUESTED,
        "return_requested_at": e.at,
        "status_before_return": s.status,
        **asked,
    }


def _reply(s: Draft, e: Event) -> Changes:
    answered = s.petition_answered_at or (e.at if s.petition_at else None)
    return {
        "replied_at": e.at,
        "petition_answered_at": answered,
        "record": evolve(s.record, reply=e.data["text"]),
    }


def _feedback(s: Draft, e: Event) -> Changes:
    """The feedback carries the reply to the citizen (SPEC 4.2): a record without a reply takes
    its text, so the clerk never types the same answer twice to close."""
    changes: Changes = {
        "status": Status.FEEDBACK_GIVEN,
        "feedback_at": e.at,
        "supervisions": _answered(s, e.at),  # a county's own order: its feedback answers the prefecture
    }
    if not s.record.reply.strip():
        changes["record"] = evolve(s.record, reply=e.data.get("text", ""))
    return changes


def _refuse_return(s: Draft, e: Event) -> Changes:
    # A refused request made in time is a fresh dispatch (SPEC 4.2), once: the limits
    # decide whether it was in time, so the first refusal is kept with the round before it.
    changes: Changes = {
        "status": s.status_before_return or Status.RECEIVED,
        "return_requested_at": None,
        "status_before_return": None,
    }
    if s.return_refused_at is None:
        changes |= {"return_refused_at": e.at, "rounds": (*s.rounds, RoundEnd("return", e.at, _frozen(s)))}
    return changes


def _answered(s: Draft, at: datetime) -> tuple[Supervision, ...]:
    """The supervisions of the owning unit, answered at ``at``."""
    return tuple(
        evolve(v, answered_at=at) if v.answered_at is None and v.unit == s.owner else v
        for v in s.supervisions
    )


def _submit_result(s: Draft, e: Event) -> Changes:
    return {"owner": s.level, "result_at": e.at, "supervisions": _answered(s, e.at)}


def _assign(s: Draft, e: Event) -> Changes:
    """To a department of the federation, or (a county's own order) to one of its clerks."""
    if e.data.get("staff"):
        return {"assignee": e.data["to"]}
    return {"owner": Unit.department(e.data["to"])}


def _escalate(s: Draft, e: Event) -> Changes:
    """A county's own order goes up to the prefecture, which answers for it from now on; a
    supervision of the county is answered by it."""
    return {
        "level": RIGHTS_DEPT,
        "owner": RIGHTS_DEPT,
        "escalated_at": e.at,
        "supervisions": _answered(s, e.at),
    }


def _refer(s: Draft, e: Event) -> Changes:
    return {"referrals": (*s.referrals, Referral(Unit.government(e.data["to"]), e.at))}


def _referral_step(s: Draft, e: Event) -> Changes:
    """A chase or an answer, on the open referral to the department named."""
    unit = Unit.government(e.data["to"])
    step: Callable[[Referral], Referral] = (
        (lambda r: evolve(r, chased_at=e.at, chases=r.chases + 1))
        if e.action is Action.CHASE
        else (lambda r: evolve(r, answered_at=e.at))
    )
    return {
        "referrals": tuple(step(r) if r.unit == unit and r.answered_at is None else r for r in s.referrals)
    }


def _approve_extension(s: Draft, e: Event) -> Changes:
    assert s.extension is not None
    who = "leader_at" if e.data["by"] == "leader" else "center_at"
    extension = evolve(s.extension, **{who: e.at})
    if not extension.approved:
        return {"extension": extension}
    return {
        "extension": extension,
        "extended_until": extension.until,
        "extensions": (*s.extensions, extension),
        "extension_approved_at": e.at,
        "extension_told_at": None,
    }


def _contact(s: Draft, e: Event) -> Changes:
    result = ContactResult(e.data.get("result", ContactResult.REACHED))
    reached = result in (ContactResult.REACHED, ContactResult.REFUSED)  # the citizen answered
    first = {"contacted_at": e.at} if reached and s.contacted_at is None else {}
    return {"contact_attempts": (*s.contact_attempts, ContactAttempt(e.at, result)), **first}


def _rate(s: Draft, e: Event) -> Changes:
    rating = Rating(e.data["level"])
    unsatisfied = (
        {"unsatisfied_at": e.at, "unsatisfied_reported_at": None} if rating is Rating.UNSATISFIED else {}
    )
    return {"rating": rating, "rated_at": e.at, **unsatisfied}


def _redo(s: Draft, e: Event) -> Changes:
    # A redo opens a new round with a new close deadline (SPEC 4.2): the round before is kept
    # whole in ``rounds``; an unsatisfied rating not yet reported still has to be.
    reported = s.unsatisfied_reported_at is not None
    return {
        "status": Status.HANDLING,
        "redo_at": e.at,
        "feedback_at": None,
        "rating": None,
        "rated_at": None,
        "unsatisfied_at": None if reported else s.unsatisfied_at,
        "unsatisfied_reported_at": None,
        "closed_at": None,
        "outcome": None,
        "extension": None,
        "extended_until": None,
        "extensions": (),
        "extension_approved_at": None,
        "extension_told_at": None,
        "rounds": (*s.rounds, RoundEnd("redo", e.at, _frozen(s))),
    }


def _frozen(s: Draft) -> OrderState:
    return OrderState(**vars(s))


_FOLD: dict[Action, Callable[[Draft, Event], Changes]] = {
    Action.RECEIVE: _receive,
    Action.SIGN: lambda s, e: {"status": Status.HANDLING, "signed_at": e.at},
    Action.REQUEST_RETURN: _request_return,
    Action.APPROVE_RETURN: lambda s, e: {"status": Status.RETURNED, "returned_at": e.at},
    Action.REFUSE_RETURN: _refuse_return,
    Action.DECLINE: lambda s, e: {
        "outcome": Outcome.DECLINED,
        "status": Status.DECLINED,
        "declined_at": e.at,
        "decline_reason": DeclineReason(e.data["reason"]),
    },
    Action.CONTACT: _contact,
    Action.RECORD: lambda s, e: {"record": correct_record(s.record, e.data)},
    Action.TRANSFER: lambda s, e: {"owner": Unit.county(e.data["to"])},
    Action.ASSIGN: _assign,
    Action.SUBMIT_RESULT: _submit_result,
    Action.SUPERVISE: lambda s, e: {"supervisions": (*s.supervisions, Supervision(s.owner, e.at))},
    Action.REQUEST_EXTENSION: lambda s, e: {
        "extension": Extension(e.at, datetime.fromisoformat(e.data["until"]), e.data["reason"])
    },
    Action.APPROVE_EXTENSION: _approve_extension,
    Action.REFUSE_EXTENSION: lambda s, e: {"extension": None},
    Action.TELL_EXTENSION: lambda s, e: {"extension_told_at": e.at},
    Action.FLAG_EMERGENCY: lambda s, e: {"emergency_at": e.at},
    Action.FIRST_REPLY: lambda s, e: {"first_reply_at": e.at},
    Action.ROUTE_PETITION: lambda s, e: {"petition_at": e.at},
    Action.LEGAL_PROCEDURE: lambda s, e: {"legal_at": e.at},
    Action.FEEDBACK: _feedback,
    Action.REPLY: _reply,
    Action.RATE: _rate,
    Action.REPORT_UNSATISFIED: lambda s, e: {"unsatisfied_reported_at": e.at},
    Action.REDO: _redo,
    Action.CLOSE: lambda s, e: {
        "status": Status.CLOSED,
        "closed_at": e.at,
        "outcome": Outcome(e.data.get("outcome", Outcome.SOLVED)),
    },
    Action.ARCHIVE: lambda s, e: {"status": Status.ARCHIVED, "archived_at": e.at},
    Action.ESCALATE: _escalate,
    Action.REFER: _refer,
    Action.CHASE: _referral_step,
    Action.ANSWER_REFERRAL: _referral_step,
}


def _fold(draft: Draft, events: Iterable[Event]) -> OrderState:
    values = vars(draft)
    for event in events:
        values.update(_FOLD[event.action](draft, event))
        values["last_event_at"] = event.at
    return OrderState(**values)


def apply(state: OrderState, event: Event) -> OrderState:
    """The state after one more event."""
    return _fold(SimpleNamespace(**asdict(state, recurse=False)), (event,))


def replay(record: OrderRecord, events: Iterable[Event]) -> OrderState:
    """The state that a record as received and its events explain."""
    start = record.received_at
    return _fold(SimpleNamespace(**_INITIAL, record=record, dispatched_at=start, last_event_at=start), events)


_INITIAL: dict[str, object] = {
    a.name: a.default
    for a in fields(OrderState)
    if a.name not in ("record", "dispatched_at", "last_event_at")
}
_INITIAL["status"] = Status.RECEIVED
