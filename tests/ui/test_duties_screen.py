"""The duties screen: a service recorded through its form, an incident that tells the leader,
an episode whose question on air becomes an order, and what a viewer is shown."""

from __future__ import annotations

from textual.widgets import DataTable, TabbedContent

from hotline_core import services
from hotline_core.domain.escalation import AlertKind
from hotline_tui.screens.duties import DutiesScreen
from tests.ui.conftest import make_app, settle

from .test_walkthrough import fill, submit


async def open_duties(pilot) -> DutiesScreen:
    await settle(pilot)
    await pilot.press("f6")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DutiesScreen)
    return screen


async def test_a_legal_aid_referral_is_recorded_from_the_duties_screen(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_duties(pilot)
        await pilot.press("n")
        await settle(pilot)
        await fill(pilot, kind="legal_aid", order="A1", topic="工伤赔偿")
        await submit(pilot)
        assert pilot.app.screen is screen
        [record] = repo.snapshot().services()
        assert record.kind.value == "legal_aid" and record.order_id == "A1"
        assert screen.query_one("#duties-services", DataTable).row_count == 1


async def test_a_refused_service_shows_the_reason_under_its_field_and_stores_nothing(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_duties(pilot)
        await pilot.press("n")
        await settle(pilot)
        await fill(pilot, kind="counselling", name="李某", topic="焦虑")
        await submit(pilot)
        error = pilot.app.screen.query_one("#error-follow_up")
        assert error.display and "必须填写" in str(error.render())
        assert repo.snapshot().services() == []


async def test_an_incident_reported_on_screen_alerts_the_leader(repo, clock) -> None:
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_duties(pilot)
        screen.query_one(TabbedContent).active = "tab-incidents"
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await fill(pilot, what="来电人情绪激动", measures="已安排上门")
        await submit(pilot)
        assert [a.kind for a in repo.snapshot().alerts() if a.kind is AlertKind.INCIDENT] == [
            AlertKind.INCIDENT
        ]
        assert screen.query_one("#duties-incidents", DataTable).row_count == 1


async def test_a_question_on_air_becomes_an_order_from_the_programme_tab(repo, clock) -> None:
    services.add_episode(repo, "clerk", {"date": "2026-11-20", "guests": "副理事长"}, clock())
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_duties(pilot)
        screen.query_one(TabbedContent).active = "tab-episodes"
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        await fill(pilot, appeal_type="consultation", appeal="两项补贴")
        await submit(pilot)
        order = repo.snapshot().order("BX20261120-01")
        assert order is not None and order.record.appeal.channel.value == "web"


async def test_the_viewer_sees_the_services_citizen_masked(repo, clock) -> None:
    services.add_service(repo, "clerk", "publicity", {"name": "金某某", "topic": "补贴"}, clock())
    app = make_app(repo, clock, login="auditor")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_duties(pilot)
        table = screen.query_one("#duties-services", DataTable)
        assert "金**" in [str(c) for c in table.get_row_at(0)]


async def test_the_legal_aid_centres_answer_and_an_incidents_close_are_recorded_on_screen(
    repo, clock
) -> None:
    referral = services.add_service(repo, "clerk", "legal_aid", {"name": "金某", "topic": "工伤"}, clock())
    incident, _ = services.report_incident(repo, "clerk", {"what": "x", "measures": "y"}, clock())
    app = make_app(repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_duties(pilot)
        await pilot.press("u")
        await settle(pilot)
        await fill(pilot, step="refused", note="不属于援助范围")
        await submit(pilot)
        back = repo.snapshot().service(referral.id)
        assert back is not None and back.outcome == "不属于援助范围"
        screen.query_one(TabbedContent).active = "tab-incidents"
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await fill(pilot, text="已化解")
        await submit(pilot)
        closed = repo.snapshot().incident(incident.id)
        assert closed is not None and closed.closed
