"""Major, special or abnormal situations (重大、特殊或异常情况, source 四(五)).

Such a situation "is reported at once to the party group and the board (党组、理事会),
with the measures needed taken in time". An :class:`Incident` is that report: what
happened, the measures taken, who was told and when; then its follow-ups (each saying
what was done, and who was told again) until it is closed with how it ended. It may come
from an order (a caller threatening self-harm, a group complaint) or stand on its own.
Opening one alerts the leader at once (``incident_alert``), as an emergency order does.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from attrs import evolve, frozen

from hotline_core.domain.duties.reading import LINE, LONG, Details
from hotline_core.domain.escalation import LEADER, Alert, AlertKind
from hotline_core.domain.intake import FORM
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import refuse
from hotline_core.domain.vocabulary import Place

PARTY_GROUP_AND_BOARD = "党组、理事会"


class IncidentStepKind(StrEnum):
    FOLLOW_UP = "follow_up"
    CLOSE = "close"

    @property
    def label(self) -> str:
        return "续报" if self is IncidentStepKind.FOLLOW_UP else "结束"


@frozen
class IncidentStep:
    """A follow-up (what was done since) or the close (how it ended); ``told``: who heard of it."""

    at: datetime
    actor: str
    kind: IncidentStepKind
    text: str
    told: str = ""


@frozen
class Incident:
    id: str
    opened_at: datetime
    actor: str
    title: str
    what: str  # what happened
    measures: str  # the measures taken
    told: str  # who was told: the party group and the board, by default
    told_at: datetime
    place: Place = Place.PREFECTURE
    order_id: str = ""
    steps: tuple[IncidentStep, ...] = ()

    @property
    def closed(self) -> bool:
        return any(s.kind is IncidentStepKind.CLOSE for s in self.steps)

    @property
    def closed_at(self) -> datetime | None:
        return next((s.at for s in self.steps if s.kind is IncidentStepKind.CLOSE), None)

    @property
    def last_at(self) -> datetime:
        return self.steps[-1].at if self.steps else self.opened_at


INCIDENT_FIELDS = ("title", "what", "measures", "told", "told_at", "county", "at")


def open_incident(
    incident_id: str, details: Mapping[str, str], actor: Person, now: datetime, order: WorkOrder | None = None
) -> Incident:
    """The report as first made; ``title`` defaults to the start of what happened. ``at``: when
    it happened (now, unless said); ``told_at``: when the party group and the board were told."""
    read = Details(details, INCIDENT_FIELDS)
    what = read.text("what", LONG, required=True)
    at = read.moment("at", now, order.record.received_at if order is not None else None)
    told_at = read.moment("told_at", now, at if details.get("at") else None)  # told, then typed in
    named: Place | None = read.read("county", FORM["county"].read)
    incident = Incident(
        id=incident_id,
        opened_at=at,
        actor=actor.login,
        title=read.text("title", LINE) or what[:30],
        what=what,
        measures=read.text("measures", LONG, required=True),
        told=read.text("told", LINE) or PARTY_GROUP_AND_BOARD,
        told_at=told_at,
        place=order.state.record.place if order is not None else (named or Place.PREFECTURE),
        order_id=order.id if order is not None else "",
    )
    read.check()
    return incident


STEP_FIELDS = ("text", "told", "at")


def incident_step(
    incident: Incident, kind: IncidentStepKind, details: Mapping[str, str], actor: Person, now: datetime
) -> Incident:
    """One more follow-up, or the close; nothing follows a closed incident."""
    if incident.closed:
        raise refuse("incident_closed", "", id=incident.id)
    read = Details(details, STEP_FIELDS)
    at = read.moment("at", now, incident.last_at)
    step = IncidentStep(
        at, actor.login, kind, read.text("text", LONG, required=True), read.text("told", LINE)
    )
    read.check()
    return evolve(incident, steps=(*incident.steps, step))


def incident_alert(incident: Incident, now: datetime) -> Alert:
    """The leader hears of the report at once (SPEC 6, as for an emergency), once per incident."""
    return Alert(
        f"incident:{incident.id}",
        AlertKind.INCIDENT,
        now,
        (LEADER,),
        incident.order_id,
        "incident",
        subject=incident.id,
    )
