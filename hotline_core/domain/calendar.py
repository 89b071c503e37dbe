"""China's working calendar as the federation keeps it, and its office hours (SPEC 5).

Which days are worked comes from the ``holidays`` package (through
``hotline_core.domain.rest_days``): weekends, statutory holidays, the rest days the
State Council moves (调休) and the weekend days worked in exchange (调休上班).
An administrator can correct any year with a ``CalendarOverride``: the
package may lag behind the notice, and the notice for next year comes out
late in the year before. Overrides win.

A year is *official* when its schedule comes from the State Council's notice,
either through the package or because an administrator entered it; a
deadline that crosses a non-official year is only provisional.

Day boundaries are Beijing time (Asia/Shanghai, UTC+08:00, no daylight saving
since 1991) whatever the host's zone, so a datetime is always turned into a
Shanghai date before it is looked up. ``OfficeHours`` are the intervals of a
working day that the office-hours clock (``hotline_core.domain.clocks``) counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from attrs import field, frozen

from hotline_core.domain import rest_days

SHANGHAI = ZoneInfo("Asia/Shanghai")


def shanghai_date(moment: datetime) -> date:
    """The Beijing-time date of an aware instant; a naive one is refused."""
    return require_aware(moment).astimezone(SHANGHAI).date()


def human_due(due: datetime, whole_day: str | None = None) -> str:
    """A due time as people read it: the last day, never the next day's 00:00.

    JSON keeps the instant (the first moment the time is up); text says "11-25 24:00",
    or, for a limit that runs to the end of a day (a county summary), the day followed by
    ``whole_day``, the reader's word for it ("10-08 当日").
    """
    local = require_aware(due, "due").astimezone(SHANGHAI)
    if local.time() != time(0):
        return f"{local:%m-%d %H:%M}"
    day = local.date() - timedelta(days=1)
    return f"{day:%m-%d} {whole_day}" if whole_day else f"{day:%m-%d} 24:00"


def require_aware(moment: datetime, name: str = "time") -> datetime:
    """Refuse a naive datetime: its meaning would depend on the host's zone."""
    if not isinstance(moment, datetime):
        raise TypeError(f"{name} must be a datetime, got {type(moment).__name__} {moment!r}")
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        raise ValueError(
            f"{name} must be timezone-aware (e.g. 2026-11-20T16:00:00+08:00), got naive {moment}"
        )
    return moment


def _as_days(values: Iterable[date | str]) -> frozenset[date]:
    """Accept dates or ISO strings, so overrides read like the notice."""
    return frozenset(_as_day(value) for value in values)


def _as_day(value: date | str) -> date:
    if isinstance(value, datetime):  # a date, not an instant: which zone's date would it be?
        raise TypeError(f"a calendar override lists dates, got the datetime {value}")
    return value if isinstance(value, date) else date.fromisoformat(value)


def _check_override(instance: CalendarOverride, _attribute: object, _value: object) -> None:
    named = instance.rest_days | instance.working_days
    outside = sorted(day for day in named if day.year != instance.year)
    if outside:
        raise ValueError(
            f"calendar override for {instance.year} names days of another year: "
            f"{', '.join(map(str, outside))}"
        )
    both = sorted(instance.rest_days & instance.working_days)
    if both:
        raise ValueError(
            f"calendar override for {instance.year} makes days both rest and "
            f"working: {', '.join(map(str, both))}"
        )


@frozen
class CalendarOverride:
    """An administrator's correction of one year (SPEC 5: "add or remove days").

    ``rest_days`` and ``working_days`` are days whose status the package gets
    wrong or does not know yet; ``official`` says whether the year's State
    Council schedule has now been entered (True), is to be distrusted (False),
    or is left to the package (None).
    """

    year: int
    rest_days: frozenset[date] = field(factory=frozenset, converter=_as_days)
    working_days: frozenset[date] = field(factory=frozenset, converter=_as_days, validator=_check_override)
    official: bool | None = None


def _as_tuple(overrides: Iterable[CalendarOverride]) -> tuple[CalendarOverride, ...]:
    return tuple(overrides)


def _one_per_year(_instance: object, _attribute: object, overrides: tuple[CalendarOverride, ...]) -> None:
    years = [o.year for o in overrides]
    repeated = sorted({y for y in years if years.count(y) > 1})
    if repeated:
        raise ValueError(f"more than one calendar override for {', '.join(map(str, repeated))}")


@frozen(cache_hash=True)
class WorkingCalendar:
    """Which days are worked, per the package corrected by the overrides.

    A value: equal calendars compare and hash equal, so it can key caches and
    travel inside a policy. The per-year results are cached in a private
    field that takes no part in equality.
    """

    overrides: tuple[CalendarOverride, ...] = field(default=(), converter=_as_tuple, validator=_one_per_year)
    _rest: dict[int, frozenset[date]] = field(init=False, factory=dict, eq=False, hash=False, repr=False)

    @classmethod
    def default(cls) -> WorkingCalendar:
        """The package's calendar, uncorrected."""
        return _DEFAULT

    def override_for(self, year: int) -> CalendarOverride | None:
        return next((o for o in self.overrides if o.year == year), None)

    def with_override(self, override: CalendarOverride) -> WorkingCalendar:
        """A calendar where ``override`` replaces any earlier one for its year."""
        kept = tuple(o for o in self.overrides if o.year != override.year)
        return WorkingCalendar(tuple(sorted((*kept, override), key=lambda o: o.year)))

    def rest_days(self, year: int) -> frozenset[date]:
        """Every day of ``year`` that is not worked: weekends, holidays, 调休 rest days."""
        cached = self._rest.get(year)
        if cached is None:
            override = self.override_for(year)
            # A year entered from the State Council's notice is exactly that notice: its
            # rest days on top of the weekends, less its make-up working days. Otherwise the
            # administrator corrects the package's days.
            official = override is not None and override.official is True
            cached = _weekends(year) if official else rest_days.package_rest_days(year)
            if override is not None:
                cached = (cached | override.rest_days) - override.working_days
            self._rest[year] = cached
        return cached

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is worked; an aware datetime is read as its Beijing date."""
        if isinstance(day, datetime):
            day = shanghai_date(day)
        return day not in self.rest_days(day.year)

    def is_official(self, year: int) -> bool:
        """Whether ``year`` follows the State Council's notice rather than a guess."""
        override = self.override_for(year)
        if override is not None and override.official is not None:
            return override.official
        return rest_days.FIRST_OFFICIAL_YEAR <= year <= rest_days.last_official_year()

    def working_day_on_or_after(self, day: date) -> date:
        """``day`` if it is worked, else the next working day (e.g. a report due on a holiday)."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day


def _weekends(year: int) -> frozenset[date]:
    first = date(year, 1, 1)
    days = (first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - first).days))
    return frozenset(day for day in days if day.weekday() >= 5)


_DEFAULT = WorkingCalendar()


def _check_intervals(_instance: object, _attribute: object, intervals: tuple[tuple[time, time], ...]) -> None:
    if not intervals:
        raise ValueError("office hours need at least one interval")
    previous_end: time | None = None
    for start, end in intervals:
        if start.tzinfo or end.tzinfo or start.microsecond or end.microsecond:
            raise ValueError(f"office hours are whole seconds of Beijing time, got {start}–{end}")
        if not start < end:
            raise ValueError(f"office interval {start}–{end} must end after it starts, same day")
        if previous_end is not None and start < previous_end:
            raise ValueError(
                f"office interval {start}–{end} overlaps or comes before the "
                f"one ending {previous_end}: list them in order"
            )
        previous_end = end


def _as_intervals(pairs: Iterable[tuple[time | str, time | str]]) -> tuple[tuple[time, time], ...]:
    """Accept ``time`` pairs or "HH:MM" strings, as settings store them."""

    def as_time(value: time | str) -> time:
        return value if isinstance(value, time) else time.fromisoformat(value)

    return tuple((as_time(start), as_time(end)) for start, end in pairs)


@frozen(cache_hash=True)
class OfficeHours:
    """The office intervals of a working day, in order (default 08:30–11:30, 13:00–17:00)."""

    intervals: tuple[tuple[time, time], ...] = field(
        default=((time(8, 30), time(11, 30)), (time(13), time(17))),
        converter=_as_intervals,
        validator=_check_intervals,
    )

    @classmethod
    def default(cls) -> OfficeHours:
        return _OFFICE_HOURS


_OFFICE_HOURS = OfficeHours()
