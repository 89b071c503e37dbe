"""The screens run as the service account too: a path typed into one never reaches the
database's own files (a report exported over ``working.json``, an export pulled from it)."""

from __future__ import annotations

from pathlib import Path

from hotline_tui.dialogs.form import FormDialog
from hotline_tui.screens.exchange import ExchangeScreen
from hotline_tui.screens.reports import ReportsScreen
from tests.ui.conftest import make_app, screen_text, settle

from .test_walkthrough import fill, submit


async def test_a_report_exported_over_the_working_file_is_refused_and_the_database_is_untouched(
    repo, clock
) -> None:
    working = repo.folder / "working.json"
    before = working.read_bytes()
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ReportsScreen)
        await pilot.press("x")
        await settle(pilot)
        await fill(pilot, path=str(working))
        await submit(pilot)

        assert isinstance(app.screen, FormDialog)  # still open, saying why
        assert "在数据库文件夹内" in screen_text(app)
    assert working.read_bytes() == before


async def test_an_export_pulled_from_the_database_folder_is_refused(repo, clock, tmp_path: Path) -> None:
    linked = tmp_path / "export.json"
    linked.symlink_to(repo.folder / "working.json")
    app = make_app(repo, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, ExchangeScreen)
        app.screen.query_one("#exchange-path").value = str(linked)
        app.screen.query_one("#exchange-path").focus()
        await pilot.press("enter")
        await settle(pilot)

        assert "在数据库文件夹内" in screen_text(app)
