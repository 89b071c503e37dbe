"""The summary table (汇总表) of 2026Q3 over the known orders, every figure computed by hand.

See ``known.py`` for each order's story. As of the end of Q3 (1 Oct 00:00):
D1 (received 30 Sep) still has its close limit running; P3's close limit
does not apply (petition); T1 and T2 left without handling, so only their
sign limits count.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from hotline_core.domain.reports.counting import OnTime, Ratings
from hotline_core.domain.reports.facts import as_of, handling_unit
from hotline_core.domain.reports.quarterly import (
    QuarterlySummary,
    SummaryRow,
    quarterly_summary,
)
from hotline_core.domain.vocabulary import AppealType as T
from hotline_core.domain.vocabulary import BusinessArea as A
from hotline_core.domain.vocabulary import Place
from tests.support import at
from tests.unit.reports.known import NOW, moment


@pytest.fixture(scope="module")
def q3(orders) -> QuarterlySummary:
    return quarterly_summary(orders.values(), "2026Q3", NOW)


def row(summary: QuarterlySummary, place: Place | None) -> SummaryRow:
    return summary.total if place is None else next(r for r in summary.rows if r.place is place)


def counts(r: SummaryRow) -> dict[str, int]:
    f = r.figures
    return {
        "received": f.received,
        "overdue": f.overdue,
        "returned": f.returned,
        "declined": f.declined,
        "extended": f.extended,
        "emergency": f.emergency,
        "petition": f.petition,
        "redone": f.redone,
        "open_at_end": r.open_at_end,
    }


def test_the_table_is_evaluated_at_the_end_of_the_quarter_when_run_later(q3) -> None:
    assert q3.as_of == at("2026-10-01 00:00")


def test_one_row_per_place_in_the_fixed_order_then_the_total(q3) -> None:
    assert [r.label for r in q3.rows] == [
        "州本级",
        "延吉市",
        "图们市",
        "敦化市",
        "珲春市",
        "龙井市",
        "和龙市",
        "汪清县",
        "安图县",
    ]
    assert q3.total.label == "合计"


# -- counts per place -------------------------------------------------------------

EXPECTED_COUNTS = {
    Place.PREFECTURE: dict(
        received=4,
        overdue=1,
        returned=0,
        declined=0,
        extended=1,
        emergency=1,
        petition=1,
        redone=0,
        open_at_end=1,
    ),  # A1 contact late; P3 open
    Place.YANJI: dict(
        received=4,
        overdue=3,
        returned=0,
        declined=0,
        extended=0,
        emergency=0,
        petition=0,
        redone=0,
        open_at_end=1,
    ),  # Y2, Y3, U1 late; U1 open
    Place.TUMEN: dict(
        received=2,
        overdue=0,
        returned=1,
        declined=1,
        extended=0,
        emergency=0,
        petition=0,
        redone=0,
        open_at_end=0,
    ),
    Place.DUNHUA: dict(
        received=1,
        overdue=0,
        returned=0,
        declined=0,
        extended=0,
        emergency=0,
        petition=0,
        redone=0,
        open_at_end=1,
    ),  # D1 closed only in October
    Place.HUNCHUN: dict(
        received=1,
        overdue=0,
        returned=0,
        declined=0,
        extended=0,
        emergency=0,
        petition=0,
        redone=1,
        open_at_end=0,
    ),
    Place.LONGJING: dict(
        received=1,
        overdue=0,
        returned=0,
        declined=0,
        extended=0,
        emergency=0,
        petition=0,
        redone=0,
        open_at_end=0,
    ),
    Place.HELONG: dict.fromkeys(
        (
            "received",
            "overdue",
            "returned",
            "declined",
            "extended",
            "emergency",
            "petition",
            "redone",
            "open_at_end",
        ),
        0,
    ),
    Place.WANGQING: dict(
        received=0,
        overdue=0,
        returned=0,
        declined=0,
        extended=0,
        emergency=0,
        petition=0,
        redone=0,
        open_at_end=1,
    ),  # W0, received in Q2, still open
    Place.ANTU: dict.fromkeys(
        (
            "received",
            "overdue",
            "returned",
            "declined",
            "extended",
            "emergency",
            "petition",
            "redone",
            "open_at_end",
        ),
        0,
    ),
    None: dict(
        received=13,
        overdue=4,
        returned=1,
        declined=1,
        extended=1,
        emergency=1,
        petition=1,
        redone=1,
        open_at_end=4,
    ),
}


@pytest.mark.parametrize("place", list(EXPECTED_COUNTS), ids=lambda p: p.value if p else "total")
def test_counts_per_place(q3, place) -> None:
    assert counts(row(q3, place)) == EXPECTED_COUNTS[place]


# -- on time ----------------------------------------------------------------------

EXPECTED_LIMITS = {
    #              sign            contact          close
    Place.PREFECTURE: (OnTime(4, 0, 0), OnTime(3, 1, 0), OnTime(3, 0, 0)),  # P3's close exempt
    Place.YANJI: (OnTime(2, 2, 0), OnTime(2, 2, 0), OnTime(2, 2, 0)),  # Y2 signed late; U1 never
    # A return lifts them; T2's decline lifts contact and meets close in time (issue 15.7).
    Place.TUMEN: (OnTime(2, 0, 0), OnTime(0, 0, 0), OnTime(1, 0, 0)),
    Place.DUNHUA: (OnTime(1, 0, 0), OnTime(1, 0, 0), OnTime(0, 0, 1)),  # close still running
    Place.HUNCHUN: (OnTime(1, 0, 0), OnTime(1, 0, 0), OnTime(1, 0, 0)),  # closed within the redo's limit
    Place.LONGJING: (OnTime(1, 0, 0), OnTime(1, 0, 0), OnTime(1, 0, 0)),
    None: (OnTime(11, 2, 0), OnTime(8, 3, 0), OnTime(8, 2, 1)),
}


@pytest.mark.parametrize("place", list(EXPECTED_LIMITS), ids=lambda p: p.value if p else "total")
def test_sign_contact_and_close_on_time_late_and_running(q3, place) -> None:
    f = row(q3, place).figures
    assert (f.sign, f.contact, f.close) == EXPECTED_LIMITS[place]


def test_on_time_rates_leave_out_what_is_still_running_and_what_does_not_apply(q3) -> None:
    f = q3.total.figures
    assert (f.sign.rate, f.contact.rate, f.close.rate) == (11 / 13, 8 / 11, 8 / 10)
    tumen = row(q3, Place.TUMEN).figures
    assert (tumen.sign.rate, tumen.contact.rate, tumen.close.rate) == (1.0, None, 1.0)
    assert row(q3, Place.DUNHUA).figures.close.rate is None


def test_a_late_signature_is_late_however_well_the_order_ended(q3) -> None:
    yanji = row(q3, Place.YANJI).figures
    assert yanji.sign.late == 2 and yanji.ratings.basically_satisfied == 1  # Y2: late, then fine


# -- classification ---------------------------------------------------------------


def test_by_appeal_type_and_business_area(q3) -> None:
    f = q3.total.figures
    assert f.by_type == {T.CONSULTATION: 2, T.HELP: 4, T.COMPLAINT: 5, T.REPORT: 1, T.SUGGESTION: 1}
    assert f.by_area == {
        A.RIGHTS: 2,
        A.ORGANIZATION: 1,
        A.REHABILITATION: 3,
        A.EDUCATION: 1,
        A.EMPLOYMENT: 2,
        A.SOCIAL_SECURITY: 2,
        A.PUBLICITY: 0,
        A.CULTURE_SPORTS: 1,
        None: 1,
    }
    yanji = row(q3, Place.YANJI).figures
    assert yanji.by_type == {T.CONSULTATION: 1, T.HELP: 1, T.COMPLAINT: 2, T.REPORT: 0, T.SUGGESTION: 0}
    assert yanji.by_area[None] == 1 and yanji.by_area[A.EMPLOYMENT] == 1


# -- ratings ----------------------------------------------------------------------


def test_ratings_of_each_level_and_the_satisfaction_rate(q3) -> None:
    assert q3.total.figures.ratings == Ratings(satisfied=5, basically_satisfied=1, unsatisfied=1)
    assert q3.total.figures.ratings.rate == pytest.approx(6 / 7)
    assert row(q3, Place.YANJI).figures.ratings.rate == pytest.approx(2 / 3)
    assert row(q3, Place.TUMEN).figures.ratings.rate is None


def test_a_redone_order_counts_the_rating_that_stands(q3) -> None:
    assert row(q3, Place.HUNCHUN).figures.ratings == Ratings(satisfied=1)


def test_the_total_is_the_sum_of_the_rows(q3) -> None:
    for name in (
        "received",
        "overdue",
        "returned",
        "declined",
        "extended",
        "emergency",
        "petition",
        "redone",
    ):
        assert getattr(q3.total.figures, name) == sum(getattr(r.figures, name) for r in q3.rows)
    assert q3.total.open_at_end == sum(r.open_at_end for r in q3.rows)


# -- across the quarter boundary ----------------------------------------------------


def test_an_order_closed_in_the_next_quarter_is_open_at_the_end_of_its_own(orders) -> None:
    d1 = orders["D1"]
    assert d1.state.closed_at == moment("10-09 12:00")
    assert as_of(d1, at("2026-10-01 00:00")).state.closed_at is None


def test_the_next_quarter_counts_its_own_receipts_and_the_backlog_as_of_now(orders) -> None:
    q4 = quarterly_summary(orders.values(), "2026Q4", NOW)
    assert q4.as_of == NOW
    assert q4.total.figures.received == 1  # X1 only: D1 belongs to Q3
    assert row(q4, Place.YANJI).figures.sign == OnTime(0, 1, 0)
    assert {r.label: r.open_at_end for r in q4.rows if r.open_at_end} == {
        "州本级": 1,
        "延吉市": 2,
        "汪清县": 1,
    }


def test_a_period_not_over_yet_is_evaluated_at_now(orders) -> None:
    mid = quarterly_summary(orders.values(), "2026Q3", at("2026-08-04 12:00"))
    f = mid.total.figures
    assert mid.as_of == at("2026-08-04 12:00")
    assert f.received == 6  # Y1 Y2 Y3 T1 T2 P1; P2 arrives at 14:00
    assert (f.extended, row(mid, Place.PREFECTURE).figures.close) == (1, OnTime(0, 0, 1))
    assert mid.total.open_at_end == 2  # P1 in handling, and W0 from Q2


def test_one_county_files_its_own_row(orders) -> None:
    yanji = quarterly_summary(orders.values(), "2026Q3", NOW, county=Place.YANJI)
    assert [r.place for r in yanji.rows] == [Place.YANJI]
    assert yanji.total.figures == yanji.rows[0].figures
    assert counts(yanji.rows[0]) == EXPECTED_COUNTS[Place.YANJI]


def test_a_corrected_place_moves_the_order_to_its_row(story) -> None:
    s = story(id="C1", received_at="2026-07-14T09:00:00+08:00").do("sign").do("record", county="图们市")
    summary = quarterly_summary([s.order], "2026Q3", NOW)
    assert (row(summary, Place.YANJI).figures.received, row(summary, Place.TUMEN).figures.received) == (0, 1)


def test_the_handling_unit_is_the_last_one_the_order_was_passed_to(orders) -> None:
    assert [handling_unit(orders[i]).name for i in ("Y1", "L1", "A1")] == ["维权部", "龙井市", "康复部"]


def test_rates_are_fractions_of_decided_limits() -> None:
    assert OnTime(3, 1, 5).rate == Fraction(3, 4)
    assert OnTime(0, 0, 2).rate is None
