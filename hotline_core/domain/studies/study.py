"""A study's record and its steps, as pure functions (source 四(五), 一(三)).

draft → submitted (to the party group, the board, the office meeting, the hotline office
or a government department, and when) → answered (what came back, or what the office
meeting decided, and when). While a draft, the handler adds orders and writes the
findings and suggestions; once submitted the report is what was sent and stays so.
Every step is kept with its time and login. Each function returns a new study or raises
:class:`InvalidInput` / :class:`Refused` naming the field, having changed nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from attrs import evolve, frozen

from hotline_core.domain.calendar import SHANGHAI, require_aware
from hotline_core.domain.problems import InvalidInput, Problem, refuse

if TYPE_CHECKING:  # the reports load when a report is asked for, not when the UI starts
    from hotline_core.domain.reports.period import Period


class StudyKind(StrEnum):
    STUDY = "study"  # 专项调研: a policy problem, to the party group, the board or a department
    ANALYSIS = "analysis"  # 热点难点分析: the period's hot issues, to the office meeting

    @property
    def label(self) -> str:
        return {"study": "专项调研报告", "analysis": "热点难点问题分析报告"}[self.value]

    @property
    def prefix(self) -> str:
        """The letters of its numbers: ZY2026-001 (专项调研), FX2026-001 (分析)."""
        return {"study": "ZY", "analysis": "FX"}[self.value]


class StudyState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ANSWERED = "answered"


# Whom a report goes to (source 四(五), 一(三)); any other name is a government department.
RECIPIENTS: dict[str, str] = {
    "party_group": "党组",
    "board": "理事会",
    "office_meeting": "理事长办公会",
    "hotline_office": "州热线办",
}
TITLE_LIMIT, TEXT_LIMIT, NAME_LIMIT = 100, 20_000, 40


@frozen
class StudyStep:
    """One step of a study: when it happened (``at``), who recorded it, what, a short note."""

    at: datetime
    actor: str
    action: str  # open | add_orders | write | submit | answer
    note: str = ""


@frozen
class Study:
    id: str
    kind: StudyKind
    title: str
    problem: str  # the policy problem that citizens raised
    opened_at: datetime
    opened_by: str
    period: str = ""  # the months its figures cover ("2026Q3"); empty: the orders' own
    hot_issue: str = ""  # a word or phrase of the hot-issues report it starts from
    order_ids: tuple[str, ...] = ()
    findings: str = ""
    suggestions: str = ""
    submitted_to: str = ""
    submitted_at: datetime | None = None
    answer: str = ""  # the answer, or the office meeting's decision
    answered_at: datetime | None = None
    steps: tuple[StudyStep, ...] = ()

    @property
    def state(self) -> StudyState:
        if self.answered_at is not None:
            return StudyState.ANSWERED
        if self.submitted_at is not None:
            return StudyState.SUBMITTED
        return StudyState.DRAFT

    @property
    def report_period(self) -> Period | None:
        from hotline_core.domain.reports.period import Period

        return Period.parse(self.period) if self.period else None


def next_id(kind: StudyKind, year: int, taken: Iterable[str]) -> str:
    """The next free number of ``kind`` in ``year``: ZY2026-001, ZY2026-002 ..."""
    prefix = f"{kind.prefix}{year}-"
    numbers = [int(i[len(prefix) :]) for i in taken if i.startswith(prefix) and i[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def study_kind(text: StudyKind | str) -> StudyKind:
    """``study`` or ``analysis``; refused naming the field otherwise."""
    try:
        return StudyKind(text)
    except ValueError:
        raise InvalidInput([Problem("kind", "not_in_list", {"choices": "、".join(StudyKind)})]) from None


def new_study(
    study_id: str,
    kind: StudyKind | str,
    title: str,
    problem: str,
    actor: str,
    now: datetime,
    period: str = "",
    hot_issue: str = "",
) -> Study:
    """Open a study. An analysis covers a period and is titled after it if no title is given."""
    from hotline_core.domain.reports.period import Period

    require_aware(now, "now")
    kind = study_kind(kind)
    period = period.strip()
    if period:
        period = str(Period.parse(period))  # refused with the field's name when unreadable
    elif kind is StudyKind.ANALYSIS:
        raise InvalidInput([Problem("period", "required")])
    if kind is StudyKind.ANALYSIS and not title.strip():
        title = f"残疾人“12345”热线热点难点问题分析（{Period.parse(period).label}）"
    problems = _text_problems(("title", title, TITLE_LIMIT, True), ("problem", problem, TEXT_LIMIT, False))
    problems += _text_problems(("hot_issue", hot_issue, NAME_LIMIT, False))
    if kind is StudyKind.STUDY and not (problem.strip() or hot_issue.strip()):
        problems.append(Problem("problem", "required"))
    if problems:
        raise InvalidInput(problems)
    step = StudyStep(now, actor, "open")
    return Study(
        study_id, kind, title.strip(), problem.strip(), now, actor, period, hot_issue.strip(), steps=(step,)
    )


def add_orders(study: Study, order_ids: Iterable[str], actor: str, now: datetime) -> Study:
    """Add orders (already known to exist and be visible) to a draft; repeats are ignored."""
    _require_draft(study)
    added = tuple(i for i in dict.fromkeys(order_ids) if i not in study.order_ids)
    if not added:
        raise InvalidInput([Problem("orders", "nothing_to_add")])
    step = StudyStep(now, actor, "add_orders", "、".join(added))
    return evolve(study, order_ids=(*study.order_ids, *added), steps=(*study.steps, step))


def write(
    study: Study,
    actor: str,
    now: datetime,
    findings: str | None = None,
    suggestions: str | None = None,
    title: str | None = None,
) -> Study:
    """Write (replace) the findings, the suggestions or the title of a draft."""
    _require_draft(study)
    given = {
        k: v
        for k, v in (("findings", findings), ("suggestions", suggestions), ("title", title))
        if v is not None
    }
    if not given:
        raise InvalidInput([Problem("", "nothing_to_record")])
    limits = {"findings": TEXT_LIMIT, "suggestions": TEXT_LIMIT, "title": TITLE_LIMIT}
    problems = _text_problems(*((k, v, limits[k], k == "title") for k, v in given.items()))
    if problems:
        raise InvalidInput(problems)
    step = StudyStep(now, actor, "write", "、".join(given))
    return evolve(
        study,
        findings=given.get("findings", study.findings).strip(),
        suggestions=given.get("suggestions", study.suggestions).strip(),
        title=given.get("title", study.title).strip(),
        steps=(*study.steps, step),
    )


def submit(study: Study, to: str, actor: str, now: datetime, at: datetime | None = None) -> Study:
    """Record that the report went to ``to`` (a code of :data:`RECIPIENTS` or a department's
    name) at ``at`` (default ``now``). It must say what was found and what is suggested."""
    _require_draft(study)
    recipient = RECIPIENTS.get(to.strip(), to.strip())
    problems = _text_problems(("to", recipient, NAME_LIMIT, True))
    problems += [
        Problem(name, "required_to_submit")
        for name in ("findings", "suggestions")
        if not getattr(study, name)
    ]
    if problems:
        raise InvalidInput(problems)
    when = _when(study, at, now)
    step = StudyStep(when, actor, "submit", recipient)
    return evolve(study, submitted_to=recipient, submitted_at=when, steps=(*study.steps, step))


def answer(study: Study, text: str, actor: str, now: datetime, at: datetime | None = None) -> Study:
    """Record the answer (or the office meeting's decision) to a submitted report."""
    if study.state is not StudyState.SUBMITTED:
        code = "study_answered" if study.state is StudyState.ANSWERED else "study_not_submitted"
        raise refuse(code, id=study.id)
    problems = _text_problems(("text", text, TEXT_LIMIT, True))
    if problems:
        raise InvalidInput(problems)
    when = _when(study, at, now)
    step = StudyStep(when, actor, "answer")
    return evolve(study, answer=text.strip(), answered_at=when, steps=(*study.steps, step))


def _require_draft(study: Study) -> None:
    if study.state is not StudyState.DRAFT:
        raise refuse("study_submitted", id=study.id, to=study.submitted_to)


def _when(study: Study, at: datetime | None, now: datetime) -> datetime:
    """When a step happened: ``now``, or earlier (a meeting held before it was recorded), never
    in the future nor before the study's last step."""
    if at is None:
        return now
    if at > now:
        raise InvalidInput([Problem("at", "at_in_future")])
    if study.steps and at < study.steps[-1].at:
        last = f"{study.steps[-1].at.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"
        raise InvalidInput([Problem("at", "study_at_before_last", {"last": last})])
    return at


def _text_problems(*fields: tuple[str, str, int, bool]) -> list[Problem]:
    found: list[Problem] = []
    for name, value, limit, required in fields:
        if required and not value.strip():
            found.append(Problem(name, "required"))
        elif len(value) > limit:
            found.append(Problem(name, "too_long", {"length": len(value), "limit": limit}))
    return found
