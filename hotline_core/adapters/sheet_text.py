"""Text written into a spreadsheet stays text: never a formula, never a broken file.

(The XML part serves every writer of XML files: a Word document refuses the same
characters, ``adapters/paper/word.py``.)

What we export was typed by people or pushed by the platform: an appeal, a knowledge
entry, a department's name. A spreadsheet program runs a cell that starts with ``=``
(``=HYPERLINK("http://…","点此")`` is a live link; in a CSV, ``+``, ``-`` and ``@``
start formulas too), and openpyxl itself stores a ``str`` starting with ``=`` as a
formula. A control character that XML cannot carry makes openpyxl refuse the whole
workbook. So every writer of xlsx and CSV passes its text through here.
"""

from __future__ import annotations

import re
from typing import Any

# The characters XML 1.0 cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE).
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escaped(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def xml_text(text: str) -> str:
    """A text an XML file can hold: its control characters written out as ``\\x1b``."""
    return _ILLEGAL.sub(_escaped, text)


xlsx_text = xml_text


def xlsx_value(value: object) -> object:
    """A cell value for openpyxl: texts through :func:`xlsx_text`, anything else as it is."""
    return xlsx_text(value) if isinstance(value, str) else value


def keep_text(sheet: Any) -> None:
    """Every cell of ``sheet`` that openpyxl took for a formula (a text starting with ``=``)
    stored as the text it is: we never write formulas."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def csv_text(text: str) -> str:
    """A CSV cell: a text a spreadsheet would run as a formula gets a leading apostrophe,
    which Excel and WPS show as text (OWASP's advice for CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) and len(text) > 1 else text
