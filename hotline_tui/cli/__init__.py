"""The ``hotline`` command (SPEC section 10): one entry point, many subcommands.

With no subcommand it starts the terminal UI. Every subcommand prints human
text by default and JSON with ``--json``; bad input exits with status 2 and
a one-line reason on standard error, in the clerk's language.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from hotline_core.domain.messages import LANGUAGES
from hotline_core.domain.problems import HotlineError
from hotline_core.services import StorageError
from hotline_tui.cli import auditcmds, dbcmds, kbcmds, listcmds, ordercmds, reportcmds, timecmds
from hotline_tui.cli.output import CommandError, Output

SUBCOMMANDS = (dbcmds, kbcmds, ordercmds, listcmds, reportcmds, timecmds, auditcmds)


def build_parser() -> argparse.ArgumentParser:
    # SUPPRESS: given before or after the subcommand, an option keeps its value.
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--db", help="database folder (default: $HOTLINE_DB, else the user data folder)")
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
    common.add_argument("--lang", choices=LANGUAGES, help="language of messages (default: zh_CN)")
    common.add_argument("--as", dest="as_login", metavar="LOGIN", help="act as LOGIN (demo databases only)")
    parser = argparse.ArgumentParser(
        prog="hotline",
        parents=[common],
        description="延边州残联 12345 热线工单系统 — work orders of the 12345 hotline",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for name, default in (("db", None), ("json", False), ("lang", None)):
        if not hasattr(args, name):
            setattr(args, name, default)
    out = Output(json_mode=args.json, language=args.lang or "zh_CN")
    if args.command is None:
        from hotline_tui.launch import launch  # Textual is imported only for the UI

        return launch(args)
    try:
        return args.handler(args, out) or 0
    except HotlineError as error:
        out.fail("；".join(error.messages(out.language)))
    except (CommandError, StorageError) as error:
        out.fail(str(error))
    return 2


if __name__ == "__main__":
    sys.exit(main())
