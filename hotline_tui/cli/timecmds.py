"""Time subcommands: ``deadlines``, ``calendar summary-due`` and ``simulate``.

None of them touches a database's orders: they answer from the rules, the
policy and the working calendar. When a database exists, its settings say
which: the administrator's calendar overrides and policy versions (SPEC 5:
"every limit, clock and office hour can be changed in settings"); without
one, the default policy and the package's calendar.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from hotline_core import services
from hotline_core.domain.calendar import CalendarOverride, human_due
from hotline_core.domain.intake import BadValue, read_choice, read_moment
from hotline_core.domain.limits import dispatch_deadlines
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.quarters import Quarter, summary_due_in_force
from hotline_core.domain.scenario import simulate
from hotline_core.domain.vocabulary import AppealType
from hotline_core.services.policies import read_unit
from hotline_tui.cli import context
from hotline_tui.cli.context import calendar_for, open_repository, settings_for
from hotline_tui.cli.jsonfile import read_json
from hotline_tui.cli.output import Output, pad
from hotline_tui.i18n import Translator


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    deadlines = subparsers.add_parser(
        "deadlines", parents=[common], help="limits of an order received at a time"
    )
    deadlines.add_argument("--received", required=True, help="ISO time, e.g. 2026-11-20T16:00:00+08:00")
    deadlines.add_argument("--type", required=True, dest="appeal_type", help=", ".join(AppealType))
    deadlines.add_argument("--emergency", action="store_true")
    deadlines.add_argument("--county", help="an order a county takes in: under that county's policy")
    deadlines.set_defaults(handler=run_deadlines)

    calendar = subparsers.add_parser("calendar", parents=[common], help="the working calendar")
    calendar_sub = calendar.add_subparsers(dest="calendar_command", metavar="WHAT", required=True)
    due = calendar_sub.add_parser("summary-due", parents=[common], help="when a county summary is due")
    due.add_argument("quarter", help="e.g. 2026Q3")
    due.set_defaults(handler=run_summary_due)
    override = calendar_sub.add_parser(
        "override", parents=[common], help="enter a year's State Council schedule (admin)"
    )
    override.add_argument("year", type=int)
    override.add_argument("--rest", default="", help="rest days, comma separated ISO dates")
    override.add_argument("--work", default="", help="make-up working days, comma separated")
    override.add_argument(
        "--official",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the year's official schedule is now entered (or not)",
    )
    override.set_defaults(handler=run_override)
    show = calendar_sub.add_parser("show", parents=[common], help="a year's rest days and status")
    show.add_argument("year", type=int)
    show.set_defaults(handler=run_show_year)

    sim = subparsers.add_parser("simulate", parents=[common], help="replay a scenario file (SPEC 11)")
    sim.add_argument("scenario", type=Path)
    sim.set_defaults(handler=run_simulate)


def _received(text: str) -> Any:
    try:
        return read_moment(text)
    except BadValue as bad:
        raise InvalidInput([Problem("received_at", bad.code)]) from None


def _appeal_type(text: str) -> AppealType:
    """Read as the intake reads it: code, Chinese label or alias (``求助``)."""
    try:
        return AppealType(read_choice(AppealType, text))
    except BadValue as bad:
        raise InvalidInput([Problem("appeal_type", bad.code, bad.params)]) from None


def run_deadlines(args: argparse.Namespace, out: Output) -> int:
    received = _received(args.received)
    appeal_type = _appeal_type(args.appeal_type)
    settings = settings_for(args)
    unit = read_unit(getattr(args, "county", None))
    # The policy in force at the receipt for the unit: ``dispatch_deadlines`` picks it from the schedule.
    found = dispatch_deadlines(
        received, appeal_type, args.emergency, settings.calendar, settings.policies, unit
    )
    data: dict[str, Any] = {f"{name}_by": d.due.isoformat() for name, d in found.items()}
    data["provisional"] = any(d.provisional for d in found.values())
    lines = [pad(out.t(f"limit.{name}"), 20) + human_due(d.due) for name, d in found.items()]
    if data["provisional"]:
        lines.append(out.t("cli.summary.provisional").strip())
    if getattr(args, "county", None):  # which rules answered: the county's own, or the prefecture's
        data["policy"] = settings.policies.policy_for(received, unit).name
        lines.append(pad(out.t("cli.deadlines.policy"), 20) + data["policy"])
    out.emit(data, "\n".join(lines))
    return 0


def run_summary_due(args: argparse.Namespace, out: Output) -> int:
    quarter = Quarter.parse(args.quarter)
    settings = settings_for(args)
    # The due day in force at the quarter's end, as escalation and the filings report read it.
    deadline = summary_due_in_force(quarter, settings.calendar, settings.policies)
    data = {"quarter": str(quarter), "due": deadline.due.isoformat(), "provisional": deadline.provisional}
    note = out.t("cli.summary.provisional") if deadline.provisional else ""
    due = human_due(deadline.due, whole_day=out.t("due.whole_day"))
    out.emit(data, out.t("cli.summary.due", quarter=quarter, due=due) + note)
    return 0


def _days(text: str, field: str) -> list[date]:
    try:
        return [date.fromisoformat(part.strip()) for part in text.split(",") if part.strip()]
    except ValueError:
        raise InvalidInput([Problem(field, "bad_date")]) from None


def run_override(args: argparse.Namespace, out: Output) -> int:
    repo = open_repository(args)
    settings = repo.snapshot().settings()
    rest, work = _days(args.rest, "rest"), _days(args.work, "work")
    other_year = sorted({d for d in rest + work if d.year != args.year})
    if other_year:
        raise refuse("day_other_year", year=args.year, days=", ".join(map(str, other_year)))
    both = sorted(set(rest) & set(work))
    if both:
        raise refuse("day_rest_and_work", days=", ".join(map(str, both)))
    entry = CalendarOverride(args.year, rest, work, args.official)
    calendar = settings.calendar.with_override(entry)
    services.change_settings(repo, context.acting_login(args), calendar=calendar)
    return run_show_year(args, out)


def run_show_year(args: argparse.Namespace, out: Output) -> int:
    calendar = calendar_for(args)
    rest = sorted(calendar.rest_days(args.year))
    weekend_work = sorted(d for d in _year(args.year) if d.weekday() >= 5 and calendar.is_working_day(d))
    data = {
        "year": args.year,
        "official": calendar.is_official(args.year),
        "holidays": [d.isoformat() for d in rest if d.weekday() < 5],
        "make_up_working_days": [d.isoformat() for d in weekend_work],
    }
    status = out.t("cli.year.official" if data["official"] else "cli.year.provisional")
    holidays, weekend = "、".join(data["holidays"]), "、".join(data["make_up_working_days"])
    text = out.t(
        "cli.year.show",
        year=args.year,
        status=status,
        holidays=holidays,
        weekend=weekend or out.t("cli.year.none"),
    )
    out.emit(data, text)
    return 0


def _year(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - first).days)]


def run_simulate(args: argparse.Namespace, out: Output) -> int:
    scenario = read_json(args.scenario, out.language, context.files_for(args), "scenario")
    outcome = simulate(scenario, calendar_for(args))
    out.emit(outcome, _summary(outcome, out.t))
    return 0


def _summary(outcome: dict[str, Any], t: Translator) -> str:
    """The replay for a person: names in their language, times as people read them."""
    lines = []
    for order_id, result in outcome["orders"].items():
        lines.append(f"{order_id}  {t.name(result['status'])}")
        for name, limit in result["limits"].items():
            if limit["state"] != "not_applicable":
                due = human_due(datetime.fromisoformat(limit["due"])) if limit["due"] else "—"
                met = human_due(datetime.fromisoformat(limit["met_at"])) if limit["met_at"] else "—"
                words = t("cli.sim.limit", due=due, met=met)
                lines.append(
                    "  " + pad(t(f"limit.{name}"), 18) + pad(t(f"state.{limit['state']}"), 12) + words
                )
        lines.extend(f"  ✗ {r['at']} {t.name(r['action'])}: {r['reason']}" for r in result["rejected"])
    lines.append(t("cli.sim.alerts", n=len(outcome["alerts"])))
    for alert in outcome["alerts"]:
        kind = t(f"alert.{alert['kind']}")
        lines.append(f"  {alert['raised_at']} {kind} {alert['order']} → {', '.join(alert['recipients'])}")
    return "\n".join(lines)
