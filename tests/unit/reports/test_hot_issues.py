"""Hot and difficult issues (热点难点) of 2026Q3 against 2026Q2, over the known orders."""

from __future__ import annotations

from datetime import date

import pytest

from hotline_core.domain.privacy import mask_phone
from hotline_core.domain.reports.hotspots import (
    Change,
    HotIssues,
    MonthCount,
    RepeatCaller,
    hot_issues,
)
from hotline_core.domain.reports.period import Period
from hotline_core.domain.reports.phrases import Term, frequent_terms, keeps
from hotline_core.domain.vocabulary import Place


@pytest.fixture(scope="module")
def hot(orders) -> HotIssues:
    return hot_issues(orders.values(), "2026Q3")


def shares(breakdown) -> list[tuple[str | None, int, int]]:
    return [(s.code, s.count.current, s.count.previous) for s in breakdown]


def test_received_against_the_previous_quarter(hot) -> None:
    assert hot.previous == Period.parse("2026Q2")
    assert hot.received == Change(13, 2)  # W1 and W0 in Q2; X1 in Q4 is in neither
    assert (hot.received.change, hot.received.change_rate) == (11, 5.5)


def test_by_appeal_type_busiest_first(hot) -> None:
    assert shares(hot.by_type) == [
        ("complaint", 5, 1),
        ("help", 4, 1),
        ("consultation", 2, 0),
        ("report", 1, 0),
        ("suggestion", 1, 0),
    ]
    assert [s.label for s in hot.by_type][:2] == ["投诉", "生活帮助"]


def test_by_business_area_with_the_unrecorded_last_among_equals(hot) -> None:
    assert shares(hot.by_area) == [
        ("rehabilitation", 3, 0),
        ("rights", 2, 0),
        ("employment", 2, 1),
        ("social_security", 2, 1),
        ("organization", 1, 0),
        ("education", 1, 0),
        ("culture_sports", 1, 0),
        (None, 1, 0),
        ("publicity", 0, 0),
    ]


def test_by_place(hot) -> None:
    assert shares(hot.by_place) == [
        ("州本级", 4, 0),
        ("延吉市", 4, 1),
        ("图们市", 2, 0),
        ("敦化市", 1, 0),
        ("珲春市", 1, 0),
        ("龙井市", 1, 0),
        ("和龙市", 0, 0),
        ("汪清县", 0, 1),
        ("安图县", 0, 0),
    ]


def test_by_disability_category(hot) -> None:
    assert shares(hot.by_disability) == [
        ("physical", 4, 1),
        ("hearing", 2, 0),
        ("intellectual", 2, 0),
        ("visual", 1, 1),
        ("speech", 1, 0),
        ("mental", 1, 0),
        ("multiple", 1, 0),
        (None, 1, 0),
    ]
    assert hot.by_disability[-1].label == "未登记"


def test_a_change_against_an_empty_previous_period_has_no_rate(hot) -> None:
    hearing = next(s for s in hot.by_disability if s.code == "hearing")
    assert (hearing.count.change, hearing.count.change_rate) == (2, None)
    visual = next(s for s in hot.by_disability if s.code == "visual")
    assert (visual.count.change, visual.count.change_rate) == (0, 0.0)


def test_month_trend(hot) -> None:
    assert hot.trend == (
        MonthCount(date(2026, 7, 1), 5),
        MonthCount(date(2026, 8, 1), 6),
        MonthCount(date(2026, 9, 1), 2),
    )


def test_repeat_callers_are_counted_in_the_period_and_masked(hot) -> None:
    # W1 had the same phone, but in Q2.
    assert hot.repeat_callers == (RepeatCaller("138****0000", 2, ("Y1", "Y3"), (Place.YANJI,)),)


def test_the_most_frequent_words_count_appeals_not_repetitions(hot) -> None:
    top = {t.text: t.appeals for t in hot.words[:8]}
    assert top == {
        "拒绝": 3,
        "用人单位": 3,
        "申请": 3,
        "两项补贴": 2,
        "安排": 2,
        "就业": 2,
        "康复训练": 2,
        "补贴": 2,
    }  # Y3 says 两项补贴 twice: one appeal
    assert all(t.appeals == 1 for t in hot.words[8:])


def test_phrases_are_adjacent_words_shared_by_two_appeals(hot) -> None:
    assert hot.phrases == (Term("康复训练补贴", 2), Term("用人单位拒绝", 2))


def test_stop_words_punctuation_single_characters_and_numbers_are_dropped() -> None:
    assert [
        t for t in ("残疾人", "咨询", "，", "按", "2026", "三级", "十五", "两项补贴", "APP") if keeps(t)
    ] == ["三级", "两项补贴", "APP"]


def test_frequent_terms_of_plain_texts() -> None:
    words, phrases = frequent_terms(["盲道被占用", "盲道被车辆占用，2026年7月", "无障碍坡道损坏", ""], top=2)
    assert words == (Term("占用", 2), Term("盲道", 2))
    assert phrases == ()


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13800000000", "138****0000"),
        ("0433-2512345", "043****2345"),
        ("12345", "*****"),
        ("", ""),
    ],
)
def test_phones_are_masked_for_the_meeting(phone, masked) -> None:
    assert mask_phone(phone) == masked


def test_a_month_range_compares_with_the_months_just_before(orders) -> None:
    report = hot_issues(orders.values(), "2026-09..2026-10")
    assert (report.previous, report.received) == (Period.parse("2026-07..2026-08"), Change(3, 11))
    assert [m.count for m in report.trend] == [2, 1]
