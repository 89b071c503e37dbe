"""A :class:`~hotline_core.domain.paper.Paper` as an A4 PDF, the Chinese font embedded.

fpdf2 embeds only the glyphs the document uses, so the file stays small and prints the
same on any printer, with no font installed on the machine that opens it. Tables break
across pages with their headings repeated; Chinese text wraps at any character (it has
no spaces to break at). The file is written where the person printing may write
(:class:`NamedFiles`), under a temporary name and moved into place.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from hotline_core.adapters.named_files import ITSELF, NamedFiles
from hotline_core.adapters.paper.fonts import BUNDLED_FONT
from hotline_core.domain.paper import Fields, Grid, Heading, Paper, Text

FAMILY = "paper"
_MARGIN = 18.0  # mm, on every side: room to punch and bind the archive copy
_LINE = 6.0
_LABEL_FILL = (234, 239, 246)
_CREATOR = "延边州残联12345热线工单系统"


def write_pdf(paper: Paper, path: Path, font: Path | None = None, files: NamedFiles = ITSELF) -> Path:
    """Write ``paper`` at ``path`` in ``font`` (default: the bundled one)."""
    font = font or BUNDLED_FONT
    if not font.is_file():  # say which file: fpdf2's own error does not name it for the clerk
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(font))
    pdf = _document(paper, font)
    for block in paper.blocks:
        _BLOCKS[type(block)](pdf, block)
    data = bytes(pdf.output())
    return files.write(path, "output", lambda stream: stream.write(data))


def _document(paper: Paper, font: Path) -> Any:
    from fpdf import FPDF  # deferred: only printing needs it

    class _Pdf(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(FAMILY, size=8)
            self.cell(0, 5, f"{paper.footer}　第 {self.page_no()} 页 / 共 {{nb}} 页", align="C")

    pdf = _Pdf(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(_MARGIN, 16, _MARGIN)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font(FAMILY, fname=str(font))  # one face (parsing it is most of the time): no bold
    pdf.set_title(paper.title)
    pdf.set_creator(_CREATOR)
    pdf.set_lang("zh-CN")
    pdf.add_page()
    pdf.set_font(FAMILY, size=17)
    pdf.multi_cell(0, 10, paper.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=10)
    pdf.cell(0, 7, paper.subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    return pdf


def _heading(pdf: Any, block: Heading) -> None:
    pdf.ln(2)
    pdf.set_font(FAMILY, size=13 if block.level == 1 else 11)
    pdf.cell(0, 8, block.text, new_x="LMARGIN", new_y="NEXT")


def _fields(pdf: Any, block: Fields) -> None:
    from fpdf.enums import WrapMode
    from fpdf.fonts import FontFace

    pdf.set_font(FAMILY, size=10)
    label_style = FontFace(fill_color=_LABEL_FILL)
    pairs = list(block.pairs) + ([("", "")] if len(block.pairs) % 2 else [])
    with pdf.table(
        col_widths=(1.1, 2, 1.1, 2),
        first_row_as_headings=False,
        line_height=_LINE,
        text_align="LEFT",
        wrapmode=WrapMode.CHAR,
        padding=1,
    ) as table:
        for first in range(0, len(pairs), 2):
            row = table.row()
            for name, value in pairs[first : first + 2]:
                row.cell(name, style=label_style)
                row.cell(value)
    pdf.ln(2)


def _grid(pdf: Any, block: Grid) -> None:
    from fpdf.enums import WrapMode
    from fpdf.fonts import FontFace

    pdf.set_font(FAMILY, size=9)
    with pdf.table(
        col_widths=block.widths or None,
        headings_style=FontFace(emphasis="NONE", fill_color=_LABEL_FILL),
        line_height=5.5,
        text_align="LEFT",
        wrapmode=WrapMode.CHAR,
        padding=1,
        repeat_headings=1,
    ) as table:
        for cells in (block.headings, *block.rows):
            row = table.row()
            for text in cells:
                row.cell(text)
    pdf.ln(2)


def _text(pdf: Any, block: Text) -> None:
    if block.label:
        pdf.set_font(FAMILY, size=10)
        pdf.set_fill_color(*_LABEL_FILL)
        pdf.cell(0, _LINE, block.label, fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=11)
    align = "R" if block.align == "right" else "L"
    for paragraph in block.paragraphs:
        pdf.multi_cell(0, 7, paragraph, align=align, new_x="LMARGIN", new_y="NEXT", wrapmode="CHAR")
    pdf.ln(2)


_BLOCKS: dict[type, Any] = {Heading: _heading, Fields: _fields, Grid: _grid, Text: _text}
