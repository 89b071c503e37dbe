"""The studies screen (F8): a study opened, written, drafted as Word and submitted, by keys."""

from __future__ import annotations

import docx
from textual.widgets import Input, Select

from hotline_core import services
from hotline_tui.dialogs.form import FormDialog
from hotline_tui.screens.studies import StudiesScreen
from tests.ui.conftest import make_app, screen_text, settle


async def form(pilot, key: str, **values: str) -> FormDialog:
    """Press ``key``, fill the form that opens, submit it."""
    await pilot.press(key)
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, FormDialog)
    for name, value in values.items():
        widget = dialog.query_one(f"#field-{name}")
        if isinstance(widget, Select):
            widget.value = value
        else:
            assert isinstance(widget, Input)
            widget.value = value
    dialog.query_one("#submit").press()
    await settle(pilot)
    return dialog


async def test_a_study_is_opened_written_drafted_and_submitted_from_the_studies_screen(
    repo, clock, tmp_path
) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, StudiesScreen)
        assert "还没有调研或分析" in screen_text(app)
        await form(pilot, "o", kind="study", title="关于就业的专项调研", problem="不按比例安排就业")
        assert isinstance(app.screen, StudiesScreen) and "ZY2026-001" in screen_text(app)
        await form(pilot, "plus", orders="A1")
        await form(pilot, "w", findings="知晓率低。", suggestions="加强宣传。")
        await form(pilot, "d", path=str(tmp_path / "zy.docx"))
        await form(pilot, "s", to="理事会")
        assert "已报送" in screen_text(app) and "理事会" in screen_text(app)
    (study,) = services.list_studies(repo, "clerk")
    assert (study.order_ids, study.findings, study.submitted_to) == (("A1",), "知晓率低。", "理事会")
    document = docx.Document(str(tmp_path / "zy.docx"))
    assert [c.text for c in document.tables[-1].rows[1].cells][:2] == ["1", "A1"]


async def test_submitting_without_findings_is_refused_in_the_form(repo, clock) -> None:
    services.open_study(repo, "clerk", "study", "题目", "问题", clock())
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        dialog = await form(pilot, "s", to="党组")
        assert app.screen is dialog and "报送前必须填写" in str(dialog.query_one("#error-").render())
    assert services.list_studies(repo, "clerk")[0].submitted_at is None


async def test_a_county_clerk_is_told_studies_are_not_theirs(repo, clock) -> None:
    app = make_app(repo, clock, "yanji01")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert "yanji01" in screen_text(app)  # the refusal names the login
