"""The footer with the keys that matter on each screen, rebuilt once per burst of changes.

Textual's ``Footer`` rebuilds all its key widgets every time a screen's
bindings change, and a screen opening changes them several times in a row
(mount, focus, the bindings translated into the clerk's language ...): seven
rebuilds before the first queue was shown, each restyling a dozen widgets,
about a fifth of the start-up. This footer schedules one rebuild for such a
burst, after the screen has refreshed, and then shows the bindings as they
stand.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    _rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True  # what the base class records before it rebuilds
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        await self.recompose()
