"""``hotline exchange``: the JSON contract of pull, push, status, mark and link, and who may use them."""

from __future__ import annotations

from pathlib import Path

from tests.integration.exchange.exports import order_row, write_xlsx


def export(tmp_path: Path) -> Path:
    rows = [order_row(n, 派发时间="2026-11-02 09:00", 承诺完成时间="2026-11-05 09:00") for n in (1, 2)]
    return write_xlsx(tmp_path / "export.xlsx", [*rows, order_row(3, 联系电话="12")])


def test_pull_json_lists_added_unchanged_corrected_and_rejected_rows(cli, tmp_path: Path) -> None:
    cli("init")
    path = export(tmp_path)

    code, data, _ = cli("exchange", "pull", str(path), "--json")

    assert code == 1  # a row was rejected; the others went in
    assert (data["added"], data["unchanged"], data["corrected"]) == (["YB202600001", "YB202600002"], [], [])
    assert [(r["row"], r["column"], r["code"], r["file"]) for r in data["rejected"]] == [
        (4, "联系电话", "bad_phone", "export.xlsx")
    ]
    assert data["rejected"][0]["reason"].startswith("联系方式：")
    code, data, _ = cli("exchange", "pull", str(path), "--json")
    assert data["added"] == [] and data["unchanged"] == ["YB202600001", "YB202600002"]


def test_a_dry_run_changes_nothing(cli, tmp_path: Path) -> None:
    cli("init")
    _code, data, _ = cli("exchange", "pull", str(export(tmp_path)), "--dry-run", "--json")
    assert data["dry_run"] is True and len(data["added"]) == 2
    _, listed, _ = cli("list", "--json")
    assert listed == []


def test_signing_makes_a_message_push_writes_it_and_a_clerk_can_mark_one_failed(cli, tmp_path: Path) -> None:
    cli("init")
    cli("exchange", "pull", str(export(tmp_path)), "--json")
    cli("act", "YB202600001", "sign")
    cli("act", "YB202600002", "sign")

    code, status, _ = cli("exchange", "status", "--json")
    assert [(m["id"], m["kind"], m["state"]) for m in status["messages"]] == [
        ("YB202600001#1", "signature", "ready"),
        ("YB202600002#1", "signature", "ready"),
    ]
    code, marked, _ = cli("exchange", "mark", "YB202600002#1", "failed", "--reason", "平台维护", "--json")
    assert (marked["state"], marked["reason"]) == ("failed", "平台维护")
    code, pushed, _ = cli("exchange", "push", "--to", str(tmp_path / "out"), "--json")
    assert [m["id"] for m in pushed["sent"]] == ["YB202600001#1", "YB202600002#1"]
    assert (tmp_path / "out" / "YB202600001_1_signature" / "text.txt").exists()
    code, again, _ = cli("exchange", "push", "--to", str(tmp_path / "out"), "--json")
    assert again["sent"] == []
    code, _, err = cli("exchange", "mark", "YB202600001#1", "sent")
    assert code == 2 and "已标记为已发送" in err


def test_only_handlers_and_administrators_exchange_with_the_platform(cli, tmp_path: Path) -> None:
    cli("init")
    cli("users", "add", "leader1", "leader")

    code, _, err = cli("exchange", "pull", str(export(tmp_path)), login="leader1")

    assert code == 2 and "leader1" in err
    code, data, _ = cli("list", "--json")
    assert data == []


def test_a_handler_merges_a_repeat_into_the_order_it_repeats(cli, tmp_path: Path) -> None:
    cli("init")
    same = dict(联系电话="13900001111", 诉求内容="残疾人就业补贴一直没有发放，请尽快处理")
    first = order_row(1, 派发时间="2026-11-02 09:00", 承诺完成时间="2026-11-05 09:00", **same)
    second = order_row(2, 派发时间="2026-11-03 09:00", 承诺完成时间="2026-11-06 09:00", **same)
    cli("exchange", "pull", str(write_xlsx(tmp_path / "a.xlsx", [first])), "--json")
    code, data, _ = cli("exchange", "pull", str(write_xlsx(tmp_path / "b.xlsx", [second])), "--json")
    assert data["repeats"] == {"YB202600002": ["YB202600001"]}

    code, linked, _ = cli("exchange", "link", "YB202600002", "YB202600001", "--merge", "--json")

    assert code == 0 and linked == {"order": "YB202600002", "parent": "YB202600001", "kind": "merged"}
    code, _, err = cli("exchange", "link", "YB202600002", "YB202600002")
    assert code == 2 and "自身" in err


def test_a_merged_order_is_answered_with_its_parents_feedback_and_both_stay(cli, tmp_path: Path) -> None:
    cli("init")
    rows = [order_row(n, 派发时间="2026-11-02 09:00", 承诺完成时间="2026-11-05 09:00") for n in (1, 2)]
    cli("exchange", "pull", str(write_xlsx(tmp_path / "a.xlsx", rows)), "--json")
    cli("exchange", "link", "YB202600002", "YB202600001", "--merge")
    for action in (["sign"], ["contact"], ["feedback", "text=已办结", "no_image_reason=电话答复"]):
        cli("act", "YB202600001", *action)

    _, status, _ = cli("exchange", "status", "--json")

    feedback = {m["id"]: m for m in status["messages"] if m["kind"] == "feedback"}
    assert set(feedback) == {"YB202600001#3", "YB202600002#YB202600001#3"}
    merged = feedback["YB202600002#YB202600001#3"]
    assert merged["order"] == "YB202600002" and "已办结" in merged["text"] and "YB202600001" in merged["text"]
    _, report, _ = cli("report", "hotspots", "--period", "2026Q4", "--json")
    (caller,) = report["tables"]["repeat_callers"]["rows"]  # different phones: the link makes them one
    assert (caller["calls"], caller["order_ids"]) == (2, "YB202600001、YB202600002")


def test_an_administrator_sees_the_outbox_without_its_texts_and_check_passes(cli, tmp_path: Path) -> None:
    cli("init")
    cli("users", "add", "admin2", "admin")
    cli("exchange", "pull", str(export(tmp_path)))
    cli("act", "YB202600001", "sign")

    _, handler_view, _ = cli("exchange", "status", "--json")
    _, admin_view, _ = cli("exchange", "status", "--json", login="admin2")
    _, log, _ = cli("audit", "access", "--json")

    assert handler_view["messages"][0]["text"].startswith("已签收")
    assert admin_view["messages"][0]["text"] == "" and admin_view["messages"][0]["state"] == "ready"
    subjects = [(e["login"], e["subject"]) for e in log]
    assert ("founder", "exchange status") in subjects and ("admin2", "exchange status") not in subjects
    code, _, _ = cli("check")
    assert code == 0


def test_show_gives_the_centers_due_time_and_warns_when_it_comes_before_our_close(cli, tmp_path) -> None:
    cli("init")
    row = order_row(1, 派发时间="2026-11-02 09:00", 承诺完成时间="2026-11-02 17:00")  # a consultation
    without = order_row(2, 派发时间="2026-11-02 09:00", 承诺完成时间="")
    cli("exchange", "pull", str(write_xlsx(tmp_path / "export.xlsx", [row, without])), "--json")

    code, shown, _ = cli("show", "YB202600001", "--json")
    assert code == 0 and shown["center_due"] == "2026-11-02T17:00:00+08:00"
    assert shown["limits"]["close"]["due"] == "2026-11-03T09:00:00+08:00"
    code, text, _ = cli("show", "YB202600001")
    assert "热线中心承诺完成时间：11-02 17:00" in text
    assert "⚠ 热线中心的承诺完成时间早于办结时限：请在 11-02 17:00 前办结" in text
    code, shown, _ = cli("show", "YB202600002", "--json")
    assert code == 0 and "center_due" not in shown  # the platform gave none


def test_a_correction_is_told_in_chinese_by_the_fields_names_and_beijing_time(cli, tmp_path: Path) -> None:
    cli("init")
    row = order_row(1, 派发时间="2026-11-02 09:00", 承诺完成时间="2026-11-05 09:00")
    cli("exchange", "pull", str(write_xlsx(tmp_path / "a.xlsx", [row])))
    changed = {**row, "诉求类型": "投诉", "承诺完成时间": "2026-11-06 17:30"}
    code, said, _ = cli("exchange", "pull", str(write_xlsx(tmp_path / "b.xlsx", [changed])))
    assert code == 0 and "诉求类型 政策咨询 → 投诉；承诺完成时间 2026-11-05 09:00 → 2026-11-06 17:30" in said
    again = {**changed, "承诺完成时间": "2026-11-07 17:30"}  # (the earlier row again is no change)
    said = cli("exchange", "pull", str(write_xlsx(tmp_path / "c.xlsx", [again])), "--lang", "en")[1]
    assert "2026-11-06 17:30 → 2026-11-07 17:30" in said and "承诺" not in said


def test_a_clerk_who_may_not_exchange_learns_nothing_of_a_file_the_service_account_can_read(
    cli, tmp_path: Path
) -> None:
    cli("init")
    cli("users", "add", "leader1", "leader")
    missing = tmp_path / "no-such-export.csv"

    code, _, err = cli("exchange", "pull", str(missing), login="leader1")

    assert code == 2 and "leader1" in err and "no-such-export" not in err


def test_an_administrator_may_not_push_the_texts_status_hides_from_them(cli, tmp_path: Path) -> None:
    cli("init")
    cli("users", "add", "admin2", "admin")
    cli("exchange", "pull", str(export(tmp_path)))
    cli("act", "YB202600001", "sign")
    out = tmp_path / "out"

    code, _, err = cli("exchange", "push", "--to", str(out), login="admin2")

    assert code == 2 and "admin2" in err
    assert not out.exists() or list(out.iterdir()) == []
    _, status, _ = cli("exchange", "status", "--json")
    assert status["messages"][0]["state"] == "ready"


def test_an_administrator_marking_a_message_sent_is_not_shown_its_text(cli, tmp_path: Path) -> None:
    cli("init")
    cli("users", "add", "admin2", "admin")
    cli("exchange", "pull", str(export(tmp_path)))
    cli("act", "YB202600001", "sign")
    _, status, _ = cli("exchange", "status", "--json")

    code, marked, _ = cli("exchange", "mark", status["messages"][0]["id"], "sent", "--json", login="admin2")

    assert code == 0 and marked["state"] == "sent" and marked["text"] == ""
