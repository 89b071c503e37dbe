"""The working calendar, read like the State Council's notice.

国务院办公厅关于2026年部分节假日安排的通知: the 2026 examples below restate it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import holidays.countries.china
import pytest

from hotline_core.domain import rest_days
from hotline_core.domain.calendar import (
    SHANGHAI,
    CalendarOverride,
    WorkingCalendar,
    shanghai_date,
)

DEFAULT = WorkingCalendar.default()
FALLBACK_YEAR = rest_days.FALLBACK_LAST_OFFICIAL_YEAR
# holidays 0.109 has no 2027 notice; a later release may, and then these examples no longer apply.
before_the_2027_notice = pytest.mark.skipif(
    DEFAULT.is_official(2027), reason="the installed holidays already carries the 2027 notice"
)


def assert_working_days(*days: str, calendar: WorkingCalendar = DEFAULT) -> None:
    rested = [day for day in days if not calendar.is_working_day(date.fromisoformat(day))]
    assert not rested, f"expected working days, but these are rest days: {rested}"


def assert_rest_days(*days: str, calendar: WorkingCalendar = DEFAULT) -> None:
    worked = [day for day in days if calendar.is_working_day(date.fromisoformat(day))]
    assert not worked, f"expected rest days, but these are working days: {worked}"


def span(first: str, last: str) -> list[str]:
    """Every ISO date from ``first`` to ``last``, both included."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


# -- the 2026 notice -------------------------------------------------------------


def test_new_year_2026_rests_1_to_3_january_and_works_sunday_4_january() -> None:
    assert_rest_days(*span("2026-01-01", "2026-01-03"))
    assert_working_days("2026-01-04", "2026-01-05")


def test_spring_festival_2026_rests_15_to_23_february() -> None:
    assert_rest_days(*span("2026-02-15", "2026-02-23"))
    assert_working_days("2026-02-13", "2026-02-24")


def test_spring_festival_2026_make_up_saturdays_are_working_days() -> None:
    assert_working_days("2026-02-14", "2026-02-28")


def test_labour_day_2026_rests_1_to_5_may_and_works_saturday_9_may() -> None:
    assert_rest_days(*span("2026-05-01", "2026-05-05"))
    assert_working_days("2026-05-09")


def test_national_day_2026_rests_1_to_7_october() -> None:
    assert_rest_days(*span("2026-10-01", "2026-10-07"))
    assert_working_days("2026-09-30", "2026-10-08", "2026-10-09")


def test_national_day_2026_works_sunday_20_september_and_saturday_10_october() -> None:
    assert_working_days("2026-09-20", "2026-10-10")
    assert_rest_days("2026-09-19", "2026-10-11")


def test_an_ordinary_week_works_monday_to_friday_and_rests_at_the_weekend() -> None:
    assert_working_days(*span("2026-11-16", "2026-11-20"))
    assert_rest_days("2026-11-21", "2026-11-22")


# -- official years ---------------------------------------------------------------


def test_years_with_a_state_council_notice_in_the_package_are_official() -> None:
    assert DEFAULT.is_official(2019)
    assert DEFAULT.is_official(2025)
    assert DEFAULT.is_official(2026)


@before_the_2027_notice
def test_a_year_whose_notice_is_not_out_yet_is_not_official() -> None:
    assert not DEFAULT.is_official(2027)
    assert not DEFAULT.is_official(2030)


def test_a_year_the_package_only_computes_still_has_its_statutory_holidays() -> None:
    assert_rest_days("2027-01-01", "2027-10-01", "2027-10-02")


def test_without_the_package_table_the_last_official_year_falls_back_to_a_constant(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delattr(holidays.countries.china.ChinaStaticHolidays, "special_public_holidays")
    rest_days.computed_last_official_year.cache_clear()
    try:
        assert rest_days.computed_last_official_year() == FALLBACK_YEAR
    finally:
        rest_days.computed_last_official_year.cache_clear()


def test_the_fallback_constant_is_no_later_than_the_installed_package() -> None:
    assert rest_days.computed_last_official_year() >= FALLBACK_YEAR


# -- administrator overrides -----------------------------------------------------------


@before_the_2027_notice
def test_an_override_marks_a_year_official_once_its_notice_is_entered() -> None:
    calendar = WorkingCalendar((CalendarOverride(2027, official=True),))
    assert calendar.is_official(2027)
    assert not DEFAULT.is_official(2027)


def test_an_override_can_withdraw_trust_from_a_year() -> None:
    calendar = WorkingCalendar((CalendarOverride(2026, official=False),))
    assert not calendar.is_official(2026)


def test_an_override_without_an_official_flag_leaves_the_package_to_decide() -> None:
    calendar = WorkingCalendar((CalendarOverride(2026, rest_days={"2026-11-23"}),))
    assert calendar.is_official(2026)


def test_override_days_win_over_the_package() -> None:
    calendar = WorkingCalendar(
        (CalendarOverride(2026, rest_days={"2026-11-23"}, working_days={"2026-02-15", "2026-11-22"}),)
    )
    assert_rest_days("2026-11-23", calendar=calendar)
    assert_working_days("2026-02-15", "2026-11-22", calendar=calendar)
    assert_working_days("2026-11-24", calendar=calendar)


def test_an_override_enters_next_years_notice_when_it_is_published() -> None:
    # A made-up 2027 notice: Spring Festival rest 5-12 February, make-up Saturdays 13 and 20.
    notice_2027 = CalendarOverride(
        2027,
        rest_days=span("2027-02-05", "2027-02-12"),
        working_days={"2027-02-13", "2027-02-20"},
        official=True,
    )
    calendar = DEFAULT.with_override(notice_2027)
    assert_rest_days(*span("2027-02-05", "2027-02-12"), calendar=calendar)
    assert_working_days("2027-02-13", "2027-02-20", calendar=calendar)
    assert calendar.is_official(2027)


def test_an_official_notice_is_exactly_the_administrators_days_not_the_packages_guess() -> None:
    # Issue 15.9: the package guesses New Year's Day 2027 is a rest day; this notice does not.
    notice_2027 = CalendarOverride(2027, rest_days={"2027-01-04"}, working_days={"2027-01-09"}, official=True)
    calendar = DEFAULT.with_override(notice_2027)
    assert_rest_days("2027-01-04", "2027-01-02", "2027-01-03", calendar=calendar)
    assert_working_days("2027-01-01", "2027-01-09", calendar=calendar)
    assert_rest_days("2027-01-01", calendar=DEFAULT)
    # Not marked official, an override corrects the package's days.
    corrected = DEFAULT.with_override(CalendarOverride(2027, rest_days={"2027-01-04"}))
    assert_rest_days("2027-01-01", "2027-01-04", calendar=corrected)


def test_an_override_accepts_dates_or_iso_strings() -> None:
    assert CalendarOverride(2026, rest_days={"2026-11-23"}) == CalendarOverride(
        2026, rest_days=frozenset({date(2026, 11, 23)})
    )


def test_an_override_refuses_a_day_of_another_year() -> None:
    with pytest.raises(ValueError, match="2027-01-04"):
        CalendarOverride(2026, rest_days={"2027-01-04"})


def test_an_override_refuses_a_day_that_is_both_rest_and_working() -> None:
    with pytest.raises(ValueError, match="both rest and working: 2026-11-23"):
        CalendarOverride(2026, rest_days={"2026-11-23"}, working_days={"2026-11-23"})


def test_a_calendar_refuses_two_overrides_for_one_year() -> None:
    with pytest.raises(ValueError, match="more than one calendar override for 2026"):
        WorkingCalendar((CalendarOverride(2026), CalendarOverride(2026, official=True)))


def test_with_override_replaces_the_years_earlier_override() -> None:
    first = DEFAULT.with_override(CalendarOverride(2026, rest_days={"2026-11-23"}))
    second = first.with_override(CalendarOverride(2026, rest_days={"2026-11-24"}))
    assert second.overrides == (CalendarOverride(2026, rest_days={"2026-11-24"}),)
    assert_working_days("2026-11-23", calendar=second)
    assert_rest_days("2026-11-23", calendar=first)


# -- a value, on Beijing dates ------------------------------------------------------------


def test_equal_calendars_compare_and_hash_equal_whatever_they_have_cached() -> None:
    used = WorkingCalendar((CalendarOverride(2026, official=True),))
    used.is_working_day(date(2026, 2, 14))
    fresh = WorkingCalendar((CalendarOverride(2026, official=True),))
    assert used == fresh
    assert hash(used) == hash(fresh)
    assert WorkingCalendar() == DEFAULT


def test_a_datetime_is_looked_up_by_its_beijing_date() -> None:
    friday_17_utc = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)  # Saturday 01:00 in Beijing
    assert shanghai_date(friday_17_utc) == date(2026, 11, 21)
    assert not DEFAULT.is_working_day(friday_17_utc)
    assert DEFAULT.is_working_day(datetime(2026, 11, 20, 23, 0, tzinfo=SHANGHAI))


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        DEFAULT.is_working_day(datetime(2026, 11, 20, 16, 0))


def test_a_report_due_on_a_rest_day_moves_to_the_next_working_day() -> None:
    assert DEFAULT.working_day_on_or_after(date(2026, 1, 3)) == date(2026, 1, 4)  # make-up Sunday
    assert DEFAULT.working_day_on_or_after(date(2026, 10, 3)) == date(2026, 10, 8)
    assert DEFAULT.working_day_on_or_after(date(2026, 4, 3)) == date(2026, 4, 3)


def test_people_read_a_due_time_as_its_last_day_never_the_next_days_midnight() -> None:
    from hotline_core.domain.calendar import SHANGHAI, human_due

    assert human_due(datetime(2026, 11, 26, 0, 0, tzinfo=SHANGHAI)) == "11-25 24:00"
    assert human_due(datetime(2026, 10, 9, 0, 0, tzinfo=SHANGHAI), whole_day="当日") == "10-08 当日"
    assert human_due(datetime(2026, 11, 25, 16, 0, tzinfo=SHANGHAI)) == "11-25 16:00"
    assert human_due(datetime(2026, 11, 25, 16, 0, tzinfo=SHANGHAI).astimezone(UTC)) == "11-25 16:00"
