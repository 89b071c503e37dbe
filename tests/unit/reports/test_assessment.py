"""The annual assessment (年度考核) of 2026 over the known orders, as of 30 November."""

from __future__ import annotations

from collections import Counter

import pytest

from hotline_core.domain.reports.assessment import (
    Assessment,
    UnitAssessment,
    Weights,
    annual_assessment,
    score,
)
from hotline_core.domain.reports.counting import OnTime, Ratings, figures_of
from tests.unit.reports.known import NOW


@pytest.fixture(scope="module")
def year(orders) -> Assessment:
    return annual_assessment(orders.values(), "2026", NOW)


def unit(report: Assessment, name: str) -> UnitAssessment:
    return next(u for u in report.units if u.unit.name == name)


def test_the_rights_department_and_every_county_are_listed_then_departments_with_orders(year) -> None:
    assert [u.unit.name for u in year.units] == [
        "维权部",
        "延吉市",
        "图们市",
        "敦化市",
        "珲春市",
        "龙井市",
        "和龙市",
        "汪清县",
        "安图县",
        "康复部",
    ]
    assert year.as_of == NOW


def test_the_rights_department_answers_for_every_signature(year) -> None:
    # 16 orders in 2026; Y2 signed late, U1 and X1 never signed.
    assert unit(year, "维权部").figures.sign == OnTime(13, 3, 0)
    assert unit(year, "龙井市").figures.sign == OnTime(0, 0, 0)


def test_the_rights_department_answers_for_the_orders_it_kept(year) -> None:
    f = unit(year, "维权部").figures
    assert f.received == 14  # all but L1 (龙井市) and A1 (康复部)
    # contact late: W0, Y3, U1, X1; T1 and T2 left without handling
    assert f.contact == OnTime(8, 4, 0)
    # close: P3 exempt (petition); D1 met on 9 October; T2's decline meets it (issue 15.7)
    assert f.close == OnTime(8, 4, 0)
    assert f.ratings == Ratings(satisfied=5, basically_satisfied=1, unsatisfied=1)
    # W0, Y3, U1, X1 and P3 (petition handling limit passed on 4 October); Y2's late sign is not handling
    assert (f.handling_overdue, f.overdue) == (5, 6)
    assert (f.returned, f.redone) == (1, 1)


def test_the_score_is_the_weighted_mean_of_the_rates(year) -> None:
    expected = 15 * 13 / 16 + 15 * 8 / 12 + 30 * 8 / 12 + 25 * 6 / 7 + 15 * 9 / 14  # weights sum to 100
    assert unit(year, "维权部").score == pytest.approx(expected)
    assert unit(year, "维权部").score == pytest.approx(73.26, abs=0.005)


def test_a_county_is_scored_on_the_orders_transferred_to_it(year) -> None:
    longjing = unit(year, "龙井市")
    assert (longjing.figures.received, longjing.figures.contact, longjing.figures.close) == (
        1,
        OnTime(1, 0, 0),
        OnTime(1, 0, 0),
    )
    assert longjing.score == 100.0


def test_a_department_without_ratings_shares_the_satisfaction_points_out(year) -> None:
    rehab = unit(year, "康复部")  # A1: contact late, closed on time, not rated, so overdue once
    assert (rehab.figures.contact, rehab.figures.close, rehab.punctuality) == (
        OnTime(0, 1, 0),
        OnTime(1, 0, 0),
        0.0,
    )
    assert rehab.score == pytest.approx((15 * 0 + 30 * 1 + 15 * 0) / (15 + 30 + 15) * 100)


def test_a_unit_without_orders_has_no_score(year) -> None:
    assert unit(year, "延吉市").score is None
    assert unit(year, "延吉市").figures.received == 0


def test_weights_are_configurable(orders) -> None:
    only_close = Weights(sign=0, contact=0, close=1, satisfaction=0, punctuality=0)
    report = annual_assessment(orders.values(), "2026", NOW, weights=only_close)
    assert unit(report, "维权部").score == pytest.approx(100 * 8 / 12)
    assert report.weights == only_close


def test_the_default_weights_sum_to_100() -> None:
    assert Weights().total == 100


@pytest.mark.parametrize(
    "bad", [dict(sign=-1), dict(sign=0, contact=0, close=0, satisfaction=0, punctuality=0)]
)
def test_weights_are_never_negative_and_not_all_zero(bad) -> None:
    with pytest.raises(ValueError):
        Weights(**bad)


def test_a_unit_with_only_running_limits_scores_on_punctuality(story) -> None:
    s = story(id="N1", received_at="2026-11-30T09:00:00+08:00").do("sign")
    report = annual_assessment([s.order], "2026", s.now)
    rights = unit(report, "维权部")
    assert rights.figures.contact == OnTime(0, 0, 1)
    assert rights.score == 100.0  # signed in time, nothing late yet


def test_nothing_to_count_gives_no_score() -> None:
    assert score(figures_of(Counter())) is None
