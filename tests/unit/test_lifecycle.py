"""The lifecycle of SPEC section 4, as a clerk would see it: what is recorded, what is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hotline_core.domain.events import Command
from hotline_core.domain.lifecycle import RULES, available_actions, decide
from hotline_core.domain.organization import RIGHTS_DEPT, Unit
from hotline_core.domain.problems import InvalidInput, Refused
from hotline_core.domain.vocabulary import Action, DeclineReason, Outcome, Place, Rating, Status
from tests.support import (
    COMPLETE_FORM,
    HANDLER,
    LEADER,
    REHAB_CONTACT,
    TUMEN_CLERK,
    YANJI_CLERK,
    at,
)


def refusal(story, action: str, actor=HANDLER, **data) -> str:
    """The refusal's first code; asserts that nothing was recorded."""
    before = story.order
    with pytest.raises((Refused, InvalidInput)) as refused:
        story.do(action, actor, **data)
    assert story.order is before
    return refused.value.problems[0].code


def handled_and_answered(story):
    """A signed, contacted order with feedback given and the reply recorded."""
    s = story(reply="已协调用人单位")
    return (
        s.do("sign").do("contact").do("feedback", text="已协调，用人单位同意面试", no_image_reason="电话答复")
    )


# -- receipt and signing ------------------------------------------------------


def test_a_received_order_waits_to_be_signed(story) -> None:
    s = story()
    assert s.state.status is Status.RECEIVED
    assert [e.action for e in s.order.events] == [Action.RECEIVE]
    assert s.state.owner == RIGHTS_DEPT


def test_signing_records_who_and_when(story) -> None:
    s = story().do("sign", after=timedelta(minutes=20))
    assert s.state.status is Status.HANDLING
    assert s.state.signed_at == at("2026-11-20 16:20")
    assert (s.order.events[-1].actor, s.order.events[-1].action) == ("handler", Action.SIGN)


def test_an_order_cannot_be_signed_twice(story) -> None:
    assert refusal(story().do("sign"), "sign") == "wrong_status"


def test_an_action_dated_before_the_last_step_is_refused(story) -> None:
    s = story()
    assert refusal(s, "sign", after=timedelta(hours=-1)) == "before_last_event"


def test_intake_is_not_an_action(story) -> None:
    assert refusal(story(), "receive") == "receive_is_intake"


# -- return and decline -------------------------------------------------------


def test_a_return_request_needs_reason_and_basis(story) -> None:
    s = story()
    assert refusal(s, "request_return", reason="不属于残联职责") == "required"
    s.do("request_return", reason="不属于残联职责", basis="属人社部门职责")
    assert s.state.status is Status.RETURN_REQUESTED


def test_an_approved_return_leaves_the_federation(story) -> None:
    s = story().do("request_return", reason="非本单位职责", basis="依据三定方案").do("approve_return")
    assert s.state.status is Status.RETURNED
    assert refusal(s, "sign") == "wrong_status"
    assert refusal(s, "record", name="李某") == "wrong_status_record"


def test_a_refused_return_restarts_the_clocks_as_a_fresh_dispatch(story) -> None:
    from hotline_core.domain.limits import LimitEvaluator

    s = story().do("request_return", reason="非本单位职责", basis="依据三定方案")
    s.do("refuse_return", after=timedelta(hours=2))
    assert s.state.status is Status.RECEIVED
    # Whether the clocks restart is a deadline question (the request was in time): the limits say.
    assert LimitEvaluator(s.now).limits(s.order)["sign"].start == s.now
    assert s.state.return_refused_at == s.now


def test_a_refused_return_of_a_signed_order_goes_back_to_handling(story) -> None:
    s = story().do("sign").do("request_return", reason="非本单位职责", basis="依据").do("refuse_return")
    assert s.state.status is Status.HANDLING


def test_decline_needs_one_of_the_five_reasons_an_explanation_and_guidance(story) -> None:
    s = story().do("sign")
    assert refusal(s, "decline", reason="太忙", explanation="x", guidance="y") == "not_in_list"
    assert refusal(s, "decline", reason="commercial", explanation="属经营行为") == "required"
    s.do(
        "decline",
        reason="属于市场行为、经营性业务",
        explanation="属经营行为",
        guidance="请向市场监管部门反映",
    )
    assert s.state.status is Status.DECLINED
    assert s.state.decline_reason is DeclineReason.COMMERCIAL


# -- contact, record, transfer and assign -------------------------------------


def test_the_citizen_can_be_contacted_only_after_signing(story) -> None:
    s = story()
    assert refusal(s, "contact") == "wrong_status"
    s.do("sign").do("contact", after=timedelta(hours=3)).do("contact")
    assert s.state.contacted_at == at("2026-11-20 19:01")  # the first contact counts


def test_recording_details_learned_on_the_phone_is_an_event(story) -> None:
    s = story({k: COMPLETE_FORM[k] for k in ("id", "received_at", "channel", "appeal_type", "appeal")})
    s.do("sign").do("record", name="金某", age="45", gender="女")
    assert s.state.record.citizen.name == "金某"
    assert s.order.events[-1].data == {"name": "金某", "age": "45", "gender": "female"}
    assert s.order.record.citizen.name == ""  # the record as received is kept


def test_a_bad_detail_is_refused_naming_the_field(story) -> None:
    s = story().do("sign")
    assert refusal(s, "record", phone="12345") == "bad_phone"
    assert refusal(s, "record") == "nothing_to_record"


def test_transfer_to_a_county_moves_ownership_not_the_clocks(story) -> None:
    s = story().do("sign").do("transfer", to="延吉市")
    assert s.state.owner == Unit.county(Place.YANJI)
    assert s.state.dispatched_at == s.order.record.received_at
    assert refusal(s, "transfer", to="图们市") == "with_unit"


def test_transfer_only_to_one_of_the_eight_counties(story) -> None:
    s = story().do("sign")
    assert refusal(s, "transfer", to="州本级") == "not_a_county"
    assert refusal(s, "transfer", to="长春市") == "not_a_county"


def test_assign_to_a_department_of_the_federation(story) -> None:
    s = story().do("sign")
    assert refusal(s, "assign", to="财务部") == "not_a_department"
    s.do("assign", to="康复部")
    assert s.state.owner == Unit.department("康复部")


def test_the_county_clerk_handles_a_transferred_order_and_sends_the_result_back(story) -> None:
    s = story().do("sign").do("transfer", to="延吉市")
    s.do("contact", YANJI_CLERK).do("record", YANJI_CLERK, address="延吉市新兴街")
    assert refusal(s, "feedback", text="已办", no_image_reason="电话答复") == "with_unit"
    s.do("submit_result", YANJI_CLERK, text="已联系用人单位")
    assert s.state.owner == RIGHTS_DEPT
    assert s.state.result_at == s.now


def test_a_unit_result_needs_a_unit_and_a_text(story) -> None:
    s = story().do("sign")
    assert refusal(s, "submit_result", text="x") == "not_with_unit"
    s.do("assign", to="康复部")
    assert refusal(s, "submit_result", REHAB_CONTACT) == "required"
    s.do("submit_result", REHAB_CONTACT, text="已安排康复评估")
    assert s.state.owner == RIGHTS_DEPT


# -- supervision --------------------------------------------------------------


def test_supervision_chases_the_owning_unit_until_it_answers(story) -> None:
    s = story().do("sign").do("transfer", to="图们市").do("supervise")
    assert [v.unit.name for v in s.state.open_supervisions] == ["图们市"]
    assert refusal(s, "supervise") == "already_supervised"
    s.do("submit_result", TUMEN_CLERK, text="已办理")
    assert s.state.open_supervisions == ()
    assert s.state.supervisions[0].answered_at == s.now


def test_supervision_needs_an_order_with_a_unit(story) -> None:
    assert refusal(story().do("sign"), "supervise") == "not_with_unit"


# -- extension ----------------------------------------------------------------


def test_an_extension_needs_both_the_leader_and_the_center(story) -> None:
    s = story().do("sign").do("request_extension", until="2026-11-30T17:00:00+08:00", reason="需现场核查")
    s.do("approve_extension", LEADER, by="leader")
    assert s.state.extended_until is None
    assert refusal(s, "approve_extension", LEADER, by="leader") == "already_approved"
    s.do("approve_extension", by="center")
    assert s.state.extended_until == at("2026-11-30 17:00")


def test_only_the_leader_gives_the_leaders_approval(story) -> None:
    s = story().do("sign").do("request_extension", until="2026-11-30T17:00:00+08:00", reason="需现场核查")
    assert refusal(s, "approve_extension", HANDLER, by="leader") == "not_permitted"
    assert refusal(s, "approve_extension", LEADER, by="center") == "not_permitted"


def test_an_extension_must_end_in_the_future_and_give_a_reason(story) -> None:
    s = story().do("sign")
    assert refusal(s, "request_extension", until="2026-11-19T17:00:00+08:00", reason="x") == "not_in_future"
    assert refusal(s, "request_extension", until="2026-11-30T17:00:00+08:00") == "required"
    assert refusal(s, "request_extension", until="next week", reason="x") == "bad_datetime"


def test_a_refused_extension_keeps_the_old_deadline_and_allows_a_new_request(story) -> None:
    s = story().do("sign").do("request_extension", until="2026-11-30T17:00:00+08:00", reason="需核查")
    assert (
        refusal(s, "request_extension", until="2026-12-01T17:00:00+08:00", reason="x") == "extension_pending"
    )
    s.do("refuse_extension", LEADER)
    assert (s.state.extension, s.state.extended_until) == (None, None)
    assert refusal(s, "approve_extension", LEADER, by="leader") == "no_extension_pending"
    s.do("request_extension", until="2026-12-01T17:00:00+08:00", reason="再次申请")


# -- emergency, petition, legal procedure -------------------------------------


def test_an_emergency_is_flagged_once_and_replied_to_once(story) -> None:
    s = story()
    assert refusal(s, "first_reply") == "not_emergency"
    s.do("flag_emergency")
    assert s.state.emergency_at == s.now
    assert refusal(s, "flag_emergency") == "already_emergency"
    s.do("first_reply", text="已电话安抚，工作人员正赶往现场")
    assert refusal(s, "first_reply") == "already_replied"


def test_an_emergency_flag_from_the_center_counts_from_receipt(story) -> None:
    s = story(emergency=True)
    assert s.state.emergency_at == s.order.record.received_at


def test_petition_routing_and_legal_procedure_are_recorded_once(story) -> None:
    s = story().do("sign").do("route_petition").do("legal_procedure")
    assert s.state.petition_at is not None and s.state.legal_at is not None
    assert refusal(s, "route_petition") == "already_petition"
    assert refusal(s, "legal_procedure") == "already_legal"


# -- feedback, rating, redo, close, archive -----------------------------------


def test_feedback_needs_the_citizen_contacted_and_takes_text_and_pictures(story) -> None:
    s = story().do("sign")
    assert refusal(s, "feedback", text="已办", no_image_reason="电话答复") == "not_contacted"
    s.do("contact")
    assert refusal(s, "feedback") == "required"
    s.do("feedback", text="已协调", no_image_reason="电话答复")
    assert s.state.status is Status.FEEDBACK_GIVEN


def test_the_reply_to_the_citizen_fills_the_record(story) -> None:
    s = story().do("sign").do("reply", text="已告知政策")
    assert s.state.record.reply == "已告知政策"


def test_the_feedback_text_becomes_the_reply_so_the_order_closes_without_typing_it_again(story) -> None:
    s = story().do("sign").do("contact").do("feedback", text="已协调用人单位", no_image_reason="电话答复")
    assert s.state.record.reply == "已协调用人单位"
    s.do("rate", level="satisfied").do("close")
    assert s.state.status is Status.CLOSED


def test_a_reply_already_in_the_record_is_kept_when_the_feedback_is_given(story) -> None:
    s = story(reply="已向金某说明").do("sign").do("contact")
    s.do("feedback", text="已办结", no_image_reason="电话答复")
    assert s.state.record.reply == "已向金某说明"


def test_a_text_longer_than_the_record_holds_is_refused(story) -> None:
    s = story().do("sign").do("contact")
    assert refusal(s, "feedback", text="字" * 4001, no_image_reason="电话答复") == "too_long"


def test_the_happy_path_closes_and_archives(story) -> None:
    s = handled_and_answered(story).do("rate", level="satisfied").do("close")
    assert s.state.status is Status.CLOSED
    s.do("archive")
    assert s.state.status is Status.ARCHIVED
    assert refusal(s, "record", name="x") == "wrong_status_record"


def test_closing_an_incomplete_record_is_refused_with_every_missing_field(story) -> None:
    s = story({k: COMPLETE_FORM[k] for k in ("id", "received_at", "channel", "appeal_type", "appeal")})
    s.do("sign").do("contact").do("feedback", text="已办", no_image_reason="电话答复")
    before = s.order
    with pytest.raises(InvalidInput) as refused:
        s.do("close")
    assert s.order is before
    assert {p.field for p in refused.value.problems} >= {"name", "phone", "address"}
    assert "reply" not in {p.field for p in refused.value.problems}  # the feedback's text is the reply


def test_a_rating_is_one_of_three_and_given_once(story) -> None:
    s = handled_and_answered(story)
    assert refusal(s, "rate", level="很好") == "not_in_list"
    s.do("rate", level="基本满意")
    assert s.state.rating is Rating.BASICALLY_SATISFIED
    assert refusal(s, "rate", level="satisfied") == "already_rated"


def test_an_unsatisfied_rating_must_be_reported_before_closing(story) -> None:
    s = handled_and_answered(story).do("rate", level="unsatisfied")
    assert refusal(s, "close") == "unsatisfied_not_reported"
    assert refusal(story().do("sign"), "report_unsatisfied", text="x") == "not_unsatisfied"
    s.do("report_unsatisfied", text="已向群众解释，群众仍不满意")
    assert refusal(s, "report_unsatisfied", text="again") == "already_reported"
    s.do("close")
    assert s.state.status is Status.CLOSED


def test_redo_opens_the_order_again_without_its_old_feedback(story) -> None:
    s = handled_and_answered(story).do("rate", level="unsatisfied").do("redo")
    assert s.state.status is Status.HANDLING
    assert (s.state.feedback_at, s.state.rating, s.state.redo_at) == (None, None, s.now)


def test_a_closed_order_rated_unsatisfied_can_be_sent_back_for_redo(story) -> None:
    s = handled_and_answered(story).do("rate", level="unsatisfied")
    s.do("report_unsatisfied", text="已解释，群众仍不满意").do("close").do("redo")
    assert s.state.status is Status.HANDLING and s.state.closed_at is None


def test_only_an_unsatisfied_rating_sends_an_order_back_for_redo(story) -> None:
    assert refusal(handled_and_answered(story), "redo") == "not_unsatisfied"
    satisfied = handled_and_answered(story).do("rate", level="satisfied").do("close")
    assert refusal(satisfied, "redo") == "not_unsatisfied"


def test_an_extension_is_approved_only_while_the_order_is_being_handled(story) -> None:
    s = story(reply="已答复").do("sign").do("contact")
    s.do("request_extension", reason="需现场核实", until="2026-12-04T17:00:00+08:00")
    s.do("feedback", text="已办理", no_image_reason="电话答复").do("rate", level="satisfied").do("close")
    assert refusal(s, "approve_extension", LEADER, by="leader") == "finished"
    assert refusal(s, "refuse_extension", LEADER) == "finished"


def test_only_finished_orders_are_archived(story) -> None:
    s = story().do("sign")
    assert refusal(s, "archive") == "wrong_status"
    s.do("decline", reason="not_specific", explanation="无法核实", guidance="请补充具体情况后再来电")
    s.do("archive")
    assert s.state.status is Status.ARCHIVED


# -- the whole table ----------------------------------------------------------

EXPECTED_AVAILABLE = {
    Status.RECEIVED: {
        "sign",
        "request_return",
        "decline",
        "record",
        "flag_emergency",
        "route_petition",
        "legal_procedure",
    },
    Status.HANDLING: {
        "request_return",
        "decline",
        "contact",
        "record",
        "transfer",
        "assign",
        "request_extension",
        "flag_emergency",
        "route_petition",
        "legal_procedure",
        "reply",
        "refer",  # issue 18: passed to a government department for its part
    },
    Status.RETURN_REQUESTED: {"approve_return", "refuse_return", "record", "flag_emergency"},
}


@pytest.mark.parametrize("status", list(EXPECTED_AVAILABLE))
def test_the_handler_is_offered_exactly_the_actions_the_rules_allow(story, status: Status) -> None:
    s = story()
    if status is Status.HANDLING:
        s.do("sign")
    elif status is Status.RETURN_REQUESTED:
        s.do("request_return", reason="r", basis="b")
    offered = {a.value for a in available_actions(s.order, HANDLER)}
    assert offered == EXPECTED_AVAILABLE[status]


def test_every_action_has_a_rule() -> None:
    assert set(RULES) == set(Action) - {Action.RECEIVE}


def test_a_naive_time_is_refused(story) -> None:
    s = story()
    with pytest.raises(Refused):
        decide(s.order, Command("sign"), HANDLER, at("2026-11-20 17:00").replace(tzinfo=None))


# -- steps entered after the fact (issue 15) --------------------------------------------------


def test_a_phone_call_entered_later_keeps_when_it_happened_and_when_it_was_entered(story) -> None:
    s = story().do("sign")  # 16:01
    s.do("contact", after=timedelta(minutes=40), at="2026-11-20T16:05:00+08:00")
    event = s.order.events[-1]
    assert (event.at, event.entered_at) == (at("2026-11-20 16:05"), at("2026-11-20 16:41"))
    assert s.state.contacted_at == at("2026-11-20 16:05")  # the limits use when it happened
    assert s.order.events[-2].entered_at is None


def test_a_step_cannot_be_said_to_happen_in_the_future_or_before_the_previous_one(story) -> None:
    s = story().do("sign")  # 16:01
    assert refusal(s, "contact", at="2026-11-20T18:00:00+08:00") == "at_in_future"
    assert refusal(s, "contact", at="2026-11-20T16:00:30+08:00") == "at_before_previous_step"
    assert refusal(s, "contact", at="yesterday") == "bad_datetime"
    assert refusal(s, "transfer", to="延吉市", at="2026-11-20T16:01:30+08:00") == "not_back_datable"


# -- the call log and the outcome (issue 15) ------------------------------------------------


def test_each_contact_attempt_is_logged_and_only_reaching_the_citizen_meets_the_contact(story) -> None:
    s = story().do("sign").do("contact", result="no_answer").do("contact", result="wrong_number")
    assert [a.result.value for a in s.state.contact_attempts] == ["no_answer", "wrong_number"]
    assert s.state.contacted_at is None
    assert refusal(s, "contact", result="busy") == "not_in_list"
    s.do("contact")
    assert s.state.contacted_at == s.now and len(s.state.contact_attempts) == 3


def test_could_not_reach_needs_the_policys_attempts_on_two_working_days(story) -> None:
    s = story().do("sign").do("contact", result="no_answer").do("contact", result="no_answer")
    s.do("contact", result="no_answer")  # three attempts, all on Friday 11-20
    unreachable = {"text": "多次联系未果", "no_image_reason": "无法联系", "unreachable": "yes"}
    assert refusal(s, "feedback", text="已办", no_image_reason="x") == "not_contacted"
    assert refusal(s, "feedback", **unreachable) == "unreachable_too_soon"
    s.do("contact", result="wrong_number", after=timedelta(days=3))  # Monday 11-23
    s.do("feedback", **unreachable)
    assert s.state.status is Status.FEEDBACK_GIVEN and s.order.events[-1].data["unreachable"] == "yes"


def test_a_closed_order_carries_its_outcome(story) -> None:
    s = handled_and_answered(story).do("rate", level="satisfied")
    assert refusal(s, "close", outcome="declined") == "not_in_list"
    s.do("close", outcome="explained")
    assert s.state.outcome is Outcome.EXPLAINED
    assert handled_and_answered(story).do("close").state.outcome is Outcome.SOLVED
    declined = story().do("sign").do("decline", reason="commercial", explanation="x", guidance="y")
    assert declined.state.outcome is Outcome.DECLINED
