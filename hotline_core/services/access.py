"""Who is acting: a login becomes a :class:`Person` of this database, or nothing opens."""

from __future__ import annotations

from hotline_core.domain.organization import Person
from hotline_core.domain.problems import Problem, Refused, refuse
from hotline_core.domain.vocabulary import Role
from hotline_core.services.ports import Session


class UnknownLogin(Refused):
    """The login is not a user of this database: nothing opens."""


def identify(session: Session, login: str) -> Person:
    person = session.users().get(login)
    if person is None:
        raise UnknownLogin([Problem("", "unknown_login", {"login": login})])
    return person


def require_role(session: Session, login: str, role: Role, action: str) -> Person:
    """The person behind ``login``, refused unless they hold ``role``."""
    person = identify(session, login)
    require(person, role, action)
    return person


def require(person: Person, role: Role, action: str) -> None:
    if not person.has(role):
        raise refuse("not_permitted", action=action, login=person.login)
