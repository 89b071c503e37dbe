"""A small modal form that checks its input in place, with the rules' own messages.

The form collects text; the use case behind it (run in a worker thread)
either succeeds, and the form closes, or raises the rules' refusal, and
each problem is shown under the field it names while everything the clerk
typed stays where it was. Nothing is stored on a refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
from attrs import frozen
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from hotline_core.domain.problems import HotlineError, Problem
from hotline_core.services import StorageError
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain, plain
from hotline_tui.visible import visible

Choices = Sequence[tuple[str, str]]  # (shown label, value)


def _editable(value: str) -> str:
    """A stored value as an input shows it: one line, control characters visible (never sent)."""
    return visible(value, newlines=False)


@frozen
class Field:
    """One input: free text, or one of a list of choices."""

    name: str
    label: str
    choices: Choices | None = None
    value: str = attrs.field(default="", converter=_editable)
    placeholder: str = ""


Submit = Callable[[dict[str, str]], str]  # returns what to say on success; raises HotlineError
Answers = Callable[[str], Sequence[tuple[str, str]]]


class FormDialog(HotlineNode, ModalScreen[bool]):
    BINDINGS = [
        text_binding("escape", "cancel", "form.cancel", "form.cancel"),
        text_binding("f6", "answers", "kb.insert", "form.answers"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        submit: Submit,
        note: str = "",
        answers: Answers | None = None,
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = tuple(fields)
        self.submit_values = submit
        self.note = note
        self.answers = answers  # standard answers to insert into the "text" field

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.answers is not None if action == "answers" else True

    def action_answers(self) -> None:
        from hotline_tui.dialogs.answers import AnswerPicker

        if self.answers is not None:
            self.app.push_screen(AnswerPicker(self.answers), self._insert)

    def _insert(self, text: str | None) -> None:
        if text:
            field = self.query_one("#field-text", Input)
            field.value = f"{field.value}\n{text}".strip() if field.value else text
            field.focus()

    def compose(self) -> ComposeResult:
        t = self.app.t
        with VerticalScroll(id="form"):
            yield Plain(self.form_title, classes="form-title")
            if self.note:
                yield Plain(self.note, classes="form-note")
            for spec in self.fields:
                yield Label(plain(spec.label), classes="field-label")
                yield self._widget(spec)
                yield Plain("", id=f"error-{spec.name}", classes="field-error")
            yield Plain("", id="error-", classes="field-error")
            with Horizontal(classes="form-buttons"):
                yield Button(t("form.submit"), id="submit", variant="primary")
                yield Button(t("form.cancel"), id="cancel")
            yield Plain(t("form.hint"), classes="form-hint")

    def _widget(self, spec: Field) -> Input | Select[str]:
        if spec.choices is not None:
            value = spec.value if spec.value in {v for _, v in spec.choices} else Select.NULL
            choices = [(plain(label, newlines=False), choice) for label, choice in spec.choices]
            return Select(choices, value=value, id=f"field-{spec.name}", prompt=self.app.t("form.choose"))
        return Input(spec.value, placeholder=spec.placeholder, id=f"field-{spec.name}")

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        for error in self.query(".field-error"):
            error.display = False

    def values(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for spec in self.fields:
            selector = f"#field-{spec.name}"
            if spec.choices is None:  # as ``_widget`` made them: free text in an Input, choices in a Select
                found[spec.name] = self.query_one(selector, Input).value
            else:
                choice = self.query_one(selector, Select)
                found[spec.name] = "" if choice.value is Select.NULL else str(choice.value)
        return found

    @on(Button.Pressed, "#submit")
    @on(Input.Submitted)
    def action_submit(self) -> None:
        self.query_one("#submit", Button).disabled = True
        self._run(self.values())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)

    @work(thread=True, exclusive=True, group="form")
    def _run(self, values: dict[str, str]) -> None:
        try:
            said = self.submit_values(values)
        except HotlineError as error:
            self.app.call_from_thread(self.show_problems, error.problems)
        except (StorageError, OSError) as error:
            self.app.call_from_thread(self.show_problems, [Problem("", "storage", {"reason": str(error)})])
        else:
            self.app.call_from_thread(self._done, said)

    def _done(self, said: str) -> None:
        self.app.notify(said)
        self.app.reload()
        self.dismiss(True)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Each message under its field; the rest under the form. Focus the first field at fault."""
        language = self.app.t.language
        names = {spec.name for spec in self.fields}
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            key = problem.field if problem.field in names else ""
            by_field.setdefault(key, []).append(problem.message(language))
        for error in self.query(".field-error"):
            error.display = False
        for name, messages in by_field.items():
            error = self.query_one(f"#error-{name}", Static)
            error.update("\n".join(messages))
            error.display = True
        first = next((spec.name for spec in self.fields if spec.name in by_field), None)
        if first is not None:
            self.query_one(f"#field-{first}").focus()
        self.query_one("#submit", Button).disabled = False
