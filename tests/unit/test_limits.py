"""Each order's limits and their states, as the queue and the center see them."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from hotline_core.domain.calendar import CalendarOverride, WorkingCalendar
from hotline_core.domain.limits import (
    LimitEvaluator,
    LimitState,
    dispatch_deadlines,
    next_due,
)
from hotline_core.domain.policy import YANBIAN_2019, Limit, PolicySchedule
from hotline_core.domain.vocabulary import AppealType
from tests.support import LEADER, YANJI_CLERK, at

OPEN, SOON, MET, LATE, NA = (
    LimitState.OPEN,
    LimitState.DUE_SOON,
    LimitState.MET,
    LimitState.BREACHED,
    LimitState.NOT_APPLICABLE,
)


def _limits_at(order, now: datetime) -> dict:
    return LimitEvaluator(now).limits(order)


def states(order, now: str) -> dict[str, LimitState]:
    return {name: s.state for name, s in _limits_at(order, at(now)).items()}


def due(order, name: str, now: str = "2026-11-20 16:00") -> datetime | None:
    return _limits_at(order, at(now))[name].due


# -- the SPEC's worked examples ---------------------------------------------


def test_a_complaint_received_friday_16_00_closes_by_wednesday_16_00(story) -> None:
    assert due(story().order, "close") == at("2026-11-25 16:00")


def test_a_complaint_received_saturday_10_00_closes_by_wednesday_24_00(story) -> None:
    order = story(received_at="2026-11-21T10:00:00+08:00").order
    assert due(order, "close") == at("2026-11-26 00:00")


def test_a_consultation_closes_within_24_working_hours(story) -> None:
    order = story(appeal_type="consultation").order
    assert due(order, "close") == at("2026-11-23 16:00")


def test_signing_and_returning_count_office_hours(story) -> None:
    order = story(received_at="2026-11-20T16:30:00+08:00").order
    assert due(order, "sign") == at("2026-11-23 09:00")


# -- states -----------------------------------------------------------------


def test_a_fresh_order_has_open_limits_and_the_rest_do_not_apply(story) -> None:
    found = states(story().order, "2026-11-20 16:05")
    assert found == {
        "sign": OPEN,
        "return": NA,
        "contact": OPEN,
        "close": OPEN,
        "emergency_reply": NA,
        "unsatisfied_report": NA,
        "extension_notice": NA,
        "supervision": NA,
        "petition_accept": NA,
        "petition_handle": NA,
        "referral_answer": NA,  # issue 18: only once a government department is chased
    }


def test_a_limit_is_due_soon_when_a_quarter_or_less_of_its_time_remains(story) -> None:
    order = story().order  # sign due 17:00, one office hour
    assert states(order, "2026-11-20 16:44")["sign"] is OPEN
    assert states(order, "2026-11-20 16:45")["sign"] is SOON
    assert states(order, "2026-11-20 17:00")["sign"] is SOON
    assert states(order, "2026-11-20 17:01")["sign"] is LATE


def test_met_in_time_stays_met_and_met_late_stays_breached(story) -> None:
    on_time = story().do("sign", after=timedelta(minutes=59)).order
    late = story().do("sign", after=timedelta(minutes=61)).order
    assert states(on_time, "2026-12-31 00:00")["sign"] is MET
    assert states(late, "2026-12-31 00:00")["sign"] is LATE
    assert _limits_at(late, at("2026-12-31 00:00"))["sign"].met_at == at("2026-11-20 17:01")


def test_a_return_request_answers_the_sign_limit_and_opens_the_return_limit(story) -> None:
    s = story().do("request_return", reason="非本单位职责", basis="三定方案", after=timedelta(minutes=30))
    found = states(s.order, "2026-11-20 16:40")
    assert found["sign"] is MET and found["return"] is MET
    assert due(s.order, "return") == at("2026-11-20 17:00")


def test_an_approved_return_lifts_what_was_still_unmet(story) -> None:
    s = story().do("request_return", reason="r", basis="b").do("approve_return")
    found = states(s.order, "2026-12-01 00:00")
    assert found["contact"] is NA and found["close"] is NA and found["sign"] is MET


def test_a_refused_return_restarts_the_clocks(story) -> None:
    s = story().do("request_return", reason="r", basis="b").do("refuse_return", after=timedelta(days=3))
    assert s.now == at("2026-11-23 16:01")
    assert due(s.order, "close") == at("2026-11-26 16:01")
    assert due(s.order, "contact") == at("2026-11-24 16:01")


def test_an_approved_extension_moves_the_close_due_time(story) -> None:
    s = story().do("sign").do("request_extension", until="2026-12-04T17:00:00+08:00", reason="需现场核查")
    s.do("approve_extension", LEADER, by="leader")
    assert due(s.order, "close") == at("2026-11-25 16:00")  # one approval is not enough
    s.do("approve_extension", by="center")
    assert due(s.order, "close") == at("2026-12-04 17:00")
    assert states(s.order, "2026-11-30 10:00")["close"] is OPEN


def test_an_extension_asked_for_after_the_close_due_time_is_refused_and_leaves_the_breach_standing(
    story,
) -> None:
    from hotline_core.domain.events import Event
    from hotline_core.domain.problems import Refused

    s = story().do("sign")
    with pytest.raises(Refused) as refused:  # Thu 11-26, due was Wed
        s.do("request_extension", after=timedelta(days=6), until="2026-12-04T17:00:00+08:00", reason="需核查")
    assert refused.value.problems[0].code == "extension_late"
    # A trail that holds such a request anyway (recorded before the rule) still moves nothing.
    late = at("2026-11-26 10:00")
    order = s.order.with_event(
        Event(
            late, "handler", "request_extension", data={"until": "2026-12-04T17:00:00+08:00", "reason": "x"}
        )
    )
    for by in ("leader", "center"):
        order = order.with_event(Event(late, by, "approve_extension", data={"by": by}))
    assert due(order, "close") == at("2026-11-25 16:00")
    assert states(order, "2026-11-30 10:00")["close"] is LATE


def test_a_second_extension_asked_for_within_the_first_moves_the_due_time_again(story) -> None:
    s = story().do("sign").do("request_extension", until="2026-11-27T17:00:00+08:00", reason="需现场核查")
    s.do("approve_extension", LEADER, by="leader").do("approve_extension", by="center")
    s.do("request_extension", after=timedelta(days=5), until="2026-12-04T17:00:00+08:00", reason="仍需协调")
    s.do("approve_extension", LEADER, by="leader").do("approve_extension", by="center")
    assert due(s.order, "close") == at("2026-12-04 17:00")


def test_a_redo_opens_a_new_close_deadline_without_the_old_extension(story) -> None:
    s = story(reply="已答复").do("sign").do("contact")
    s.do("request_extension", until="2026-11-27T17:00:00+08:00", reason="需现场核查")
    s.do("approve_extension", LEADER, by="leader").do("approve_extension", by="center")
    s.do("feedback", text="已办", no_image_reason="电话答复", after=timedelta(days=6)).do(
        "rate", level="unsatisfied"
    )
    s.do("report_unsatisfied", text="已解释").do("redo", after=timedelta(days=4))  # Mon 11-30 16:07
    assert due(s.order, "close") == at("2026-12-03 16:07")
    assert states(s.order, "2026-12-01 10:00")["close"] is OPEN


def test_legal_procedure_and_petition_lift_the_close_limit(story) -> None:
    legal = story().do("sign").do("legal_procedure").order
    assert states(legal, "2026-12-31 00:00")["close"] is NA
    petition = story().do("sign").do("route_petition").order
    found = states(petition, "2026-11-30 00:00")
    assert found["close"] is NA and found["petition_accept"] is OPEN
    assert due(petition, "petition_accept") == at("2026-12-05 16:02")
    assert due(petition, "petition_handle") == at("2027-01-19 16:02")


def test_an_exemption_recorded_after_the_close_due_time_leaves_the_breach_standing(story) -> None:
    late = story().do("sign").do("legal_procedure", after=timedelta(days=6)).order  # Thu 11-26
    assert states(late, "2026-12-31 00:00")["close"] is LATE
    late = story().do("sign").do("route_petition", after=timedelta(days=6)).order
    found = states(late, "2026-12-31 00:00")
    assert found["close"] is LATE and found["petition_accept"] is LATE


def test_the_first_reply_after_routing_answers_the_petition_acceptance(story) -> None:
    s = story().do("sign").do("route_petition").do("reply", text="已受理", after=timedelta(days=2))
    assert states(s.order, "2026-12-30 00:00")["petition_accept"] is MET


def test_an_emergency_needs_a_first_reply_within_an_hour_of_natural_time(story) -> None:
    s = story(received_at="2026-11-21T22:30:00+08:00", emergency=True)
    assert due(s.order, "emergency_reply") == at("2026-11-21 23:30")
    s.do("first_reply", text="已安排", after=timedelta(minutes=70))
    assert states(s.order, "2026-11-22 00:00")["emergency_reply"] is LATE


def test_an_unsatisfied_rating_must_be_reported_within_24_working_hours(story) -> None:
    s = story(reply="已答复").do("sign").do("contact").do("feedback", text="已办", no_image_reason="电话答复")
    s.do("rate", level="unsatisfied", after=timedelta(hours=1))  # Friday 17:03
    assert due(s.order, "unsatisfied_report") == at("2026-11-23 17:03")
    s.do("report_unsatisfied", text="已报告", after=timedelta(days=3, minutes=1))
    assert states(s.order, "2026-11-24 00:00")["unsatisfied_report"] is LATE


def test_supervision_gives_the_unit_24_working_hours(story) -> None:
    s = story().do("sign").do("transfer", to="延吉市").do("supervise")
    assert due(s.order, "supervision") == at("2026-11-23 16:03")
    s.do("submit_result", YANJI_CLERK, text="已办理")
    assert states(s.order, "2026-11-30 00:00")["supervision"] is MET


def test_redo_opens_a_new_close_deadline(story) -> None:
    s = story(reply="已答复").do("sign").do("contact").do("feedback", text="已办", no_image_reason="电话答复")
    s.do("rate", level="unsatisfied").do("report_unsatisfied", text="已解释").do("close")
    assert states(s.order, "2026-11-21 00:00")["close"] is MET
    s.do("redo", after=timedelta(days=3))  # Monday 16:06
    assert due(s.order, "close") == at("2026-11-26 16:06")
    assert states(s.order, "2026-11-24 00:00")["close"] is OPEN


def test_transfers_do_not_reset_the_clocks(story) -> None:
    before = due(story().order, "close")
    s = story().do("sign").do("transfer", to="延吉市", after=timedelta(days=1))
    assert due(s.order, "close") == before


# -- the calendar and time zones --------------------------------------------


def test_spring_festival_2026_stops_the_working_clocks(story) -> None:
    order = story(received_at="2026-02-13T10:00:00+08:00").order  # Friday before the holiday
    # 2026-02-14 (Saturday) is a make-up working day; 02-15..02-23 are rest days.
    assert due(order, "close") == at("2026-02-25 10:00")


def test_national_day_2026_and_the_make_up_saturday(story) -> None:
    order = story(received_at="2026-09-30T16:30:00+08:00").order
    assert due(order, "sign") == at("2026-10-08 09:00")
    assert due(order, "close") == at("2026-10-10 16:30")  # Saturday 10-10 is worked


def test_inputs_given_in_utc_give_the_same_deadlines(story) -> None:
    local = story().order
    utc = story(received_at="2026-11-20T08:00:00+00:00").order
    for name in ("sign", "contact", "close"):
        assert due(utc, name) == due(local, name)


def test_a_host_in_utc_gives_the_same_results(story, monkeypatch) -> None:
    expected = {n: s.due for n, s in _limits_at(story().order, at("2026-11-21 00:00")).items()}
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        with freeze_time("2026-11-20 16:00:00"):  # 16:00 UTC = 00:00 next day in Beijing
            now = datetime.now(UTC)
            found = {n: s.due for n, s in _limits_at(story().order, now).items()}
    finally:
        monkeypatch.undo()
        time.tzset()
    assert found == expected


def test_crossing_into_a_year_without_an_official_schedule_is_provisional(story) -> None:
    order = story(received_at="2026-12-31T10:00:00+08:00").order
    close = _limits_at(order, at("2026-12-31 11:00"))["close"]
    assert close.provisional
    official = WorkingCalendar((CalendarOverride(2027, official=True),))
    assert not LimitEvaluator(at("2026-12-31 11:00"), official).limits(order)["close"].provisional
    assert not _limits_at(story().order, at("2026-11-20 17:00"))["close"].provisional


def test_a_rest_day_added_by_the_administrator_moves_the_deadline(story) -> None:
    order = story().order
    extra = WorkingCalendar((CalendarOverride(2026, rest_days={"2026-11-24"}),))
    moved = LimitEvaluator(at("2026-11-20 17:00"), extra).limits(order)["close"].due
    assert moved == at("2026-11-26 16:00")


def test_a_policy_change_applies_to_orders_received_after_it(story) -> None:
    from attrs import evolve

    quicker = evolve(YANBIAN_2019, name="quicker", sign=Limit(timedelta(minutes=30), "office_hours"))
    schedule = PolicySchedule(YANBIAN_2019, ((at("2026-11-20 12:00"), quicker),))
    before = story(received_at="2026-11-20T11:00:00+08:00").order
    after = story().order
    evaluator = LimitEvaluator(at("2026-11-20 16:00"), schedule=schedule)
    assert evaluator.limits(before)["sign"].due == at("2026-11-20 13:30")
    assert evaluator.limits(after)["sign"].due == at("2026-11-20 16:30")


def test_the_next_due_limit_is_what_the_queue_sorts_by(story) -> None:
    s = story().do("sign")
    nearest = next_due(_limits_at(s.order, at("2026-11-20 16:30")))
    assert nearest is not None and nearest.name == "contact"


def test_naive_now_is_refused(story) -> None:
    with pytest.raises(ValueError):
        LimitEvaluator(datetime(2026, 11, 20, 16, 0))


def test_dispatch_deadlines_for_the_command_line() -> None:
    found = dispatch_deadlines(at("2026-11-20 16:00"), AppealType.COMPLAINT, emergency=True)
    assert {n: d.due for n, d in found.items()} == {
        "sign": at("2026-11-20 17:00"),
        "return": at("2026-11-20 17:00"),
        "contact": at("2026-11-23 16:00"),
        "close": at("2026-11-25 16:00"),
        "emergency_reply": at("2026-11-20 17:00"),
    }


def test_after_a_refused_return_an_unsigned_order_must_be_signed_afresh(story) -> None:
    from hotline_core.domain.rounds import earlier_rounds

    s = story().do("request_return", reason="r", basis="b").do("refuse_return", after=timedelta(hours=1))
    found = _limits_at(s.order, at("2026-11-23 12:00"))
    assert found["sign"].state is LATE and found["sign"].met_at is None  # refused Fri 17:01: due Mon 09:30
    # The request was the first round's: its return limit is met there (issue 15, rounds).
    assert found["return"].state is NA
    [first] = earlier_rounds(s.order)
    assert first.limits["return"].state is MET and first.limits["sign"].state is MET
    s.do("sign", after=timedelta(minutes=5))
    assert _limits_at(s.order, at("2026-11-23 12:00"))["sign"].met_at == s.now


# -- many orders at once: the table that the queue, escalation and reports read ----


def _demo_orders() -> list:
    from hotline_core.domain.demo import demo_orders

    return list(demo_orders(at("2026-11-20 16:00")))


def _quicker_from(moment: str) -> PolicySchedule:
    from attrs import evolve

    quicker = evolve(
        YANBIAN_2019,
        name="quicker",
        sign=Limit(timedelta(minutes=30), "office_hours"),
        close={t: Limit(timedelta(hours=48), "working_day") for t in AppealType},
        due_soon_fraction=0.5,
    )
    return PolicySchedule(YANBIAN_2019, ((at(moment), quicker),))


@pytest.mark.parametrize(
    "schedule", [PolicySchedule(), _quicker_from("2026-11-18 00:00")], ids=["one policy", "two policies"]
)
def test_a_table_of_many_orders_says_what_each_order_says_alone(schedule) -> None:
    orders = _demo_orders()
    evaluator = LimitEvaluator(at("2026-11-23 10:00"), schedule=schedule)
    table = evaluator.table(orders)
    assert table.order_ids == tuple(o.id for o in orders)
    assert [table.limits(row) for row in range(len(orders))] == [evaluator.limits(o) for o in orders]
    assert len({s.state for o in orders for s in evaluator.limits(o).values()}) == len(LimitState)


def test_the_table_reads_a_limit_for_every_order_as_reports_count_it() -> None:
    orders = _demo_orders()
    evaluator = LimitEvaluator(at("2026-11-23 10:00"))
    table, alone = evaluator.table(orders), [evaluator.limits(o) for o in orders]
    assert table.states("close") == [limits["close"].state for limits in alone]
    assert table.breached(["sign", "close"]) == [
        LATE in (limits["sign"].state, limits["close"].state) for limits in alone
    ]
    assert any(table.breached(["sign", "close"]))


def test_the_table_tells_the_queue_and_escalation_what_each_order_needs() -> None:
    orders = _demo_orders()
    evaluator = LimitEvaluator(at("2026-11-23 10:00"))
    table = evaluator.table(orders)
    alone = [evaluator.limits(o) for o in orders]
    nearest = [next_due(limits) for limits in alone]
    assert table.next_due().tolist() == [float("inf") if s is None else s.due_epoch for s in nearest]
    assert table.overdue().tolist() == [
        any(s.state is LATE and s.pending for s in limits.values()) for limits in alone
    ]
    assert sorted((row, s.name) for row, s in table.flagged()) == sorted(
        (row, s.name)
        for row, limits in enumerate(alone)
        for s in limits.values()
        if s.state is SOON or (s.state is LATE and s.met_epoch is None)
    )
    assert any(table.overdue()) and not all(table.overdue())


def test_a_plan_is_taken_again_at_a_later_now_without_working_deadlines_out_again() -> None:
    from hotline_core.domain.limits import LimitPlan

    orders = _demo_orders()
    plan = LimitPlan(orders)
    later = at("2026-12-20 10:00")
    assert [plan.at(later).limits(r) for r in range(len(orders))] == [_limits_at(o, later) for o in orders]
    empty = LimitPlan([]).at(later)
    assert empty.next_due().size == 0 and empty.flagged() == []


def test_one_table_names_every_limit_with_its_rule_and_dispatch_deadlines() -> None:
    from hotline_core.domain.limits import LIMIT_NAMES, LIMIT_SPECS

    assert tuple(spec.name for spec in LIMIT_SPECS) == LIMIT_NAMES
    for spec in LIMIT_SPECS:
        for appeal_type in AppealType:
            assert isinstance(spec.rule(YANBIAN_2019, appeal_type), Limit)
    plain = dispatch_deadlines(at("2026-11-20 16:00"), AppealType.COMPLAINT)
    assert set(plain) == {s.name for s in LIMIT_SPECS if s.at_dispatch and not s.emergency_only}
