"""The command palette: "area: verb" commands in the clerk's language, from what the screen offers.

The palette lists exactly what the screen under it offers by key (the same
bindings the footer shows, after the role and the order's state were asked),
the order's other actions from its menu, and the app's own commands: going to
a screen, switching the language, quitting. Its prompt and its "no matches"
line are in the clerk's language too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, Hit, Hits, Provider
from textual.screen import Screen
from textual.widgets.option_list import Option

from hotline_tui.bindings import describe, has_words

if TYPE_CHECKING:
    from hotline_tui.app import HotlineApp  # only for the checker: the app module imports this one

PALETTE_ID = "--command-palette"


class Command(NamedTuple):
    """One palette entry: what it reads, what it does, a line of help under it."""

    name: str
    run: Callable[[], object]
    help: str = ""


def screen_commands(app: HotlineApp, screen: Screen[Any]) -> list[Command]:
    """The keys ``screen`` offers now (enabled, in the words table), as commands.

    The app's keys are left to ``HotlineApp.get_system_commands``; a screen may add
    commands that have no key of their own (``extra_commands``)."""
    t = app.t
    area = screen.title or t("palette.system")
    found: list[Command] = []
    seen: set[str] = set()
    for node, binding, enabled, _tooltip in screen.active_bindings.values():
        if node is app or not enabled or not has_words(binding) or binding.action in seen:
            continue
        seen.add(binding.action)
        key = binding.key_display or binding.key
        found.append(
            Command(f"{area}: {describe(binding, t)}", partial(app.run_action, binding.action, node), key)
        )
    extra: Callable[[], Iterable[Command]] | None = getattr(screen, "extra_commands", None)
    if extra is not None:
        found.extend(extra())
    return found


class HotlineCommands(Provider):
    @property
    def hotline(self) -> HotlineApp:
        """The app, typed for the checker only. Textual types ``Provider.app`` as ``App[object]``,
        which no subclass may narrow (``App`` is invariant); this provider is only ever
        registered in ``HotlineApp.COMMANDS``, so its app is a HotlineApp."""
        return cast("HotlineApp", self.app)

    def commands(self) -> list[Command]:
        """``self.screen`` is the screen the palette was opened over, not the palette."""
        app = self.hotline
        system = [Command(c.title, c.callback, c.help) for c in app.get_system_commands(self.screen)]
        return [*screen_commands(app, self.screen), *system]

    async def discover(self) -> Hits:
        for command in self.commands():
            yield Hit(1.0, command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)


class HotlinePalette(CommandPalette):
    """Textual's palette with its two fixed English texts in the clerk's language."""

    def __init__(self, placeholder: str, no_matches: str) -> None:
        super().__init__(placeholder=placeholder, id=PALETTE_ID)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's own countdown, with our words: it has no setting for this line."""
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)
