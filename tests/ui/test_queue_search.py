"""The queue's search: a repeat caller is found, closed minutes ago or archived, and the
status line says what the table shows."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from hotline_core import services
from hotline_core.domain.events import Command
from hotline_tui.screens.order import OrderScreen
from tests.support import COMPLETE_FORM
from tests.ui.conftest import make_app, screen_text, settle

STEPS: list[tuple[str, dict[str, object]]] = [
    ("sign", {}),
    ("contact", {}),
    ("feedback", {"text": "已办", "no_image_reason": "电话答复"}),
    ("rate", {"level": "satisfied"}),
    ("close", {}),
]


def finished(repo, clock, order_id: str, phone: str, archive: bool) -> None:
    form = {**COMPLETE_FORM, "id": order_id, "phone": phone, "reply": "已答复"}
    services.intake(repo, "clerk", [form])
    for minute, (action, data) in enumerate([*STEPS, ("archive", {})] if archive else STEPS, start=1):
        services.act(repo, "clerk", order_id, Command(action, data), clock() + timedelta(minutes=minute))
    clock.advance(minutes=10)


def rows(app) -> list[str]:
    table = app.screen.query_one("#queue-table", DataTable)
    return sorted(str(table.get_row_at(i)[0]) for i in range(table.row_count))


async def test_searching_a_phone_finds_the_archived_and_the_just_closed_order(repo, clock) -> None:
    finished(repo, clock, "OLD1", "13800001234", archive=True)
    finished(repo, clock, "NEW1", "13800001234", archive=False)
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert rows(app) == ["A1"]  # the queue is the work still to do
        assert "在办 1 / 共 2" in screen_text(app)  # NEW1 closed: loaded, not shown
        assert "全部" not in screen_text(app)
        await pilot.press("slash", *"13800001234", "enter")
        await settle(pilot)
        assert rows(app) == ["NEW1", "OLD1"]
        assert "查找“13800001234”：2 张（含已办结、已归档）" in screen_text(app)
        table = app.screen.query_one("#queue-table", DataTable)
        table.move_cursor(row=[str(table.get_row_at(i)[0]) for i in range(2)].index("OLD1"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        assert "13800001234" in screen_text(app)  # the archived order, opened and logged
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert rows(app) == ["A1"]


async def test_a_viewer_does_not_find_an_archived_order_by_its_full_phone(repo, clock) -> None:
    finished(repo, clock, "OLD1", "13800001234", archive=True)
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"13800001234", "enter")
        await settle(pilot)
        assert rows(app) == []
        await pilot.press("x", "slash", *"OLD1", "enter")
        await settle(pilot)
        assert rows(app) == ["OLD1"]


async def test_the_status_line_names_the_status_filter_and_the_counts(repo, clock) -> None:
    finished(repo, clock, "NEW1", "13800001234", archive=False)
    app = make_app(repo, clock, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "open 1 of 2" in screen_text(app)
        await pilot.press(*"s" * 5)  # cycle to closed
        await settle(pilot)
        assert rows(app) == ["NEW1"] and "1 of 2" in screen_text(app)


async def test_a_second_search_replaces_the_first(repo, clock) -> None:
    finished(repo, clock, "OLD1", "13800001234", archive=True)
    finished(repo, clock, "NEW1", "13900005678", archive=False)
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"13800001234", "enter")
        await settle(pilot)
        assert rows(app) == ["OLD1"]
        await pilot.press("slash", *"13900005678", "enter")
        await settle(pilot)
        assert rows(app) == ["NEW1"]
