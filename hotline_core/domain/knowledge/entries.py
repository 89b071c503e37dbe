"""An entry of the knowledge base and the versions it went through.

An entry is a standard answer to a question citizens ask the hotline, with
the documents it rests on. Nothing is ever overwritten: every edit appends
a :class:`Version`, every step of the review appends a :class:`Transition`,
and ``live`` names the version citizens currently hear. So an auditor can
read what was answered on any day, and a revision under way does not hide
the published answer while it is reviewed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum

from attrs import field, frozen

from hotline_core.domain.knowledge.wording import (
    KB_ACTION_NAMES,
    KB_STATUS_NAMES,
    KbProblem,
    problem,
)
from hotline_core.domain.messages import word
from hotline_core.domain.organization import Unit
from hotline_core.domain.vocabulary import BusinessArea

QUESTION_LIMIT = 200
ANSWER_LIMIT = 4000
NOTE_LIMIT = 1000
BASIS_NAME_LIMIT = 200
TAG_LIMIT = 30
TAGS_LIMIT = 20
ID_PATTERN = re.compile(r"[A-Za-z0-9-]{1,32}")


class EntryStatus(StrEnum):
    DRAFT = "draft"
    REVIEW = "review"
    PUBLISHED = "published"
    RETIRED = "retired"

    @property
    def label(self) -> str:
        return word(KB_STATUS_NAMES, self.value)


class KbAction(StrEnum):
    """The steps of the workflow, and reading, as the permission rule names them."""

    READ = "read"
    SUBMIT = "submit"
    EDIT = "edit"
    SEND_TO_REVIEW = "send_to_review"
    RETURN = "return"
    PUBLISH = "publish"
    RETIRE = "retire"

    @property
    def label(self) -> str:
        return word(KB_ACTION_NAMES, self.value)


def _text(value: str) -> str:
    return value.strip()


def _title(value: str) -> str:
    """Document names are kept without their 《》, which the citation adds back.

    Trimmed until nothing changes, so that reading a saved name gives it back as it was.
    """
    while (trimmed := value.strip().strip("《》")) != value:
        value = trimmed
    return value


def _tags(values: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, blanks dropped, each once, in the order given."""
    return tuple(dict.fromkeys(t.strip() for t in values if t.strip()))


@frozen
class PolicyBasis:
    """A document an answer rests on: a law, a regulation, a State Council notice, a standard.

    ``number`` is the document number (文号, 国务院令第488号); laws have none and
    name their ``revision`` instead (2018年修正).
    """

    name: str = field(converter=_title)
    number: str = field(default="", converter=_text)
    effective: date | None = None
    revision: str = field(default="", converter=_text)

    def citation(self) -> str:
        """《name》（number，revision）as a clerk reads it aloud."""
        extra = "，".join(part for part in (self.number, self.revision) if part)
        return f"《{self.name}》" + (f"（{extra}）" if extra else "")


def _documents(values: Iterable[PolicyBasis]) -> tuple[PolicyBasis, ...]:
    return tuple(values)


@frozen
class Content:
    """What one version says. ``note`` lists what must be verified before it may be published."""

    question: str = field(converter=_text)
    answer: str = field(converter=_text)
    area: BusinessArea = field(converter=BusinessArea)
    basis: tuple[PolicyBasis, ...] = field(default=(), converter=_documents)
    tags: tuple[str, ...] = field(default=(), converter=_tags)
    note: str = field(default="", converter=_text)


@frozen
class Version:
    number: int
    content: Content
    author: str
    at: datetime
    summary: str = ""


@frozen
class Transition:
    """One step of the workflow: who did what to which version, when and why."""

    action: KbAction
    actor: str
    at: datetime
    version: int
    reason: str = ""


@frozen
class Entry:
    """A standard answer with its whole history.

    ``status`` is where the newest version stands; ``live`` is the number of
    the version published last (kept after retirement, for the record).
    """

    id: str
    owner: Unit
    status: EntryStatus
    versions: tuple[Version, ...]
    history: tuple[Transition, ...]
    live: int | None = None

    @property
    def latest(self) -> Version:
        return self.versions[-1]

    @property
    def content(self) -> Content:
        """The newest wording, whatever its status: what an editor works on."""
        return self.latest.content

    def version(self, number: int) -> Version:
        """Any version ever saved; :class:`KeyError` for one that never was."""
        if 1 <= number <= len(self.versions):
            return self.versions[number - 1]
        raise KeyError(problem("unknown_version", "version", number=number).message())

    @property
    def live_content(self) -> Content | None:
        """What citizens are told today: the published version, none once retired."""
        if self.status is EntryStatus.RETIRED or self.live is None:
            return None
        return self.version(self.live).content

    @property
    def last_step_at(self) -> datetime:
        return self.history[-1].at if self.history else self.latest.at


def reply_text(content: Content) -> str:
    """The answer as it goes into a reply to a citizen, its documents named at the end."""
    if not content.basis:
        return content.answer
    return f"{content.answer}\n（政策依据：{'；'.join(b.citation() for b in content.basis)}）"


def content_problems(content: Content) -> list[KbProblem]:
    """Everything wrong with a wording, each naming its field; empty when it may be saved."""
    problems: list[KbProblem] = []
    for name, value, limit in (
        ("question", content.question, QUESTION_LIMIT),
        ("answer", content.answer, ANSWER_LIMIT),
    ):
        if not value:
            problems.append(problem("required", name))
        elif len(value) > limit:
            problems.append(problem("too_long", name, length=len(value), limit=limit))
    if len(content.note) > NOTE_LIMIT:
        problems.append(problem("too_long", "note", length=len(content.note), limit=NOTE_LIMIT))
    problems += _basis_problems(content.basis)
    problems += _tag_problems(content.tags)
    return problems


def _basis_problems(basis: tuple[PolicyBasis, ...]) -> list[KbProblem]:
    problems = []
    for item in basis:
        if not item.name:
            problems.append(problem("required", "basis"))
        elif len(item.name) > BASIS_NAME_LIMIT:
            problems.append(problem("too_long", "basis", length=len(item.name), limit=BASIS_NAME_LIMIT))
    return problems


def _tag_problems(tags: tuple[str, ...]) -> list[KbProblem]:
    if len(tags) > TAGS_LIMIT:
        return [problem("too_many", "tags", count=len(tags), limit=TAGS_LIMIT)]
    return [problem("too_long", "tags", length=len(t), limit=TAG_LIMIT) for t in tags if len(t) > TAG_LIMIT]


def id_problems(entry_id: str) -> list[KbProblem]:
    return [] if ID_PATTERN.fullmatch(entry_id) else [problem("bad_id", "id")]
