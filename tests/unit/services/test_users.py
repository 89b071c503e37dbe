"""Who may add and remove people, and what adding a role to someone already there does."""

from __future__ import annotations

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import InvalidInput, Refused
from hotline_core.domain.vocabulary import Place, Role


def test_a_new_database_has_its_founder_as_administrator_and_handler(repo: MemoryRepository) -> None:
    assert repo.snapshot().users() == {"clerk": Person("clerk", {Role.ADMIN, Role.HANDLER})}
    assert repo.snapshot().knowledge()  # seeded with the starter base


def test_a_database_is_initialised_once(repo: MemoryRepository) -> None:
    with pytest.raises(Refused) as refused:
        services.initialise(repo, "someone")
    assert refused.value.problems[0].code == "already_initialised"
    assert set(repo.snapshot().users()) == {"clerk"}


def test_adding_a_role_to_a_known_login_keeps_the_roles_it_had(repo: MemoryRepository) -> None:
    services.add_user(repo, "clerk", Person("kim", {Role.VIEWER}))
    merged = services.add_user(repo, "clerk", Person("kim", {Role.COUNTY_CLERK}, county=Place.YANJI))
    assert merged == Person("kim", {Role.VIEWER, Role.COUNTY_CLERK}, county=Place.YANJI)
    assert repo.snapshot().users()["kim"] == merged


def test_only_an_administrator_adds_or_removes_people(repo: MemoryRepository) -> None:
    services.add_user(repo, "clerk", Person("handler", {Role.HANDLER}))
    with pytest.raises(Refused):
        services.add_user(repo, "handler", Person("kim", {Role.VIEWER}))
    with pytest.raises(Refused):
        services.remove_user(repo, "handler", "clerk")
    assert set(repo.snapshot().users()) == {"clerk", "handler"}


def test_an_administrator_cannot_remove_themself(repo: MemoryRepository) -> None:
    with pytest.raises(Refused) as refused:
        services.remove_user(repo, "clerk", "clerk")
    assert refused.value.problems[0].code == "cannot_remove_self"
    assert "clerk" in repo.snapshot().users()


def test_removing_a_user_and_an_unknown_one(repo: MemoryRepository) -> None:
    services.add_user(repo, "clerk", Person("kim", {Role.VIEWER}))
    services.remove_user(repo, "clerk", "kim")
    assert set(repo.snapshot().users()) == {"clerk"}
    with pytest.raises(InvalidInput) as refused:
        services.remove_user(repo, "clerk", "kim")
    assert refused.value.problems[0].code == "unknown_user"


def test_a_new_users_role_and_unit_are_checked_like_form_fields() -> None:
    with pytest.raises(InvalidInput) as refused:
        services.person_for(" ", "county_clerk", county="北京市")
    assert {p.field for p in refused.value.problems} == {"county", "login"}
    assert services.person_for("kim", "county_clerk", county="延吉市").county is Place.YANJI


def test_settings_change_only_by_an_administrator(repo: MemoryRepository) -> None:
    services.add_user(repo, "clerk", Person("handler", {Role.HANDLER}))
    with pytest.raises(Refused):
        services.change_settings(repo, "handler", demo=True)
    assert services.change_settings(repo, "clerk", demo=True).demo
    assert repo.snapshot().settings().demo
