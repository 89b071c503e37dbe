"""Issue 18: the policies screen (F7) reads each unit's rules; an administrator sets a county's."""

from __future__ import annotations

from hotline_tui.dialogs.form import FormDialog
from hotline_tui.screens.settings import SettingsScreen
from tests.ui.conftest import make_app, screen_text, settle

from .test_walkthrough import fill, submit


async def test_an_administrator_sets_a_countys_policy_and_a_looser_one_is_refused_in_the_form(
    repo, clock
) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert "州本级" in screen_text(app) and "72h@working_day" in screen_text(app)
        await pilot.press("right_square_bracket")  # 延吉市
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await fill(pilot, document="延市残联发2026第5号", effective="2026-12-01 00:00", changes="close=96h")
        await submit(pilot)
        assert isinstance(app.screen, FormDialog)  # refused: the reason names the limit
        assert "close.complaint" in screen_text(app)
        await fill(pilot, changes="close=48h")
        await submit(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert "延市残联发2026第5号" in screen_text(app)
    versions = repo.snapshot().settings().policies.versions
    assert [(v.unit.value, v.set_by, v.document) for v in versions] == [
        ("延吉市", "clerk", "延市残联发2026第5号")
    ]


async def test_a_county_clerk_reads_the_policies_but_is_not_offered_to_set_one(repo, clock) -> None:
    app = make_app(repo, clock, login="yanji01")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert "只有系统管理员" in screen_text(app)
