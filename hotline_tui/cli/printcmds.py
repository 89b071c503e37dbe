"""Paper: ``print ORDER --sheet|--extension-notice --output F.pdf`` and ``print-font``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hotline_core import services
from hotline_tui.cli import context
from hotline_tui.cli.context import open_repository, system_now
from hotline_tui.cli.output import Output


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    printing = subparsers.add_parser(
        "print", parents=[common], help="an order's sheet or extension notice as a PDF to print"
    )
    printing.add_argument("order")
    which = printing.add_mutually_exclusive_group(required=True)
    which.add_argument("--sheet", dest="paper", action="store_const", const="sheet", help="the order sheet")
    which.add_argument(
        "--extension-notice",
        dest="paper",
        action="store_const",
        const="extension_notice",
        help="the extension notice to the citizen",
    )
    printing.add_argument("--output", type=Path, required=True, help="the PDF file to write")
    printing.set_defaults(handler=run_print)

    font = subparsers.add_parser("print-font", parents=[common], help="the font printed papers embed (admin)")
    font.add_argument("path", nargs="?", help="a TrueType/OpenType font file drawing Chinese and Hangul")
    font.add_argument("--bundled", action="store_true", help="go back to the font bundled with hotline")
    font.set_defaults(handler=run_font)


def run_print(args: argparse.Namespace, out: Output) -> int:
    target = context.outside_database(args, args.output, "output")
    written = services.print_order(
        open_repository(args),
        context.acting_login(args),
        args.order,
        args.paper,
        target,
        system_now(),
        context.files_for(args),
    )
    out.emit(
        {"order": args.order, "paper": args.paper, "written": str(written)},
        out.t("cli.written", path=written),
    )
    return 0


def run_font(args: argparse.Namespace, out: Output) -> int:
    repo = open_repository(args)
    if args.path or args.bundled:
        path = context.outside_database(args, Path(args.path), "font") if args.path else None
        chosen = services.set_paper_font(
            repo, context.acting_login(args), str(path) if path else None, context.files_for(args)
        )
    else:
        chosen = services.paper_font(repo)
    out.emit({"font": chosen or None}, chosen or out.t("cli.print.bundled_font"))
    return 0
