"""Python's cycle collector while a clerk's UI starts.

Starting the UI creates a few hundred thousand objects that live as long as
the process: modules, classes, Textual's widgets and styles. With the cycle
collector on, each thousand new objects makes it look at the young ones, and
every tenth look walks all of them again: about a tenth of the CPU time to
the first screen, for no garbage worth finding. So ``launch`` turns it off
before the UI's imports and the database's open, and the app turns it back
on once its first screen is painted, after freezing what was made so far
(``gc.freeze``: moved aside, never walked again). Nothing is lost: what start
left as a cycle is at most a few objects, kept as long as the process runs.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Before the start's imports: no collection until ``resume``."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Once the first screen is up: freeze what start made, collect as usual from now on.
    Does nothing unless ``pause`` turned the collector off (tests start the app directly)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
