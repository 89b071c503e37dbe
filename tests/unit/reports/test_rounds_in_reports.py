"""Issue 15: the summary and the assessment count every round of a redone order.

R1 (a complaint, received Monday 3 August 09:00, close due Thursday 09:00): feedback a
day late, rated unsatisfied, the rating reported a day late, sent back for redo, then
answered in time and never rated again. R2 (a consultation): answered in time, rated
unsatisfied and reported at once, redone, then rated satisfied. Both are the rights
department's, at the prefecture level.
"""

from __future__ import annotations

import pytest

from hotline_core.domain.reports.assessment import annual_assessment
from hotline_core.domain.reports.counting import OnTime, Ratings
from hotline_core.domain.reports.quarterly import quarterly_summary
from tests.support import at
from tests.unit.reports.known import start

NOW = at("2026-11-30 12:00")
PHONE = {"no_image_reason": "电话答复"}


@pytest.fixture(scope="module")
def redone() -> list:
    r1 = start("R1", "08-03 09:00", "州本级", "complaint", "rights", "physical", "13900000021", "拖欠工资")
    r1.on("08-03 09:10", "sign").on("08-03 09:20", "contact")
    r1.on("08-07 10:00", "feedback", text="已协调", **PHONE).on("08-07 11:00", "rate", level="unsatisfied")
    r1.on("08-11 10:00", "report_unsatisfied", text="已报告").on("08-11 11:00", "redo")
    r1.on("08-12 10:00", "feedback", text="已重新协调", **PHONE)
    r2 = start("R2", "08-04 09:00", "州本级", "consultation", "rights", "physical", "13900000022", "咨询")
    r2.on("08-04 09:10", "sign").on("08-04 09:20", "contact")
    r2.on("08-04 10:00", "feedback", text="已答复", **PHONE).on("08-04 11:00", "rate", level="unsatisfied")
    r2.on("08-04 12:00", "report_unsatisfied", text="已报告").on("08-04 14:00", "redo")
    r2.on("08-05 09:00", "feedback", text="已重新答复", **PHONE).on("08-05 10:00", "rate", level="satisfied")
    r2.on("08-05 11:00", "close")
    return [r1.order, r2.order]


def test_the_quarterly_summary_counts_the_earlier_rounds(redone) -> None:
    f = quarterly_summary(redone, "2026Q3", NOW).total.figures
    assert f.received == 2 and f.redone == 2 and f.redo_rate == 1.0
    assert f.close == OnTime(2, 0, 0)  # the rounds now running were answered in time
    # R1's first round: close breached and the unsatisfied rating reported late.
    assert (f.earlier_breached, f.unsatisfied_late, f.overdue, f.handling_overdue) == (1, 1, 1, 1)
    # The last rating of each order: R1 still unsatisfied (not rated again), R2 satisfied.
    assert f.ratings == Ratings(satisfied=1, basically_satisfied=0, unsatisfied=1)


def test_the_assessment_holds_the_unit_to_its_earlier_rounds(redone) -> None:
    rights = next(u for u in annual_assessment(redone, "2026", NOW).units if u.unit.name == "维权部")
    f = rights.figures
    assert (f.earlier_breached, f.unsatisfied_late, f.handling_overdue) == (1, 1, 1)
    assert f.ratings.rate == 0.5
    assert rights.punctuality == 0.5


def test_the_summary_counts_orders_with_a_step_entered_after_the_fact() -> None:
    late = start("B1", "08-03 09:00", "州本级", "complaint", "rights", "physical", "13900000023", "无障碍")
    late.on("08-03 09:10", "sign").on("08-03 10:40", "contact", at="2026-08-03T10:05:00+08:00")
    plain = start("B2", "08-03 09:00", "州本级", "complaint", "rights", "physical", "13900000024", "无障碍")
    plain.on("08-03 09:10", "sign").on("08-03 10:40", "contact")
    f = quarterly_summary([late.order, plain.order], "2026Q3", NOW).total.figures
    assert f.back_entered == 1


def test_the_summary_counts_what_finished_orders_came_to(redone) -> None:
    explained = start(
        "E1", "08-03 09:00", "州本级", "consultation", "rights", "physical", "13900000025", "补贴"
    )
    explained.on("08-03 09:10", "sign").on("08-03 09:20", "contact")
    explained.on("08-03 10:00", "feedback", text="已解释政策", **PHONE).on(
        "08-03 11:00", "close", outcome="explained"
    )
    declined = start(
        "D9", "08-03 09:00", "州本级", "complaint", "rights", "physical", "13900000026", "经营纠纷"
    )
    declined.on("08-03 09:10", "decline", reason="commercial", explanation="属经营行为", guidance="市场监管")
    orders = [*redone, explained.order, declined.order]
    f = quarterly_summary(orders, "2026Q3", NOW).total.figures
    # R2 closed (solved by default); R1 still handling after its redo: no outcome yet.
    assert {o.value: n for o, n in f.outcomes.items()} == {
        "solved": 1,
        "explained": 1,
        "referred": 0,
        "declined": 1,
    }
