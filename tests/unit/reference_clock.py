"""A naive reference for the clocks: walk through time one minute at a time.

``hotline_core.domain.clocks`` computes deadlines by interval arithmetic; this module
computes the same thing the obvious way, so that property tests (and the
benchmark, as a baseline) can compare the two. It shares nothing with the
clocks but the calendar's answer to "is this date worked?" and the office
hours' list of intervals. It is exact for minute-aligned starts, durations
and office hours, and slow on purpose: clarity is its only job.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hotline_core.domain.calendar import SHANGHAI, WorkingCalendar
from hotline_core.domain.clocks import Clock, OfficeHours

MINUTE = timedelta(minutes=1)


class ReferenceClock:
    """Counts the minutes of one clock by looking at each minute in turn."""

    def __init__(
        self,
        clock: Clock | str,
        calendar: WorkingCalendar | None = None,
        office_hours: OfficeHours | None = None,
    ) -> None:
        self.clock = Clock(clock)
        self.calendar = calendar or WorkingCalendar.default()
        self.office_hours = office_hours or OfficeHours.default()
        self._worked: dict[date, bool] = {}
        # The minutes of a day (0 is 00:00-00:01) that the office is open.
        self._open = frozenset(
            minute
            for start, end in self.office_hours.intervals
            for minute in range(_minute_of_day(start), _minute_of_day(end))
        )

    def counts(self, minute: datetime) -> bool:
        """Whether the minute that begins at ``minute`` (Beijing time) runs on this clock."""
        if self.clock is Clock.NATURAL:
            return True
        day = minute.date()
        if day not in self._worked:
            self._worked[day] = self.calendar.is_working_day(day)
        if not self._worked[day]:
            return False
        if self.clock is Clock.WORKING_DAY:
            return True
        return minute.hour * 60 + minute.minute in self._open

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """Step forward until ``duration`` worth of counted minutes have gone by."""
        moment, remaining = _beijing_minute(start), _whole_minutes(duration)
        while remaining:
            if self.counts(moment):
                remaining -= 1
            moment += MINUTE
        return moment

    def elapsed(self, start: datetime, end: datetime) -> timedelta:
        """Count the counted minutes from ``start`` up to ``end``."""
        moment, end, minutes = _beijing_minute(start), _beijing_minute(end), 0
        while moment < end:
            minutes += self.counts(moment)
            moment += MINUTE
        return minutes * MINUTE

    def provisional(self, start: datetime, due: datetime) -> bool:
        """Whether any day from the start's to the one ``due`` closes is in a non-official year.

        A due time at 00:00 closes the day before it (it is that day's 24:00).
        Natural time does not read the calendar, so it is never provisional.
        """
        if self.clock is Clock.NATURAL:
            return False
        first = _beijing_minute(start)
        last = _beijing_minute(due) - MINUTE if due > start else first
        return any(not self.calendar.is_official(year) for year in range(first.year, last.year + 1))


def _beijing_minute(moment: datetime) -> datetime:
    # Wall-clock steps of a minute are exact in Beijing: no daylight saving since 1991.
    beijing = moment.astimezone(SHANGHAI)
    if beijing.second or beijing.microsecond:
        raise ValueError(f"the reference clock takes whole minutes, got {moment}")
    return beijing


def _minute_of_day(wall: time) -> int:
    if wall.second or wall.microsecond:
        raise ValueError(f"the reference clock takes office hours in whole minutes, got {wall}")
    return wall.hour * 60 + wall.minute


def _whole_minutes(duration: timedelta) -> int:
    minutes, rest = divmod(duration, MINUTE)
    if rest or minutes < 0:
        raise ValueError(f"the reference clock adds whole, non-negative minutes, got {duration}")
    return minutes
