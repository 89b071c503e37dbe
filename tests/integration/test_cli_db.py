"""The database subcommands as an operator and a clerk use them (SPEC section 10)."""

from __future__ import annotations

from hotline_core.adapters.repository import FileRepository
from tests.support import MINIMAL_FORM, push


def test_init_makes_the_founder_admin_and_handler(cli) -> None:
    code, data, _ = cli("init", "--json")
    assert code == 0 and data["roles"] == ["admin", "handler"]
    code, _, err = cli("init")
    assert code == 2 and "已经初始化" in err


def test_users_are_added_listed_and_removed_by_an_admin_only(cli) -> None:
    cli("init")
    assert cli("users", "add", "kim", "county_clerk", "--county", "延吉市")[0] == 0
    code, _, err = cli("users", "add", "lee", "county_clerk")
    assert code == 2 and "八个县" in err
    code, users, _ = cli("users", "list", "--json")
    assert [u["login"] for u in users] == ["founder", "kim"] and users[1]["county"] == "延吉市"
    code, _, err = cli("users", "remove", "founder", login="kim")
    assert code == 2 and "无权" in err
    assert cli("users", "remove", "kim")[0] == 0


def test_an_unknown_login_is_refused_with_the_way_to_get_access(cli, tmp_path) -> None:
    cli("init")
    code, _, err = cli("intake", push(tmp_path, MINIMAL_FORM), login="stranger")
    assert code == 2 and "hotline users add stranger" in err


def test_intake_is_idempotent_and_reports_each_bad_order(cli, tmp_path) -> None:
    cli("init")
    bad = {**MINIMAL_FORM, "id": "B2", "phone": "12"}
    code, data, _ = cli("intake", push(tmp_path, MINIMAL_FORM, bad), "--json")
    assert code == 1 and data["added"] == ["A1"]
    assert data["rejected"][0]["id"] == "B2" and "联系方式" in data["rejected"][0]["problems"][0]
    code, data, _ = cli("intake", push(tmp_path, MINIMAL_FORM), "--json")
    assert code == 0 and data == {"added": [], "present": ["A1"], "rejected": []}


def test_act_and_show_follow_the_rules_at_the_systems_time(cli, tmp_path) -> None:
    cli("init")
    cli("intake", push(tmp_path, MINIMAL_FORM))
    code, data, _ = cli("act", "A1", "sign", "note=已签收", "--json")
    assert code == 0 and data["status"] == "handling" and data["events"][-1]["note"] == "已签收"
    code, _, err = cli("act", "A1", "close")
    assert code == 2 and "不能进行此操作" in err
    code, _, err = cli("act", "A1", "transfer", "to=长春市")
    assert code == 2 and "八个县" in err
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(b"\xff\xd8\xff jpeg")  # a JPEG by its bytes (issue 14.6: the type is read)
    cli("act", "A1", "contact")
    code, data, _ = cli("act", "A1", "feedback", "text=已办理", f"attach={picture}", "--json")
    assert code == 0 and data["events"][-1]["attachments"][0]["name"] == "photo.jpg"
    code, data, _ = cli("show", "A1", "--json")
    assert set(data) >= {"status", "limits", "rejected", "record", "events"}
    assert data["limits"]["sign"]["state"] in ("met", "breached")
    assert cli("show", "ZZ")[0] == 2


def test_escalate_raises_alerts_once(cli, tmp_path) -> None:
    cli("init")
    cli("intake", push(tmp_path, MINIMAL_FORM))  # received 2026-11-20: overdue by today already
    code, data, _ = cli("escalate", "--now", "2026-11-20T18:00:00+08:00", "--json")
    assert code == 0
    stored = FileRepository.open(cli.folder).snapshot().alerts()
    assert [a.kind.value for a in stored].count("sign_overdue") == 1
    code, data, _ = cli("escalate", "--now", "2026-11-20T18:00:00+08:00", "--json")
    assert data["alerts"] == []


def test_check_backup_and_restore(cli, tmp_path) -> None:
    cli("init")
    cli("intake", push(tmp_path, MINIMAL_FORM))
    code, data, _ = cli("check", "--json")
    assert code == 0 and data["ok"] and data["orders"] == 1
    code, data, _ = cli("backup", "--to", str(tmp_path / "backups"), "--json")
    assert code == 0
    made = data["backup"]
    cli("act", "A1", "sign")
    code, _, err = cli("restore", made)
    assert code == 2 and "这里已有数据库" in err  # in the chosen language (issue 16)
    code, data, _ = cli("restore", made, "--replace", "--json")
    assert code == 0 and data["replaced"]
    code, data, _ = cli("show", "A1", "--json")
    assert data["status"] == "received"  # the backup was taken before signing
    assert cli("backup", login="nobody")[0] == 2


def test_check_reports_a_damaged_file_without_touching_it(cli) -> None:
    cli("init")
    working = cli.folder / "working.json"
    working.write_bytes(working.read_bytes()[:40])
    before = working.read_bytes()
    code, out, err = cli("check")  # check lists every problem it finds (stdout), exit 1
    assert code != 0 and "working.json" in f"{out}{err}"
    assert working.read_bytes() == before


def test_demo_refuses_a_real_database(cli) -> None:
    cli("init")
    code, _, err = cli("demo")
    assert code == 2 and "正式数据库" in err


def test_demo_builds_orders_in_every_state(cli) -> None:
    code, data, _ = cli("demo", "--json")
    assert code == 0 and data["orders"] >= 15
    assert cli("check")[0] == 0


def test_an_admin_enters_next_years_schedule_and_deadlines_become_firm(cli) -> None:
    cli("init")
    code, data, _ = cli("deadlines", "--received", "2026-12-31T16:30:00+08:00", "--type", "help", "--json")
    assert data["provisional"] is True
    code, data, _ = cli(
        "calendar", "override", "2027", "--rest", "2027-01-01,2027-01-04", "--official", "--json"
    )
    assert code == 0 and data["official"] and "2027-01-04" in data["holidays"]
    code, data, _ = cli("deadlines", "--received", "2026-12-31T16:30:00+08:00", "--type", "help", "--json")
    assert data["provisional"] is False and data["sign_by"] == "2027-01-05T09:00:00+08:00"
    code, _, err = cli("calendar", "override", "2027", "--rest", "2026-12-01")
    assert code == 2 and "别的年份的日期：2026-12-01" in err
    cli("users", "add", "kim", "viewer")
    assert cli("calendar", "override", "2027", "--official", login="kim")[0] == 2


def test_an_order_received_in_the_future_is_refused_at_intake(cli, tmp_path) -> None:
    cli("init")
    _code, data, _ = cli(
        "intake", push(tmp_path, {**MINIMAL_FORM, "received_at": "2099-01-01T09:00:00+08:00"}), "--json"
    )
    assert data["added"] == [] and "受理时间" in data["rejected"][0]["problems"][0]
