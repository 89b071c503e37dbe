"""The three clocks that deadlines run on (SPEC 5), by interval arithmetic.

A ``Timeline`` maps an instant to its *position*: the seconds of counted time
since 2019-01-01 00:00 Beijing time (the year of the measures; earlier
instants have negative positions). Natural time counts every second, the
working-day clock the seconds of working days, the office-hours clock those
of the office intervals of working days. A deadline is then
``instant(position(start) + duration)``.

Every working day counts the same ``full`` seconds (86,400, or the office
hours' total), so a position is ``rank * full + offset``, ``rank`` being the
number of working days before the instant's day. The timeline keeps each
day's rank and the list of working days, built a year at a time as instants
reach them: both directions are a ``divmod`` and a few list lookups, however
long the duration. ``position_epoch`` and ``instant_epoch`` work on Unix epoch
seconds, and :meth:`Timeline.advance_many` does ``add`` on NumPy arrays of them,
for callers that evaluate many orders at once (the limits of every open order).

``instant(p)`` is the *earliest* instant whose position reaches ``p``: 72
working hours from Saturday 10:00 end at Wednesday 24:00 (Thursday 00:00),
and one office hour from Friday 16:00 ends at Friday 17:00, not Monday 08:30.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum
from functools import lru_cache

import numpy as np
from attrs import field, frozen

from hotline_core.domain.calendar import (
    SHANGHAI,
    OfficeHours,
    WorkingCalendar,
    require_aware,
)

__all__ = ["Clock", "Deadline", "OfficeHours", "Seconds", "Timeline", "timeline"]

Seconds = int | float

_DAY = 86_400
_ANCHOR = datetime(2019, 1, 1, tzinfo=timezone(timedelta(hours=8)))
_ANCHOR_EPOCH = int(_ANCHOR.timestamp())
_ANCHOR_ORDINAL = _ANCHOR.date().toordinal()
# Beijing has kept +08:00 without daylight saving since 1991, and the lunar
# tables of ``holidays`` end in 2100: working-time clocks stay inside these.
_FIRST_YEAR, _LAST_YEAR = 1992, 2100


class Clock(StrEnum):
    """How time counts towards a limit."""

    NATURAL = "natural"
    WORKING_DAY = "working_day"
    OFFICE_HOURS = "office_hours"


_NATURAL = Clock.NATURAL


@frozen
class Deadline:
    """When a limit falls due, and whether a non-official year could still move it."""

    due: datetime
    provisional: bool


class _Days:
    """One snapshot of the day table; replaced whole, never changed, so readers need no lock.

    Days are numbered from the anchor day. ``rank[i]`` counts the working days
    from the anchor to day ``first + i`` (negative before the anchor);
    ``working`` lists the working days in order, ``working[0]`` having rank
    ``rank[0]``; ``unofficial[i]`` counts the days of non-official years before
    day ``first + i``. :attr:`arrays` holds the same three lists as NumPy arrays
    for bulk work; lists stay for single lookups, where they are faster.
    """

    __slots__ = ("_arrays", "first", "first_year", "last_year", "rank", "unofficial", "working")

    def __init__(
        self,
        first: int,
        rank: list[int],
        working: list[int],
        unofficial: list[int],
        first_year: int,
        last_year: int,
    ) -> None:
        self.first, self.rank, self.working, self.unofficial = first, rank, working, unofficial
        self.first_year, self.last_year = first_year, last_year
        self._arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    @property
    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The lists as arrays, made when bulk work first reads this snapshot.

        A table grown a year at a time over decades is then converted once, not at
        every year. Two threads may both make them; either result is the same.
        """
        if self._arrays is None:
            self._arrays = (
                np.array(self.rank, dtype=np.int64),
                np.array(self.working, dtype=np.int64),
                np.array(self.unofficial, dtype=np.int64),
            )
        return self._arrays


def _chain(earlier: list[int], later: list[int], keep: str = "earlier") -> list[int]:
    """Join two prefix sums that meet at a day: ``earlier[-1]`` and ``later[0]`` are one value.

    The side named by ``keep`` keeps its numbers; the other is shifted to meet it.
    """
    if keep == "earlier":
        return earlier[:-1] + [earlier[-1] - later[0] + value for value in later]
    return [later[0] - earlier[-1] + value for value in earlier[:-1]] + later


def _to_anchor_seconds(moment: datetime) -> Seconds:
    """Seconds since the anchor: an exact int for whole seconds, a small float otherwise."""
    try:
        delta = moment - _ANCHOR
    except TypeError:
        require_aware(moment)
        raise
    whole = delta.days * _DAY + delta.seconds
    return whole + delta.microseconds / 1e6 if delta.microseconds else whole


def _from_anchor_seconds(value: Seconds) -> datetime:
    return datetime.fromtimestamp(value + _ANCHOR_EPOCH, SHANGHAI)


@frozen
class Timeline:
    """Counted time on one clock, for one calendar and one set of office hours.

    ``add`` gives a ``Deadline``: the due instant, and ``provisional`` when the
    days from the start's to the due one (a due time at 24:00 closes its day)
    touch a year that is not official. The natural clock ignores the calendar
    and is never provisional. ``timeline()`` shares one instance per value,
    so the tables it builds serve every order.
    """

    clock: Clock = field(converter=Clock)
    calendar: WorkingCalendar = field(factory=WorkingCalendar.default)
    office_hours: OfficeHours = field(factory=OfficeHours.default)
    # A working day's counted intervals as [start, end, start, end ...] seconds,
    # and the counted seconds before each of them (the last item: ``full``).
    _bounds: list[int] = field(init=False, eq=False, repr=False)
    _before: list[int] = field(init=False, eq=False, repr=False)
    _interval_arrays: tuple[np.ndarray, np.ndarray] = field(init=False, eq=False, repr=False)
    _days: _Days = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        bounds = [0, _DAY]
        if self.clock is Clock.OFFICE_HOURS:
            bounds = [
                t.hour * 3600 + t.minute * 60 + t.second for pair in self.office_hours.intervals for t in pair
            ]
        before = [0]
        for start, end in zip(bounds[::2], bounds[1::2], strict=False):
            before.append(before[-1] + end - start)
        anchor_year = _ANCHOR.year
        object.__setattr__(self, "_bounds", bounds)
        object.__setattr__(self, "_before", before)
        object.__setattr__(
            self, "_interval_arrays", (np.array(bounds, dtype=np.float64), np.array(before, dtype=np.float64))
        )
        object.__setattr__(self, "_days", _Days(0, [0], [], [0], anchor_year, anchor_year - 1))

    # -- datetimes ------------------------------------------------------------

    def position(self, moment: datetime) -> Seconds:
        """Counted seconds from the anchor to ``moment`` (never decreasing with time)."""
        return self._position(_to_anchor_seconds(moment))

    def instant(self, position: Seconds) -> datetime:
        """The earliest instant whose position reaches ``position``, in Beijing time."""
        return _from_anchor_seconds(self._instant(position))

    def add(self, start: datetime, duration: timedelta) -> Deadline:
        """The earliest instant by which ``duration`` of counted time has run from ``start``."""
        due, provisional = self._add_one(_to_anchor_seconds(start), duration.total_seconds())
        return Deadline(_from_anchor_seconds(due), provisional)

    # -- Unix epoch seconds: the same without datetime objects, for bulk work ----

    def position_epoch(self, epoch: Seconds) -> Seconds:
        return self._position(epoch - _ANCHOR_EPOCH)

    def instant_epoch(self, position: Seconds) -> Seconds:
        return self._instant(position) + _ANCHOR_EPOCH

    # -- NumPy arrays of epoch seconds: one order per item -------------------------

    def positions(self, epochs: np.ndarray) -> np.ndarray:
        """``position_epoch`` of every item."""
        value = np.asarray(epochs, dtype=np.float64) - _ANCHOR_EPOCH
        if self.clock is _NATURAL or not value.size:
            return value
        return self._positions_on(self._cover_all(value), value)

    def advance_many(
        self, starts: np.ndarray, seconds: np.ndarray | float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``add`` of every item, on epoch seconds: ``(due epochs, due positions, provisional)``.

        The due position tells where the due time stands on the clock, for callers
        that measure the time left again and again. The same arithmetic as the
        scalar methods, a whole column at a time:
        the limits of 100,000 orders cost a few NumPy passes instead of a
        Python loop over each of them.
        """
        value = np.asarray(starts, dtype=np.float64) - _ANCHOR_EPOCH
        seconds = np.broadcast_to(np.asarray(seconds, dtype=np.float64), value.shape)
        if (seconds < 0).any():
            raise ValueError("a duration cannot be negative")
        target = value + seconds
        if self.clock is _NATURAL or not value.size:
            return target + _ANCHOR_EPOCH, target, np.zeros(value.shape, dtype=bool)
        days = self._cover_all(value)
        target = self._positions_on(days, value) + seconds
        days, due, due_day = self._instants_on(days, target)
        due = np.where(seconds > 0, due, value)  # no time to count: due at the start itself
        start_day = np.floor_divide(value, _DAY).astype(np.int64)
        due_day = np.where(seconds > 0, due_day, start_day)
        unofficial = days.arrays[2]
        provisional = unofficial[due_day - days.first + 1] > unofficial[start_day - days.first]
        return due + _ANCHOR_EPOCH, target, provisional

    def _cover_all(self, value: np.ndarray) -> _Days:
        """A snapshot holding the days of every item (seconds since the anchor)."""
        days = self._cover(self._days, int(np.floor(value.min() / _DAY)))
        return self._cover(days, int(np.floor(value.max() / _DAY)))

    def _positions_on(self, days: _Days, value: np.ndarray) -> np.ndarray:
        """``_position_on`` for an array, on a snapshot that holds every item's day."""
        bounds, before = self._interval_arrays
        day = np.floor_divide(value, _DAY)
        second = value - day * _DAY
        index = day.astype(np.int64) - days.first
        rank = days.arrays[0]
        worked = rank[index + 1] != rank[index]
        k = np.searchsorted(bounds, second, side="right")
        inside = np.where(k & 1, second - bounds[k - 1], 0.0)  # k is odd inside an interval
        return rank[index] * before[-1] + np.where(worked, before[k >> 1] + inside, 0.0)

    def _instants_on(self, days: _Days, position: np.ndarray) -> tuple[_Days, np.ndarray, np.ndarray]:
        """``_instant_on`` for an array: the snapshot used, the instants and the days they close."""
        bounds, before = self._interval_arrays
        count, rest = np.divmod(position, before[-1])
        whole = rest == 0  # a whole number of working days: reached at the close of the last
        count = count.astype(np.int64) - whole
        rest = np.where(whole, before[-1], rest)
        while count.min() < days.rank[0]:
            days = self._extend(days, days.first_year - 1)
        while count.max() - days.rank[0] >= len(days.working):
            days = self._extend(days, days.last_year + 1)
        due_day = days.arrays[1][count - days.rank[0]]
        k = np.searchsorted(before, rest, side="left") - 1
        return days, due_day * _DAY + bounds[2 * k] + rest - before[k], due_day

    # -- the arithmetic, on seconds since the anchor -----------------------------

    def _add_one(self, start: Seconds, seconds: Seconds) -> tuple[Seconds, bool]:
        """``(due, provisional)`` for a start in seconds since the anchor."""
        if seconds < 0:
            raise ValueError(f"a duration cannot be negative, got {seconds} s")
        if self.clock is _NATURAL:
            return start + seconds, False
        start_day = int(start // _DAY)
        days = self._cover(self._days, start_day)
        due, due_day = start, start_day
        if seconds > 0:
            days, due, due_day = self._instant_on(days, self._position_on(days, start) + seconds)
        unofficial, first = days.unofficial, days.first
        return due, unofficial[due_day - first + 1] > unofficial[start_day - first]

    def _position(self, value: Seconds) -> Seconds:
        if self.clock is _NATURAL:
            return value
        return self._position_on(self._cover(self._days, int(value // _DAY)), value)

    def _position_on(self, days: _Days, value: Seconds) -> Seconds:
        """Position of ``value`` on a snapshot that holds its day."""
        day, second = divmod(value, _DAY)
        index = int(day) - days.first
        rank, before = days.rank, self._before
        position = rank[index] * before[-1]
        if rank[index + 1] == rank[index]:
            return position
        k = bisect_right(self._bounds, second)
        return position + before[k >> 1] + (second - self._bounds[k - 1] if k & 1 else 0)

    def _instant(self, position: Seconds) -> Seconds:
        if self.clock is _NATURAL:
            return position
        return self._instant_on(self._days, position)[1]

    def _instant_on(self, days: _Days, position: Seconds) -> tuple[_Days, Seconds, int]:
        """The earliest instant reaching ``position``, the day it closes, and the snapshot used.

        ``count`` working days lie wholly before the instant; a position that is
        a whole number of working days is reached at the close of the last one.
        """
        before = self._before
        count, rest = divmod(position, before[-1])
        count = int(count)
        if not rest:
            count, rest = count - 1, before[-1]
        while not 0 <= count - days.rank[0] < len(days.working):
            back = count < days.rank[0]
            days = self._extend(days, days.first_year - 1 if back else days.last_year + 1)
        due_day = days.working[count - days.rank[0]]
        k = bisect_left(before, rest, 1) - 1
        return days, due_day * _DAY + self._bounds[2 * k] + rest - before[k], due_day

    # -- the day table -----------------------------------------------------------

    def _cover(self, days: _Days, day: int) -> _Days:
        """A snapshot of the table grown a year at a time until it holds ``day``."""
        while not days.first <= day < days.first + len(days.rank) - 1:
            back = day < days.first
            days = self._extend(days, days.first_year - 1 if back else days.last_year + 1)
        return days

    def _extend(self, days: _Days, year: int) -> _Days:
        """A new snapshot: ``days`` with ``year`` added next to it.

        Snapshots are never changed and positions count from a fixed anchor,
        so threads growing the table at once only waste work: each goes on
        with its own consistent snapshot, and no lock is needed.
        """
        if not _FIRST_YEAR <= year <= _LAST_YEAR:
            raise ValueError(f"working-time clocks cover {_FIRST_YEAR}–{_LAST_YEAR}, not {year}")
        first, rank, working, unofficial = _year_days(self.calendar, year)
        if year > days.last_year:
            new = _Days(
                days.first,
                _chain(days.rank, list(rank)),
                days.working + list(working),
                _chain(days.unofficial, list(unofficial)),
                days.first_year,
                year,
            )
        else:
            new = _Days(
                first,
                _chain(list(rank), days.rank, keep="later"),
                list(working) + days.working,
                _chain(list(unofficial), days.unofficial, keep="later"),
                year,
                days.last_year,
            )
        object.__setattr__(self, "_days", new)
        return new


@lru_cache(maxsize=512)
def _year_days(
    calendar: WorkingCalendar, year: int
) -> tuple[int, tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """One year of the day table, as ``_Days`` holds it: its first day, then ``rank``,
    ``working`` and ``unofficial`` counted from the year's start.

    The same for every clock and office hours of a calendar, so it is worked out
    once per calendar and year, however many timelines grow over that year.
    """
    first = date(year, 1, 1).toordinal() - _ANCHOR_ORDINAL
    end = date(year + 1, 1, 1).toordinal() - _ANCHOR_ORDINAL
    rest = calendar.rest_days(year)
    flag = 0 if calendar.is_official(year) else 1
    rank, unofficial, working = [0], [0], []
    for day in range(first, end):
        worked = date.fromordinal(_ANCHOR_ORDINAL + day) not in rest
        if worked:
            working.append(day)
        rank.append(rank[-1] + worked)
        unofficial.append(unofficial[-1] + flag)
    return first, tuple(rank), tuple(working), tuple(unofficial)


_DEFAULT_CALENDAR = WorkingCalendar.default()
_DEFAULT_OFFICE_HOURS = OfficeHours.default()


def timeline(
    clock: Clock | str,
    calendar: WorkingCalendar = _DEFAULT_CALENDAR,
    office_hours: OfficeHours = _DEFAULT_OFFICE_HOURS,
) -> Timeline:
    """One shared ``Timeline`` per value, so its day tables are built once for all orders."""
    if clock.__class__ is not Clock:  # Clock() costs more than the cached lookup itself
        clock = Clock(clock)
    return _shared_timeline(clock, calendar, office_hours)


@lru_cache(maxsize=64)
def _shared_timeline(clock: Clock, calendar: WorkingCalendar, office_hours: OfficeHours) -> Timeline:
    return Timeline(clock, calendar, office_hours)
