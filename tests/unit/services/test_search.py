"""Finding a repeat caller: open, closed minutes ago, or archived, as the person may see them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.events import Command
from hotline_core.domain.organization import Person
from hotline_core.domain.vocabulary import Place, Role, Status
from tests.support import COMPLETE_FORM, MINIMAL_FORM, at

RECEIVED = at("2026-11-20 16:01")
LATER = at("2026-11-25 10:00")
STEPS: list[tuple[str, dict[str, object]]] = [
    ("sign", {}),
    ("contact", {}),
    ("feedback", {"text": "已办", "no_image_reason": "电话答复"}),
    ("rate", {"level": "satisfied"}),
    ("close", {}),
]


def finished(repo: MemoryRepository, order_id: str, phone: str, name: str, archive: bool) -> None:
    """One complete order taken to close (and to the archive with ``archive``)."""
    form = {**COMPLETE_FORM, "id": order_id, "phone": phone, "name": name, "reply": "已答复"}
    services.intake(repo, "clerk", [form], RECEIVED)
    steps = [*STEPS, ("archive", {})] if archive else STEPS
    for minute, (action, data) in enumerate(steps, start=1):
        services.act(repo, "clerk", order_id, Command(action, data), RECEIVED + timedelta(minutes=minute))


def found(repo: MemoryRepository, text: str, login: str = "clerk") -> list[str]:
    return [o.id for o in services.search_orders(repo, login, text, LATER)]


def test_a_phone_finds_an_order_closed_minutes_ago_and_an_archived_one(repo: MemoryRepository) -> None:
    finished(repo, "OLD1", "13800001234", "金某", archive=True)
    finished(repo, "NEW1", "13800001234", "金某", archive=False)
    services.intake(repo, "clerk", [{**MINIMAL_FORM, "id": "OPEN1", "phone": "13911112222"}], RECEIVED)
    assert repo.snapshot().order("NEW1").state.status is Status.CLOSED  # type: ignore[union-attr]
    assert "OLD1" in repo.archived_ids() and repo.snapshot().order("OLD1") is None
    assert sorted(found(repo, "13800001234")) == ["NEW1", "OLD1"]
    assert sorted(found(repo, " 1234 ")) == ["NEW1", "OLD1"]  # the last digits a caller reads out


def test_a_repeat_caller_is_found_by_name_number_or_words_of_the_appeal(repo: MemoryRepository) -> None:
    finished(repo, "OLD1", "13800001234", "朴大成", archive=True)
    services.intake(repo, "clerk", [{**MINIMAL_FORM, "id": "OPEN1", "appeal": "残疾证办理进度"}], RECEIVED)
    assert found(repo, "朴大成") == ["OLD1"]
    assert found(repo, "OLD1") == ["OLD1"]
    assert found(repo, "残疾证") == ["OPEN1"]
    assert found(repo, "") == [] and found(repo, "没有这个人") == []


def test_a_corrected_phone_finds_the_archived_order_by_either_number(repo: MemoryRepository) -> None:
    form = {**COMPLETE_FORM, "id": "C1", "phone": "13800001111", "reply": "已答复"}
    services.intake(repo, "clerk", [form], RECEIVED)
    fix = Command("record", {"phone": "13900002222"})
    services.act(repo, "clerk", "C1", fix, RECEIVED + timedelta(seconds=30))
    for minute, (action, data) in enumerate([*STEPS, ("archive", {})], start=1):
        services.act(repo, "clerk", "C1", Command(action, data), RECEIVED + timedelta(minutes=minute))
    assert found(repo, "13800001111") == ["C1"]
    assert found(repo, "13900002222") == ["C1"]


def test_a_viewer_finds_no_order_by_a_full_phone_they_may_not_see(repo: MemoryRepository) -> None:
    finished(repo, "OLD1", "13800001234", "金某", archive=True)
    services.add_user(repo, "clerk", Person("audit", {Role.VIEWER}))
    assert found(repo, "13800001234", "audit") == []
    assert found(repo, "OLD1", "audit") == ["OLD1"]
    (view,) = services.search_orders(repo, "audit", "OLD1", LATER)
    assert view.record.citizen.phone == "138****1234"


def test_a_county_clerk_finds_only_what_was_passed_to_their_county(repo: MemoryRepository) -> None:
    services.add_user(repo, "clerk", Person("yanji", {Role.COUNTY_CLERK}, county=Place.YANJI))
    services.intake(repo, "clerk", [{**MINIMAL_FORM, "id": "P1", "phone": "13700000000"}], RECEIVED)
    assert found(repo, "13700000000", "yanji") == []
    services.act(repo, "clerk", "P1", Command("sign", {}), RECEIVED + timedelta(minutes=1))
    services.act(repo, "clerk", "P1", Command("transfer", {"to": "延吉市"}), RECEIVED + timedelta(minutes=2))
    assert found(repo, "13700000000", "yanji") == ["P1"]


def test_each_search_that_shows_orders_whole_is_in_the_access_log(repo: MemoryRepository) -> None:
    finished(repo, "OLD1", "13800001234", "金某", archive=True)
    found(repo, "13800001234")
    (entry,) = [a for a in repo.snapshot().accesses() if a.kind is AccessKind.LIST]
    assert (entry.login, entry.subject, entry.orders) == ("clerk", "search", ("OLD1",))


def test_the_archive_index_holds_each_archived_orders_quarter_and_keys(repo: MemoryRepository) -> None:
    finished(repo, "OLD1", "13800001234", "金某", archive=True)
    session = repo.snapshot()
    assert session.archived_entry("OLD1") == {"period": "2026Q4", "keys": ["13800001234", "金某"]}
    assert session.archived_matches("1234") == {"2026Q4": ["OLD1"]}
    assert session.archived_matches("2026Q4") == {}  # the quarter is not a key


def test_an_unknown_person_finds_nothing(repo: MemoryRepository) -> None:
    finished(repo, "OLD1", "13800001234", "金某", archive=True)
    with pytest.raises(services.UnknownLogin):
        found(repo, "OLD1", "nobody")
