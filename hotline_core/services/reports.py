"""Use cases of reports: the county summary filed, a report built, a report exported."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from hotline_core.domain.order import WorkOrder
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.quarters import Quarter, summary_due
from hotline_core.domain.vocabulary import COUNTIES, Place, Role
from hotline_core.services.access import identify
from hotline_core.services.ports import Repository


def file_summary(repo: Repository, actor: str, quarter: Quarter, county: str | None, now: datetime) -> str:
    """A county records that it sent its quarterly summary table (source 四(四))."""
    with repo.transaction() as session:
        person = identify(session, actor)
        if person.has(Role.COUNTY_CLERK) and person.county is not None:
            place = person.county.value
        elif person.has(Role.HANDLER) and county in {p.value for p in COUNTIES}:
            place = county  # the rights department records a summary received on paper
        elif person.has(Role.HANDLER):
            raise InvalidInput([Problem("county", "not_a_county")])
        else:
            raise refuse("not_permitted", action="summary", login=actor)
        session.file_summary(quarter, place, now)
    return place


def orders_for_report(repo: Repository, last_day: date) -> list[WorkOrder]:
    """Open orders and every archive up to the quarter of ``last_day``: what a report may count."""
    orders = {o.id: o for o in repo.snapshot().orders()}
    last = str(Quarter.of(last_day))
    for period in repo.archive_periods():
        if period <= last:
            orders.update((o.id, o) for o in repo.archived_orders(period))
    return list(orders.values())


REPORT_KINDS = ("quarterly", "hotspots", "assessment", "filings")


def report(repo: Repository, kind: str, period_text: str, county: str | None, now: datetime) -> Any:
    """A report object of ``hotline_core.domain.reports``; imported here only, as few commands need it."""
    from hotline_core.domain import reports

    snapshot = repo.snapshot()
    settings = snapshot.settings()
    if kind == "filings":
        quarter = Quarter.parse(period_text, "period")
        due = summary_due(quarter, settings.calendar, settings.policies.policy_for(now).summary_due_day)
        filed = {Place(c): at for c, at in snapshot.summaries(quarter).items()}
        return reports.summary_filings(quarter, due, filed, now)
    period = reports.Period.parse(period_text)
    orders = orders_for_report(repo, period.last_day)
    if kind == "quarterly":
        return reports.quarterly_summary(
            orders, period, now, settings.calendar, settings.policies, county=_place(county)
        )
    if kind == "hotspots":
        return reports.hot_issues(orders, period)  # the orders include the previous period's
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


def export_report(report: Any, file_format: str, path: str | Path) -> list[Path]:
    """Write a report (or its document) as xlsx, CSV (UTF-8 with BOM) or JSON, whole or not at all;
    the files written (several CSVs for some reports)."""
    from hotline_core.adapters.report_files import export

    return export(report, file_format, path)


def report_json(document: Any) -> dict[str, Any]:
    """A report's document as the plain JSON values its export would hold."""
    from hotline_core.adapters.report_files import to_json

    return to_json(document)
