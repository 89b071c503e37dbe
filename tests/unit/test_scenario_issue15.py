"""Issue 15: the rules read clause by clause against the source document, each as a scenario.

Every test here failed on the code before the issue's fix (checked against it).
The order is a complaint received Friday 2026-11-20 16:00: sign and return due
17:00, contact Monday 16:00, close Wednesday 11-25 16:00.
"""

from __future__ import annotations

from typing import Any

from hotline_core.domain.scenario import simulate

ORDER = {
    "id": "A1",
    "received_at": "2026-11-20T16:00:00+08:00",
    "appeal_type": "complaint",
    "business_area": "employment",
    "county": "延吉市",
    "channel": "phone",
    "name": "金某",
    "phone": "13800000000",
    "appeal": "用人单位拒绝录用",
    "gender": "female",
    "age": 45,
    "ethnicity": "朝鲜族",
    "disability": "physical",
    "call_date": "2026-11-20",
    "address": "延吉市河南街 1 号",
    "reply": "已向金某说明办理结果",
}


def ev(at: str, action: str, **parameters: Any) -> dict[str, Any]:
    """An event of order A1 at a Beijing time of November 2026 ('24T15:00')."""
    return {"at": f"2026-11-{at}:00+08:00", "order": "A1", "action": action, **parameters}


def run(*events: dict[str, Any], until: str = "30T00:00") -> dict[str, Any]:
    outcome = simulate({"orders": [ORDER], "events": list(events), "until": f"2026-11-{until}:00+08:00"})
    return outcome | {"a1": outcome["orders"]["A1"]}


def rejected(outcome: dict[str, Any]) -> list[tuple[str, str]]:
    return [(r["action"], r["problems"][0]["code"]) for r in outcome["a1"]["rejected"]]


SIGNED = (ev("20T16:10", "sign"), ev("23T10:00", "contact"))
PICTURE = {"images": ["现场.jpg"]}


# 1 -----------------------------------------------------------------------------------------


def test_feedback_by_the_due_time_meets_the_close_limit_and_the_rating_may_follow_the_close() -> None:
    outcome = run(
        *SIGNED,
        ev("25T15:00", "feedback", **PICTURE),
        ev("26T09:00", "close"),
        ev("26T10:00", "rate", level="satisfied"),
    )
    assert rejected(outcome) == []
    close = outcome["a1"]["limits"]["close"]
    assert (close["met_at"], close["state"]) == ("2026-11-25T15:00:00+08:00", "met")
    assert outcome["a1"]["status"] == "closed"


def test_feedback_without_an_image_or_a_reason_for_none_is_refused() -> None:
    outcome = run(*SIGNED, ev("24T15:00", "feedback"), ev("24T16:00", "feedback", no_image_reason="电话咨询"))
    assert rejected(outcome) == [("feedback", "feedback_needs_image")]
    assert outcome["a1"]["limits"]["close"]["met_at"] == "2026-11-24T16:00:00+08:00"


# 2 -----------------------------------------------------------------------------------------


def test_a_late_return_request_refused_restarts_nothing() -> None:
    outcome = run(ev("20T16:10", "sign"), ev("23T10:00", "request_return"), ev("23T11:00", "refuse_return"))
    limits = outcome["a1"]["limits"]
    assert limits["close"]["due"] == "2026-11-25T16:00:00+08:00"
    assert limits["close"]["state"] == "breached"
    assert limits["return"]["state"] == "breached"  # asked Monday, due Friday 17:00
    assert outcome["a1"]["history"] == []


def test_only_the_first_timely_refused_request_restarts_the_clocks() -> None:
    outcome = run(
        ev("20T16:05", "request_return"),
        ev("20T16:20", "refuse_return"),
        ev("20T16:30", "request_return"),
        ev("20T16:40", "refuse_return"),
    )
    # Restarted at 16:20 (not again at 16:40): 72 working hours end Wednesday 16:20.
    assert outcome["a1"]["limits"]["close"]["due"] == "2026-11-25T16:20:00+08:00"
    [first] = outcome["a1"]["history"]
    assert first["round"] == 1 and first["limits"]["return"]["state"] == "met"


# 3 and 4 -----------------------------------------------------------------------------------


def _extended(*more: dict[str, Any]) -> dict[str, Any]:
    return run(
        ev("20T16:10", "sign"),
        ev("21T10:00", "request_extension", until="2026-11-27T17:00:00+08:00"),
        ev("21T10:10", "approve_extension", by="leader"),
        ev("21T10:20", "approve_extension", by="center"),
        *more,
    )


def test_an_extension_asked_after_the_extended_due_time_is_refused_with_the_reason() -> None:
    outcome = _extended(
        ev("28T10:00", "request_extension", until="2026-12-04T17:00:00+08:00"),
        ev("28T10:10", "approve_extension", by="leader"),
        ev("28T10:20", "approve_extension", by="center"),
    )
    assert rejected(outcome)[0] == ("request_extension", "extension_late")
    assert "2026-11-27T17:00" in outcome["a1"]["rejected"][0]["reason"]
    assert outcome["a1"]["limits"]["close"]["due"] == "2026-11-27T17:00:00+08:00"


def test_an_extension_cannot_shorten_the_deadline() -> None:
    outcome = run(
        ev("20T16:10", "sign"),
        ev("21T10:00", "request_extension", until="2026-11-24T17:00:00+08:00"),
    )
    assert rejected(outcome) == [("request_extension", "extension_not_later")]
    assert outcome["a1"]["limits"]["close"]["due"] == "2026-11-25T16:00:00+08:00"


# 5 -----------------------------------------------------------------------------------------


def test_a_redo_keeps_the_late_unsatisfied_report_of_the_round_before() -> None:
    outcome = run(
        *SIGNED,
        ev("24T10:00", "feedback", **PICTURE),
        ev("24T11:00", "rate", level="unsatisfied"),
        ev("26T12:00", "report_unsatisfied"),  # due Wednesday 11:00
        ev("26T14:00", "redo"),
    )
    assert any(a["kind"] == "overdue" and a["limit"] == "unsatisfied_report" for a in outcome["alerts"])
    [first] = outcome["a1"]["history"]
    assert first["limits"]["unsatisfied_report"]["state"] == "breached"
    assert first["limits"]["close"]["state"] == "met"
    assert outcome["a1"]["limits"]["close"]["due"] == "2026-12-01T14:00:00+08:00"


# 6 -----------------------------------------------------------------------------------------


def test_limits_pause_while_a_timely_return_request_awaits_the_center() -> None:
    outcome = run(ev("20T16:10", "sign"), ev("20T16:20", "request_return"), until="26T12:00")
    assert outcome["a1"]["status"] == "return_requested"
    assert [a for a in outcome["alerts"] if a["order"] == "A1" and a["limit"] in ("contact", "close")] == []
    assert outcome["a1"]["limits"]["contact"]["state"] == "open"


# 7 -----------------------------------------------------------------------------------------


def test_a_decline_has_no_one_hour_limit_but_the_close_limit_of_its_type() -> None:
    outcome = run(
        ev("20T16:10", "sign"),
        ev("23T10:00", "decline", reason="commercial"),
    )
    limits = outcome["a1"]["limits"]
    assert limits["return"]["state"] == "not_applicable"
    assert (limits["close"]["met_at"], limits["close"]["state"]) == ("2026-11-23T10:00:00+08:00", "met")


# 10 ----------------------------------------------------------------------------------------


def test_events_after_until_are_not_replayed() -> None:
    outcome = run(ev("20T16:10", "sign"), ev("23T10:00", "contact"), until="23T09:00")
    contact = outcome["a1"]["limits"]["contact"]
    assert (contact["met_at"], contact["state"]) == (None, "open")
    assert outcome["a1"]["rejected"] == []


# Decision: telling the citizen of an approved extension is a step with its own limit -------


def _approved_monday(*more: dict[str, Any]) -> dict[str, Any]:
    return run(
        ev("20T16:10", "sign"),
        ev("23T10:00", "request_extension", until="2026-11-30T17:00:00+08:00"),
        ev("23T10:10", "approve_extension", by="leader"),
        ev("23T10:20", "approve_extension", by="center"),
        *more,
        until="25T12:00",
    )


def test_the_citizen_is_told_of_an_approved_extension_within_one_working_day() -> None:
    told = _approved_monday(ev("24T09:00", "tell_extension"))
    notice = told["a1"]["limits"]["extension_notice"]
    assert (notice["due"], notice["met_at"], notice["state"]) == (
        "2026-11-24T10:20:00+08:00",
        "2026-11-24T09:00:00+08:00",
        "met",
    )
    assert told["a1"]["rejected"] == []


def test_an_extension_the_citizen_was_not_told_of_is_alerted() -> None:
    untold = _approved_monday()
    assert untold["a1"]["limits"]["extension_notice"]["state"] == "breached"
    assert [
        a["raised_at"]
        for a in untold["alerts"]
        if a["limit"] == "extension_notice" and a["kind"] == "overdue"
    ] == ["2026-11-24T10:20:01+08:00"]


def test_there_is_nothing_to_tell_before_both_approve() -> None:
    outcome = run(ev("20T16:10", "sign"), ev("21T10:00", "tell_extension"))
    assert rejected(outcome) == [("tell_extension", "nothing_to_tell")]
