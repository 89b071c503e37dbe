"""The use cases leave the same orders, alerts and archives on disk as in memory.

The use cases' own tests run on the in-memory database (tests/unit/services); this
checks that the file database, which production uses, agrees with it.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.adapters.repository import FileRepository
from hotline_core.adapters.serialization import store_order
from hotline_core.domain.events import Command
from hotline_core.domain.problems import HotlineError
from hotline_core.services.ports import Repository
from tests.support import COMPLETE_FORM, MINIMAL_FORM, at

RECEIVED = at("2026-11-20 16:01")


def day_of_work(repo: Repository) -> None:
    """Intake, an emergency, a refused action, an order archived, an escalation run."""
    services.initialise(repo, "clerk")
    services.intake(
        repo, "clerk", [{**COMPLETE_FORM, "reply": "已答复"}, {**MINIMAL_FORM, "id": "B2"}], RECEIVED
    )
    services.act(repo, "clerk", "B2", Command("flag_emergency"), RECEIVED + timedelta(minutes=1))
    with pytest.raises(HotlineError):
        services.act(repo, "clerk", "B2", Command("close"), RECEIVED + timedelta(minutes=2))
    steps: list[tuple[str, dict[str, object]]] = [
        ("sign", {}),
        ("contact", {}),
        ("feedback", {"text": "已办", "no_image_reason": "电话答复"}),
        ("rate", {"level": "satisfied"}),
    ]
    for minute, (action, data) in enumerate([*steps, ("close", {}), ("archive", {})], start=3):
        services.act(repo, "clerk", "A1", Command(action, data), RECEIVED + timedelta(minutes=minute))
    services.run_escalation(repo, at("2026-11-25 10:00"))


def contents(repo: Repository) -> dict[str, object]:
    snapshot = repo.snapshot()
    return {
        "orders": [store_order(o) for o in sorted(snapshot.orders(), key=lambda o: o.id)],
        "alerts": snapshot.alerts(),
        "users": snapshot.users(),
        "knowledge": snapshot.knowledge(),
        "periods": repo.archive_periods(),
        "archived": {p: [store_order(o) for o in repo.archived_orders(p)] for p in repo.archive_periods()},
    }


def test_a_day_of_work_leaves_the_same_database_on_disk_as_in_memory(tmp_path: Path) -> None:
    on_disk, in_memory = FileRepository.open(tmp_path / "db", create=True), MemoryRepository()
    day_of_work(on_disk)
    day_of_work(in_memory)
    assert contents(on_disk) == contents(in_memory)
    assert contents(in_memory)["periods"] == ["2026Q4"]
