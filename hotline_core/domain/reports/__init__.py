"""Reports over work orders (SPEC 7): pure aggregation here, files only in ``export``.

- :func:`quarterly_summary` — the summary table (汇总表) per place, any period;
- :func:`hot_issues` — hot and difficult issues (热点难点) for the office meeting;
- :func:`annual_assessment` — the yearly score of each unit (年度考核);
- :func:`summary_filings` — which counties filed their summary on time;
- :func:`to_document` — any of them as tables with Chinese headings;
- ``hotline_core.adapters.report_files.export(report, format, path)`` — xlsx, CSV, JSON.

Every function takes the orders, the period and ``now`` as parameters and
reads no clock and no file. Column definitions: ``docs/reports.md``.
"""

from hotline_core.domain.reports.assessment import (
    DEFAULT_WEIGHTS,
    Assessment,
    UnitAssessment,
    Weights,
    annual_assessment,
)
from hotline_core.domain.reports.filings import (
    CountyFiling,
    FilingState,
    SummaryFilings,
    summary_filings,
)
from hotline_core.domain.reports.hotspots import HotIssues, hot_issues
from hotline_core.domain.reports.layout import to_document
from hotline_core.domain.reports.period import Period, as_period
from hotline_core.domain.reports.quarterly import (
    QuarterlySummary,
    SummaryRow,
    quarterly_summary,
)
from hotline_core.domain.reports.table import Column, Document, Kind, Table

__all__ = [
    "DEFAULT_WEIGHTS",
    "Assessment",
    "Column",
    "CountyFiling",
    "Document",
    "FilingState",
    "HotIssues",
    "Kind",
    "Period",
    "QuarterlySummary",
    "SummaryFilings",
    "SummaryRow",
    "Table",
    "UnitAssessment",
    "Weights",
    "annual_assessment",
    "as_period",
    "hot_issues",
    "quarterly_summary",
    "summary_filings",
    "to_document",
]
