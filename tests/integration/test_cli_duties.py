"""``hotline service``, ``hotline incident`` and ``hotline episode`` on a real database, in JSON."""

from __future__ import annotations

from tests.support import MINIMAL_FORM, push


def test_a_legal_aid_referral_goes_out_and_comes_back_through_the_command_line(cli, tmp_path) -> None:
    cli("init")
    cli("intake", push(tmp_path, {**MINIMAL_FORM, "county": "延吉市"}))
    code, added, _ = cli("service", "add", "legal_aid", "topic=工伤赔偿", "--order", "A1", "--json")
    assert code == 0 and added["place"] == "延吉市" and added["legal_aid_state"] == "referred"
    sid = added["id"]
    assert cli("service", "update", sid, "accepted", "--json")[1]["legal_aid_state"] == "accepted"
    code, done, _ = cli("service", "update", sid, "concluded", "outcome=调解成功", "--json")
    assert code == 0 and done["legal_aid_state"] == "concluded" and done["outcome"] == "调解成功"
    code, listed, _ = cli("service", "list", "--period", "2026", "--json")
    assert [s["id"] for s in listed] == [sid]
    code, report, _ = cli("report", "quarterly", "--period", "2026Q4", "--json")
    rows = {r["place"]: r for r in report["tables"]["summary"]["rows"]}
    assert rows["延吉市"]["service_legal_aid"] == 1 and rows["延吉市"]["legal_aid_concluded"] == 1
    assert rows["延吉市"]["received"] == 1 and list(report["tables"]) == ["summary"]


def test_a_service_without_its_citizen_or_order_is_refused_naming_the_field(cli) -> None:
    cli("init")
    code, _, err = cli("service", "add", "publicity", "topic=两项补贴")
    assert code == 2 and "姓名" in err
    code, _, err = cli("service", "add", "mediation", "name=李某", "topic=x", "--lang", "en")
    assert code == 2 and "kind" in err
    code, _, err = cli("service", "add", "mediation", "name=李某", "topic=x")
    assert code == 2 and "类别：不在可选范围内" in err and "消息类型" not in err  # not the exchange's word
    assert cli("service", "list", "--json")[1] == []


def test_a_major_incident_alerts_the_leader_and_is_closed_after_a_follow_up(cli, tmp_path) -> None:
    cli("init")
    cli("users", "add", "boss", "leader")
    cli("intake", push(tmp_path, MINIMAL_FORM))
    code, opened, _ = cli(
        "incident", "open", "what=有人欲聚集上访", "measures=已上门稳控", "order=A1", "--json"
    )
    assert (
        code == 0 and opened["told"] == "党组、理事会" and not opened["closed"] and opened["order_id"] == "A1"
    )
    iid = opened["id"]
    code, followed, _ = cli(
        "incident", "follow-up", iid, "text=已走访", "told=理事长", "--json", login="boss"
    )
    assert code == 0 and followed["steps"][0]["told"] == "理事长"
    code, closed, _ = cli("incident", "close", iid, "text=已化解", "--json")
    assert code == 0 and closed["closed"] and [s["kind"] for s in closed["steps"]] == ["follow_up", "close"]
    assert cli("incident", "show", iid, "--json")[1]["closed"]
    assert [i["id"] for i in cli("incident", "list", "--json")[1]] == [iid]
    code, _, err = cli("incident", "follow-up", iid, "text=再报")
    assert code == 2 and iid in err


def test_an_episode_question_becomes_an_order_of_the_programme(cli) -> None:
    cli("init")
    code, episode, _ = cli(
        "episode", "add", "date=2026-11-26", "guests=副理事长,维权部部长", "topics=就业", "--json"
    )
    assert code == 0 and episode["id"] == "BX20261126" and episode["guests"] == ["副理事长", "维权部部长"]
    code, taken, _ = cli(
        "episode", "question", "BX20261126", "appeal_type=help", "appeal=轮椅维修", "name=崔某", "--json"
    )
    order = taken["order"]
    assert code == 0 and order["record"]["appeal"]["channel"] == "web"
    assert order["events"][0]["data"] == {"episode": "BX20261126"}
    code, shown, _ = cli("show", order["record"]["order_id"], "--json")
    assert code == 0 and shown["status"] == "received"
    code, summary, _ = cli("episode", "show", "BX20261126", "--json")
    assert summary["questions"][0]["status"] == "received" and summary["by_status"] == {"received": 1}
    assert [e["id"] for e in cli("episode", "list", "--json")[1]] == ["BX20261126"]


def test_the_viewer_reads_services_masked_and_the_whole_reads_are_in_the_access_log(cli) -> None:
    cli("init")
    cli("users", "add", "auditor", "viewer")
    cli(
        "service",
        "add",
        "counselling",
        "name=金某某",
        "phone=13812345678",
        "topic=情绪",
        "follow_up=2026-12-30",
    )
    _, seen, _ = cli("service", "list", "--json", login="auditor")
    assert seen[0]["citizen"]["name"] == "金**" and seen[0]["citizen"]["phone"] == "138****5678"
    cli("service", "list", "--json")
    log = cli("audit", "access", "--json", login="auditor")[1]
    assert [(e["login"], e["kind"], e["orders"]) for e in log] == [("founder", "duty", [seen[0]["id"]])]


def test_the_duties_are_in_the_journal_check_and_backups_like_every_table(cli, tmp_path) -> None:
    from tests.integration.test_integrity import _edit_doc

    cli("init")
    sid = cli("service", "add", "legal_aid", "name=金某", "topic=工伤", "--json")[1]["id"]
    cli("service", "update", sid, "refused", "reason=不属于援助范围")
    cli("incident", "open", "what=x", "measures=y")
    cli("episode", "add", "date=2026-11-26", "guests=副理事长")
    assert cli("check", "--json")[1]["ok"]
    made = cli("backup", "--to", str(tmp_path / "backups"), "--json")[1]["backup"]

    _edit_doc(cli.folder / "working.json", "services", sid, lambda doc: doc["steps"][0].update(note="已办结"))
    code, out, err = cli("check")
    assert code == 1 and f"services {sid}: altered" in f"{out}{err}"

    assert cli("restore", made, "--replace", "--json")[0] == 0
    assert cli("check", "--json")[1]["ok"]
    [back] = cli("service", "list", "--json")[1]
    assert back["legal_aid_state"] == "refused" and back["outcome"] == "不属于援助范围"
    assert [e["id"] for e in cli("episode", "list", "--json")[1]] == ["BX20261126"]
    assert [i["id"] for i in cli("incident", "list", "--json")[1]] == ["I00001"]


def test_a_service_or_incident_on_an_order_that_does_not_exist_is_refused_naming_the_order(cli) -> None:
    cli("init")
    code, _, err = cli("service", "add", "legal_aid", "topic=工伤赔偿", "--order", "A9")
    assert code == 2 and "工单：没有编号为 A9 的工单" in err
    code, _, err = cli("incident", "open", "what=欲聚集", "measures=已稳控", "--order", "A9")
    assert code == 2 and "工单：没有编号为 A9 的工单" in err
    assert cli("service", "list", "--json")[1] == [] and cli("incident", "list", "--json")[1] == []
