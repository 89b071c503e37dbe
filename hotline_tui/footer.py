"""The footer: the keys that matter on this screen, on one line of text.

Textual's ``Footer`` is a row of widgets, one per key, composed again each
time a screen's bindings change, and a screen opening changes them several
times in a row (mount, focus, the bindings put into the clerk's language):
restyling those widgets was a fifth of the start-up. Clerks work by keyboard
(the keys are to be read, not clicked), so this footer is a single widget
that renders the active bindings as text when it paints.

At 80 columns the screen's own keys, the app's global ones and the command
palette do not all fit. Help and the command palette, which lead to every
other key, are always shown; the screen's own keys come first, then the other
global keys while there is room. When even the screen's keys are too many
(English words are long), its last ones give way: the help screen lists them all.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.style import Style
from rich.text import Text
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget

from hotline_tui.node import HotlineNode

SEPARATOR = "  "
NULL = Style.null()
PALETTE = "command_palette"
ALWAYS_SHOWN = ("help", PALETTE)
# Which keys give way first when the line is short of room: the highest rank, last first.
ALWAYS, SCREEN, GLOBAL = 0, 1, 2


class Key(NamedTuple):
    """One key as the footer shows it."""

    display: str
    description: str
    enabled: bool
    rank: int


class Footer(HotlineNode, Widget):
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    Footer > .footer--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    Footer > .footer--description {
        color: $footer-description-foreground;
    }
    Footer > .footer--disabled {
        text-style: dim;
    }
    """
    COMPONENT_CLASSES = {"footer--key", "footer--description", "footer--disabled"}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, _screen: Screen[Any]) -> None:
        self.refresh()

    def keys(self) -> list[Key]:
        """The keys to show, in order, before fitting them to the width."""
        app = self.app
        keys: list[Key] = []
        palette: Key | None = None
        actions: set[str] = set()
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            is_palette = binding.action == PALETTE and app.ENABLE_COMMAND_PALETTE  # whatever key it is on
            if binding.action in actions or not (binding.show or is_palette):
                continue
            actions.add(binding.action)
            rank = ALWAYS if binding.action in ALWAYS_SHOWN else GLOBAL if isinstance(node, App) else SCREEN
            key = Key(app.get_key_display(binding), binding.description, enabled, rank)
            if is_palette:
                palette = key
            else:
                keys.append(key)
        keys.sort(key=lambda k: k.rank == GLOBAL)  # stable: the others keep their order
        return keys if palette is None else [*keys, palette]

    def render(self) -> Text:
        style = self.get_component_rich_style
        return line_of(
            fit(self.keys(), self.size.width),
            style("footer--key"),
            style("footer--description"),
            style("footer--disabled"),
        )


def line_of(
    keys: list[Key], key_style: Style = NULL, text_style: Style = NULL, disabled: Style = NULL
) -> Text:
    """The footer's line: fitting measures it unstyled, the widget paints it styled."""
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    for number, key in enumerate(keys):
        dim = disabled if not key.enabled else NULL
        line.append(SEPARATOR if number else " ")
        line.append(key.display, key_style + dim)
        line.append(" " + key.description, text_style + dim)
    return line


def fit(keys: list[Key], width: int) -> list[Key]:
    """Drop keys, the highest rank and the last first, until the line fits."""
    kept = list(keys)
    while line_of(kept).cell_len > width and any(key.rank != ALWAYS for key in kept):
        weakest = max(key.rank for key in kept)
        last = max(n for n, key in enumerate(kept) if key.rank == weakest)
        del kept[last]
    return kept
