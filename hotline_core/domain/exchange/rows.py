"""From a platform's table to pushed orders, and the problems of every bad row.

A :class:`Table` is what a file holds, cells as text, each row with the row
number a clerk sees in the spreadsheet (the heading row is 1). Each row is read
through the :class:`~.mapping.Mapping` and checked by the record's own rules
(:func:`~hotline_core.domain.intake.parse_order`), so a pushed order is held to
exactly what a typed one is; a problem names the row, the column heading as the
file spells it, and the reason. Columns the mapping does not know are ignored:
exports carry many.
"""

from __future__ import annotations

import re
from datetime import datetime

from attrs import field, frozen

from hotline_core.domain.exchange.mapping import REQUIRED_ORDER_FIELDS, Mapping
from hotline_core.domain.intake import SHANGHAI, BadValue, as_text, flatten, parse_order, read_choice
from hotline_core.domain.model import OrderRecord
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.vocabulary import BusinessArea

# The record's form fields a pushed order fills; the others are the center's own.
RECORD_FIELDS: tuple[str, ...] = (
    "id",
    "received_at",
    "channel",
    "appeal_type",
    "appeal",
    "name",
    "phone",
    "county",
)
TIMES: tuple[str, ...] = ("received_at", "center_due")


@frozen
class Table:
    """One sheet or file: its headings and its rows as text, each with its row number."""

    source: str
    headings: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


@frozen
class Incoming:
    """What one pull brings: the tables the platform gave and the mapping to read them with."""

    tables: tuple[Table, ...]
    mapping: Mapping = field(factory=Mapping)


@frozen
class RowProblem:
    """Why one row (or, row 1, the heading row) was not taken: the column as headed, the reason."""

    source: str
    row: int
    column: str
    problem: Problem


@frozen
class PushedOrder:
    """A row of the center's push after mapping: every field as text in our codes
    (``channel``: ``phone``; times ISO 8601 with offset); what the database compares."""

    order_id: str
    fields: dict[str, str]
    source: str = ""
    row: int = 0


_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$")


def read_center_time(text: str) -> datetime:
    """A time as exports write it (``2026/11/20 16:00``, ``2026-11-20 16:00:00``, ``2026年11月20日
    16:00``, ISO 8601); without an offset it is Beijing time, the center's."""
    value = text.strip()
    match = _CN_DATE.match(value)
    if match:
        year, month, day, rest = match.groups()
        value = f"{year}-{int(month):02d}-{int(day):02d} {rest}".strip()
    value = value.replace("/", "-")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadValue("bad_datetime") from None
    if not 2000 <= moment.year <= 2099:
        raise BadValue("year_range")
    return moment if moment.tzinfo else moment.replace(tzinfo=SHANGHAI)


def _business_area(fields: dict[str, str]) -> str:
    """The business area the center's item classes name, if one does (事项小类 first)."""
    for name in ("subcategory", "category"):
        text = fields.get(name, "").removeprefix("残疾人")
        try:
            return read_choice(BusinessArea, text).value if text else ""
        except BadValue:
            continue
    return ""


def form_of(fields: dict[str, str]) -> dict[str, str]:
    """The intake form (SPEC 11) of a pushed order's fields."""
    form = {name: fields[name] for name in RECORD_FIELDS if fields.get(name)}
    area = _business_area(fields)
    return form | ({"business_area": area} if area else {})


def record_of(pushed: PushedOrder) -> OrderRecord:
    """The order record of a pushed order already read (its fields passed :func:`read_orders`)."""
    return parse_order(form_of(pushed.fields))


class _Columns:
    """Where each field is in a table, and how the table heads it."""

    def __init__(self, table: Table, mapping: Mapping) -> None:
        self.index: dict[str, int] = {}
        self.heading: dict[str, str] = {}
        for position, heading in enumerate(table.headings):
            name = mapping.order_field(heading)
            if name is not None and name not in self.index:
                self.index[name], self.heading[name] = position, heading.strip()
        self.mapping = mapping

    def missing(self) -> list[str]:
        return [name for name in REQUIRED_ORDER_FIELDS if name not in self.index]

    def default_heading(self, name: str) -> str:
        return next((h for h, f in self.mapping.orders.items() if f == name), name)

    def values(self, cells: tuple[str, ...]) -> dict[str, str]:
        return {
            name: cells[i].strip() for name, i in self.index.items() if i < len(cells) and cells[i].strip()
        }


def _read_row(
    values: dict[str, str], columns: _Columns, now: datetime
) -> tuple[dict[str, str], list[Problem]]:
    problems: list[Problem] = []
    fields = {name: columns.mapping.word(name, value) for name, value in values.items()}
    for name in TIMES:
        if name in fields:
            try:
                fields[name] = read_center_time(fields[name]).isoformat()
            except BadValue as bad:
                problems.append(Problem(name, bad.code, bad.params))
                del fields[name]
    try:
        record = parse_order(form_of(fields), now=now)
    except InvalidInput as error:
        known = {p.field for p in problems}
        return fields, problems + [p for p in error.problems if p.field not in known]
    form = flatten(record)
    fields |= {name: as_text(form[name]) for name in RECORD_FIELDS if fields.get(name)}
    due = fields.get("center_due")
    if due and datetime.fromisoformat(due) < record.received_at:
        problems.append(Problem("center_due", "center_due_before_dispatch"))
    return fields, problems


def read_orders(table: Table, mapping: Mapping, now: datetime) -> tuple[list[PushedOrder], list[RowProblem]]:
    """The pushed orders of ``table`` and the problems of the rows that are not."""
    columns = _Columns(table, mapping)
    missing = columns.missing()
    if missing:
        return [], [
            RowProblem(table.source, 1, columns.default_heading(name), Problem(name, "missing_column"))
            for name in missing
        ]
    orders: list[PushedOrder] = []
    problems: list[RowProblem] = []
    for number, cells in table.rows:
        values = columns.values(cells)
        if not values:
            continue  # a blank line in the export
        fields, found = _read_row(values, columns, now)
        if found:
            problems += [
                RowProblem(
                    table.source, number, columns.heading.get(p.field, columns.default_heading(p.field)), p
                )
                for p in found
            ]
        else:
            orders.append(PushedOrder(fields["id"], fields, table.source, number))
    return orders, problems
