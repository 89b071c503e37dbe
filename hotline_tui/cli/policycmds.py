"""Policy subcommands (issue 18): ``policy show [--county C]`` and ``policy set`` (admin).

``policy set`` takes the changes as ``name=value`` words on the rules in force for the
unit at the effective moment: ``close=48h``, ``close.consultation=12h``,
``contact=24h@working_day``, ``office_hours=08:00-11:30,13:00-17:30``, ``due_soon=0.3``,
``summary_due_day=2``, ``name=yanji-2026``. A county's version is refused, naming each
rule and both values, when it is looser than the prefecture's.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from hotline_core import services
from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.clocks import Clock
from hotline_core.domain.intake import BadValue, read_moment
from hotline_core.domain.policy import Limit, Policy
from hotline_core.domain.policy_change import SETTABLE, describe, named_limits
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.vocabulary import AppealType
from hotline_tui.cli import context
from hotline_tui.cli.context import open_repository
from hotline_tui.cli.output import Output, pad


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    policy = subparsers.add_parser("policy", parents=[common], help="deadline policy of a unit")
    policy_sub = policy.add_subparsers(dest="policy_command", metavar="WHAT", required=True)
    show = policy_sub.add_parser("show", parents=[common], help="the rules in force and their versions")
    show.add_argument("--county", help="a county (default: the prefecture)")
    show.add_argument("--at", help="ISO time (default: now)")
    show.set_defaults(handler=run_show)
    set_ = policy_sub.add_parser("set", parents=[common], help="a new version (admin)")
    set_.add_argument("--county", help="a county (default: the prefecture)")
    set_.add_argument("--document", required=True, help="the number of the document that decided it")
    set_.add_argument("--effective", required=True, help="ISO time it applies from (orders received then)")
    set_.add_argument("changes", nargs="+", metavar="NAME=VALUE", help=", ".join(SETTABLE))
    set_.set_defaults(handler=run_set)
    government = subparsers.add_parser(
        "government", parents=[common], help="the government departments orders are passed to"
    )
    government_sub = government.add_subparsers(dest="government_command", metavar="WHAT", required=True)
    listing = government_sub.add_parser("list", parents=[common], help="the list")
    listing.set_defaults(handler=run_government, change=None)
    for name in ("add", "remove"):
        change = government_sub.add_parser(name, parents=[common], help=f"{name} one (admin)")
        change.add_argument("name")
        change.set_defaults(handler=run_government, change=name)


def moment(at: datetime) -> str:
    """A moment something starts or happened, in Beijing time (not a due time's "24:00")."""
    return f"{at.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"


def _pairs(words: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for word in words:
        name, sep, value = word.partition("=")
        if not sep or not name.strip():
            raise InvalidInput([Problem(word, "not_in_list", {"choices": "、".join(SETTABLE)})])
        pairs[name.strip()] = value.strip()
    return pairs


def run_show(args: argparse.Namespace, out: Output) -> int:
    now = context.system_now()
    if getattr(args, "at", None):
        try:
            now = read_moment(args.at)
        except BadValue as bad:
            raise InvalidInput([Problem("at", bad.code)]) from None
    view = services.policy_view(open_repository(args), context.acting_login(args), args.county, now)
    out.emit(services.view_json(view), _text(view, out))
    return 0


def policy_lines(policy: Policy, out: Output) -> list[str]:
    """Each rule as it is typed, and the office hours, due-soon share and summary due day."""
    hours = ",".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in policy.office_hours.intervals)
    lines = [
        f"  {name:<22}{pad(describe(limit), 20)}{_rule(name, limit, out)}"
        for name, limit in named_limits(policy).items()
    ]
    lines.append(
        out.t(
            "cli.policy.other",
            hours=hours,
            share=f"{policy.due_soon_fraction:g}",
            day=policy.summary_due_day,
        )
    )
    return lines


def _rule(name: str, limit: Limit, out: Output) -> str:
    """What a rule typed ``close.help`` or ``1h@office_hours`` means, in the reader's words."""
    t = out.t
    clocks = {
        Clock.NATURAL: t("cli.policy.natural"),
        Clock.WORKING_DAY: t("cli.policy.working_day"),
        Clock.OFFICE_HOURS: t("cli.policy.office_hours"),
    }
    kind = name.removeprefix("close.")
    rule = f"{t('limit.close')}·{t.name(AppealType(kind))}" if kind != name else t(f"limit.{name}")
    return t("cli.policy.rule", rule=rule, clock=clocks[limit.clock])


def _text(view: services.PolicyView, out: Output) -> str:
    whose = out.t("cli.policy.own" if view.own else "cli.policy.inherited")
    lines = [out.t("cli.policy.unit", unit=out.t.name(view.unit), name=view.policy.name, whose=whose)]
    lines += policy_lines(view.policy, out)
    for version in view.versions:
        lines.append(
            out.t(
                "cli.policy.version",
                effective=moment(version.effective),
                name=version.policy.name,
                document=version.document,
                login=version.set_by,
                at=moment(version.set_at),
            )
        )
    return "\n".join(lines)


def run_set(args: argparse.Namespace, out: Output) -> int:
    version = services.set_policy(
        open_repository(args),
        context.acting_login(args),
        args.county,
        args.effective,
        args.document,
        _pairs(args.changes),
        context.system_now(),
    )
    text = out.t(
        "cli.policy.set",
        unit=out.t.name(version.unit),
        name=version.policy.name,
        effective=moment(version.effective),
        document=version.document,
    )
    out.emit(services.version_json(version), text)
    return 0


def run_government(args: argparse.Namespace, out: Output) -> int:
    """``government list|add|remove``: the administrator keeps the list in the settings."""
    repo, login = open_repository(args), context.acting_login(args)
    names = services.government_departments(repo, login, args.change, getattr(args, "name", ""))
    out.emit({"government": list(names)}, "\n".join(names))
    return 0
