"""Keys and palette entries follow the person's role and the order's state (issue 16.2, 16.3)."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

from hotline_tui.dialogs.form import FormDialog
from hotline_tui.footer import Footer
from hotline_tui.screens.order import OrderScreen
from hotline_tui.screens.queue import QueueScreen
from tests.ui.conftest import make_app, settle


def footer_text(app) -> str:
    return str(app.screen.query_one(Footer).render())


async def palette_entries(pilot, typed: str = "") -> list[str]:
    await pilot.press("ctrl+p")
    await settle(pilot)
    if typed:
        await pilot.press(*typed)
    await pilot.pause(0.3)
    await settle(pilot)
    commands = pilot.app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


async def test_the_viewers_queue_offers_no_intake_key(repo, clock) -> None:
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "新工单" not in footer_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)  # no form opened


async def test_a_county_clerks_queue_offers_intake_for_the_countys_own_orders(repo, clock) -> None:
    # Issue 18: a county takes in its own orders from its own channels, so the key works.
    app = make_app(repo, clock, "yanji01")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "n 新工单" in footer_text(app)


async def test_the_handlers_queue_offers_the_intake_key(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "n 新工单" in footer_text(app)


async def test_an_intake_pressed_anyway_is_refused_in_words_not_with_a_form(repo, clock) -> None:
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.action_intake()  # as a stale binding or a remapped key would
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
        (note,) = [n.message for n in app._notifications]
        assert note == "“新工单”现在不可用：您的角色或工单当前的状态不允许"


async def test_the_viewer_has_no_action_keys_and_no_alerts(repo, clock) -> None:
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        queue_footer = footer_text(app)
        assert "新工单" not in queue_footer and "提醒" not in queue_footer
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        footer = footer_text(app)
        assert "签收" not in footer and "操作" not in footer and "提醒" not in footer
        await pilot.press("a", "f3")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)  # neither the menu nor the alerts opened
        assert app.inbox == [] and app.unread == 0


async def test_an_order_screen_offers_only_the_actions_of_its_state(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        footer = footer_text(app)
        assert "s 签收" in footer and "联系当事人" not in footer  # a received order is signed first


async def test_an_action_pressed_anyway_is_refused_in_words_not_with_a_form(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        app.screen.action_act("contact")  # not offered before signing
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        (note,) = [n.message for n in app._notifications]
        assert "联系当事人" in note and "contact" not in note


async def test_the_palette_on_an_order_lists_every_offered_action_language_and_quit(repo, clock) -> None:
    from hotline_core import services
    from hotline_core.domain.events import Command

    services.act(repo, "clerk", "A1", Command("sign"), clock())
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        order = app.screen
        assert isinstance(order, OrderScreen)
        offered = [app.t.name(action) for action in order.offered()]
        entries = await palette_entries(pilot)
        assert isinstance(app.screen, CommandPalette)
        for name in offered:
            assert any(entry.startswith(f"工单 A1: {name}") for entry in entries), name
        assert any("系统: 语言" in entry for entry in entries)
        assert any("系统: 退出" in entry for entry in entries)
        assert app.screen.query_one("CommandInput").placeholder.startswith("输入命令查找")


async def test_typing_lianxi_in_the_palette_finds_contact_and_runs_it(repo, clock) -> None:
    from hotline_core import services
    from hotline_core.domain.events import Command

    services.act(repo, "clerk", "A1", Command("sign"), clock())
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        entries = await palette_entries(pilot, "联系")
        assert entries[0].startswith("工单 A1: 联系当事人")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)


async def test_the_palette_says_no_match_in_the_clerks_language(repo, clock) -> None:
    app = make_app(repo, clock, language="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await palette_entries(pilot, "zzzz")
        await pilot.pause(0.6)  # Textual waits half a second before saying nothing matched
        commands = app.screen.query_one(CommandList)
        (option,) = [commands.get_option_at_index(i) for i in range(commands.option_count)]
        assert option.prompt.renderable.plain == "일치하는 명령이 없습니다"
        assert app.screen.query_one("CommandInput").placeholder.startswith("명령 검색")


async def test_the_viewer_reads_the_knowledge_base_with_no_writing_or_review_keys(repo, clock) -> None:
    from hotline_tui.screens.knowledge import KnowledgeScreen

    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, KnowledgeScreen)
        footer = footer_text(app)
        assert "/ 查找" in footer
        for word in ("新建", "修改", "送审", "发布", "退回", "停用"):
            assert word not in footer
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, KnowledgeScreen)


async def test_the_handler_may_write_a_new_entry_in_the_knowledge_base(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert "n 新建" in footer_text(app)
