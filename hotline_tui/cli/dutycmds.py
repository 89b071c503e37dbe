"""The duties beyond the order (issue 19): ``service``, ``incident`` and ``episode``.

- ``hotline service add KIND [--order ID] key=value...`` / ``list [--period P]`` /
  ``update ID STEP key=value...`` — publicity, legal education, counselling, legal aid;
- ``hotline incident open [--order ID] key=value...`` / ``follow-up ID`` / ``close ID`` /
  ``list`` / ``show ID`` — major incidents reported to the party group and the board;
- ``hotline episode add key=value...`` / ``question EPISODE key=value...`` / ``show EPISODE``
  / ``list`` — the 百姓热线 programme.

What may be typed after each is in docs/duties.md; ``--json`` prints the records as stored.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from hotline_core import services
from hotline_core.domain.duties.incident import Incident, IncidentStepKind
from hotline_core.domain.duties.service import ServiceKind, ServiceRecord, ServiceStep
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_tui.cli import context
from hotline_tui.cli.context import open_repository, system_now
from hotline_tui.cli.output import Output, pad


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    _register_services(subparsers, common)
    _register_incidents(subparsers, common)
    _register_episodes(subparsers, common)


def _details(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "details", nargs="*", metavar="key=value", help="the record's fields (docs/duties.md)"
    )


def _register_services(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "service", parents=[common], help="services: publicity, education, counselling, legal aid"
    )
    verbs = group.add_subparsers(dest="verb", metavar="WHAT", required=True)
    add = verbs.add_parser("add", parents=[common], help="record a service given")
    add.add_argument("kind", help=", ".join(ServiceKind))
    add.add_argument("--order", default="", help="the order it was given on")
    _details(add)
    add.set_defaults(handler=run_service_add)
    listing = verbs.add_parser("list", parents=[common], help="the services you may see")
    listing.add_argument("--period", help="2026Q4, 2026-11, 2026 ...")
    listing.set_defaults(handler=run_service_list)
    update = verbs.add_parser(
        "update", parents=[common], help="a legal-aid answer or outcome, a follow-up done"
    )
    update.add_argument("service")
    update.add_argument("step", help=", ".join(ServiceStep))
    _details(update)
    update.set_defaults(handler=run_service_update)


def _register_incidents(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "incident", parents=[common], help="major incidents reported to the party group"
    )
    verbs = group.add_subparsers(dest="verb", metavar="WHAT", required=True)
    report = verbs.add_parser("open", parents=[common], help="report a major incident (alerts the leader)")
    report.add_argument("--order", default="", help="the order it came from")
    _details(report)
    report.set_defaults(handler=run_incident_open)
    for verb, step in (("follow-up", IncidentStepKind.FOLLOW_UP), ("close", IncidentStepKind.CLOSE)):
        parser = verbs.add_parser(verb, parents=[common], help=f"{verb}: text=... [told=...]")
        parser.add_argument("incident")
        _details(parser)
        parser.set_defaults(handler=run_incident_step, step=step)
    verbs.add_parser("list", parents=[common], help="every incident").set_defaults(handler=run_incident_list)
    show = verbs.add_parser("show", parents=[common], help="one incident with its follow-ups")
    show.add_argument("incident")
    show.set_defaults(handler=run_incident_show)


def _register_episodes(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "episode", parents=[common], help="the programme Baixing Rexian (episodes and their questions)"
    )
    verbs = group.add_subparsers(dest="verb", metavar="WHAT", required=True)
    add = verbs.add_parser("add", parents=[common], help="record a broadcast: date=... guests=... topics=...")
    _details(add)
    add.set_defaults(handler=run_episode_add)
    question = verbs.add_parser("question", parents=[common], help="a question on air becomes an order")
    question.add_argument("episode")
    _details(question)
    question.set_defaults(handler=run_episode_question)
    show = verbs.add_parser("show", parents=[common], help="an episode's questions and what became of them")
    show.add_argument("episode")
    show.set_defaults(handler=run_episode_show)
    verbs.add_parser("list", parents=[common], help="every episode").set_defaults(handler=run_episode_list)


def pairs(given: Sequence[str]) -> dict[str, str]:
    """``key=value`` words as a dict; a word without ``=`` is refused naming it."""
    found: dict[str, str] = {}
    for pair in given:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise InvalidInput([Problem(pair, "not_key_value")])
        found[key] = value
    return found


# -- services ---------------------------------------------------------------------------------


def _service_line(record: ServiceRecord, out: Output) -> str:
    t = out.t
    state = record.legal_aid_state()
    where = record.order_id or record.citizen.name
    extra = t.name(state) if state else (record.follow_up.isoformat() if record.follow_up else "")
    head = f"{record.id}  {record.at:%Y-%m-%d}  {pad(t.name(record.kind), 12)}{pad(t.name(record.place), 10)}"
    return f"{head}{pad(where, 16)}{pad(extra, 12)}{record.topic}"


def _order_and_details(args: argparse.Namespace) -> tuple[str, dict[str, str]]:
    """``--order ID`` (before the kind or after the details: argparse takes no option in between)
    or ``order=ID`` among the details."""
    details = pairs(args.details)
    return details.pop("order", "") or args.order, details


def run_service_add(args: argparse.Namespace, out: Output) -> int:
    order, details = _order_and_details(args)
    repo, login = open_repository(args), context.acting_login(args)
    record = services.add_service(repo, login, args.kind, details, system_now(), order)
    out.emit(
        services.service_document(record),
        out.t("cli.service.added", id=record.id, kind=out.t.name(record.kind)),
    )
    return 0


def run_service_list(args: argparse.Namespace, out: Output) -> int:
    found = services.list_services(
        open_repository(args), context.acting_login(args), system_now(), args.period
    )
    out.emit(
        [services.service_document(r) for r in found],
        "\n".join(_service_line(r, out) for r in found) or out.t("cli.none"),
    )
    return 0


def run_service_update(args: argparse.Namespace, out: Output) -> int:
    record = services.update_service(
        open_repository(args),
        context.acting_login(args),
        args.service,
        args.step,
        pairs(args.details),
        system_now(),
    )
    out.emit(services.service_document(record), _service_line(record, out))
    return 0


# -- incidents --------------------------------------------------------------------------------


def _incident_lines(incident: Incident, out: Output, whole: bool = False) -> list[str]:
    t = out.t
    state = t("duty.closed") if incident.closed else t("duty.open")
    lines = [
        f"{incident.id}  {incident.opened_at:%Y-%m-%d %H:%M}  {state}  {incident.order_id}  {incident.title}"
    ]
    if whole:
        colon = "：" if out.language == "zh_CN" else ": "
        lines += [
            f"  {t.field('what')}{colon}{incident.what}",
            f"  {t.field('measures')}{colon}{incident.measures}",
            f"  {t.field('told')}{colon}{incident.told} {incident.told_at:%Y-%m-%d %H:%M}",
        ]
        lines += [
            f"  {s.at:%Y-%m-%d %H:%M} {pad(s.actor, 10)}{t.name(s.kind)}{colon}{s.text} {s.told}".rstrip()
            for s in incident.steps
        ]
    return lines


def run_incident_open(args: argparse.Namespace, out: Output) -> int:
    order, details = _order_and_details(args)
    incident, _ = services.report_incident(
        open_repository(args), context.acting_login(args), details, system_now(), order
    )
    out.emit(services.incident_document(incident), out.t("cli.incident.opened", id=incident.id))
    return 0


def run_incident_step(args: argparse.Namespace, out: Output) -> int:
    incident = services.follow_incident(
        open_repository(args),
        context.acting_login(args),
        args.incident,
        args.step,
        pairs(args.details),
        system_now(),
    )
    out.emit(services.incident_document(incident), "\n".join(_incident_lines(incident, out, whole=True)))
    return 0


def run_incident_list(args: argparse.Namespace, out: Output) -> int:
    found = services.list_incidents(open_repository(args), context.acting_login(args), system_now())
    lines = [line for i in found for line in _incident_lines(i, out)]
    out.emit([services.incident_document(i) for i in found], "\n".join(lines) or out.t("cli.none"))
    return 0


def run_incident_show(args: argparse.Namespace, out: Output) -> int:
    incident = services.find_incident(
        open_repository(args), context.acting_login(args), args.incident, system_now()
    )
    out.emit(services.incident_document(incident), "\n".join(_incident_lines(incident, out, whole=True)))
    return 0


# -- the programme ----------------------------------------------------------------------------


def run_episode_add(args: argparse.Namespace, out: Output) -> int:
    episode = services.add_episode(
        open_repository(args), context.acting_login(args), pairs(args.details), system_now()
    )
    out.emit(services.episode_document(episode), out.t("cli.episode.added", id=episode.id))
    return 0


def run_episode_question(args: argparse.Namespace, out: Output) -> int:
    order = services.take_question(
        open_repository(args), context.acting_login(args), args.episode, pairs(args.details), system_now()
    )
    data = {"episode": args.episode, "order": services.order_document(order)}
    out.emit(data, out.t("cli.episode.question", order=order.id, id=args.episode))
    return 0


def run_episode_show(args: argparse.Namespace, out: Output) -> int:
    summary = services.episode_summary(
        open_repository(args), context.acting_login(args), args.episode, system_now()
    )
    t, episode = out.t, summary.episode
    lines = [f"{episode.id}  {episode.aired_on}  {'、'.join(episode.guests)}  {'、'.join(episode.topics)}"]
    lines += [
        f"  {pad(q.order_id, 16)}{pad(t.name(q.status), 10)}{pad(t.name(q.outcome), 12)}{q.appeal}"
        for q in summary.questions
    ]
    lines.append(t("cli.episode.summary", n=len(summary.questions), done=summary.finished))
    out.emit(services.summary_document(summary), "\n".join(lines))
    return 0


def run_episode_list(args: argparse.Namespace, out: Output) -> int:
    found = services.list_episodes(open_repository(args), context.acting_login(args))
    lines = [f"{e.id}  {e.aired_on}  {len(e.questions):>3}  {'、'.join(e.guests)}" for e in found]
    out.emit([services.episode_document(e) for e in found], "\n".join(lines) or out.t("cli.none"))
    return 0
