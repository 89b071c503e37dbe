"""Use cases of escalation and the alert inbox (SPEC 6)."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.escalation import Alert, recipients_of, summary_alerts
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.quarters import Quarter, summary_due_in_force
from hotline_core.domain.vocabulary import Place
from hotline_core.services.access import identify
from hotline_core.services.duties import duty_alerts
from hotline_core.services.orders import raise_alerts
from hotline_core.services.outbox import raise_outbox_alerts
from hotline_core.services.ports import Repository, Session


def run_escalation(repo: Repository, now: datetime) -> list[Alert]:
    """Raise what is due at ``now``, the last quarter's missing county summaries included;
    running it again raises nothing twice."""
    with repo.transaction() as session:
        raised = session.alert_keys()
        fresh = raise_alerts(session, session.orders(), now, raised)
        settings = session.settings()
        quarter = Quarter.of(now.astimezone(SHANGHAI).date()).previous()
        due = summary_due_in_force(quarter, settings.calendar, settings.policies)
        filed = {Place(county) for county in session.summaries(quarter)}
        owed = filed or _in_use(session, quarter)
        missing = summary_alerts(quarter, due.due, filed, now, raised) if owed else []
        for alert in missing:
            session.put_alert(alert)
        follow_ups = duty_alerts(session, now, raised)
        waiting = raise_outbox_alerts(session, now)  # messages for the 12345 platform not sent in time
    return fresh + missing + follow_ups + waiting


def escalate(repo: Repository, actor: str, now: datetime) -> list[Alert]:
    """``hotline escalate`` (cron): :func:`run_escalation` for a user of this database."""
    identify(repo.snapshot(), actor)
    return run_escalation(repo, now)


def _in_use(session: Session, quarter: Quarter) -> bool:
    """Whether the database was in use for ``quarter``: it started before the quarter ended,
    or holds an order received by then. A new database owes no summary of the quarters
    before it (issue 15); a quarter a county filed a summary for is in use too (checked by the caller).
    """
    last_day = quarter.last_day
    started = session.settings().started_at
    if started is not None and started.astimezone(SHANGHAI).date() <= last_day:
        return True
    return any(o.record.received_at.astimezone(SHANGHAI).date() <= last_day for o in session.orders())


@frozen
class InboxItem:
    alert: Alert
    acknowledged: bool


def inbox(session: Session, person: Person) -> list[InboxItem]:
    """This person's alerts, newest first, with whether they acknowledged each."""
    mine = recipients_of(person)
    done = session.acknowledged(person.login)
    items = [InboxItem(a, a.key in done) for a in session.alerts() if mine & set(a.recipients)]
    return sorted(items, key=lambda i: i.alert.raised_at, reverse=True)


def acknowledge(repo: Repository, actor: str, key: str, now: datetime) -> None:
    with repo.transaction() as session:
        person = identify(session, actor)
        if key not in session.alert_keys():
            raise InvalidInput([Problem("alert", "unknown_alert", {"key": key})])
        session.acknowledge(person.login, key, now)
