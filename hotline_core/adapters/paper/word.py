"""A :class:`~hotline_core.domain.paper.Paper` as a Word document (.docx), for the office to edit.

Reports to the party group, the board or the office meeting are edited before they go:
Word, not PDF. python-docx writes the document: A4 with the margins of an official
document, Chinese text set in 仿宋/黑体 through the East Asian font slot (the fonts every
office PC has; Word and WPS substitute their own where missing), tables in the plain
grid style with their heading row repeated on every page. Written where the person
drafting may write (:class:`NamedFiles`), under a temporary name and moved into place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attrs import evolve

from hotline_core.adapters.named_files import ITSELF, NamedFiles
from hotline_core.adapters.sheet_text import xml_text
from hotline_core.domain.paper import Block, Fields, Grid, Heading, Paper, Text

BODY_FONT, HEADING_FONT = "仿宋", "黑体"
_CREATOR = "延边州残联12345热线工单系统"
_LEFT_MM, _RIGHT_MM = 28, 26
_TEXT_WIDTH_MM = 210 - _LEFT_MM - _RIGHT_MM


def write_docx(paper: Paper, path: Path, files: NamedFiles = ITSELF) -> Path:
    from docx import Document  # deferred: only drafting needs it
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paper = _xml_safe(paper)
    document = Document()
    _page(document)
    _styles(document)
    document.core_properties.title = paper.title
    document.core_properties.author = _CREATOR
    title = document.add_paragraph(paper.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle = document.add_paragraph(paper.subtitle)
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for block in paper.blocks:
        _BLOCKS[type(block)](document, block)
    if paper.footer:
        document.sections[0].footer.paragraphs[0].text = paper.footer
    return files.write(path, "output", document.save)


def _xml_safe(paper: Paper) -> Paper:
    """The paper with every text one a Word document can hold: an appeal pushed by the platform
    may carry a control character (an escape, a bell), and python-docx refuses the whole
    document for one; it is written out as ``\\x1b`` instead, as the screens show it."""
    return evolve(
        paper,
        title=xml_text(paper.title),
        subtitle=xml_text(paper.subtitle),
        blocks=tuple(_safe_block(b) for b in paper.blocks),
        footer=xml_text(paper.footer),
    )


def _safe_block(block: Block) -> Block:
    if isinstance(block, Heading):
        return evolve(block, text=xml_text(block.text))
    if isinstance(block, Fields):
        return evolve(block, pairs=tuple((xml_text(k), xml_text(v)) for k, v in block.pairs))
    if isinstance(block, Grid):
        headings = tuple(xml_text(h) for h in block.headings)
        return evolve(block, headings=headings, rows=tuple(tuple(xml_text(c) for c in r) for r in block.rows))
    return evolve(block, label=xml_text(block.label), paragraphs=tuple(xml_text(t) for t in block.paragraphs))


def _page(document: Any) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)  # GB/T 9704 official documents
    section.left_margin, section.right_margin = Mm(_LEFT_MM), Mm(_RIGHT_MM)


def _styles(document: Any) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    for name, font, size in (
        ("Normal", BODY_FONT, 14),
        ("Title", HEADING_FONT, 20),
        ("Heading 1", HEADING_FONT, 16),
        ("Heading 2", HEADING_FONT, 14),
    ):
        style = document.styles[name]
        style.font.name = font
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _heading(document: Any, block: Heading) -> None:
    document.add_heading(block.text, level=block.level)


def _fields(document: Any, block: Fields) -> None:
    pairs = list(block.pairs) + ([("", "")] if len(block.pairs) % 2 else [])
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for first in range(0, len(pairs), 2):
        cells = table.add_row().cells
        for column, text in enumerate(x for pair in pairs[first : first + 2] for x in pair):
            _cell_text(cells[column], text, small=True)


def _grid(document: Any, block: Grid) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = document.add_table(rows=1, cols=len(block.headings))
    table.style = "Table Grid"
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")  # the heading row again on every page
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(header.cells, block.headings, strict=True):
        _cell_text(cell, text, small=True, bold=True)
    for row in block.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            _cell_text(cell, text, small=True)
    if block.widths:
        _widths(table, block.widths)
    document.add_paragraph()


def _widths(table: Any, widths: tuple[float, ...]) -> None:
    """The columns in proportion to ``widths`` across the text width (Word reads each cell's)."""
    from docx.shared import Mm

    table.autofit = False
    total = sum(widths)
    for column, share in zip(table.columns, widths, strict=True):
        column.width = Mm(_TEXT_WIDTH_MM * share / total)  # the grid, which LibreOffice reads
        for cell in column.cells:
            cell.width = column.width


def _cell_text(cell: Any, text: str, small: bool = False, bold: bool = False) -> None:
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold or None
    if small:
        run.font.size = Pt(10.5)


def _text(document: Any, block: Text) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    if block.label:
        document.add_paragraph().add_run(block.label).bold = True
    for text in block.paragraphs:
        paragraph = document.add_paragraph(text)
        if block.align == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            paragraph.paragraph_format.first_line_indent = document.styles["Normal"].font.size * 2


_BLOCKS: dict[type, Any] = {Heading: _heading, Fields: _fields, Grid: _grid, Text: _text}
