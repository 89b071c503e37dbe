"""The shape of a printed document: a title and a run of blocks, each written as text.

Every paper the system makes (an order sheet, an extension notice, a study report) is
built once as a :class:`Paper`, in words a reader reads (Chinese labels, Beijing times,
due times as people say them), and any renderer writes the same paper: the PDF writer
and the Word writer only decide fonts and borders. Tests read the figures back from the
file against these values, cell by cell.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import frozen

from hotline_core.domain.calendar import SHANGHAI, human_due


@frozen
class Heading:
    """A section title; ``level`` 1 for a part, 2 for a sub-part."""

    text: str
    level: int = 1


@frozen
class Fields:
    """Labelled values (工单编号：A1), laid out two pairs to a line."""

    pairs: tuple[tuple[str, str], ...]


@frozen
class Grid:
    """A table with headings; ``widths`` are the columns' relative widths (empty: equal)."""

    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()


@frozen
class Text:
    """Paragraphs, under an optional label (主要诉求); ``align`` "left" or "right" (a
    letter's sender and date)."""

    paragraphs: tuple[str, ...]
    label: str = ""
    align: str = "left"


Block = Heading | Fields | Grid | Text


@frozen
class Paper:
    """A document: its title, a line under it, its blocks, and a footer on every page."""

    title: str
    subtitle: str
    blocks: tuple[Block, ...]
    footer: str = ""


def moment_text(moment: datetime | None) -> str:
    """A moment as the paper says it: Beijing date and time to the minute; empty for none."""
    if moment is None:
        return ""
    return f"{moment.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"


def due_text(due: datetime | None) -> str:
    """A due time as people read it, with its year: "2026-11-25 24:00", never the next 00:00."""
    if due is None:
        return ""
    last_instant = due.astimezone(SHANGHAI) - timedelta(microseconds=1)
    return f"{last_instant.year}-{human_due(due)}"


def chinese_date(moment: datetime) -> str:
    """The Beijing date as a letter writes it: 2026年11月2日."""
    local = moment.astimezone(SHANGHAI)
    return f"{local.year}年{local.month}月{local.day}日"
