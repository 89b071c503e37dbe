"""Reading the ``key=value`` details a person gives for a service, an incident or an episode.

The command line and the forms hand over text; a :class:`Details` reads each value with
the order form's own readers (``hotline_core.domain.intake.FORM``: the same phone, date
and place rules), collects every problem under its field, and :meth:`Details.check`
refuses them all at once, so a refused entry names every field at fault and stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime
from typing import Any

from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.intake import CLOCK_SKEW, FORM, BadValue, read_moment
from hotline_core.domain.problems import InvalidInput, Problem

SHORT = FORM["name"].read  # a name, a centre: 50 characters
LINE = FORM["address"].read  # a title, a topic: 200 characters
LONG = FORM["reply"].read  # what happened, measures, an outcome: 4000 characters


class Details:
    """The values of one entry, read field by field; the problems are kept for :meth:`check`."""

    def __init__(self, given: Mapping[str, str], allowed: Collection[str]) -> None:
        self.given = {str(k): str(v) for k, v in given.items()}
        self.problems: list[Problem] = [
            Problem(key, "not_a_duty_field", {"fields": "、".join(allowed)})
            for key in self.given
            if key not in allowed
        ]

    def read(self, name: str, reader: Callable[[Any], Any], required: bool = False) -> Any:
        """The value of ``name`` as ``reader`` reads it; None when blank (a problem when required)."""
        raw = self.given.get(name, "").strip()
        if not raw:
            if required:
                self.problems.append(Problem(name, "required"))
            return None
        try:
            return reader(raw)
        except BadValue as bad:
            self.problems.append(Problem(name, bad.code, bad.params))
            return None

    def text(self, name: str, reader: Callable[[Any], Any] = LINE, required: bool = False) -> str:
        value = self.read(name, reader, required)
        return "" if value is None else str(value)

    def moment(self, name: str, now: datetime, not_before: datetime | None = None) -> datetime:
        """When something happened: ``now`` unless given; never in the future, nor before ``not_before``."""
        value: datetime | None = self.read(name, read_moment)
        if value is None:
            return now
        if value > now + CLOCK_SKEW:
            self.problems.append(
                Problem(name, "in_the_future", {"now": f"{now.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"})
            )
        elif not_before is not None and value < not_before:
            at = f"{not_before.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"
            self.problems.append(Problem(name, "before_previous_step", {"at": at}))
        return value

    def day(self, name: str, required: bool = False) -> date | None:
        value: date | None = self.read(name, FORM["call_date"].read, required)
        return value

    def check(self) -> None:
        if self.problems:
            raise InvalidInput(self.problems)


def listed(text: str) -> tuple[str, ...]:
    """``"金局长、李主任"`` or ``"a,b"`` as its items, blanks dropped."""
    for separator in ("，", "、", ";", "；"):
        text = text.replace(separator, ",")
    return tuple(item.strip() for item in text.split(",") if item.strip())
