"""Use cases of the exchange with the 12345 platform (issue 17): pull, link, the center's due time.

The :class:`Platform` port gives what the platform pushed (tables: orders and the
center's messages, with the mapping to read them) and takes our messages out
(:class:`~hotline_core.services.outbox.Outlet`); the file adapter
(``adapters/platform_files.py``) is the one every office can use today.

``pull`` is one transaction: new orders are received, the center's corrections
recorded old → new (a record correction on the order, the change kept with the
platform's row), its messages applied as the lifecycle steps they are at the
platform's time (or refused with the reason), and our messages that the platform
shows it holds acknowledged. Pulling the same file again changes nothing; a dry run
does it all and rolls back. The center's steps are entered with the acting clerk as
the actor (a note names the platform): entering what the center decided is the
exchange right itself, given to the handlers and the administrator.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol

from attrs import evolve

from hotline_core.adapters.named_files import NamedFiles
from hotline_core.adapters.platform_files import PackageFolder, PlatformFiles
from hotline_core.domain.accesslog import AccessKind
from hotline_core.domain.exchange.pulling import Link, LinkKind, masked_corrections
from hotline_core.domain.exchange.rows import Incoming
from hotline_core.domain.organization import Person
from hotline_core.domain.permissions import may_see, sees_personal_data
from hotline_core.domain.problems import InvalidInput, Problem, refuse
from hotline_core.domain.vocabulary import Role
from hotline_core.services.access import cannot_write, identify, record_access
from hotline_core.services.orders import any_order
from hotline_core.services.outbox import Outlet, exchanger
from hotline_core.services.ports import Repository
from hotline_core.services.pulling import PullReport, PullRun


class Platform(Protocol):
    """The 12345 platform as the core sees it: pushed orders and center messages in."""

    def incoming(self) -> Incoming: ...


class _DryRun(Exception):
    def __init__(self, report: PullReport) -> None:
        super().__init__("dry run")
        self.report = report


def pull(
    repo: Repository, actor: str, platform: Platform, now: datetime, dry_run: bool = False
) -> PullReport:
    """``hotline exchange pull``: what the platform pushed, into the database (or, dry, only told)."""
    exchanger(repo.snapshot(), actor, "exchange pull")  # before the service account reads a file for them
    incoming = platform.incoming()  # a file that cannot be read stops here, before any change
    archived = repo.archived_ids()
    try:
        with repo.transaction() as session:
            person = exchanger(session, actor, "exchange pull")
            report = PullRun(session, person, now, archived).run(incoming)
            if dry_run:
                raise _DryRun(report)
    except _DryRun as done:
        report = evolve(done.report, dry_run=True)
    return _shown(repo, person, report, now)


def _shown(repo: Repository, person: Person, report: PullReport, now: datetime) -> PullReport:
    """The report as ``person`` may read it: the corrections quote the citizen's data as stored
    (old) and as pushed (new), so they are shown whole only to those who see personal data,
    written in the access log first (a dry run too: it changed nothing else), else masked."""
    if not report.corrected:
        return report
    if sees_personal_data(person):
        try:
            with repo.transaction() as session:
                shown = sorted(report.corrected)
                record_access(session, person, AccessKind.LIST, "exchange pull", shown, now)
            return report
        except OSError as error:
            if not cannot_write(error):
                raise
    snapshot = repo.snapshot()
    masked = {}
    for order_id, changes in report.corrected.items():
        order = any_order(repo, snapshot, order_id)
        citizens = () if order is None else order.citizens
        masked[order_id] = masked_corrections(changes, *citizens)
    return evolve(report, corrected=masked)


def link(repo: Repository, actor: str, order_id: str, parent: str, merge: bool, now: datetime) -> Link:
    """A handler ties a likely repeat to the order it repeats: linked (counted as a repeat) or
    merged (answered with the parent's feedback); both orders stay in the record."""
    with repo.transaction() as session:
        person = identify(session, actor)
        if not person.has(Role.HANDLER):
            raise refuse("not_permitted", action="exchange link", login=actor)
        if order_id == parent:
            raise InvalidInput([Problem("parent", "link_to_itself")])
        for wanted in (order_id, parent):
            if session.order(wanted) is None:
                raise InvalidInput([Problem("order", "unknown_order", {"id": wanted})])
        existing = session.links().get(order_id)
        if existing is not None and (existing.parent != parent or existing.kind is LinkKind.CHILD):
            raise refuse("already_linked", "order", parent=existing.parent)
        made = Link(order_id, parent, LinkKind.MERGED if merge else LinkKind.REPEAT, now, person.login)
        session.put_link(made)
    return made


def center_due(repo: Repository, actor: str, order_id: str) -> datetime | None:
    """承诺完成时间: the center's own due time for an order it pushed, shown beside our limits."""
    session = repo.snapshot()
    person = identify(session, actor)
    order = any_order(repo, session, order_id)
    if order is None or not may_see(person, order):  # an order one may not see tells nothing
        return None
    row = session.platform_orders().get(order_id)
    return None if row is None else row.center_due


def file_platform(source: Path, mapping: Path | None = None, files: NamedFiles | None = None) -> Platform:
    """The platform as an export file or folder (and a mapping file for another platform's
    headings), read with the acting person's rights (``files``)."""
    return PlatformFiles(source, mapping, files or NamedFiles())


def package_folder(target: Path, files: NamedFiles | None = None) -> Outlet:
    """Where ``push`` writes the packages a clerk uploads: a folder the acting person may write."""
    return PackageFolder(target, files or NamedFiles())
