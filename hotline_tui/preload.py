"""The queue's first page, worked out in a second process while the terminal UI starts.

Starting ``hotline`` on 10,000 open orders is two jobs of about the same size:
importing and starting Textual, and reading every order to work out its
limits (the most urgent page needs them all). One Python process does them
one after the other, whatever the threads, so on a host with more than one
core ``launch`` forks a process before it imports Textual. That process reads
the orders, works out their limits and sends back the order ids of the
queue's first page, as ``hotline_tui.worklist`` ranks them. The app then
reads just those orders for its first screen and the rest behind it.

Nothing depends on the second process: if it fails, is slow, or the host has
one core, the app reads everything itself, as it does at each refresh. The
page can be older than the app's own read by the fraction of a second
between the two, like any refresh; the full read that follows corrects it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from datetime import datetime
from multiprocessing.connection import Connection

from hotline_core.limits import LimitPlan
from hotline_core.organization import Person
from hotline_core.repository import Repository
from hotline_core.services import visible_orders
from hotline_tui.worklist import PAGE, Filter, shown

# The process finishes, or fails and closes its end, in about the time the app would take
# to read everything itself (it waits for the lock like any reader): waiting for it is never
# much slower than not having it. The limit is only for a process that hangs.
WAIT_SECONDS = 30.0


class Preload:
    """The second process, and the page it sends back."""

    def __init__(self, repo: Repository, person: Person, now: datetime) -> None:
        context = multiprocessing.get_context("fork")  # the child needs none of Textual, only the fork
        self._page, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_first_page, args=(sender, repo, person, now),
                                        name="hotline-preload", daemon=True)
        self._process.start()
        sender.close()

    def first_page(self, timeout: float = WAIT_SECONDS) -> list[str] | None:
        """The ids of the most urgent page, or ``None`` if the process has none to give."""
        try:
            if self._page.poll(timeout):
                page: list[str] | None = self._page.recv()
                return page
            return None
        except (EOFError, OSError):
            return None
        finally:
            self._page.close()
            self._process.kill()
            self._process.join()


def start(repo: Repository, person: Person, now: datetime) -> Preload | None:
    """A preload on a host with a core to spare, else ``None``."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return Preload(repo, person, now) if cores > 1 else None


def _send_first_page(sender: Connection, repo: Repository, person: Person, now: datetime) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ctrl+c is the app's; it ends this process anyway
    try:
        session = repo.snapshot()
        orders = visible_orders(session, person)
        settings = session.settings()
        limits = LimitPlan(orders, settings.calendar, settings.policies).at(now)
        sender.send([order.id for order in shown(orders, limits, Filter())[:PAGE]])
    except Exception:  # noqa: BLE001  the app reads everything itself; a traceback would garble its screen
        return
    finally:
        sender.close()
