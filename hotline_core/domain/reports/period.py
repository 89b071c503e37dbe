"""Report periods: whole calendar months in Beijing time ("2026Q3", "2026-07..2026-09", "2026").

Every report covers a run of whole months, because that is how the
federation and the center count: a quarter for the summary table (汇总表),
any months for the office meeting, a year for the assessment. An order
belongs to the period that holds the Beijing date of its receipt.

The period *ends* at the midnight that closes its last day. That instant is
the one the reports evaluate orders at, and an event stamped exactly then
counts as having happened by the end, as a deadline falling due at that
midnight is still met by it (``hotline_core.domain.limits``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from attrs import field, frozen

from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.quarters import Quarter

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})\s*[Qq]([1-4])$")
_MONTH = r"(\d{4})-(\d{1,2})"
_MONTHS = re.compile(rf"^{_MONTH}(?:\s*\.\.\s*{_MONTH})?$")
_ONE_DAY = timedelta(days=1)


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _first_of_month(day: date) -> date:
    return day.replace(day=1)


def _positive(_instance: object, _attribute: object, value: int) -> None:
    if value < 1:
        raise ValueError(f"a period has at least one month, got {value}")


@frozen(order=True)
class Period:
    """``months`` whole months from the month of ``first_day`` (always a 1st)."""

    first_day: date = field(converter=_first_of_month)
    months: int = field(default=1, validator=_positive)

    # -- building -------------------------------------------------------------

    @classmethod
    def parse(cls, text: str, field_name: str = "period") -> Period:
        """Read "2026Q3", "2026-07..2026-09", "2026-07" or "2026"; refuse anything else."""
        text = text.strip()
        if match := _YEAR.match(text):
            return cls.year(int(match[1]))
        if match := _QUARTER.match(text):
            return cls.quarter(Quarter(int(match[1]), int(match[2])))
        match = _MONTHS.match(text)
        if match and 1 <= int(match[2]) <= 12 and (match[3] is None or 1 <= int(match[4]) <= 12):
            first = date(int(match[1]), int(match[2]), 1)
            last = date(int(match[3]), int(match[4]), 1) if match[3] else first
            if last >= first:
                return cls(first, _month_index(last) - _month_index(first) + 1)
        raise InvalidInput([Problem(field_name, "bad_period")])

    @classmethod
    def quarter(cls, quarter: Quarter) -> Period:
        return cls(quarter.first_day, 3)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), 12)

    # -- bounds ---------------------------------------------------------------

    @property
    def last_day(self) -> date:
        return _month_start(_month_index(self.first_day) + self.months) - _ONE_DAY

    @property
    def start(self) -> datetime:
        """The midnight that opens the first day, Beijing time."""
        return datetime.combine(self.first_day, time(0), SHANGHAI)

    @property
    def end(self) -> datetime:
        """The midnight that closes the last day, Beijing time."""
        return datetime.combine(self.last_day + _ONE_DAY, time(0), SHANGHAI)

    def contains(self, moment: datetime) -> bool:
        """Whether ``moment``'s Beijing date lies in the period."""
        return self.start <= moment < self.end

    def month_starts(self) -> tuple[date, ...]:
        """The first day of each month, for month-by-month trends."""
        first = _month_index(self.first_day)
        return tuple(_month_start(first + i) for i in range(self.months))

    # -- neighbours -----------------------------------------------------------

    def previous(self) -> Period:
        """The period of the same length that ends where this one starts."""
        return Period(_month_start(_month_index(self.first_day) - self.months), self.months)

    def next(self) -> Period:
        return Period(_month_start(_month_index(self.first_day) + self.months), self.months)

    # -- names ----------------------------------------------------------------

    def __str__(self) -> str:
        """The period as :meth:`parse` reads it back: 2026, 2026Q3, 2026-07, 2026-07..2026-09."""
        first = self.first_day
        if self.months == 12 and first.month == 1:
            return str(first.year)
        if self.months == 3 and first.month % 3 == 1:
            return str(Quarter.of(first))
        if self.months == 1:
            return f"{first:%Y-%m}"
        return f"{first:%Y-%m}..{self.last_day:%Y-%m}"

    @property
    def label(self) -> str:
        """The period in Chinese, for report titles: 2026年第三季度, 2026年7月至9月."""
        first, last = self.first_day, self.last_day
        if self.months == 12 and first.month == 1:
            return f"{first.year}年"
        if self.months == 3 and first.month % 3 == 1:
            return f"{first.year}年第{'一二三四'[first.month // 3]}季度"
        if self.months == 1:
            return f"{first.year}年{first.month}月"
        if first.year == last.year:
            return f"{first.year}年{first.month}月至{last.month}月"
        return f"{first.year}年{first.month}月至{last.year}年{last.month}月"


def as_period(value: Period | Quarter | str) -> Period:
    """Accept a period, a quarter or its text, so callers need not convert."""
    if isinstance(value, Period):
        return value
    if isinstance(value, Quarter):
        return Period.quarter(value)
    return Period.parse(value)
