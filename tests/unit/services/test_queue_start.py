"""The queue's start: the most urgent page, read alone, is the page a full read shows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.adapters.repository import Session
from hotline_core.domain import rest_days
from hotline_core.domain.events import Event
from hotline_core.domain.intake import parse_order
from hotline_core.domain.limits import LimitEvaluator
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.ranking import ranks
from hotline_core.domain.vocabulary import COUNTIES, Action, AppealType, Place
from hotline_core.services import queue
from tests.support import VIEWER, YANJI_CLERK, at

NOW = at("2026-11-25 10:00")
SIZE = 10


def order(n: int, received_minutes_ago: int) -> WorkOrder:
    """Order ``n``: its county, type and progress vary with ``n`` (some signed, some
    contacted, some passed on to their county, some declined: finished)."""
    received = NOW - timedelta(minutes=received_minutes_ago)
    record = parse_order(
        {
            "id": f"Q{n:03d}",
            "received_at": received.isoformat(),
            "channel": "phone",
            "appeal_type": list(AppealType)[n % len(AppealType)].value,
            "county": COUNTIES[n // 4 % len(COUNTIES)].value,
            "appeal": "测试诉求",
            "name": f"金{n}某",
            "phone": f"138{n:08d}",
        }
    )
    events = [Event(received, "center", Action.RECEIVE)]
    if n % 4 in (1, 2):
        events.append(Event(received + timedelta(minutes=30), "clerk", Action.SIGN))
    if n % 4 == 2:
        events.append(Event(received + timedelta(hours=2), "clerk", Action.CONTACT))
    if n % 4 in (1, 2):  # passed on to the county's federation
        to = {"to": record.place.value}
        events.append(Event(received + timedelta(hours=3), "clerk", Action.TRANSFER, data=to))
    if n % 7 == 0:
        events.append(
            Event(received + timedelta(minutes=10), "clerk", Action.DECLINE, data={"reason": "commercial"})
        )
    return WorkOrder(record, tuple(events))


@pytest.fixture
def filled(repo: MemoryRepository) -> MemoryRepository:
    with repo.transaction() as session:
        for n in range(60):
            session.put_order(order(n, received_minutes_ago=(n * 397) % (14 * 24 * 60)))
    return repo


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The ids of the orders read one by one."""
    seen: list[str] = []
    read_one = Session.order

    def order(self: Session, order_id: str) -> WorkOrder | None:
        seen.append(order_id)
        return read_one(self, order_id)

    monkeypatch.setattr(Session, "order", order)
    yield seen


def clerk(repo: MemoryRepository) -> Person:
    return services.identify(repo.snapshot(), "clerk")


def full_read_page(repo: MemoryRepository, person: Person, size: int = SIZE) -> list[WorkOrder]:
    """What the queue shows first after reading every order: the to-do ones it may see, by rank."""
    session = repo.snapshot()
    orders = services.visible_orders(session, person)
    settings = session.settings()
    rank = ranks(orders, LimitEvaluator(NOW, settings.calendar, settings.policies).table(orders))
    return sorted((o for o in orders if rank[o.id].to_do), key=lambda o: rank[o.id])[:size]


def remember(repo: MemoryRepository, person: Person) -> None:
    """What the UI does after a full read."""
    session = repo.snapshot()
    orders = services.visible_orders(session, person)
    settings = session.settings()
    services.remember_ranks(
        session, orders, LimitEvaluator(NOW, settings.calendar, settings.policies).table(orders)
    )


def first_page(repo: MemoryRepository, person: Person, size: int = SIZE) -> list[WorkOrder] | None:
    return services.first_page(repo.snapshot(), person, size, NOW)


def test_with_no_ranks_remembered_a_small_database_still_shows_its_most_urgent_page(filled) -> None:
    page = first_page(filled, clerk(filled))
    assert page == full_read_page(filled, clerk(filled))
    assert len(page) == SIZE


def test_with_the_ranks_remembered_only_the_first_page_is_read(filled, reads) -> None:
    remember(filled, clerk(filled))
    reads.clear()
    page = first_page(filled, clerk(filled))
    assert page == full_read_page(filled, clerk(filled))
    assert len(reads) == SIZE  # not the 60 orders


def test_orders_changed_since_the_ranks_were_remembered_are_ranked_as_they_are_now(filled) -> None:
    remember(filled, clerk(filled))
    before = first_page(filled, clerk(filled))
    assert before is not None
    most_urgent = before[0]
    declined = Event(NOW - timedelta(minutes=1), "clerk", Action.DECLINE, data={"reason": "commercial"})
    with filled.transaction() as session:
        session.put_order(WorkOrder(most_urgent.record, (*most_urgent.events, declined)))  # finished
        session.put_order(order(99, received_minutes_ago=30 * 24 * 60))  # late news: unsigned a month
    page = first_page(filled, clerk(filled))
    assert page == full_read_page(filled, clerk(filled))
    assert most_urgent.id not in {o.id for o in page} and page[0].id == "Q099"


def test_new_settings_make_every_remembered_rank_stale(filled) -> None:
    remember(filled, clerk(filled))
    assert len(filled.snapshot().remembered_ranks()) == 60
    services.change_settings(filled, "clerk", attachment_limit_mb=10)  # any change of the settings
    assert filled.snapshot().remembered_ranks() == {}
    assert first_page(filled, clerk(filled)) == full_read_page(filled, clerk(filled))


def test_a_new_holidays_release_makes_every_remembered_rank_stale(filled, monkeypatch) -> None:
    """The rest days come from the installed holidays release, not from the settings' line:
    next year's notice arrives with a new release and moves due times as a settings change."""
    remember(filled, clerk(filled))
    assert len(filled.snapshot().remembered_ranks()) == 60
    monkeypatch.setattr(rest_days, "installed_version", lambda: "2099.1")
    assert filled.snapshot().remembered_ranks() == {}


def test_too_many_orders_changed_since_means_reading_everything(filled, monkeypatch) -> None:
    monkeypatch.setattr(queue, "CHANGED_AT_MOST", 59)
    assert first_page(filled, clerk(filled)) is None  # 60 orders, none remembered
    remember(filled, clerk(filled))
    assert first_page(filled, clerk(filled)) is not None


def test_a_county_clerk_gets_their_own_most_urgent_orders(filled) -> None:
    remember(filled, clerk(filled))
    page = first_page(filled, YANJI_CLERK, size=5)
    assert page and {o.record.place for o in page} == {Place.YANJI}
    assert page == full_read_page(filled, YANJI_CLERK, size=5)


def test_a_page_cut_short_by_the_reading_limit_is_the_right_beginning(filled, monkeypatch) -> None:
    remember(filled, clerk(filled))
    monkeypatch.setattr(queue, "READ_AT_MOST", 20)
    page = first_page(filled, YANJI_CLERK)
    assert page is not None and 0 < len(page) < SIZE
    assert page == full_read_page(filled, YANJI_CLERK)[: len(page)]


def test_the_first_page_is_masked_as_the_full_read_is(filled) -> None:
    remember(filled, clerk(filled))
    page = first_page(filled, VIEWER)
    assert page == full_read_page(filled, VIEWER)
    assert page and all(o.record.citizen.name.startswith("金*") for o in page)
    assert all(o != filled.snapshot().order(o.id) for o in page)


def test_a_county_clerk_remembering_keeps_the_ranks_of_the_orders_they_do_not_see(filled) -> None:
    remember(filled, clerk(filled))
    with filled.transaction() as session:
        session.put_order(order(105, received_minutes_ago=5))  # passed on to Dunhua
        session.put_order(order(97, received_minutes_ago=5))  # passed on to Yanji
    remember(filled, YANJI_CLERK)
    remembered = filled.snapshot().remembered_ranks()
    assert len(remembered) == 61  # the 60 remembered before, and Yanji's new one
    assert "Q097" in remembered and "Q105" not in remembered
