"""Use cases of the duties beyond the order (issue 19): services and major incidents (the
programme's are in :mod:`hotline_core.services.programme`).

Like the order use cases, each takes the acting login and ``now``, runs one transaction,
and either stores what the rules allowed or raises their refusal having stored nothing.
Who may do and see what is :mod:`hotline_core.domain.permissions`'s; what a person is
shown whole is written in the access log first (kind ``duty``), and goes out masked where
the log cannot be written, as orders do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import partial

from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.duties.incident import (
    Incident,
    IncidentStepKind,
    incident_alert,
    incident_step,
    open_incident,
)
from hotline_core.domain.duties.masking import masked_incident, masked_service
from hotline_core.domain.duties.service import (
    ServiceRecord,
    follow_up_alerts,
    new_service,
    service_kind,
    service_step,
    step_of,
)
from hotline_core.domain.escalation import Alert
from hotline_core.domain.model import Citizen
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.permissions import (
    Sight,
    duty_sight,
    may_record_service,
    may_report_incident,
    may_see,
    service_sight,
)
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.vocabulary import Place
from hotline_core.services.access import identify, logged_views
from hotline_core.services.orders import any_order
from hotline_core.services.ports import Repository, Session

# -- services (政策宣传, 法制教育, 心理疏导, 法律援助) ---------------------------------------------


def add_service(
    repo: Repository, actor: str, kind: str, details: Mapping[str, str], now: datetime, order_id: str = ""
) -> ServiceRecord:
    """``hotline service add KIND [--order ID] key=value...``: one service given."""
    archived = _archived(repo, order_id)
    with repo.transaction() as session:
        person = identify(session, actor)
        if not may_record_service(person, person.county or Place.PREFECTURE):  # no unit of theirs gives any
            raise refuse("not_permitted", action="service add", login=actor)
        order = _order(session, person, order_id, archived) if order_id else None
        record = new_service(
            _next_id(session.services(), "S"), service_kind(kind), details, person, now, order
        )
        if not may_record_service(person, record.place):
            raise refuse("not_permitted", action="service add", login=actor)
        session.put_service(record)
    return record


def update_service(
    repo: Repository, actor: str, service_id: str, step: str, details: Mapping[str, str], now: datetime
) -> ServiceRecord:
    """``hotline service update ID STEP``: the legal aid centre's answer, the case's outcome, or
    a counselling follow-up done."""
    with repo.transaction() as session:
        person = identify(session, actor)
        record = session.service(service_id)
        if record is None or _service_sight(session, person, record) is Sight.NONE:
            raise InvalidInput([Problem("service", "unknown_service", {"id": service_id})])
        if not may_record_service(person, record.place):
            raise refuse("not_permitted", action="service update", login=actor)
        updated = service_step(record, step_of(step), details, person, now)
        session.put_service(updated)
    return updated


def list_services(
    repo: Repository, actor: str, now: datetime, period: str | None = None
) -> list[ServiceRecord]:
    """The services ``actor`` may see (of ``period``, by the Beijing date given), masked where
    they may not see the citizen; the whole ones are logged."""
    session = repo.snapshot()
    person = identify(session, actor)
    from hotline_core.domain.reports.period import Period  # the reports load only when one is built

    within = Period.parse(period) if period else None
    mask = partial(_masked_service, repo, session)
    shown: list[tuple[ServiceRecord, ServiceRecord]] = []
    for record in session.services():
        if within is not None and not within.contains(record.at):
            continue
        seen = _service_sight(session, person, record)
        if seen is not Sight.NONE:
            view = record if seen is Sight.FULL else mask(record)
            shown.append((record, view))
    return logged_views(repo, person, AccessKind.DUTY, f"services {period or ''}".strip(), shown, now, mask)


def _service_sight(session: Session, person: Person, record: ServiceRecord) -> Sight:
    order = session.order(record.order_id) if record.order_id else None
    confidential = order is not None and order.state.record.confidential
    return service_sight(person, record.place, confidential)


def _masked_service(repo: Repository, session: Session, record: ServiceRecord) -> ServiceRecord:
    return masked_service(record, *_citizens(repo, session, record.order_id))


# -- major incidents (重大、特殊或异常情况) --------------------------------------------------------


def report_incident(
    repo: Repository, actor: str, details: Mapping[str, str], now: datetime, order_id: str = ""
) -> tuple[Incident, Alert]:
    """``hotline incident open``: the report made, and the leader alerted in the same transaction."""
    archived = _archived(repo, order_id)
    with repo.transaction() as session:
        person = identify(session, actor)
        if not may_report_incident(person):
            raise refuse("not_permitted", action="incident open", login=actor)
        order = _order(session, person, order_id, archived) if order_id else None
        incident = open_incident(_next_id(session.incidents(), "I"), details, person, now, order)
        alert = incident_alert(incident, now)
        session.put_incident(incident)
        session.put_alert(alert)
    return incident, alert


def follow_incident(
    repo: Repository,
    actor: str,
    incident_id: str,
    step: IncidentStepKind,
    details: Mapping[str, str],
    now: datetime,
) -> Incident:
    """``hotline incident follow-up|close``: what was done since, or how it ended."""
    with repo.transaction() as session:
        person = identify(session, actor)
        incident = _incident(session, person, incident_id)
        if not may_report_incident(person):
            raise refuse("not_permitted", action=f"incident {step.value}", login=actor)
        updated = incident_step(incident, step, details, person, now)
        session.put_incident(updated)
    return updated


def list_incidents(repo: Repository, actor: str, now: datetime) -> list[Incident]:
    session = repo.snapshot()
    person = identify(session, actor)
    seen = duty_sight(person)
    if seen is Sight.NONE:
        raise refuse("not_permitted", action="incident list", login=actor)
    mask = partial(_masked_incident, repo, session)
    pairs = [(i, i if seen is Sight.FULL else mask(i)) for i in session.incidents()]
    return logged_views(repo, person, AccessKind.DUTY, "incidents", pairs, now, mask)


def find_incident(repo: Repository, actor: str, incident_id: str, now: datetime) -> Incident:
    session = repo.snapshot()
    person = identify(session, actor)
    incident = _incident(session, person, incident_id)
    mask = partial(_masked_incident, repo, session)
    view = incident if duty_sight(person) is Sight.FULL else mask(incident)
    subject = f"incident {incident_id}"
    return logged_views(repo, person, AccessKind.DUTY, subject, [(incident, view)], now, mask)[0]


def _incident(session: Session, person: Person, incident_id: str) -> Incident:
    incident = session.incident(incident_id)
    if incident is None or duty_sight(person) is Sight.NONE:
        raise InvalidInput([Problem("incident", "unknown_incident", {"id": incident_id})])
    return incident


def _masked_incident(repo: Repository, session: Session, incident: Incident) -> Incident:
    return masked_incident(incident, *_citizens(repo, session, incident.order_id))


# -- alerts -----------------------------------------------------------------------------------


def duty_alerts(session: Session, now: datetime, raised: set[str]) -> list[Alert]:
    """Store and return the counselling follow-ups due at ``now`` not raised before (escalation)."""
    today = now.astimezone(SHANGHAI).date()
    fresh = [a for a in follow_up_alerts(session.services(), today, now) if a.key not in raised]
    for alert in fresh:
        session.put_alert(alert)
    return fresh


# -- shared -------------------------------------------------------------------------------------


def _archived(repo: Repository, order_id: str) -> WorkOrder | None:
    """The archived order ``order_id``, read before the transaction: the storage reads no
    archive inside one (an archive never changes, so reading it first is the same)."""
    return repo.archived_order(order_id) if order_id else None


def _order(session: Session, person: Person, order_id: str, archived: WorkOrder | None) -> WorkOrder:
    """The order a service or an incident is on, if ``person`` may see it (else: unknown)."""
    order = session.order(order_id) or archived
    if order is None or not may_see(person, order):
        raise InvalidInput([Problem("order", "unknown_order", {"id": order_id})])
    return order


def _citizens(repo: Repository, session: Session, order_id: str) -> tuple[Citizen, ...]:
    """The citizen of the order a service or an incident is on (as received and as corrected),
    whose data their texts may quote: open or archived."""
    order = any_order(repo, session, order_id) if order_id else None
    return () if order is None else order.citizens


def _next_id(existing: Sequence[ServiceRecord] | Sequence[Incident], prefix: str) -> str:
    """``S00001``, ``I00001``...: nothing is ever removed, so one more than there are is new."""
    return f"{prefix}{len(existing) + 1:05d}"
