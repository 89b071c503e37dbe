"""Special studies and hot-issues analyses:
``hotline study open|add-orders|write|draft|submit|answer|list|show``."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from hotline_core import services
from hotline_core.domain.intake import BadValue, read_moment
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.studies import RECIPIENTS, Study, StudyStep
from hotline_core.services.named import read_named
from hotline_tui.cli import context
from hotline_tui.cli.context import open_repository, system_now
from hotline_tui.cli.output import Output, pad


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    study = subparsers.add_parser(
        "study",
        parents=[common],
        help="special studies and hot-issues analyses for the office meeting",
    )
    sub = study.add_subparsers(dest="study_command", metavar="WHAT", required=True)

    opening = sub.add_parser(
        "open", parents=[common], help="start a study from a policy problem, or an analysis"
    )
    opening.add_argument("--kind", choices=("study", "analysis"), default="study")
    opening.add_argument("--title", default="", help="an analysis is titled after its period if not given")
    opening.add_argument("--problem", default="", help="the policy problem citizens raised")
    opening.add_argument(
        "--period", default="", help="the months its figures cover: 2026Q3 (analysis: required)"
    )
    opening.add_argument("--hot-issue", default="", help="a word or phrase of the hot-issues report")
    opening.add_argument("--orders", default="", help="order numbers, comma-separated")
    opening.set_defaults(handler=run_open)

    adding = sub.add_parser(
        "add-orders", parents=[common], help="add orders by number or by a word of their appeal"
    )
    adding.add_argument("study")
    adding.add_argument("orders", nargs="*", metavar="ORDER")
    adding.add_argument(
        "--matching", default="", help="every order of the study's period whose appeal has this text"
    )
    adding.set_defaults(handler=run_add)

    writing = sub.add_parser("write", parents=[common], help="the findings, suggestions or title of a draft")
    writing.add_argument("study")
    for name in ("findings", "suggestions"):
        writing.add_argument(f"--{name}", help=f"the {name} (a blank line or a new line starts a paragraph)")
        writing.add_argument(f"--{name}-file", type=Path, help=f"read the {name} from a UTF-8 text file")
    writing.add_argument("--title")
    writing.set_defaults(handler=run_write)

    draft = sub.add_parser("draft", parents=[common], help="the report as a Word document (.docx)")
    draft.add_argument("study")
    draft.add_argument("--output", type=Path, required=True)
    draft.set_defaults(handler=run_draft)

    submit = sub.add_parser("submit", parents=[common], help="record to whom the report went")
    submit.add_argument("study")
    submit.add_argument("--to", required=True, metavar="RECIPIENT", help=", ".join(RECIPIENTS))
    submit.add_argument("--at", help="when, if earlier than now (ISO time)")
    submit.set_defaults(handler=run_submit)

    answer = sub.add_parser(
        "answer", parents=[common], help="record the answer, or the office meeting's decision"
    )
    answer.add_argument("study")
    answer.add_argument("--text", required=True)
    answer.add_argument("--at", help="when, if earlier than now (ISO time)")
    answer.set_defaults(handler=run_answer)

    listing = sub.add_parser("list", parents=[common], help="every study and analysis")
    listing.set_defaults(handler=run_list)
    show = sub.add_parser("show", parents=[common], help="one study with its steps")
    show.add_argument("study")
    show.set_defaults(handler=run_show)


def study_json(study: Study) -> dict[str, Any]:
    """A study as ``--json`` gives it: its fields, its state and its steps."""
    return {
        "id": study.id,
        "kind": study.kind.value,
        "state": study.state.value,
        "title": study.title,
        "problem": study.problem,
        "period": study.period or None,
        "hot_issue": study.hot_issue or None,
        "orders": list(study.order_ids),
        "findings": study.findings,
        "suggestions": study.suggestions,
        "submitted_to": study.submitted_to or None,
        "submitted_at": _iso(study.submitted_at),
        "answer": study.answer or None,
        "answered_at": _iso(study.answered_at),
        "steps": [
            {"at": s.at.isoformat(), "actor": s.actor, "action": s.action, "note": s.note}
            for s in study.steps
        ],
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _line(study: Study, out: Output) -> str:
    to = f" → {study.submitted_to}" if study.submitted_to else ""
    state = out.t(f"studies.state.{study.state.value}")
    return f"{study.id}  {state}{to}  {study.title}  {out.t('cli.study.orders', n=len(study.order_ids))}"


def _step(step: StudyStep, out: Output) -> str:
    """A step as the clerk says it: its name, and for a write the parts written (not their codes)."""
    t = out.t
    names = {
        "open": t("studies.open"),
        "add_orders": t("studies.add"),
        "write": t("studies.write"),
        "submit": t("studies.submit"),
        "answer": t("studies.answer"),
    }
    comma = "、" if out.language == "zh_CN" else ", "
    note = step.note
    if step.action == "write":  # the note names the parts written: findings、suggestions、title
        note = comma.join(t.field(part) for part in note.split("、"))
    return (
        f"{step.at:%Y-%m-%d %H:%M} {pad(step.actor, 12)}{names.get(step.action, step.action)} {note}".rstrip()
    )


def _emit(out: Output, study: Study) -> int:
    out.emit(study_json(study), _line(study, out))
    return 0


def run_open(args: argparse.Namespace, out: Output) -> int:
    repo, login, now = open_repository(args), context.acting_login(args), system_now()
    orders = [o for o in args.orders.split(",") if o.strip()]
    study = services.open_study(
        repo, login, args.kind, args.title, args.problem, now, args.period, args.hot_issue
    )
    if orders:
        study = services.add_study_orders(repo, login, study.id, orders, now)
    return _emit(out, study)


def run_add(args: argparse.Namespace, out: Output) -> int:
    study = services.add_study_orders(
        open_repository(args),
        context.acting_login(args),
        args.study,
        args.orders,
        system_now(),
        args.matching,
    )
    return _emit(out, study)


def _text(args: argparse.Namespace, name: str) -> str | None:
    path = getattr(args, f"{name}_file")
    if path is None:
        value: str | None = getattr(args, name)
        return value
    chosen = context.outside_database(args, path, name)
    return read_named(context.files_for(args), chosen, name).decode("utf-8")


def run_write(args: argparse.Namespace, out: Output) -> int:
    study = services.write_study(
        open_repository(args),
        context.acting_login(args),
        args.study,
        system_now(),
        findings=_text(args, "findings"),
        suggestions=_text(args, "suggestions"),
        title=args.title,
    )
    return _emit(out, study)


def run_draft(args: argparse.Namespace, out: Output) -> int:
    target = context.outside_database(args, args.output, "output")
    written = services.draft_study(
        open_repository(args),
        context.acting_login(args),
        args.study,
        target,
        system_now(),
        context.files_for(args),
    )
    out.emit({"study": args.study, "written": str(written)}, out.t("cli.written", path=written))
    return 0


def _at(args: argparse.Namespace) -> datetime | None:
    if not args.at:
        return None
    try:
        return read_moment(args.at)
    except BadValue as bad:
        raise InvalidInput([Problem("at", bad.code)]) from None


def run_submit(args: argparse.Namespace, out: Output) -> int:
    study = services.submit_study(
        open_repository(args), context.acting_login(args), args.study, args.to, system_now(), _at(args)
    )
    return _emit(out, study)


def run_answer(args: argparse.Namespace, out: Output) -> int:
    study = services.answer_study(
        open_repository(args), context.acting_login(args), args.study, args.text, system_now(), _at(args)
    )
    return _emit(out, study)


def run_list(args: argparse.Namespace, out: Output) -> int:
    found = services.list_studies(open_repository(args), context.acting_login(args))
    out.emit(
        {"studies": [study_json(s) for s in found]},
        "\n".join(_line(s, out) for s in found) or out.t("cli.none"),
    )
    return 0


def run_show(args: argparse.Namespace, out: Output) -> int:
    study = services.find_study(open_repository(args), context.acting_login(args), args.study)
    lines = [_line(study, out), study.problem, "、".join(study.order_ids)]
    lines += [_step(s, out) for s in study.steps]
    lines += [study.findings, study.suggestions, study.answer]
    out.emit(study_json(study), "\n".join(line for line in lines if line))
    return 0
