"""The form's inputs that a plain Textual widget gets wrong for a clerk.

A Textual ``Select`` opens on Enter, so Enter never submits from it, and its list is
drawn over the form: where the form's widgets have edges, the compositor cuts each line
and a Chinese character that straddles a cut is lost ("  吉市", Textual issue 6357).
:class:`Choice` keeps Enter for the form and shows its list on a screen of its own,
with nothing underneath to cut it. :class:`LongText` is a soft-wrapped editor whose
``value`` reads like an ``Input``'s, so the form treats every field alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Select, TextArea

from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain, PlainOptions, option, plain

ELLIPSIS = "…"
# The terminal cells a choice's label may take in the form: half a row (two fields side by
# side in a form 76 wide), or a whole row; a field whose labels are wider takes a whole row.
HALF_ROW = 28
WHOLE_ROW = 64


def fit(label: str, cells: int) -> str:
    """``label`` in at most ``cells`` terminal cells, cut whole characters before an "…"."""
    if cell_len(label) <= cells:
        return label
    kept, used = [], cell_len(ELLIPSIS)
    for char in label:
        width = cell_len(char)
        if used + width > cells:
            break
        kept.append(char)
        used += width
    return "".join(kept) + ELLIPSIS


def widest(labels: Sequence[str]) -> int:
    """The width in terminal cells of the longest label (a Chinese character is two)."""
    return max((cell_len(label) for label in labels), default=0)


class Choice(Select[str]):
    """One of a list: Enter submits the form, Space (or an arrow key) shows the list."""

    BINDINGS = [
        Binding("enter", "screen.submit", show=False),
        Binding("space,down,up,f4", "show_overlay", show=False),
    ]

    def __init__(
        self, choices: Sequence[tuple[str, str]], *, value: str | None, prompt: str, id: str, cells: int
    ) -> None:
        self.labels = {choice: label for label, choice in choices}  # whole, for the list
        super().__init__(
            [(plain(fit(label, cells)), choice) for label, choice in choices],  # never markup
            value=Select.NULL if value is None else value,
            prompt=prompt,
            allow_blank=value is None,
            compact=True,
            id=id,
        )

    def action_show_overlay(self) -> None:
        """The full labels on a screen of their own; the current one highlighted."""
        current = None if self.value is Select.NULL else str(self.value)
        self.app.push_screen(ChoicePicker(list(self.labels.items()), current), self._picked)

    def _watch_expanded(self, expanded: bool) -> None:
        if expanded:  # a mouse click on the field: never the overlay, the picker instead
            self.expanded = False
            self.action_show_overlay()

    def _picked(self, choice: str | None) -> None:
        if choice is not None:
            self.value = choice
        self.focus()


class ChoicePicker(HotlineNode, ModalScreen[str | None]):
    """The choices of a :class:`Choice`, each label whole, Enter to pick, Esc to keep."""

    BINDINGS = [text_binding("escape", "cancel", "form.cancel", "choice.cancel")]

    def __init__(self, choices: Sequence[tuple[str, str]], current: str | None) -> None:
        super().__init__()
        self.choices = list(choices)  # (value, label)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="choices"):
            yield PlainOptions(*[option(label, id=value) for value, label in self.choices], id="choices-list")
            yield Plain(self.app.t("form.choice_hint"), classes="form-hint")

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        options = self.query_one(OptionList)
        values = [value for value, _ in self.choices]
        options.highlighted = values.index(self.current) if self.current in values else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(str(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


class LongText(TextArea):
    """A long text: soft-wrapped lines, Enter starts a new line, Tab leaves the field, and F6
    inserts a standard answer (a ``TextArea`` would select the line)."""

    BINDINGS = [Binding("f6", "screen.answers", show=False)]

    def __init__(self, text: str, *, id: str) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", compact=True, id=id)

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.load_text(text)
