"""What every screen, dialog and widget of the clerk's app may assume: that its app is the HotlineApp.

Textual types ``self.app`` as a plain ``App``, so the type checker cannot see the
translator, the repository or the loaded orders the screens read from it. The
typed ``app`` below exists for the type checker only (Textual's own
``getters.app`` descriptor, as its documentation suggests): at run time the
mixin is an empty class and ``self.app`` is Textual's, unchanged, with no
per-access check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual import getters
    from textual.message_pump import MessagePump

    from hotline_tui.app import HotlineApp  # only for the checker: the app module imports the screens

    class HotlineNode(MessagePump):
        """Mixed in first, ``class QueueScreen(HotlineNode, Screen[None])``, so its ``app`` is seen."""

        app = getters.app(HotlineApp)

else:

    class HotlineNode:
        """Mixed in first, ``class QueueScreen(HotlineNode, Screen[None])``, so its ``app`` is seen."""
