"""Start-up: the queue's first page from the second process, the rest read behind it."""

from __future__ import annotations

import shutil
import threading

import pytest
from textual.widgets import DataTable

from hotline_core import services
from hotline_core.events import Command
from hotline_tui import preload
from hotline_tui.footer import Footer
from hotline_tui.preload import Preload
from hotline_tui.worklist import PAGE, Filter, shown

from ..conftest import MINIMAL_FORM
from .conftest import make_app, settle


@pytest.fixture
def busy_repo(repo, clock):
    """Five open orders, one of them signed."""
    forms = [{**MINIMAL_FORM, "id": f"B{n}", "received_at": f"2026-11-20T1{n}:00:00+08:00"} for n in range(4)]
    services.intake(repo, "clerk", forms)
    services.act(repo, "clerk", "B1", Command("sign"), clock())
    return repo


def the_queue(repo, clock) -> list[str]:
    session = repo.snapshot()
    orders = services.visible_orders(session, services.identify(session, "clerk"))
    settings = session.settings()
    from hotline_core.limits import LimitPlan

    limits = LimitPlan(orders, settings.calendar, settings.policies).at(clock())
    return [order.id for order in shown(orders, limits, Filter())[:PAGE]]


def test_the_second_process_sends_the_queues_first_page(busy_repo, clock) -> None:
    person = services.identify(busy_repo.snapshot(), "clerk")
    assert Preload(busy_repo, person, clock()).first_page() == the_queue(busy_repo, clock)


def test_a_second_process_that_fails_sends_nothing_and_the_app_reads_everything(busy_repo, clock) -> None:
    person = services.identify(busy_repo.snapshot(), "clerk")
    shutil.rmtree(busy_repo.db.folder)  # the process cannot read the orders
    assert Preload(busy_repo, person, clock()).first_page(timeout=10) is None


def test_one_core_forks_nothing(monkeypatch, busy_repo, clock) -> None:
    monkeypatch.setattr(preload.os, "sched_getaffinity", lambda _pid: {0})
    assert preload.start(busy_repo, services.identify(busy_repo.snapshot(), "clerk"), clock()) is None


class FirstPage:
    """What the second process sends: the app does not care where it comes from."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids

    def first_page(self) -> list[str]:
        return self.ids


async def test_the_first_page_shows_at_once_and_the_filters_wait_for_every_order(
    monkeypatch, busy_repo, clock,
) -> None:
    everything_read = threading.Event()
    read_all = services.visible_orders

    def slow_read(session, person):
        everything_read.wait(10)
        return read_all(session, person)

    monkeypatch.setattr(services, "visible_orders", slow_read)
    app = make_app(busy_repo, clock)
    app._preload = FirstPage(["B1", "A1"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(100):
            if app.screen.query_one(DataTable).row_count:
                break
            await pilot.pause(0.01)
        table = app.screen.query_one(DataTable)
        assert sorted(table.get_row_at(n)[0] for n in range(table.row_count)) == ["A1", "B1"]
        assert app.loading and "正在读取全部工单" in str(app.screen.query_one("#queue-status").render())
        assert app.screen.check_action("cycle_status", ()) is None  # dimmed in the footer
        await pilot.press("s")
        assert app.screen.filter == Filter()
        everything_read.set()
        await settle(pilot)
        assert not app.loading and table.row_count == 5
        assert [table.get_row_at(n)[0] for n in range(table.row_count)] == the_queue(busy_repo, clock)
        assert "s 状态" in app.screen.query_one(Footer).render().plain
        await pilot.press("s")
        assert app.screen.filter != Filter()


async def test_a_first_page_arriving_after_everything_was_read_changes_nothing(busy_repo, clock) -> None:
    app = make_app(busy_repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.loading and len(app.orders) == 5
        first = [order for order in app.orders.values() if order.id == "B1"]
        app._loaded(first, app.plan, app.inbox, app.settings, complete=False)  # a late first page
        await settle(pilot)
        assert len(app.orders) == 5 and app.screen.query_one(DataTable).row_count == 5
