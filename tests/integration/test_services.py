"""Use cases against a real database: what a change raises at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.escalation import AlertKind
from hotline_core.domain.events import Command
from tests.support import MINIMAL_FORM, at


@pytest.fixture
def repo(tmp_path: Path) -> FileRepository:
    repository = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repository, "clerk")
    return repository


def emergencies(repo: FileRepository) -> list[str]:
    return [a.order_id for a in repo.snapshot().alerts() if a.kind is AlertKind.EMERGENCY]


def test_flagging_an_emergency_tells_the_leader_at_once_not_at_the_next_cron_run(repo) -> None:
    services.intake(repo, "clerk", [MINIMAL_FORM], at("2026-11-20 16:01"))
    assert emergencies(repo) == []
    services.act(repo, "clerk", "A1", Command("flag_emergency"), at("2026-11-20 16:05"))
    assert emergencies(repo) == ["A1"]
    assert not [
        a for a in services.run_escalation(repo, at("2026-11-20 16:06")) if a.kind is AlertKind.EMERGENCY
    ]


def test_an_order_pushed_as_an_emergency_alerts_on_intake(repo) -> None:
    services.intake(repo, "clerk", [{**MINIMAL_FORM, "emergency": True}], at("2026-11-20 16:01"))
    assert emergencies(repo) == ["A1"]
