"""Use cases of a county's quarterly summary table: generate, check, note, attach the scan, file;
and the prefecture's comparison of the filed figures with the system's (issue 18).

The figures are counted from every order of the county received in the quarter, not
only those the clerk may open: counts are not personal data, and the county's table
must count what the prefecture counts for it, so that a difference means something
changed after the table was generated, not that the two looked at different orders.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from hotline_core.adapters.serialization import CONVERTER
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import refuse
from hotline_core.domain.quarters import Quarter, summary_due_in_force
from hotline_core.domain.summary_table import SummaryTable, annotated, checked, filed, generated, with_scan
from hotline_core.domain.vocabulary import Place, Role
from hotline_core.services.access import identify, outside_database
from hotline_core.services.named import NamedFiles, named_files_of
from hotline_core.services.ports import Repository, Session


def _county_of(person: Person, action: str) -> Place:
    if person.has(Role.COUNTY_CLERK) and person.county is not None:
        return person.county
    raise refuse("not_permitted", action=action, login=person.login)


def quarter_orders(repo: Repository, quarter: Quarter) -> list[WorkOrder]:
    """Every order, open or archived up to ``quarter``: what a count of the quarter may need."""
    orders = {o.id: o for o in repo.snapshot().orders()}
    for period in repo.archive_periods():
        if period <= str(quarter):
            orders.update((o.id, o) for o in repo.archived_orders(period))
    return list(orders.values())


def count_county(
    repo: Repository, session: Session, quarter: Quarter, county: Place, now: datetime
) -> dict[str, int]:
    """The count columns of the county's row of the quarter's summary table, as of ``now``."""
    from hotline_core.domain.reports import quarterly_summary
    from hotline_core.domain.reports.comparison import summary_counts

    settings = session.settings()
    summary = quarterly_summary(
        quarter_orders(repo, quarter), quarter, now, settings.calendar, settings.policies, county=county
    )
    return summary_counts(summary.rows[0])


def generate_summary(repo: Repository, actor: str, quarter: Quarter, now: datetime) -> SummaryTable:
    """The county clerk counts the table afresh from the county's orders (a filed one stays)."""
    person = identify(repo.snapshot(), actor)
    county = _county_of(person, "summary generate")
    counts = count_county(repo, repo.snapshot(), quarter, county, now)
    with repo.transaction() as session:
        table = generated(session.summary_table(quarter, county.value), county, quarter, counts, actor, now)
        session.put_summary_table(table)
    return table


def check_summary(repo: Repository, actor: str, quarter: Quarter, now: datetime) -> SummaryTable:
    """The clerk has checked the figures (a regenerated table needs checking again)."""
    with repo.transaction() as session:
        county = _county_of(identify(session, actor), "summary check")
        table = checked(session.summary_table(quarter, county.value), quarter, actor, now)
        session.put_summary_table(table)
    return table


def note_summary(repo: Repository, actor: str, quarter: Quarter, notes: str) -> SummaryTable:
    with repo.transaction() as session:
        county = _county_of(identify(session, actor), "summary note")
        table = annotated(session.summary_table(quarter, county.value), quarter, notes)
        session.put_summary_table(table)
    return table


def attach_scan(
    repo: Repository, actor: str, quarter: Quarter, path: Path, files: NamedFiles | None = None
) -> SummaryTable:
    """The signed and stamped table, scanned (PDF or image, checked as any attachment, with
    the acting person's rights)."""
    limit = repo.snapshot().settings().attachment_limit_mb
    scan = repo.inspect_attachment(
        outside_database(repo, Path(path), "scan"), limit, named_files_of(repo, files)
    )
    with repo.transaction() as session:
        county = _county_of(identify(session, actor), "summary attach")
        table = with_scan(session.summary_table(quarter, county.value), quarter, scan)
        repo.keep_attachment(scan)
        session.put_summary_table(table)
    return table


def file_table(session: Session, person: Person, quarter: Quarter, now: datetime) -> Place:
    """File the clerk's checked table with its scan; the filing moment is the one the
    prefecture's filings report and escalation read."""
    county = _county_of(person, "summary")
    table = filed(session.summary_table(quarter, county.value), quarter, person.login, now)
    session.put_summary_table(table)
    session.file_summary(quarter, county.value, now)
    return county


def summary_table_of(
    repo: Repository, actor: str, quarter: Quarter, county: str | None
) -> SummaryTable | None:
    """A county's table of ``quarter``: the clerk's own, or any county's for the prefecture."""
    session = repo.snapshot()
    person = identify(session, actor)
    if person.has(Role.COUNTY_CLERK) and person.county is not None and not person.has(Role.HANDLER):
        return session.summary_table(quarter, person.county.value)
    if not person.roles & {Role.HANDLER, Role.LEADER, Role.VIEWER, Role.ADMIN}:
        raise refuse("not_permitted", action="summary show", login=actor)
    return session.summary_table(quarter, county or "")


def summary_table_json(repo: Repository, table: SummaryTable) -> dict[str, Any]:
    """The table as plain values (``--json``), with when it is due: ``due`` by the prefecture's
    rules (what the filing is measured against), ``county_due`` by the county's own (its
    summary due day may be earlier, never later); both as in force at the quarter's end."""
    settings = repo.snapshot().settings()
    due = summary_due_in_force(table.quarter, settings.calendar, settings.policies)
    own = summary_due_in_force(table.quarter, settings.calendar, settings.policies, table.county)
    return {
        **CONVERTER.unstructure(table),
        "due": due.due.isoformat(),
        "county_due": own.due.isoformat(),
    }
