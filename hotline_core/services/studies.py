"""Use cases of special studies and hot-issues analyses (source 四(五), 一(三), 四(六)).

The rights department (handlers) opens a study, adds orders (by number, or every order
of a period whose appeal mentions a hot issue), writes the findings and suggestions,
drafts the Word report, and records where it went and what came back. Leaders, viewers
(the office meeting, auditors) and the administrator read the studies and draft their
reports; a viewer's report is masked like every other view of an order, and a report
that shows orders whole is written in the access log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from hotline_core.domain import studies as rules
from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.permissions import sees_personal_data
from hotline_core.domain.privacy import masked_order
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.studies import Study
from hotline_core.domain.studies.study import next_id, study_kind
from hotline_core.domain.vocabulary import Role
from hotline_core.services.access import cannot_write, identify, logged_views, record_access, require
from hotline_core.services.named import NamedFiles, named_files_of
from hotline_core.services.orders import any_order, view_of
from hotline_core.services.ports import Repository, Session
from hotline_core.services.reports import orders_for_report

_READERS = frozenset({Role.HANDLER, Role.LEADER, Role.VIEWER, Role.ADMIN})


def open_study(
    repo: Repository,
    actor: str,
    kind: str,
    title: str,
    problem: str,
    now: datetime,
    period: str = "",
    hot_issue: str = "",
) -> Study:
    """A new study (or analysis) numbered ZY2026-001 / FX2026-001, in draft."""
    with repo.transaction() as session:
        require(identify(session, actor), Role.HANDLER, "study open")
        taken = [s.id for s in session.studies()]
        study_id = next_id(study_kind(kind), now.year, taken)
        study = rules.new_study(study_id, kind, title, problem, actor, now, period, hot_issue)
        session.put_study(study)
    return study


def add_study_orders(
    repo: Repository,
    actor: str,
    study_id: str,
    order_ids: Iterable[str],
    now: datetime,
    matching: str = "",
) -> Study:
    """Add orders by number, and with ``matching`` every order of the study's period whose
    appeal mentions that text (open or archived). An unknown number is refused."""
    ids = list(dict.fromkeys(i.strip() for i in order_ids if i.strip()))
    snapshot = repo.snapshot()
    person = identify(snapshot, actor)
    require(person, Role.HANDLER, "study add-orders")
    known = set(snapshot.order_ids()) | repo.archived_ids()
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise InvalidInput([Problem("orders", "unknown_order", {"id": "、".join(unknown)})])
    if matching.strip():
        ids += _matching(repo, person, _study(snapshot, study_id), matching.strip())
    with repo.transaction() as session:
        require(identify(session, actor), Role.HANDLER, "study add-orders")
        updated = rules.add_orders(_study(session, study_id), ids, actor, now)
        session.put_study(updated)
    return updated


def _matching(repo: Repository, person: Person, study: Study, text: str) -> list[str]:
    period = study.report_period
    if period is None:
        raise InvalidInput([Problem("period", "required")])
    orders = orders_for_report(repo, person, period.last_day)
    found = [
        o for o in orders if period.contains(o.record.received_at) and text in o.state.record.appeal.text
    ]
    return [o.id for o in sorted(found, key=lambda o: o.record.received_at)]


def write_study(
    repo: Repository,
    actor: str,
    study_id: str,
    now: datetime,
    findings: str | None = None,
    suggestions: str | None = None,
    title: str | None = None,
) -> Study:
    return _step(
        repo,
        actor,
        study_id,
        "study write",
        lambda s: rules.write(s, actor, now, findings, suggestions, title),
    )


def submit_study(
    repo: Repository, actor: str, study_id: str, to: str, now: datetime, at: datetime | None = None
) -> Study:
    return _step(repo, actor, study_id, "study submit", lambda s: rules.submit(s, to, actor, now, at))


def answer_study(
    repo: Repository, actor: str, study_id: str, text: str, now: datetime, at: datetime | None = None
) -> Study:
    return _step(repo, actor, study_id, "study answer", lambda s: rules.answer(s, text, actor, now, at))


def _step(
    repo: Repository, actor: str, study_id: str, action: str, change: Callable[[Study], Study]
) -> Study:
    with repo.transaction() as session:
        require(identify(session, actor), Role.HANDLER, action)
        updated = change(_study(session, study_id))
        session.put_study(updated)
    return updated


def list_studies(repo: Repository, actor: str) -> tuple[Study, ...]:
    session = repo.snapshot()
    _reader(identify(session, actor))
    return session.studies()


def find_study(repo: Repository, actor: str, study_id: str) -> Study:
    session = repo.snapshot()
    _reader(identify(session, actor))
    return _study(session, study_id)


def draft_study(
    repo: Repository, actor: str, study_id: str, path: Path, now: datetime, files: NamedFiles | None = None
) -> Path:
    """Write the study's report as a Word document at ``path`` (where the acting person may
    write, ``files``): the figures of its orders (as the reader may see them) and, over a
    period, the hot-issues tables; then the findings, the suggestions and where it went. The
    orders shown whole are logged first."""
    from hotline_core.domain.reports import hot_issues
    from hotline_core.domain.studies.document import study_paper

    session = repo.snapshot()
    person = identify(session, actor)
    _reader(person)
    study = _study(session, study_id)
    pairs = _orders(repo, session, person, study)
    period = study.report_period
    hot = None
    if period is not None:
        hot = hot_issues(orders_for_report(repo, person, period.last_day), period)
    shown = logged_views(repo, person, AccessKind.REPORT, f"study {study.id}", pairs, now, masked_order)
    if hot is not None:  # its repeat callers tie (masked) phones to orders, as the hotspots report
        _log_hot_issues(repo, person, f"study {study.id} hotspots {study.period}", now)
    masked = any(view is not order for order, view in zip((o for o, _ in pairs), shown, strict=True))
    paper = study_paper(study, shown, hot, actor, now, masked or not sees_personal_data(person))
    from hotline_core.adapters.paper.word import write_docx  # deferred: only drafting needs it

    return write_docx(paper, Path(path), named_files_of(repo, files))


def _log_hot_issues(repo: Repository, person: Person, subject: str, now: datetime) -> None:
    """Written as ``hotline report hotspots`` is; its phones are masked, so on a full disk or a
    read-only copy the report is still drafted."""
    try:
        with repo.transaction() as session:
            record_access(session, person, AccessKind.REPORT, subject, (), now)
    except OSError as error:
        if not cannot_write(error):
            raise


def _orders(
    repo: Repository, session: Session, person: Person, study: Study
) -> list[tuple[WorkOrder, WorkOrder]]:
    """The study's orders, open or archived, with the view ``person`` may have of each."""
    pairs = []
    for order_id in study.order_ids:
        order = any_order(repo, session, order_id)
        view = None if order is None else view_of(person, order)
        if order is not None and view is not None:
            pairs.append((order, view))
    return pairs


def _reader(person: Person) -> None:
    if not person.roles & _READERS:
        raise refuse("not_permitted", action="study", login=person.login)


def _study(session: Session, study_id: str) -> Study:
    study = session.study(study_id)
    if study is None:
        raise InvalidInput([Problem("study", "unknown_study", {"id": study_id})])
    return study
