"""Knowledge-base subcommands: ``kb search``, ``kb show``, ``kb step``, ``kb import`` and ``kb export``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hotline_core import services
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_tui.cli import context
from hotline_tui.cli.context import open_repository, system_now
from hotline_tui.cli.output import Output


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    kb = subparsers.add_parser("kb", parents=[common], help="the knowledge base of standard answers")
    sub = kb.add_subparsers(dest="kb_command", metavar="WHAT", required=True)
    search = sub.add_parser("search", parents=[common], help="published answers ranked by relevance")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=10)
    search.set_defaults(handler=run_search)
    show = sub.add_parser("show", parents=[common], help="an entry with its versions")
    show.add_argument("entry")
    show.set_defaults(handler=run_show)
    step = sub.add_parser("step", parents=[common], help="send_to_review, publish, return or retire")
    step.add_argument("entry")
    step.add_argument("step", choices=services.KB_STEPS)
    step.add_argument("--reason", default="")
    step.set_defaults(handler=run_step)
    imp = sub.add_parser("import", parents=[common], help="the office's spreadsheet (.xlsx) or a JSON export")
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=run_import)
    exp = sub.add_parser("export", parents=[common], help="the whole base as .xlsx or .json")
    exp.add_argument("file", type=Path)
    exp.set_defaults(handler=run_export)


def run_search(args: argparse.Namespace, out: Output) -> int:
    """Published answers first; for staff, the matching drafts after them, marked unreviewed,
    and "no published answer" said plainly when only drafts (or nothing) match."""
    repo, login = open_repository(args), context.acting_login(args)
    hits = services.kb_search(repo, login, args.query, args.limit, drafts=True)
    data = [
        {
            "id": h.entry_id,
            "question": h.question,
            "score": round(h.score, 3),
            "area": h.area.value,
            "version": h.version,
            "matched": list(h.matched),
            "reviewed": h.reviewed,
        }
        for h in hits
    ]
    lines = [f"{h['id']}  {h['score']:>6.2f}  {h['question']}" for h in data if h["reviewed"]]
    if not lines:
        lines.append(out.t("kb.no_published"))
    mark = out.t("kb.unreviewed")
    lines += [f"{h['id']}  [{mark}]  {h['question']}" for h in data if not h["reviewed"]]
    out.emit(data, "\n".join(lines))
    return 0


def _entry(args: argparse.Namespace) -> Any:
    entry = services.kb_entries(open_repository(args), context.acting_login(args)).get(args.entry)
    if entry is None:
        raise InvalidInput([Problem("entry", "unknown_entry", {"id": args.entry})])
    return entry


def run_show(args: argparse.Namespace, out: Output) -> int:
    from hotline_core.domain.knowledge import reply_text

    entry = _entry(args)
    status = out.t(f"kb.status.{entry.status.value}")
    text = f"{entry.id}  [{status}]  {entry.content.question}\n{reply_text(entry.content)}"
    if entry.content.note:
        text += "\n" + out.t("kb.note", note=entry.content.note)
    out.emit(services.entry_document(entry), text)
    return 0


def run_step(args: argparse.Namespace, out: Output) -> int:
    entry = services.kb_step(
        open_repository(args), context.acting_login(args), args.entry, args.step, system_now(), args.reason
    )
    said = f"{entry.id} → {out.t(f'kb.status.{entry.status.value}')}"
    out.emit({"id": entry.id, "status": entry.status.value}, said)
    return 0


def run_import(args: argparse.Namespace, out: Output) -> int:
    context.outside_database(args, args.file)  # missing, a pipe, not yours: the use case says
    report = services.kb_import(
        open_repository(args), context.acting_login(args), args.file, system_now(), context.files_for(args)
    )
    problems = [p.message(out.language) for p in report.problems]
    data = {
        "created": [e.id for e in report.created],
        "updated": [e.id for e in report.updated],
        "unchanged": list(report.unchanged),
        "problems": problems,
    }
    lines = [
        out.t(
            "cli.kb.imported",
            created=len(report.created),
            updated=len(report.updated),
            unchanged=len(report.unchanged),
            problems=len(problems),
        ),
        *problems,
    ]
    out.emit(data, "\n".join(lines))
    return 1 if problems else 0


def run_export(args: argparse.Namespace, out: Output) -> int:
    target = context.outside_database(args, args.file)
    written = services.kb_export(
        open_repository(args), context.acting_login(args), target, context.files_for(args)
    )
    out.emit({"written": str(written)}, out.t("cli.written", path=written))
    return 0
