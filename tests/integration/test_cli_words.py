"""The command line speaks the language of ``--lang`` and prints typed text without acting on it."""

from __future__ import annotations

import re

from hotline_tui.cli.output import as_json
from tests.support import MINIMAL_FORM, push

HAN = re.compile("[\u4e00-\u9fff]")


def test_a_new_database_is_announced_in_the_language_asked_for(cli) -> None:
    code, said, _ = cli("init", "--lang", "en")
    assert code == 0 and said.startswith("created the database") and not HAN.search(said)
    cli("users", "add", "kim", "viewer")
    assert cli("users", "remove", "kim", "--lang", "ko")[1].strip() == "kim을(를) 삭제했습니다"
    assert cli("check")[1].strip().endswith("张在办工单）")  # Chinese by default


def test_intake_act_and_show_speak_english_but_quote_the_order_as_written(cli, tmp_path) -> None:
    cli("init")
    said = cli("intake", push(tmp_path, MINIMAL_FORM), "--lang", "en")[1]
    assert said.strip() == "added 1, already there 0, rejected 0"
    said = cli("act", "A1", "sign", "--lang", "en")[1]
    assert said.strip() == "A1: sign → being handled"
    said = cli("show", "A1", "--lang", "en")[1]
    lines = said.splitlines()
    assert lines[0] == f"A1  being handled  {MINIMAL_FORM['appeal']}"
    assert any(line.split()[0] == "contact" for line in lines[1:])
    assert not HAN.search(said.replace(MINIMAL_FORM["appeal"], ""))


def test_escalation_and_the_calendar_speak_korean(cli, tmp_path) -> None:
    cli("init")
    cli("intake", push(tmp_path, MINIMAL_FORM))  # received 2026-11-20, long unsigned by then
    first, *alerts = cli("escalate", "--now", "2027-01-20T09:00:00+08:00", "--lang", "ko")[1].splitlines()
    assert first.startswith("새 알림 ") and first.endswith("건")
    assert alerts and all(not HAN.search(line.split()[0]) for line in alerts)  # the kinds in Korean
    said = cli("calendar", "show", "2026", "--lang", "ko")[1]
    assert said.startswith("2026년: ") and "평일 휴무" in said and "주말 근무" in said


def test_show_prints_escape_sequences_in_an_order_as_visible_characters(cli, tmp_path) -> None:
    cli("init")
    appeal = "诉求\x1b[2J清屏\x1b]8;;http://x\x07链接 [b]粗[/b]"
    cli("intake", push(tmp_path, {**MINIMAL_FORM, "appeal": appeal}))
    cli("act", "A1", "sign", "note=备注\x1b[31m红\u202e")
    code, said, _ = cli("show", "A1")
    assert code == 0 and "\x1b" not in said and "\x07" not in said and "\u202e" not in said
    assert "诉求␛[2J清屏␛]8;;http://x␇链接 [b]粗[/b]" in said
    assert "备注␛[31m红\\u202e" in said
    code, data, _ = cli("show", "A1", "--json")
    assert data["record"]["appeal"]["text"] == appeal  # JSON carries the text exactly, escaped as JSON does


def test_a_failure_quoting_typed_text_shows_its_control_characters(cli) -> None:
    cli("init")
    code, _, err = cli("show", "X\x1b[2J")
    assert code == 2 and "\x1b" not in err and "␛[2J" in err


def test_json_output_writes_a_lone_surrogate_as_its_escape() -> None:
    written = as_json({"note": "a\ud800b"})
    assert "\\ud800" in written
    written.encode("utf-8")  # would raise on a raw surrogate


def test_study_list_and_show_name_the_steps_in_chinese_not_their_codes(cli, tmp_path) -> None:
    cli("init")
    assert cli("study", "list")[1].strip() == "没有记录"
    cli("study", "open", "--problem", "两项补贴标准偏低", "--title", "两项补贴调研")
    cli("study", "write", "ZY2026-001", "--findings", "知晓率低", "--suggestions", "加强宣传")
    cli("study", "submit", "ZY2026-001", "--to", "board")
    listed = cli("study", "list")[1].strip()
    assert listed == "ZY2026-001  已报送 → 理事会  两项补贴调研  （0 张工单）"
    shown = cli("study", "show", "ZY2026-001")[1]
    assert "新建" in shown and "撰写 主要发现、意见建议" in shown and "报送 理事会" in shown
    assert not re.search(r"\b(open|write|submit|findings|suggestions)\b", shown)
    assert "Write findings, suggestions" in cli("study", "show", "ZY2026-001", "--lang", "en")[1]


def test_a_missing_findings_file_is_refused_in_chinese_naming_the_field(cli, tmp_path) -> None:
    cli("init")
    cli("study", "open", "--problem", "两项补贴标准偏低")
    missing = tmp_path / "没有.txt"
    code, _, err = cli("study", "write", "ZY2026-001", "--findings-file", str(missing))
    assert code == 2 and f"主要发现：文件不存在：{missing}" in err


def test_an_empty_list_of_services_incidents_or_episodes_says_so_in_the_language(cli) -> None:
    cli("init")
    for group in ("service", "incident", "episode"):
        assert cli(group, "list")[1].strip() == "没有记录"
        assert cli(group, "list", "--lang", "ko")[1].strip() == "기록이 없습니다"


def test_policy_show_says_what_each_typed_rule_means_in_the_language(cli) -> None:
    cli("init")
    lines = cli("policy", "show")[1].splitlines()
    assert lines[1].split() == ["sign", "1h@office_hours", "签收，按办公时间计"]
    assert any(line.split()[-1] == "办结·生活帮助，按工作日计" for line in lines if "close.help" in line)
    said = cli("policy", "show", "--county", "延吉市", "--lang", "ko")[1]
    assert said.startswith("연길시 기한 규칙") and "자연 시간 기준" in said


def test_a_county_summary_table_shows_its_figures_under_the_tables_headings(cli, tmp_path) -> None:
    cli("init")
    cli("users", "add", "yj", "county_clerk", "--county", "延吉市")
    cli("intake", push(tmp_path, {**MINIMAL_FORM, "county": "延吉市"}))
    said = cli("summary", "generate", "2026Q4", login="yj")[1]
    assert said.startswith("延吉市 2026Q4 汇总表") and "  受理量  " in said and "期末未办结" in said
    assert not re.search(r"\b(received|type_help|open_at_end)\b", said)


def test_the_service_list_lines_up_an_order_number_and_a_citizens_name(cli, tmp_path) -> None:
    from hotline_tui.cli.helptext import cells

    cli("init")
    cli("intake", push(tmp_path, {**MINIMAL_FORM, "id": "YB202611200001", "county": "延吉市"}))
    cli("service", "add", "legal_aid", "topic=工伤赔偿", "--order", "YB202611200001")
    cli(
        "service",
        "add",
        "counselling",
        "topic=情绪疏导",
        "name=张三",
        "county=延吉市",
        "follow_up=2026-12-30",
    )
    for language in ("zh_CN", "ko", "en"):
        lines = cli("service", "list", "--lang", language)[1].splitlines()
        assert len(lines) == 2, (language, lines)
        topics = zip(lines, ("工伤赔偿", "情绪疏导"), strict=True)
        assert len({cells(line[: line.index(topic)]) for line, topic in topics}) == 1, (language, lines)


def test_an_incident_reads_with_chinese_punctuation_and_its_steps_by_name(cli) -> None:
    cli("init")
    cli("incident", "open", "what=欲聚集上访", "measures=已上门稳控")
    said = cli("incident", "follow-up", "I00001", "text=已走访", "told=理事长")[1]
    assert "  情况经过：欲聚集上访" in said and "续报：已走访 理事长" in said
    assert "  what happened: 欲聚集上访" in cli("incident", "show", "I00001", "--lang", "en")[1]
