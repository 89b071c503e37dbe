"""``hotline list``: the open orders the acting person may see, as the core hands them over;
with ``--find``, the open, closed and archived orders found by number, name, phone or appeal."""

from __future__ import annotations

import argparse
from typing import Any

from hotline_core import services
from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.intake import BadValue, read_choice
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.vocabulary import Status
from hotline_tui.cli import context
from hotline_tui.cli.context import open_repository, system_now
from hotline_tui.cli.output import Output, pad


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    listing = subparsers.add_parser("list", parents=[common], help="the open orders you may see")
    listing.add_argument("--status", help=", ".join(Status))
    listing.add_argument("--overdue", action="store_true", help="only orders with a limit past due")
    listing.add_argument("--find", help="number, name, phone or appeal; closed and archived orders too")
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
    repo, login, now = open_repository(args), context.acting_login(args), system_now()
    if args.find is not None:
        status = _status(args.status)
        found = services.search_orders(repo, login, args.find, now)
        orders = [o for o in found if status is None or o.state.status is status]
    else:
        orders = services.list_orders(repo, login, now, _status(args.status), args.overdue)
    out.emit([order_row(o) for o in orders], "\n".join(order_line(o, out) for o in orders) or "—")
    return 0


def order_line(order: WorkOrder, out: Output) -> str:
    """One order for a person: the names in their language, the columns in terminal cells."""
    t, record = out.t, order.state.record
    return (
        pad(order.id, 20)
        + pad(t.name(order.state.status), 12)
        + pad(f"{record.received_at.astimezone(SHANGHAI):%Y-%m-%d %H:%M}", 18)
        + pad(t.name(record.place), 10)
        + pad(record.citizen.name, 8)
        + record.citizen.phone
    )
