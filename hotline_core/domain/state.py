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
from hotline_core.domain.organization import RIGHTS_DEPT, Unit, UnitKind
from hotline_core.domain.vocabulary import Action, ContactResult, DeclineReason, Outcome, Rating, Status

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

    @property
    def open_supervisions(self) -> tuple[Supervision, ...]:
        return tuple(s for s in self.supervisions if s.answered_at is None)

    @property
    def with_unit(self) -> bool:
        """True while a county or a department owes the rights department a result."""
        return self.owner.kind is not UnitKind.RIGHTS_DEPT


# Each event's handler returns the fields it changes. The fold applies them to a
# plain namespace and builds the frozen state once at the end: one object per
# replay instead of one per event, which matters when thousands of orders load.
Changes = dict[str, object]
Draft = SimpleNamespace


def _receive(s: Draft, e: Event) -> Changes:
    return {
        "emergency_at": e.at if s.record.emergency else None,
        "petition_at": e.at if s.record.petition else None,
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
    changes: Changes = {"status": Status.FEEDBACK_GIVEN, "feedback_at": e.at}
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


def _submit_result(s: Draft, e: Event) -> Changes:
    answered = tuple(
        evolve(v, answered_at=e.at) if v.answered_at is None and v.unit == s.owner else v
        for v in s.supervisions
    )
    return {"owner": RIGHTS_DEPT, "result_at": e.at, "supervisions": answered}


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
    Action.ASSIGN: lambda s, e: {"owner": Unit.department(e.data["to"])},
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
