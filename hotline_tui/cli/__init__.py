"""The ``hotline`` command (SPEC section 10): one entry point, many subcommands.

With no subcommand it starts the terminal UI. Every subcommand prints human
text by default and JSON with ``--json``; bad input exits with status 2 and
a one-line reason on standard error, in the clerk's language.
"""

from __future__ import annotations

import argparse
import errno
import io
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import NoReturn

from hotline_core import services  # its names load on first use: the parser needs no storage
from hotline_core.domain.messages import LANGUAGES, render
from hotline_core.domain.problems import HotlineError
from hotline_tui.cli.helptext import argparse_language, language_of, localize
from hotline_tui.cli.output import CommandError, Output

# The subcommands' modules, in the order of the help. They are imported to build the whole
# command only: ``hotline`` alone opens the UI without loading them (see ``_ui_options``).
SUBCOMMANDS = (
    "dbcmds",
    "kbcmds",
    "ordercmds",
    "listcmds",
    "reportcmds",
    "timecmds",
    "auditcmds",
    "policycmds",
    "dutycmds",
    "printcmds",
    "studycmds",
    "exchangecmds",
)


class _NotOnlyOptions(Exception):
    """The words are not the common options alone."""


class _OptionsOnly(argparse.ArgumentParser):
    """The common options and nothing else. It never speaks: words it cannot take go to the
    whole command's parser, which says what is wrong in the person's language."""

    def error(self, message: str) -> NoReturn:
        raise _NotOnlyOptions(message)


def _common_options(kind: type[argparse.ArgumentParser] = argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options every subcommand takes, and ``hotline`` alone too."""
    # SUPPRESS: given before or after the subcommand, an option keeps its value.
    common = kind(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--db", help="database folder (default: $HOTLINE_DB, else the user data folder)")
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
    common.add_argument("--lang", choices=LANGUAGES, help="language of messages (default: zh_CN)")
    common.add_argument("--as", dest="as_login", metavar="LOGIN", help="act as LOGIN (demo databases only)")
    return common


def _ui_options(words: list[str]) -> argparse.Namespace | None:
    """The options of ``hotline`` with no subcommand (it opens the UI), read without building
    the whole command; None for anything else, ``--help`` and mistakes included."""
    try:
        args, rest = _common_options(_OptionsOnly).parse_known_args(words)
    except _NotOnlyOptions:
        return None
    return None if rest else args


def build_parser(language: str = "zh_CN") -> argparse.ArgumentParser:
    """The whole command, its help in ``language`` (call inside ``argparse_language``
    for argparse's own words too)."""
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="hotline",
        parents=[common],
        description="延边州残联 12345 热线工单系统 — work orders of the 12345 hotline",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        import_module(f"{__name__}.{name}").register(subparsers, common)
    localize(parser, language)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; whatever goes wrong ends in one line on stderr, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")  # a lone surrogate prints as \udcxx
    out = Output()
    try:
        return _run(argv, out)
    except BrokenPipeError:
        # The reader (``| head``) has all it wanted; say nothing more to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        out.fail(render("interrupted", out.language, {}))
        return 130
    except OSError as error:
        code, params = _os_problem(error)
        out.fail(render(code, out.language, params))
    except RecursionError:
        out.fail(render("too_deep", out.language, {}))
    except UnicodeEncodeError:
        out.fail(render("bad_characters", out.language, {}))
    except UnicodeDecodeError as error:
        out.fail(render("not_utf8", out.language, {"reason": str(error)}))
    return 2


def _os_problem(error: OSError) -> tuple[str, dict[str, str]]:
    """The message code for an error of the machine: a full disk, a read-only copy, a file for a folder."""
    path = str(error.filename or "")
    codes = {
        errno.ENOSPC: "disk_full",
        errno.EDQUOT: "disk_full",
        errno.EROFS: "cannot_write",
        errno.EACCES: "no_permission",
        errno.EPERM: "no_permission",
        errno.ENOTDIR: "not_a_folder",
    }
    if error.errno == errno.ENOTDIR:
        path = str(Path(path).parent) if Path(path).parent.is_file() else path
    return codes.get(error.errno or 0, "cannot_read"), {"path": path, "reason": error.strerror or str(error)}


def _run(argv: Sequence[str] | None, out: Output) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    out.language = language_of(words)  # argparse's refusals come before the options are read
    args = _ui_options(words)
    if args is None:
        with argparse_language(out.language):
            args = build_parser(out.language).parse_args(words)
    for name, default in (("db", None), ("json", False), ("lang", None), ("command", None)):
        if not hasattr(args, name):
            setattr(args, name, default)
    out.json_mode, out.language = args.json, args.lang or "zh_CN"
    if args.command is None:
        from hotline_tui.launch import launch  # Textual is imported only for the UI

        return launch(args)
    try:
        return args.handler(args, out) or 0
    except HotlineError as error:
        out.fail("；".join(error.messages(out.language)))
    except services.StorageError as error:
        out.fail(storage_message(error, out.language))
    except CommandError as error:
        out.fail(str(error))
    return 2


def storage_message(error: services.StorageError, language: str) -> str:
    """What the storage engine reports, in the person's language; its technical reason (for
    the operator, docs/operations.md) is quoted as it is."""
    if isinstance(error, services.DatabaseDamaged):
        return render("database_damaged", language, {"path": str(error.path), "reason": error.reason})
    if isinstance(error, services.LockTimeout):
        return render("database_busy", language, {"path": str(error.path), "seconds": f"{error.seconds:g}"})
    if isinstance(error, services.DatabaseExists):
        return render("database_exists", language, {"path": str(error.path)})
    if isinstance(error, services.DatabaseNotFound):
        return render("no_database", language, {"path": str(error.path)})
    return render("storage_failed", language, {"reason": str(error)})


if __name__ == "__main__":
    sys.exit(main())
