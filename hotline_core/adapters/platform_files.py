"""The 12345 platform through files: its exports in, our packages out (issue 17).

Every platform can export the orders it pushed (Excel), many a CSV, some JSON;
what goes back is typed (pasted) into the platform's web forms. So:

* :class:`PlatformFiles` reads a file or a folder of files — ``.xlsx`` (each
  sheet a table, read-only), ``.csv`` in UTF-8 (with or without BOM) or
  GBK/GB18030 (whichever decodes), ``.json`` (a list of objects, or
  ``{"orders": [...], "messages": [...]}``) — into tables of text, and a
  mapping file (JSON or TOML) into a :class:`Mapping`;
* :class:`PackageFolder` writes each outgoing message as a folder a clerk
  uploads from: ``text.txt`` (ready to paste), ``images/`` and ``message.json``.

A row's number is the spreadsheet's (the heading row is 1); in JSON it is the
object's position in its list, counting from 1. Every file and folder is a clerk's,
opened through :class:`NamedFiles`: with the clerk's rights, never a pipe or a link.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import tomllib
from datetime import date, datetime, time
from pathlib import Path

from hotline_core.adapters.named_files import ITSELF, NamedFiles
from hotline_core.adapters.serialization import CONVERTER
from hotline_core.adapters.storage.files import open_folder_in, write_in
from hotline_core.domain.exchange.mapping import Mapping, mapping_from
from hotline_core.domain.exchange.outbox import TITLES, Package
from hotline_core.domain.exchange.rows import Incoming, Table
from hotline_core.domain.problems import InvalidInput, Problem

SUFFIXES = (".xlsx", ".csv", ".json")
ENCODINGS = ("utf-8-sig", "gb18030")  # GB18030 reads every GBK file


def _bad(path: Path, reason: str, field: str = "file") -> InvalidInput:
    return InvalidInput([Problem(field, "unreadable_platform_file", {"path": str(path), "reason": reason})])


def _cell(value: object) -> str:
    """A spreadsheet cell as the text a clerk sees: a phone stored as a number keeps its digits."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(source: str, rows: list[tuple[int, list[str]]]) -> Table | None:
    """The first non-blank row is the headings; the rest keep their numbers."""
    filled = [(n, cells) for n, cells in rows if any(c.strip() for c in cells)]
    if not filled:
        return None
    (_, headings), body = filled[0], filled[1:]
    return Table(source, tuple(h.strip() for h in headings), tuple((n, tuple(c)) for n, c in body))


def _xlsx(path: Path, data: bytes) -> list[Table]:
    from openpyxl import load_workbook  # deferred: only a pull of an Excel export needs it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise _bad(path, type(error).__name__) from None
    try:
        sheets = list(book.worksheets)
        tables = []
        for sheet in sheets:
            rows = [
                (n, [_cell(v) for v in row])
                for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
            name = path.name if len(sheets) == 1 else f"{path.name}:{sheet.title}"
            tables.append(_table(name, rows))
        return [t for t in tables if t is not None]
    finally:
        book.close()


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (a BOM or none), else GB18030 (GBK's superset): whichever decodes the whole file."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _bad(path, "neither UTF-8 nor GBK")


def _csv(path: Path, data: bytes) -> list[Table]:
    text = decode(data, path)
    try:
        rows = [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1)]
    except csv.Error as error:  # a cell over the csv module's limit (128 KiB), a NUL byte
        raise _bad(path, str(error)) from None
    table = _table(path.name, rows)
    return [] if table is None else [table]


def _json_table(source: str, items: object, path: Path) -> Table:
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise _bad(path, "expected a list of objects")
    headings = list(dict.fromkeys(str(k) for item in items for k in item))
    rows = tuple((n, tuple(_cell(item.get(h)) for h in headings)) for n, item in enumerate(items, start=1))
    return Table(source, tuple(headings), rows)


def _json(path: Path, raw: bytes) -> list[Table]:
    try:
        data = json.loads(decode(raw, path))
    except json.JSONDecodeError as error:
        raise _bad(path, f"not JSON ({error.msg}, line {error.lineno})") from None
    except (ValueError, RecursionError) as error:  # a number of 5000 digits, arrays nested too deep
        raise _bad(path, f"not JSON ({type(error).__name__})") from None
    if isinstance(data, dict):
        return [_json_table(f"{path.name}:{k}", v, path) for k, v in data.items()]
    return [_json_table(path.name, data, path)]


_READERS = {".xlsx": _xlsx, ".csv": _csv, ".json": _json}


def read_tables(path: Path, files: NamedFiles = ITSELF) -> list[Table]:
    """The tables of one export file, or of every export file in a folder (by name)."""
    if path.is_dir():
        found = [p for p in files.files_in(path, "file") if p.suffix.lower() in SUFFIXES]
        return [t for f in found for t in read_tables(f, files)]
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise InvalidInput([Problem("file", "not_a_platform_file", {"path": str(path)})])
    data = _read(files, path, "file")
    try:
        return reader(path, data)
    except OSError as error:  # said in the clerk's language, not as a traceback
        raise _bad(path, error.strerror or type(error).__name__) from None


def _read(files: NamedFiles, path: Path, field: str) -> bytes:
    """The file's bytes; one that is gone or that the machine will not open is an unreadable
    platform file, as it always was (a pipe, a link, another person's file: said as such)."""
    try:
        return files.read(path, field)
    except InvalidInput as refusal:
        problem = refusal.problems[0]
        if problem.code == "no_file":
            raise _bad(path, os.strerror(errno.ENOENT), field) from None
        if problem.code == "cannot_read":
            raise _bad(path, dict(problem.params).get("reason", ""), field) from None
        raise


def read_mapping(path: Path, files: NamedFiles = ITSELF) -> Mapping:
    """A mapping file (``.toml``, else JSON) on top of the default mapping."""
    try:
        text = decode(_read(files, path, "mapping"), path)
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as error:
        raise _bad(path, str(error), "mapping") from None
    except (ValueError, RecursionError) as error:  # a number of 5000 digits, nesting too deep
        raise _bad(path, type(error).__name__, "mapping") from None
    if not isinstance(data, dict):
        raise _bad(path, "expected a table", "mapping")
    return mapping_from(data)


class PlatformFiles:
    """The :class:`~hotline_core.services.exchange.Platform` an export file or folder is."""

    def __init__(self, source: Path, mapping: Path | None = None, files: NamedFiles = ITSELF) -> None:
        self.source, self.mapping, self.files = source, mapping, files

    def incoming(self) -> Incoming:
        mapping = Mapping() if self.mapping is None else read_mapping(self.mapping, self.files)
        return Incoming(tuple(read_tables(self.source, self.files)), mapping)


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "file"


class PackageFolder:
    """Writes each message as ``FOLDER/<order>_<n>_<kind>/``: text.txt, images/, message.json.

    The folder is the clerk's (outside the database, one the clerk may write: opened through
    :class:`NamedFiles`), but this program writes there as the service account: a name in
    it that is a symbolic link (to ``working.json``, say) is never followed. A linked message
    folder or ``images`` is refused; a linked file is replaced by the package's own. Files
    are 0660 whatever the umask: they quote what was said to the citizen."""

    def __init__(self, target: Path, files: NamedFiles = ITSELF) -> None:
        self.target, self.files = target, files

    def deliver(self, package: Package) -> str:
        message = package.message
        name = f"{_safe(message.id.replace('#', '_'))}_{message.kind.value}"
        top = self.files.folder(self.target, "to")
        try:
            folder = _folder_in(top, name, self.target / name)
        finally:
            os.close(top)
        try:
            header = f"办件编号：{message.order_id}\n事项：{TITLES[message.kind]}\n\n"
            write_in(folder, "text.txt", (header + message.text + "\n").encode())
            names = _images(folder, package.images, self.target / name / "images")
            copy = CONVERTER.unstructure(message) | {"title": TITLES[message.kind], "image_files": names}
            write_in(folder, "message.json", json.dumps(copy, ensure_ascii=False, indent=2).encode())
        finally:
            os.close(folder)
        return str(self.target / name)


def _images(folder: int, images: tuple[tuple[str, bytes], ...], path: Path) -> list[str]:
    inner = _folder_in(folder, "images", path)
    try:
        names = []
        for number, (name, data) in enumerate(images, start=1):
            saved = f"{number:02d}_{_safe(Path(name).name)}"
            write_in(inner, saved, data)
            names.append(saved)
        return names
    finally:
        os.close(inner)


def _folder_in(parent: int, name: str, path: Path) -> int:
    try:
        return open_folder_in(parent, name)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR):  # a symbolic link, or a file, where a folder goes
            raise InvalidInput([Problem("to", "package_not_folder", {"path": str(path)})]) from None
        raise
