"""``hotline exchange``: files to and from the 12345 platform (issue 17).

``pull PATH`` reads the platform's export (a file or a folder; ``--mapping`` for
another platform's headings), ``push --to FOLDER`` writes the ready messages as
packages, ``status`` lists the outbox, ``mark`` says a message was sent or failed,
``link`` ties a likely repeat to its order (``--merge``: answered together).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hotline_core.domain.exchange.outbox import Delivery
from hotline_core.domain.exchange.pulling import correction_value
from hotline_core.domain.exchange.wording import exchange_name
from hotline_core.services import exchange, outbox
from hotline_core.services.outbox import OutboxItem
from hotline_core.services.pulling import PullReport
from hotline_tui.cli import context
from hotline_tui.cli.context import open_repository, system_now
from hotline_tui.cli.output import Output, pad


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("exchange", parents=[common], help="files to and from the 12345 platform")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    pull = verbs.add_parser("pull", parents=[common], help="read the platform's export (file or folder)")
    pull.add_argument("path", type=Path)
    pull.add_argument("--mapping", type=Path, help="a JSON or TOML mapping file (docs/exchange.md)")
    pull.add_argument("--dry-run", action="store_true", help="show what would happen, store nothing")
    pull.set_defaults(handler=run_pull)
    push = verbs.add_parser("push", parents=[common], help="write the ready messages as packages")
    push.add_argument("--to", type=Path, required=True, metavar="FOLDER")
    push.set_defaults(handler=run_push)
    status = verbs.add_parser("status", parents=[common], help="the messages for the platform")
    status.set_defaults(handler=run_status)
    mark = verbs.add_parser("mark", parents=[common], help="a message was sent by hand, or failed")
    mark.add_argument("message")
    mark.add_argument("state", choices=("sent", "failed"))
    mark.add_argument("--reason", default="", help="why it failed")
    mark.set_defaults(handler=run_mark)
    link = verbs.add_parser("link", parents=[common], help="link a likely repeat to the order it repeats")
    link.add_argument("order")
    link.add_argument("parent")
    link.add_argument("--merge", action="store_true", help="answer it with the parent's feedback")
    link.set_defaults(handler=run_link)


def pull_json(report: PullReport, language: str) -> dict[str, Any]:
    """The contract of ``pull --json``: added, unchanged, corrected, rejected (row, column, reason)."""
    return {
        "added": list(report.added),
        "unchanged": list(report.unchanged),
        "corrected": list(report.corrected),
        "rejected": [
            {
                "row": p.row,
                "column": p.column,
                "reason": p.problem.message(language),
                "file": p.source,
                "code": p.problem.code,
            }
            for p in report.rejected
        ],
        "corrections": {
            order: [{"field": c.field, "old": c.old, "new": c.new} for c in changes]
            for order, changes in report.corrected.items()
        },
        "children": report.children,
        "repeats": {order: list(of) for order, of in report.repeats.items()},
        "applied": list(report.applied),
        "refused": [
            {
                "row": r.message.row,
                "file": r.message.source,
                "order": r.message.order_id,
                "kind": r.message.kind.value,
                "reason": "；".join(p.message(language) for p in r.problems),
            }
            for r in report.refused
        ],
        "acknowledged": list(report.acknowledged),
        "dry_run": report.dry_run,
    }


def run_pull(args: argparse.Namespace, out: Output) -> int:
    path = context.outside_database(args, args.path, "file")
    mapping = context.outside_database(args, args.mapping, "mapping") if args.mapping else None
    platform = exchange.file_platform(path, mapping, context.files_for(args))
    report = exchange.pull(
        open_repository(args), context.acting_login(args), platform, system_now(), args.dry_run
    )
    data = pull_json(report, out.language)
    t = out.t
    counts = {
        k: len(data[k])
        for k in ("added", "unchanged", "corrected", "rejected", "applied", "refused", "acknowledged")
    }
    lines = [t("cli.exchange.pulled", **counts)] + ([t("cli.exchange.dry_run")] if report.dry_run else [])
    lines += [t("cli.exchange.rejected", **r) for r in data["rejected"]]
    lines += [t("cli.exchange.refused", **r) for r in data["refused"]]
    lines += [
        t(
            "cli.exchange.corrected",
            order=o,
            changes=("；" if out.language == "zh_CN" else "; ").join(
                _change(c["field"], c["old"], c["new"], out) for c in cs
            ),
        )
        for o, cs in data["corrections"].items()
    ]
    lines += [t("cli.exchange.child", order=o, parent=p) for o, p in report.children.items()]
    lines += [t("cli.exchange.repeat", order=o, of="、".join(of)) for o, of in report.repeats.items()]
    out.emit(data, "\n".join(lines))
    return 1 if report.rejected or report.refused else 0


def _change(field: str, old: str, new: str, out: Output) -> str:
    """One correction of the center's as the clerk reads it: the field's name, not its code."""
    old_shown, new_shown = (out.t.name(correction_value(field, v)) for v in (old, new))
    return f"{out.t.field(field)} {old_shown} → {new_shown}"


def item_json(item: OutboxItem) -> dict[str, Any]:
    message, record = item.message, item.record
    return {
        "id": message.id,
        "order": message.order_id,
        "kind": message.kind.value,
        "state": item.state.value,
        "created_at": message.created_at.isoformat(),
        "since": (record.at if record else message.created_at).isoformat(),
        "reason": record.reason if record else "",
        "location": record.location if record else "",
        "text": message.text,
    }


def _line(item: OutboxItem, language: str) -> str:
    since = item.record.at if item.record else item.message.created_at
    reason = f"  {item.record.reason}" if item.record and item.record.reason else ""
    return (
        f"{pad(item.message.id, 24)}{pad(exchange_name(item.message.kind.value, language), 16)}"
        f"{pad(exchange_name(item.state.value, language), 12)}{since:%Y-%m-%d %H:%M}{reason}"
    )


def run_status(args: argparse.Namespace, out: Output) -> int:
    found = outbox.outbox_status(open_repository(args), context.acting_login(args), system_now())
    text = "\n".join(_line(i, out.language) for i in found) or out.t("cli.exchange.empty")
    out.emit({"messages": [item_json(i) for i in found]}, text)
    return 0


def run_push(args: argparse.Namespace, out: Output) -> int:
    folder = context.outside_database(args, args.to, "to")
    sent = outbox.push(
        open_repository(args),
        context.acting_login(args),
        exchange.package_folder(folder, context.files_for(args)),
        system_now(),
    )
    lines = [out.t("cli.exchange.pushed", n=len(sent), folder=str(folder))] + [
        _line(i, out.language) for i in sent
    ]
    out.emit({"sent": [item_json(i) for i in sent]}, "\n".join(lines))
    return 0


def run_mark(args: argparse.Namespace, out: Output) -> int:
    item = outbox.mark(
        open_repository(args),
        context.acting_login(args),
        args.message,
        Delivery(args.state),
        system_now(),
        args.reason,
    )
    out.emit(
        item_json(item),
        out.t("cli.exchange.marked", id=item.message.id, state=exchange_name(item.state.value, out.language)),
    )
    return 0


def run_link(args: argparse.Namespace, out: Output) -> int:
    made = exchange.link(
        open_repository(args), context.acting_login(args), args.order, args.parent, args.merge, system_now()
    )
    data = {"order": made.order_id, "parent": made.parent, "kind": made.kind.value}
    out.emit(
        data,
        out.t(
            "cli.exchange.linked",
            order=made.order_id,
            parent=made.parent,
            kind=exchange_name(made.kind.value, out.language),
        ),
    )
    return 0
