"""Order subcommands: ``intake``, ``act``, ``show`` and ``escalate``."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any, TypedDict

from hotline_core import services
from hotline_core.domain.calendar import human_due
from hotline_core.domain.events import Command
from hotline_core.domain.intake import BadValue, read_moment
from hotline_core.domain.levels import unit_deadlines
from hotline_core.domain.lifecycle import RULES
from hotline_core.domain.limits import LIMIT_NAMES, LimitEvaluator
from hotline_core.domain.model import Attachment
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.rounds import earlier_rounds
from hotline_core.domain.scenario import alert_json, history_json, limit_json
from hotline_core.services import exchange
from hotline_tui.cli import context
from hotline_tui.cli.context import open_repository, system_now
from hotline_tui.cli.jsonfile import order_forms, read_json
from hotline_tui.cli.output import Output, pad
from hotline_tui.format import center_due_rows
from hotline_tui.i18n import Translator


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    intake = subparsers.add_parser("intake", parents=[common], help="add orders from a JSON list")
    intake.add_argument("file", type=Path)
    intake.set_defaults(handler=run_intake)

    act = subparsers.add_parser("act", parents=[common], help="apply one lifecycle action now")
    act.add_argument("order")
    act.add_argument("action", help=", ".join(RULES))
    act.add_argument(
        "data",
        nargs="*",
        metavar="key=value",
        help="the action's details; note=... and attach=FILE (repeatable) too",
    )
    act.set_defaults(handler=run_act)

    show = subparsers.add_parser("show", parents=[common], help="an order, its limits and events")
    show.add_argument("order")
    show.set_defaults(handler=run_show)

    escalate = subparsers.add_parser("escalate", parents=[common], help="raise due alerts (for cron)")
    escalate.add_argument("--now", help="evaluate at this ISO time instead of the system's")
    escalate.set_defaults(handler=run_escalate)


# Who acts in an event besides the logins: named in the reader's language.
PARTIES = frozenset({"center", "leader"})


class Rejected(TypedDict):
    """One order of an intake file that was not added, as ``intake --json`` reports it."""

    position: int
    id: str
    problems: list[str]


def run_intake(args: argparse.Namespace, out: Output) -> int:
    path = context.outside_database(args, args.file)
    forms = order_forms(read_json(path, out.language, context.files_for(args)), path)
    report = services.intake(open_repository(args), context.acting_login(args), forms, system_now())
    rejected = [
        Rejected(position=pos, id=oid, problems=[p.message(out.language) for p in problems])
        for pos, oid, problems in report.rejected
    ]
    data = {"added": list(report.added), "present": list(report.present), "rejected": rejected}
    lines = [
        out.t("cli.intake.done", added=len(report.added), present=len(report.present), rejected=len(rejected))
    ]
    lines += [f"  #{r['position']} {r['id']}: {'；'.join(r['problems'])}" for r in rejected]
    out.emit(data, "\n".join(lines))
    return 1 if rejected else 0


def _command(args: argparse.Namespace) -> Command:
    data: dict[str, str] = {}
    files: list[Path] = []
    for pair in args.data:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise InvalidInput([Problem(pair, "not_key_value")])
        if key == "attach":
            files.append(context.outside_database(args, Path(value), "attach"))
        else:
            data[key] = value
    note = data.pop("note", "")
    return Command(args.action, data, note, _store(args, files))


def _store(args: argparse.Namespace, files: list[Path]) -> tuple[Attachment, ...]:
    if not files:
        return ()
    return services.inspect_attachments(open_repository(args), files, context.files_for(args))


def order_json(order: WorkOrder, evaluator: LimitEvaluator) -> dict[str, Any]:
    """The order as ``simulate`` reports one, plus its record and events."""
    stored = services.order_document(order)
    found: dict[str, Any] = {
        "id": order.id,
        "status": order.state.status.value,
        "limits": {n: limit_json(s) for n, s in evaluator.limits(order).items()},
        "history": history_json(earlier_rounds(order, evaluator.calendar, evaluator.schedule)),
        "rejected": [],
        "record": stored["record"],
        "events": stored["events"],
    }
    levels = unit_deadlines(order, evaluator.calendar, evaluator.schedule)
    if len(levels) > 1:  # issue 18: moved between levels, both units' due times
        found["unit_limits"] = [
            {
                "unit": u.unit.value,
                "policy": u.policy,
                "official": u.official,
                "due": {n: d.due.isoformat() for n, d in u.due.items()},
            }
            for u in levels
        ]
    return found


def _evaluator(args: argparse.Namespace) -> LimitEvaluator:
    settings = open_repository(args).snapshot().settings()
    return LimitEvaluator(system_now(), settings.calendar, settings.policies)


def run_act(args: argparse.Namespace, out: Output) -> int:
    if args.action not in {a.value for a in RULES}:
        raise InvalidInput([Problem("action", "not_in_list", {"choices": "、".join(RULES)})])
    order = services.act(
        open_repository(args), context.acting_login(args), args.order, _command(args), system_now()
    )
    out.emit(
        order_json(order, _evaluator(args)),
        f"{order.id}: {out.t.name(order.events[-1].action)} → {out.t.name(order.state.status)}",
    )
    return 0


def run_show(args: argparse.Namespace, out: Output) -> int:
    repo, login = open_repository(args), context.acting_login(args)
    order = services.find_order(repo, login, args.order, system_now())
    evaluator = _evaluator(args)
    data = order_json(order, evaluator)
    center_due = exchange.center_due(repo, login, order.id)  # issue 17: the center's 承诺完成时间
    if center_due is not None:
        data["center_due"] = center_due.isoformat()
    t = out.t
    lines = [f"{order.id}  {t.name(order.state.status)}  {order.record.appeal.text}"]
    lines += [
        "  "
        + pad(t(f"limit.{n}"), 20)
        + pad(t("state." + v["state"]), 16)
        + (human_due(datetime.fromisoformat(v["due"])) if v["due"] else "")
        for n, v in data["limits"].items()
        if v["state"] != "not_applicable"
    ]
    lines += ["  " + row for row in center_due_rows(order, center_due, evaluator, t)]
    lines += [
        f"  {e.at:%Y-%m-%d %H:%M} {pad(_actor(e.actor, t), 12)}{t.name(e.action)} {e.note}"
        + (t("order.entered_at", at=f"{e.entered_at:%m-%d %H:%M}") if e.entered_at else "")
        for e in order.events
    ]
    lines += [
        f"  {u['unit']} {u['policy']}: "
        + "  ".join(f"{t(f'limit.{n}')} {human_due(datetime.fromisoformat(d))}" for n, d in u["due"].items())
        for u in data.get("unit_limits", [])
    ]
    out.emit(data, "\n".join(lines))
    return 0


def _actor(actor: str, t: Translator) -> str:
    return t.name(actor) if actor in PARTIES else actor


def run_escalate(args: argparse.Namespace, out: Output) -> int:
    try:
        now = read_moment(args.now) if args.now else system_now()
    except BadValue as bad:
        raise InvalidInput([Problem("now", bad.code)]) from None
    fresh = services.escalate(open_repository(args), context.acting_login(args), now)
    out.emit(
        {"now": now.isoformat(), "alerts": [alert_json(a) for a in fresh]},
        "\n".join(
            [out.t("cli.escalate.done", n=len(fresh))]
            + [
                f"  {out.t(f'alert.{a.kind.value}')} {a.order_id or a.supervision_of or a.subject}"
                + (f" {out.t(f'limit.{a.limit}')}" if a.limit in LIMIT_NAMES else "")
                for a in fresh
            ]
        ),
    )
    return 0
