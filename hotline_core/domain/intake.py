"""From what a person or the center typed to a trusted ``OrderRecord``.

The order form is flat (``"phone": "13800000000"``), as the center pushes it
and as the clerk fills it in; the record is structured. One table,
:data:`FORM`, says for each form field how to read it and where it goes, so
intake, corrections and the close check all use the same rules.

The center's push may lack what the handler learns when calling back, so
intake needs only :data:`REQUIRED_AT_INTAKE`; closing needs the full record
(:data:`REQUIRED_BEFORE_CLOSE`, source section 三(一)2).

A choice field takes the code (``help``), the Chinese label (``生活帮助``) or
one of the vocabulary's aliases (``求助``). Reading has no clock: a caller
that knows the intake moment passes it as ``now``, and an order received in
the future is refused (it would refuse every later action for ever).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from attrs import frozen

from hotline_core.domain.model import Appeal, Attachment, Citizen, OrderRecord
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.vocabulary import (
    ALIASES,
    ETHNICITIES,
    AppealType,
    BusinessArea,
    Channel,
    DisabilityCategory,
    DisabilityGrade,
    Gender,
    Place,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")

ORDER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$")

REQUIRED_AT_INTAKE: tuple[str, ...] = ("id", "received_at", "channel", "appeal_type", "appeal")
REQUIRED_BEFORE_CLOSE: tuple[str, ...] = (
    "name",
    "gender",
    "age",
    "ethnicity",
    "disability",
    "business_area",
    "call_date",
    "phone",
    "address",
    "appeal",
    "reply",
)
# The most characters of a long text: the main appeal, the reply, a feedback or a result.
LONG_TEXT = 4000
# Fixed by the center's dispatch: a correction would break the import key and the clocks.
UNCHANGEABLE: frozenset[str] = frozenset({"id", "received_at"})
# How far a receipt time may lie ahead of the intake moment: the center's clock and ours differ a little.
CLOCK_SKEW = timedelta(minutes=5)


class BadValue(Exception):
    """Raised by a field reader; becomes a Problem on that field."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(limit: int) -> Callable[[Any], str]:
    def read(value: Any) -> str:
        if not isinstance(value, str):
            raise BadValue("not_text")
        text = value.strip()
        if len(text) > limit:
            raise BadValue("too_long", limit=limit, length=len(text))
        if _SURROGATE.search(text):
            raise BadValue("bad_characters")  # no UTF-8 file can hold it
        return text

    return read


def _order_id(value: Any) -> str:
    text = _text(64)(value)
    if not ORDER_ID.match(text):
        raise BadValue("bad_order_id")
    return text


def _label(member: StrEnum) -> str:
    return getattr(member, "label", member.value)


@cache
def _wordings(enum: type[StrEnum]) -> dict[str, StrEnum]:
    """Every accepted wording of ``enum``'s members, case folded: code, Chinese label, aliases."""
    found: dict[str, StrEnum] = {}
    for member in enum:
        found[member.value.casefold()] = member
        found[_label(member).casefold()] = member
    for alias, code in ALIASES.get(enum.__name__, {}).items():
        found[alias.casefold()] = enum(code)
    return found


def read_choice(enum: type[StrEnum], value: Any) -> StrEnum:
    """The member named by a code (``complaint``), a label (``投诉``) or an alias (``求助``)."""
    member = _wordings(enum).get(str(value).strip().casefold())
    if member is None:
        raise BadValue("not_a_choice", labels="、".join(map(_label, enum)), choices="、".join(enum))
    return member


def _choice(enum: type[StrEnum]) -> Callable[[Any], StrEnum]:
    def read(value: Any) -> StrEnum:
        return read_choice(enum, value)

    return read


def _grade(value: Any) -> StrEnum:
    """Accept ``3``, ``"3"``, ``"3级"`` and ``"三级"``."""
    text = str(value).strip()
    try:
        return _choice(DisabilityGrade)(text)
    except BadValue:
        return _choice(DisabilityGrade)(text.removesuffix("级"))


def _ethnicity(value: Any) -> str:
    text = _text(20)(value)
    for candidate in (text, text + "族"):
        if candidate in ETHNICITIES:
            return candidate
    raise BadValue("unknown_ethnicity")


def _age(value: Any) -> int:
    if isinstance(value, bool):
        raise BadValue("not_a_number")
    if isinstance(value, int):
        age = value
    else:
        text = str(value).strip()
        if not text.isascii() or not text.lstrip("-").isdigit():
            raise BadValue("not_a_number")
        if len(text) > 4:  # a 5,000-digit "age" is out of range, not a conversion error
            raise BadValue("age_range")
        age = int(text)
    if not 0 <= age <= 120:
        raise BadValue("age_range")
    return age


def _phone(value: Any) -> str:
    text = re.sub(r"[\s()（）]", "", _text(30)(value))
    if MOBILE.match(text) or LANDLINE.match(text):
        return text
    raise BadValue("bad_phone")


_YEARS = (2000, 2099)  # hotline orders; outside, time zone arithmetic overflows or goes back to LMT


def read_moment(value: Any) -> datetime:
    """ISO 8601; a time without offset is read as Beijing time, the center's."""
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise BadValue("bad_datetime") from None
    if not _YEARS[0] <= moment.year <= _YEARS[1]:
        raise BadValue("year_range")  # year 1 overflows in UTC; 1900 has Shanghai's local mean time
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=SHANGHAI)
    return moment


def _day(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        day = date.fromisoformat(str(value).strip())
    except ValueError:
        raise BadValue("bad_date") from None
    if not _YEARS[0] <= day.year <= _YEARS[1]:
        raise BadValue("year_range")
    return day


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "是"):
        return True
    if text in ("false", "0", "no", "否", ""):
        return False
    raise BadValue("not_yes_no")


@frozen
class FormField:
    """A form field: how to read it, and where it lives in the record."""

    read: Callable[[Any], Any]
    part: str  # "", "appeal" or "citizen"
    attribute: str
    empty: Any = None


FORM: dict[str, FormField] = {
    "id": FormField(_order_id, "", "order_id"),
    "received_at": FormField(read_moment, "", "received_at"),
    "channel": FormField(_choice(Channel), "appeal", "channel"),
    "appeal_type": FormField(_choice(AppealType), "appeal", "appeal_type"),
    "business_area": FormField(_choice(BusinessArea), "appeal", "business_area"),
    "county": FormField(_choice(Place), "", "place", Place.PREFECTURE),
    "call_date": FormField(_day, "appeal", "call_date"),
    "name": FormField(_text(50), "citizen", "name", ""),
    "gender": FormField(_choice(Gender), "citizen", "gender"),
    "age": FormField(_age, "citizen", "age"),
    "ethnicity": FormField(_ethnicity, "citizen", "ethnicity"),
    "disability": FormField(_choice(DisabilityCategory), "citizen", "disability"),
    "grade": FormField(_grade, "citizen", "grade"),
    "phone": FormField(_phone, "citizen", "phone", ""),
    "address": FormField(_text(200), "citizen", "address", ""),
    "appeal": FormField(_text(LONG_TEXT), "appeal", "text", ""),
    "reply": FormField(_text(LONG_TEXT), "", "reply", ""),
    "emergency": FormField(_flag, "", "emergency", False),
    "petition": FormField(_flag, "", "petition", False),
    "confidential": FormField(_flag, "", "confidential", False),
}


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_fields(form: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, raw in form.items():
        spec = FORM.get(name)
        if spec is None:
            problems.append(Problem(name, "unknown_field"))
        elif _is_blank(raw):
            values[name] = spec.empty
        else:
            try:
                values[name] = spec.read(raw)
            except BadValue as bad:
                problems.append(Problem(name, bad.code, bad.params))
    return values, problems


def flatten(record: OrderRecord) -> dict[str, Any]:
    """The record as form values, the inverse of :func:`_assemble`."""
    parts = {"": record, "appeal": record.appeal, "citizen": record.citizen}
    return {name: getattr(parts[f.part], f.attribute) for name, f in FORM.items()}


def as_text(value: Any) -> str:
    """A form value as text that :data:`FORM` reads back: what event data stores."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _assemble(values: Mapping[str, Any], attachments: tuple[Attachment, ...] = ()) -> OrderRecord:
    parts: dict[str, dict[str, Any]] = {"": {}, "appeal": {}, "citizen": {}}
    for name, spec in FORM.items():
        parts[spec.part][spec.attribute] = values.get(name, spec.empty)
    if parts["appeal"]["call_date"] is None:
        parts["appeal"]["call_date"] = values["received_at"].astimezone(SHANGHAI).date()
    return OrderRecord(
        appeal=Appeal(**parts["appeal"]),
        citizen=Citizen(**parts["citizen"]),
        attachments=attachments,
        **parts[""],
    )


def _late_call(values: Mapping[str, Any]) -> list[Problem]:
    """A call cannot come after the order it led to: 来电日期 no later than the Beijing date of receipt."""
    call, received = values.get("call_date"), values.get("received_at")
    if call is None or received is None:
        return []
    day = received.astimezone(SHANGHAI).date()
    return [Problem("call_date", "call_after_receipt", {"date": day.isoformat()})] if call > day else []


def _future_receipt(values: Mapping[str, Any], now: datetime) -> list[Problem]:
    received = values.get("received_at")
    if received is None or received <= now + CLOCK_SKEW:
        return []
    return [Problem("received_at", "in_the_future", {"now": f"{now.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"})]


def parse_order(form: Mapping[str, Any], *, now: datetime | None = None) -> OrderRecord:
    """Read an order form (a push from the center or a manual intake).

    ``now`` is the intake moment: when given, a receipt time more than
    :data:`CLOCK_SKEW` after it is refused. A replay that has no wall clock
    (``hotline simulate``) leaves it out.

    Raises :class:`InvalidInput` listing every problem, each naming its field.
    """
    if now is not None and now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    values, problems = _read_fields(form)
    for name in REQUIRED_AT_INTAKE:
        already_refused = any(p.field == name for p in problems)
        missing = name not in values and not already_refused
        if missing or (name in values and _is_blank(values[name])):
            problems.append(Problem(name, "required"))
    problems += _late_call(values)
    if now is not None:
        problems += _future_receipt(values, now)
    if problems:
        raise InvalidInput(problems)
    return _assemble(values)


def correct_record(record: OrderRecord, changes: Mapping[str, Any]) -> OrderRecord:
    """Apply a clerk's corrections or additions; the record is never changed in place."""
    values, problems = _read_fields(changes)
    problems += [Problem(name, "unchangeable") for name in changes if name in UNCHANGEABLE]
    problems += [
        Problem(name, "required") for name in REQUIRED_AT_INTAKE if name in values and _is_blank(values[name])
    ]
    merged = flatten(record) | values
    if "call_date" in values:
        problems += _late_call(merged)
    if problems:
        raise InvalidInput(problems)
    return _assemble(merged, record.attachments)


def missing_for_close(record: OrderRecord) -> list[Problem]:
    """The fields a closed order must have and this record still lacks."""
    values = flatten(record)
    return [Problem(name, "required_to_close") for name in REQUIRED_BEFORE_CLOSE if _is_blank(values[name])]
