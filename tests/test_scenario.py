"""``simulate``: the testers' way in — a scenario in, the whole outcome out."""

from __future__ import annotations

import copy

import pytest

from hotline_core.problems import InvalidInput
from hotline_core.scenario import simulate

SPEC_SCENARIO = {
    "policy": "yanbian-2019",
    "orders": [
        {"id": "A1", "received_at": "2026-11-20T16:00:00+08:00", "appeal_type": "complaint",
         "business_area": "employment", "county": "延吉市", "channel": "phone",
         "name": "金某", "phone": "13800000000", "appeal": "用人单位拒绝录用"},
    ],
    "events": [
        {"at": "2026-11-20T16:20:00+08:00", "order": "A1", "action": "sign", "actor": "handler"},
        {"at": "2026-11-23T10:00:00+08:00", "order": "A1", "action": "contact"},
        {"at": "2026-11-24T09:00:00+08:00", "order": "A1", "action": "transfer", "to": "延吉市"},
    ],
    "until": "2026-11-30T00:00:00+08:00",
}


def test_the_spec_scenario_gives_the_expected_limits() -> None:
    outcome = simulate(SPEC_SCENARIO)
    a1 = outcome["orders"]["A1"]
    assert a1["status"] == "handling"
    assert a1["limits"]["sign"] == {"due": "2026-11-20T17:00:00+08:00", "met_at": "2026-11-20T16:20:00+08:00",
                                    "state": "met", "provisional": False}
    assert a1["limits"]["contact"]["state"] == "met"
    assert a1["limits"]["close"] == {"due": "2026-11-25T16:00:00+08:00", "met_at": None,
                                     "state": "breached", "provisional": False}
    assert a1["limits"]["return"]["state"] == "not_applicable"
    assert a1["rejected"] == []


def test_the_close_overdue_alert_names_the_county_under_supervision() -> None:
    alerts = simulate(SPEC_SCENARIO)["alerts"]
    close = [a for a in alerts if a["kind"] == "close_overdue"]
    assert [(a["order"], a["supervision_of"], a["raised_at"]) for a in close] == [
        ("A1", "延吉市", "2026-11-30T00:00:00+08:00")
    ]


def test_a_forbidden_event_is_reported_with_its_reason_and_the_replay_goes_on() -> None:
    scenario = copy.deepcopy(SPEC_SCENARIO)
    scenario["events"].insert(0, {"at": "2026-11-20T16:10:00+08:00", "order": "A1", "action": "close"})
    scenario["events"].append({"at": "2026-11-24T10:00:00+08:00", "order": "A1", "action": "submit_result",
                               "actor": "county_clerk", "text": "已办理"})
    a1 = simulate(scenario)["orders"]["A1"]
    assert [(r["action"], r["problems"][0]["code"]) for r in a1["rejected"]] == [("close", "wrong_status")]
    assert "待签收" in a1["rejected"][0]["reason"]
    assert a1["status"] == "handling"


def test_events_are_replayed_in_time_order() -> None:
    scenario = copy.deepcopy(SPEC_SCENARIO)
    scenario["events"].reverse()
    assert simulate(scenario)["orders"]["A1"]["rejected"] == []


def test_bad_orders_and_events_are_reported_by_id() -> None:
    scenario = copy.deepcopy(SPEC_SCENARIO)
    scenario["orders"].append({"id": "B1", "received_at": "2026-11-20T16:00:00+08:00", "phone": "1"})
    scenario["events"].append({"at": "2026-11-21T10:00:00+08:00", "order": "ZZ", "action": "sign"})
    scenario["events"].append({"at": "2026-11-21T10:00:00+08:00", "order": "A1", "action": "dance"})
    scenario["events"].append({"at": "yesterday", "order": "A1", "action": "contact"})
    orders = simulate(scenario)["orders"]
    assert {p["field"] for p in orders["B1"]["rejected"][0]["problems"]} >= {"phone", "channel"}
    assert orders["ZZ"]["rejected"][0]["problems"][0]["code"] == "unknown_order"
    assert [r["problems"][0]["field"] for r in orders["A1"]["rejected"]] == ["action", "at"]


def test_the_emergency_alert_is_raised_when_the_order_is_flagged() -> None:
    scenario = copy.deepcopy(SPEC_SCENARIO)
    scenario["events"].append({"at": "2026-11-24T11:00:00+08:00", "order": "A1", "action": "flag_emergency"})
    [alert] = [a for a in simulate(scenario)["alerts"] if a["kind"] == "emergency"]
    assert alert["raised_at"] == "2026-11-24T11:00:00+08:00" and alert["recipients"] == ["leader"]


def test_an_unknown_policy_is_refused() -> None:
    with pytest.raises(InvalidInput):
        simulate({**SPEC_SCENARIO, "policy": "beijing-2030"})
