"""Use cases of the database as a whole: open it, fill a demo, check, back up, restore."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from attrs import evolve

from hotline_core.adapters.named_files import opened_folder
from hotline_core.adapters.repository import FileRepository, restore_database
from hotline_core.adapters.storage import (
    DatabaseDamaged,
    DatabaseExists,
    DatabaseNotFound,
    LockTimeout,
    StorageError,
)
from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.lifecycle import audit
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import refuse
from hotline_core.domain.quarters import Quarter, summary_due
from hotline_core.domain.vocabulary import COUNTIES, Role
from hotline_core.services.access import identify, record_access, require_role
from hotline_core.services.alerts import run_escalation
from hotline_core.services.named import NamedFiles, named_files_of
from hotline_core.services.ports import Session
from hotline_core.services.users import seed_knowledge

__all__ = [
    "DatabaseDamaged",
    "DatabaseExists",
    "DatabaseNotFound",
    "FileRepository",
    "LockTimeout",
    "StorageError",
    "backup",
    "check",
    "create_demo",
    "history_digest",
    "inspect_database",
    "open_database",
    "restore",
]


def open_database(folder: Path, create: bool = False) -> FileRepository:
    """The database in ``folder`` (created empty with ``create``); a clear refusal when absent."""
    try:
        return FileRepository.open(folder, create=create)
    except DatabaseNotFound:
        raise refuse("no_database", path=str(folder)) from None


def create_demo(repo: FileRepository, login: str, now: datetime) -> list[WorkOrder]:
    """Fill (or refresh) a demo database; a real database is never touched."""
    from hotline_core.domain.demo import DEMO_STAFF, demo_orders

    orders = list(demo_orders(now))
    with repo.transaction() as session:
        if session.users() and not session.settings().demo:
            raise refuse("not_a_demo")
        session.clear_orders_and_alerts()
        session.put_settings(evolve(session.settings(), demo=True))
        for person in DEMO_STAFF:
            session.put_user(person)
        seed_knowledge(session)
        session.put_user(Person(login, {Role.ADMIN, Role.HANDLER, Role.LEADER, Role.VIEWER}))
        for order in orders:
            session.put_order(order)
            if order.state.status.value == "archived":
                session.archive_order(order)
        # Most counties sent last quarter's summary on time; two have not.
        last = Quarter.of(now.astimezone(SHANGHAI).date()).previous()
        sent = summary_due(last, session.settings().calendar).due - timedelta(days=1)
        for county in COUNTIES[:6]:
            session.file_summary(last, county.value, sent)
    run_escalation(repo, now)
    return orders


def inspect_database(folder: Path) -> FileRepository:
    """The database in ``folder`` as its files are, for ``check`` and the history digest:
    nothing is replayed or written, so a damaged, full or read-only copy can be examined."""
    try:
        return FileRepository.inspect(folder)
    except DatabaseNotFound:
        raise refuse("no_database", path=str(folder)) from None


def check(repo: FileRepository, actor: str, language: str) -> tuple[int, list[str]]:
    """The open orders counted, and every problem found in the files and in the orders' trails."""
    snapshot = _identified(repo, actor)
    found = repo.storage_problems()
    try:
        orders = (snapshot or repo.snapshot()).orders()  # read again only to say what is wrong
    except (StorageError, ValueError, TypeError) as error:
        return 0, found or [f"{repo.folder}: the orders cannot be read ({error})"]
    found += [p.message(language) for order in orders for p in audit(order)]
    return len(orders), found


def history_digest(repo: FileRepository, actor: str, seq: int | None = None) -> tuple[int, int, str]:
    """(seq, bytes, sha256) of the whole history through ``seq`` (default: now), for paper.

    Printed in the quarterly report and kept: a later ``check --digest --seq N`` that
    prints something else means history before N was rewritten, even by a key holder.
    """
    _identified(repo, actor)
    return repo.history_digest(seq)


def _identified(repo: FileRepository, actor: str) -> Session | None:
    """One snapshot of the files, read once, after ``actor`` is found among its users; None
    when the copy is too damaged to say who its users are.

    An unknown login learns nothing from ``check``; but a damaged copy is still examined
    (what ``check`` prints names files, records and fields, never their values), since that
    is when it is needed most."""
    try:
        snapshot = repo.snapshot()
        snapshot.users()
    except (StorageError, ValueError, TypeError):
        return None
    identify(snapshot, actor)
    return snapshot


def backup(
    repo: FileRepository,
    actor: str,
    target: Path | None,
    now: datetime,
    compress: bool = False,
    files: NamedFiles | None = None,
) -> Path:
    """A consistent copy while others keep working; an administrator's task. It holds every
    citizen's record, so the access log records who made it, and where, before it is made.
    A folder the administrator names must be one they may write (``files``), outside the
    database; the default one beside the database is the service account's own."""
    person = require_role(repo.snapshot(), actor, Role.ADMIN, "backup")
    if target is None:
        folder = repo.folder.parent / "backups"
        with repo.transaction() as session:
            record_access(session, person, AccessKind.BACKUP, str(folder), (), now)
        return repo.backup(folder, compress=compress)
    # Written into the folder as checked and opened, not again by its name: a link put in its
    # place meanwhile would lead the service account where the administrator may not write.
    opened = named_files_of(repo, files).folder(target, "to")
    try:
        with repo.transaction() as session:
            record_access(session, person, AccessKind.BACKUP, str(target), (), now)
        made = repo.backup(opened_folder(opened, target), compress=compress)
    finally:
        os.close(opened)
    return target / made.name


def restore(
    source: Path,
    folder: Path,
    actor: str,
    replace: bool = False,
    own_files: bool = False,
    files: NamedFiles | None = None,
) -> Path | None:
    """Put a backup back; the database it replaces (kept aside) when there was one.

    A live database may be replaced by its administrator only. A damaged one cannot say
    who its administrators are: only the owner of its files acting for itself
    (``own_files``: the service account or root, not a clerk through sudo) may replace it.
    The backup must be one the acting person may read (``files``), and no pipe.
    """
    opener = files or NamedFiles(folder)
    if source.is_dir():
        opener.files_in(source, "source")
    else:
        opener.open(source, "source", limit=1 << 62).close()
    if (folder / "working.json").exists():
        try:
            live = FileRepository.open(folder)
        except StorageError:
            if not own_files:
                raise refuse("damaged_restore_needs_owner", path=str(folder)) from None
            live = None
        if live is not None:
            require_role(live.snapshot(), actor, Role.ADMIN, "restore")
    return restore_database(source, folder, replace=replace, files=opener)  # read as checked
