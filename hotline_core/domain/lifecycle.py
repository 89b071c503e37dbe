"""The lifecycle rules (SPEC section 4): which action is allowed when.

:func:`decide` turns a person's :class:`Command` into the :class:`Event` to
record, or raises :class:`Refused` / :class:`InvalidInput` with the reason;
in both cases nothing is recorded. Each action has one :class:`Rule`: a
precondition on the order's state (also used to offer only the actions that
make sense now) and a reader that checks and normalises the command's data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from attrs import evolve, frozen

from hotline_core.domain.calendar import WorkingCalendar, shanghai_date
from hotline_core.domain.events import Command, Event
from hotline_core.domain.intake import (
    LONG_TEXT,
    BadValue,
    as_text,
    correct_record,
    flatten,
    missing_for_close,
    read_moment,
)
from hotline_core.domain.limits import LimitEvaluator, LimitState
from hotline_core.domain.model import OrderRecord
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import DEFAULT_ORGANIZATION, Organization, Person, UnitKind
from hotline_core.domain.permissions import permission_problem
from hotline_core.domain.policy import DEFAULT_SCHEDULE, PolicySchedule
from hotline_core.domain.problems import InvalidInput, Problem, Refused, refuse
from hotline_core.domain.state import FINISHED, OrderState
from hotline_core.domain.vocabulary import (
    Action,
    ContactResult,
    DeclineReason,
    Outcome,
    Place,
    Rating,
    Status,
)

Data = dict[str, str]


def _status_in(*allowed: Status) -> Callable[[OrderState], None]:
    def check(state: OrderState) -> None:
        if state.status not in allowed:
            raise refuse("wrong_status", status=state.status.value)

    return check


def _all(*checks: Callable[[OrderState], None]) -> Callable[[OrderState], None]:
    def check(state: OrderState) -> None:
        for one in checks:
            one(state)

    return check


def _when(test: Callable[[OrderState], bool], code: str) -> Callable[[OrderState], None]:
    def check(state: OrderState) -> None:
        if not test(state):
            raise refuse(code)

    return check


def _text(command: Command, name: str) -> str:
    value = command.data.get(name, "").strip()
    if not value:
        raise InvalidInput([Problem(name, "required")])
    if len(value) > LONG_TEXT:  # a feedback becomes the record's reply, which holds no more
        raise InvalidInput([Problem(name, "too_long", {"limit": LONG_TEXT, "length": len(value)})])
    return value


def _texts(*names: str) -> Callable[..., Data]:
    def read(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
        return {name: _text(command, name) for name in names}

    return read


def _nothing(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    return {}


def _decline(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    reason = _text(command, "reason")
    match = [r for r in DeclineReason if reason in (r.value, r.label)]
    if not match:
        raise InvalidInput([Problem("reason", "not_in_list", {"choices": "、".join(DeclineReason)})])
    return {"reason": match[0].value, **_texts("explanation", "guidance")(state, command, now, org)}


def _record(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    if not command.data:
        raise InvalidInput([Problem("", "nothing_to_record")])
    values = flatten(correct_record(state.record, command.data))
    return {name: as_text(values[name]) for name in command.data}


def _transfer(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    to = _text(command, "to")
    if to not in {p.value for p in Place if p.is_county}:
        raise InvalidInput([Problem("to", "not_a_county")])
    return {"to": to}


def _assign(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    """To a department of the federation; a county's own order, to one of the county's clerks."""
    to = _text(command, "to")
    if state.level.kind is UnitKind.COUNTY:
        staff = org.staff_of(state.level.place)
        if to not in staff:
            raise InvalidInput([Problem("to", "not_county_staff", {"choices": "、".join(staff)})])
        return {"to": to, "staff": "yes"}
    if not org.has_department(to):
        raise InvalidInput([Problem("to", "not_a_department", {"choices": "、".join(org.departments)})])
    return {"to": to}


def _government(command: Command, org: Organization) -> str:
    to = _text(command, "to")
    if not org.has_government(to):
        raise InvalidInput([Problem("to", "not_a_government_dept", {"choices": "、".join(org.government)})])
    return to


def _refer(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    """Pass the order to a government department for its part; once at a time per department."""
    to = _government(command, org)
    if any(r.unit.name == to for r in state.open_referrals):
        raise refuse("referral_open", to=to)
    return {"to": to, **_optional_text(state, command, now, org)}


def _on_referral(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    """A chase (督办) or an answer, about the department's open referral; the only one open may
    go unnamed."""
    named = command.data.get("to", "").strip()
    open_ = [r.unit.name for r in state.open_referrals]
    to = named or (open_[0] if len(open_) == 1 else _government(command, org))
    if to not in open_:
        raise refuse("no_open_referral", to=to)
    text = _texts("text")(state, command, now, org) if command.action is Action.ANSWER_REFERRAL else {}
    return {"to": to, **text}


def _request_extension(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    reason = _text(command, "reason")
    try:
        until = read_moment(_text(command, "until"))
    except BadValue:
        raise InvalidInput([Problem("until", "bad_datetime")]) from None
    if until <= now:
        raise InvalidInput([Problem("until", "not_in_future")])
    return {"until": until.isoformat(), "reason": reason}


def _approve_extension(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    by = command.data.get("by", "").strip()
    if by not in ("leader", "center"):
        raise InvalidInput([Problem("by", "not_in_list", {"choices": "leader、center"})])
    assert state.extension is not None
    if getattr(state.extension, f"{by}_at") is not None:
        raise refuse("already_approved", by=by)
    return {"by": by}


def _tell_extension(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    """What the citizen is told: the approved extension's reason and new due time."""
    approved = state.extensions[-1]
    return {"reason": approved.reason, "until": approved.until.isoformat()} | _optional_text(
        state, command, now, org
    )


def _rate(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    level = _text(command, "level")
    match = [r for r in Rating if level in (r.value, r.label)]
    if not match:
        raise InvalidInput([Problem("level", "not_in_list", {"choices": "、".join(Rating)})])
    return {"level": match[0].value}


def _close(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    """The record complete, and what the order came to (solved unless said otherwise)."""
    missing = missing_for_close(state.record)
    if missing:
        raise InvalidInput(missing)
    return _choice(command, "outcome", (Outcome.SOLVED, Outcome.EXPLAINED, Outcome.REFERRED))


def _choice(command: Command, name: str, choices: tuple[str, ...]) -> Data:
    """An optional parameter that must be one of ``choices`` when given."""
    value = command.data.get(name, "").strip()
    if not value:
        return {}
    if value not in choices:
        raise InvalidInput([Problem(name, "not_in_list", {"choices": "、".join(choices)})])
    return {name: value}


_YES, _NO = frozenset({"yes", "true", "1", "是"}), frozenset({"", "no", "false", "0", "否"})


def _flag(command: Command, name: str) -> bool:
    """A yes/no parameter (a form's choice or a command line's ``unreachable=yes``); absent is no."""
    value = command.data.get(name, "").strip().lower()
    if value not in _YES | _NO:
        raise InvalidInput([Problem(name, "not_in_list", {"choices": "yes、no"})])
    return value in _YES


def _contact(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    """One attempt to reach the citizen: reached (the default), no answer, wrong number, refused."""
    return _choice(command, "result", tuple(ContactResult))


def _feedback(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    """Text and at least one image (a named file or an attachment), or the reason there is none;
    without the citizen reached, it says so (``unreachable``), which the call log must bear out."""
    text = _text(command, "text")
    unreachable: Data = {}
    if state.contacted_at is None:
        if not _flag(command, "unreachable"):
            raise refuse("not_contacted")
        unreachable = {"unreachable": "yes"}
    images = ",".join(n.strip() for n in command.data.get("images", "").split(",") if n.strip())
    reason = command.data.get("no_image_reason", "").strip()
    if not images and not command.attachments and not reason:
        raise InvalidInput([Problem("images", "feedback_needs_image")])
    return (
        {"text": text}
        | ({"images": images} if images else {})
        | ({"no_image_reason": reason} if reason else {})
        | unreachable
    )


def _optional_text(state: OrderState, command: Command, now: datetime, org: Organization) -> Data:
    text = command.data.get("text", "").strip()
    return {"text": text} if text else {}


@frozen
class Rule:
    """When an action is possible, and how its data is checked."""

    precondition: Callable[[OrderState], None]
    read: Callable[[OrderState, Command, datetime, Organization], Data] = _nothing


_OPEN = (Status.RECEIVED, Status.HANDLING)
_not_with_unit = _when(lambda s: not s.with_unit, "with_unit")
_extension_pending = _all(
    _when(lambda s: s.status not in FINISHED, "finished"),  # a closed order's deadline is history
    _when(lambda s: s.extension is not None and not s.extension.approved, "no_extension_pending"),
)

RULES: dict[Action, Rule] = {
    Action.SIGN: Rule(_status_in(Status.RECEIVED)),
    Action.REQUEST_RETURN: Rule(_all(_status_in(*_OPEN), _not_with_unit), _texts("reason", "basis")),
    Action.APPROVE_RETURN: Rule(_status_in(Status.RETURN_REQUESTED)),
    Action.REFUSE_RETURN: Rule(_status_in(Status.RETURN_REQUESTED)),
    Action.DECLINE: Rule(_all(_status_in(*_OPEN), _not_with_unit), _decline),
    Action.CONTACT: Rule(_status_in(Status.HANDLING, Status.FEEDBACK_GIVEN), _contact),
    Action.RECORD: Rule(
        _when(lambda s: s.status not in (Status.RETURNED, Status.ARCHIVED), "wrong_status_record"), _record
    ),
    Action.TRANSFER: Rule(_all(_status_in(Status.HANDLING), _not_with_unit), _transfer),
    Action.ASSIGN: Rule(_all(_status_in(Status.HANDLING), _not_with_unit), _assign),
    Action.SUBMIT_RESULT: Rule(
        _all(_status_in(Status.HANDLING), _when(lambda s: s.with_unit, "not_with_unit")), _texts("text")
    ),
    # The rights department chases a unit it passed the order to, or a county's own order.
    Action.SUPERVISE: Rule(
        _all(
            _status_in(Status.HANDLING),
            _when(lambda s: s.owner.kind is not UnitKind.RIGHTS_DEPT, "not_with_unit"),
            _when(lambda s: not any(v.unit == s.owner for v in s.open_supervisions), "already_supervised"),
        )
    ),
    Action.REQUEST_EXTENSION: Rule(
        _all(
            _status_in(Status.HANDLING),
            _when(lambda s: s.extension is None or s.extension.approved, "extension_pending"),
        ),
        _request_extension,
    ),
    Action.APPROVE_EXTENSION: Rule(_extension_pending, _approve_extension),
    Action.REFUSE_EXTENSION: Rule(_extension_pending),
    # Source 三(一)4: once approved, the citizen is told the reason, time and new due time.
    Action.TELL_EXTENSION: Rule(
        _when(
            lambda s: s.extension_approved_at is not None and s.extension_told_at is None, "nothing_to_tell"
        ),
        _tell_extension,
    ),
    Action.FLAG_EMERGENCY: Rule(
        _all(
            _when(lambda s: s.status not in FINISHED, "finished"),
            _when(lambda s: s.emergency_at is None, "already_emergency"),
        )
    ),
    Action.FIRST_REPLY: Rule(
        _all(
            _when(lambda s: s.emergency_at is not None, "not_emergency"),
            _when(lambda s: s.first_reply_at is None, "already_replied"),
        ),
        _optional_text,
    ),
    Action.ROUTE_PETITION: Rule(
        _all(_status_in(*_OPEN), _when(lambda s: s.petition_at is None, "already_petition"))
    ),
    Action.LEGAL_PROCEDURE: Rule(
        _all(_status_in(*_OPEN), _when(lambda s: s.legal_at is None, "already_legal"))
    ),
    Action.FEEDBACK: Rule(
        _all(
            _status_in(Status.HANDLING),
            _not_with_unit,
            _when(lambda s: s.contacted_at is not None or bool(s.contact_attempts), "not_contacted"),
        ),
        _feedback,
    ),
    Action.REPLY: Rule(_status_in(Status.HANDLING, Status.FEEDBACK_GIVEN), _texts("text")),
    # The center's rating comes after the feedback, and may come after the close (SPEC 4.2).
    Action.RATE: Rule(
        _all(
            _status_in(Status.FEEDBACK_GIVEN, Status.CLOSED),
            _when(lambda s: s.rating is None, "already_rated"),
        ),
        _rate,
    ),
    Action.REPORT_UNSATISFIED: Rule(
        _all(
            _when(lambda s: s.unsatisfied_at is not None, "not_unsatisfied"),
            _when(lambda s: s.unsatisfied_reported_at is None, "already_reported"),
        ),
        _texts("text"),
    ),
    # SPEC 4.2: the center sends an order back for redo after an unsatisfied rating.
    Action.REDO: Rule(
        _all(
            _status_in(Status.FEEDBACK_GIVEN, Status.CLOSED),
            _when(lambda s: s.rating is Rating.UNSATISFIED, "not_unsatisfied"),
        )
    ),
    Action.CLOSE: Rule(
        _all(
            _status_in(Status.FEEDBACK_GIVEN),
            _when(
                lambda s: s.unsatisfied_at is None or s.unsatisfied_reported_at is not None,
                "unsatisfied_not_reported",
            ),
        ),
        _close,
    ),
    Action.ARCHIVE: Rule(_status_in(Status.CLOSED, Status.DECLINED, Status.RETURNED)),
    # Issue 18: a county's own order goes up to the prefecture; any order may be passed to a
    # government department for its part, chased and answered.
    Action.ESCALATE: Rule(
        _all(_status_in(*_OPEN), _when(lambda s: s.level.kind is UnitKind.COUNTY, "not_county_order"))
    ),
    Action.REFER: Rule(_all(_status_in(Status.HANDLING), _not_with_unit), _refer),
    Action.CHASE: Rule(_when(lambda s: bool(s.open_referrals), "no_open_referral"), _on_referral),
    Action.ANSWER_REFERRAL: Rule(_when(lambda s: bool(s.open_referrals), "no_open_referral"), _on_referral),
}


def _check_time(state: OrderState, now: datetime) -> None:
    if now.tzinfo is None:
        raise refuse("naive_time")
    if now < state.last_event_at:
        raise refuse("before_last_event", last=state.last_event_at.isoformat())


# The steps a clerk may enter after the fact, saying when they happened (``at=``, SPEC 10).
BACK_DATABLE = frozenset({Action.CONTACT, Action.FIRST_REPLY, Action.RECORD})


def _happened(state: OrderState, command: Command, now: datetime) -> datetime:
    """When the step happened: ``now``, or the ``at`` given for a step entered after the fact,
    never in the future nor before the order's previous step."""
    text = command.data.get("at", "").strip()
    if not text:
        return now
    if command.action not in BACK_DATABLE:
        raise InvalidInput([Problem("at", "not_back_datable")])
    try:
        happened = read_moment(text)
    except BadValue:
        raise InvalidInput([Problem("at", "bad_datetime")]) from None
    if happened > now:
        raise InvalidInput([Problem("at", "at_in_future")])
    if happened < state.last_event_at:
        raise InvalidInput(
            [Problem("at", "at_before_previous_step", {"last": state.last_event_at.isoformat()})]
        )
    return happened


def _check_unreachable(
    order: WorkOrder, now: datetime, calendar: WorkingCalendar | None, schedule: PolicySchedule
) -> None:
    """ "Could not reach the citizen" needs the policy's failed attempts on enough working days."""
    policy = schedule.policy_for(order.record.received_at, order.state.home)
    calendar = calendar or WorkingCalendar.default()
    unanswered = (ContactResult.NO_ANSWER, ContactResult.WRONG_NUMBER)
    failed = [a.at for a in order.state.contact_attempts if a.result in unanswered]
    days = {shanghai_date(moment) for moment in failed if calendar.is_working_day(moment)}
    if len(failed) < policy.unreachable_attempts or len(days) < policy.unreachable_days:
        params = {"attempts": policy.unreachable_attempts, "days": policy.unreachable_days}
        raise InvalidInput([Problem("unreachable", "unreachable_too_soon", params)])


def _check_extension(
    order: WorkOrder, data: Data, now: datetime, calendar: WorkingCalendar | None, schedule: PolicySchedule
) -> None:
    """An extension is asked for by the close due time standing now, for a later time (SPEC 4.2)."""
    close = LimitEvaluator(now, calendar, schedule).limits(order)["close"]
    if close.due is None or close.state is LimitState.NOT_APPLICABLE:
        return
    due = close.due.isoformat(timespec="minutes")
    if now > close.due:
        raise refuse("extension_late", due=due)
    if datetime.fromisoformat(data["until"]) <= close.due:
        raise InvalidInput([Problem("until", "extension_not_later", {"due": due})])


def decide(
    order: WorkOrder,
    command: Command,
    actor: Person,
    now: datetime,
    org: Organization = DEFAULT_ORGANIZATION,
    calendar: WorkingCalendar | None = None,
    schedule: PolicySchedule = DEFAULT_SCHEDULE,
) -> Event:
    """The event that ``command`` records now, or a refusal saying why not.

    ``calendar`` and ``schedule`` give the deadlines a rule depends on (an extension
    must be asked for by the close due time standing, for a later time).
    """
    state = order.state
    if command.action is Action.RECEIVE:
        raise refuse("receive_is_intake")
    _check_time(state, now)
    rule = RULES[command.action]
    rule.precondition(state)
    problem = permission_problem(actor, command, state)
    if problem is not None:
        raise refuse(problem.code, **dict(problem.params))
    happened = _happened(state, command, now)
    if "at" in command.data:
        command = evolve(command, data={k: v for k, v in command.data.items() if k != "at"})
    data = rule.read(state, command, happened, org)
    if command.action is Action.REQUEST_EXTENSION:
        _check_extension(order, data, now, calendar, schedule)
    if data.get("unreachable"):
        _check_unreachable(order, now, calendar, schedule)
    entered = now if happened != now else None
    return Event(
        happened, actor.login, command.action, command.note.strip(), data, command.attachments, entered
    )


def perform(
    order: WorkOrder,
    command: Command,
    actor: Person,
    now: datetime,
    org: Organization = DEFAULT_ORGANIZATION,
    calendar: WorkingCalendar | None = None,
    schedule: PolicySchedule = DEFAULT_SCHEDULE,
) -> WorkOrder:
    """The order with the command's event recorded (see :func:`decide`)."""
    return order.with_event(decide(order, command, actor, now, org, calendar, schedule))


def receive(record: OrderRecord, actor: str = "center", county: Place | None = None) -> WorkOrder:
    """A new order as pushed by the center; its first event is its receipt. With ``county``,
    an order that county federation took in itself (its own channels), at its level."""
    data = {"unit": county.value} if county is not None else {}
    return WorkOrder(record, (Event(record.received_at, actor, Action.RECEIVE, data=data),))


def available_actions(order: WorkOrder, actor: Person) -> list[Action]:
    """The actions this person could take on this order now, for menus and key bindings."""
    offered = []
    for action, rule in RULES.items():
        try:
            rule.precondition(order.state)
        except Refused:
            continue
        for probe in _probes(action):
            if permission_problem(actor, probe, order.state) is None:
                offered.append(action)
                break
    return offered


def _probes(action: Action) -> Iterable[Command]:
    if action is Action.APPROVE_EXTENSION:
        return (Command(action, {"by": "leader"}), Command(action, {"by": "center"}))
    return (Command(action),)


def audit(order: WorkOrder) -> list[Problem]:
    """Problems in an order's trail: each event must be one the rules allowed, in time order.

    Used by ``hotline check``: a trail edited by hand, or written by a
    faulty program, shows up here instead of silently changing a state.
    """
    problems: list[Problem] = []
    events = order.events
    if not events or events[0].action is not Action.RECEIVE:
        problems.append(Problem("", "trail_without_receipt", {"id": order.id}))
    for index in range(1, len(events)):
        event, before = events[index], WorkOrder(order.record, events[:index]).state
        if event.at < before.last_event_at:
            problems.append(Problem("", "trail_out_of_order", {"id": order.id, "step": index}))
        try:
            RULES[event.action].precondition(before)
        except (Refused, KeyError):
            problems.append(
                Problem(
                    "", "trail_not_allowed", {"id": order.id, "step": index, "action": event.action.value}
                )
            )
    return problems
