"""What a citizen, the center or a clerk typed is shown as typed: never markup, never an escape."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.events import Command
from hotline_core.domain.order import WorkOrder
from hotline_tui.plain import Plain, PlainTable, plain
from hotline_tui.screens.knowledge import KnowledgeScreen
from hotline_tui.screens.order import OrderScreen
from hotline_tui.visible import visible
from tests.support import MINIMAL_FORM, at
from tests.ui.conftest import Clock, make_app, screen_text, settle

APPEAL = "诉求[/]结束 [bold red]红字[/] [@click=app.quit]点我[/] \x1b[2J清屏"
NAME = "[b]金[/b]某"
NOTE = "备注[/b] \x1b]8;;http://x\x07链接\x1b]8;;\x07"


@pytest.fixture
def hostile(repo: FileRepository, clock: Clock) -> FileRepository:
    form = {**MINIMAL_FORM, "id": "B2", "appeal": APPEAL, "name": NAME, "phone": "13800000001"}
    services.intake(repo, "clerk", [form], clock())
    services.act(repo, "clerk", "B2", Command("sign", {}, NOTE), clock())
    return repo


async def test_an_order_with_markup_and_escapes_in_its_texts_opens_and_shows_them_as_typed(
    hostile: FileRepository, clock: Clock
) -> None:
    app = make_app(hostile, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.push_screen(OrderScreen("B2"))
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        shown = screen_text(app)
        assert "诉求[/]结束 [bold red]红字[/] [@click=app.quit]点我[/] ␛[2J清屏" in shown
        assert "[b]金[/b]某" in shown
        assert "备注[/b] ␛]8;;http://x␇链接␛]8;;␇" in shown
        assert "\x1b" not in shown
        record = app.screen.query_one("#order-record", Plain).render()
        assert not [span for span in record.spans if "red" in str(span.style) or "@click" in str(span.style)]
        await pilot.press("e")  # the record form, prefilled with what is stored
        await settle(pilot)
        values = app.screen.values()
        assert values["appeal"] == "诉求[/]结束 [bold red]红字[/] [@click=app.quit]点我[/] ␛[2J清屏"
        assert values["name"] == "[b]金[/b]某"


async def test_the_queue_shows_an_owners_name_with_brackets_as_typed(
    hostile: FileRepository, clock: Clock
) -> None:
    app = make_app(hostile, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#queue-table", PlainTable)
        table.add_row("[b]X[/b]", "\x1b[31m", "", "", "", "", "", key="probe")
        await pilot.pause()
        cells = table.get_row("probe")
        assert [str(c) for c in cells[:2]] == ["[b]X[/b]", "␛[31m"]


async def test_a_knowledge_entry_with_markup_in_its_question_is_shown_as_typed(
    repo: FileRepository, clock: Clock
) -> None:
    values = {"question": "问[/]题 [red]红[/]", "answer": "答\x1b[2J", "area": "rehabilitation"}
    values |= {"basis": "《条例》[/b]", "number": "", "tags": "", "note": "[@click=app.quit]核实[/]"}
    saved = services.kb_save(repo, "clerk", None, values, clock())
    app = make_app(repo, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(KnowledgeScreen())
        await settle(pilot)
        table = app.screen.query_one("#kb-table", PlainTable)
        table.move_cursor(row=table.get_row_index(saved.id))
        await settle(pilot)
        shown = screen_text(app)
        assert "问[/]题 [red]红[/]" in shown
        assert "[@click=app.quit]核实[/]" in shown


async def test_a_notification_quoting_typed_text_is_not_markup(repo: FileRepository, clock: Clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.notify("已保存 [/] [@click=app.quit]x[/] \x1b[31m")
        await pilot.pause()
        (notification,) = app._notifications
        assert notification.message == "已保存 [/] [@click=app.quit]x[/] ␛[31m"
        assert notification.markup is False


# -- any text at all --------------------------------------------------------------------

MARKUP = ["[", "]", "[/]", "[b]", "[/b]", "[@click=app.quit]", "[bold red]", "\\"]
HOSTILE_PIECES = st.sampled_from([*MARKUP, "\x1b[2J", "\x1b]8;;x\x07", "\r", "\u202e"])
TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(HOSTILE_PIECES, st.text(max_size=3)), max_size=12).map("".join),
    st.text(st.characters(codec="utf-16", categories=["Cs", "Cc", "Cf"]), max_size=20),  # lone surrogates
    st.text(min_size=2000, max_size=3000),
)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> FileRepository:
    repository = FileRepository.open(Path(tmp_path_factory.mktemp("hostile")) / "db", create=True)
    services.initialise(repository, "clerk")
    services.intake(repository, "clerk", [{**MINIMAL_FORM, "name": "金某"}])
    return repository


def _with_texts(order: WorkOrder, appeal: str, name: str, note: str) -> WorkOrder:
    record = evolve(
        order.record,
        appeal=evolve(order.record.appeal, text=appeal),
        citizen=evolve(order.record.citizen, name=name, address=note),
    )
    events = tuple(evolve(event, note=note) for event in order.events)
    return WorkOrder(record, events)


async def _open(repo: FileRepository, appeal: str, name: str, note: str) -> None:
    app = make_app(repo, Clock(at("2026-11-20 16:10")))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.orders["A1"] = _with_texts(app.orders["A1"], appeal, name, note)
        app.push_screen(OrderScreen("A1"))
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        for widget in app.screen.query(Plain):
            widget.render()
        await pilot.press("pagedown")
        await pilot.pause()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(appeal=TEXTS, name=TEXTS, note=TEXTS)
def test_the_order_screen_never_crashes_whatever_was_typed(
    shared: FileRepository, appeal: str, name: str, note: str
) -> None:
    asyncio.run(_open(shared, appeal, name, note))


@given(TEXTS)
def test_shown_text_keeps_every_printable_character_and_no_control_character(text: str) -> None:
    shown = plain(text)
    assert isinstance(shown, Text) and not shown.spans
    assert shown.plain == visible(text)
    assert not any(ord(c) < 0x20 and c not in "\n\t" for c in shown.plain)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in shown.plain)
    shown.plain.encode("utf-8")  # a lone surrogate could not be written to the terminal
    kept = [c for c in text if c.isprintable() and c != "\\"]
    assert all(c in shown.plain for c in kept)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("红\x1b[31m字", "红␛[31m字"),
        ("响铃\x07退格\x08回车\r删除\x7f", "响铃␇退格␈回车␍删除␡"),
        ("C1 \x9b31m", "C1 \\x9b31m"),
        ("倒序\u202e文字\u2066", "倒序\\u202e文字\\u2066"),
        ("孤\ud800字", "孤\\ud800字"),
        ("两行\n\t缩进", "两行\n\t缩进"),
        ("诉求[/]结束", "诉求[/]结束"),
    ],
)
def test_control_characters_are_shown_and_everything_else_is_kept(typed: str, shown: str) -> None:
    assert visible(typed) == shown


def test_one_line_places_show_newlines_and_tabs_too() -> None:
    assert visible("两行\n\t缩进", newlines=False) == "两行␊␉缩进"
