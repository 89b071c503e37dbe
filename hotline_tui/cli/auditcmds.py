"""``hotline audit access``: who was shown which personal data, for the auditor."""

from __future__ import annotations

import argparse
from datetime import datetime, time
from typing import Any

from hotline_core import services
from hotline_core.domain.accesslog import Access
from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.intake import BadValue, read_moment
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_tui.cli import context
from hotline_tui.cli.context import open_repository
from hotline_tui.cli.output import Output


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    audit = subparsers.add_parser("audit", parents=[common], help="the access log (auditors)")
    sub = audit.add_subparsers(dest="audit_command", metavar="WHAT", required=True)
    access = sub.add_parser("access", parents=[common], help="who was shown which personal data")
    access.add_argument("--login", help="only this login")
    access.add_argument("--since", help="from this date (2026-11-01) or ISO time on")
    access.set_defaults(handler=run_access)


def _since(text: str | None) -> datetime | None:
    """A date means its first moment in Beijing; a time must carry its offset."""
    if text is None:
        return None
    try:
        if len(text) == 10:
            return datetime.combine(datetime.fromisoformat(text).date(), time(), SHANGHAI)
        return read_moment(text)
    except ValueError:
        raise InvalidInput([Problem("since", "bad_date")]) from None
    except BadValue as bad:
        raise InvalidInput([Problem("since", bad.code)]) from None


def access_json(entry: Access) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(),
        "login": entry.login,
        "kind": entry.kind.value,
        "subject": entry.subject,
        "orders": list(entry.orders),
    }


def run_access(args: argparse.Namespace, out: Output) -> int:
    log = services.access_log(
        open_repository(args), context.acting_login(args), args.login, _since(args.since)
    )
    rows = [access_json(a) for a in log]
    lines = [
        f"{r['at'][:19]}  {r['login']:<12}{r['kind']:<8}{r['subject']}  {','.join(r['orders'])}" for r in rows
    ]
    out.emit(rows, "\n".join(lines) or "—")
    return 0
