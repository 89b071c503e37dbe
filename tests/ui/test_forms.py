"""The clerk's forms at 80x24: typing goes to the first field, Enter submits, refusals are in view."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual.widgets import Input, Select, TextArea

from hotline_core import services
from hotline_core.domain.events import Command
from hotline_core.domain.vocabulary import Action, Outcome, Status
from hotline_tui.dialogs.actions import action_dialog
from hotline_tui.dialogs.fields import action_fields
from hotline_tui.dialogs.form import Field, FormDialog
from hotline_tui.dialogs.widgets import ChoicePicker, fit
from hotline_tui.i18n import Translator
from tests.ui.conftest import make_app, settle

from .test_walkthrough import stored


def rendered(app) -> str:
    """The screen as the terminal shows it, cell by cell (what the compositor draws)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, record=True)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


async def open_order(pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def keys(pilot, *pressed: str) -> None:
    for key in pressed:
        await pilot.press(key)
        await settle(pilot)


async def test_s_then_enter_signs_the_order(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_order(pilot)
        await keys(pilot, "s", "enter")
        assert not isinstance(app.screen, FormDialog)
    assert stored(repo).state.status is Status.HANDLING


def _first_field(dialog: FormDialog) -> str:
    return f"field-{dialog.fields[0].name}"


@pytest.mark.parametrize("action", [a for a in Action if action_fields(Translator(), a, ["康复部"])])
async def test_every_action_form_opens_with_its_first_field_focused(repo, clock, action: Action) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dialog = action_dialog(app, stored(repo), action)
        app.push_screen(dialog)
        await settle(pilot)
        assert app.focused is not None and app.focused.id == _first_field(dialog)


@pytest.mark.parametrize(
    ("action", "typed"),
    [
        (Action.FLAG_EMERGENCY, []),
        (Action.ROUTE_PETITION, []),
        (Action.LEGAL_PROCEDURE, []),
        (Action.REQUEST_RETURN, [*"outside", "tab", *"rules"]),
        (Action.DECLINE, ["space", "enter", "tab", *"told", "tab", *"court"]),
        (Action.ASSIGN, ["space", "enter"]),
    ],
)
async def test_each_action_form_submits_with_enter_from_its_last_field(
    repo, clock, action: Action, typed: list[str]
) -> None:
    services.act(repo, "clerk", "A1", Command("sign"), clock())
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(action_dialog(app, stored(repo), action))
        await settle(pilot)
        await keys(pilot, *typed, "enter")
        assert not isinstance(app.screen, FormDialog)
    assert stored(repo).events[-1].action is action


async def test_the_intake_form_takes_typing_at_once_in_its_first_field(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "n", *"C3")
        assert app.screen.values()["id"] == "C3"


async def test_a_clerk_walks_the_forms_by_keyboard_without_tab_before_typing(repo, clock, tmp_path) -> None:
    """Each form's minimal fields, typed where the focus already is, and Enter (or Ctrl+S)."""
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_order(pilot)
        await keys(pilot, "s", "enter")  # sign
        clock.advance(minutes=10)
        await keys(pilot, "c", "enter")  # contact: reached, the default
        assert stored(repo).state.contacted_at is not None
        await keys(pilot, "t", "space")  # transfer: the list of counties on a screen of its own
        assert isinstance(app.screen, ChoicePicker)
        await keys(pilot, "enter", "enter")  # the first county, then submit
        assert stored(repo).state.owner.name == "延吉市"
    county = make_app(repo, clock, "yanji01")
    clock.advance(minutes=10)
    async with county.run_test(size=(80, 24)) as pilot:
        await open_order(pilot)
        await keys(pilot, "u", *"已办", "ctrl+s")  # the result is a long text: Ctrl+S submits
        assert stored(repo).events[-1].action is Action.SUBMIT_RESULT
    services.act(
        repo,
        "clerk",
        "A1",
        Command(
            "record",
            {
                "name": "金某",
                "gender": "female",
                "age": "45",
                "ethnicity": "朝鲜族",
                "disability": "physical",
                "business_area": "employment",
                "phone": "13800000000",
                "address": "延吉市河南街1号",
            },
        ),
        clock(),
    )
    picture = tmp_path / "现场.jpg"
    picture.write_bytes(b"\xff\xd8\xff fake jpeg")
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_order(pilot)
        await keys(pilot, "f", *"已协调用人单位同意面试", "tab", *str(picture), "enter")  # feedback
        assert stored(repo).state.status is Status.FEEDBACK_GIVEN
        await keys(pilot, "v", "space", "enter", "enter")  # rate: the first level
        await keys(pilot, "k", "enter")  # close: solved, the default; the reply is the feedback's
        assert isinstance(app.screen, FormDialog) is False
    state = stored(repo).state
    assert state.status is Status.CLOSED and state.outcome is Outcome.SOLVED
    assert state.record.reply == "已协调用人单位同意面试"


async def test_a_refusal_is_listed_at_the_top_in_view_and_its_field_takes_the_focus(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "n", *"C3", "enter")
        assert isinstance(app.screen, FormDialog)
        screen = rendered(app)
        assert "主要诉求：必须填写" in screen and "渠道：必须填写" in screen  # within the 24 rows drawn
        assert app.focused is app.screen.query_one("#field-channel")
        await keys(pilot, "space", "enter")  # the first channel: its message goes
        screen = rendered(app)
        assert "渠道：必须填写" not in screen and "主要诉求：必须填写" in screen


async def test_a_refusal_names_the_action_in_words_never_its_code(repo, clock) -> None:
    # The viewer (a county clerk takes in the county's own orders since issue 18).
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        from hotline_tui.dialogs.intake import intake_dialog

        app.push_screen(intake_dialog(app))
        await settle(pilot)
        await keys(pilot, *"C3", "enter")
        screen = rendered(app)
        assert "无权进行“受理新工单”" in screen and "intake" not in screen


async def test_long_texts_are_editors_with_a_live_count_and_enter_starts_a_new_line(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_order(pilot)
        await keys(pilot, "s", "enter", "y")  # reply to the citizen
        editor = app.screen.query_one("#field-text")
        assert isinstance(editor, TextArea) and app.focused is editor
        await keys(pilot, *"已告知", "enter", *"政策")
        assert editor.text == "已告知\n政策"
        assert (
            str(app.screen.query_one("#count-text").render()) == "6/4000"
        )  # as the rules count: the new line too
        assert isinstance(app.screen, FormDialog)  # Enter in the text did not submit
        await keys(pilot, "ctrl+s")
        assert not isinstance(app.screen, FormDialog)
    assert stored(repo).state.record.reply == "已告知\n政策"


@pytest.mark.parametrize("language", ["zh_CN", "ko", "en"])
async def test_a_choice_list_shows_every_label_whole(repo, clock, language: str) -> None:
    app = make_app(repo, clock, language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_order(pilot)
        app.push_screen(action_dialog(app, stored(repo), Action.DECLINE))
        await settle(pilot)
        await keys(pilot, "space")
        assert isinstance(app.screen, ChoicePicker)
        screen = rendered(app)
        labels = [label for _, label in app.screen.choices]
        assert all(label in screen for label in labels), screen
        await keys(pilot, "end", "enter")  # the longest reason, picked: shown whole or cut with "…"
        form = rendered(app)
        assert labels[-1] in form or fit(labels[-1], 20)[:-1] in form, form


def test_a_label_is_cut_at_a_whole_character_with_an_ellipsis() -> None:
    assert fit("反映不具体、确实无法办理或答复", 11) == "反映不具体…"
    assert fit("延吉市", 6) == "延吉市"
    assert fit("Hunchun city", 8) == "Hunchun…"


async def test_the_intake_form_fits_two_screens_with_marks_defaults_and_a_readable_time(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "n")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        fields = dialog.query_one("#form-fields")
        assert fields.virtual_size.height <= 2 * fields.size.height
        screen = rendered(app)
        assert "工单编号*" in screen and "受理时间*" in screen and "* 必填" in screen
        assert dialog.query_one("#field-received_at", Input).value == "2026-11-20 16:10"
        values = dialog.values()
        assert values["emergency"] == values["petition"] == values["confidential"] == "false"
        assert isinstance(dialog.query_one("#field-appeal"), TextArea)
        await keys(pilot, *"C3")
        dialog.query_one("#field-channel", Select).value = "phone"
        dialog.query_one("#field-appeal_type", Select).value = "help"
        dialog.query_one("#field-appeal", TextArea).load_text("申请辅助器具")
        await keys(pilot, "ctrl+s")
        assert not isinstance(app.screen, FormDialog)
    order = stored(repo, "C3")
    assert f"{order.record.received_at:%Y-%m-%d %H:%M}" == "2026-11-20 16:10"
    assert order.record.emergency is False


async def test_a_choice_shows_its_label_as_typed_never_as_markup(repo, clock) -> None:
    app = make_app(repo, clock)
    choices = [("诉求[/]结束", "a"), ("[bold]康复部", "b")]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(FormDialog("x", [Field("to", "to", choices, "a")], lambda values: ""))
        await settle(pilot)
        assert "诉求[/]结束" in rendered(app)
        await keys(pilot, "space")
        assert "[bold]康复部" in rendered(app)
