"""Services to disabled citizens besides the answer (source 四(三)).

The rights department's staff "do policy publicity, legal education and psychological
counselling, and provide legal aid where a case calls for it". Each service given is a
:class:`ServiceRecord`, against an order or a citizen named on its own, counted in the
county it was given for. Counselling is recorded talk by talk, each with the date of its
follow-up; a follow-up due and not done alerts the unit that gave the talk. Legal aid is a
referral to the legal aid centre whose answer is tracked until it comes back:
referred → accepted or refused → (accepted) concluded with its outcome.

As with orders, nothing is changed in place: a later step is appended to ``steps``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum

from attrs import Factory, evolve, frozen

from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.duties.reading import LINE, LONG, SHORT, Details
from hotline_core.domain.escalation import Alert, AlertKind, unit_recipient
from hotline_core.domain.intake import FORM
from hotline_core.domain.model import Citizen
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person, Unit, UnitKind
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.vocabulary import Place

LEGAL_AID_CENTRE = "法律援助中心"


class ServiceKind(StrEnum):
    PUBLICITY = "publicity"
    LEGAL_EDUCATION = "legal_education"
    COUNSELLING = "counselling"
    LEGAL_AID = "legal_aid"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ServiceKind.PUBLICITY: "政策宣传",
    ServiceKind.LEGAL_EDUCATION: "法制教育",
    ServiceKind.COUNSELLING: "心理疏导",
    ServiceKind.LEGAL_AID: "法律援助",
}


class ServiceStep(StrEnum):
    """What can happen to a service after it is recorded."""

    ACCEPTED = "accepted"  # the legal aid centre took the case
    REFUSED = "refused"  # the centre did not (with its reason): the referral is back
    CONCLUDED = "concluded"  # the case is over (with its outcome): the referral is back
    FOLLOWED_UP = "followed_up"  # a counselling talk's follow-up was done

    @property
    def label(self) -> str:
        return _STEP_LABELS[self]


_STEP_LABELS = {
    ServiceStep.ACCEPTED: "援助中心已受理",
    ServiceStep.REFUSED: "援助中心不予受理",
    ServiceStep.CONCLUDED: "援助已办结",
    ServiceStep.FOLLOWED_UP: "已回访",
}


class LegalAidState(StrEnum):
    REFERRED = "referred"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    CONCLUDED = "concluded"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    LegalAidState.REFERRED: "已转介",
    LegalAidState.ACCEPTED: "已受理",
    LegalAidState.REFUSED: "不予受理",
    LegalAidState.CONCLUDED: "已办结",
}


@frozen
class Step:
    at: datetime
    actor: str
    step: ServiceStep
    note: str = ""  # the centre's reason for a refusal, the outcome of a concluded case


@frozen
class ServiceRecord:
    """One service given. ``topic`` says what: the policy explained, the law taught, what the
    talk was about, the legal matter referred. ``unit`` is who gave it (whose inbox hears of
    its follow-up); ``place`` is the county it counts for (the order's, if on an order)."""

    id: str
    kind: ServiceKind
    at: datetime
    actor: str
    unit: Unit
    place: Place
    topic: str
    order_id: str = ""
    citizen: Citizen = Factory(Citizen)
    note: str = ""
    follow_up: date | None = None
    centre: str = ""
    steps: tuple[Step, ...] = ()

    def steps_by(self, moment: datetime) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.at <= moment)

    def legal_aid_state(self, moment: datetime | None = None) -> LegalAidState | None:
        """Where a referral stands (as of ``moment``, by default now); None for other kinds."""
        if self.kind is not ServiceKind.LEGAL_AID:
            return None
        steps = self.steps if moment is None else self.steps_by(moment)
        return LegalAidState(steps[-1].step.value) if steps else LegalAidState.REFERRED

    @property
    def outcome(self) -> str:
        """The concluded case's outcome or the refusal's reason; empty while the referral is out."""
        back = [s for s in self.steps if s.step in (ServiceStep.REFUSED, ServiceStep.CONCLUDED)]
        return back[-1].note if back else ""

    @property
    def followed_up(self) -> bool:
        return any(s.step is ServiceStep.FOLLOWED_UP for s in self.steps)

    def follow_up_due(self, today: date) -> bool:
        """A counselling talk whose follow-up date has come and which nobody followed up."""
        return self.follow_up is not None and not self.followed_up and today >= self.follow_up


SERVICE_FIELDS = (
    "order",
    "name",
    "phone",
    "disability",
    "county",
    "topic",
    "note",
    "at",
    "follow_up",
    "centre",
)


def new_service(
    service_id: str,
    kind: ServiceKind,
    details: Mapping[str, str],
    actor: Person,
    now: datetime,
    order: WorkOrder | None = None,
) -> ServiceRecord:
    """The service a person records, every field checked. ``order`` is the order named by
    ``order=`` (looked up and its visibility checked by the caller); a service on no order
    names its citizen. Counselling needs its follow-up date; legal aid goes to the legal aid
    centre unless another is named."""
    read = Details(details, SERVICE_FIELDS)
    citizen = Citizen(
        name=read.text("name", SHORT),
        phone=read.text("phone", FORM["phone"].read),
        disability=read.read("disability", FORM["disability"].read),
    )
    if order is None and not citizen.name:
        read.problems.append(Problem("name", "order_or_citizen"))
    place = _place(read, actor, order)
    at = read.moment("at", now, order.record.received_at if order is not None else None)
    follow_up = read.day("follow_up", required=kind is ServiceKind.COUNSELLING)
    if follow_up is not None and kind is not ServiceKind.COUNSELLING:
        read.problems.append(Problem("follow_up", "counselling_only"))
    elif follow_up is not None and follow_up < at.astimezone(SHANGHAI).date():
        read.problems.append(Problem("follow_up", "follow_up_before_talk"))
    centre = read.text("centre", SHORT)
    if centre and kind is not ServiceKind.LEGAL_AID:
        read.problems.append(Problem("centre", "legal_aid_only"))
    record = ServiceRecord(
        id=service_id,
        kind=kind,
        at=at,
        actor=actor.login,
        unit=actor.unit,
        place=place,
        topic=read.text("topic", LINE, required=True),
        order_id=order.id if order is not None else "",
        citizen=citizen,
        note=read.text("note", LONG),
        follow_up=follow_up,
        centre=(centre or LEGAL_AID_CENTRE) if kind is ServiceKind.LEGAL_AID else "",
    )
    read.check()
    return record


def _place(read: Details, actor: Person, order: WorkOrder | None) -> Place:
    """The county a service counts for: its order's; else the one named (a county clerk's own)."""
    named: Place | None = read.read("county", FORM["county"].read)
    if order is not None:
        return order.state.record.place
    if actor.county is not None and actor.unit.kind is UnitKind.COUNTY:
        if named is not None and named is not actor.county:
            read.problems.append(Problem("county", "own_county_only", {"county": actor.county.value}))
        return actor.county
    return named or Place.PREFECTURE


# Which step may follow which state: the referral's path, and a counselling talk's follow-up.
_NEXT: dict[LegalAidState | None, frozenset[ServiceStep]] = {
    LegalAidState.REFERRED: frozenset({ServiceStep.ACCEPTED, ServiceStep.REFUSED}),
    LegalAidState.ACCEPTED: frozenset({ServiceStep.CONCLUDED}),
    LegalAidState.REFUSED: frozenset(),
    LegalAidState.CONCLUDED: frozenset(),
}
# What a step must say: why the centre refused, what the case came to; the others may add a note.
_NOTE_REQUIRED = {ServiceStep.REFUSED: "reason", ServiceStep.CONCLUDED: "outcome"}


def next_steps(record: ServiceRecord) -> frozenset[ServiceStep]:
    """The steps that make sense for ``record`` now (for menus, and the check below)."""
    if record.kind is ServiceKind.COUNSELLING:
        return (
            frozenset()
            if record.followed_up or record.follow_up is None
            else frozenset({ServiceStep.FOLLOWED_UP})
        )
    return _NEXT.get(record.legal_aid_state(), frozenset())


def service_step(
    record: ServiceRecord, step: ServiceStep, details: Mapping[str, str], actor: Person, now: datetime
) -> ServiceRecord:
    """``record`` with one more step: the legal aid centre's answer or the case's outcome, or a
    counselling follow-up done. A step that does not fit where the service stands is refused."""
    if step not in next_steps(record):
        raise refuse("service_step_not_now", "step", step=step.value, id=record.id)
    required = _NOTE_REQUIRED.get(step)
    read = Details(details, (required or "note", "at"))
    previous = record.steps[-1].at if record.steps else record.at
    at = read.moment("at", now, previous)
    note = read.text(required, LONG, required=True) if required else read.text("note", LONG)
    read.check()
    return evolve(record, steps=(*record.steps, Step(at, actor.login, step, note)))


def service_kind(text: str) -> ServiceKind:
    """A kind from its code or Chinese label (``legal_aid``, ``法律援助``)."""
    for kind in ServiceKind:
        if text.strip() in (kind.value, kind.label):
            return kind
    choices = "、".join(ServiceKind)
    raise InvalidInput([Problem("kind", "not_in_list", {"choices": choices})])


def step_of(text: str) -> ServiceStep:
    try:
        return ServiceStep(text.strip())
    except ValueError:
        raise InvalidInput([Problem("step", "not_in_list", {"choices": "、".join(ServiceStep)})]) from None


def follow_up_alerts(records: list[ServiceRecord], today: date, now: datetime) -> list[Alert]:
    """A counselling follow-up due (its date has come, nobody followed up) lands in the inbox of
    the unit that gave the talk; the key holds the date, so each talk alerts once."""
    return [
        Alert(
            f"service:{r.id}:follow_up:{r.follow_up.isoformat()}",
            AlertKind.FOLLOW_UP_DUE,
            now,
            (unit_recipient(r.unit),),
            r.order_id,
            "follow_up",
            subject=r.id,
        )
        for r in records
        if r.follow_up is not None and r.follow_up_due(today)
    ]
