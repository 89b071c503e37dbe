"""What a pushed row means for the database, decided without touching it.

Each row of a pull is **added** (a new order), **unchanged** (the same as last
time: pulling a file again adds nothing), **corrected** (the center changed a
field: the old and the new value are kept, never overwritten silently) or
**rejected** (:mod:`.rows` says why). A row as an earlier export had it, pulled
again after the center corrected it (an old file, or a folder of daily exports), is
**stale**: the correction stands and nothing is recorded. The center's 办件状态 moves on as the order
does: that is progress, not a correction, and tells which of our messages the
platform has (:mod:`.outbox`).

A child order ``<parent>-NN`` is linked to its parent; an order whose caller and
appeal match an open or recent order is flagged as a likely repeat (重复件) for a
handler to link or merge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from enum import StrEnum

from attrs import frozen

from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.events import Command
from hotline_core.domain.exchange.rows import RECORD_FIELDS, TIMES, PushedOrder
from hotline_core.domain.messages import field_label
from hotline_core.domain.model import Citizen, OrderRecord
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.privacy import mask_name, mask_phone, scrubbed
from hotline_core.domain.state import FINISHED
from hotline_core.domain.vocabulary import Action, AppealType, Channel, Place

# Fixed by the dispatch: a correction of these is kept with the platform's row, not the record.
_NOT_CORRECTABLE = frozenset({"id", "received_at"})
_CHILD = re.compile(r"^(?P<parent>.+)-(?P<number>\d{2})$")


class Verdict(StrEnum):
    ADDED = "added"
    UNCHANGED = "unchanged"
    CORRECTED = "corrected"
    STALE = "stale"  # as an earlier export had it, before the center's latest corrections


class LinkKind(StrEnum):
    """How a handler (or the numbering, for a child) tied an order to another."""

    CHILD = "child"  # <parent>-NN: the center split the order
    REPEAT = "repeat"  # the same caller about the same matter: counted once as a repeat
    MERGED = "merged"  # handled together: answered with its parent's feedback


@frozen
class Correction:
    """One field the center changed: what it was, what it is now."""

    field: str
    old: str
    new: str


@frozen
class CenterCorrection:
    """A correction as recorded: when it was pulled, by whom."""

    at: datetime
    actor: str
    field: str
    old: str
    new: str


@frozen
class Link:
    order_id: str
    parent: str
    kind: LinkKind
    at: datetime
    actor: str


@frozen
class PlatformOrder:
    """The platform's row of an order as last pulled, beside the order itself: the center's
    own fields (市级编号, 承诺完成时间, 办件状态 ...), the likely repeats found on arrival,
    and every correction the center made."""

    order_id: str
    fields: dict[str, str]
    pulled_at: datetime
    repeat_of: tuple[str, ...] = ()
    corrections: tuple[CenterCorrection, ...] = ()

    @property
    def center_due(self) -> datetime | None:
        """承诺完成时间: the center's own due time, kept beside the limits we compute."""
        text = self.fields.get("center_due", "")
        return datetime.fromisoformat(text) if text else None

    @property
    def center_status(self) -> str:
        return self.fields.get("center_status", "")


@frozen
class RowDecision:
    verdict: Verdict
    pushed: PushedOrder
    corrections: tuple[Correction, ...] = ()


def _changes(fields: Mapping[str, str], before: Mapping[str, str]) -> tuple[Correction, ...]:
    """What differs from ``before`` to ``fields``, the center's status aside (it is progress)."""
    names = sorted((set(fields) | set(before)) - {"center_status"})
    return tuple(
        Correction(name, before.get(name, ""), fields.get(name, ""))
        for name in names
        if before.get(name, "") != fields.get(name, "")
    )


def earlier_rows(stored: PlatformOrder) -> list[dict[str, str]]:
    """The platform's earlier rows of the order, newest first: its corrections undone pull by pull."""
    by_pull: dict[datetime, list[CenterCorrection]] = {}
    for correction in stored.corrections:
        by_pull.setdefault(correction.at, []).append(correction)
    fields, rows = dict(stored.fields), []
    for pulled in sorted(by_pull, reverse=True):
        for correction in by_pull[pulled]:
            if correction.old:
                fields[correction.field] = correction.old
            else:
                fields.pop(correction.field, None)
        rows.append(dict(fields))
    return rows


def decide_row(pushed: PushedOrder, stored: PlatformOrder | None) -> RowDecision:
    """Added when the platform's row is new to us, else unchanged, stale (an earlier export's
    row) or corrected field by field."""
    if stored is None:
        return RowDecision(Verdict.ADDED, pushed)
    changed = _changes(pushed.fields, stored.fields)
    if not changed:
        return RowDecision(Verdict.UNCHANGED, pushed)
    if any(not _changes(pushed.fields, row) for row in earlier_rows(stored)):
        return RowDecision(Verdict.STALE, pushed)
    return RowDecision(Verdict.CORRECTED, pushed, changed)


def correction_command(corrections: Iterable[Correction]) -> Command | None:
    """The record correction (``record``) the center's changes make to the order, noting every
    change old → new; None when none of them is the record's."""
    changes = list(corrections)
    data = {c.field: c.new for c in changes if c.field in RECORD_FIELDS and c.field not in _NOT_CORRECTABLE}
    if not data:
        return None
    note = "12345平台更正：" + "；".join(
        f"{field_label(c.field, 'zh_CN')}：{_label(c.field, c.old)} → {_label(c.field, c.new)}"
        for c in changes
    )
    return Command(Action.RECORD, data, note)


# The fields whose values are codes of a list, read by their names.
_LISTS: dict[str, type[AppealType] | type[Channel] | type[Place]] = {
    "appeal_type": AppealType,
    "channel": Channel,
    "county": Place,
}


def correction_value(field: str, value: str) -> str | AppealType | Channel | Place:
    """A value the center changed, to be shown: a time in Beijing time to the minute, a list's
    code as its member (named in the reader's language by the caller), nothing as —."""
    if not value:
        return "—"
    if field in TIMES:
        try:
            return f"{datetime.fromisoformat(value).astimezone(SHANGHAI):%Y-%m-%d %H:%M}"
        except ValueError:
            return value
    if field in _LISTS:
        try:
            return _LISTS[field](value)
        except ValueError:
            return value
    return value


def _label(field: str, value: str) -> str:
    shown = correction_value(field, value)
    return shown.label if isinstance(shown, (AppealType, Channel, Place)) else shown


def masked_corrections(changes: Iterable[Correction], *citizens: Citizen) -> tuple[Correction, ...]:
    """The center's corrections as someone who may not see personal data sees them: names and
    phones masked, the appeal scrubbed of the citizen's data (``citizens``: the order's, as
    received and as corrected) and of any phone or ID number. The old values come from the
    database, so a made-up export must not read them back whole."""
    found = tuple(changes)
    given = tuple(Citizen(name=c.old, phone="") for c in found if c.field == "name") + tuple(
        Citizen(name=c.new, phone="") for c in found if c.field == "name"
    )
    people = (*citizens, *given)
    return tuple(
        Correction(c.field, _masked_value(c.field, c.old, people), _masked_value(c.field, c.new, people))
        for c in found
    )


def _masked_value(name: str, value: str, citizens: tuple[Citizen, ...]) -> str:
    if name == "name":
        return mask_name(value)
    if name == "phone":
        return mask_phone(value)
    if name == "appeal":
        return scrubbed(value, *citizens)
    return value


def parent_of(order_id: str, known: Iterable[str]) -> str:
    """The parent of a child order ``<parent>-NN`` when that parent is known, else ""."""
    match = _CHILD.match(order_id)
    if match is None:
        return ""
    parent = match["parent"]
    return parent if parent in set(known) else ""


def _bigrams(text: str) -> set[str]:
    compact = re.sub(r"[\W_]+", "", text)
    return {compact[i : i + 2] for i in range(len(compact) - 1)} or ({compact} if compact else set())


def similarity(a: str, b: str) -> float:
    """How alike two appeals read (Dice coefficient of their character pairs, 0..1)."""
    left, right = _bigrams(a), _bigrams(b)
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def phone_key(phone: str) -> str:
    """A phone as digits only: how two orders are known to come from one caller."""
    return re.sub(r"\D", "", phone)


def likely_repeats(
    record: OrderRecord,
    orders: Iterable[WorkOrder],
    recent: timedelta = timedelta(days=30),
    threshold: float = 0.5,
) -> tuple[str, ...]:
    """Orders by the same caller about a similar matter, still open or received within
    ``recent`` before this one: a likely repeat (重复件), most alike first. ``orders`` may be
    only those of the same phone (a caller's index), or all."""
    phone = phone_key(record.citizen.phone)
    if not phone:
        return ()
    found: list[tuple[float, str]] = []
    for order in orders:
        other = order.state.record
        if order.id == record.order_id or phone_key(other.citizen.phone) != phone:
            continue
        current = order.state.status not in FINISHED
        if not current and record.received_at - other.received_at > recent:
            continue
        score = similarity(record.appeal.text, other.appeal.text)
        if score >= threshold:
            found.append((-score, order.id))
    return tuple(order_id for _, order_id in sorted(found))


def repeat_groups(links: Mapping[str, Link]) -> dict[str, tuple[str, ...]]:
    """Each root order with the repeats and merged orders linked to it (children are not repeats)."""
    groups: dict[str, list[str]] = {}
    for link in links.values():
        if link.kind is LinkKind.CHILD:
            continue
        root = link.parent
        seen = {link.order_id}
        while root in links and links[root].kind is not LinkKind.CHILD and root not in seen:
            seen.add(root)
            root = links[root].parent
        groups.setdefault(root, []).append(link.order_id)
    return {root: tuple(sorted(ids)) for root, ids in groups.items()}
