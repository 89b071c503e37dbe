"""The review workflow: draft → review → published → retired, as pure functions.

Each step takes the entry, the acting person and ``now`` and returns a new
entry, or raises :class:`~hotline_core.domain.problems.Refused` /
:class:`~hotline_core.domain.problems.InvalidInput` naming the field and the reason;
a refused step changes nothing. The checks run in the order a clerk would
want to hear them: may I at all, may I now, is the time sane, is the text
complete.

Editing a published entry starts a revision: the new version is a draft and
the published one stays live until the revision is published in its turn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from attrs import evolve

from hotline_core.domain.knowledge.entries import (
    Content,
    Entry,
    EntryStatus,
    KbAction,
    Transition,
    Version,
    content_problems,
    id_problems,
)
from hotline_core.domain.knowledge.rules import kb_permission_problem
from hotline_core.domain.knowledge.wording import invalid, problem, refused
from hotline_core.domain.organization import Person, Unit
from hotline_core.domain.problems import Refused

# Which statuses each step starts from.
ALLOWED_FROM: dict[KbAction, frozenset[EntryStatus]] = {
    KbAction.EDIT: frozenset({EntryStatus.DRAFT, EntryStatus.PUBLISHED}),
    KbAction.SEND_TO_REVIEW: frozenset({EntryStatus.DRAFT}),
    KbAction.RETURN: frozenset({EntryStatus.REVIEW}),
    KbAction.PUBLISH: frozenset({EntryStatus.REVIEW}),
    KbAction.RETIRE: frozenset({EntryStatus.DRAFT, EntryStatus.REVIEW, EntryStatus.PUBLISHED}),
}
ID_PREFIX = "KB-"


def _permit(person: Person, action: KbAction, owner: Unit) -> None:
    found = kb_permission_problem(person, action, owner)
    if found is not None:
        raise Refused([found])


def _in_status(entry: Entry, action: KbAction) -> None:
    if entry.status not in ALLOWED_FROM[action]:
        raise refused("wrong_status", "status", status=entry.status.value, action=action.value)


def _in_time(now: datetime, last: datetime | None) -> None:
    if now.tzinfo is None:
        raise refused("naive_time", "at")
    if last is not None and now < last:
        raise refused("before_last", "at", last=last.isoformat())


def _may(entry: Entry, action: KbAction, person: Person, now: datetime) -> None:
    """Every step on an existing entry: the person's right, the entry's status, the time order."""
    _permit(person, action, entry.owner)
    _in_status(entry, action)
    _in_time(now, entry.last_step_at)


def _require_reason(reason: str) -> None:
    if not reason.strip():
        raise invalid([problem("required", "reason")])


def _complete(content: Content) -> None:
    problems = content_problems(content)
    if problems:
        raise invalid(problems)


def _step(entry: Entry, action: KbAction, person: Person, now: datetime, reason: str = "") -> Transition:
    return Transition(action, person.login, now, entry.latest.number, reason.strip())


def submit_draft(
    person: Person,
    entry_id: str,
    content: Content,
    now: datetime,
    owner: Unit | None = None,
    summary: str = "",
) -> Entry:
    """A new entry as version 1, a draft owned by ``owner`` (the person's own unit by default)."""
    unit = owner if owner is not None else person.unit
    _permit(person, KbAction.SUBMIT, unit)
    _in_time(now, None)
    if id_problems(entry_id):
        raise invalid(id_problems(entry_id))
    _complete(content)
    first = Version(1, content, person.login, now, summary.strip())
    return Entry(
        entry_id, unit, EntryStatus.DRAFT, (first,), (Transition(KbAction.SUBMIT, person.login, now, 1),)
    )


def edit(entry: Entry, person: Person, content: Content, now: datetime, summary: str = "") -> Entry:
    """A new version; the entry becomes (or stays) a draft, its published version still live."""
    _may(entry, KbAction.EDIT, person, now)
    _complete(content)
    if content == entry.content:
        raise refused("unchanged")
    version = Version(entry.latest.number + 1, content, person.login, now, summary.strip())
    moved = evolve(entry, status=EntryStatus.DRAFT, versions=(*entry.versions, version))
    return evolve(moved, history=(*entry.history, _step(moved, KbAction.EDIT, person, now, summary)))


def send_to_review(entry: Entry, person: Person, now: datetime) -> Entry:
    _may(entry, KbAction.SEND_TO_REVIEW, person, now)
    step = _step(entry, KbAction.SEND_TO_REVIEW, person, now)
    return evolve(entry, status=EntryStatus.REVIEW, history=(*entry.history, step))


def return_to_draft(entry: Entry, person: Person, now: datetime, reason: str) -> Entry:
    """The reviewer sends the wording back with what to change."""
    _may(entry, KbAction.RETURN, person, now)
    _require_reason(reason)
    step = _step(entry, KbAction.RETURN, person, now, reason)
    return evolve(entry, status=EntryStatus.DRAFT, history=(*entry.history, step))


def publish(entry: Entry, person: Person, now: datetime) -> Entry:
    """The newest version goes live; it must cite a document and have nothing left to verify."""
    _may(entry, KbAction.PUBLISH, person, now)
    if not entry.content.basis:
        raise refused("basis_to_publish", "basis")
    if entry.content.note:
        raise refused("note_open", "note", note=entry.content.note)
    step = _step(entry, KbAction.PUBLISH, person, now)
    return evolve(
        entry, status=EntryStatus.PUBLISHED, live=entry.latest.number, history=(*entry.history, step)
    )


def retire(entry: Entry, person: Person, now: datetime, reason: str) -> Entry:
    """Out of search and suggestions for good; every version stays readable."""
    _may(entry, KbAction.RETIRE, person, now)
    _require_reason(reason)
    step = _step(entry, KbAction.RETIRE, person, now, reason)
    return evolve(entry, status=EntryStatus.RETIRED, history=(*entry.history, step))


def next_entry_id(existing: Iterable[str]) -> str:
    """KB-0001, KB-0002…: one past the highest number in use, so ids are never reused."""
    numbers = [int(m.group(1)) for i in existing if (m := re.fullmatch(r"KB-(\d+)", i))]
    return f"{ID_PREFIX}{max(numbers, default=0) + 1:04d}"
