"""The duties beyond the order (issue 19): services, major incidents, the 百姓热线 programme.

Three tabs, each a list of what the core lets this person see (masked for a viewer) and a
form to add one: a service given (publicity, legal education, counselling with its
follow-up date, a legal-aid referral), a major incident reported (the leader is alerted
at once), an episode of the programme, and a question taken on air (it becomes an order).
The rules and their refusals are the core's; the forms show them under their fields.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Header, TabbedContent, TabPane

from hotline_core import services
from hotline_core.domain.duties.incident import Incident, IncidentStepKind
from hotline_core.domain.duties.programme import Episode
from hotline_core.domain.duties.service import ServiceKind, ServiceRecord, ServiceStep, next_steps
from hotline_core.domain.problems import HotlineError
from hotline_core.domain.vocabulary import AppealType, Place
from hotline_tui.bindings import text_binding, translate_bindings
from hotline_tui.dialogs.form import Field, FormDialog
from hotline_tui.footer import Footer
from hotline_tui.node import HotlineNode
from hotline_tui.plain import PlainTable

TABS = ("services", "incidents", "episodes")


class DutiesScreen(HotlineNode, Screen[None]):
    BINDINGS = [
        text_binding("escape", "back", "key.back", "duties.back"),
        text_binding("n", "add", "duties.add", "duties.add"),
        text_binding("q", "question", "duties.question", "duties.question"),
        text_binding("u", "step", "duties.step", "duties.step"),
        text_binding("f", "follow_up", "duties.follow_up", "duties.follow_up"),
        text_binding("c", "close", "duties.close", "duties.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.services: list[ServiceRecord] = []
        self.incidents: list[Incident] = []
        self.episodes: list[Episode] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="duties-tabs"):
            for tab in TABS:
                with TabPane(tab, id=f"tab-{tab}"):
                    yield PlainTable(id=f"duties-{tab}", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.retranslate()

    def retranslate(self) -> None:
        t = self.app.t
        self.title = t("duties.title")
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("tab-services").label = t("duties.services")
        tabs.get_tab("tab-incidents").label = t("duties.incidents")
        tabs.get_tab("tab-episodes").label = t("duties.episodes")
        columns = {
            "services": (
                t("duties.col.id"),
                t("duties.col.when"),
                t("duties.col.kind"),
                t("duties.col.county"),
                t("duties.col.who"),
                t("duties.col.state"),
                t("duties.col.topic"),
            ),
            "incidents": (
                t("duties.col.id"),
                t("duties.col.when"),
                t("duties.col.state"),
                t("duties.col.order"),
                t("duties.col.topic"),
            ),
            "episodes": (
                t("duties.col.id"),
                t("duties.col.when"),
                t("duties.col.questions"),
                t("duties.col.guests"),
            ),
        }
        for tab, headings in columns.items():
            table = self.query_one(f"#duties-{tab}", DataTable)
            table.clear(columns=True)
            for heading in headings:
                table.add_column(heading)
        self.load()

    @work(thread=True, exclusive=True, group="duties")
    def load(self) -> None:
        repo, login, now = self.app.repo, self.app.person.login, self.app.clock()
        found_services = services.list_services(repo, login, now)
        try:  # counties and departments read no incidents nor episodes: their tabs stay empty
            found_incidents = services.list_incidents(repo, login, now)
            found_episodes = services.list_episodes(repo, login)
        except HotlineError:
            found_incidents, found_episodes = [], []
        self.app.call_from_thread(self._show, found_services, found_incidents, found_episodes)

    def _show(self, found: list[ServiceRecord], incidents: list[Incident], episodes: list[Episode]) -> None:
        t = self.app.t
        self.services, self.incidents, self.episodes = found, incidents, episodes
        table = self.query_one("#duties-services", DataTable)
        table.clear()
        for r in found:
            state = r.legal_aid_state()
            shown = t.name(state) if state else (r.follow_up.isoformat() if r.follow_up else "")
            who = r.order_id or r.citizen.name
            table.add_row(
                r.id, f"{r.at:%m-%d}", t.name(r.kind), t.name(r.place), who, shown, r.topic, key=r.id
            )
        table = self.query_one("#duties-incidents", DataTable)
        table.clear()
        for i in incidents:
            progress = t("duty.closed") if i.closed else t("duty.open")
            table.add_row(i.id, f"{i.opened_at:%m-%d %H:%M}", progress, i.order_id, i.title, key=i.id)
        table = self.query_one("#duties-episodes", DataTable)
        table.clear()
        for e in episodes:
            table.add_row(e.id, e.aired_on.isoformat(), str(len(e.questions)), "、".join(e.guests), key=e.id)

    @property
    def tab(self) -> str:
        return str(self.query_one(TabbedContent).active).removeprefix("tab-")

    def action_add(self) -> None:
        forms: dict[str, Callable[[], FormDialog]] = {
            "services": self._service_form,
            "incidents": self._incident_form,
            "episodes": self._episode_form,
        }
        self.app.push_screen(forms[self.tab](), self._after)

    def _selected(self, tab: str) -> str | None:
        """The id on the cursor's row of ``tab``'s list, if that tab is shown and has rows."""
        table = self.query_one(f"#duties-{tab}", DataTable)
        if self.tab != tab or table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_question(self) -> None:
        episode = self._selected("episodes")
        if episode is not None:
            self.app.push_screen(self._question_form(episode), self._after)

    def action_step(self) -> None:
        chosen = self._selected("services")
        record = next((r for r in self.services if r.id == chosen), None)
        if record is None:
            return
        steps = sorted(next_steps(record))
        if not steps:
            self.app.notify(self.app.t("duties.no_step", id=record.id))
            return
        self.app.push_screen(self._step_form(record, steps), self._after)

    def action_follow_up(self) -> None:
        self._incident_step(IncidentStepKind.FOLLOW_UP)

    def action_close(self) -> None:
        self._incident_step(IncidentStepKind.CLOSE)

    def _incident_step(self, kind: IncidentStepKind) -> None:
        chosen = self._selected("incidents")
        if chosen is None:
            return
        t, app = self.app.t, self.app
        fields = [Field("text", t.field("text")), Field("told", t.field("told"))]

        def submit(values: dict[str, str]) -> str:
            details = {k: v for k, v in values.items() if v.strip()}
            services.follow_incident(app.repo, app.person.login, chosen, kind, details, app.clock())
            return f"{chosen}: {t.name(kind)}"

        self.app.push_screen(FormDialog(f"{chosen}: {t.name(kind)}", fields, submit), self._after)

    def _step_form(self, record: ServiceRecord, steps: list[ServiceStep]) -> FormDialog:
        t, app = self.app.t, self.app
        fields = [
            Field("step", t.field("step"), [(t.name(s), s.value) for s in steps], steps[0].value),
            Field("note", t.field("note")),
        ]
        # What the note is for each step: the centre's reason, the case's outcome, a remark.
        keys = {ServiceStep.REFUSED.value: "reason", ServiceStep.CONCLUDED.value: "outcome"}

        def submit(values: dict[str, str]) -> str:
            step, note = values["step"], values["note"].strip()
            details = {keys.get(step, "note"): note} if note else {}
            updated = services.update_service(
                app.repo, app.person.login, record.id, step, details, app.clock()
            )
            return f"{updated.id}: {t.name(ServiceStep(step))}"

        return FormDialog(f"{record.id}: {t.name(record.kind)}", fields, submit)

    def _after(self, done: bool | None) -> None:
        if done:
            self.load()

    def _service_form(self) -> FormDialog:
        t, app = self.app.t, self.app
        kinds = [(t.name(k), k.value) for k in ServiceKind]
        fields = [
            Field("kind", t.field("kind"), kinds, ServiceKind.PUBLICITY.value),
            Field("order", t.field("order")),
            Field("name", t.field("name")),
            Field("phone", t.field("phone")),
            Field("county", t.field("county"), [(t.name(p), p.value) for p in Place]),
            Field("topic", t.field("topic")),
            Field("follow_up", t.field("follow_up"), placeholder="2026-12-01"),
            Field("note", t.field("note")),
        ]

        def submit(values: dict[str, str]) -> str:
            kind, order = values.pop("kind"), values.pop("order")
            details = {k: v for k, v in values.items() if v.strip()}
            record = services.add_service(
                app.repo, app.person.login, kind, details, app.clock(), order.strip()
            )
            return t("cli.service.added", id=record.id, kind=t.name(record.kind))

        return FormDialog(t("duties.new_service"), fields, submit)

    def _incident_form(self) -> FormDialog:
        t, app = self.app.t, self.app
        fields = [
            Field("order", t.field("order")),
            Field("title", t.field("title")),
            Field("what", t.field("what")),
            Field("measures", t.field("measures")),
            Field("told", t.field("told")),
        ]

        def submit(values: dict[str, str]) -> str:
            order = values.pop("order")
            details = {k: v for k, v in values.items() if v.strip()}
            incident, _ = services.report_incident(
                app.repo, app.person.login, details, app.clock(), order.strip()
            )
            return t("cli.incident.opened", id=incident.id)

        return FormDialog(t("duties.new_incident"), fields, submit)

    def _episode_form(self) -> FormDialog:
        t, app = self.app.t, self.app
        fields = [
            Field("date", t.field("date"), value=f"{app.clock():%Y-%m-%d}"),
            Field("guests", t.field("guests")),
            Field("topics", t.field("topics")),
        ]

        def submit(values: dict[str, str]) -> str:
            details = {k: v for k, v in values.items() if v.strip()}
            episode = services.add_episode(app.repo, app.person.login, details, app.clock())
            return t("cli.episode.added", id=episode.id)

        return FormDialog(t("duties.new_episode"), fields, submit)

    def _question_form(self, episode: str) -> FormDialog:
        t, app = self.app.t, self.app
        fields = [
            Field("appeal_type", t.field("appeal_type"), [(t.name(a), a.value) for a in AppealType]),
            Field("appeal", t.field("appeal")),
            Field("name", t.field("name")),
            Field("phone", t.field("phone")),
            Field("county", t.field("county"), [(t.name(p), p.value) for p in Place]),
        ]

        def submit(values: dict[str, str]) -> str:
            form = {k: v for k, v in values.items() if v.strip()}
            order = services.take_question(app.repo, app.person.login, episode, form, app.clock())
            return t("cli.episode.question", order=order.id, id=episode)

        return FormDialog(t("duties.question_of", id=episode), fields, submit)

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each tab's own keys show on that tab only."""
        owner = {"question": "episodes", "step": "services", "follow_up": "incidents", "close": "incidents"}
        return self.tab == owner[action] if action in owner else True

    def action_back(self) -> None:
        self.app.pop_screen()
