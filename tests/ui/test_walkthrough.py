"""A clerk takes an order from signing to the archive, by keyboard, at 80x24."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, TextArea

from hotline_core.domain.vocabulary import Action, Status
from hotline_tui.dialogs.form import FormDialog
from hotline_tui.screens.order import OrderScreen
from tests.ui.conftest import make_app, screen_text, settle


def stored(repo, order_id: str = "A1"):
    return repo.snapshot().order(order_id)


async def fill(pilot, **values: str) -> None:
    """Type into the open form's fields, as a clerk would."""
    dialog = pilot.app.screen
    assert isinstance(dialog, FormDialog)
    for name, value in values.items():
        widget = dialog.query_one(f"#field-{name}")
        if isinstance(widget, Select):
            widget.value = value
        else:
            assert isinstance(widget, (Input, TextArea))  # a long text is an editor
            widget.focus()
            widget.value = ""
            await pilot.press(*value)
    await pilot.pause()


async def submit(pilot) -> None:
    pilot.app.screen.query_one("#submit").press()
    await settle(pilot)


async def record_the_citizen(pilot, reply: str) -> None:
    """Complete the record with what the clerk learned on the phone (needed before close)."""
    await pilot.press("e")
    await settle(pilot)
    await fill(
        pilot,
        gender="female",
        age="45",
        ethnicity="朝鲜族",
        disability="physical",
        business_area="employment",
        address="延吉市河南街1号",
        reply=reply,
    )
    await submit(pilot)


async def test_a_clerk_walks_an_order_from_signing_to_the_archive(repo, clock, tmp_path: Path) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "A1" in screen_text(app) and "待签收" in screen_text(app)

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)

        await pilot.press("s")  # sign
        await settle(pilot)
        await submit(pilot)
        assert stored(repo).state.status is Status.HANDLING
        assert "办理中" in screen_text(app)

        clock.advance(hours=1)
        await pilot.press("c")  # contact
        await settle(pilot)
        await fill(pilot, note="已电话联系")
        await submit(pilot)
        assert stored(repo).events[-1].note == "已电话联系"

        await pilot.press("t")  # transfer
        await settle(pilot)
        await fill(pilot, to="延吉市")
        await submit(pilot)
        assert stored(repo).state.owner.name == "延吉市"
        assert "延吉市" in screen_text(app)

    # The county clerk opens the same database and sends the result back.
    county = make_app(repo, clock, "yanji01")
    clock.advance(hours=2)
    async with county.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("u")  # submit result
        await settle(pilot)
        await fill(pilot, text="已与用人单位沟通，同意安排面试")
        await submit(pilot)
    assert stored(repo).state.owner.name == "维权部"
    assert stored(repo).events[-1].actor == "yanji01"

    picture = tmp_path / "现场.jpg"
    picture.write_bytes(b"\xff\xd8\xff fake jpeg")
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await record_the_citizen(pilot, reply="已协调用人单位")
        assert stored(repo).state.record.citizen.age == 45

        clock.advance(hours=1)
        await pilot.press("f")  # feedback with a picture
        await settle(pilot)
        await fill(pilot, text="已协调，用人单位同意面试", attach=str(picture))
        await submit(pilot)
        feedback = stored(repo).events[-1]
        assert feedback.action is Action.FEEDBACK and feedback.attachments[0].name == "现场.jpg"
        assert repo.db.attachments.read(feedback.attachments[0]) == picture.read_bytes()
        assert "现场.jpg" in screen_text(app)

        await pilot.press("v")  # rate
        await settle(pilot)
        await fill(pilot, level="satisfied")
        await submit(pilot)
        await pilot.press("k")  # close
        await settle(pilot)
        await submit(pilot)
        assert stored(repo).state.status is Status.CLOSED

        await pilot.press("z")  # archive
        await settle(pilot)
        await submit(pilot)
        assert stored(repo) is None  # moved out of the working file
        assert repo.archived_order("A1").state.status is Status.ARCHIVED
        assert "工单已不在工作台" in screen_text(app)


async def test_a_phone_consultation_is_answered_without_a_picture_and_closed_as_explained(
    repo, clock
) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await submit(pilot)

        clock.advance(minutes=40)  # the call was at 16:15; the clerk types it at 16:50
        await pilot.press("c")
        await settle(pilot)
        await fill(pilot, result="no_answer", at="2026-11-20 16:15")
        await submit(pilot)
        attempt = stored(repo).events[-1]
        assert attempt.data["result"] == "no_answer" and attempt.entered_at == clock()
        assert "补录" in screen_text(app)

        await pilot.press("c")
        await settle(pilot)
        await fill(pilot, result="reached")
        await submit(pilot)

        await pilot.press("f")  # a phone answer: no picture, and why
        await settle(pilot)
        await fill(pilot, text="已电话答复政策", no_image_reason="电话政策咨询")
        await submit(pilot)
        feedback = stored(repo).events[-1]
        assert feedback.action is Action.FEEDBACK and feedback.data["no_image_reason"] == "电话政策咨询"

        await record_the_citizen(pilot, reply="已电话答复政策")
        await pilot.press("k")
        await settle(pilot)
        await fill(pilot, outcome="explained")
        await submit(pilot)
        assert stored(repo).state.status is Status.CLOSED
        assert stored(repo).events[-1].data["outcome"] == "explained"
