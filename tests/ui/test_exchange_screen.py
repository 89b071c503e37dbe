"""F9 opens the exchange: a clerk pulls an export, sees what came in and what was refused,
and marks a message in the outbox sent."""

from __future__ import annotations

from pathlib import Path

from hotline_core import services
from hotline_core.domain.events import Command
from hotline_core.domain.exchange.outbox import Delivery
from hotline_core.services import exchange, outbox
from hotline_tui.screens.exchange import ExchangeScreen
from tests.integration.exchange.exports import order_row, write_xlsx
from tests.ui.conftest import make_app, screen_text, settle


async def test_a_clerk_pulls_an_export_sees_the_refused_row_and_marks_a_message_sent(
    repo, clock, tmp_path: Path
) -> None:
    first = order_row(1, 派发时间="2026-11-20 09:00", 承诺完成时间="2026-11-23 09:00")
    again = order_row(3, 派发时间="2026-11-20 10:00", 承诺完成时间="2026-11-23 09:00")
    again |= {"联系电话": first["联系电话"], "诉求内容": first["诉求内容"]}
    rows = [first, order_row(2, 联系电话="1"), again]
    export = write_xlsx(tmp_path / "导出.xlsx", rows)
    app = make_app(repo, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, ExchangeScreen)

        app.screen.query_one("#exchange-path").value = str(export)
        app.screen.query_one("#exchange-path").focus()
        await pilot.press("enter")
        await settle(pilot)
        shown = screen_text(app)
        assert "新增 2" in shown and "拒收 1" in shown
        assert "可能是重复件" in shown and "YB202600003 → YB202600001" in shown
        assert "联系电话" in shown and "3" in shown  # row 3, its column, its reason
        assert repo.snapshot().order("YB202600001") is not None

        services.act(repo, "clerk", "YB202600001", Command("sign"), clock())
        app.screen.load_outbox()
        await settle(pilot)
        assert "YB202600001#1" in screen_text(app) and "待发送" in screen_text(app)
        app.screen.query_one("#exchange-outbox").focus()
        await pilot.press("s")
        await settle(pilot)

        assert "已发送" in screen_text(app)
    (item,) = outbox.outbox_status(repo, "clerk", clock())
    assert item.state is Delivery.SENT


async def test_the_order_screen_shows_the_centers_due_time_and_warns_on_the_earlier(
    repo, clock, tmp_path: Path
) -> None:
    from hotline_tui.screens.order import OrderScreen

    # A complaint received Friday 09:00 closes by Wednesday 09:00; the center wants it by Monday.
    row = order_row(1, 诉求类型="投诉", 派发时间="2026-11-20 09:00", 承诺完成时间="2026-11-23 12:00")
    exchange.pull(repo, "clerk", exchange.file_platform(write_xlsx(tmp_path / "e.xlsx", [row])), clock())
    app = make_app(repo, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.push_screen(OrderScreen("YB202600001"))
        await settle(pilot)
        shown = screen_text(app)

    assert "热线中心承诺完成时间：11-23 12:00" in shown
    assert "⚠ 热线中心的承诺完成时间早于办结时限：请在 11-23 12:00 前办结" in shown
