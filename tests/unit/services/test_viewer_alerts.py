"""A viewer (an office meeting, an auditor) reads reports: no operational alert reaches them."""

from __future__ import annotations

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.domain.escalation import recipients_of
from hotline_core.domain.events import Command
from hotline_core.domain.organization import Person
from hotline_core.domain.vocabulary import Role
from tests.support import MINIMAL_FORM, at

LATE = at("2026-11-25 10:00")


def test_a_viewer_gets_none_of_the_alerts_the_rights_department_and_the_leader_get(
    repo: MemoryRepository,
) -> None:
    services.add_user(repo, "clerk", Person("audit", {Role.VIEWER}))
    services.add_user(repo, "clerk", Person("boss", {Role.LEADER}))
    services.intake(repo, "clerk", [{**MINIMAL_FORM, "emergency": True}], at("2026-11-20 16:01"))
    services.act(repo, "clerk", "A1", Command("sign"), at("2026-11-20 16:05"))
    raised = services.run_escalation(repo, LATE)
    assert raised  # the emergency, the overdue limits, the county summaries
    session = repo.snapshot()
    assert services.inbox(session, services.identify(session, "clerk"))
    assert services.inbox(session, services.identify(session, "boss"))
    assert services.inbox(session, services.identify(session, "audit")) == []


def test_a_viewer_has_no_inbox_address_and_a_viewer_who_also_handles_keeps_theirs() -> None:
    assert recipients_of(Person("audit", {Role.VIEWER})) == frozenset()
    assert recipients_of(Person("admin", {Role.ADMIN})) == frozenset()
    both = recipients_of(Person("kim", {Role.VIEWER, Role.HANDLER}))
    assert "rights_dept:维权部" in both
