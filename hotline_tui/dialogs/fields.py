"""The form fields of each action and of the order record, in the clerk's language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import Enum

from hotline_core.domain.intake import FORM, LONG_TEXT, REQUIRED_AT_INTAKE, SHANGHAI, as_text, flatten
from hotline_core.domain.model import OrderRecord
from hotline_core.domain.vocabulary import (
    COUNTIES,
    ETHNICITIES,
    Action,
    AppealType,
    BusinessArea,
    Channel,
    ContactResult,
    DeclineReason,
    DisabilityCategory,
    DisabilityGrade,
    Gender,
    Outcome,
    Place,
    Rating,
)
from hotline_tui.dialogs.form import Choices, Field
from hotline_tui.dialogs.widgets import HALF_ROW, widest
from hotline_tui.i18n import Translator

_ENUMS = {
    "channel": Channel,
    "appeal_type": AppealType,
    "business_area": BusinessArea,
    "county": Place,
    "gender": Gender,
    "disability": DisabilityCategory,
    "grade": DisabilityGrade,
}


def _choices(t: Translator, values: Sequence[Enum | str]) -> Choices:
    return [(t.name(v), getattr(v, "value", str(v))) for v in values]


def _yes_no(t: Translator) -> Choices:
    return [(t.yes_no(True), "true"), (t.yes_no(False), "false")]


def record_fields(t: Translator, record: OrderRecord | None, now: datetime | None = None) -> list[Field]:
    """Every SPEC 2.4 field in three sections; prefilled from ``record``, or blank for a new
    order (received now, the prefecture's, not an emergency, a petition or confidential)."""
    values = flatten(record) if record is not None else _new_order(now)
    sections = _sections(t)
    fields = []
    for name in sorted(FORM, key=list(_SECTION_OF).index):
        if record is not None and name in ("id", "received_at"):
            continue
        choices = _field_choices(t, name)
        fields.append(
            Field(
                name,
                t.field(name),
                choices,
                value=_shown(values.get(name)),
                limit=LONG_TEXT if name in ("appeal", "reply") else 0,
                required=record is None and name in REQUIRED_AT_INTAKE,
                wide=name == "address" or _too_wide(choices),
                section=sections[_SECTION_OF[name]],
            )
        )
    return fields


# Source and time, then the appeal, then the citizen (the order of FORM within each).
_SECTION_OF = {
    name: index
    for index, names in enumerate(
        (
            ("id", "received_at", "channel", "county", "call_date"),
            ("appeal_type", "business_area", "emergency", "petition", "confidential", "appeal", "reply"),
            ("name", "gender", "age", "ethnicity", "disability", "grade", "phone", "address"),
        )
    )
    for name in names
}


def _sections(t: Translator) -> tuple[str, str, str]:
    return t("form.section.source"), t("form.section.appeal"), t("form.section.citizen")


def _new_order(now: datetime | None) -> dict[str, object]:
    return {
        "received_at": now,
        "county": Place.PREFECTURE,
        "emergency": False,
        "petition": False,
        "confidential": False,
    }


def _shown(value: object) -> str:
    """A form value as the clerk reads and types it: a moment to the minute, in Beijing time."""
    if isinstance(value, datetime):
        return f"{value.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"
    return as_text(value)


def _too_wide(choices: Choices | None) -> bool:
    return choices is not None and widest([label for label, _ in choices]) > HALF_ROW


def _field_choices(t: Translator, name: str) -> Choices | None:
    if name in _ENUMS:
        return _choices(t, list(_ENUMS[name]))
    if name == "ethnicity":
        return [(e, e) for e in ETHNICITIES]
    if name in ("emergency", "petition", "confidential"):
        return _yes_no(t)
    return None


def action_fields(t: Translator, action: Action, departments: Sequence[str]) -> list[Field]:
    """The details an action asks for (its data; ``*`` where the rules need it), then a free note."""

    def line(name: str, required: bool = True) -> Field:  # a sentence: a row of its own
        return Field(name, t.field(name), required=required, wide=True)

    def short(name: str) -> Field:  # a name or a login: a required field beside another
        return Field(name, t.field(name), required=True)

    def text(required: bool = True) -> Field:  # what the citizen or the center reads
        return Field("text", t.field("text"), limit=LONG_TEXT, required=required)

    def pick(name: str, choices: Choices, default: str | None = None, required: bool = True) -> Field:
        return Field(
            name, t.field(name), choices, value=default or "", required=required, wide=_too_wide(choices)
        )

    def when() -> Field:  # a step entered after it happened says when (blank: now)
        return Field("at", t.field("at"), placeholder="2026-11-23 10:05")

    specs: dict[Action, list[Field]] = {
        Action.REQUEST_RETURN: [line("reason"), line("basis")],
        Action.DECLINE: [
            pick("reason", _choices(t, list(DeclineReason))),
            line("explanation"),
            line("guidance"),
        ],
        Action.TRANSFER: [pick("to", _choices(t, list(COUNTIES)))],
        # A county's own order goes to one of its clerks, typed (issue 18): no list then.
        Action.ASSIGN: [pick("to", [(d, d) for d in departments]) if departments else short("to")],
        Action.REFER: [short("to"), text()],
        Action.CHASE: [short("to")],
        Action.ANSWER_REFERRAL: [short("to"), text()],
        Action.SUBMIT_RESULT: [text()],
        Action.REQUEST_EXTENSION: [
            Field("until", t.field("until"), placeholder="2026-12-04 17:00", required=True),
            line("reason"),
        ],
        Action.APPROVE_EXTENSION: [pick("by", _choices(t, ["leader", "center"]))],
        Action.CONTACT: [
            pick("result", _choices(t, list(ContactResult)), ContactResult.REACHED.value),
            when(),
        ],
        Action.FIRST_REPLY: [text(required=False), when()],
        Action.FEEDBACK: [
            text(),
            Field("attach", t("form.attachments"), wide=True),
            line("no_image_reason", required=False),
            pick("unreachable", _yes_no(t), "false", required=False),
        ],
        Action.CLOSE: [
            pick(
                "outcome",
                _choices(t, [o for o in Outcome if o is not Outcome.DECLINED]),
                Outcome.SOLVED.value,
                required=False,
            )
        ],
        Action.REPLY: [text()],
        Action.RATE: [pick("level", _choices(t, list(Rating)))],
        Action.REPORT_UNSATISFIED: [text()],
    }
    return [*specs.get(action, []), Field("note", t("form.note"), wide=True)]
