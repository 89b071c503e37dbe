"""Printed papers read back: the order sheet and the extension notice as PDF text (pypdf)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.adapters.paper import BUNDLED_FONT
from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.events import Command
from hotline_core.domain.problems import InvalidInput
from tests.support import COMPLETE_FORM, LEADER, TUMEN_CLERK, VIEWER, at

RECEIVED = at("2026-11-20 16:00")  # a Friday: a complaint is due Wednesday 16:00
NOW = at("2026-11-23 10:00")
APPEAL = "用人单位拒绝按比例安排残疾人就业，要求落实《残疾人就业条例》规定的岗位。"
REASON = "需要人社局核实用人单位安置情况"
STEPS: list[tuple[str, str, dict[str, str], str]] = [
    ("clerk", "sign", {}, ""),
    ("clerk", "contact", {"result": "reached"}, "与김영희本人通话"),
    ("clerk", "request_extension", {"reason": REASON, "until": "2026-12-03T00:00:00+08:00"}, ""),
    ("leader", "approve_extension", {"by": "leader"}, ""),
    ("clerk", "approve_extension", {"by": "center"}, ""),
    ("clerk", "tell_extension", {}, "电话告知"),
]


@pytest.fixture
def repo() -> MemoryRepository:
    """Order A1 of 김영희 (Hangul name), extended until Wednesday 12-02 24:00 and the citizen told."""
    repository = MemoryRepository()
    services.initialise(repository, "clerk", at("2026-07-01 09:00"))
    for person in (LEADER, VIEWER, TUMEN_CLERK):
        services.add_user(repository, "clerk", person)
    form = {**COMPLETE_FORM, "name": "김영희", "appeal": APPEAL, "reply": "已转人社局核实"}
    services.intake(repository, "clerk", [form], RECEIVED)
    for step, (login, action, data, note) in enumerate(STEPS, 1):
        when = RECEIVED + timedelta(minutes=10 * step)
        services.act(repository, login, "A1", Command(action, data, note), when)
    return repository


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def printed(repo: MemoryRepository, paper: str, tmp_path: Path, login: str = "clerk") -> str:
    path = services.print_order(repo, login, "A1", paper, tmp_path / f"{paper}.pdf", NOW)
    return text_of(path)


def test_the_sheet_holds_the_record_with_its_chinese_and_korean_text_intact(repo, tmp_path) -> None:
    text = printed(repo, "sheet", tmp_path)
    assert "延边州残联“12345”政务服务热线工单办理单" in text
    flat = text.replace("\n", "")  # a long appeal wraps inside its box
    assert APPEAL in flat
    for value in ("김영희", "13800000000", "延吉市河南街 1 号", "朝鲜族", "肢体残疾（三级）"):
        assert value in text
    assert "已转人社局核实" in text


def test_the_sheet_lists_every_step_with_its_time_and_person_in_order(repo, tmp_path) -> None:
    lines = printed(repo, "sheet", tmp_path).splitlines()
    rows = [line.split(" ")[:5] for line in lines if line.split(" ")[0].isdigit() and " 2026-11-20 " in line]
    assert rows == [
        ["1", "2026-11-20", "16:00", "clerk", "受理"],
        ["2", "2026-11-20", "16:10", "clerk", "签收"],
        ["3", "2026-11-20", "16:20", "clerk", "联系当事人"],
        ["4", "2026-11-20", "16:30", "clerk", "延期申请"],
        ["5", "2026-11-20", "16:40", "leader", "同意延期"],
        ["6", "2026-11-20", "16:50", "clerk", "同意延期"],
        ["7", "2026-11-20", "17:00", "clerk", "告知当事人延期"],
    ]
    assert "联系结果：已联系上；与김영희本人通话" in "".join(lines)
    assert "批准方：分管领导" in "".join(lines)


def test_the_sheet_gives_each_limit_its_due_time_as_people_read_it_and_the_outcome(repo, tmp_path) -> None:
    text = printed(repo, "sheet", tmp_path)
    assert "本轮 签收 2026-11-20 17:00 2026-11-20 16:10 按时完成" in text
    assert "本轮 办结 2026-12-02 24:00 未到期" in text  # the extended due time, never 12-03 00:00
    assert "2026-12-03 00:00" not in text
    assert "当前状态 办理中" in text and "延期至 2026-12-02 24:00" in text


def test_a_viewer_prints_the_sheet_masked(repo, tmp_path) -> None:
    text = printed(repo, "sheet", tmp_path, login="viewer")
    assert "김**" in text and "138****0000" in text and "（个人信息已脱敏）" in text
    for secret in ("김영희", "13800000000", "河南街"):
        assert secret not in text


def test_printing_a_whole_order_is_in_the_access_log_and_a_masked_one_is_not(repo, tmp_path) -> None:
    printed(repo, "sheet", tmp_path, login="viewer")
    printed(repo, "extension_notice", tmp_path)
    prints = [a for a in repo.snapshot().accesses() if a.kind is AccessKind.PRINT]
    assert [(a.login, a.subject, a.orders, a.at) for a in prints] == [
        ("clerk", "extension_notice A1", ("A1",), NOW)
    ]


def test_the_extension_notice_tells_the_reason_the_time_and_the_new_due_time(repo, tmp_path) -> None:
    text = printed(repo, "extension_notice", tmp_path)
    flat = text.replace("\n", "")
    assert "延期办理告知书" in text and flat.startswith("延期办理告知书工单编号：A1김영희：")
    assert f"因{REASON}，确实无法在规定时间内办结" in flat
    assert "办结时限延长至2026-12-02 24:00" in flat
    assert "原办结时限 2026-11-25 16:00" in text  # Friday 16:00 + 72 working hours
    assert "延期后办结时限 2026-12-02 24:00" in text
    assert "延期批准时间 2026-11-20 16:50" in text
    assert "2026年11月23日" in text  # the letter's date: the day it is printed


def test_a_notice_without_an_approved_extension_is_refused_and_nothing_is_written(tmp_path) -> None:
    repository = MemoryRepository()
    services.initialise(repository, "clerk", at("2026-07-01 09:00"))
    services.intake(repository, "clerk", [COMPLETE_FORM], RECEIVED)
    target = tmp_path / "notice.pdf"
    with pytest.raises(InvalidInput) as refused:
        services.print_order(repository, "clerk", "A1", "extension_notice", target, NOW)
    assert refused.value.problems[0].code == "no_approved_extension"
    assert not target.exists()
    assert repository.snapshot().accesses() == []


def test_an_order_another_county_may_not_see_is_refused_as_unknown(repo, tmp_path) -> None:
    target = tmp_path / "sheet.pdf"
    with pytest.raises(InvalidInput) as refused:
        services.print_order(repo, "tumen", "A1", "sheet", target, NOW)
    assert refused.value.problems[0].code == "unknown_order" and not target.exists()


def test_the_pdf_embeds_only_the_glyphs_it_uses_and_stays_small(repo, tmp_path) -> None:
    path = services.print_order(repo, "clerk", "A1", "sheet", tmp_path / "sheet.pdf", NOW)
    assert path.stat().st_size < 120_000  # the whole font is 4.6 MB
    fonts = PdfReader(path).pages[0]["/Resources"]["/Font"]
    descendants = [f.get_object()["/DescendantFonts"][0].get_object() for f in fonts.values()]
    assert all("/FontFile2" in d["/FontDescriptor"] for d in descendants)  # embedded TrueType


def test_the_bundled_font_draws_every_chinese_character_and_hangul_syllable() -> None:
    from fontTools.ttLib import TTFont

    cmap = TTFont(BUNDLED_FONT, lazy=True).getBestCmap()
    assert all(code in cmap for code in range(0x4E00, 0x9FA6))  # CJK Unified Ideographs
    assert all(code in cmap for code in range(0xAC00, 0xD7A4))  # Hangul syllables
    assert all(code in cmap for code in range(0x20, 0x7F))  # ASCII
    assert all(ord(ch) in cmap for ch in "“”（）：；、《》…—")
    licence = ("NOTICE", "LICENSE-Apache-2.0.txt")
    assert all((BUNDLED_FONT.parent / name).exists() for name in licence)


def test_an_administrator_points_the_papers_at_another_font_that_must_draw_chinese(repo, tmp_path) -> None:
    latin_only = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if latin_only.exists():
        with pytest.raises(InvalidInput) as refused:
            services.set_paper_font(repo, "clerk", str(latin_only))
        assert refused.value.problems[0].code == "font_lacks"
        assert "缺少打印所需的字" in refused.value.problems[0].message()
    not_a_font = tmp_path / "font.ttf"
    not_a_font.write_text("not a font")
    with pytest.raises(InvalidInput) as not_font:
        services.set_paper_font(repo, "clerk", str(not_a_font))
    assert (
        not_font.value.problems[0].message()
        == f"打印字体：{not_a_font.resolve()} 不是 TrueType 或 OpenType 字体文件"
    )
    assert services.paper_font(repo) == ""
    copy = tmp_path / "office.ttf"
    copy.write_bytes(BUNDLED_FONT.read_bytes())
    assert services.set_paper_font(repo, "clerk", str(copy)) == str(copy.resolve())
    assert "김영희" in printed(repo, "sheet", tmp_path)
    assert services.set_paper_font(repo, "clerk", None) == ""


def test_only_an_administrator_sets_the_font(repo) -> None:
    from hotline_core.domain.problems import Refused

    with pytest.raises(Refused) as refused:
        services.set_paper_font(repo, "leader", str(BUNDLED_FONT))
    assert refused.value.messages("zh_CN") == ["leader 无权进行“print-font”"]  # the command, not a table


def test_hotline_print_writes_the_sheet_and_refuses_a_file_in_the_database(cli, tmp_path) -> None:
    from tests.support import push

    cli("init")
    cli("intake", push(tmp_path, {**COMPLETE_FORM, "received_at": "2026-11-20T16:00:00+08:00"}))
    target = tmp_path / "A1.pdf"
    code, data, _ = cli("print", "A1", "--sheet", "--output", str(target), "--json")
    assert code == 0 and data == {"order": "A1", "paper": "sheet", "written": str(target)}
    assert "用人单位拒绝按比例安排残疾人就业" in text_of(target)
    code, _, err = cli("print", "A1", "--extension-notice", "--output", str(tmp_path / "n.pdf"))
    assert code == 2 and "没有经分管领导和热线中心同意的延期" in err
    code, _, err = cli("print", "A1", "--sheet", "--output", str(cli.folder / "x.pdf"))
    assert code == 2 and not (cli.folder / "x.pdf").exists()


def test_an_archived_order_prints_from_its_quarters_archive_with_its_outcome(repo, tmp_path) -> None:
    finish = [
        ("feedback", {"text": "已答复", "no_image_reason": "电话答复"}),
        ("rate", {"level": "satisfied"}),
        ("close", {"outcome": "solved"}),
        ("archive", {}),
    ]
    for minute, (action, data) in enumerate(finish, 1):
        services.act(
            repo, "clerk", "A1", Command(action, data), at("2026-11-21 09:00") + timedelta(minutes=minute)
        )
    assert repo.snapshot().order("A1") is None  # moved to the archive of 2026Q4
    text = printed(repo, "sheet", tmp_path)
    assert "11 2026-11-21 09:04 clerk 归档" in text
    assert "当前状态 已归档" in text and "办理结果 已解决" in text and "评价 满意" in text


def test_when_the_access_log_cannot_be_written_the_sheet_comes_out_masked(
    repo, tmp_path, monkeypatch
) -> None:
    import errno

    def full_disk():
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(repo, "transaction", full_disk)
    text = printed(repo, "sheet", tmp_path)
    assert "김**" in text and "김영희" not in text and "（个人信息已脱敏）" in text
