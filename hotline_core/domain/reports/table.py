"""Reports as tables: the one shape that the xlsx, CSV and JSON exports all write.

A report is laid out once (``hotline_core.domain.reports.layout``) as a
:class:`Document` of :class:`Table` values; each column has an English
``key`` for JSON and a Chinese ``heading`` for people, and a :class:`Kind`
that tells each format how to write its cells: a rate is a fraction in JSON
and CSV and a percentage cell in Excel, a moment is ISO 8601 text or an
Excel date. The same figures therefore reach every format.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum

from attrs import frozen

Cell = str | int | float | date | datetime | None


class Kind(StrEnum):
    TEXT = "text"
    CODE = "code"  # a category's code: in JSON only, people read the label beside it
    COUNT = "count"
    RATE = "rate"  # a fraction, 0.875
    SCORE = "score"  # 0–100, one decimal shown
    MOMENT = "moment"  # an aware datetime


@frozen
class Column:
    key: str
    heading: str
    kind: Kind = Kind.COUNT


@frozen
class Table:
    """One table; ``sheet`` names its Excel sheet (the title if short enough);
    ``total_row`` marks the last row as a total, shown in bold."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    sheet: str = ""
    total_row: bool = False

    @property
    def sheet_name(self) -> str:
        """A name Excel and WPS accept: at most 31 characters, none of []:*?/\\."""
        return re.sub(r"[\[\]:*?/\\]", "", self.sheet or self.title)[:31]

    def records(self) -> list[dict[str, Cell]]:
        """The rows as ``{key: value}``, for JSON."""
        return [dict(zip((c.key for c in self.columns), row, strict=True)) for row in self.rows]


@frozen
class Document:
    """A report ready to export: a title, lines saying what it covers, its tables.

    ``meta`` holds the same facts as plain values for JSON (period, as-of
    moment ...); ``notes`` says them in Chinese under each sheet's title.
    """

    kind: str
    title: str
    notes: tuple[str, ...]
    meta: tuple[tuple[str, Cell], ...]
    tables: tuple[Table, ...]
