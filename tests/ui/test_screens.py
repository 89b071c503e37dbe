"""What the clerk sees and is refused, screen by screen."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from hotline_core import services
from hotline_core.domain.events import Command
from hotline_core.domain.messages import (
    ACTION_NAMES,
    FIELD_LABELS,
    MESSAGES,
    STATUS_NAMES,
)
from hotline_tui.dialogs.form import FormDialog
from hotline_tui.footer import ALWAYS, GLOBAL, SCREEN, Footer, Key, fit
from hotline_tui.i18n import NAMES, TEXTS
from hotline_tui.screens.alerts import AlertsScreen
from hotline_tui.screens.order import OrderScreen
from tests.support import MINIMAL_FORM
from tests.ui.conftest import make_app, screen_text, settle

from .test_walkthrough import fill, stored, submit


async def open_first_order(pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_a_bad_phone_number_is_shown_under_its_field_and_nothing_is_stored(repo, clock) -> None:
    services.act(repo, "clerk", "A1", Command("sign"), clock())
    before = stored(repo)
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_order(pilot)
        await pilot.press("e")
        await settle(pilot)
        await fill(pilot, phone="12345", name="李某")
        await submit(pilot)
        assert isinstance(app.screen, FormDialog)  # the form stays open with what was typed
        error = str(app.screen.query_one("#error-phone").render())
        assert "联系方式" in error and "不是有效的手机号" in error
        assert app.screen.values()["name"] == "李某"
        assert app.focused is app.screen.query_one("#field-phone")
    assert stored(repo) == before


async def test_closing_an_incomplete_record_lists_what_is_missing_and_stores_nothing(repo, clock) -> None:
    for command in (
        Command("sign"),
        Command("contact"),
        Command("feedback", {"text": "已办", "no_image_reason": "电话答复"}),
    ):
        services.act(repo, "clerk", "A1", command, clock())
    before = stored(repo)
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_order(pilot)
        await pilot.press("k")
        await settle(pilot)
        await submit(pilot)
        general = str(app.screen.query_one("#error-").render())
        assert "性别：办结前必须补全" in general and "家庭住址：办结前必须补全" in general
    assert stored(repo) == before


async def test_actions_the_role_may_not_take_are_not_offered(repo, clock) -> None:
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_order(pilot)
        assert "当前没有可进行的操作" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)  # no form opened
        assert app.screen.check_action("act", ("sign",)) is False  # and no key in the footer


async def test_a_viewer_sees_personal_data_masked(repo, clock) -> None:
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_order(pilot)
        text = screen_text(app)
        assert "金*" in text and "138****0000" in text
        assert "13800000000" not in text


async def test_the_queue_filters_by_overdue_and_finds_by_phone(repo, clock) -> None:
    services.intake(
        repo,
        "clerk",
        [{**MINIMAL_FORM, "id": "B2", "phone": "13900000000", "received_at": "2026-11-20T16:05:00+08:00"}],
    )
    clock.advance(hours=1)  # A1's sign limit (17:00) has passed, B2's (17:05) not yet
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#queue-table", DataTable)
        assert table.row_count == 2
        assert "签收 超时" in screen_text(app)
        await pilot.press("o")
        await settle(pilot)
        assert table.row_count == 1 and "A1" in screen_text(app)
        await pilot.press("x", "slash", *"13900000000", "enter")
        await settle(pilot)
        assert table.row_count == 1 and "B2" in screen_text(app)


async def test_the_queue_puts_the_nearest_due_limit_first(repo, clock) -> None:
    services.intake(repo, "clerk", [{**MINIMAL_FORM, "id": "B2", "received_at": "2026-11-20T15:00:00+08:00"}])
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#queue-table", DataTable)
        assert [str(table.get_row_at(i)[0]) for i in range(2)] == ["B2", "A1"]


async def test_alerts_arrive_in_the_inbox_and_are_acknowledged_with_a_key(repo, clock) -> None:
    clock.advance(hours=2)
    services.run_escalation(repo, clock())
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "未读提醒" in screen_text(app)
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, AlertsScreen)
        assert "签收超时" in screen_text(app)
        unread = app.unread
        await pilot.press("space")
        await settle(pilot)
        assert app.unread == unread - 1
        assert "✓" in screen_text(app)
    assert len(repo.snapshot().acknowledged("clerk")) == 1


async def test_the_language_switches_to_korean_and_english(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert "접수 대기" in screen_text(app)
        await pilot.press("f2")
        await settle(pilot)
        assert "to sign" in screen_text(app)  # the short status that fits its column (issue 16.4)
        assert any(b.binding.description == "Find" for b in app.screen.active_bindings.values())


def footer_line(app) -> Text:
    return app.screen.query_one(Footer).render()


async def test_the_footer_shows_every_key_of_the_queue_in_each_language_within_80_columns(
    repo, clock
) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for language in ("zh_CN", "ko", "en"):
            assert app.t.language == language
            line = footer_line(app)
            shown = [word.split(" ", 1)[0] for word in line.plain.strip().split("  ")]
            assert shown[:7] == ["/", "s", "t", "c", "o", "x", "n"] and shown[-2:] == ["f1", "^p"]
            assert line.cell_len <= 80
            await pilot.press("f2")
            await settle(pilot)


async def test_the_order_screen_footer_shows_its_own_keys_and_keeps_help_in_english(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        line = footer_line(app)
        assert "a 操作" in line.plain and "esc 返回" in line.plain and "s 状态" not in line.plain
        await pilot.press("f2", "f2")  # English words are longer: help and the palette stay
        await settle(pilot)
        line = footer_line(app)
        assert line.plain.startswith(" esc Back  a Act")
        assert "f1 Help" in line.plain and line.plain.endswith("^p Menu") and line.cell_len <= 80


async def test_the_footer_shows_the_command_palette_on_whatever_key_it_is_remapped_to(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.set_keymap({"app.palette": "f12"})
        await settle(pilot)
        assert footer_line(app).plain.endswith("f12 命令")


def test_a_footer_short_of_room_drops_global_keys_then_the_screens_last_but_keeps_help() -> None:
    keys = [
        Key("a", "Act" * 10, True, SCREEN),
        Key("c", "Contact" * 4, True, SCREEN),
        Key("f1", "Help", True, ALWAYS),
        Key("f2", "Language", True, GLOBAL),
        Key("^p", "Commands", True, ALWAYS),
    ]
    assert [key.display for key in fit(keys, 200)] == ["a", "c", "f1", "f2", "^p"]
    assert [key.display for key in fit(keys, 80)] == ["a", "f1", "^p"]
    assert [key.display for key in fit(keys, 10)] == ["f1", "^p"]


async def test_the_help_screen_lists_the_keys(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        text = screen_text(app)
        assert "按键说明" in text and "签收" in text and "f10" in text


async def test_a_new_order_is_taken_in_by_the_intake_form(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await fill(pilot, id="C3", channel="wechat", appeal_type="help", appeal="申请辅助器具")
        await submit(pilot)
        assert not isinstance(app.screen, FormDialog)
        assert "C3" in screen_text(app)
    assert stored(repo, "C3").record.appeal.text == "申请辅助器具"


def test_every_word_of_the_interface_exists_in_all_three_languages() -> None:
    from hotline_core.domain.knowledge.wording import KB_FIELDS, KB_MESSAGES

    for table in (TEXTS, MESSAGES, FIELD_LABELS, STATUS_NAMES, ACTION_NAMES, KB_MESSAGES, KB_FIELDS):
        for key, words in table.items():
            assert len(words) == 3 and all(w.strip() for w in words), key
    for key, words in NAMES.items():
        assert len(words) == 2 and all(w.strip() for w in words), key


async def test_the_reports_screen_shows_the_summary_with_a_chart_and_exports_it(
    repo, clock, tmp_path
) -> None:
    from openpyxl import load_workbook

    from hotline_tui.screens.reports import ReportsScreen

    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ReportsScreen)
        text = screen_text(app)
        assert "汇总表" in text and "2026年第四季度" in text and "█" in text
        await pilot.press("2")
        await settle(pilot)
        assert "热点" in screen_text(app)
        await pilot.press("x")
        await settle(pilot)
        await fill(pilot, path=str(tmp_path / "hot.xlsx"))
        await submit(pilot)
        assert (tmp_path / "hot.xlsx").exists()
        assert load_workbook(tmp_path / "hot.xlsx").sheetnames


async def test_finished_orders_leave_the_queue_but_a_status_filter_finds_them(repo, clock) -> None:
    services.act(
        repo,
        "clerk",
        "A1",
        Command("decline", {"reason": "not_specific", "explanation": "无法核实", "guidance": "请补充"}),
        clock(),
    )
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#queue-table", DataTable)
        assert table.row_count == 0
        for _ in range(6):  # all → 待签收 → 办理中 → 退件中 → 已反馈 → 已办结 → 不予受理
            await pilot.press("s")
        await settle(pilot)
        assert table.row_count == 1 and "A1" in screen_text(app)


async def test_the_knowledge_base_finds_an_answer_and_the_reply_form_inserts_it(repo, clock) -> None:
    from hotline_tui.screens.knowledge import KnowledgeScreen

    services.intake(
        repo,
        "clerk",
        [
            {
                **MINIMAL_FORM,
                "id": "K1",
                "received_at": "2026-11-20T16:05:00+08:00",
                "appeal": "我是肢体残疾三级，想问问能不能领护理补贴",
            }
        ],
    )
    services.act(repo, "clerk", "K1", Command("sign"), clock())
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, KnowledgeScreen)
        await pilot.press("slash", *"孩子康复有没有补助", "enter")
        await settle(pilot)
        assert "KB-0010" in screen_text(app) and "政策依据" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one("#queue-find").value = ""
        await pilot.press("slash", *"K1", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")  # reply to the citizen
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert "护理补贴" in screen_text(app)
        await pilot.press("enter")  # the first suggestion
        await settle(pilot)
        text = app.screen.query_one("#field-text").value
        assert "护理补贴" in text and "国发〔2015〕52号" in text
        await submit(pilot)
    assert "护理补贴" in stored(repo, "K1").state.record.reply


async def test_a_county_clerk_submits_a_draft_answer_from_the_knowledge_screen(repo, clock) -> None:
    app = make_app(repo, clock, "yanji01")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await fill(
            pilot,
            question="延吉市残疾人证在哪里办理？",
            answer="请到延吉市残联服务大厅办理。",
            area="organization",
            tags="残疾人证",
            note="核实办公地址",
        )
        await submit(pilot)
    drafts = [e for e in repo.snapshot().knowledge() if e.content.question.startswith("延吉市残疾人证")]
    assert len(drafts) == 1 and drafts[0].status.value == "draft" and drafts[0].owner.name == "延吉市"
