"""Issue 18: a policy per unit, county orders, orders between levels, government departments."""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime

import pytest

from hotline_core.domain.events import Command
from hotline_core.domain.intake import parse_order
from hotline_core.domain.levels import unit_deadlines
from hotline_core.domain.lifecycle import perform, receive
from hotline_core.domain.limits import LimitEvaluator, LimitState, dispatch_deadlines
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Organization, Person, Unit
from hotline_core.domain.policy import PolicySchedule
from hotline_core.domain.policy_change import new_version
from hotline_core.domain.problems import InvalidInput, Refused
from hotline_core.domain.vocabulary import AppealType, Place, Role
from tests.support import COMPLETE_FORM, HANDLER, YANJI_CLERK, at

YANJI_STAFF = Person("yanji2", {Role.COUNTY_CLERK}, county=Place.YANJI)
ORG = Organization(staff=(("延吉市", "yanji"), ("延吉市", "yanji2")))


def county_policy(
    effective: str = "2026-09-01 00:00", schedule: PolicySchedule | None = None, **changes: str
) -> PolicySchedule:
    """The schedule with 延吉市's own version (close 48h unless said otherwise), set the month before."""
    base = schedule or PolicySchedule()
    version = new_version(
        base,
        Place.YANJI,
        at(effective),
        "延市残联发〔2026〕5号",
        changes or {"close": "48h"},
        "admin",
        at("2026-08-20 09:00"),
    )
    return base.with_version(version)


def county_order(received: str, order_id: str = "Y1", **changes: str) -> WorkOrder:
    """An order 延吉市 took in through its own channels."""
    form = {**COMPLETE_FORM, "id": order_id, "received_at": at(received).isoformat(), **changes}
    form["call_date"] = at(received).date().isoformat()
    return receive(parse_order(form), "yanji", Place.YANJI)


def prefecture_order(received: str, order_id: str = "P1") -> WorkOrder:
    form = {**COMPLETE_FORM, "id": order_id, "received_at": at(received).isoformat()}
    form["call_date"] = at(received).date().isoformat()
    return receive(parse_order(form))


def close_due(order: WorkOrder, schedule: PolicySchedule) -> datetime | None:
    return LimitEvaluator(at("2026-09-30 17:00"), schedule=schedule).limits(order)["close"].due


# -- a policy per unit ----------------------------------------------------------------------


def test_a_county_with_a_48_hour_close_limit_times_its_own_orders_by_it_over_national_day() -> None:
    # Received Wednesday 2026-09-30 16:00, the eve of National Day (10-01..10-07 rest, Saturday
    # 10-10 a make-up working day): 8 h on 09-30, then 10-08 and 10-09 count.
    schedule = county_policy()
    assert close_due(county_order("2026-09-30 16:00"), schedule) == at("2026-10-09 16:00")
    # The prefecture keeps 72 working hours: 8 + 24 + 24, then 16 h of the make-up Saturday.
    assert close_due(prefecture_order("2026-09-30 16:00"), schedule) == at("2026-10-10 16:00")


def test_hotline_deadlines_for_a_county_answer_with_its_policy() -> None:
    schedule = county_policy()
    received = at("2026-09-30 16:00")
    county = dispatch_deadlines(received, AppealType.COMPLAINT, schedule=schedule, unit=Place.YANJI)
    prefecture = dispatch_deadlines(received, AppealType.COMPLAINT, schedule=schedule)
    other = dispatch_deadlines(received, AppealType.COMPLAINT, schedule=schedule, unit=Place.TUMEN)
    assert county["close"].due == at("2026-10-09 16:00")
    assert prefecture["close"].due == other["close"].due == at("2026-10-10 16:00")


def test_a_county_rule_looser_than_the_prefectures_is_refused_naming_the_limit() -> None:
    with pytest.raises(InvalidInput) as refused:
        county_policy(close="96h")
    problems = {p.field: dict(p.params) for p in refused.value.problems}
    assert problems["close.complaint"] == {
        "limit": "close.complaint",
        "county": "96h@working_day",
        "prefecture": "72h@working_day",
    }
    assert "72h@working_day" in refused.value.problems[0].message()


@pytest.mark.parametrize(
    "change",
    [{"contact": "24h@office_hours"}, {"sign": "1h@office_hours", "office_hours": "09:00-11:30,13:00-17:00"}],
    ids=["a clock that counts less", "office hours that cover less"],
)
def test_a_county_clock_that_counts_less_time_is_looser_too(change: dict[str, str]) -> None:
    with pytest.raises(InvalidInput) as refused:
        county_policy(**change)
    assert all(p.code == "policy_looser" for p in refused.value.problems)


def test_a_stricter_clock_or_wider_office_hours_are_allowed() -> None:
    schedule = county_policy(contact="12h@natural", office_hours="08:00-11:30,13:00-17:30", due_soon="0.5")
    policy = schedule.policy_for(at("2026-10-01 00:00"), Place.YANJI)
    assert policy.contact.length.total_seconds() == 12 * 3600 and policy.due_soon_fraction == 0.5


def test_a_policy_change_applies_only_to_orders_received_after_it() -> None:
    schedule = county_policy(effective="2026-10-09 00:00")
    before = county_order("2026-10-08 10:00", "Y1")  # the prefecture's 72 hours, as when it came
    after = county_order("2026-10-09 10:00", "Y2")
    plan = LimitEvaluator(at("2026-10-09 11:00"), schedule=schedule)
    # 72 h: 14 h of Thursday, Friday, the make-up Saturday, 10 h of Monday (48 h: 10-10 10:00).
    assert plan.limits(before)["close"].due == at("2026-10-12 10:00")
    # 48 h: 14 h of Friday, the make-up Saturday, 10 h of Monday (72 h: 10-13 10:00).
    assert plan.limits(after)["close"].due == at("2026-10-12 10:00")


def test_a_version_may_not_take_effect_before_it_is_set_nor_without_its_document() -> None:
    with pytest.raises(InvalidInput) as refused:
        new_version(
            PolicySchedule(),
            Place.YANJI,
            at("2026-08-01 00:00"),
            " ",
            {"close": "48h"},
            "admin",
            at("2026-08-20 09:00"),
        )
    assert {p.field for p in refused.value.problems} == {"document", "effective"}


# -- a county's own order, between levels -------------------------------------------------


def act(order: WorkOrder, action: str, who: Person, when: str, **data: str) -> WorkOrder:
    return perform(order, Command(action, data), who, at(when), ORG)


def test_a_county_order_is_the_countys_own_at_its_level_and_the_prefecture_only_supervises() -> None:
    order = county_order("2026-11-23 09:00")
    assert order.state.owner == order.state.level == Unit.county(Place.YANJI)
    assert not order.state.with_unit
    with pytest.raises(Refused):
        act(order, "sign", HANDLER, "2026-11-23 09:10")
    order = act(order, "sign", YANJI_CLERK, "2026-11-23 09:10")
    order = act(order, "supervise", HANDLER, "2026-11-23 09:20")
    assert order.state.open_supervisions[0].unit == Unit.county(Place.YANJI)


def test_a_county_assigns_its_order_to_its_own_staff_only() -> None:
    order = act(county_order("2026-11-23 09:00"), "sign", YANJI_CLERK, "2026-11-23 09:10")
    order = act(order, "assign", YANJI_CLERK, "2026-11-23 09:20", to="yanji2")
    assert order.state.assignee == "yanji2" and order.state.owner == Unit.county(Place.YANJI)
    with pytest.raises(InvalidInput) as refused:
        act(order, "assign", YANJI_CLERK, "2026-11-23 09:30", to="tumen")
    assert refused.value.problems[0].code == "not_county_staff"


def test_an_escalated_county_order_keeps_its_history_and_shows_both_units_limits() -> None:
    schedule = county_policy()
    order = act(county_order("2026-09-30 16:00"), "sign", YANJI_CLERK, "2026-09-30 16:10")
    order = act(order, "escalate", YANJI_CLERK, "2026-09-30 16:30")
    assert order.state.level == order.state.owner == Unit("rights_dept", "维权部")
    order = act(order, "contact", HANDLER, "2026-09-30 16:40")  # the prefecture handles it now
    assert [e.action.value for e in order.events] == ["receive", "sign", "escalate", "contact"]
    official, prefecture = unit_deadlines(order, schedule=schedule)
    assert (official.unit, official.official) == (Place.YANJI, True)
    assert official.due["close"].due == at("2026-10-09 16:00")  # still the county's 48 hours
    assert (prefecture.unit, prefecture.due["close"].due) == (Place.PREFECTURE, at("2026-10-10 16:00"))


def test_a_prefecture_order_transferred_down_shows_the_countys_internal_due_time_beside() -> None:
    schedule = county_policy()
    order = act(prefecture_order("2026-09-30 16:00"), "sign", HANDLER, "2026-09-30 16:10")
    order = act(order, "transfer", HANDLER, "2026-09-30 16:20", to="延吉市")
    official, internal = unit_deadlines(order, schedule=schedule)
    assert (official.unit, official.due["close"].due) == (Place.PREFECTURE, at("2026-10-10 16:00"))
    assert (internal.unit, internal.official) == (Place.YANJI, False)
    assert internal.due["close"].due == at("2026-10-09 16:00")
    # The order itself is still timed by the prefecture's policy: the center's 72 hours.
    assert close_due(order, schedule) == at("2026-10-10 16:00")


def test_both_units_due_times_run_from_the_fresh_dispatch_after_a_refused_return() -> None:
    # A timely return request refused on Thursday 10-08 09:00 (after National Day) dispatches
    # the order afresh: 72 working hours from then end Monday 10-12 09:00 (Saturday 10-10 is a
    # make-up day, Sunday rest), 延吉市's 48 on Saturday 10-10 09:00; not from the receipt.
    schedule = county_policy()
    order = act(prefecture_order("2026-09-30 16:00"), "request_return", HANDLER, "2026-09-30 16:10",
                reason="非残联职责", basis="三(一)3")  # fmt: skip
    order = act(order, "refuse_return", HANDLER, "2026-10-08 09:00")
    order = act(order, "sign", HANDLER, "2026-10-08 09:10")
    order = act(order, "transfer", HANDLER, "2026-10-08 09:20", to="延吉市")
    official, internal = unit_deadlines(order, schedule=schedule)
    assert official.due["close"].due == close_due(order, schedule) == at("2026-10-12 09:00")
    assert internal.due["close"].due == at("2026-10-10 09:00")
    assert official.due["contact"].due == at("2026-10-09 09:00")


# -- government departments -------------------------------------------------------------------


def test_an_order_passed_to_a_government_department_is_chased_and_answered_each_step_timed() -> None:
    order = act(prefecture_order("2026-11-23 09:00"), "sign", HANDLER, "2026-11-23 09:10")
    order = act(order, "refer", HANDLER, "2026-11-23 10:00", to="民政局")
    assert order.state.waiting_on == (Unit.government("民政局"),)
    order = act(order, "chase", HANDLER, "2026-11-25 10:00")
    limit = LimitEvaluator(at("2026-11-25 11:00")).limits(order)["referral_answer"]
    assert (limit.state, limit.due) == (LimitState.OPEN, at("2026-11-26 10:00"))
    order = act(order, "answer_referral", HANDLER, "2026-11-26 09:00", text="已纳入低保")
    (referral,) = order.state.referrals
    assert (referral.passed_at, referral.chased_at, referral.answered_at, referral.chases) == (
        at("2026-11-23 10:00"),
        at("2026-11-25 10:00"),
        at("2026-11-26 09:00"),
        1,
    )
    assert LimitEvaluator(at("2026-11-27 09:00")).limits(order)["referral_answer"].state is LimitState.MET
    assert order.state.waiting_on == ()


def test_only_a_listed_government_department_and_an_open_referral_can_be_chased() -> None:
    order = act(prefecture_order("2026-11-23 09:00"), "sign", HANDLER, "2026-11-23 09:10")
    with pytest.raises(Refused):
        act(order, "chase", HANDLER, "2026-11-23 09:20", to="民政局")
    with pytest.raises(InvalidInput) as refused:
        act(order, "refer", HANDLER, "2026-11-23 09:20", to="北京市民政局")
    assert refused.value.problems[0].code == "not_a_government_dept"
    order = act(order, "refer", HANDLER, "2026-11-23 09:30", to="民政局")
    with pytest.raises(Refused):
        act(order, "refer", HANDLER, "2026-11-23 09:40", to="民政局")


def test_the_plans_lookup_of_versions_agrees_with_the_schedule_version_by_version() -> None:
    """Many orders look their version up by bisection on ``starts``; one order by ``version_at``."""
    from datetime import timedelta

    from attrs import evolve

    from hotline_core.domain.policy import YANBIAN_2019

    legacy = ((at("2026-09-01 00:00"), evolve(YANBIAN_2019, name="legacy")),)
    schedule = county_policy("2026-10-01 00:00", PolicySchedule(YANBIAN_2019, legacy))
    set_at, changes = at("2026-08-20 09:00"), {"contact": "12h"}
    prefecture = new_version(
        schedule, Place.PREFECTURE, at("2026-11-01 00:00"), "州文", changes, "admin", set_at
    )
    schedule = county_policy("2026-12-01 00:00", schedule.with_version(prefecture), contact="6h")
    moment = at("2026-08-25 00:00")
    while moment < at("2027-01-01 00:00"):
        for unit in (Place.PREFECTURE, Place.YANJI, Place.TUMEN):
            moments, indexes = schedule.starts(unit)
            found = bisect_right(moments, moment)
            assert (indexes[found - 1] if found else 0) == schedule.version_at(moment, unit), (moment, unit)
        moment += timedelta(hours=37)
    assert schedule.policy_for(at("2026-12-02 00:00"), Place.TUMEN).name == "州本级-2026-11-01"
    assert schedule.policy_for(at("2026-11-02 00:00"), Place.YANJI).name == "延吉市-2026-10-01"
    assert schedule.policy_for(at("2026-12-02 00:00"), Place.YANJI).name == "延吉市-2026-12-01"
    assert schedule.policy_for(at("2026-09-02 00:00"), Place.YANJI).name == "legacy"
