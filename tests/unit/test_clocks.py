"""The three clocks give the deadlines a clerk would count on the wall calendar."""

from __future__ import annotations

import threading
import time as host_time
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from freezegun import freeze_time
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hotline_core.domain.calendar import SHANGHAI, CalendarOverride, WorkingCalendar
from hotline_core.domain.clocks import Clock, Deadline, OfficeHours, Timeline, timeline
from tests.unit.reference_clock import ReferenceClock

UTC = UTC
NATURAL = timeline(Clock.NATURAL)
WORKING = timeline(Clock.WORKING_DAY)
OFFICE = timeline(Clock.OFFICE_HOURS)
HOUR = timedelta(hours=1)
# holidays 0.109 has no 2027 notice; a later release may, and then these examples no longer apply.
before_the_2027_notice = pytest.mark.skipif(
    WorkingCalendar.default().is_official(2027),
    reason="the installed holidays already carries the 2027 notice",
)


def at(text: str) -> datetime:
    """A Beijing time from '2026-11-20 16:00'."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def due(line: Timeline, start: str, hours: float) -> datetime:
    return line.add(at(start), timedelta(hours=hours)).due


def counted(line: Timeline, start: datetime, end: datetime) -> timedelta:
    """The counted time from ``start`` to ``end``: the difference of their positions."""
    return timedelta(seconds=line.position(end) - line.position(start))


# -- working days: 24 hours a day, rest days skipped (SPEC 5 example) ---------------


def test_a_complaint_received_friday_16_00_is_due_wednesday_16_00() -> None:
    assert due(WORKING, "2026-11-20 16:00", 72) == at("2026-11-25 16:00")


def test_a_complaint_received_saturday_10_00_is_due_wednesday_24_00() -> None:
    assert due(WORKING, "2026-11-21 10:00", 72) == at("2026-11-26 00:00")


def test_24_working_hours_from_friday_00_00_end_at_saturday_00_00_not_monday() -> None:
    assert due(WORKING, "2026-11-20 00:00", 24) == at("2026-11-21 00:00")


def test_a_consultation_received_monday_10_00_is_due_tuesday_10_00() -> None:
    assert due(WORKING, "2026-11-16 10:00", 24) == at("2026-11-17 10:00")


def test_the_spring_festival_week_is_skipped_and_its_make_up_saturday_counts() -> None:
    # Fri 13 Feb 10:00 → Sat 14 (make-up) → rest 15-23 → Tue 24 → Wed 25 10:00
    assert due(WORKING, "2026-02-13 10:00", 72) == at("2026-02-25 10:00")


def test_the_national_day_week_is_skipped_and_saturday_10_october_counts() -> None:
    # Wed 30 Sep 15:00: 9 h, rest 1-7 Oct, Thu 8 and Fri 9: 48 h, Sat 10 (make-up) 15 h
    assert due(WORKING, "2026-09-30 15:00", 72) == at("2026-10-10 15:00")


def test_the_make_up_sunday_before_national_day_counts() -> None:
    assert due(WORKING, "2026-09-19 10:00", 24) == at("2026-09-21 00:00")


# -- office hours: 08:30-11:30 and 13:00-17:00 on working days ---------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2026-11-20 16:30", "2026-11-23 09:00"),  # Friday evening → Monday morning
        ("2026-11-20 16:00", "2026-11-20 17:00"),  # ends at the close, not Monday 08:30
        ("2026-11-20 11:00", "2026-11-20 13:30"),  # the lunch break is skipped
        ("2026-11-20 12:00", "2026-11-20 14:00"),  # received during lunch
        ("2026-11-22 12:00", "2026-11-23 09:30"),  # received on a Sunday
        ("2026-11-20 07:00", "2026-11-20 09:30"),  # received before the office opens
        ("2026-11-20 17:00", "2026-11-23 09:30"),  # received at the close
        ("2026-02-14 10:00", "2026-02-14 11:00"),  # a make-up Saturday is a working day
        ("2026-09-30 16:30", "2026-10-08 09:00"),  # National Day week in between
    ],
)
def test_one_office_hour_to_sign(received: str, expected: str) -> None:
    assert due(OFFICE, received, 1) == at(expected)


def test_office_hours_elapsed_leaves_out_lunch_and_the_night() -> None:
    assert counted(OFFICE, at("2026-11-20 11:00"), at("2026-11-20 14:00")) == 1.5 * HOUR
    assert counted(OFFICE, at("2026-11-20 16:00"), at("2026-11-23 09:30")) == 2 * HOUR


def test_office_hours_are_configurable() -> None:
    late_office = Timeline(
        Clock.OFFICE_HOURS, office_hours=OfficeHours([("09:00", "12:00"), ("14:00", "18:00")])
    )
    assert late_office.add(at("2026-11-20 11:30"), HOUR).due == at("2026-11-20 14:30")
    assert late_office.add(at("2026-11-20 17:30"), HOUR).due == at("2026-11-23 09:30")


@pytest.mark.parametrize(
    "intervals",
    [
        [],
        [("13:00", "17:00"), ("08:30", "11:30")],
        [("08:30", "12:00"), ("11:30", "17:00")],
        [("17:00", "08:30")],
        [(time(8, 30, 0, 500), time(11, 30))],
    ],
)
def test_office_hours_must_be_ordered_separate_intervals_within_a_day(intervals: list) -> None:
    with pytest.raises(ValueError, match="office"):
        OfficeHours(intervals)


# -- natural time ----------------------------------------------------------------------


def test_natural_time_runs_through_nights_weekends_and_holidays() -> None:
    assert due(NATURAL, "2026-10-03 23:30", 1) == at("2026-10-04 00:30")
    assert counted(NATURAL, at("2026-11-20 16:00"), at("2026-11-23 16:00")) == 72 * HOUR


def test_natural_time_is_never_provisional() -> None:
    assert NATURAL.add(at("2027-03-01 10:00"), HOUR) == Deadline(at("2027-03-01 11:00"), False)


# -- positions and the earliest instant ---------------------------------------------------


def test_positions_count_from_1_january_2019_beijing_time() -> None:
    assert NATURAL.position(at("2019-01-01 00:00")) == 0
    assert WORKING.position(at("2019-01-02 01:00")) == 3600  # 1 January is a holiday
    assert WORKING.position(at("2018-12-31 12:00")) == 0  # rest 30 Dec to 1 Jan
    assert WORKING.position(at("2018-12-28 12:00")) == -36 * 3600  # and Saturday 29th worked


def test_time_stands_still_on_rest_days() -> None:
    assert WORKING.position(at("2026-11-21 10:00")) == WORKING.position(at("2026-11-22 18:00"))
    assert OFFICE.position(at("2026-11-20 12:00")) == OFFICE.position(at("2026-11-20 12:59"))


def test_instant_gives_the_earliest_moment_a_position_is_reached() -> None:
    assert OFFICE.instant(OFFICE.position(at("2026-11-23 08:30"))) == at("2026-11-20 17:00")
    assert WORKING.instant(WORKING.position(at("2026-11-21 10:00"))) == at("2026-11-21 00:00")


def test_adding_nothing_is_due_at_once_even_on_a_rest_day() -> None:
    assert WORKING.add(at("2026-11-21 10:00"), timedelta(0)).due == at("2026-11-21 10:00")


def test_a_negative_duration_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        WORKING.add(at("2026-11-20 10:00"), -HOUR)


def test_a_naive_datetime_is_refused_with_a_clear_message() -> None:
    naive = datetime(2026, 11, 20, 16, 0)
    for call in (
        lambda: WORKING.add(naive, HOUR),
        lambda: OFFICE.position(naive),
        lambda: NATURAL.position(naive),
    ):
        with pytest.raises(ValueError, match="timezone-aware"):
            call()


def test_years_beyond_the_holiday_tables_are_refused() -> None:
    with pytest.raises(ValueError, match="1992–2100"):
        Timeline(Clock.WORKING_DAY).add(at("2101-01-03 10:00"), HOUR)


def test_microseconds_survive_the_round_trip() -> None:
    start = at("2026-11-20 16:59:59.999999")
    deadline = OFFICE.add(start, timedelta(microseconds=2))
    assert deadline.due == at("2026-11-23 08:30:00.000001")
    assert counted(OFFICE, start, deadline.due) == timedelta(microseconds=2)


# -- provisional years and overrides -----------------------------------------------------------


@before_the_2027_notice
def test_a_deadline_crossing_into_2027_is_provisional() -> None:
    # Wed 30 Dec 10:00, 2027 New Year's Day and weekend as the package guesses them
    assert WORKING.add(at("2026-12-30 10:00"), 72 * HOUR) == Deadline(at("2027-01-05 10:00"), True)


def test_a_deadline_inside_2026_is_not_provisional() -> None:
    assert WORKING.add(at("2026-12-28 10:00"), 72 * HOUR) == Deadline(at("2026-12-31 10:00"), False)


def test_a_deadline_ending_at_24_00_on_31_december_does_not_touch_2027() -> None:
    assert WORKING.add(at("2026-12-29 00:00"), 72 * HOUR) == Deadline(at("2027-01-01 00:00"), False)


def test_once_2027_is_marked_official_its_deadlines_are_final() -> None:
    calendar = WorkingCalendar((CalendarOverride(2027, rest_days={"2027-01-01"}, official=True),))
    line = Timeline(Clock.WORKING_DAY, calendar)
    assert line.add(at("2026-12-30 10:00"), 72 * HOUR) == Deadline(at("2027-01-05 10:00"), False)


def test_entering_next_years_notice_moves_a_provisional_deadline() -> None:
    notice_2027 = CalendarOverride(2027, rest_days={"2027-01-01", "2027-01-04"}, official=True)
    line = Timeline(Clock.WORKING_DAY, WorkingCalendar((notice_2027,)))
    assert line.add(at("2026-12-30 10:00"), 72 * HOUR) == Deadline(at("2027-01-06 10:00"), False)


def test_an_override_adding_a_rest_day_moves_the_deadline() -> None:
    calendar = WorkingCalendar((CalendarOverride(2026, rest_days={"2026-11-23"}),))
    line = Timeline(Clock.WORKING_DAY, calendar)
    assert line.add(at("2026-11-20 16:00"), 72 * HOUR).due == at("2026-11-26 16:00")


# -- the host's time zone does not matter ----------------------------------------------------------


CASES = [
    (WORKING, "2026-11-21 10:00", 72),
    (OFFICE, "2026-11-20 16:30", 1),
    (WORKING, "2026-09-30 15:00", 72),
    (OFFICE, "2026-02-13 16:00", 3),
]


def expected_dues() -> list[datetime]:
    return [due(Timeline(line.clock), start, hours) for line, start, hours in CASES]


@pytest.fixture
def host_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield
    monkeypatch.undo()
    host_time.tzset()


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Kolkata"])
def test_a_host_in_another_zone_gives_the_same_deadlines(
    zone: str, host_in: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = expected_dues()
    monkeypatch.setenv("TZ", zone)
    host_time.tzset()
    assert expected_dues() == before


def test_a_frozen_clock_in_utc_gives_the_same_deadlines() -> None:
    before = expected_dues()
    with freeze_time("2026-11-20 08:00:00", tz_offset=0):
        assert expected_dues() == before


def test_times_given_in_utc_give_the_same_deadlines_in_beijing_time() -> None:
    saturday_10_beijing = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)
    deadline = WORKING.add(saturday_10_beijing, 72 * HOUR).due
    assert deadline == at("2026-11-26 00:00")
    assert deadline.tzinfo == SHANGHAI
    assert str(deadline) == "2026-11-26 00:00:00+08:00"


# -- values, sharing and the epoch fast path -------------------------------------------------------


def test_timelines_are_values_and_timeline_shares_them() -> None:
    assert Timeline("working_day") == Timeline(Clock.WORKING_DAY)
    assert hash(Timeline("office_hours")) == hash(OFFICE)
    assert timeline("office_hours") is OFFICE
    assert timeline(Clock.OFFICE_HOURS, WorkingCalendar(), OfficeHours()) is OFFICE


def test_the_epoch_methods_agree_with_the_datetime_methods() -> None:
    start, end = at("2026-11-21 10:00"), at("2026-11-27 09:15:30")
    epoch = start.timestamp()
    for line in (NATURAL, WORKING, OFFICE):
        assert line.position_epoch(epoch) == line.position(start)
        assert line.position_epoch(int(epoch)) == line.position_epoch(epoch)
        reached = line.position(end)
        assert line.instant_epoch(reached) == line.instant(reached).timestamp()


def test_advance_many_evaluates_many_orders_at_once() -> None:
    starts = [at(f"2026-12-{day:02d} {hour:02d}:17") for day in range(20, 32) for hour in (0, 9, 12, 17)]
    epochs = np.array([int(s.timestamp()) for s in starts])
    durations = [600 * n for n in range(len(starts))]  # the first is zero: due at the start
    for line in (NATURAL, WORKING, OFFICE):
        reference = ReferenceClock(line.clock)
        for seconds in (3600, durations):
            due, position, provisional = line.advance_many(epochs, np.array(seconds))
            lengths = seconds if isinstance(seconds, list) else [seconds] * len(starts)
            expected_due = [
                reference.add(s, timedelta(seconds=n)) for s, n in zip(starts, lengths, strict=True)
            ]
            assert due.tolist() == [d.timestamp() for d in expected_due]
            assert provisional.tolist() == [
                reference.provisional(s, d) for s, d in zip(starts, expected_due, strict=True)
            ]
            assert position.tolist() == (line.positions(epochs) + lengths).tolist()
            assert line.positions(due).tolist() == position.tolist()
        assert line.positions(epochs).tolist() == [line.position(s) for s in starts]


_FIRST, _LAST = int(at("1995-01-01 00:00").timestamp()), int(at("2040-01-01 00:00").timestamp())
# Half-hour steps land on interval ends and whole days, where "the earliest instant" matters.
_ANY_CASE = st.tuples(st.integers(_FIRST, _LAST), st.integers(0, 400 * 86_400))
_ALIGNED_CASE = st.tuples(
    st.integers(_FIRST // 1800, _LAST // 1800).map(lambda n: n * 1800),
    st.integers(0, 2_000).map(lambda n: n * 1800),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_ANY_CASE, _ALIGNED_CASE), min_size=1, max_size=40), st.sampled_from(list(Clock)))
def test_advance_many_agrees_with_add_anywhere(cases: list[tuple[int, int]], clock: Clock) -> None:
    """Years before and after those the table holds, official or not: the array side's day
    tables grow both ways, from a fresh timeline each time."""
    line, scalar = Timeline(clock), timeline(clock)
    starts, lengths = np.array([c[0] for c in cases]), np.array([c[1] for c in cases])
    due, position, provisional = line.advance_many(starts, lengths)
    expected = [scalar.add(datetime.fromtimestamp(s, SHANGHAI), timedelta(seconds=n)) for s, n in cases]
    assert due.tolist() == [float(d.due.timestamp()) for d in expected]
    assert provisional.tolist() == [d.provisional for d in expected]
    assert position.tolist() == [float(scalar.position_epoch(s) + n) for s, n in cases]


def test_advance_many_refuses_a_negative_duration() -> None:
    with pytest.raises(ValueError, match="negative"):
        WORKING.advance_many(np.array([at("2026-11-20 10:00").timestamp()]), -1.0)


def test_threads_growing_one_table_at_once_agree_with_a_single_thread() -> None:
    starts = [at(f"{year}-06-01 10:00") for year in range(2000, 2031)]
    expected = [Timeline(Clock.OFFICE_HOURS).add(s, 40 * HOUR) for s in starts]
    shared, results = Timeline(Clock.OFFICE_HOURS), {}

    def work(n: int) -> None:
        results[n] = [shared.add(s, 40 * HOUR) for s in (starts[n:] + starts[:n])]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(0, 31, 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n, found in results.items():
        assert found == expected[n:] + expected[:n]


# -- properties: the interval arithmetic agrees with counting minute by minute --------


OVERRIDDEN = WorkingCalendar(
    (
        CalendarOverride(2025, rest_days={"2025-12-24"}, working_days={"2025-12-27"}),
        CalendarOverride(2026, rest_days={"2026-11-23"}, working_days={"2026-02-15"}),
    )
)
ZONES = [SHANGHAI, UTC, ZoneInfo("America/New_York"), timezone(timedelta(hours=5, minutes=45))]
# Minutes of the day where office hours open and close, drawn as often as any other minute.
EDGES = [0, 8 * 60 + 30, 11 * 60 + 30, 13 * 60, 17 * 60, 24 * 60 - 1]
minute_of_day = st.one_of(st.integers(0, 24 * 60 - 1), st.sampled_from(EDGES))

instants = st.builds(  # minute-aligned, 2025-2026 in Beijing, given in various zones
    lambda day, minute, zone: (
        datetime(2025, 1, 1, tzinfo=SHANGHAI) + timedelta(days=day, minutes=minute)
    ).astimezone(zone),
    st.integers(0, 729),
    minute_of_day,
    st.sampled_from(ZONES),
)
minutes_up_to_10_days = st.builds(
    lambda days, minutes: min(timedelta(days=days, minutes=minutes), timedelta(days=10)),
    st.integers(0, 10),
    minute_of_day,
)
calendars = st.sampled_from([WorkingCalendar.default(), OVERRIDDEN])


@pytest.mark.parametrize(
    ("clock", "examples"), [(Clock.NATURAL, 20), (Clock.WORKING_DAY, 60), (Clock.OFFICE_HOURS, 40)]
)
def test_add_agrees_with_minute_stepping(clock: Clock, examples: int) -> None:
    @settings(max_examples=examples, deadline=None)
    @given(start=instants, duration=minutes_up_to_10_days, calendar=calendars)
    def check(start: datetime, duration: timedelta, calendar: WorkingCalendar) -> None:
        reference = ReferenceClock(clock, calendar)
        expected = reference.add(start, duration)
        assert timeline(clock, calendar).add(start, duration) == Deadline(
            expected, reference.provisional(start, expected)
        )

    check()


@settings(max_examples=60, deadline=None)
@given(clock=st.sampled_from(Clock), start=instants, length=minutes_up_to_10_days, calendar=calendars)
def test_positions_count_what_minute_stepping_counts(
    clock: Clock, start: datetime, length: timedelta, calendar: WorkingCalendar
) -> None:
    end = start + length
    assert counted(timeline(clock, calendar), start, end) == ReferenceClock(clock, calendar).elapsed(
        start, end
    )


@settings(max_examples=200, deadline=None)
@given(
    clock=st.sampled_from(Clock),
    start=instants,
    calendar=calendars,
    duration=st.timedeltas(timedelta(0), timedelta(days=10)),
)
def test_the_time_elapsed_until_a_deadline_is_the_time_added(
    clock: Clock, start: datetime, calendar: WorkingCalendar, duration: timedelta
) -> None:
    line = timeline(clock, calendar)
    deadline = line.add(start, duration).due
    assert counted(line, start, deadline) == duration
    assert deadline >= start


# -- the array code, for many orders at once, against minute stepping ------------------


# Where the clocks have most to skip: the first day of each window and the ten after it.
WINDOWS = [
    date(2025, 12, 27),  # a weekend, 2025's last days, New Year's Day, the make-up Sunday 4 January
    date(2026, 2, 10),  # Spring Festival: make-up Saturday 14 February, rest 15-23, make-up Saturday 28
    date(2026, 9, 17),  # make-up Sunday 20 September, National Day 1-8 October, make-up Saturday 10
    date(2026, 11, 18),  # an ordinary week: nights, lunch breaks, a weekend
    date(2026, 12, 26),  # into 2027, whose holidays are not official yet: provisional deadlines
]
window_minutes = st.builds(  # minute-aligned epoch seconds inside a window
    lambda first, day, minute: int(
        (datetime.combine(first, time(0), SHANGHAI) + timedelta(days=day, minutes=minute)).timestamp()
    ),
    st.sampled_from(WINDOWS),
    st.integers(0, 10),
    minute_of_day,
)
# Whole minutes up to three counted days, often the limits' own lengths (1 h, 24 h, 72 h).
counted_minutes = st.one_of(
    st.integers(0, 3 * 24 * 60), st.integers(0, 8 * 60), st.sampled_from([0, 60, 24 * 60, 72 * 60])
)


FRIDAY_00_00, FRIDAY_08_30 = (int(at(f"2026-11-20 {t}").timestamp()) for t in ("00:00", "08:30"))


@settings(max_examples=40, deadline=None)
@given(
    clock=st.sampled_from(Clock),
    calendar=calendars,
    cases=st.lists(st.tuples(window_minutes, counted_minutes), min_size=1, max_size=6),
)
# A whole working day ends at Friday 24:00, not Monday; three office hours end at the lunch break.
@example(clock=Clock.WORKING_DAY, calendar=WorkingCalendar.default(), cases=[(FRIDAY_00_00, 24 * 60)])
@example(clock=Clock.OFFICE_HOURS, calendar=WorkingCalendar.default(), cases=[(FRIDAY_08_30, 3 * 60)])
def test_advance_many_agrees_with_minute_stepping(
    clock: Clock, calendar: WorkingCalendar, cases: list[tuple[int, int]]
) -> None:
    """The array code against a clerk counting minute by minute, a column of orders at once."""
    line, reference = timeline(clock, calendar), ReferenceClock(clock, calendar)
    starts, minutes = np.array([c[0] for c in cases]), np.array([c[1] for c in cases])
    due, position, provisional = line.advance_many(starts, minutes * 60)
    moments = [datetime.fromtimestamp(start, SHANGHAI) for start, _ in cases]
    expected = [reference.add(m, timedelta(minutes=n)) for m, (_, n) in zip(moments, cases, strict=True)]
    assert due.tolist() == [e.timestamp() for e in expected]
    assert provisional.tolist() == [
        reference.provisional(m, e) for m, e in zip(moments, expected, strict=True)
    ]
    assert position.tolist() == (line.positions(starts) + minutes * 60).tolist()


@settings(max_examples=40, deadline=None)
@given(
    clock=st.sampled_from(Clock),
    calendar=calendars,
    spans=st.lists(st.tuples(window_minutes, st.integers(0, 10 * 24 * 60)), min_size=1, max_size=6),
)
def test_positions_of_many_orders_count_what_minute_stepping_counts(
    clock: Clock, calendar: WorkingCalendar, spans: list[tuple[int, int]]
) -> None:
    line, reference = timeline(clock, calendar), ReferenceClock(clock, calendar)
    starts = np.array([start for start, _ in spans])
    ends = np.array([start + 60 * minutes for start, minutes in spans])
    expected = [
        reference.elapsed(datetime.fromtimestamp(a, SHANGHAI), datetime.fromtimestamp(b, SHANGHAI))
        for a, b in zip(starts.tolist(), ends.tolist(), strict=True)
    ]
    assert (line.positions(ends) - line.positions(starts)).tolist() == [e.total_seconds() for e in expected]
