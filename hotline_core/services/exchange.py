"""Use cases of the exchange with the 12345 platform (issue 17): pull, link, the center's due time.

The :class:`Platform` port gives what the platform pushed (tables: orders and the
center's messages, with the mapping to read them) and takes our messages out
(:class:`~hotline_core.services.outbox.Outlet`); the file adapter
(``adapters/platform_files.py``) is the one every office can use today.

``pull`` is one transaction: new orders are received, the center's corrections
recorded old → new (a record correction on the order, the change kept with the
platform's row), its messages applied as the lifecycle steps they are at the
platform's time (or refused with the reason), and our messages that the platform
shows it holds acknowledged. Pulling the same file again changes nothing; a dry run
does it all and rolls back. The center's steps are entered with the acting clerk as
the actor (a note names the platform): entering what the center decided is the
exchange right itself, given to the handlers and the administrator.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from attrs import evolve, field, frozen

from hotline_core.adapters.platform_files import PackageFolder, PlatformFiles
from hotline_core.domain.events import Event
from hotline_core.domain.exchange.center import ANSWERS, CenterKind, CenterMessage, command_for, read_messages
from hotline_core.domain.exchange.outbox import acknowledged_kinds
from hotline_core.domain.exchange.pulling import (
    CenterCorrection,
    Correction,
    Link,
    LinkKind,
    PlatformOrder,
    Verdict,
    correction_command,
    decide_row,
    likely_repeats,
    parent_of,
    phone_key,
)
from hotline_core.domain.exchange.rows import (
    RECORD_FIELDS,
    Incoming,
    PushedOrder,
    RowProblem,
    read_orders,
    record_of,
)
from hotline_core.domain.intake import as_text, flatten
from hotline_core.domain.lifecycle import decide, receive
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import HotlineError, InvalidInput, Problem, refuse
from hotline_core.domain.vocabulary import Role
from hotline_core.services.access import identify
from hotline_core.services.orders import raise_alerts
from hotline_core.services.outbox import (
    Outlet,
    acknowledge_messages,
    exchanger,
    messages_of,
    raise_outbox_alerts,
)
from hotline_core.services.ports import Repository, Session


class Platform(Protocol):
    """The 12345 platform as the core sees it: pushed orders and center messages in."""

    def incoming(self) -> Incoming: ...


@frozen
class Refusal:
    """A center message the rules did not accept, and why."""

    message: CenterMessage
    problems: tuple[Problem, ...]


@frozen
class PullReport:
    added: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    corrected: dict[str, tuple[Correction, ...]] = field(factory=dict)
    rejected: tuple[RowProblem, ...] = ()
    children: dict[str, str] = field(factory=dict)  # child → parent
    repeats: dict[str, tuple[str, ...]] = field(factory=dict)  # new order → likely repeat of
    applied: tuple[str, ...] = ()  # the center's messages applied (order|kind|time)
    refused: tuple[Refusal, ...] = ()
    acknowledged: tuple[str, ...] = ()  # our messages the platform shows it has
    dry_run: bool = False


class _DryRun(Exception):
    def __init__(self, report: PullReport) -> None:
        super().__init__("dry run")
        self.report = report


def pull(
    repo: Repository, actor: str, platform: Platform, now: datetime, dry_run: bool = False
) -> PullReport:
    """``hotline exchange pull``: what the platform pushed, into the database (or, dry, only told)."""
    incoming = platform.incoming()  # a file that cannot be read stops here, before any change
    archived = repo.archived_ids()
    try:
        with repo.transaction() as session:
            person = exchanger(session, actor, "exchange pull")
            report = _Pull(session, person, now, archived).run(incoming)
            if dry_run:
                raise _DryRun(report)
    except _DryRun as done:
        return evolve(done.report, dry_run=True)
    return report


class _Pull:
    """One pull inside its transaction; collects what it did for the report."""

    def __init__(self, session: Session, person: Person, now: datetime, archived: set[str]) -> None:
        self.session, self.person, self.now = session, person, now
        self.clerk = Person(person.login, {Role.HANDLER})  # enters the center's steps: see the module
        self.settings = session.settings()
        self.stored = session.platform_orders()
        self.known = set(session.order_ids()) | archived
        self.changed: dict[str, WorkOrder] = {}
        self._callers: dict[str, dict[str, WorkOrder]] | None = None  # phone → orders, read once
        self.report = PullReport()
        self.id_heading = "办件编号"
        self.added: list[str] = []
        self.unchanged: list[str] = []
        self.rejected: list[RowProblem] = []
        self.applied: list[str] = []
        self.refused: list[Refusal] = []
        self.acknowledged: list[str] = []

    def run(self, incoming: Incoming) -> PullReport:
        pushed, messages = self._read(incoming)
        batch = {p.order_id for p in pushed}
        for row in pushed:
            self._row(row, batch)
        for message in sorted(messages, key=lambda m: m.at):
            self._message(message)
        raise_alerts(self.session, list(self.changed.values()), self.now)
        raise_outbox_alerts(self.session, self.now, list(self.changed.values()))
        return evolve(
            self.report,
            added=tuple(self.added),
            unchanged=tuple(dict.fromkeys(self.unchanged)),
            rejected=tuple(self.rejected),
            applied=tuple(self.applied),
            refused=tuple(self.refused),
            acknowledged=tuple(dict.fromkeys(self.acknowledged)),
        )

    def _read(self, incoming: Incoming) -> tuple[list[PushedOrder], list[CenterMessage]]:
        pushed: dict[str, PushedOrder] = {}
        messages: list[CenterMessage] = []
        self.id_heading = next(h for h, f in incoming.mapping.orders.items() if f == "id")
        for table in incoming.tables:
            if incoming.mapping.is_message_table(table.headings):
                found, problems = read_messages(table, incoming.mapping, self.now)
                messages += found
            else:
                rows, problems = read_orders(table, incoming.mapping, self.now)
                for row in rows:
                    first = pushed.setdefault(row.order_id, row)
                    if first is not row and first.fields != row.fields:
                        problem = Problem("id", "duplicate_in_pull", {"row": first.row})
                        problems.append(RowProblem(row.source, row.row, self.id_heading, problem))
            self.rejected += problems
        return list(pushed.values()), messages

    def _row(self, row: PushedOrder, batch: set[str]) -> None:
        decision = decide_row(row, self.stored.get(row.order_id))
        if decision.verdict is Verdict.ADDED and row.order_id not in self.known:
            self._add(row, batch)
        elif decision.verdict is Verdict.ADDED and self._typed(row) is not None:
            self._correct(row, decide_row(row, self.stored[row.order_id]).corrections)
        elif decision.verdict is Verdict.CORRECTED:
            self._correct(row, decision.corrections)
        else:  # the same again, or an order typed in by hand before: its platform row is kept now
            self.unchanged.append(row.order_id)
            old = self.stored.get(row.order_id)
            if old is None or old.fields != row.fields:
                kept = (
                    PlatformOrder(row.order_id, row.fields, self.now)
                    if old is None
                    else evolve(old, fields=row.fields)
                )
                self.session.put_platform_order(kept)
        self._acknowledge(row)

    def _caller_index(self) -> dict[str, dict[str, WorkOrder]]:
        """The orders held, by the caller's phone: read when the first new order needs it."""
        if self._callers is None:
            self._callers = {}
            for held in [*self.session.orders(), *self.changed.values()]:
                self._callers.setdefault(phone_key(held.state.record.citizen.phone), {})[held.id] = held
        return self._callers

    def _typed(self, row: PushedOrder) -> PlatformOrder | None:
        """An order typed in by hand before its first pull: what was typed stands as the platform's
        earlier row, so a mistyped phone shows up as the center's correction. None when it
        agrees (or is archived): the row is then simply kept from now on."""
        order = self.changed.get(row.order_id) or self.session.order(row.order_id)
        if order is None:
            return None
        typed = flatten(order.state.record)
        fields = row.fields | {n: as_text(typed[n]) for n in RECORD_FIELDS if n in row.fields}
        baseline = PlatformOrder(row.order_id, fields, self.now)
        if decide_row(row, baseline).verdict is Verdict.UNCHANGED:
            return None
        self.stored[row.order_id] = baseline
        return baseline

    def _add(self, row: PushedOrder, batch: set[str]) -> None:
        record = record_of(row)
        order = receive(record, self.person.login)
        callers = self._caller_index()
        same = callers.setdefault(phone_key(record.citizen.phone), {})
        repeats = likely_repeats(record, same.values())
        same[order.id] = order
        self.session.put_order(order)
        self.changed[order.id] = order
        self.session.put_platform_order(PlatformOrder(row.order_id, row.fields, self.now, repeats))
        parent = parent_of(row.order_id, self.known | batch)
        if parent:
            self.session.put_link(Link(row.order_id, parent, LinkKind.CHILD, self.now, self.person.login))
            self.report.children[row.order_id] = parent
        if repeats:
            self.report.repeats[row.order_id] = repeats
        self.added.append(row.order_id)

    def _correct(self, row: PushedOrder, corrections: tuple[Correction, ...]) -> None:
        order = self.changed.get(row.order_id) or self.session.order(row.order_id)
        command = correction_command(corrections)
        if order is not None and command is not None:
            try:
                event = decide(
                    order,
                    command,
                    self.clerk,
                    self.now,
                    self.settings.organization,
                    self.settings.calendar,
                    self.settings.policies,
                )
            except HotlineError as error:
                self.rejected += [RowProblem(row.source, row.row, self.id_heading, p) for p in error.problems]
                return
            self._store(order, event)
        old = self.stored[row.order_id]
        kept = tuple(
            CenterCorrection(self.now, self.person.login, c.field, c.old, c.new) for c in corrections
        )
        self.session.put_platform_order(evolve(old, fields=row.fields, corrections=old.corrections + kept))
        self.report.corrected[row.order_id] = corrections

    def _store(self, order: WorkOrder, event: Event) -> WorkOrder:
        updated = order.with_event(event)
        self.session.put_order(updated)
        self.changed[order.id] = updated
        return updated

    def _acknowledge(self, row: PushedOrder) -> None:
        kinds = acknowledged_kinds(row.fields.get("center_status", ""))
        if kinds and (self.changed.get(row.order_id) or self.session.order(row.order_id)) is not None:
            done = acknowledge_messages(
                self.session, row.order_id, kinds, self.now, self.person.login, self.now
            )
            self.acknowledged += done

    def _message(self, message: CenterMessage) -> None:
        if message.key in self.session.center_message_keys():
            return  # pulled before: applied once
        order = self.changed.get(message.order_id) or self.session.order(message.order_id)
        if order is None:
            self._refuse(message, [Problem("id", "center_message_unknown_order", {"id": message.order_id})])
            return
        if message.kind is CenterKind.RECEIPT:
            self._receipt(message, order)
            return
        command = command_for(message)
        if command is not None:
            try:
                event = decide(
                    order,
                    command,
                    self.clerk,
                    message.at,
                    self.settings.organization,
                    self.settings.calendar,
                    self.settings.policies,
                )
            except HotlineError as error:
                self._refuse(message, list(error.problems))
                return
            self._store(order, evolve(event, entered_at=self.now if message.at != self.now else None))
        done = acknowledge_messages(
            self.session, order.id, ANSWERS[message.kind], message.at, self.person.login, self.now
        )
        self.acknowledged += done
        self.session.note_center_message(message.key, self.now, "applied")
        self.applied.append(message.key)

    def _receipt(self, message: CenterMessage, order: WorkOrder) -> None:
        target = next((m for m in messages_of(self.session, order.id) if m.id == message.receipt), None)
        if target is None:
            self._refuse(
                message, [Problem("receipt", "receipt_unknown_message", {"receipt": message.receipt})]
            )
            return
        done = acknowledge_messages(
            self.session, order.id, frozenset({target.kind}), message.at, self.person.login, self.now
        )
        self.acknowledged += [d for d in done if d == target.id] or done
        self.session.note_center_message(message.key, self.now, "applied")
        self.applied.append(message.key)

    def _refuse(self, message: CenterMessage, problems: Sequence[Problem]) -> None:
        self.refused.append(Refusal(message, tuple(problems)))


def link(repo: Repository, actor: str, order_id: str, parent: str, merge: bool, now: datetime) -> Link:
    """A handler ties a likely repeat to the order it repeats: linked (counted as a repeat) or
    merged (answered with the parent's feedback); both orders stay in the record."""
    with repo.transaction() as session:
        person = identify(session, actor)
        if not person.has(Role.HANDLER):
            raise refuse("not_permitted", action="exchange link", login=actor)
        if order_id == parent:
            raise InvalidInput([Problem("parent", "link_to_itself")])
        for wanted in (order_id, parent):
            if session.order(wanted) is None:
                raise InvalidInput([Problem("order", "unknown_order", {"id": wanted})])
        existing = session.links().get(order_id)
        if existing is not None and (existing.parent != parent or existing.kind is LinkKind.CHILD):
            raise refuse("already_linked", "order", parent=existing.parent)
        made = Link(order_id, parent, LinkKind.MERGED if merge else LinkKind.REPEAT, now, person.login)
        session.put_link(made)
    return made


def center_due(repo: Repository, actor: str, order_id: str) -> datetime | None:
    """承诺完成时间: the center's own due time for an order it pushed, shown beside our limits."""
    session = repo.snapshot()
    identify(session, actor)
    row = session.platform_orders().get(order_id)
    return None if row is None else row.center_due


def links_of(repo: Repository, orders: Iterable[str]) -> dict[str, Link]:
    """The links among ``orders`` (for the hot-issues report's repeat callers)."""
    wanted = set(orders)
    return {k: v for k, v in repo.snapshot().links().items() if k in wanted}


def file_platform(source: Path, mapping: Path | None = None) -> Platform:
    """The platform as an export file or folder (and a mapping file for another platform's headings)."""
    return PlatformFiles(source, mapping)


def package_folder(target: Path) -> Outlet:
    """Where ``push`` writes the packages a clerk uploads."""
    return PackageFolder(target)
