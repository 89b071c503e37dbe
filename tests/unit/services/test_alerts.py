"""Escalation runs raise each alert once; each person's inbox shows theirs and what they acknowledged."""

from __future__ import annotations

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.domain.escalation import AlertKind
from hotline_core.domain.events import Command
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import InvalidInput
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.vocabulary import Place, Role
from tests.support import COMPLETE_FORM, MINIMAL_FORM, at

LATE = at("2026-11-25 10:00")  # days past every sign limit of an order received on 20 November


def test_running_escalation_twice_raises_nothing_twice(repo: MemoryRepository) -> None:
    services.intake(repo, "clerk", [MINIMAL_FORM])
    first = services.run_escalation(repo, LATE)
    assert {a.kind for a in first} >= {AlertKind.SUMMARY_OVERDUE} and any(a.order_id == "A1" for a in first)
    assert services.run_escalation(repo, LATE) == []
    assert sorted(a.key for a in repo.snapshot().alerts()) == sorted(a.key for a in first)


def test_a_filed_county_summary_raises_no_overdue_alert(repo: MemoryRepository) -> None:
    services.file_summary(repo, "clerk", Quarter(2026, 3), "延吉市", at("2026-10-08 10:00"))
    overdue = {
        a.supervision_of for a in services.run_escalation(repo, LATE) if a.kind is AlertKind.SUMMARY_OVERDUE
    }
    assert "延吉市" not in overdue and "图们市" in overdue


def test_the_inbox_shows_a_persons_own_alerts_newest_first(repo: MemoryRepository) -> None:
    services.add_user(repo, "clerk", Person("yanji", {Role.COUNTY_CLERK}, county=Place.YANJI))
    services.intake(repo, "clerk", [COMPLETE_FORM])
    services.act(repo, "clerk", "A1", Command("sign"), at("2026-11-20 16:05"))
    services.act(repo, "clerk", "A1", Command("transfer", {"to": "延吉市"}), at("2026-11-20 16:06"))
    services.run_escalation(repo, LATE)
    snapshot = repo.snapshot()
    mine = services.inbox(snapshot, snapshot.users()["clerk"])
    county = services.inbox(snapshot, snapshot.users()["yanji"])
    assert all(not item.acknowledged for item in mine + county)
    for items in (mine, county):
        times = [item.alert.raised_at for item in items]
        assert times == sorted(times, reverse=True)
    # the rights department chases every county's summary; the county sees its own order's limits
    assert any(i.alert.kind is AlertKind.SUMMARY_OVERDUE for i in mine)
    assert county and all(i.alert.order_id == "A1" for i in county)
    assert {i.alert.key for i in county} != {i.alert.key for i in mine}


def test_acknowledging_marks_the_alert_for_that_person_only(repo: MemoryRepository) -> None:
    services.add_user(repo, "clerk", Person("second", {Role.HANDLER}))
    services.intake(repo, "clerk", [MINIMAL_FORM])
    key = services.run_escalation(repo, LATE)[0].key
    services.acknowledge(repo, "clerk", key, LATE)
    services.acknowledge(repo, "clerk", key, LATE)  # twice is the same as once
    snapshot = repo.snapshot()
    acknowledged = {
        i.alert.key for i in services.inbox(snapshot, snapshot.users()["clerk"]) if i.acknowledged
    }
    assert acknowledged == {key}
    assert not [i for i in services.inbox(snapshot, snapshot.users()["second"]) if i.acknowledged]


def test_acknowledging_an_unknown_alert_is_refused_and_stores_nothing(repo: MemoryRepository) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.acknowledge(repo, "clerk", "no-such-alert", LATE)
    assert refused.value.problems[0].code == "unknown_alert"
    assert repo.snapshot().acknowledged("clerk") == set()
