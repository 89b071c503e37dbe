"""Report subcommands: ``report`` (quarterly, hotspots, assessment, filings) and ``summary file``."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from hotline_core import services
from hotline_core.domain.calendar import SHANGHAI, human_due
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.reports.comparison import COUNT_COLUMNS
from hotline_core.domain.summary_table import SummaryTable
from hotline_tui.cli import context
from hotline_tui.cli.context import open_repository, system_now
from hotline_tui.cli.output import Output, pad
from hotline_tui.visible import visible

KINDS = ("quarterly", "hotspots", "assessment", "filings", "comparison")
FORMATS = ("json", "csv", "xlsx")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    report = subparsers.add_parser(
        "report", parents=[common], help="quarterly summary, hot issues, assessment"
    )
    report.add_argument("kind", choices=KINDS)
    report.add_argument("--period", required=True, help="2026Q3, 2026-07..2026-09 or 2026")
    report.add_argument("--county", help="one county's figures (quarterly)")
    report.add_argument("--format", choices=FORMATS, default=None, help="json, csv or xlsx")
    report.add_argument("--output", type=Path, help="file to write (xlsx needs one)")
    report.set_defaults(handler=run_report)

    summary = subparsers.add_parser("summary", parents=[common], help="county quarterly summary tables")
    summary_sub = summary.add_subparsers(dest="summary_command", metavar="WHAT", required=True)
    file = summary_sub.add_parser("file", parents=[common], help="record that a county sent its summary")
    file.add_argument("quarter", help="e.g. 2026Q3")
    file.add_argument("--county", help="for the rights department recording a paper summary")
    file.set_defaults(handler=run_file)
    # Issue 18: the county clerk prepares the table itself before filing it.
    for name, help_text in (
        ("generate", "count the county's table from its orders"),
        ("check", "the clerk has checked the figures"),
        ("show", "the table and where it stands"),
    ):
        step = summary_sub.add_parser(name, parents=[common], help=help_text)
        step.add_argument("quarter", help="e.g. 2026Q3")
        if name == "show":
            step.add_argument("--county", help="a county's table, for the prefecture")
        step.set_defaults(handler=run_table_step, step=name)
    note = summary_sub.add_parser("note", parents=[common], help="notes to go with the table")
    note.add_argument("quarter")
    note.add_argument("notes")
    note.set_defaults(handler=run_table_step, step="note")
    attach = summary_sub.add_parser("attach", parents=[common], help="the signed and stamped scan")
    attach.add_argument("quarter")
    attach.add_argument("file", type=Path)
    attach.set_defaults(handler=run_table_step, step="attach")


def run_report(args: argparse.Namespace, out: Output) -> int:
    from hotline_core.domain.reports import to_document

    repo = open_repository(args)
    report = services.report(
        repo, context.acting_login(args), args.kind, args.period, args.county, system_now()
    )
    document = to_document(report)
    fmt = args.format or ("json" if args.json else None)
    if args.output is not None:
        context.outside_database(args, args.output, "output")
        written = services.export_report(
            document, fmt or args.output.suffix.lstrip(".") or "json", args.output, context.files_for(args)
        )
        out.emit(
            {"written": [str(p) for p in written]}, "\n".join(out.t("cli.written", path=p) for p in written)
        )
        return 0
    if fmt == "xlsx":
        raise InvalidInput([Problem("output", "required")])
    if fmt == "json":
        print(json.dumps(services.report_json(document), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        raise InvalidInput([Problem("output", "required")])
    else:
        print(visible(_as_text(document)))
    return 0


def _as_text(document: Any) -> str:
    lines = [document.title, *document.notes]
    for table in document.tables:
        lines.append(f"\n[{table.title}]")
        lines.append("\t".join(c.heading for c in table.columns))
        lines.extend("\t".join(_cell(v) for v in row) for row in table.rows)
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return str(value)


def run_file(args: argparse.Namespace, out: Output) -> int:
    quarter = Quarter.parse(args.quarter)
    place = services.file_summary(
        open_repository(args), context.acting_login(args), quarter, args.county, system_now()
    )
    out.emit(
        {"quarter": str(quarter), "county": place}, out.t("cli.summary.filed", place=place, quarter=quarter)
    )
    return 0


def run_table_step(args: argparse.Namespace, out: Output) -> int:
    """``summary generate|check|note|attach|show QUARTER``: one step on the county's table."""
    quarter = Quarter.parse(args.quarter)
    repo, login = open_repository(args), context.acting_login(args)
    if args.step == "generate":
        table = services.generate_summary(repo, login, quarter, system_now())
    elif args.step == "check":
        table = services.check_summary(repo, login, quarter, system_now())
    elif args.step == "note":
        table = services.note_summary(repo, login, quarter, args.notes)
    elif args.step == "attach":
        context.outside_database(args, args.file, "scan")
        table = services.attach_scan(repo, login, quarter, args.file, context.files_for(args))
    else:
        found = services.summary_table_of(repo, login, quarter, getattr(args, "county", None))
        if found is None:
            out.emit(None, out.t("cli.summary.no_table", quarter=quarter))
            return 0
        table = found
    data = services.summary_table_json(repo, table)
    due = human_due(datetime.fromisoformat(data["county_due"]), whole_day=out.t("due.whole_day"))
    text = _table_text(table, out) + "\n" + out.t("cli.summary.due", quarter=quarter, due=due)
    out.emit(data, text)
    return 0


def _table_text(table: SummaryTable, out: Output) -> str:
    none = out.t("cli.year.none")

    def when(at: datetime | None) -> str:
        return none if at is None else f"{at.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"

    lines = [
        out.t(
            "cli.summary.table",
            county=out.t.name(table.county),
            quarter=table.quarter,
            generated=when(table.generated_at),
            checked=when(table.checked_at),
            scan=table.scan.name if table.scan else none,
            filed=when(table.filed_at),
        )
    ]
    if table.notes:
        lines.append(out.t("cli.summary.notes", notes=table.notes))
    headings = {c.key: c.heading for c in COUNT_COLUMNS}  # the summary table's own (Chinese) headings
    lines.extend(f"  {pad(headings.get(key, key), 24)}{value}" for key, value in table.counts.items())
    return "\n".join(lines)
