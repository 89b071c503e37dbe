"""The clerk's terminal application: one App, a few screens, no rules inside.

The app keeps what the screens show (the orders this person may see, as the
core scoped and masked them; their alerts; the settings) and reloads it from the database in a worker thread,
so a slow disk never freezes the keyboard. Every change goes through
``hotline_core.services``; the screens only render and collect input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import get_current_worker

from hotline_core import services
from hotline_core.domain.escalation import recipients_of
from hotline_core.domain.limits import LimitEvaluator, LimitPlan, LimitTable
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.settings import Settings
from hotline_tui import collector
from hotline_tui.bindings import describe, has_words, text_binding, translate_bindings
from hotline_tui.commands import HotlineCommands, HotlinePalette
from hotline_tui.footer import PALETTE
from hotline_tui.i18n import Translator
from hotline_tui.messages import DataLoaded
from hotline_tui.visible import visible
from hotline_tui.worklist import PAGE

if TYPE_CHECKING:  # the inbox's use cases are loaded when it is first read, after the first page
    from hotline_core.services import InboxItem

# The app's keys the palette lists as "系统" (the others go to a screen: "前往").
SYSTEM_ACTIONS = frozenset({"language", "quit"})
RELOAD_SECONDS = 60.0
TICK_SECONDS = 30.0


class HotlineApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "12345"
    COMMANDS = {HotlineCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        text_binding("f1", "help", "key.help", "app.help"),
        text_binding("f2", "language", "key.language", "app.language"),
        text_binding("f3", "alerts", "key.alerts", "app.alerts"),
        text_binding("f4", "reports", "key.reports", "app.reports"),
        text_binding("f5", "knowledge", "key.kb", "app.knowledge"),
        text_binding("f6", "duties", "key.duties", "app.duties", show=False),
        text_binding("f7", "policies", "key.policies", "app.policies", show=False),
        text_binding("f8", "studies", "key.studies", "app.studies", show=False),
        text_binding("f9", "exchange", "key.exchange", "app.exchange", show=False),
        text_binding("f10", "quit", "key.quit", "app.quit"),
        text_binding("ctrl+p", "command_palette", "key.palette", "app.palette", show=False),
    ]

    def __init__(
        self,
        repo: services.Repository,
        person: Person,
        clock: Callable[[], datetime],
        language: str | None = None,
    ) -> None:
        super().__init__()
        self.repo = repo
        self.person = person
        self.clock = clock
        self.settings = Settings()
        self.t = Translator(language or "zh_CN")
        self._language_fixed = language is not None
        self.orders: dict[str, WorkOrder] = {}
        self.found: dict[str, WorkOrder] = {}  # the queue's last search: closed and archived too
        self.inbox: list[InboxItem] = []
        self.plan = LimitPlan([], self.settings.calendar, self.settings.policies)
        self.loading = True  # until every order this person may see has been read once
        self.theme = "ansi-dark"

    # -- data -----------------------------------------------------------------

    def evaluator(self) -> LimitEvaluator:
        """Limit states at the clock's now, for an order on its own."""
        return LimitEvaluator(self.clock(), self.settings.calendar, self.settings.policies)

    def limit_table(self) -> LimitTable:
        """The limits of every loaded order at the clock's now; their deadlines are kept
        from the last load, so a refresh only compares numbers."""
        return self.plan.at(self.clock())

    @work(thread=True, exclusive=True, group="load")
    def reload(self, first_page: bool = False) -> None:
        """Read the database in a thread; the screens hear ``DataLoaded``.

        At start (``first_page``) only the queue's most urgent page is read, when the
        ranks remembered with the database tell which orders fill it (``services.queue``);
        every order is read once that page is on the screen. A newer reload (``r``, a
        finished action) cancels this one: its older read is then dropped instead of
        landing after the newer one."""
        worker = get_current_worker()
        session = self.repo.snapshot()  # one consistent read; the core scopes and masks it
        try:
            settings = services.settings_of(session, self.person)
        except services.UnknownLogin as gone:  # removed while working: nothing more is shown
            self.call_from_thread(self._removed, gone)
            return
        page = services.first_page(session, self.person, PAGE, self.clock()) if first_page else None
        if page is not None:
            plan = LimitPlan(page, settings.calendar, settings.policies)
            if not worker.is_cancelled:
                self.call_from_thread(self._page_read, page, plan, settings)
            return
        orders = services.visible_orders(session, self.person)
        items = services.inbox(session, self.person) if self.has_inbox else []
        plan = LimitPlan(orders, settings.calendar, settings.policies)  # here, not in the UI thread
        if not worker.is_cancelled:
            self.call_from_thread(self._loaded, orders, plan, items, settings)
        services.remember_ranks(session, orders, plan.at(self.clock()))  # for the next start

    def _removed(self, gone: services.UnknownLogin) -> None:
        self.orders, self.inbox = {}, []
        self.exit(return_code=2, message="hotline: " + "；".join(gone.messages(self.t.language)))

    def _page_read(self, page: list[WorkOrder], plan: LimitPlan, settings: Settings) -> None:
        """The first page is in: show it, then read everything once it is painted (the
        screens keep saying that the orders are being read, and the filters wait)."""
        self.orders = {o.id: o for o in page}
        self.plan = plan
        self._take(settings)
        self._tell_screens()
        self.screen.call_after_refresh(self.reload)
        self.screen.call_after_refresh(collector.resume)  # the start is over (collector.py)

    def _loaded(
        self, orders: Iterable[WorkOrder], plan: LimitPlan, items: list[InboxItem], settings: Settings
    ) -> None:
        self.orders = {o.id: o for o in orders}
        self.plan = plan
        self.inbox = items
        if self.loading:
            self.loading = False
            self.screen.refresh_bindings()
            self.screen.call_after_refresh(collector.resume)  # if no first page came before
        self._take(settings)
        self._tell_screens()

    def _take(self, settings: Settings) -> None:
        changed = self.settings != settings
        self.settings = settings
        if changed:
            if settings.keymap:
                self.set_keymap(settings.keymap)
            if not self._language_fixed and settings.language != self.t.language:
                self.t = Translator(settings.language)
                self._retranslate()

    def _tell_screens(self) -> None:
        for screen in self.screen_stack:  # the queue below an order redraws too, for when it is back
            screen.post_message(DataLoaded())

    @property
    def unread(self) -> int:
        return sum(1 for item in self.inbox if not item.acknowledged)

    # -- what is shown ---------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification says what happened to typed text: never markup, controls visible."""
        shown, heading = visible(message), visible(title, newlines=False)
        super().notify(shown, title=heading, severity=severity, timeout=timeout, markup=markup)

    def format_title(self, title: str, sub_title: str) -> Content:
        return super().format_title(visible(title, newlines=False), visible(sub_title, newlines=False))

    # -- lifecycle ---------------------------------------------------------------

    def on_mount(self) -> None:
        from hotline_tui.screens.queue import QueueScreen

        self.title = self.t("app.title")
        self.sub_title = self.person.login
        translate_bindings(self, self.t)
        self.push_screen(QueueScreen())
        self.reload(first_page=True)
        self.set_interval(RELOAD_SECONDS, self.reload)

    # -- global actions -------------------------------------------------------------

    def action_help(self) -> None:
        from hotline_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_alerts(self) -> None:
        from hotline_tui.screens.alerts import AlertsScreen

        if not self.has_inbox:
            self.refuse(self.t("key.alerts"))
        elif not isinstance(self.screen, AlertsScreen):
            self.push_screen(AlertsScreen())

    def action_reports(self) -> None:
        from hotline_tui.screens.reports import ReportsScreen

        if not isinstance(self.screen, ReportsScreen):
            self.push_screen(ReportsScreen())

    def action_knowledge(self) -> None:
        from hotline_tui.screens.knowledge import KnowledgeScreen

        if not isinstance(self.screen, KnowledgeScreen):
            self.push_screen(KnowledgeScreen())

    def action_policies(self) -> None:
        from hotline_tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen())

    def action_duties(self) -> None:
        from hotline_tui.screens.duties import DutiesScreen

        if not isinstance(self.screen, DutiesScreen):
            self.push_screen(DutiesScreen())

    def action_studies(self) -> None:
        from hotline_tui.screens.studies import StudiesScreen

        if not isinstance(self.screen, StudiesScreen):
            self.push_screen(StudiesScreen())

    def action_exchange(self) -> None:
        from hotline_tui.screens.exchange import ExchangeScreen

        if not isinstance(self.screen, ExchangeScreen):
            self.push_screen(ExchangeScreen())

    def action_language(self) -> None:
        self.t = self.t.next_language()
        self._language_fixed = True
        self._retranslate()

    def _retranslate(self) -> None:
        self.title = self.t("app.title")
        translate_bindings(self, self.t)
        for screen in self.screen_stack:
            translate_bindings(screen, self.t)
            retranslate = getattr(screen, "retranslate", None)
            if retranslate is not None:
                retranslate()
        self.refresh_bindings()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The app's own keys that ``screen`` offers now, for the command palette: going to a
        screen, the language and quitting, in the clerk's language."""
        t = self.t
        for node, binding, enabled, _tooltip in screen.active_bindings.values():
            if node is not self or not enabled or not has_words(binding) or binding.action == PALETTE:
                continue
            area = t("palette.system") if binding.action in SYSTEM_ACTIONS else t("palette.go")
            key = binding.key_display or self.get_key_display(binding)
            yield SystemCommand(
                f"{area}: {describe(binding, t)}", key, partial(self.run_action, binding.action)
            )

    def action_command_palette(self) -> None:
        """Textual's palette, its prompt and "no matches" in the clerk's language (the check is
        ``CommandPalette.is_open``'s, which the type checker will not take a HotlineApp for)."""
        if self.use_command_palette and not self.screen.has_class("--textual-command-palette"):
            self.push_screen(HotlinePalette(self.t("palette.prompt"), self.t("palette.none")))

    # -- what a person may do ---------------------------------------------------------

    @property
    def has_inbox(self) -> bool:
        """Whether any alert may reach this person: a viewer or an administrator has no address."""
        return bool(recipients_of(self.person))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only people who handle orders have alerts (SPEC 6): the viewer gets no alerts key."""
        return self.has_inbox if action == "alerts" else True

    def refuse(self, what: str) -> None:
        """A key that is not offered was pressed anyway (a stale binding, a remapped key):
        say so where the eye is, in words, and open nothing."""
        self.notify(self.t("refused.key", what=what), severity="warning")
