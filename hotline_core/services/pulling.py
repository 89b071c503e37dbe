"""One pull of the platform's export, inside its transaction (``services.exchange.pull``).

Rows become orders, corrections or rejections; the center's messages become lifecycle steps
at the platform's time or refusals; what the platform shows it holds is acknowledged. The
:class:`PullReport` says all of it, for the command line's ``--json`` and the exchange screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from attrs import evolve, field, frozen

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
from hotline_core.domain.problems import HotlineError, Problem
from hotline_core.domain.vocabulary import Role
from hotline_core.services.orders import raise_alerts
from hotline_core.services.outbox import (
    acknowledge_messages,
    acknowledge_one,
    messages_of,
    raise_outbox_alerts,
    sent_by_hand,
)
from hotline_core.services.ports import Session


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


class PullRun:
    """One pull inside its transaction; collects what it did for the report."""

    def __init__(self, session: Session, person: Person, now: datetime, archived: set[str]) -> None:
        self.session, self.person, self.now = session, person, now
        self.clerk = Person(person.login, {Role.HANDLER})  # enters the center's steps: see the module
        self.settings = session.settings()
        self.stored = session.platform_orders()
        self.known = set(session.order_ids()) | archived
        self.changed: dict[str, WorkOrder] = {}
        self._callers: dict[str, dict[str, WorkOrder]] | None = None  # phone → orders, read once
        self.corrected: dict[str, tuple[Correction, ...]] = {}
        self.children: dict[str, str] = {}
        self.repeats: dict[str, tuple[str, ...]] = {}
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
        return PullReport(
            added=tuple(self.added),
            unchanged=tuple(dict.fromkeys(self.unchanged)),
            corrected=self.corrected,
            rejected=tuple(self.rejected),
            children=self.children,
            repeats=self.repeats,
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
            sent_by_hand(self.session, row.order_id, self.person.login, self.now)
        elif decision.verdict is Verdict.CORRECTED:
            self._correct(row, decision.corrections)
        elif decision.verdict is Verdict.STALE:  # an earlier export again: the correction stands
            self.unchanged.append(row.order_id)
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
                if old is None:
                    sent_by_hand(self.session, row.order_id, self.person.login, self.now)
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
            self.children[row.order_id] = parent
        if repeats:
            self.repeats[row.order_id] = repeats
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
        self.corrected[row.order_id] = corrections

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
        if acknowledge_one(self.session, target.id, self.person.login, self.now):
            self.acknowledged.append(target.id)
        self.session.note_center_message(message.key, self.now, "applied")
        self.applied.append(message.key)

    def _refuse(self, message: CenterMessage, problems: Sequence[Problem]) -> None:
        self.refused.append(Refusal(message, tuple(problems)))
