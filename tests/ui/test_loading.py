"""Start-up: what the queue says and offers while the orders are still being read."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from textual.widgets import DataTable, Input

from hotline_core import services
from hotline_core.domain.vocabulary import Status
from hotline_tui.footer import Footer
from hotline_tui.screens.alerts import AlertsScreen
from hotline_tui.worklist import Filter
from tests.support import MINIMAL_FORM, at
from tests.ui.conftest import make_app, settle


@pytest.fixture
def slow_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Reading the orders waits until the test sets the event."""
    everything_read = threading.Event()
    read_all = services.visible_orders

    def read(session, person):
        everything_read.wait(10)
        return read_all(session, person)

    monkeypatch.setattr(services, "visible_orders", read)
    yield everything_read
    everything_read.set()


def status(app) -> str:
    return str(app.screen.query_one("#queue-status").render())


async def test_while_the_orders_are_read_the_queue_says_so_and_a_filter_pressed_is_kept(
    repo, clock, slow_read
) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.loading and "正在读取全部工单" in status(app) and "没有符合条件" not in status(app)
        assert app.screen.check_action("cycle_status", ()) is True  # offered, not dimmed
        await pilot.press("s")  # the first status: 待签收, over what is read so far
        assert app.screen.filter == Filter(status=Status.RECEIVED)
        slow_read.set()
        await settle(pilot)
        assert not app.loading and app.screen.filter == Filter(status=Status.RECEIVED)  # kept
        assert app.screen.query_one(DataTable).row_count == 1  # A1, unsigned, of every order
        assert "正在读取" not in status(app) and "s 状态" in app.screen.query_one(Footer).render().plain


async def test_find_works_at_once_while_the_orders_are_read(repo, clock, slow_read) -> None:
    """The first key a clerk presses on the first page is often ``/``: it must not be lost."""
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.loading
        await pilot.press("slash")
        finder = app.screen.query_one("#queue-find", Input)
        assert finder.display and finder.has_focus
        await pilot.press(*"13800000000", "enter")
        await settle(pilot)
        assert row_ids(app) == ["A1"]


def row_ids(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(key.value) for key in table.rows]


async def test_the_most_urgent_page_is_shown_before_every_order_is_read(repo, clock, slow_read) -> None:
    forms = [
        {**MINIMAL_FORM, "id": f"B{n}", "received_at": f"2026-11-{10 + n}T09:00:00+08:00"} for n in range(5)
    ]
    services.intake(repo, "clerk", forms, at("2026-11-20 16:05"))
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        first = row_ids(app)
        assert app.loading and "正在读取全部工单" in status(app)  # the full read is still held up
        assert first == ["B0", "B1", "B2", "B3", "B4", "A1"]  # the oldest unsigned first
        slow_read.set()
        await settle(pilot)
        assert not app.loading and row_ids(app) == first


async def test_orders_read_while_another_screen_is_open_are_in_the_queue_on_return(
    repo, clock, slow_read
) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, AlertsScreen)
        slow_read.set()
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one(DataTable).row_count == 1 and "正在读取" not in status(app)
        assert app.screen.check_action("cycle_status", ()) is True


async def test_a_read_overtaken_by_a_newer_one_is_dropped(repo, clock, slow_read, monkeypatch) -> None:
    app = make_app(repo, clock)
    delivered: list[int] = []
    loaded = app._loaded
    monkeypatch.setattr(
        app, "_loaded", lambda orders, *rest: (delivered.append(len(orders)), loaded(orders, *rest))
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.reload()  # ``r`` while the first read still runs: the first one is cancelled
        slow_read.set()
        await settle(pilot)
        assert delivered == [1] and not app.loading


async def test_the_cycle_collector_paused_for_the_start_is_back_once_the_first_page_is_shown(
    repo, clock, slow_read
) -> None:
    import gc

    from hotline_tui import collector

    collector.pause()  # as launch does
    try:
        assert not gc.isenabled()
        app = make_app(repo, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert app.loading and row_ids(app)  # the first page is up, the full read held back
            assert gc.isenabled() and gc.get_freeze_count() > 0
            slow_read.set()
            await settle(pilot)
    finally:
        collector.resume()
        gc.unfreeze()
        gc.enable()
