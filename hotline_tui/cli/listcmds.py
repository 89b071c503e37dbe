"""``hotline list``: the open orders the acting person may see, as the core hands them over."""

from __future__ import annotations

import argparse
from typing import Any

from hotline_core import services
from hotline_core.domain.intake import BadValue, read_choice
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.vocabulary import Status
from hotline_tui.cli import context
from hotline_tui.cli.context import open_repository, system_now
from hotline_tui.cli.output import Output


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    listing = subparsers.add_parser("list", parents=[common], help="the open orders you may see")
    listing.add_argument("--status", help="only this status: " + ", ".join(Status))
    listing.add_argument("--overdue", action="store_true", help="only orders with a limit past due")
    listing.set_defaults(handler=run_list)


def _status(text: str | None) -> Status | None:
    if text is None:
        return None
    try:
        return Status(read_choice(Status, text))
    except BadValue as bad:
        raise InvalidInput([Problem("status", bad.code, bad.params)]) from None


def order_row(order: WorkOrder) -> dict[str, Any]:
    """One line of the list: what a clerk needs to pick an order, masked as the core gave it."""
    record = order.state.record
    return {
        "id": order.id,
        "status": order.state.status.value,
        "received_at": record.received_at.isoformat(),
        "appeal_type": record.appeal.appeal_type.value,
        "county": record.place.value,
        "owner": order.state.owner.name,
        "name": record.citizen.name,
        "phone": record.citizen.phone,
        "confidential": record.confidential,
    }


def run_list(args: argparse.Namespace, out: Output) -> int:
    orders = services.list_orders(
        open_repository(args), context.acting_login(args), system_now(), _status(args.status), args.overdue
    )
    rows = [order_row(o) for o in orders]
    lines = [
        f"{r['id']:<20}{r['status']:<14}{r['received_at'][:16]:<18}{r['county']:<6}{r['name']:<8}{r['phone']}"
        for r in rows
    ]
    out.emit(rows, "\n".join(lines) or "—")
    return 0
