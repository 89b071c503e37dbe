"""Quarters, and when a county's quarterly summary table (汇总表) is due.

Source section 四(四): county federations send the prefecture their hotline
summary "before the 3rd of the quarter's first month". The SPEC reads that
as the end of the 3rd of the month after the quarter, moved to the next
working day when the 3rd is a rest day. As every other deadline here, the
due instant is the *earliest* instant at which the time is up: the midnight
that ends the due day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from attrs import frozen

from hotline_core.domain.calendar import SHANGHAI, WorkingCalendar
from hotline_core.domain.clocks import Deadline
from hotline_core.domain.policy import PolicySchedule
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.vocabulary import Place

_QUARTER = re.compile(r"^(\d{4})\s*[Qq]([1-4])$")


@frozen(order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str, field: str = "quarter") -> Quarter:
        match = _QUARTER.match(text.strip())
        if not match:
            raise InvalidInput([Problem(field, "bad_quarter")])
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> date:
        return self.next().first_day - timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    @property
    def end(self) -> datetime:
        """The instant the quarter is over (the next quarter's first midnight, Beijing time)."""
        return datetime.combine(self.next().first_day, time(0), SHANGHAI)

    def contains(self, moment: datetime) -> bool:
        return self.first_day <= moment.astimezone(SHANGHAI).date() <= self.last_day

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"


def summary_due(quarter: Quarter, calendar: WorkingCalendar, due_day: int = 3) -> Deadline:
    """When the county summary of ``quarter`` is due (end of the due day).

    Provisional when the due day, or any day it was moved across, lies in a
    year whose official schedule is not in the calendar.
    """
    nominal = quarter.next().first_day.replace(day=due_day)
    day = calendar.working_day_on_or_after(nominal)
    end = datetime.combine(day + timedelta(days=1), time(0), SHANGHAI)
    provisional = not all(calendar.is_official(y) for y in range(nominal.year, day.year + 1))
    return Deadline(end, provisional)


def summary_due_in_force(
    quarter: Quarter, calendar: WorkingCalendar, schedule: PolicySchedule, unit: Place = Place.PREFECTURE
) -> Deadline:
    """When ``unit``'s rules in force at the quarter's end want its summary: the summary limit
    runs from the quarter's end (SPEC 5), and a policy change applies only after it is made, so
    a later change of the due day never re-judges a quarter already due (nor its filings)."""
    return summary_due(quarter, calendar, schedule.policy_for(quarter.end, unit).summary_due_day)
