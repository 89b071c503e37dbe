"""Who is acting: a login becomes a :class:`Person` of this database, or nothing opens;
and who was shown which personal data (the access log)."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol, TypeVar

from hotline_core.domain.accesslog import Access, AccessKind, selected
from hotline_core.domain.organization import Person
from hotline_core.domain.permissions import may_read_access_log
from hotline_core.domain.problems import Problem, Refused, check_path_text, refuse
from hotline_core.domain.vocabulary import Role
from hotline_core.services.ports import Repository, Session


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


def outside_database(repo: Repository, path: Path, field: str = "path") -> Path:
    """``path`` (``~`` expanded), refused when it is in the database folder (links resolved).

    Through the sudo rule the program runs as the service account, which may write every file
    of the database: a report exported to ``working.json``, an export pulled from it or a
    document drafted over ``chain.key`` would let a clerk read or overwrite what they may not
    touch. Every screen that takes a path asks this (the command line, :func:`outside_folder`)."""
    return outside_folder(repo.folder, path, field)


def outside_folder(folder: Path, path: Path, field: str = "path") -> Path:
    """``path`` (``~`` expanded), refused when it is in the database ``folder`` (links resolved),
    or when it holds a NUL character; for the command line, which has the folder, not the
    repository open."""
    check_path_text(path, field)
    target = path.expanduser()
    home = folder.resolve()
    resolved = target.resolve()
    if resolved == home or home in resolved.parents:
        raise refuse("inside_database", field, path=str(path))
    return target


def require(person: Person, role: Role, action: str) -> None:
    if not person.has(role):
        raise refuse("not_permitted", action=action, login=person.login)


def record_access(
    session: Session,
    person: Person,
    kind: AccessKind,
    subject: str,
    orders: Iterable[str],
    at: datetime,
) -> None:
    """Write down that ``person`` was shown the personal data of ``orders`` (nothing when none)."""
    shown = tuple(orders)
    if shown or kind in (AccessKind.REPORT, AccessKind.BACKUP):
        session.record_access(Access(at, person.login, kind, subject, shown))


def access_log(
    repo: Repository, actor: str, login: str | None = None, since: datetime | None = None
) -> list[Access]:
    """The access log, for the auditor (a viewer) and the administrator."""
    session = repo.snapshot()
    person = identify(session, actor)
    if not may_read_access_log(person):
        raise refuse("not_permitted", action="audit access", login=actor)
    return selected([*repo.archived_accesses(), *session.accesses()], login, since)


# A write that cannot happen: a full disk, a read-only copy, a folder one may only read.
_CANNOT_WRITE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})


def cannot_write(error: OSError) -> bool:
    """Whether ``error`` says the database cannot be written now, though it can be read."""
    return error.errno in _CANNOT_WRITE


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_Identified)


def logged_views(
    repo: Repository,
    person: Person,
    kind: AccessKind,
    subject: str,
    shown: Sequence[tuple[T, T]],
    now: datetime,
    masked: Callable[[T], T],
) -> list[T]:
    """The views of ``shown`` (value, view) to give out, the whole ones written in the access
    log first. Where the log cannot be written they go out ``masked`` instead: reading still
    works on a full disk or a read-only copy, and no personal data leaves unlogged."""
    whole = [value.id for value, view in shown if view is value]
    if whole:
        try:
            with repo.transaction() as writing:
                record_access(writing, person, kind, subject, whole, now)
        except OSError as error:
            if not cannot_write(error):
                raise
            return [masked(value) if view is value else view for value, view in shown]
    return [view for _, view in shown]
