"""Use cases of reports: the county summary filed, a report built, a report exported."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.exchange.pulling import LinkKind
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.permissions import may_see, report_county
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.quarters import Quarter, summary_due_in_force
from hotline_core.domain.vocabulary import COUNTIES, Place, Role
from hotline_core.services.access import cannot_write, identify, record_access
from hotline_core.services.named import NamedFiles
from hotline_core.services.ports import Repository
from hotline_core.services.summaries import file_table, quarter_orders

if TYPE_CHECKING:  # the reports load when a report is asked for, not when the UI starts
    from hotline_core.domain.reports import Assessment, Document, HotIssues, QuarterlySummary, SummaryFilings
    from hotline_core.domain.reports.comparison import SummaryComparison

    Report = QuarterlySummary | HotIssues | Assessment | SummaryFilings | SummaryComparison


def file_summary(repo: Repository, actor: str, quarter: Quarter, county: str | None, now: datetime) -> str:
    """A county files its quarterly summary table (source 四(四)): the county clerk the
    table generated, checked and scanned (``services.summaries``); the rights department
    records a summary received on paper."""
    with repo.transaction() as session:
        person = identify(session, actor)
        if person.has(Role.COUNTY_CLERK) and person.county is not None and not person.has(Role.HANDLER):
            return file_table(session, person, quarter, now).value
        if person.has(Role.HANDLER) and county in {p.value for p in COUNTIES}:
            place = county  # the rights department records a summary received on paper
        elif person.has(Role.HANDLER):
            raise InvalidInput([Problem("county", "not_a_county")])
        else:
            raise refuse("not_permitted", action="summary", login=actor)
        session.file_summary(quarter, place, now)
    return place


def orders_for_report(repo: Repository, person: Person, last_day: date) -> list[WorkOrder]:
    """Open orders and every archive up to the quarter of ``last_day`` that ``person`` may see:
    what a report may count. The reports mask what they show of a citizen themselves."""
    orders = {o.id: o for o in repo.snapshot().orders()}
    last = str(Quarter.of(last_day))
    for period in repo.archive_periods():
        if period <= last:
            orders.update((o.id, o) for o in repo.archived_orders(period))
    return [o for o in orders.values() if may_see(person, o)]


REPORT_KINDS = ("quarterly", "hotspots", "assessment", "filings", "comparison")


def report(
    repo: Repository, actor: str, kind: str, period_text: str, county: str | None, now: datetime
) -> Report:
    """A report object of ``hotline_core.domain.reports`` as ``actor`` may read it: a county
    clerk gets their county's, a department none (``permissions.report_county``). A report
    that names citizens' orders (the repeat callers of the hot issues) is written in the
    access log; the counts of the others are not personal data."""
    person = identify(repo.snapshot(), actor)
    place = report_county(person, _place(county))
    made = _build(repo, person, kind, period_text, place, now)
    if kind in PERSONAL_REPORTS:
        subject = " ".join(x for x in (kind, period_text, place.value if place else "") if x)
        try:
            with repo.transaction() as session:
                record_access(session, person, AccessKind.REPORT, subject, (), now)
        except OSError as error:  # its phones are masked: on a full disk it is still given
            if not cannot_write(error):
                raise
    return made


# Reports that carry something of a person (a masked phone with its orders), logged when made.
PERSONAL_REPORTS = frozenset({"hotspots"})


def _build(
    repo: Repository, person: Person, kind: str, period_text: str, place: Place | None, now: datetime
) -> Report:
    from hotline_core.domain import reports

    snapshot = repo.snapshot()
    settings = snapshot.settings()
    if kind == "filings":
        quarter = Quarter.parse(period_text, "period")
        due = summary_due_in_force(quarter, settings.calendar, settings.policies)
        filed = {Place(c): at for c, at in snapshot.summaries(quarter).items()}
        return reports.summary_filings(quarter, due, filed, now)
    if kind == "comparison":
        return _comparison(repo, Quarter.parse(period_text, "period"), place, now)
    period = reports.Period.parse(period_text)
    orders = orders_for_report(repo, person, period.last_day)
    if kind == "quarterly":
        return reports.quarterly_summary(
            orders,
            period,
            now,
            settings.calendar,
            settings.policies,
            county=place,
            services=snapshot.services(),
        )
    if kind == "hotspots":  # the orders include the previous period's
        repeats = {o: link.parent for o, link in snapshot.links().items() if link.kind is not LinkKind.CHILD}
        return reports.hot_issues(orders, period, services=snapshot.services(), links=repeats)
    if kind == "assessment":
        return reports.annual_assessment(
            orders, period, now, settings.calendar, settings.policies, organization=settings.organization
        )
    raise InvalidInput([Problem("kind", "not_in_list", {"choices": "、".join(REPORT_KINDS)})])


def _place(text: str | None) -> Place | None:
    if text is None:
        return None
    if text not in {p.value for p in Place}:
        raise InvalidInput([Problem("county", "not_in_list", {"choices": "、".join(Place)})])
    return Place(text)


def export_report(
    report: Report | Document, file_format: str, path: str | Path, files: NamedFiles | None = None
) -> list[Path]:
    """Write a report (or its document) as xlsx, CSV (UTF-8 with BOM) or JSON, whole or not at all,
    where the acting person may write (``files``); the files written (several CSVs for some reports)."""
    from hotline_core.adapters.report_files import export
    from hotline_core.domain.reports import Document, to_document

    document = report if isinstance(report, Document) else to_document(report)
    return export(document, file_format, path, files or NamedFiles())


def report_json(document: Document) -> dict[str, Any]:
    """A report's document as the plain JSON values its export would hold."""
    from hotline_core.adapters.report_files import to_json

    return to_json(document)


def _comparison(repo: Repository, quarter: Quarter, place: Place | None, now: datetime) -> Report:
    """Each county's filed table beside the system's count for it (a county clerk: their own)."""
    from hotline_core.domain.reports import quarterly_summary
    from hotline_core.domain.reports.comparison import compare_summaries

    snapshot = repo.snapshot()
    settings = snapshot.settings()
    due = summary_due_in_force(quarter, settings.calendar, settings.policies)
    tables = {t.county: t for t in snapshot.summary_tables(quarter) if place is None or t.county is place}
    counted = quarterly_summary(
        quarter_orders(repo, quarter), quarter, now, settings.calendar, settings.policies
    )
    paper = {
        Place(c): at for c, at in snapshot.summaries(quarter).items() if place is None or Place(c) is place
    }
    return compare_summaries(quarter, due, tables, counted, now, on_paper=paper)
