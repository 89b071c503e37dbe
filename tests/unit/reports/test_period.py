"""Report periods read the way clerks write them, in Beijing time."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hotline_core.domain.problems import InvalidInput
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.reports.period import Period, as_period
from tests.support import at


@pytest.mark.parametrize(
    ("text", "first", "last", "months"),
    [
        ("2026Q3", date(2026, 7, 1), date(2026, 9, 30), 3),
        ("2026q1", date(2026, 1, 1), date(2026, 3, 31), 3),
        ("2026-07..2026-09", date(2026, 7, 1), date(2026, 9, 30), 3),
        ("2026-11..2027-02", date(2026, 11, 1), date(2027, 2, 28), 4),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29), 1),
        ("2026", date(2026, 1, 1), date(2026, 12, 31), 12),
        (" 2026-7 .. 2026-8 ", date(2026, 7, 1), date(2026, 8, 31), 2),
    ],
)
def test_a_period_is_read_from_a_quarter_a_month_range_or_a_year(text, first, last, months) -> None:
    period = Period.parse(text)
    assert (period.first_day, period.last_day, period.months) == (first, last, months)


@pytest.mark.parametrize(
    "text", ["", "2026Q5", "2026-13", "2026-09..2026-07", "Q3", "26", "2026-07..", "去年"]
)
def test_anything_else_is_refused_naming_the_period_field(text) -> None:
    with pytest.raises(InvalidInput) as refused:
        Period.parse(text)
    assert [(p.field, p.code) for p in refused.value.problems] == [("period", "bad_period")]


def test_a_period_runs_from_midnight_to_midnight_beijing_time() -> None:
    q3 = Period.parse("2026Q3")
    assert (q3.start, q3.end) == (at("2026-07-01 00:00"), at("2026-10-01 00:00"))
    assert q3.contains(at("2026-09-30 23:59")) and not q3.contains(at("2026-10-01 00:00"))
    assert not q3.contains(at("2026-06-30 23:59"))


def test_a_utc_receipt_counts_by_its_beijing_date() -> None:
    q3 = Period.parse("2026Q3")
    assert q3.contains(datetime.fromisoformat("2026-06-30T16:30:00+00:00"))  # 1 July 00:30 in Beijing
    assert not q3.contains(datetime.fromisoformat("2026-09-30T16:00:00+00:00"))  # 1 October 00:00


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("2026Q3", "2026Q2"),
        ("2026Q1", "2025Q4"),
        ("2026", "2025"),
        ("2026-07..2026-09", "2026Q2"),
        ("2026-01..2026-02", "2025-11..2025-12"),
        ("2026-03", "2026-02"),
    ],
)
def test_the_previous_period_has_the_same_length(text, previous) -> None:
    assert Period.parse(text).previous() == Period.parse(previous)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("2026Q3", "2026Q3", "2026年第三季度"),
        ("2026", "2026", "2026年"),
        ("2026-07", "2026-07", "2026年7月"),
        ("2026-07..2026-08", "2026-07..2026-08", "2026年7月至8月"),
        ("2026-11..2027-01", "2026-11..2027-01", "2026年11月至2027年1月"),
    ],
)
def test_a_period_names_itself_as_it_is_typed_and_in_chinese(text, name, label) -> None:
    period = Period.parse(text)
    assert (str(period), period.label) == (name, label)
    assert Period.parse(str(period)) == period


def test_a_quarter_value_or_its_text_are_accepted_where_a_period_is() -> None:
    assert as_period(Quarter(2026, 3)) == as_period("2026Q3") == Period(date(2026, 7, 1), 3)
    assert Period.parse("2026Q3").month_starts() == (date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1))
