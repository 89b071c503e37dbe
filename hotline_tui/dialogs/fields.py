"""The form fields of each action and of the order record, in the clerk's language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import Enum

from hotline_core.domain.intake import FORM, as_text, flatten
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
    """Every SPEC 2.4 field; prefilled from ``record``, or blank for a new order."""
    values = flatten(record) if record is not None else {"received_at": now, "county": Place.PREFECTURE}
    fields = []
    for name in FORM:
        if record is not None and name in ("id", "received_at"):
            continue
        fields.append(Field(name, t.field(name), _field_choices(t, name), as_text(values.get(name))))
    return fields


def _field_choices(t: Translator, name: str) -> Choices | None:
    if name in _ENUMS:
        return _choices(t, list(_ENUMS[name]))
    if name == "ethnicity":
        return [(e, e) for e in ETHNICITIES]
    if name in ("emergency", "petition", "confidential"):
        return _yes_no(t)
    return None


def action_fields(t: Translator, action: Action, departments: Sequence[str]) -> list[Field]:
    """The details an action asks for (its data), then a free note."""

    def text(name: str) -> Field:
        return Field(name, t.field(name))

    def when() -> Field:  # a step entered after it happened says when (blank: now)
        return Field("at", t.field("at"), placeholder="2026-11-23 10:05")

    specs: dict[Action, list[Field]] = {
        Action.REQUEST_RETURN: [text("reason"), text("basis")],
        Action.DECLINE: [
            Field("reason", t.field("reason"), _choices(t, list(DeclineReason))),
            text("explanation"),
            text("guidance"),
        ],
        Action.TRANSFER: [Field("to", t.field("to"), _choices(t, list(COUNTIES)))],
        # A county's own order goes to one of its clerks, typed (issue 18): no list then.
        Action.ASSIGN: [Field("to", t.field("to"), [(d, d) for d in departments] or None)],
        Action.REFER: [text("to"), text("text")],
        Action.CHASE: [text("to")],
        Action.ANSWER_REFERRAL: [text("to"), text("text")],
        Action.SUBMIT_RESULT: [text("text")],
        Action.REQUEST_EXTENSION: [
            Field("until", t.field("until"), placeholder="2026-12-04 17:00"),
            text("reason"),
        ],
        Action.APPROVE_EXTENSION: [Field("by", t.field("by"), _choices(t, ["leader", "center"]))],
        Action.CONTACT: [Field("result", t.field("result"), _choices(t, list(ContactResult))), when()],
        Action.FIRST_REPLY: [text("text"), when()],
        Action.FEEDBACK: [
            text("text"),
            Field("attach", t("form.attachments")),
            text("no_image_reason"),
            Field("unreachable", t.field("unreachable"), _yes_no(t)),
        ],
        Action.CLOSE: [
            Field(
                "outcome", t.field("outcome"), _choices(t, [o for o in Outcome if o is not Outcome.DECLINED])
            )
        ],
        Action.REPLY: [text("text")],
        Action.RATE: [Field("level", t.field("level"), _choices(t, list(Rating)))],
        Action.REPORT_UNSATISFIED: [text("text")],
    }
    return [*specs.get(action, []), Field("note", t("form.note"))]
