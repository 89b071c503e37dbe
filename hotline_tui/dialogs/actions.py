"""The lifecycle actions as forms, and the menu that lists the ones allowed now."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList

from hotline_core import services
from hotline_core.domain.events import Command
from hotline_core.domain.model import Attachment
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import UnitKind
from hotline_core.domain.vocabulary import Action
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.cli import context
from hotline_tui.dialogs.fields import action_fields, record_fields
from hotline_tui.dialogs.form import Answers, FormDialog
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain, PlainOptions, option

if TYPE_CHECKING:
    from hotline_tui.app import HotlineApp  # only for the checker: the app module imports the screens


def action_dialog(app: HotlineApp, order: WorkOrder, action: Action) -> FormDialog:
    t = app.t
    title = f"{t.name(action)} · {order.id}"
    if action is Action.RECORD:
        fields = record_fields(t, order.state.record)
        before = {f.name: f.shown for f in fields}  # as the inputs show them

        def submit_record(values: dict[str, str]) -> str:
            changed = {k: v for k, v in values.items() if v != before.get(k)}
            return _act(app, order, Command(action, changed))

        return FormDialog(title, fields, submit_record)

    def submit(values: dict[str, str]) -> str:
        note = values.pop("note", "")
        files = [p.strip() for p in values.pop("attach", "").replace("，", ",").split(",") if p.strip()]
        return _act(app, order, Command(action, values, note, _store(app, files)))

    answers = _answers(app, order) if action in ANSWERED else None
    # A county's own order is assigned to one of its clerks, not to the federation's departments.
    departments = () if order.state.level.kind is UnitKind.COUNTY else app.settings.departments
    return FormDialog(title, action_fields(t, action, departments), submit, answers=answers)


# Actions whose text goes to the citizen or the center: a standard answer can be inserted (F6).
ANSWERED = frozenset({Action.REPLY, Action.FEEDBACK, Action.FIRST_REPLY, Action.SUBMIT_RESULT})


def _answers(app: HotlineApp, order: WorkOrder) -> Answers:
    def find(query: str) -> list[tuple[str, str]]:
        from hotline_core.domain.knowledge import reply_text

        repo, login = app.repo, app.person.login
        hits = (
            services.kb_search(repo, login, query)
            if query.strip()
            else services.kb_suggest(repo, login, order)
        )
        entries = services.kb_entries(repo, login)
        found: list[tuple[str, str]] = []
        for hit in hits:
            content = entries[hit.entry_id].live_content
            if content is not None:  # retired since the search read it: no longer an answer to give
                found.append((hit.question, reply_text(content)))
        return found

    return find


def _act(app: HotlineApp, order: WorkOrder, command: Command) -> str:
    done = services.act(app.repo, app.person.login, order.id, command, app.clock())
    return app.t("form.saved", what=f"{app.t.name(command.action)} · {done.id}")


def _store(app: HotlineApp, paths: Sequence[str]) -> tuple[Attachment, ...]:
    """The files the clerk typed, as paths (``~`` is the clerk's home), read with the clerk's
    rights (through sudo, not the service account's)."""
    folder = app.repo.folder
    chosen = [context.expand(folder, Path(p)) for p in paths]
    return services.inspect_attachments(app.repo, chosen, context.named_files(folder))


class ActionMenu(HotlineNode, ModalScreen[Action | None]):
    """Every action allowed now, for keys that have no binding of their own."""

    BINDINGS = [text_binding("escape", "cancel", "form.cancel", "menu.cancel")]

    def __init__(self, actions: Sequence[Action]) -> None:
        super().__init__()
        self.actions = list(actions)

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="menu"):
            yield Plain(t("order.actions"), classes="form-title")
            if self.actions:
                yield PlainOptions(*[option(t.name(a), id=a.value) for a in self.actions], id="menu-list")
            else:
                yield Plain(t("order.no_actions"))

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Action(str(event.option.id)))

    def action_cancel(self) -> None:
        self.dismiss(None)
