"""Use cases of the database's people and settings: the first user, adding, removing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import evolve

from hotline_core.domain.organization import Person
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.settings import Settings
from hotline_core.domain.vocabulary import COUNTIES, Place, Role
from hotline_core.services.access import identify, require
from hotline_core.services.ports import Repository, Session


def initialise(repo: Repository, login: str, now: datetime | None = None) -> Person:
    """A new database's first user administers it and handles orders; ``now`` is kept as
    the moment the database started."""
    founder = Person(login, {Role.ADMIN, Role.HANDLER})
    with repo.transaction() as session:
        if session.users():
            raise refuse("already_initialised")
        session.put_user(founder)
        session.put_settings(Settings(started_at=now))
        seed_knowledge(session)
    return founder


def seed_knowledge(session: Session) -> None:
    """A new database starts from the shipped starter base of standard answers."""
    from hotline_core.adapters.knowledge_files import load_starter

    if not session.knowledge():
        for entry in load_starter():
            session.put_entry(entry)


def person_for(
    login: str,
    role: str,
    county: str | None = None,
    department: str | None = None,
    settings: Settings | None = None,
) -> Person:
    """Check a new user's role and unit the way the form fields are checked."""
    problems: list[Problem] = []
    try:
        chosen = Role(role)
    except ValueError:
        problems.append(Problem("role", "not_in_list", {"choices": "、".join(Role)}))
        chosen = None
    if chosen is Role.COUNTY_CLERK and county not in {p.value for p in COUNTIES}:
        problems.append(Problem("county", "not_a_county"))
    departments = (settings or Settings()).departments
    if chosen is Role.DEPARTMENT and department not in departments:
        problems.append(Problem("department", "not_a_department", {"choices": "、".join(departments)}))
    if not login.strip():
        problems.append(Problem("login", "required"))
    if problems:
        raise InvalidInput(problems)
    assert chosen is not None
    return Person(
        login.strip(),
        {chosen},
        county=Place(county) if chosen is Role.COUNTY_CLERK and county is not None else None,
        department=department if chosen is Role.DEPARTMENT else None,
    )


def add_user(repo: Repository, actor: str, new: Person) -> Person:
    """Add a role to a login (a person may hold several roles)."""
    with repo.transaction() as session:
        require(identify(session, actor), Role.ADMIN, "users add")
        existing = session.users().get(new.login)
        merged = (
            new
            if existing is None
            else evolve(
                existing,
                roles=existing.roles | new.roles,
                county=new.county or existing.county,
                department=new.department or existing.department,
            )
        )
        session.put_user(merged)
    return merged


def list_users(repo: Repository, actor: str) -> list[Person]:
    """Who may use the system, for a user of it; an unknown login learns nothing."""
    session = repo.snapshot()
    identify(session, actor)
    return sorted(session.users().values(), key=lambda p: p.login)


def settings_of(session: Session, person: Person) -> Settings:
    """This database's settings as ``person`` reads them (the UI's language, keys, policy):
    nothing in them is personal, so every user reads them whole."""
    identify(session, person.login)
    return session.settings()


def remove_user(repo: Repository, actor: str, login: str) -> None:
    with repo.transaction() as session:
        require(identify(session, actor), Role.ADMIN, "users remove")
        if login == actor:
            raise refuse("cannot_remove_self")
        if not session.remove_user(login):
            raise InvalidInput([Problem("login", "unknown_user", {"login": login})])


def change_settings(repo: Repository, actor: str, **changes: Any) -> Settings:
    with repo.transaction() as session:
        require(identify(session, actor), Role.ADMIN, "settings")
        settings = evolve(session.settings(), **changes)
        session.put_settings(settings)
    return settings
