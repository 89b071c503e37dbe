"""Quarters and the county summary's due date (source 四(四))."""

from __future__ import annotations

from datetime import date

import pytest

from hotline_core.domain.calendar import CalendarOverride, WorkingCalendar
from hotline_core.domain.problems import InvalidInput
from hotline_core.domain.quarters import Quarter, summary_due
from tests.support import at

CALENDAR = WorkingCalendar.default()


@pytest.mark.parametrize(
    ("quarter", "due", "provisional"),
    [
        ("2026Q1", "2026-04-04 00:00", False),  # Friday 3 April is worked
        ("2026Q2", "2026-07-04 00:00", False),  # Friday 3 July
        ("2026Q3", "2026-10-09 00:00", False),  # 3 October falls in the National Day week: Thursday 8th
        ("2025Q4", "2026-01-05 00:00", False),  # Saturday 3 January 2026 → Sunday 4th, a make-up working day
        ("2026Q4", "2027-01-05 00:00", True),  # 2027 has no official schedule yet
    ],
)
def test_the_summary_is_due_at_the_end_of_the_3rd_or_the_next_working_day(quarter, due, provisional) -> None:
    deadline = summary_due(Quarter.parse(quarter), CALENDAR)
    assert (deadline.due, deadline.provisional) == (at(due), provisional)


def test_entering_the_2027_schedule_makes_the_q4_summary_firm() -> None:
    calendar = WorkingCalendar((CalendarOverride(2027, official=True),))
    assert not summary_due(Quarter(2026, 4), calendar).provisional


def test_quarters_parse_and_step() -> None:
    q = Quarter.parse("2026q4")
    assert (q.first_day, q.last_day) == (date(2026, 10, 1), date(2026, 12, 31))
    assert str(q.next()) == "2027Q1" and str(Quarter(2026, 1).previous()) == "2025Q4"
    assert Quarter.of(date(2026, 8, 15)) == Quarter(2026, 3)
    with pytest.raises(InvalidInput):
        Quarter.parse("2026Q5")
