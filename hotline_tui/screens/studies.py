"""Special studies and the office meeting's hot-issues analyses (source 四(五), 一(三)).

The list of studies with their state; keys open a study or an analysis, add orders,
write the findings and suggestions (one paragraph each here; longer texts through
``hotline study write --findings-file``), draft the Word report, and record where it
went and what came back. Every form runs its use case in a worker; refusals show under
the field they name.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from hotline_core import services
from hotline_core.domain.problems import HotlineError, InvalidInput, Problem
from hotline_core.domain.studies import RECIPIENTS, Study
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.cli import context
from hotline_tui.dialogs.form import Field, FormDialog, Submit
from hotline_tui.footer import Footer
from hotline_tui.format import moment
from hotline_tui.messages import DataLoaded
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain, PlainTable

COLUMNS = ("id", "state", "title", "orders", "to")


class StudiesScreen(HotlineNode, Screen[None]):
    BINDINGS = [
        text_binding("escape", "back", "key.back", "studies.back"),
        text_binding("o", "open_study", "studies.open", "studies.open"),
        text_binding("plus", "add_orders", "studies.add", "studies.add", key_display="+"),
        text_binding("w", "write", "studies.write", "studies.write"),
        text_binding("d", "draft", "studies.draft", "studies.draft"),
        text_binding("s", "submit", "studies.submit", "studies.submit"),
        text_binding("r", "answer", "studies.answer", "studies.answer"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.studies: tuple[Study, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Plain(id="studies-status")
        yield PlainTable(id="studies-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.retranslate()

    def retranslate(self) -> None:
        t = self.app.t
        self.title = t("studies.title")
        table = self.query_one("#studies-table", DataTable)
        table.clear(columns=True)
        for column in COLUMNS:
            table.add_column(t(f"studies.col.{column}"), key=column)
        self.load()

    @on(DataLoaded)
    def _reloaded(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="studies")
    def load(self) -> None:
        app = self.app
        try:
            found = services.list_studies(app.repo, app.person.login)
        except HotlineError as error:
            app.call_from_thread(self._say, "；".join(error.messages(app.t.language)))
            return
        app.call_from_thread(self._show, found)

    def _say(self, text: str) -> None:
        self.query_one("#studies-status", Static).update(text)

    def _show(self, found: tuple[Study, ...]) -> None:
        t = self.app.t
        self.studies = found
        table = self.query_one("#studies-table", DataTable)
        row = table.cursor_row
        table.clear()
        for study in found:
            state = t(f"studies.state.{study.state.value}")
            table.add_row(
                study.id, state, study.title, str(len(study.order_ids)), study.submitted_to, key=study.id
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self._say(t("studies.count", n=len(found)) if found else t("studies.none"))

    def _selected(self) -> Study | None:
        table = self.query_one("#studies-table", DataTable)
        if table.row_count == 0:
            return None
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        return next((s for s in self.studies if s.id == key), None)

    def _form(self, title: str, fields: list[Field], run: Submit) -> None:
        self.app.push_screen(FormDialog(title, fields, run), self._after_form)

    def _after_form(self, _done: bool | None) -> None:
        self.load()

    # -- actions --------------------------------------------------------------------

    def action_open_study(self) -> None:
        t, app = self.app.t, self.app
        kinds = [(t("studies.kind.study"), "study"), (t("studies.kind.analysis"), "analysis")]

        def run(values: dict[str, str]) -> str:
            study = services.open_study(
                app.repo,
                app.person.login,
                values["kind"],
                values["title"],
                values["problem"],
                app.clock(),
                values["period"],
                values["hot_issue"],
            )
            return t("studies.opened", id=study.id)

        fields = [
            Field("kind", t.field("kind"), kinds, value="study"),
            Field("title", t.field("title")),
            Field("problem", t.field("problem")),
            Field("period", t.field("period"), placeholder="2026Q3"),
            Field("hot_issue", t.field("hot_issue")),
        ]
        self._form(t("studies.open"), fields, run)

    def action_add_orders(self) -> None:
        study, t, app = self._selected(), self.app.t, self.app
        if study is None:
            return

        def run(values: dict[str, str]) -> str:
            ids = values["orders"].replace("，", ",").split(",")
            found = services.add_study_orders(
                app.repo, app.person.login, study.id, ids, app.clock(), matching=values["matching"]
            )
            return t("studies.saved", id=found.id)

        fields = [
            Field("orders", t.field("orders"), placeholder="A1,A2"),
            Field("matching", t("studies.matching")),
        ]
        self._form(t("studies.add"), fields, run)

    def action_write(self) -> None:
        study, t, app = self._selected(), self.app.t, self.app
        if study is None:
            return

        def run(values: dict[str, str]) -> str:
            found = services.write_study(
                app.repo,
                app.person.login,
                study.id,
                app.clock(),
                findings=values["findings"],
                suggestions=values["suggestions"],
                title=values["title"],
            )
            return t("studies.saved", id=found.id)

        fields = [
            Field("title", t.field("title"), value=study.title),
            Field("findings", t.field("findings"), value=study.findings),
            Field("suggestions", t.field("suggestions"), value=study.suggestions),
        ]
        self._form(t("studies.write"), fields, run)

    def action_draft(self) -> None:
        study, t, app = self._selected(), self.app.t, self.app
        if study is None:
            return
        default = context.home_of(app.repo.folder) / "hotline-reports" / f"{study.id}.docx"

        def run(values: dict[str, str]) -> str:
            target = services.outside_database(
                app.repo, context.expand(app.repo.folder, Path(values["path"]))
            )
            if target.suffix.lower() != ".docx":
                raise InvalidInput([Problem("path", "not_in_list", {"choices": ".docx"})])
            files = context.named_files(app.repo.folder)
            written = services.draft_study(app.repo, app.person.login, study.id, target, app.clock(), files)
            return t("studies.written", path=written)

        self._form(t("studies.draft"), [Field("path", t("studies.path"), value=str(default))], run)

    def action_submit(self) -> None:
        study, t, app = self._selected(), self.app.t, self.app
        if study is None:
            return

        def run(values: dict[str, str]) -> str:
            found = services.submit_study(app.repo, app.person.login, study.id, values["to"], app.clock())
            return t("studies.saved", id=found.id)

        hint = " / ".join(RECIPIENTS.values())
        self._form(t("studies.submit"), [Field("to", t.field("to"), placeholder=hint)], run)

    def action_answer(self) -> None:
        study, t, app = self._selected(), self.app.t, self.app
        if study is None:
            return

        def run(values: dict[str, str]) -> str:
            found = services.answer_study(app.repo, app.person.login, study.id, values["text"], app.clock())
            return t("studies.saved", id=found.id)

        note = f"{study.submitted_to} {moment(study.submitted_at)}" if study.submitted_at else ""
        self._form(t("studies.answer"), [Field("text", t.field("text"), placeholder=note)], run)

    def action_back(self) -> None:
        self.app.pop_screen()
