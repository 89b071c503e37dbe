"""Setting a policy version: what an administrator may change, and "stricter, never looser".

The closing paragraph of the source lets each county federation make its own
implementing rules (实施细则). A county's version is read here from
``name=value`` changes on the policy in force for it at the effective moment
(its own latest version, else the prefecture's), and refused when any rule
is looser than the prefecture's in force then: the prefecture's limits are
what the center holds the federation to, so for an order transferred down the
county's may only add an earlier, internal due time.

A county rule is *not looser* when its length is no longer and its clock counts
at least the time the prefecture's counts: natural time counts every second,
the working-day clock the working days, office hours only the office intervals
(of the county's office hours, which must then cover the prefecture's). The
due-soon share may not be smaller (a warning no later), the summary's due day
not later. A comparison across clocks that no such rule decides (1 office hour
against 24 working hours) is refused rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime, time, timedelta

from attrs import evolve

from hotline_core.domain.calendar import OfficeHours
from hotline_core.domain.clocks import Clock
from hotline_core.domain.policy import Limit, Policy, PolicySchedule, PolicyVersion
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.vocabulary import AppealType, Place

# The limits by the name a person types; ``close`` alone sets the 72-hour group of types.
_LIMIT_FIELDS: dict[str, str] = {
    "sign": "sign",
    "return": "return_request",
    "contact": "contact",
    "emergency_reply": "emergency_reply",
    "unsatisfied_report": "unsatisfied_report",
    "supervision": "supervision_answer",
    "petition_accept": "petition_accept",
    "petition_handle": "petition_handle",
    "extension_notice": "extension_notice",
}
# How each named limit is set on a policy (the names of ``_LIMIT_FIELDS``).
_SET_LIMIT: dict[str, Callable[[Policy, Limit], Policy]] = {
    "sign": lambda p, limit: evolve(p, sign=limit),
    "return": lambda p, limit: evolve(p, return_request=limit),
    "contact": lambda p, limit: evolve(p, contact=limit),
    "emergency_reply": lambda p, limit: evolve(p, emergency_reply=limit),
    "unsatisfied_report": lambda p, limit: evolve(p, unsatisfied_report=limit),
    "supervision": lambda p, limit: evolve(p, supervision_answer=limit),
    "petition_accept": lambda p, limit: evolve(p, petition_accept=limit),
    "petition_handle": lambda p, limit: evolve(p, petition_handle=limit),
    "extension_notice": lambda p, limit: evolve(p, extension_notice=limit),
}
_CLOSE_GROUP = (AppealType.HELP, AppealType.COMPLAINT, AppealType.REPORT, AppealType.SUGGESTION)
SETTABLE: tuple[str, ...] = (
    *_LIMIT_FIELDS,
    "close",
    *(f"close.{kind}" for kind in AppealType),
    "office_hours",
    "due_soon",
    "summary_due_day",
    "name",
)
_LENGTH = re.compile(r"^(\d+(?:\.\d+)?)\s*([mhd])(?:\s*@\s*(\w+))?$")
_UNITS = {"m": 60, "h": 3600, "d": 86_400}
_CLOCK_RANK = {Clock.NATURAL: 0, Clock.WORKING_DAY: 1, Clock.OFFICE_HOURS: 2}


def named_limits(policy: Policy) -> dict[str, Limit]:
    """Every limit of ``policy`` by the name a person types (``close.complaint`` ...)."""
    limits: dict[str, Limit] = {name: getattr(policy, attribute) for name, attribute in _LIMIT_FIELDS.items()}
    return limits | {f"close.{kind}": policy.close_for(kind) for kind in AppealType}


def describe(limit: Limit) -> str:
    """``72h@working_day``: how a limit is typed, and shown back."""
    seconds = limit.length.total_seconds()
    for suffix, size in (("d", 86_400), ("h", 3600), ("m", 60)):
        if seconds % size == 0 and (suffix != "d" or limit.clock is Clock.NATURAL):
            return f"{int(seconds // size)}{suffix}@{limit.clock.value}"
    return f"{seconds / 3600:g}h@{limit.clock.value}"


def _limit(name: str, text: str, before: Limit) -> Limit:
    match = _LENGTH.match(text.strip())
    if not match:
        raise InvalidInput([Problem(name, "bad_limit")])
    length = timedelta(seconds=float(match[1]) * _UNITS[match[2]])
    clock = match[3] or before.clock.value
    if clock not in {c.value for c in Clock}:
        raise InvalidInput([Problem(name, "not_in_list", {"choices": "、".join(Clock)})])
    if length <= timedelta(0):
        raise InvalidInput([Problem(name, "bad_limit")])
    return Limit(length, Clock(clock))


def _office_hours(text: str) -> OfficeHours:
    try:
        pairs = [part.strip().split("-") for part in text.split(",") if part.strip()]
        return OfficeHours(tuple((time.fromisoformat(a), time.fromisoformat(b)) for a, b in pairs))
    except (ValueError, TypeError):
        raise InvalidInput([Problem("office_hours", "bad_office_hours")]) from None


def _number(name: str, text: str, read: Callable[[str], float], low: float, high: float) -> float:
    try:
        value = read(text.strip())
    except ValueError:
        raise InvalidInput([Problem(name, "bad_policy_number", {"low": low, "high": high})]) from None
    if not low <= value <= high:
        raise InvalidInput([Problem(name, "bad_policy_number", {"low": low, "high": high})])
    return value


def changed_policy(base: Policy, changes: Mapping[str, str], name: str) -> Policy:
    """``base`` with ``changes`` (``close=48h``, ``office_hours=08:00-12:00,13:00-17:30`` ...)."""
    unknown = [key for key in changes if key not in SETTABLE]
    if unknown:
        raise InvalidInput([Problem(key, "not_in_list", {"choices": "、".join(SETTABLE)}) for key in unknown])
    policy = evolve(base, name=changes.get("name", "").strip() or name)
    close = dict(policy.close)
    for key, text in changes.items():
        if key in _LIMIT_FIELDS:
            policy = _SET_LIMIT[key](policy, _limit(key, text, named_limits(policy)[key]))
        elif key == "close":
            close |= {kind: _limit(key, text, close[kind]) for kind in _CLOSE_GROUP}
        elif key.startswith("close."):
            kind = AppealType(key.removeprefix("close."))
            close[kind] = _limit(key, text, close[kind])
        elif key == "office_hours":
            policy = evolve(policy, office_hours=_office_hours(text))
        elif key == "due_soon":
            policy = evolve(policy, due_soon_fraction=_number(key, text, float, 0.01, 0.99))
        elif key == "summary_due_day":
            policy = evolve(policy, summary_due_day=int(_number(key, text, int, 1, 28)))
    return evolve(policy, close=close)


def _covers(wide: OfficeHours, narrow: OfficeHours) -> bool:
    """Every office interval of ``narrow`` lies inside one of ``wide``."""
    return all(any(a <= c and d <= b for a, b in wide.intervals) for c, d in narrow.intervals)


def _not_looser(own: Limit, other: Limit, own_hours: OfficeHours, other_hours: OfficeHours) -> bool:
    if own.length > other.length or _CLOCK_RANK[own.clock] > _CLOCK_RANK[other.clock]:
        return False
    return own.clock is not Clock.OFFICE_HOURS or _covers(own_hours, other_hours)


def looser_rules(county: Policy, prefecture: Policy) -> list[Problem]:
    """Each rule of ``county`` looser than the prefecture's, named, with both values."""
    problems = []
    theirs = named_limits(prefecture)
    for name, limit in named_limits(county).items():
        if not _not_looser(limit, theirs[name], county.office_hours, prefecture.office_hours):
            params = {"limit": name, "county": describe(limit), "prefecture": describe(theirs[name])}
            problems.append(Problem(name, "policy_looser", params))
    if county.due_soon_fraction < prefecture.due_soon_fraction:
        params = {
            "limit": "due_soon",
            "county": f"{county.due_soon_fraction:g}",
            "prefecture": f"{prefecture.due_soon_fraction:g}",
        }
        problems.append(Problem("due_soon", "policy_looser", params))
    if county.summary_due_day > prefecture.summary_due_day:
        params = {
            "limit": "summary_due_day",
            "county": str(county.summary_due_day),
            "prefecture": str(prefecture.summary_due_day),
        }
        problems.append(Problem("summary_due_day", "policy_looser", params))
    return problems


def new_version(
    schedule: PolicySchedule,
    unit: Place,
    effective: datetime,
    document: str,
    changes: Mapping[str, str],
    set_by: str,
    now: datetime,
) -> PolicyVersion:
    """The version ``set_by`` asks for, or every reason it is refused.

    It builds on the rules in force for ``unit`` at ``effective``; it may not take
    effect before ``now`` (it applies to orders received after it is set, never to
    those already received), and a county's may not be looser than the prefecture's.
    """
    problems: list[Problem] = []
    if not document.strip():
        problems.append(Problem("document", "required"))
    if effective.tzinfo is None:
        problems.append(Problem("effective", "naive_time"))
    elif effective < now:
        problems.append(Problem("effective", "effective_in_past", {"now": now.isoformat(timespec="minutes")}))
    if not changes:
        problems.append(Problem("", "nothing_to_change"))
    if problems:
        raise InvalidInput(problems)
    base = schedule.policy_for(effective, unit)
    default_name = f"{unit.value}-{effective.date().isoformat()}"
    policy = changed_policy(base, changes, default_name)
    if unit is not Place.PREFECTURE:
        looser = looser_rules(policy, schedule.policy_for(effective))
        if looser:
            raise InvalidInput(looser)
    return PolicyVersion(unit, effective, policy, document.strip(), set_by, now)
