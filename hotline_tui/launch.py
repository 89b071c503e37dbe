"""Start the terminal UI for the login on the shared host (``hotline`` with no subcommand).

What the UI needs is imported inside :func:`launch`, once the cycle collector is paused
for the start (``collector``): most of a start's objects are made by those imports.
"""

from __future__ import annotations

import argparse
import sys

from hotline_tui import collector


def launch(args: argparse.Namespace) -> int:
    """Who you are decides what opens; an unknown login is told how to get access."""
    collector.pause()  # until the first screen is painted (the app resumes it)
    from hotline_core.domain.problems import HotlineError
    from hotline_core.services import StorageError, identify
    from hotline_tui.cli import context

    try:
        repo = context.open_repository(args)
        person = identify(repo.snapshot(), context.acting_login(args))
    except (HotlineError, StorageError) as error:
        reason = (
            "；".join(error.messages(args.lang or "zh_CN")) if isinstance(error, HotlineError) else str(error)
        )
        print(f"hotline: {reason}", file=sys.stderr)
        return 2
    from hotline_tui.app import HotlineApp

    HotlineApp(repo, person, context.system_now, args.lang).run()
    return 0
