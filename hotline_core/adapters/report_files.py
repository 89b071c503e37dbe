"""Writing reports to files: xlsx for people, CSV and JSON for other programs.

The only module of the reports that touches the file system. Everything
else is a pure value: the layout (``to_document``) decides what is written,
this module only how. openpyxl is imported inside :func:`write_xlsx`, so
the core and the UI start without it (STYLE: rare work imports late).

- xlsx: a sheet per table, a title row and a line saying what the table
  covers, the header frozen with the first column, widths that fit the
  Chinese headings, rates as percentage cells (the value stays 0.875),
  moments as Beijing dates and times. Opens cleanly in Excel and WPS, and
  prints on A4, one page wide, the title and headings on every page
  (landscape for the wide tables such as the summary).
- CSV: UTF-8 with a BOM, so that Excel and WPS read Chinese correctly by a
  double click; one file per table (``name-key.csv`` when a report has
  several); rates as fractions, moments as ISO 8601 with their offset.
- JSON: the tables as lists of records with English keys, category codes
  beside their labels, rates as fractions, plus the report's facts.

Every file is written through :class:`NamedFiles` (the path is a person's:
written only where that person may write, never through a link) to a
temporary name first and moved into place, so a failure never leaves half a
report where the last good one was.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from hotline_core.adapters.named_files import ITSELF, NamedFiles
from hotline_core.adapters.sheet_text import csv_text, keep_text, xlsx_text
from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.reports.layout import Report, to_document
from hotline_core.domain.reports.table import Cell, Column, Document, Kind, Table


class Format(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"
    JSON = "json"


def export(
    report: Report | Document, format: Format | str, path: str | Path, files: NamedFiles = ITSELF
) -> list[Path]:
    """Write ``report`` as ``format`` at ``path``; the files written (several CSVs for some reports)."""
    document = report if isinstance(report, Document) else to_document(report)
    target = Path(path)
    match Format(format):
        case Format.XLSX:
            return [write_xlsx(document, target, files)]
        case Format.CSV:
            return write_csv(document, target, files)
        case Format.JSON:
            return [write_json(document, target, files)]


# -- JSON -----------------------------------------------------------------------


def _json_cell(value: Cell) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def to_json(document: Document) -> dict[str, Any]:
    """The document as plain JSON values."""
    tables = {
        t.key: {
            "title": t.title,
            "headings": {c.key: c.heading for c in t.columns},
            "rows": [{k: _json_cell(v) for k, v in record.items()} for record in t.records()],
        }
        for t in document.tables
    }
    meta = {key: _json_cell(value) for key, value in document.meta}
    return {"report": document.kind, "title": document.title, **meta, "tables": tables}


def write_json(document: Document, path: Path, files: NamedFiles = ITSELF) -> Path:
    data = (json.dumps(to_json(document), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files.write(path, "output", lambda stream: stream.write(data))


# -- CSV ------------------------------------------------------------------------


def _csv_cell(value: Cell, kind: Kind) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if kind is Kind.RATE and isinstance(value, float):
        return round(value, 4)
    if kind is Kind.SCORE and isinstance(value, float):
        return round(value, 2)
    return value


def _shown(table: Table) -> list[int]:
    """The columns people read: all but the codes, which JSON carries."""
    return [i for i, c in enumerate(table.columns) if c.kind is not Kind.CODE]


def write_csv(document: Document, path: Path, files: NamedFiles = ITSELF) -> list[Path]:
    """One CSV per table, UTF-8 with BOM, headings in Chinese."""
    single = len(document.tables) == 1
    written: list[Path] = []
    for table in document.tables:
        target = path if single else path.with_name(f"{path.stem}-{table.key}{path.suffix or '.csv'}")
        written.append(files.write(target, "output", partial(_write_one_csv, table)))
    return written


def _write_one_csv(table: Table, stream: BinaryIO) -> None:
    shown = _shown(table)
    handle = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(handle)
    writer.writerow([table.columns[i].heading for i in shown])
    for row in table.rows:
        writer.writerow([_csv_cell(row[i], table.columns[i].kind) for i in shown])
    handle.flush()
    handle.detach()  # the stream is the caller's to keep


# -- xlsx -----------------------------------------------------------------------

_FORMATS = {Kind.COUNT: "0", Kind.RATE: "0.0%", Kind.SCORE: "0.0", Kind.MOMENT: "yyyy-mm-dd hh:mm"}
_FIRST_DATA_ROW = 4


def _display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a Chinese character is two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _xlsx_cell(value: Cell) -> Cell:
    if isinstance(value, datetime):  # Excel has no time zones: write Beijing time
        return value.astimezone(SHANGHAI).replace(tzinfo=None)
    if isinstance(value, str):
        return xlsx_text(value)
    return value


def _width(column: Column, values: list[Cell]) -> float:
    samples = [_display_width(column.heading)]
    if column.kind is Kind.TEXT:
        samples += [_display_width(str(v)) for v in values if v is not None]
    elif column.kind is Kind.MOMENT:
        samples.append(16)
    return min(max([*samples, 6]) + 2, 60)


def write_xlsx(document: Document, path: Path, files: NamedFiles = ITSELF) -> Path:
    """One sheet per table, ready to print and to read in Excel or WPS."""
    from openpyxl import Workbook  # deferred: only exports need it

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = document.title
    workbook.properties.creator = "延边州残联12345热线工单系统"
    for table in document.tables:
        _fill_sheet(workbook.create_sheet(table.sheet_name), table, document.notes)
    return files.write(path, "output", workbook.save)


def _fill_sheet(sheet: Any, table: Table, notes: tuple[str, ...]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    shown = _shown(table)
    last = get_column_letter(len(shown))
    sheet.append([xlsx_text(table.title)])
    sheet.append([xlsx_text("；".join(notes))])
    sheet.append([xlsx_text(table.columns[i].heading) for i in shown])
    for row in table.rows:
        sheet.append([_xlsx_cell(row[i]) for i in shown])
    keep_text(sheet)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells(f"A1:{last}1")
    sheet.merge_cells(f"A2:{last}2")
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    heading_fill = PatternFill("solid", fgColor="DDEBF7")
    for number, i in enumerate(shown, 1):
        column = table.columns[i]
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = _width(column, [row[i] for row in table.rows])
        header = sheet.cell(3, number)
        header.font, header.fill, header.border = Font(bold=True), heading_fill, border
        header.alignment = Alignment(horizontal="center", vertical="center")
        for cell in sheet[letter][_FIRST_DATA_ROW - 1 :]:
            cell.border = border
            if column.kind in _FORMATS:
                cell.number_format = _FORMATS[column.kind]
    if table.total_row and table.rows:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    first_text = table.columns[shown[0]].kind is Kind.TEXT
    sheet.freeze_panes = f"{'B' if first_text else 'A'}{_FIRST_DATA_ROW}"
    _print_setup(sheet, wide=len(shown) > 10)


def _print_setup(sheet: Any, wide: bool) -> None:
    """On A4, one page wide however many pages long, the title and headings on every page:
    the office files the printed summary (source 三(三)), and a table cut at its columns
    or pages without headings cannot be read. Wide tables (the summary) print landscape."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if wide else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"1:{_FIRST_DATA_ROW - 1}"
    sheet.print_options.horizontalCentered = True
