"""A report as the reports screen shows it: in the clerk's language, every figure formatted.

The Chinese screen shows the document exactly as it is exported; in Korean and
English the titles, notes, headings and the names in the cells are put in that
language by their keys (``hotline_tui.report_words``). Numbers read the same
everywhere: counts as integers, rates as percentages, scores with one or two decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from attrs import frozen

from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.reports.comparison import ON_PAPER
from hotline_core.domain.reports.filings import FilingState
from hotline_core.domain.reports.hotspots import NOT_RECORDED
from hotline_core.domain.reports.table import Cell, Column, Document, Kind, Table
from hotline_tui.i18n import Translator
from hotline_tui.report_words import (
    DOCUMENT_TITLES,
    FILING_STATES,
    HEADINGS,
    NOTES,
    TABLE_TITLES,
    UNIT_KINDS,
    WEIGHT_NAMES,
    ZH_NO_DIFFERENCE,
    ZH_TOTAL,
)

_LIMITS = ("sign", "contact", "close")
_LIMIT_PARTS = ("on_time", "late", "pending", "rate")
_LISTS = ("places", "order_ids")  # cells that hold several values joined by 、
_AS_WRITTEN = ("text", "phone", "month")  # a citizen's words, a masked number, a month
_SOURCE_SEPARATOR = "、"
# A filing state shown by its label alone (the comparison has no code column): its code.
_FILING_CODES = {state.label: state.value for state in FilingState}


@frozen
class TableView:
    key: str
    title: str
    keys: tuple[str, ...]  # the shown columns' keys
    headings: tuple[str, ...]
    kinds: tuple[Kind, ...]
    rows: tuple[tuple[str, ...], ...]
    figures: tuple[tuple[Cell, ...], ...]  # the shown columns' raw values, for the chart
    total_row: bool


@frozen
class ReportView:
    title: str
    notes: tuple[str, ...]
    tables: tuple[TableView, ...]


def number(value: Cell, kind: Kind) -> str:
    """A figure as people read it: 12, 87.5%, 68.5 or 68.49 (never 68.4986)."""
    if value is None:
        return ""
    if kind is Kind.RATE and isinstance(value, int | float):
        return f"{value:.1%}"
    if kind is Kind.SCORE and isinstance(value, int | float):
        one = f"{value:.1f}"
        return one if float(one) == round(value, 2) else f"{value:.2f}"
    if isinstance(value, datetime):
        return value.astimezone(SHANGHAI).strftime("%m-%d %H:%M")
    return str(value)


def view(document: Document, t: Translator) -> ReportView:
    meta = dict(document.meta)
    if t.column == 0:
        tables = tuple(
            _table(table, table.title, [c.heading for c in table.columns], t) for table in document.tables
        )
        return ReportView(document.title, document.notes, tables)
    title = _title(document, meta, t)
    tables = tuple(
        _table(table, _words(TABLE_TITLES, table.key, t) or title, [_heading(c, t) for c in table.columns], t)
        for table in document.tables
    )
    return ReportView(title, _notes(document, meta, t), tables)


def _words(table: dict[str, tuple[str, str]], key: str, t: Translator) -> str:
    return table[key][t.column - 1] if key in table else ""


def _title(document: Document, meta: dict[str, Cell], t: Translator) -> str:
    county = meta.get("county")
    where = t.name(str(county)) if county else _words(NOTES, "prefecture", t)
    period = meta.get("period") or meta.get("quarter") or ""
    return _words(DOCUMENT_TITLES, document.kind, t).format(where=where, period=period)


def _notes(document: Document, meta: dict[str, Cell], t: Translator) -> tuple[str, ...]:
    notes: list[str] = []
    if "period" in meta:
        notes.append(_words(NOTES, "period", t).format(period=meta["period"]))
    if "due" in meta:
        provisional = _words(NOTES, "provisional", t) if meta.get("provisional") else ""
        notes.append(_words(NOTES, "due", t).format(due=number(meta["due"], Kind.MOMENT)) + provisional)
    if isinstance(meta.get("as_of"), datetime):
        notes.append(_words(NOTES, "as_of", t).format(at=number(meta["as_of"], Kind.MOMENT)))
    if "previous" in meta:
        notes.append(_words(NOTES, "previous", t).format(previous=meta["previous"]))
    if document.kind == "annual_assessment":
        notes.append(_words(NOTES, "score", t))
    if document.kind == "summary_comparison":
        notes.append(_words(NOTES, "difference", t))
    return tuple(notes)


def _heading(column: Column, t: Translator) -> str:
    key = column.key
    if key in HEADINGS:
        return _words(HEADINGS, key, t)
    prefix, _, rest = key.partition("_")
    if prefix in ("type", "area"):
        return t.name(rest)
    if prefix == "outcome":
        return _words(HEADINGS, "outcome", t).format(outcome=t.name(rest))
    for limit in _LIMITS:
        part = key.removeprefix(f"{limit}_")
        if part in _LIMIT_PARTS:
            return _words(HEADINGS, part, t).format(limit=t(f"limit.{limit}"))
    return column.heading


def _table(table: Table, title: str, headings: Sequence[str], t: Translator) -> TableView:
    shown = [i for i, c in enumerate(table.columns) if c.kind is not Kind.CODE]
    keys = [c.key for c in table.columns]
    rows = tuple(tuple(_cell(row, i, table.columns[i], keys, t) for i in shown) for row in table.rows)
    return TableView(
        table.key,
        title,
        tuple(keys[i] for i in shown),
        tuple(headings[i] for i in shown),
        tuple(table.columns[i].kind for i in shown),
        rows,
        tuple(tuple(row[i] for i in shown) for row in table.rows),
        table.total_row,
    )


def _figure(text: str, code: Cell, t: Translator) -> str:
    return _heading(Column(str(code), text), t) if code else text


def _cell(row: tuple[Cell, ...], i: int, column: Column, keys: list[str], t: Translator) -> str:
    value = row[i]
    if column.kind is not Kind.TEXT or value is None or t.column == 0 or column.key in _AS_WRITTEN:
        return number(value, column.kind)
    text = str(value)
    code = row[i + 1] if i + 1 < len(row) and keys[i + 1] in ("code", "key", "state_code") else None
    if text == ZH_TOTAL:
        return _words(NOTES, "total", t)
    if text == NOT_RECORDED:
        return _words(NOTES, "not_recorded", t)
    if column.key == "unit_kind":
        return _words(UNIT_KINDS, text, t) or text
    if column.key == "state":
        return _words(FILING_STATES, str(code or _FILING_CODES.get(text, "")), t) or text
    if column.key == "figure":  # a count of the summary, named by its column's key
        if text == ON_PAPER:
            return _words(NOTES, "on_paper", t)
        return _words(NOTES, "no_difference", t) if text == ZH_NO_DIFFERENCE else _figure(text, code, t)
    if column.key == "component" and code is not None:
        return _words(WEIGHT_NAMES, str(code), t) or text
    if column.key == "item" and code is not None:
        return _words(HEADINGS, str(code), t) or text
    if column.key in _LISTS:
        return t.names(t.name(part) for part in text.split(_SOURCE_SEPARATOR))
    if code is not None:
        return t.name(str(code))
    return t.name(text)  # a place, a unit, a county: their names; other text as written
