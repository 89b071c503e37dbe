"""The knowledge base in files: JSON (lossless, versions and history) and xlsx (for the office).

The only module of the knowledge base that touches the file system, and
only at the path it is given, through :class:`NamedFiles` (the path is a
person's: read and written with that person's rights, never a pipe or a
link). openpyxl is imported inside the functions that need it, so the core
and the UI start without it. Files are written under a temporary name and
moved into place: a failure never leaves half a file where the last good
one was.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path

from hotline_core.adapters.knowledge_codec import dumps, loads
from hotline_core.adapters.named_files import ITSELF, NamedFiles
from hotline_core.adapters.sheet_text import keep_text, xlsx_value
from hotline_core.domain.knowledge.entries import Entry
from hotline_core.domain.knowledge.importing import ImportReport, import_rows
from hotline_core.domain.knowledge.sheet import (
    EXPORT_HEADINGS,
    RowProblem,
    entry_row,
    read_sheet,
)
from hotline_core.domain.knowledge.wording import invalid, problem
from hotline_core.domain.organization import DEFAULT_ORGANIZATION, Organization, Person

STARTER = "starter.json"
SHEET_TITLE = "知识库"
_WIDTHS = {
    "编号": 10,
    "问题": 36,
    "标准答案": 80,
    "政策依据": 40,
    "文号": 20,
    "施行日期": 12,
    "业务领域": 10,
    "标签": 24,
    "责任单位": 14,
    "状态": 8,
    "待核实事项": 40,
    "版本": 6,
}


def export_json(entries: Iterable[Entry], path: str | Path, files: NamedFiles = ITSELF) -> Path:
    data = dumps(entries).encode("utf-8")
    return files.write(Path(path), "file", lambda stream: stream.write(data))


def import_json(path: str | Path, files: NamedFiles = ITSELF) -> tuple[Entry, ...]:
    """Entries exactly as exported; :class:`InvalidInput` for a file that is not one."""
    data = files.read(Path(path), "file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise invalid([problem("bad_file", "file", reason=str(error))]) from error
    return loads(text)


def load_starter() -> tuple[Entry, ...]:
    """The starter base shipped with the program (package data)."""
    return loads(files("hotline_core.domain.knowledge").joinpath(STARTER).read_text(encoding="utf-8"))


def export_xlsx(entries: Iterable[Entry], path: str | Path, files: NamedFiles = ITSELF) -> Path:
    """One row per entry, its newest version, under the office's Chinese headings."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = SHEET_TITLE
    sheet.append(list(EXPORT_HEADINGS))
    for entry in entries:
        sheet.append([xlsx_value(value) for value in entry_row(entry)])
    keep_text(sheet)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, heading in enumerate(EXPORT_HEADINGS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS.get(heading, 12)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, date | datetime):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "B2"
    return files.write(Path(path), "file", book.save)


def read_xlsx(path: str | Path, files: NamedFiles = ITSELF) -> list[tuple[object, ...]]:
    """The cell values of the workbook's first sheet; :class:`InvalidInput` for an unreadable file."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    data = files.read(Path(path), "file")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise invalid([problem("bad_file", "file", reason=str(error) or type(error).__name__)]) from error
    try:
        return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def import_xlsx(
    path: str | Path,
    base: Iterable[Entry],
    person: Person,
    now: datetime,
    organization: Organization = DEFAULT_ORGANIZATION,
    files: NamedFiles = ITSELF,
) -> ImportReport:
    """The spreadsheet's good rows as drafts (new entries or new versions), its bad rows reported."""
    rows, problems = read_sheet(read_xlsx(path, files), organization)
    return import_rows(tuple(base), rows, person, now, problems)


__all__ = [
    "ImportReport",
    "RowProblem",
    "export_json",
    "export_xlsx",
    "import_json",
    "import_xlsx",
    "load_starter",
    "read_xlsx",
]
