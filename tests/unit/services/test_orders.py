"""Intake and lifecycle actions through the use cases: what is stored, and what a refusal leaves."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.domain.escalation import AlertKind
from hotline_core.domain.events import Command
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import HotlineError, InvalidInput, Refused
from hotline_core.domain.vocabulary import Place, Role, Status
from tests.support import COMPLETE_FORM, MINIMAL_FORM, at

RECEIVED = at("2026-11-20 16:01")
LATER = at("2026-11-25 10:00")


def emergencies(repo: MemoryRepository) -> list[str]:
    return [a.order_id for a in repo.snapshot().alerts() if a.kind is AlertKind.EMERGENCY]


def archived(repo: MemoryRepository) -> None:
    """Take order A1 (complete, answered) from intake to the archive, a minute a step."""
    services.intake(repo, "clerk", [{**COMPLETE_FORM, "reply": "已答复"}], RECEIVED)
    steps: list[tuple[str, dict[str, object]]] = [
        ("sign", {}),
        ("contact", {}),
        ("feedback", {"text": "已办", "no_image_reason": "电话答复"}),
        ("rate", {"level": "satisfied"}),
    ]
    for minute, (action, data) in enumerate([*steps, ("close", {}), ("archive", {})], start=1):
        services.act(repo, "clerk", "A1", Command(action, data), RECEIVED + timedelta(minutes=minute))


# -- intake ------------------------------------------------------------------------------


def test_a_push_reports_each_order_as_added_present_or_rejected(repo: MemoryRepository) -> None:
    services.intake(repo, "clerk", [MINIMAL_FORM])
    bad = {**MINIMAL_FORM, "id": "B2", "channel": "fax"}
    report = services.intake(repo, "clerk", [{**MINIMAL_FORM, "id": "C3"}, MINIMAL_FORM, bad])
    assert report.added == ("C3",)
    assert report.present == ("A1",)
    ((position, order_id, problems),) = report.rejected
    assert (position, order_id, [p.field for p in problems]) == (3, "B2", ["channel"])
    assert sorted(repo.snapshot().order_ids()) == ["A1", "C3"]


def test_the_same_push_twice_adds_nothing_the_second_time(repo: MemoryRepository) -> None:
    forms = [MINIMAL_FORM, {**MINIMAL_FORM, "id": "A2"}]
    assert services.intake(repo, "clerk", forms).added == ("A1", "A2")
    before = repo.snapshot().orders()
    again = services.intake(repo, "clerk", forms)
    assert (again.added, again.present) == ((), ("A1", "A2"))
    assert repo.snapshot().orders() == before


def test_an_order_repeated_within_one_push_goes_in_once(repo: MemoryRepository) -> None:
    report = services.intake(repo, "clerk", [MINIMAL_FORM, MINIMAL_FORM])
    assert (report.added, report.present) == (("A1",), ("A1",))


def test_a_resent_push_of_an_archived_order_adds_nothing(repo: MemoryRepository) -> None:
    archived(repo)
    report = services.intake(repo, "clerk", [COMPLETE_FORM])
    assert (report.added, report.present) == ((), ("A1",))
    assert repo.snapshot().order_ids() == []


def test_only_a_handler_takes_in_orders(repo: MemoryRepository) -> None:
    services.add_user(repo, "clerk", Person("viewer", {Role.VIEWER}))
    with pytest.raises(Refused) as refused:
        services.intake(repo, "viewer", [MINIMAL_FORM])
    assert refused.value.problems[0].code == "not_permitted"
    assert repo.snapshot().order_ids() == []


def test_an_unknown_login_opens_nothing(repo: MemoryRepository) -> None:
    with pytest.raises(services.UnknownLogin):
        services.intake(repo, "nobody", [MINIMAL_FORM])
    assert repo.snapshot().order_ids() == []


# -- actions -----------------------------------------------------------------------------


def test_an_action_is_stored_with_its_event(repo: MemoryRepository) -> None:
    services.intake(repo, "clerk", [MINIMAL_FORM])
    signed = services.act(repo, "clerk", "A1", Command("sign"), at("2026-11-20 16:05"))
    assert signed.state.status is Status.HANDLING
    assert repo.snapshot().order("A1") == signed


def test_a_refused_action_stores_nothing(repo: MemoryRepository) -> None:
    services.intake(repo, "clerk", [MINIMAL_FORM])
    before = repo.snapshot().order("A1")
    with pytest.raises(HotlineError):
        services.act(repo, "clerk", "A1", Command("close"), at("2026-11-20 16:05"))
    assert repo.snapshot().order("A1") == before
    assert repo.snapshot().alerts() == []


def test_an_action_on_an_unknown_order_is_refused_naming_it(repo: MemoryRepository) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.act(repo, "clerk", "Z9", Command("sign"), at("2026-11-20 16:05"))
    assert refused.value.problems[0].code == "unknown_order"
    assert "Z9" in str(refused.value)


def test_a_clerk_cannot_act_on_an_order_of_another_county(repo: MemoryRepository) -> None:
    services.add_user(repo, "clerk", Person("tumen", {Role.COUNTY_CLERK}, county=Place.TUMEN))
    services.intake(repo, "clerk", [COMPLETE_FORM])  # 延吉市
    with pytest.raises(InvalidInput) as refused:  # as if it did not exist: its number is not confirmed
        services.act(repo, "tumen", "A1", Command("sign"), at("2026-11-20 16:05"))
    assert refused.value.problems[0].code == "unknown_order"
    assert repo.snapshot().order("A1").events[-1].action.value == "receive"  # type: ignore[union-attr]


def test_archiving_moves_the_order_out_of_the_open_orders(repo: MemoryRepository) -> None:
    archived(repo)
    assert repo.snapshot().order_ids() == []
    assert repo.archive_periods() == ["2026Q4"]
    found = services.find_order(repo, "clerk", "A1", LATER)
    assert found.state.status is Status.ARCHIVED
    with pytest.raises(InvalidInput):
        services.find_order(repo, "clerk", "A2", LATER)


# -- alerts raised at once (moved from tests/integration/test_services.py) ---------------------


def test_flagging_an_emergency_tells_the_leader_at_once_not_at_the_next_cron_run(
    repo: MemoryRepository,
) -> None:
    services.intake(repo, "clerk", [MINIMAL_FORM], at("2026-11-20 16:01"))
    assert emergencies(repo) == []
    services.act(repo, "clerk", "A1", Command("flag_emergency"), at("2026-11-20 16:05"))
    assert emergencies(repo) == ["A1"]
    assert not [
        a for a in services.run_escalation(repo, at("2026-11-20 16:06")) if a.kind is AlertKind.EMERGENCY
    ]


def test_an_order_pushed_as_an_emergency_alerts_on_intake(repo: MemoryRepository) -> None:
    services.intake(repo, "clerk", [{**MINIMAL_FORM, "emergency": True}], at("2026-11-20 16:01"))
    assert emergencies(repo) == ["A1"]


def test_a_push_without_a_time_raises_no_alert_until_escalation(repo: MemoryRepository) -> None:
    services.intake(repo, "clerk", [{**MINIMAL_FORM, "emergency": True}])
    assert emergencies(repo) == []
    services.run_escalation(repo, at("2026-11-20 16:02"))
    assert emergencies(repo) == ["A1"]


def test_an_action_whose_answer_shows_the_order_whole_is_in_the_access_log(repo: MemoryRepository) -> None:
    services.intake(repo, "clerk", [COMPLETE_FORM])
    services.act(repo, "clerk", "A1", Command("sign"), at("2026-11-20 16:05"))
    logged = repo.snapshot().accesses()
    assert [(a.login, a.subject, a.orders) for a in logged] == [("clerk", "A1", ("A1",))]
