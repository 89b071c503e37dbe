"""The knowledge base (知识库): find a standard answer, read it, move it through review.

An empty search lists every entry with its status, so the rights department
sees what waits for review; a query lists the published answers by
relevance. Which steps a person may take is the core's rule; a refusal is
shown with its reason.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from hotline_core import services
from hotline_core.domain.knowledge.entries import ANSWER_LIMIT, EntryStatus, KbAction
from hotline_core.domain.problems import HotlineError
from hotline_core.domain.vocabulary import BusinessArea
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.dialogs.form import Field, FormDialog
from hotline_tui.footer import Footer
from hotline_tui.node import HotlineNode
from hotline_tui.plain import Plain, PlainTable, bold, lines

# Each step's key text, for the refusal when it is pressed though not offered.
STEP_WORDS = {
    "send_to_review": "kb.review",
    "publish": "kb.publish",
    "return": "kb.return",
    "retire": "kb.retire",
}


class KnowledgeScreen(HotlineNode, Screen[None]):
    BINDINGS = [
        text_binding("escape", "back", "key.back", "kb.back"),
        text_binding("slash", "find", "key.find", "kb.find", key_display="/"),
        text_binding("n", "write(False)", "kb.new", "kb.new"),
        text_binding("e", "write(True)", "kb.edit", "kb.edit"),
        text_binding("v", "step('send_to_review')", "kb.review", "kb.send_to_review"),
        text_binding("p", "step('publish')", "kb.publish", "kb.publish"),
        text_binding("b", "step('return')", "kb.return", "kb.return"),
        text_binding("z", "step('retire')", "kb.retire", "kb.retire"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="kb"):
            yield Input(id="kb-query")
            yield PlainTable(id="kb-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="kb-entry-box"):
                yield Plain(id="kb-entry")
        yield Footer()

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.retranslate()
        self.query_one("#kb-table", DataTable).focus()

    def retranslate(self) -> None:
        t = self.app.t
        self.title = t("kb.title")
        self.query_one("#kb-query", Input).placeholder = t("kb.search_hint")
        table = self.query_one("#kb-table", DataTable)
        table.clear(columns=True)
        # Widths in cells, fixed: the status words whole in every language, the question the rest
        # (an auto width would be laid out a frame after the rows arrive).
        status = max(cell_len(t(f"kb.status.{s.value}")) for s in EntryStatus)
        status = max(status, cell_len(t("kb.col.status")))
        question = max(20, self.app.size.width - 8 - status - 3 * 2 - 2)  # cell padding, scrollbar
        table.add_column(t("kb.col.id"), key="id", width=8)
        table.add_column(t("kb.col.status"), key="status", width=status)
        table.add_column(t("kb.col.question"), key="question", width=question)
        self.lookup(self.query_one("#kb-query", Input).value)

    @work(thread=True, exclusive=True, group="kb")
    def lookup(self, query: str) -> None:
        repo, login = self.app.repo, self.app.person.login
        entries = services.kb_entries(repo, login)
        ids = (
            [h.entry_id for h in services.kb_search(repo, login, query, 50, drafts=True)]
            if query.strip()
            else list(entries)
        )
        self.app.call_from_thread(self._show, entries, ids)

    def _show(self, entries: dict[str, Any], ids: list[str]) -> None:
        t = self.app.t
        self.entries = entries
        table = self.query_one("#kb-table", DataTable)
        table.clear()
        for entry_id in ids:
            entry = entries[entry_id]
            table.add_row(
                entry.id, t(f"kb.status.{entry.status.value}"), entry.content.question, key=entry.id
            )
        self._preview()

    @on(DataTable.RowHighlighted, "#kb-table")
    def _preview(self) -> None:
        from hotline_core.domain.knowledge import reply_text

        self.refresh_bindings()  # the keys follow the selected entry
        entry = self.entries.get(self._selected() or "")
        if entry is None:
            self.query_one("#kb-entry", Static).update(self.app.t("kb.none"))
            return
        content = entry.content
        rows: list[Text | str] = [bold(f"{entry.id} · {content.question}"), reply_text(content)]
        if content.tags:
            rows.append("#" + " #".join(content.tags))
        if content.note:
            rows.append(self.app.t("kb.note", note=content.note))
        self.query_one("#kb-entry", Static).update(lines(rows))

    def _selected(self) -> str | None:
        table = self.query_one("#kb-table", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    # -- what this person may do -----------------------------------------------------

    def _may(self, action: KbAction) -> bool:
        """The knowledge base's own rule (kb_allows) and the entry's status decide, not the screen."""
        from hotline_core.domain.knowledge.rules import kb_allows
        from hotline_core.domain.knowledge.workflow import ALLOWED_FROM

        person = self.app.person
        if action is KbAction.SUBMIT:
            return kb_allows(person, action, person.unit)
        entry = self.entries.get(self._selected() or "")
        if entry is None or not kb_allows(person, action, entry.owner):
            return False
        return action is KbAction.EDIT or entry.status in ALLOWED_FROM[action]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer writing and each step only to who may take it on the selected entry now."""
        if action == "write":
            return self._may(KbAction.EDIT if parameters[0] else KbAction.SUBMIT)
        if action == "step":
            return self._may(KbAction(str(parameters[0])))
        return True

    def action_find(self) -> None:
        self.query_one("#kb-query", Input).focus()

    @on(Input.Submitted, "#kb-query")
    def _search(self, event: Input.Submitted) -> None:
        self.lookup(event.value)
        self.query_one("#kb-table", DataTable).focus()

    def action_write(self, existing: bool) -> None:
        """A new draft, or a new version of the selected entry: fields prefilled from it."""
        t = self.app.t
        if not self._may(KbAction.EDIT if existing else KbAction.SUBMIT):
            self.app.refuse(t("kb.edit" if existing else "kb.new"))
            return
        entry = self.entries.get(self._selected() or "") if existing else None
        c = entry.content if entry is not None else None
        basis = c.basis[0] if c is not None and c.basis else None
        fields = [
            Field("question", t("kb.col.question"), value=c.question if c else ""),
            Field("answer", t("kb.answer"), value=c.answer if c else "", limit=ANSWER_LIMIT),
            Field(
                "area",
                t.field("business_area"),
                [(t.name(a), a.value) for a in BusinessArea],
                c.area.value if c else "",
            ),
            Field("basis", t("kb.basis"), value=basis.name if basis else ""),
            Field("number", t("kb.number"), value=basis.number if basis else ""),
            Field("tags", t("kb.tags"), value="，".join(c.tags) if c else ""),
            Field("note", t("kb.verify"), value=c.note if c else ""),
        ]
        entry_id = entry.id if entry is not None else None

        def save(values: dict[str, str]) -> str:
            saved = services.kb_save(self.app.repo, self.app.person.login, entry_id, values, self.app.clock())
            self.lookup(self.query_one("#kb-query", Input).value)
            return f"{saved.id} → {t(f'kb.status.{saved.status.value}')}"

        title = f"{t('kb.edit')} · {entry_id}" if entry_id else t("kb.new")
        self.app.push_screen(FormDialog(title, fields, save))

    def action_step(self, step: str) -> None:
        entry_id = self._selected()
        t = self.app.t
        if entry_id is None or not self._may(KbAction(step)):
            words = {"send_to_review": t("kb.review"), "publish": t("kb.publish")}
            self.app.refuse(words.get(step) or t(f"kb.{step}"))  # return, retire
            return

        def run(values: dict[str, str]) -> str:
            changed = services.kb_step(
                self.app.repo,
                self.app.person.login,
                entry_id,
                step,
                self.app.clock(),
                values.get("reason", ""),
            )
            self.lookup(self.query_one("#kb-query", Input).value)
            return f"{changed.id} → {t(f'kb.status.{changed.status.value}')}"

        if step in ("return", "retire"):
            self.app.push_screen(
                FormDialog(f"{t(f'kb.{step}')} · {entry_id}", [Field("reason", t("kb.reason"))], run)
            )
        else:
            self._step(run)

    @work(thread=True, group="kb-step")
    def _step(self, run: Any) -> None:
        try:
            said = run({})
        except HotlineError as error:
            said = "；".join(error.messages(self.app.t.language))
        self.app.call_from_thread(self.app.notify, said)

    def action_back(self) -> None:
        self.app.pop_screen()
