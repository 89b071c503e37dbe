"""Use cases of the outbox: what the 12345 platform must hear of, and its delivery.

The messages are derived from the orders' events (``domain.exchange.outbox``), so
the step that causes one and the message are stored by the same transaction; only
the delivery is kept here: ``push`` writes the ready messages as packages a clerk
uploads and marks them sent, a clerk marks one sent or failed by hand, and the next
pull acknowledges what the platform shows it has. A message ready longer than the
setting (an hour by default) raises an alert to the rights department.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

from attrs import frozen

from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.escalation import RIGHTS, Alert, AlertKind
from hotline_core.domain.exchange.outbox import (
    Delivery,
    DeliveryRecord,
    MessageKind,
    Outgoing,
    Package,
    outgoing,
    state_of,
    waiting_too_long,
)
from hotline_core.domain.exchange.pulling import Link, LinkKind
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.vocabulary import Role
from hotline_core.services.access import cannot_write, identify, record_access, require
from hotline_core.services.ports import Repository, Session

# The rights department's handlers exchange with the platform; the administrator may too.
EXCHANGERS = frozenset({Role.HANDLER, Role.ADMIN})


class Outlet(Protocol):
    """Where packages for the platform go (the file adapter writes a folder per message)."""

    def deliver(self, package: Package) -> str: ...


ALREADY = {
    Delivery.SENT: "message_already_sent",
    Delivery.FAILED: "message_already_failed",
    Delivery.ACKNOWLEDGED: "message_already_acknowledged",
}


@frozen
class OutboxItem:
    message: Outgoing
    state: Delivery
    record: DeliveryRecord | None = None


def exchanger(session: Session, login: str, action: str) -> Person:
    """The person behind ``login``, refused unless a handler or an administrator."""
    person = identify(session, login)
    if not person.roles & EXCHANGERS:
        raise refuse("not_permitted", action=action, login=login)
    return person


def merged_children(links: dict[str, Link]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for link in links.values():
        if link.kind is LinkKind.MERGED:
            found.setdefault(link.parent, []).append(link.order_id)
    return found


def messages(session: Session) -> list[Outgoing]:
    """Every message the open orders that came from the platform call for, oldest first.

    An order typed in by hand (before the exchange was used, or never pulled) is answered on
    the platform by hand: it makes no message, and a database that starts to exchange does
    not find its whole history waiting in the outbox."""
    pulled = session.platform_order_ids()
    merged = merged_children(session.links())
    found = [
        m
        for order in session.orders()
        if order.id in pulled
        for m in outgoing(order, sorted(c for c in merged.get(order.id, ()) if c in pulled))
    ]
    return sorted(found, key=lambda m: (m.created_at, m.id))


def messages_of(session: Session, order_id: str) -> list[Outgoing]:
    """The messages of one order pulled from the platform: its own, and its parent's feedback
    when it was merged into it."""
    if order_id not in session.platform_order_ids():
        return []
    order = session.order(order_id)
    own = [] if order is None else outgoing(order)
    link = session.links().get(order_id)
    parent = session.order(link.parent) if link is not None and link.kind is LinkKind.MERGED else None
    given = [] if parent is None else [m for m in outgoing(parent, [order_id]) if m.order_id == order_id]
    return own + given


def sent_by_hand(session: Session, order_id: str, actor: str, now: datetime) -> None:
    """An order typed in by hand and pulled for the first time: what it already told the center
    went by hand, so its earlier messages count as sent (the next pull acknowledges them)."""
    delivered = session.deliveries()
    for message in messages_of(session, order_id):
        if message.id not in delivered:
            session.put_delivery(DeliveryRecord(message.id, Delivery.SENT, now, actor))


def items(session: Session) -> list[OutboxItem]:
    delivered = session.deliveries()
    return [OutboxItem(m, state_of(delivered.get(m.id)), delivered.get(m.id)) for m in messages(session)]


def acknowledge_messages(
    session: Session,
    order_id: str,
    kinds: frozenset[MessageKind],
    before: datetime,
    actor: str,
    now: datetime,
) -> list[str]:
    """Mark acknowledged the messages of ``order_id`` of ``kinds`` made by ``before``: the platform
    shows it has them. Returns their ids."""
    if not kinds:
        return []
    delivered = session.deliveries()
    done: list[str] = []
    for message in messages_of(session, order_id):
        record = delivered.get(message.id)
        if message.kind not in kinds or message.created_at > before:
            continue
        if state_of(record) is not Delivery.ACKNOWLEDGED:
            location = record.location if record else ""
            session.put_delivery(DeliveryRecord(message.id, Delivery.ACKNOWLEDGED, now, actor, "", location))
            done.append(message.id)
    return done


def acknowledge_one(session: Session, message_id: str, actor: str, now: datetime) -> bool:
    """Mark one message acknowledged (a receipt names it); False when it already was."""
    record = session.deliveries().get(message_id)
    if state_of(record) is Delivery.ACKNOWLEDGED:
        return False
    location = record.location if record else ""
    session.put_delivery(DeliveryRecord(message_id, Delivery.ACKNOWLEDGED, now, actor, "", location))
    return True


def raise_outbox_alerts(
    session: Session, now: datetime, orders: Sequence[WorkOrder] | None = None
) -> list[Alert]:
    """An alert for each message left ready (or failed) longer than the setting, once; of
    ``orders`` only when given (a pull looks at the orders it changed, cron at all)."""
    limit = timedelta(minutes=session.settings().outbox_alert_minutes)
    raised = session.alert_keys()
    pulled = session.platform_order_ids()
    found = (
        messages(session) if orders is None else [m for o in orders if o.id in pulled for m in outgoing(o)]
    )
    fresh = [
        Alert(
            f"outbox:{m.id}",
            AlertKind.OUTBOX_WAITING,
            now,
            (RIGHTS,),
            m.order_id,
            "outbox",
            m.created_at + limit,
        )
        for m in waiting_too_long(found, session.deliveries(), now, limit)
        if f"outbox:{m.id}" not in raised
    ]
    for alert in fresh:
        session.put_alert(alert)
    return fresh


def outbox_status(repo: Repository, actor: str, now: datetime) -> list[OutboxItem]:
    """``hotline exchange status``: every message and its state; the texts (which may quote a
    citizen) only for those who see personal data, and then written in the access log."""
    person = exchanger(repo.snapshot(), actor, "exchange status")
    try:
        with repo.transaction() as session:
            found = items(session)
            raise_outbox_alerts(session, now)
            if person.has(Role.HANDLER):
                record_access(session, person, AccessKind.LIST, "exchange status", _orders(found), now)
    except OSError as error:  # a full disk, a read-only copy: the outbox still answers, its texts hidden
        if not cannot_write(error):
            raise
        found = items(repo.snapshot())
        return [OutboxItem(_hidden(i.message), i.state, i.record) for i in found]
    if person.has(Role.HANDLER):
        return found
    return [OutboxItem(_hidden(i.message), i.state, i.record) for i in found]


def _hidden(message: Outgoing) -> Outgoing:
    return Outgoing(message.id, message.order_id, message.kind, message.created_at, "", {}, ())


def _orders(found: Sequence[OutboxItem]) -> list[str]:
    return sorted({i.message.order_id for i in found})


def push(repo: Repository, actor: str, outlet: Outlet, now: datetime) -> list[OutboxItem]:
    """``hotline exchange push``: each ready (or failed) message as a package, marked sent.

    A package holds the message whole (what is pasted into the platform may quote the
    citizen), so only a handler pushes: the administrator, who sees orders masked, would
    otherwise read every text in the packages and the answer that ``status`` hides."""
    with repo.transaction() as session:
        person = exchanger(session, actor, "exchange push")
        require(person, Role.HANDLER, "exchange push")
        pending = [i for i in items(session) if i.state in (Delivery.READY, Delivery.FAILED)]
        sent: list[OutboxItem] = []
        for item in pending:
            images = tuple((a.name, repo.attachment_bytes(a)) for a in item.message.attachments)
            location = outlet.deliver(Package(item.message, images))
            record = DeliveryRecord(item.message.id, Delivery.SENT, now, person.login, "", location)
            session.put_delivery(record)
            sent.append(OutboxItem(item.message, Delivery.SENT, record))
        record_access(session, person, AccessKind.LIST, "exchange push", _orders(sent), now)
        raise_outbox_alerts(session, now)
    return sent


def mark(
    repo: Repository, actor: str, message_id: str, state: Delivery, now: datetime, reason: str = ""
) -> OutboxItem:
    """A clerk says a message was sent (pasted into the platform by hand) or failed, and why."""
    if state not in (Delivery.SENT, Delivery.FAILED):
        raise InvalidInput([Problem("state", "not_in_list", {"choices": "sent、failed"})])
    if state is Delivery.FAILED and not reason.strip():
        raise InvalidInput([Problem("reason", "required")])
    with repo.transaction() as session:
        person = exchanger(session, actor, "exchange mark")
        found = {i.message.id: i for i in items(session)}
        item = found.get(message_id)
        if item is None:
            raise InvalidInput([Problem("message", "unknown_message", {"id": message_id})])
        if item.state is Delivery.ACKNOWLEDGED or item.state is state:
            raise refuse(ALREADY[item.state], "message")
        location = item.record.location if item.record else ""
        record = DeliveryRecord(message_id, state, now, person.login, reason.strip(), location)
        session.put_delivery(record)
        raise_outbox_alerts(session, now)
    message = item.message if person.has(Role.HANDLER) else _hidden(item.message)  # as ``status`` shows it
    return OutboxItem(message, state, record)
