"""Pick a standard answer to insert into a reply (knowledge base, SPEC section 8)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static

from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain, PlainOptions, option

Answers = Callable[[str], Sequence[tuple[str, str]]]  # query ("" = suggestions) → (question, reply text)


class AnswerPicker(HotlineNode, ModalScreen[str | None]):
    """Suggestions for the order first; typing searches the published answers."""

    BINDINGS = [text_binding("escape", "cancel", "form.cancel", "answers.cancel")]

    def __init__(self, answers: Answers) -> None:
        super().__init__()
        self.answers = answers
        self.found: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="answers"):
            yield Plain(t("kb.pick"), classes="form-title")
            yield Input(placeholder=t("kb.search_hint"), id="answers-query")
            yield PlainOptions(id="answers-list")
            yield Plain("", id="answers-preview", classes="form-note")

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.lookup("")

    @on(Input.Submitted, "#answers-query")
    def _query(self, event: Input.Submitted) -> None:
        self.lookup(event.value)
        self.query_one("#answers-list", OptionList).focus()

    @work(thread=True, exclusive=True, group="answers")
    def lookup(self, query: str) -> None:
        found = list(self.answers(query))
        self.app.call_from_thread(self._show, found)

    def _show(self, found: list[tuple[str, str]]) -> None:
        self.found = found
        options = self.query_one("#answers-list", OptionList)
        options.clear_options()
        options.add_options([option(question, id=str(i)) for i, (question, _) in enumerate(found)])
        self.query_one("#answers-preview", Static).update(found[0][1] if found else self.app.t("kb.none"))
        if found:
            options.highlighted = 0
            options.focus()

    @on(OptionList.OptionHighlighted)
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#answers-preview", Static).update(self.found[int(str(event.option.id))][1])

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.found[int(str(event.option.id))][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
