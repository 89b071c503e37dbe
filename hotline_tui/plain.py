"""Every text the UI shows goes in as plain text: never read as markup, control characters visible.

Textual reads a ``str`` given to a ``Static``, a ``DataTable`` cell, an option or a
notification as content markup: an appeal ``诉求[/]结束`` raises ``MarkupError`` and takes
the screen down, ``[bold red]`` styles a note and ``[@click=app.quit]`` makes it a live
link. So the UI never hands Textual a ``str`` built from data: it builds ``rich.text.Text``
with :func:`plain` (styles come from code, never from the text), and the widgets below
turn any ``str`` they are given into plain text themselves, so a new call site cannot
forget. Control characters are shown by :func:`hotline_tui.visible.visible`.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.visual import VisualType
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.data_table import RowKey
from textual.widgets.option_list import Option

from hotline_tui.visible import visible

Piece = Text | str


def plain(value: object, style: str = "", *, newlines: bool = True) -> Text:
    """``value`` as text exactly as typed (control characters visible), in ``style``.

    A ``Text`` is taken as it is: the screens build theirs from these functions.
    """
    if isinstance(value, Text):
        return value
    return Text(visible(str(value), newlines=newlines), style=style, end="")


def bold(value: object) -> Text:
    """A heading: the style is the code's, the words are plain."""
    return plain(value, "bold")


def join(pieces: Iterable[Piece], separator: str = "") -> Text:
    """Pieces side by side; a ``str`` piece is plain text, a ``Text`` keeps its styles."""
    return Text(visible(separator), end="").join(plain(piece) for piece in pieces)


def lines(rows: Iterable[Piece]) -> Text:
    """Rows one under the other."""
    return join(rows, "\n")


class Plain(Static):
    """A ``Static`` whose text is never markup: ``str`` and ``Text`` alike are shown as written."""

    def __init__(self, content: Piece = "", **options: str | bool | None) -> None:
        super().__init__(plain(content), markup=False, **options)  # type: ignore[arg-type]

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        shown = plain(content) if isinstance(content, (str, Text)) else content
        super().update(shown, layout=layout)


class PlainTable(DataTable[Text]):
    """A ``DataTable`` whose ``str`` cells are plain text on one line."""

    def add_row(
        self,
        *cells: Text | str,
        height: int | None = 1,
        key: str | None = None,
        label: Text | str | None = None,
    ) -> RowKey:
        shown = [plain(cell, newlines=False) for cell in cells]
        heading = None if label is None else plain(label, newlines=False)
        return super().add_row(*shown, height=height, key=key, label=heading)


def option(prompt: Piece, id: str | None = None) -> Option:
    """An option whose prompt is plain text on one line."""
    return Option(plain(prompt, newlines=False), id=id)


class PlainOptions(OptionList):
    """An ``OptionList`` that never reads its options as markup."""

    def __init__(self, *options: Option, **settings: str | None) -> None:
        super().__init__(*options, markup=False, **settings)  # type: ignore[arg-type]
