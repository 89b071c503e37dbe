"""Use cases of work orders: intake, one lifecycle action, showing and listing orders.

Every read takes the acting person and hands back only what
:func:`hotline_core.domain.permissions.sight` lets them see, masked where it
says so; every unmasked display goes into the access log.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from attrs import evolve, frozen

from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.escalation import Alert, escalate
from hotline_core.domain.events import Command
from hotline_core.domain.intake import parse_order
from hotline_core.domain.lifecycle import perform, receive
from hotline_core.domain.limits import LimitEvaluator
from hotline_core.domain.model import Attachment, OrderRecord
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Organization, Person
from hotline_core.domain.permissions import Sight, may_receive, may_see, sight
from hotline_core.domain.privacy import masked_order
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.search import needle_of, order_matches
from hotline_core.domain.vocabulary import Action, Place, Role, Status
from hotline_core.services.access import identify, logged_views, outside_database, record_access
from hotline_core.services.named import NamedFiles, named_files_of
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

    The rights department takes in the center's pushes; a county clerk takes in the orders
    of their county's own channels (issue 18), which their county then handles at its level;
    an order of another county is rejected. With ``now``, what the new orders already call
    for (an emergency flagged by the center) is raised at once rather than at the next
    ``hotline escalate``.
    """
    added: list[WorkOrder] = []
    present: list[str] = []
    rejected: list[tuple[int, str, tuple[Problem, ...]]] = []
    archived = repo.archived_ids()  # archived orders stay known: a re-sent push adds nothing
    with repo.transaction() as session:
        county = _intake_county(identify(session, actor))
        known = set(session.order_ids()) | archived
        for position, form in enumerate(forms, start=1):
            try:
                record = _own_county(parse_order(form, now=now), county)
            except InvalidInput as error:
                rejected.append((position, str(form.get("id", "")), error.problems))
                continue
            if record.order_id in known:
                present.append(record.order_id)
                continue
            order = receive(record, actor, county)
            session.put_order(order)
            known.add(record.order_id)
            added.append(order)
        if now is not None:
            raise_alerts(session, added, now)
    return IntakeReport(tuple(o.id for o in added), tuple(present), tuple(rejected))


def _intake_county(person: Person) -> Place | None:
    """None for the rights department's intake; the county of a county clerk's own intake."""
    if not may_receive(person):
        raise refuse("not_permitted", action="intake", login=person.login)
    return None if person.has(Role.HANDLER) else person.county


def _own_county(record: OrderRecord, county: Place | None) -> OrderRecord:
    """A county's own order is of that county: an order naming no place is, another is refused."""
    if county is None or record.place is county:
        return record
    if record.place is Place.PREFECTURE:
        return evolve(record, place=county)
    raise InvalidInput([Problem("county", "not_your_county", {"county": county.value})])


def organization_for(session: Session) -> Organization:
    """The settings' organisation with each county's clerks, whom a county assigns its orders to."""
    staff = tuple(
        (person.county.value, person.login)
        for person in sorted(session.users().values(), key=lambda p: p.login)
        if person.has(Role.COUNTY_CLERK) and person.county is not None
    )
    return evolve(session.settings().organization, staff=staff)


def act(repo: Repository, actor: str, order_id: str, command: Command, now: datetime) -> WorkOrder:
    """Apply one lifecycle action as ``actor`` at ``now``; archiving moves the order out.

    The order comes back as the actor may see it; when that is whole, the access log
    records it in the same transaction, since the edge shows what comes back."""
    with repo.transaction() as session:
        person = identify(session, actor)
        order = session.order(order_id)
        if order is None or not may_see(person, order):  # one may not see: as if it did not exist
            raise InvalidInput([Problem("order", "unknown_order", {"id": order_id})])
        settings = session.settings()
        updated = perform(
            order, command, person, now, organization_for(session), settings.calendar, settings.policies
        )
        view = view_of(person, updated)
        if view is None:  # a unit keeps seeing what was passed to it; refused before storing
            raise InvalidInput([Problem("order", "unknown_order", {"id": order_id})])
        for attachment in command.attachments:  # stored only now that the action is allowed
            repo.keep_attachment(attachment)
        session.put_order(updated)
        if view is updated:
            record_access(session, person, AccessKind.ORDER, order_id, [order_id], now)
        if command.action is Action.ARCHIVE:
            session.archive_order(updated)
        else:
            raise_alerts(session, [updated], now)
    return view


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


def view_of(person: Person, order: WorkOrder) -> WorkOrder | None:
    """``order`` as ``person`` sees it: whole, masked, or not at all."""
    seen = sight(person, order)
    if seen is Sight.NONE:
        return None
    return order if seen is Sight.FULL else masked_order(order)


def any_order(repo: Repository, session: Session, order_id: str) -> WorkOrder | None:
    """The order ``order_id``, open (in ``session``) or archived; None if there is none."""
    return session.order(order_id) or repo.archived_order(order_id)


def order_in_sight(
    repo: Repository, session: Session, person: Person, order_id: str
) -> tuple[WorkOrder, WorkOrder]:
    """An open or archived order and the view ``person`` may have of it. An order they may
    not see is refused exactly as one that does not exist, so its number is not confirmed."""
    order = any_order(repo, session, order_id)
    view = None if order is None else view_of(person, order)
    if order is None or view is None:
        raise InvalidInput([Problem("order", "unknown_order", {"id": order_id})])
    return order, view


def find_order(repo: Repository, actor: str, order_id: str, now: datetime) -> WorkOrder:
    """One order, open or archived, as ``actor`` may see it (logged when shown whole)."""
    session = repo.snapshot()
    person = identify(session, actor)
    shown = order_in_sight(repo, session, person, order_id)
    return logged_views(repo, person, AccessKind.ORDER, order_id, [shown], now, masked_order)[0]


def visible_orders(session: Session, person: Person) -> list[WorkOrder]:
    """The open orders ``person`` may see, masked where they may not see personal data."""
    views = (view_of(person, o) for o in session.orders())
    return [v for v in views if v is not None]


def list_orders(
    repo: Repository,
    actor: str,
    now: datetime,
    status: Status | None = None,
    overdue: bool = False,
) -> list[WorkOrder]:
    """``hotline list``: the open orders the actor may see, of one status or overdue only;
    the orders shown whole are logged."""
    session = repo.snapshot()
    person = identify(session, actor)
    pairs = [(o, view_of(person, o)) for o in session.orders()]
    shown = [(o, v) for o, v in pairs if v is not None and (status is None or o.state.status is status)]
    if overdue:
        settings = session.settings()
        table = LimitEvaluator(now, settings.calendar, settings.policies).table([o for o, _ in shown])
        late = table.overdue().tolist()
        shown = [(o, v) for o, v in shown if late[table.row(o.id)]]
    return logged_views(repo, person, AccessKind.LIST, "list", shown, now, masked_order)


def search_orders(repo: Repository, actor: str, text: str, now: datetime) -> list[WorkOrder]:
    """Open, closed and archived orders whose number, name, phone (or, not yet archived,
    appeal text) holds ``text``, as ``actor`` may see them, newest first.

    The match is made on what the person sees: a masked phone is not found by its full
    number, so a search confirms nothing the person may not read. Archived orders come
    through the archive index (only the quarters that hold a match are opened); the
    orders shown whole are logged as a list is."""
    needle = needle_of(text)
    if not needle:
        return []
    session = repo.snapshot()
    person = identify(session, actor)
    candidates = {o.id: o for o in repo.archived_search(needle)}
    candidates.update((o.id, o) for o in session.orders_containing(needle))
    pairs = [(o, view_of(person, o)) for o in candidates.values()]
    shown = [(o, v) for o, v in pairs if v is not None and order_matches(v, needle)]
    shown.sort(key=lambda pair: pair[0].record.received_at, reverse=True)
    return logged_views(repo, person, AccessKind.LIST, "search", shown, now, masked_order)


def opened(repo: Repository, person: Person, order_id: str, now: datetime) -> bool:
    """The order screen showed ``order_id`` to ``person``: logged when it showed it whole.
    False when the log could not be written (a full disk, a read-only copy)."""
    order = any_order(repo, repo.snapshot(), order_id)
    if order is None or sight(person, order) is not Sight.FULL:
        return True
    (shown,) = logged_views(repo, person, AccessKind.ORDER, order_id, [(order, order)], now, masked_order)
    return shown is order


def inspect_attachments(
    repo: Repository, paths: Iterable[Path], files: NamedFiles | None = None
) -> tuple[Attachment, ...]:
    """Files a person names (feedback pictures) to go with an action: checked now (a regular
    file, not a link, that the acting person may read; within the size limit; JPEG, PNG, GIF,
    WebP or PDF by its bytes) and stored by ``act`` only once the action is allowed. A file in
    the database folder (another order's picture, say) is refused, whichever screen or command
    named it."""
    limit = repo.snapshot().settings().attachment_limit_mb
    opener = named_files_of(repo, files)
    return tuple(
        repo.inspect_attachment(outside_database(repo, Path(p), "attach"), limit, opener) for p in paths
    )
