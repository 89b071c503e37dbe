"""``simulate``: the testers' way in — a scenario in, the whole outcome out."""

from __future__ import annotations

import copy

import pytest

from hotline_core.domain.problems import InvalidInput
from hotline_core.domain.scenario import simulate

SPEC_SCENARIO = {
    "policy": "yanbian-2019",
    "orders": [
        {
            "id": "A1",
            "received_at": "2026-11-20T16:00:00+08:00",
            "appeal_type": "complaint",
            "business_area": "employment",
            "county": "延吉市",
            "channel": "phone",
            "name": "金某",
            "phone": "13800000000",
            "appeal": "用人单位拒绝录用",
        },
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
    assert a1["limits"]["sign"] == {
        "due": "2026-11-20T17:00:00+08:00",
        "met_at": "2026-11-20T16:20:00+08:00",
        "state": "met",
        "provisional": False,
    }
    assert a1["limits"]["contact"]["state"] == "met"
    assert a1["limits"]["close"] == {
        "due": "2026-11-25T16:00:00+08:00",
        "met_at": None,
        "state": "breached",
        "provisional": False,
    }
    assert a1["limits"]["return"]["state"] == "not_applicable"
    assert a1["rejected"] == []


def test_the_close_overdue_alert_names_the_county_under_supervision() -> None:
    alerts = simulate(SPEC_SCENARIO)["alerts"]
    close = [a for a in alerts if a["kind"] == "close_overdue"]
    # Due Wednesday 16:00; breached once that has passed: a cron job sees it the next second.
    assert [(a["order"], a["supervision_of"], a["raised_at"]) for a in close] == [
        ("A1", "延吉市", "2026-11-25T16:00:01+08:00")
    ]


def test_a_forbidden_event_is_reported_with_its_reason_and_the_replay_goes_on() -> None:
    scenario = copy.deepcopy(SPEC_SCENARIO)
    scenario["events"].insert(0, {"at": "2026-11-20T16:10:00+08:00", "order": "A1", "action": "close"})
    scenario["events"].append(
        {
            "at": "2026-11-24T10:00:00+08:00",
            "order": "A1",
            "action": "submit_result",
            "actor": "county_clerk",
            "text": "已办理",
        }
    )
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


# The record fields a close needs (SPEC 2.4) that the SPEC 11 example order leaves out:
# a scenario gives them in the order form, as intake does.
CLOSE_FIELDS = {
    "gender": "female",
    "age": 45,
    "ethnicity": "朝鲜族",
    "disability": "physical",
    "call_date": "2026-11-20",
    "address": "延吉市河南街 1 号",
    "reply": "已向金某说明办理结果",
}


def event(at: str, order: str, action: str, **parameters: str) -> dict[str, str]:
    """One scenario event at a Beijing time of November 2026 ('24T15:00')."""
    return {"at": f"2026-11-{at}:00+08:00", "order": order, "action": action, **parameters}


def spec_order(order_id: str, **more: object) -> dict[str, object]:
    return {**SPEC_SCENARIO["orders"][0], "id": order_id, **CLOSE_FIELDS, **more}


def with_events(*events: dict[str, str], orders: tuple[dict[str, object], ...] = ()) -> dict:
    """The SPEC 11 example, its order complete for closing, with more orders and events."""
    scenario = copy.deepcopy(SPEC_SCENARIO)
    scenario["orders"] = [spec_order("A1"), *orders]
    scenario["events"] += list(events)
    return scenario


HAPPY_PATH = with_events(
    event("24T15:00", "A1", "submit_result", actor="county_clerk"),
    event("24T16:00", "A1", "feedback", images=["现场.jpg"]),
    event("25T09:00", "A1", "rate", level="unsatisfied"),
    event("25T10:00", "A1", "report_unsatisfied"),
    event("25T11:00", "A1", "redo"),
    event("25T14:00", "A1", "feedback", no_image_reason="电话答复"),
    event("25T15:00", "A1", "rate", level="satisfied"),
    event("25T15:30", "A1", "close"),
    event("26T09:00", "A1", "archive"),
    event("20T16:10", "X1", "sign"),
    event("21T10:00", "X1", "request_extension", until="2026-12-10T17:00:00+08:00"),
    event("21T11:00", "X1", "approve_extension", by="leader"),
    event("21T12:00", "X1", "approve_extension", by="center"),
    orders=(spec_order("X1"),),
)


def test_a_happy_path_written_with_only_the_spec_11_parameters_is_never_rejected() -> None:
    outcome = simulate(HAPPY_PATH)["orders"]
    a1, x1 = outcome["A1"], outcome["X1"]
    assert (a1["rejected"], x1["rejected"]) == ([], [])
    assert a1["status"] == "archived"
    limits = {name: (limit["met_at"], limit["state"]) for name, limit in a1["limits"].items()}
    assert limits["sign"] == ("2026-11-20T16:20:00+08:00", "met")
    assert limits["contact"] == ("2026-11-23T10:00:00+08:00", "met")
    # The redo opens a new close deadline: 72 working hours from Wednesday 11:00 skip the weekend.
    assert a1["limits"]["close"]["due"] == "2026-11-30T11:00:00+08:00"
    # The feedback meets the close limit (issue 15): the second round's feedback at 14:00.
    assert limits["close"] == ("2026-11-25T14:00:00+08:00", "met")


def test_the_leaders_and_the_centers_approval_move_the_close_deadline() -> None:
    x1 = simulate(HAPPY_PATH)["orders"]["X1"]
    assert x1["status"] == "handling"
    assert x1["limits"]["close"]["due"] == "2026-12-10T17:00:00+08:00"
    assert x1["limits"]["close"]["state"] == "open"


def test_every_spec_11_action_with_only_its_listed_parameters_is_accepted() -> None:
    department = "康复部"
    scenario = with_events(
        event("20T16:10", "R1", "request_return"),
        event("20T16:20", "R1", "approve_return"),
        event("20T16:10", "R2", "request_return"),
        event("20T16:20", "R2", "refuse_return"),
        event("20T16:10", "D1", "decline", reason="commercial"),
        event("20T16:10", "G1", "sign"),
        event("20T16:20", "G1", "assign", to=department),
        event("20T16:30", "G1", "submit_result", actor="department"),
        event("20T16:40", "G1", "request_extension", until="2026-12-10T17:00:00+08:00"),
        event("20T16:50", "G1", "refuse_extension"),
        event("20T16:10", "E1", "flag_emergency"),
        event("20T16:20", "E1", "first_reply"),
        event("20T16:10", "P1", "route_petition"),
        event("20T16:10", "L1", "legal_procedure"),
        orders=tuple(spec_order(i) for i in ("R1", "R2", "D1", "G1", "E1", "P1", "L1")),
    )
    outcome = simulate(scenario)["orders"]
    assert {order_id: o["rejected"] for order_id, o in outcome.items() if o["rejected"]} == {}
    assert [outcome[i]["status"] for i in ("R1", "R2", "D1", "G1")] == [
        "returned",
        "received",
        "declined",
        "handling",
    ]


def test_the_parameters_spec_11_lists_are_never_filled_in() -> None:
    scenario = with_events(
        event("20T16:10", "D1", "decline"),
        event("24T10:00", "A1", "submit_result", actor="county_clerk"),
        event("24T11:00", "A1", "request_extension"),
        event("24T11:30", "A1", "request_extension", until="2026-12-10T17:00:00+08:00"),
        event("24T12:00", "A1", "approve_extension"),
        event("24T13:00", "A1", "feedback", text="  ", no_image_reason="电话答复"),
        event("24T14:00", "A1", "transfer"),
        orders=(spec_order("D1"),),
    )
    orders = simulate(scenario)["orders"]
    rejected = orders["D1"]["rejected"] + orders["A1"]["rejected"]
    # A text the event gives is used as given, even an empty one.
    assert [(r["action"], r["problems"][0]["field"], r["problems"][0]["code"]) for r in rejected] == [
        ("decline", "reason", "required"),
        ("request_extension", "until", "required"),
        ("approve_extension", "by", "not_in_list"),
        ("feedback", "text", "required"),
        ("transfer", "to", "required"),
    ]


def test_an_actor_named_in_the_event_still_decides_who_approves() -> None:
    scenario = with_events(
        event("21T10:00", "A1", "request_extension", until="2026-12-10T17:00:00+08:00"),
        event("21T11:00", "A1", "approve_extension", by="leader", actor="handler"),
        event("21T12:00", "A1", "approve_extension", by="leader", actor="leader"),
    )
    rejected = simulate(scenario)["orders"]["A1"]["rejected"]
    assert [(r["at"], r["problems"][0]["code"]) for r in rejected] == [
        ("2026-11-21T11:00:00+08:00", "not_permitted")
    ]


@pytest.mark.parametrize(
    ("scenario", "key"),
    [
        ([1, 2], "scenario"),
        ({"orders": [], "events": [], "until": "garbage"}, "scenario.until"),
        ({"orders": ["x"]}, "orders[0]"),
        ({"orders": {"id": "A1"}}, "orders"),
        ({"events": [5]}, "events[0]"),
        ({"events": "sign"}, "events"),
        ({"policy": ["yanbian-2019"]}, "policy"),
    ],
)
def test_a_malformed_scenario_is_refused_naming_the_key_at_fault(scenario: object, key: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        simulate(scenario)
    assert [p.field for p in refused.value.problems] == [key]


def test_a_limit_turning_due_soon_between_two_events_alerts_once_at_the_threshold() -> None:
    alerts = simulate(SPEC_SCENARIO)["alerts"]
    # 72 working hours to Wednesday 16:00: due soon with 18 left, Tuesday 22:00; no event then.
    soon = [a for a in alerts if (a["limit"], a["kind"]) == ("close", "due_soon")]
    assert [a["raised_at"] for a in soon] == ["2026-11-24T22:00:00+08:00"]
    assert [a["raised_at"] for a in alerts] == sorted(a["raised_at"] for a in alerts)
    assert len({a["key"] for a in alerts}) == len(alerts)


def test_an_order_alerts_from_its_receipt_and_not_before() -> None:
    late = spec_order("B1", received_at="2026-11-26T10:00:00+08:00", emergency=True)
    alerts = simulate(with_events(orders=(late,)))["alerts"]
    b1 = [(a["kind"], a["limit"], a["raised_at"]) for a in alerts if a["order"] == "B1"][:3]
    assert b1 == [
        ("emergency", "emergency_reply", "2026-11-26T10:00:00+08:00"),
        ("due_soon", "sign", "2026-11-26T10:45:00+08:00"),
        ("due_soon", "emergency_reply", "2026-11-26T10:45:00+08:00"),
    ]


def test_a_bad_order_is_reported_even_when_no_order_goes_in() -> None:
    outcome = simulate({"orders": [{"id": "B1"}], "events": []})
    assert outcome["orders"]["B1"]["status"] is None
    assert outcome["orders"]["B1"]["rejected"][0]["action"] == "intake"
