"""The command palette: "area: verb" commands in the clerk's language, from what is on screen."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import Hit, Hits, Provider

from hotline_core.domain.lifecycle import available_actions

if TYPE_CHECKING:
    from hotline_tui.app import HotlineApp  # only for the checker: the app module imports this one


class HotlineCommands(Provider):
    @property
    def hotline(self) -> HotlineApp:
        """The app, typed for the checker only. Textual types ``Provider.app`` as ``App[object]``,
        which no subclass may narrow (``App`` is invariant); this provider is only ever
        registered in ``HotlineApp.COMMANDS``, so its app is a HotlineApp."""
        return cast("HotlineApp", self.app)

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from hotline_tui.screens.order import OrderScreen

        app = self.hotline
        t = app.t
        found: list[tuple[str, Callable[[], object], str]] = []
        screen = app.screen
        if isinstance(screen, OrderScreen) and screen.order is not None:
            for action in available_actions(screen.order, app.person):
                found.append(
                    (
                        f"{t('palette.order')}: {t.name(action)}",
                        partial(screen.action_act, action.value),
                        screen.order_id,
                    )
                )
        found.append((f"{t('palette.go')}: {t('alerts.title')}", app.action_alerts, ""))
        found.append((f"{t('palette.go')}: {t('intake.title')}", self._intake, ""))
        found.append((f"{t('palette.go')}: {t('help.title')}", app.action_help, ""))
        found.append((f"{t('palette.go')}: {t('duties.title')}", app.action_duties, ""))
        return found

    def _intake(self) -> None:
        from hotline_tui.dialogs.intake import intake_dialog

        self.app.push_screen(intake_dialog(self.hotline))

    async def discover(self) -> Hits:
        for name, run, help_text in self._commands():
            yield Hit(1.0, name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
