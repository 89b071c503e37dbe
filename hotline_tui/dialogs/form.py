"""A small modal form that checks its input in place, with the rules' own messages.

The form collects text; the use case behind it (run in a worker thread)
either succeeds, and the form closes, or raises the rules' refusal: every
problem is listed at the top of the form, where the eye is, each message
also under its field, and the first field at fault takes the focus, while
everything the clerk typed stays where it was. Nothing is stored on a
refusal. Typing goes to the first field at once; Enter submits from any
one-line field, and the form's submit key (Ctrl+S) from a long text, where
Enter starts a new line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
from attrs import frozen
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static, TextArea

from hotline_core.domain.problems import HotlineError, Problem
from hotline_core.services import StorageError
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.dialogs.widgets import HALF_ROW, WHOLE_ROW, Choice, LongText
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain
from hotline_tui.visible import visible

Choices = Sequence[tuple[str, str]]  # (shown label, value)


@frozen
class Field:
    """One input: free text (one line, or a long text of at most ``limit`` characters),
    or one of a list of choices (``value`` picked until the clerk changes it)."""

    name: str
    label: str
    choices: Choices | None = None
    value: str = ""
    placeholder: str = ""
    limit: int = attrs.field(default=0, kw_only=True)
    required: bool = attrs.field(default=False, kw_only=True)
    wide: bool = attrs.field(default=False, kw_only=True)  # a row of its own; short fields pair up
    section: str = attrs.field(default="", kw_only=True)  # a heading over the first field of a section

    @property
    def shown(self) -> str:
        """The value as its input shows it: control characters visible (never sent), and on
        one line unless the field is a long text."""
        return visible(self.value, newlines=self.limit > 0)


Submit = Callable[[dict[str, str]], str]  # returns what to say on success; raises HotlineError
Answers = Callable[[str], Sequence[tuple[str, str]]]


def rows(fields: Sequence[Field]) -> list[list[Field]]:
    """The fields two by two where both are short and in the same section; long ones alone."""
    laid: list[list[Field]] = []
    for spec in fields:
        last = laid[-1] if laid else []
        if len(last) == 1 and not _alone(last[0]) and not _alone(spec) and last[0].section == spec.section:
            last.append(spec)
        else:
            laid.append([spec])
    return laid


def _alone(spec: Field) -> bool:
    return spec.wide or spec.limit > 0


class FormDialog(HotlineNode, ModalScreen[bool]):
    BINDINGS = [
        text_binding("escape", "cancel", "form.cancel", "form.cancel"),
        text_binding("ctrl+s", "submit", "form.submit", "form.submit", key_display="Ctrl+S"),
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
        self.problems: dict[str, list[str]] = {}  # field name ("" for the whole form) → messages

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.answers is not None if action == "answers" else True

    def action_answers(self) -> None:
        from hotline_tui.dialogs.answers import AnswerPicker

        if self.answers is not None:
            self.app.push_screen(AnswerPicker(self.answers), self._insert)

    def _insert(self, text: str | None) -> None:
        """The standard answer goes into the text, after what is there, to be read and changed."""
        if text:
            field = self.query_one("#field-text", LongText)
            field.value = f"{field.value.rstrip()}\n{text}" if field.value.strip() else text
            field.focus()

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="form", classes="tall" if _tall(self.fields) else ""):
            yield Plain(self.form_title, classes="form-title")
            if self.note:
                yield Plain(self.note, classes="form-note")
            yield Plain("", id="error-", classes="field-error form-problems")
            with VerticalScroll(id="form-fields"):
                section = ""
                for row in rows(self.fields):
                    if row[0].section and row[0].section != section:
                        section = row[0].section
                        yield Plain(section, classes="form-section")
                    with Horizontal(classes="form-row"):
                        for spec in row:
                            with Vertical(classes="form-field"):
                                yield from self._labelled(spec)
            with Horizontal(classes="form-buttons"):
                yield Button(t("form.submit"), id="submit", variant="primary", compact=True)
                yield Button(t("form.cancel"), id="cancel", compact=True)
                if any(spec.required for spec in self.fields):
                    yield Plain(t("form.required"), classes="form-hint")
            long = any(spec.limit for spec in self.fields)
            yield Plain(t("form.hint_long" if long else "form.hint"), classes="form-hint")

    def _labelled(self, spec: Field) -> ComposeResult:
        mark = "*" if spec.required else ""
        with Horizontal(classes="field-head"):
            yield Plain(f"{spec.label}{mark}", classes="field-label")
            if spec.limit:
                yield Plain(_count(spec.shown, spec.limit), id=f"count-{spec.name}", classes="field-count")
        yield self._widget(spec)
        yield Plain("", id=f"error-{spec.name}", classes="field-error")

    def _widget(self, spec: Field) -> Widget:
        if spec.choices is not None:
            known = {v for _, v in spec.choices}
            value = spec.value if spec.value in known else None
            choices = [(visible(label, newlines=False), choice) for label, choice in spec.choices]
            cells = HALF_ROW if len(self._row_of(spec)) > 1 else WHOLE_ROW
            prompt = self.app.t("form.choose")
            return Choice(choices, value=value, prompt=prompt, id=f"field-{spec.name}", cells=cells)
        if spec.limit:
            return LongText(spec.shown, id=f"field-{spec.name}")
        return Input(spec.shown, placeholder=spec.placeholder, id=f"field-{spec.name}", compact=True)

    def _row_of(self, spec: Field) -> list[Field]:
        return next(row for row in rows(self.fields) if spec in row)

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        for error in self.query(".field-error"):
            error.display = False
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()

    def values(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, Select):
                found[spec.name] = "" if widget.value is Select.NULL else str(widget.value)
            else:
                assert isinstance(widget, (Input, LongText))  # as ``_widget`` made them
                found[spec.name] = widget.value
        return found

    @on(Button.Pressed, "#submit")
    @on(Input.Submitted)
    def action_submit(self) -> None:
        button = self.query_one("#submit", Button)
        if not button.disabled:  # one submission at a time: Enter twice stores once
            button.disabled = True
            self._run(self.values())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def _changed(self, event: Input.Changed | Select.Changed | TextArea.Changed) -> None:
        """A field the clerk changes loses its old message: the next submit checks it again."""
        name = (event.control.id or "").removeprefix("field-")
        spec = next((f for f in self.fields if f.name == name), None)
        if spec is not None and spec.limit:
            self.query_one(f"#count-{name}", Static).update(_count(self.values()[name], spec.limit))
        if name in self.problems:
            del self.problems[name]
            self._show()

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
        """Every message at the top and under its field; the first field at fault takes the focus."""
        language = self.app.t.language
        names = {spec.name for spec in self.fields}
        self.problems = {}
        for problem in problems:
            key = problem.field if problem.field in names else ""
            self.problems.setdefault(key, []).append(problem.message(language))
        self._show()
        first = next((spec.name for spec in self.fields if spec.name in self.problems), None)
        if first is not None:
            field = self.query_one(f"#field-{first}")
            field.focus()
            field.scroll_visible(animate=False)
        self.query_one("#submit", Button).disabled = False

    def _show(self) -> None:
        for error in self.query(".field-error"):
            error.display = False
        everything = [message for messages in self.problems.values() for message in messages]
        top = self.query_one("#error-", Static)
        top.update("\n".join(everything))
        top.display = bool(everything)
        for name, messages in self.problems.items():
            if name:  # the whole form's problems are at the top already
                error = self.query_one(f"#error-{name}", Static)
                error.update("\n".join(messages))
                error.display = True


def _tall(fields: Sequence[Field]) -> bool:
    """A form that may not fit the screen: it takes the screen's height and its fields scroll,
    so the buttons and the hint stay in view."""
    laid = rows(fields)
    return sum(6 if row[0].limit else 2 for row in laid) > 12


def _count(text: str, limit: int) -> str:
    return f"{len(text.strip())}/{limit}"
