"""The counties' quarterly summaries as deliverables: who filed on time, late, or not at all.

Source 四(四): each county federation sends the prefecture its hotline
summary table (汇总表) by the 3rd of the quarter's first month;
``hotline_core.domain.quarters.summary_due`` says when exactly. A filing counts on
time when made by the due instant (the midnight closing the due day), as
any limit is met by its due time. The alerts for missing ones are
``hotline_core.domain.escalation.summary_alerts``; this is the table the rights
department looks at.

Since issue 18 the filing is the table itself (``hotline_core.domain.summary_table``),
and ``comparison`` sets each county's filed figures beside the system's count.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from attrs import frozen

from hotline_core.domain.clocks import Deadline
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.vocabulary import COUNTIES, Place


class FilingState(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"  # not filed, and the due time has passed
    NOT_YET_DUE = "not_yet_due"  # not filed, and there is still time

    @property
    def label(self) -> str:
        return {
            "on_time": "按时报送",
            "late": "逾期报送",
            "missing": "逾期未报送",
            "not_yet_due": "未报送（未到期）",
        }[self.value]


@frozen
class CountyFiling:
    county: Place
    state: FilingState
    filed_at: datetime | None = None


@frozen
class SummaryFilings:
    """Where each county's summary of ``quarter`` stands as of ``as_of``."""

    quarter: Quarter
    due: datetime
    provisional: bool
    as_of: datetime
    counties: tuple[CountyFiling, ...]


def filing_state(filed_at: datetime | None, due: datetime, now: datetime) -> FilingState:
    """On time by ``due``, late after it; unfiled is missing only once ``due`` has passed."""
    if filed_at is not None and filed_at <= now:
        return FilingState.ON_TIME if filed_at <= due else FilingState.LATE
    return FilingState.MISSING if now > due else FilingState.NOT_YET_DUE


def summary_filings(
    quarter: Quarter, due: Deadline, filed: Mapping[Place, datetime], now: datetime
) -> SummaryFilings:
    """Each county's filing of ``quarter``'s summary; ``filed`` maps a county to when it filed.

    A filing stamped after ``now`` has not happened yet as of ``now``.
    """
    counties = []
    for county in COUNTIES:
        filed_at = filed.get(county)
        state = filing_state(filed_at, due.due, now)
        known = filed_at if state in (FilingState.ON_TIME, FilingState.LATE) else None
        counties.append(CountyFiling(county, state, known))
    return SummaryFilings(quarter, due.due, due.provisional, now, tuple(counties))
