"""The UI shows what the core hands it: masked notes, no search by a hidden value, opening logged."""

from __future__ import annotations

from textual.widgets import DataTable

from hotline_core import services
from hotline_core.domain.events import Command
from tests.ui.conftest import make_app, screen_text, settle

from .test_screens import open_first_order

PHONE = "13800000000"


async def test_a_viewer_reads_timeline_notes_without_the_phone_in_them(repo, clock) -> None:
    services.act(repo, "clerk", "A1", Command("sign", note=f"已致电 {PHONE}"), clock())
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 40)) as pilot:
        await open_first_order(pilot)
        text = screen_text(app)
        assert "已致电 138****0000" in text and PHONE not in text


async def test_a_viewer_searching_a_full_phone_finds_nothing(repo, clock) -> None:
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#queue-table", DataTable)
        assert table.row_count == 1
        await pilot.press("slash", *PHONE, "enter")
        await settle(pilot)
        assert table.row_count == 0


async def test_opening_an_order_whole_is_written_in_the_access_log(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_order(pilot)
        await app.workers.wait_for_complete()
    log = services.access_log(repo, "auditor", login="clerk")
    assert [(a.kind.value, a.subject) for a in log] == [("order", "A1")]


async def test_a_viewer_opening_a_masked_order_is_not_logged(repo, clock) -> None:
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_order(pilot)
        await app.workers.wait_for_complete()
    assert services.access_log(repo, "auditor") == []


async def test_a_person_removed_while_working_is_shown_nothing_more(repo, clock) -> None:
    app = make_app(repo, clock, "auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.orders
        services.remove_user(repo, "clerk", "auditor")
        app.reload()
        await settle(pilot)
    assert app.orders == {} and app.return_code == 2


async def test_an_order_whose_opening_cannot_be_logged_stays_masked(repo, clock, monkeypatch) -> None:
    monkeypatch.setattr(services, "opened", lambda *_: False)  # a full disk, a read-only copy
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_order(pilot)
        text = screen_text(app)
        assert PHONE not in text and "138****0000" in text


async def test_personal_data_appears_only_once_the_opening_is_logged(repo, clock, monkeypatch) -> None:
    app = make_app(repo, clock)
    shown_before_logging: list[bool] = []
    logged = services.opened

    def opened(*args: object) -> bool:
        shown_before_logging.append(PHONE in screen_text(app))
        return logged(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(services, "opened", opened)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_order(pilot)
        assert shown_before_logging == [False] and PHONE in screen_text(app)
