"""A county's quarterly summary table as its clerk prepares and files it (issue 18, source 四(四)).

The filing is the table itself: the county clerk generates it from the county's
orders, checks it, adds notes, attaches the signed and stamped scan, and files it;
a filed table never changes. Its counts are the count columns of the summary table
(``hotline_core.domain.reports.layout.SUMMARY_COLUMNS``), by their keys. It lives
outside the reports package so that storage can read it without loading the reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from attrs import evolve, frozen

from hotline_core.domain.model import Attachment
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.vocabulary import Place


@frozen
class SummaryTable:
    """A county's quarterly summary table (汇总表) as its clerk prepares and files it."""

    county: Place
    quarter: Quarter
    counts: dict[str, int]
    generated_at: datetime
    generated_by: str
    checked_at: datetime | None = None
    checked_by: str | None = None
    notes: str = ""
    scan: Attachment | None = None
    filed_at: datetime | None = None
    filed_by: str | None = None


def _open(table: SummaryTable | None, quarter: Quarter) -> SummaryTable:
    """The table being prepared; refused when none was generated or it was filed."""
    if table is None:
        raise refuse("summary_not_generated", quarter=str(quarter))
    if table.filed_at is not None:
        raise refuse("summary_filed", quarter=str(quarter), at=table.filed_at.isoformat(timespec="minutes"))
    return table


def generated(
    before: SummaryTable | None,
    county: Place,
    quarter: Quarter,
    counts: Mapping[str, int],
    by: str,
    at: datetime,
) -> SummaryTable:
    """The table counted afresh from the county's orders; its notes and scan stay, its check
    does not (the figures it checked may have changed)."""
    table = SummaryTable(county, quarter, dict(counts), at, by)
    if before is None:
        return table
    _open(before, quarter)
    return evolve(table, notes=before.notes, scan=before.scan)


def checked(table: SummaryTable | None, quarter: Quarter, by: str, at: datetime) -> SummaryTable:
    return evolve(_open(table, quarter), checked_at=at, checked_by=by)


def annotated(table: SummaryTable | None, quarter: Quarter, notes: str) -> SummaryTable:
    return evolve(_open(table, quarter), notes=notes.strip())


def with_scan(table: SummaryTable | None, quarter: Quarter, scan: Attachment) -> SummaryTable:
    return evolve(_open(table, quarter), scan=scan)


def filed(table: SummaryTable | None, quarter: Quarter, by: str, at: datetime) -> SummaryTable:
    """Filed once checked and with the signed scan; then it never changes."""
    current = _open(table, quarter)
    problems = []
    if current.checked_at is None:
        problems.append(Problem("", "summary_not_checked"))
    if current.scan is None:
        problems.append(Problem("scan", "summary_needs_scan"))
    if problems:
        raise InvalidInput(problems)
    return evolve(current, filed_at=at, filed_by=by)
