"""The viewer's screens carry no operational alerts."""

from __future__ import annotations

from hotline_core import services
from hotline_tui.screens.alerts import AlertsScreen
from tests.ui.conftest import make_app, screen_text, settle


async def test_the_viewer_has_no_unread_alerts_while_the_handler_has_them(repo, clock) -> None:
    clock.advance(hours=2)  # A1's sign limit has passed
    assert services.run_escalation(repo, clock())
    handler = make_app(repo, clock)
    async with handler.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert handler.unread and "未读提醒" in screen_text(handler)
    viewer = make_app(repo, clock, "auditor")
    async with viewer.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert viewer.inbox == [] and "未读提醒" not in screen_text(viewer)
        await pilot.press("f3")  # no alerts key for the viewer: the queue stays
        await settle(pilot)
        assert not isinstance(viewer.screen, AlertsScreen)
        assert "签收超时" not in screen_text(viewer)
