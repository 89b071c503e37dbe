"""Use cases of work orders: intake, one lifecycle action, finding an order."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from attrs import frozen

from hotline_core.domain.escalation import Alert, escalate
from hotline_core.domain.events import Command
from hotline_core.domain.intake import parse_order
from hotline_core.domain.lifecycle import perform, receive
from hotline_core.domain.limits import LimitEvaluator
from hotline_core.domain.model import Attachment
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.permissions import may_see
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.vocabulary import Action, Role
from hotline_core.services.access import identify, require
from hotline_core.services.ports import Repository, Session


@frozen
class IntakeReport:
    added: tuple[str, ...]
    present: tuple[str, ...]
    rejected: tuple[tuple[int, str, tuple[Problem, ...]], ...]  # (position, id, problems)


def intake(
    repo: Repository, actor: str, forms: Iterable[Mapping[str, Any]], now: datetime | None = None
) -> IntakeReport:
    """Add pushed orders; an order already present is reported, a bad one rejected, the rest go in.

    With ``now``, what the new orders already call for (an emergency flagged by the center)
    is raised at once rather than at the next ``hotline escalate``.
    """
    added: list[WorkOrder] = []
    present: list[str] = []
    rejected: list[tuple[int, str, tuple[Problem, ...]]] = []
    archived = repo.archived_ids()  # archived orders stay known: a re-sent push adds nothing
    with repo.transaction() as session:
        require(identify(session, actor), Role.HANDLER, "intake")
        known = set(session.order_ids()) | archived
        for position, form in enumerate(forms, start=1):
            try:
                record = parse_order(form, now=now)
            except InvalidInput as error:
                rejected.append((position, str(form.get("id", "")), error.problems))
                continue
            if record.order_id in known:
                present.append(record.order_id)
                continue
            order = receive(record, actor)
            session.put_order(order)
            known.add(record.order_id)
            added.append(order)
        if now is not None:
            raise_alerts(session, added, now)
    return IntakeReport(tuple(o.id for o in added), tuple(present), tuple(rejected))


def act(repo: Repository, actor: str, order_id: str, command: Command, now: datetime) -> WorkOrder:
    """Apply one lifecycle action as ``actor`` at ``now``; archiving moves the order out."""
    with repo.transaction() as session:
        person = identify(session, actor)
        order = session.order(order_id)
        if order is None:
            raise InvalidInput([Problem("order", "unknown_order", {"id": order_id})])
        if not may_see(person, order):
            raise refuse("not_permitted", action=command.action.value, login=actor)
        settings = session.settings()
        updated = perform(
            order, command, person, now, settings.organization, settings.calendar, settings.policies
        )
        session.put_order(updated)
        if command.action is Action.ARCHIVE:
            session.archive_order(updated)
        else:
            raise_alerts(session, [updated], now)
    return updated


def raise_alerts(
    session: Session, orders: list[WorkOrder], now: datetime, raised: Collection[str] | None = None
) -> list[Alert]:
    """Store and return the alerts due for ``orders`` at ``now`` not yet raised (``raised``,
    by default the stored ones). Actions and intake call it for the orders they changed, in
    the same transaction: an emergency tells the leader at once (SPEC 6), not at the next
    cron run."""
    settings = session.settings()
    limits = LimitEvaluator(now, settings.calendar, settings.policies).table(orders)
    fresh = escalate(orders, now, session.alert_keys() if raised is None else raised, limits)
    for alert in fresh:
        session.put_alert(alert)
    return fresh


def find_order(repo: Repository, order_id: str) -> WorkOrder | None:
    return repo.snapshot().order(order_id) or repo.archived_order(order_id)


def visible_orders(session: Session, person: Person) -> list[WorkOrder]:
    return [o for o in session.orders() if may_see(person, o)]


def store_attachments(repo: Repository, paths: Iterable[Path]) -> tuple[Attachment, ...]:
    """Files a person names (feedback pictures) kept by content, to go with an action."""
    paths = [Path(p).expanduser() for p in paths]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise InvalidInput([Problem("attach", "no_file", {"path": ", ".join(missing)})])
    return tuple(repo.store_attachment(p) for p in paths)
