"""A study's Word report read back with python-docx: its tables cell by cell, its words."""

from __future__ import annotations

from datetime import timedelta

import docx
import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.events import Command
from hotline_core.domain.problems import Refused
from tests.support import COMPLETE_FORM, TUMEN_CLERK, VIEWER, at

NOW = at("2026-10-10 10:00")


def order(order_id: str, day: str, appeal: str, **changes: str) -> dict[str, object]:
    return {
        **COMPLETE_FORM,
        "id": order_id,
        "received_at": f"{day}T09:00:00+08:00",
        "call_date": day,
        "appeal": appeal,
        **changes,
    }


FORMS = [
    order("A1", "2026-08-03", "用人单位拒绝按比例安排残疾人就业，联系电话13812345678"),
    order(
        "A2",
        "2026-08-10",
        "咨询残疾人就业保障金减免政策",
        county="图们市",
        appeal_type="consultation",
        reply="已解释",
    ),
    order(
        "A3",
        "2026-09-01",
        "盲人按摩店申请就业补贴一直没有答复，已经等了三个月，希望有关部门尽快给个说法，不要再拖下去了，店里的几位盲人按摩师生活很困难",
        county="图们市",
    ),
    order("B1", "2026-09-02", "康复器具适配", business_area="rehabilitation"),
]


@pytest.fixture
def repo() -> MemoryRepository:
    """Four orders of 2026Q3; A2 answered and closed as solved."""
    repository = MemoryRepository()
    services.initialise(repository, "clerk", at("2026-07-01 09:00"))
    for person in (VIEWER, TUMEN_CLERK):
        services.add_user(repository, "clerk", person)
    services.intake(repository, "clerk", FORMS, at("2026-09-03 09:00"))
    steps = [
        ("sign", {}),
        ("contact", {"result": "reached"}),
        ("feedback", {"text": "已答复", "no_image_reason": "电话答复"}),
        ("rate", {"level": "satisfied"}),
        ("close", {"outcome": "solved"}),
    ]
    for minute, (action, data) in enumerate(steps, 1):
        services.act(
            repository,
            "clerk",
            "A2",
            Command(action, data),
            at("2026-09-03 09:00") + timedelta(minutes=minute),
        )
    return repository


def study_of_employment(repo: MemoryRepository) -> str:
    study = services.open_study(
        repo, "clerk", "study", "关于按比例安排残疾人就业的专项调研", "用人单位不按比例安排残疾人就业。", NOW
    )
    services.add_study_orders(repo, "clerk", study.id, ["A1", "A2", "A3"], NOW)
    services.write_study(
        repo,
        "clerk",
        study.id,
        NOW,
        findings="一是政策知晓率低。\n二是保障金减免衔接不畅。",
        suggestions="建议联合人社部门开展宣传。",
    )
    return study.id


def cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text]


def test_the_report_tables_count_the_orders_by_type_place_and_outcome_cell_by_cell(repo, tmp_path) -> None:
    study_id = study_of_employment(repo)
    path = services.draft_study(repo, "clerk", study_id, tmp_path / "study.docx", NOW)
    tables = docx.Document(str(path)).tables
    assert [cells(t) for t in tables[:3]] == [
        [
            ["诉求类型", "工单数", "占比"],
            ["投诉", "2", "66.7%"],
            ["政策咨询", "1", "33.3%"],
            ["合计", "3", "100.0%"],
        ],
        [
            ["地区", "工单数", "占比"],
            ["图们市", "2", "66.7%"],
            ["延吉市", "1", "33.3%"],
            ["合计", "3", "100.0%"],
        ],
        [
            ["办理结果", "工单数", "占比"],
            ["办理中", "2", "66.7%"],
            ["已解决", "1", "33.3%"],
            ["合计", "3", "100.0%"],
        ],
    ]
    assert cells(tables[3]) == [
        ["序号", "工单编号", "受理日期", "诉求类型", "地区", "诉求摘要", "办理结果"],
        [
            "1",
            "A1",
            "2026-08-03",
            "投诉",
            "延吉市",
            "用人单位拒绝按比例安排残疾人就业，联系电话13812345678",
            "办理中",
        ],
        ["2", "A2", "2026-08-10", "政策咨询", "图们市", "咨询残疾人就业保障金减免政策", "已解决"],
        ["3", "A3", "2026-09-01", "投诉", "图们市", FORMS[2]["appeal"][:49] + "…", "办理中"],
    ]
    assert len(tables) == 4  # no period: no hot-issues tables, not submitted: no route


def test_the_report_carries_the_problem_the_findings_and_the_suggestions_the_handler_wrote(
    repo, tmp_path
) -> None:
    study_id = study_of_employment(repo)
    document = docx.Document(str(services.draft_study(repo, "clerk", study_id, tmp_path / "s.docx", NOW)))
    text = paragraphs(document)
    assert text[:2] == ["关于按比例安排残疾人就业的专项调研", f"专项调研报告　{study_id}"]
    section = document.sections[0]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、问题的提出", "二、基本情况", "三、主要发现", "四、意见建议"]
    found = text.index("三、主要发现")
    assert text[found : found + 5] == [
        "三、主要发现",
        "一是政策知晓率低。",
        "二是保障金减免衔接不畅。",
        "四、意见建议",
        "建议联合人社部门开展宣传。",
    ]
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)  # A4


def test_drafting_shows_the_orders_whole_to_a_handler_and_logs_them(repo, tmp_path) -> None:
    study_id = study_of_employment(repo)
    services.draft_study(repo, "clerk", study_id, tmp_path / "s.docx", NOW)
    (entry,) = [a for a in repo.snapshot().accesses() if a.kind is AccessKind.REPORT]
    assert (entry.login, entry.subject, entry.orders) == ("clerk", f"study {study_id}", ("A1", "A2", "A3"))


def test_a_viewer_drafts_the_report_with_the_citizens_data_masked(repo, tmp_path) -> None:
    study_id = study_of_employment(repo)
    document = docx.Document(str(services.draft_study(repo, "viewer", study_id, tmp_path / "v.docx", NOW)))
    assert cells(document.tables[3])[1][5] == "用人单位拒绝按比例安排残疾人就业，联系电话138****5678"
    assert "（个人信息已脱敏）" in document.sections[0].footer.paragraphs[0].text
    assert not [a for a in repo.snapshot().accesses() if a.kind is AccessKind.REPORT]


def test_a_county_clerk_may_neither_open_nor_read_studies(repo, tmp_path) -> None:
    study_id = study_of_employment(repo)
    with pytest.raises(Refused):
        services.open_study(repo, "tumen", "study", "题目", "问题", NOW)
    with pytest.raises(Refused):
        services.draft_study(repo, "tumen", study_id, tmp_path / "t.docx", NOW)
    assert not (tmp_path / "t.docx").exists()


def test_a_hot_issue_brings_in_the_periods_orders_that_mention_it(repo) -> None:
    study = services.open_study(
        repo, "clerk", "study", "就业补贴", "", NOW, period="2026Q3", hot_issue="就业"
    )
    study = services.add_study_orders(repo, "clerk", study.id, [], NOW, matching="就业")
    assert study.order_ids == ("A1", "A2", "A3")


def test_the_analysis_for_the_office_meeting_carries_the_hot_issues_and_what_was_decided(
    repo, tmp_path
) -> None:
    analysis = services.open_study(
        repo, "clerk", "analysis", "", "", NOW - timedelta(days=2), period="2026Q3"
    )
    services.write_study(
        repo,
        "clerk",
        analysis.id,
        NOW - timedelta(days=1),
        findings="就业类诉求集中。",
        suggestions="开展就业帮扶。",
    )
    services.submit_study(repo, "clerk", analysis.id, "office_meeting", NOW, at=NOW - timedelta(hours=1))
    decided = services.answer_study(repo, "clerk", analysis.id, "同意开展就业帮扶专项行动。", NOW)
    assert (decided.state.value, decided.submitted_to) == ("answered", "理事长办公会")
    document = docx.Document(str(services.draft_study(repo, "viewer", analysis.id, tmp_path / "a.docx", NOW)))
    tables = [cells(t) for t in document.tables]
    assert tables[0] == [["指标", "本期", "上期", "增减", "增减率"], ["受理量", "4", "0", "4", "—"]]
    assert tables[1][:3] == [
        ["诉求类型", "本期", "上期", "增减", "增减率"],
        ["投诉", "3", "0", "3", "—"],
        ["政策咨询", "1", "0", "1", "—"],
    ]
    assert ["2026-08", "2"] in next(t for t in tables if t[0] == ["月份", "受理量"])
    assert tables[-1] == [
        ["报送对象", "理事长办公会", "报送时间", "2026-10-10 09:00"],
        ["决定时间", "2026-10-10 10:00", "", ""],
    ]
    text = paragraphs(document)
    assert text[-2:] == ["决定内容", "同意开展就业帮扶专项行动。"]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、基本情况", "二、主要问题分析", "三、意见建议", "四、报告及决定情况"]


def test_hotline_study_takes_a_study_from_opening_to_its_answer(cli, tmp_path) -> None:
    from tests.support import push

    cli("init")
    cli("intake", push(tmp_path, *FORMS[:2]))
    code, opened, _ = cli(
        "study", "open", "--title", "就业调研", "--problem", "按比例就业", "--orders", "A1,A2", "--json"
    )
    assert code == 0 and (opened["id"], opened["state"], opened["orders"]) == (
        "ZY2026-001",
        "draft",
        ["A1", "A2"],
    )
    findings = tmp_path / "findings.txt"
    findings.write_text("知晓率低。\n减免衔接不畅。", encoding="utf-8")
    code, written, _ = cli(
        "study",
        "write",
        "ZY2026-001",
        "--findings-file",
        str(findings),
        "--suggestions",
        "加强宣传",
        "--json",
    )
    assert code == 0 and written["findings"] == "知晓率低。\n减免衔接不畅。"
    target = tmp_path / "zy.docx"
    code, drafted, _ = cli("study", "draft", "ZY2026-001", "--output", str(target), "--json")
    assert code == 0 and drafted["written"] == str(target)
    assert cells(docx.Document(str(target)).tables[3])[1][:2] == ["1", "A1"]
    code, sent, _ = cli("study", "submit", "ZY2026-001", "--to", "民政局", "--json")
    assert code == 0 and (sent["state"], sent["submitted_to"]) == ("submitted", "民政局")
    code, _, err = cli("study", "write", "ZY2026-001", "--title", "改题")
    assert code == 2 and "已报送民政局" in err
    code, answered, _ = cli("study", "answer", "ZY2026-001", "--text", "已研究", "--json")
    assert code == 0 and answered["answer"] == "已研究"
    code, listed, _ = cli("study", "list", "--json")
    assert [(s["id"], s["state"]) for s in listed["studies"]] == [("ZY2026-001", "answered")]
    code, shown, _ = cli("study", "show", "ZY2026-001", "--json")
    assert [s["action"] for s in shown["steps"]] == ["open", "add_orders", "write", "submit", "answer"]
    code, _, err = cli("study", "show", "ZY2026-009")
    assert code == 2 and "没有编号为 ZY2026-009 的调研报告" in err


def test_an_appeal_pushed_with_control_characters_is_drafted_with_them_written_out(repo, tmp_path) -> None:
    services.intake(repo, "clerk", [order("C1", "2026-09-02", "诉求\x1b[31m红字\x07，请处理")], NOW)
    study = services.open_study(repo, "clerk", "study", "关于\x0b控制字符", "问题\x00。", NOW)
    services.add_study_orders(repo, "clerk", study.id, ["C1"], NOW)

    path = services.draft_study(repo, "clerk", study.id, tmp_path / "study.docx", NOW)

    document = docx.Document(str(path))
    text = "\n".join(paragraphs(document) + [c for t in document.tables for row in cells(t) for c in row])
    assert "关于\\x0b控制字符" in text
    assert "\x1b" not in text and "\x07" not in text


def test_an_analysis_carrying_the_repeat_callers_is_logged_as_the_hotspots_report_is(repo, tmp_path) -> None:
    analysis = services.open_study(repo, "clerk", "analysis", "", "", NOW, period="2026Q3")

    services.draft_study(repo, "viewer", analysis.id, tmp_path / "a.docx", NOW)

    logged = [(a.login, a.kind, a.subject) for a in repo.snapshot().accesses()]
    assert logged == [("viewer", AccessKind.REPORT, f"study {analysis.id} hotspots 2026Q3")]
