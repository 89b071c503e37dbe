"""Printing from the order screen: p writes the order sheet as a PDF, n the extension notice."""

from __future__ import annotations

from pypdf import PdfReader
from textual.widgets import Input

from hotline_tui.dialogs.form import FormDialog
from hotline_tui.screens.order import OrderScreen
from tests.ui.conftest import make_app, settle


async def print_to(pilot, key: str, path: str) -> FormDialog:
    await settle(pilot)
    await pilot.press("enter")  # the first order of the queue
    await settle(pilot)
    assert isinstance(pilot.app.screen, OrderScreen)
    await pilot.press(key)
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, FormDialog)
    dialog.query_one("#field-path", Input).value = path
    dialog.query_one("#submit").press()
    await settle(pilot)
    return dialog


async def test_p_on_the_order_screen_writes_the_order_sheet_for_the_printer(repo, clock, tmp_path) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await print_to(pilot, "p", str(tmp_path / "A1.pdf"))
        assert isinstance(app.screen, OrderScreen)  # the form closed
    text = PdfReader(tmp_path / "A1.pdf").pages[0].extract_text()
    assert "工单办理单" in text and "金某" in text and "13800000000" in text


async def test_a_viewer_prints_the_sheet_masked(repo, clock, tmp_path) -> None:
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await print_to(pilot, "p", str(tmp_path / "A1.pdf"))
    text = PdfReader(tmp_path / "A1.pdf").pages[0].extract_text()
    assert "金*" in text and "138****0000" in text and "13800000000" not in text


async def test_a_notice_without_an_approved_extension_is_refused_in_the_form(repo, clock, tmp_path) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await print_to(pilot, "n", str(tmp_path / "n.pdf"))
        assert app.screen is dialog  # still open, saying why
        assert "没有经分管领导和热线中心同意的延期" in str(dialog.query_one("#error-").render())
    assert not (tmp_path / "n.pdf").exists()


async def test_a_pdf_is_never_written_into_the_database_folder(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await print_to(pilot, "p", str(repo.folder / "x.pdf"))
        assert app.screen is dialog
    assert not (repo.folder / "x.pdf").exists()
