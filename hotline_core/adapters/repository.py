"""The database adapter: domain values in and out of the storage engine's tables.

The rules never see a table or a dict; the storage engine never sees an
order. This module is the one place that knows both, mapping each value
through the cattrs converter. A :class:`Session` is one transaction (or,
for readers, one consistent snapshot).

Tables: ``orders`` (open and recently closed orders; archived ones move to
the quarter's archive file), ``users``, ``settings``, ``alerts`` (raised
escalations), ``acks`` (who acknowledged which alert), ``summaries``
(county quarterly summaries filed), ``knowledge`` (the standard answers),
``access`` (the access log: who was shown which personal data; only appended to),
``archive_index`` (each archived order's quarter and its names and phones, put in the
transaction that archives it: finding an archived order opens one archive, not all),
``summary_tables`` (a county's quarterly summary table as prepared and filed, by
``QUARTER/COUNTY``),
``services``, ``incidents`` and ``episodes`` (the duties beyond the order, ``domain/duties``),
``studies`` (special studies and hot-issues analyses, with their steps);
for the exchange with the 12345 platform (issue 17): ``platform_orders`` (the platform's
row of each pulled order), ``outbox`` (the delivery of our messages), ``links`` (children,
repeats, merged orders) and ``center_messages`` (the center's messages already applied).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotline_core.adapters.archive_index import ARCHIVE_INDEX, ArchiveLookup, index_entry, index_problems
from hotline_core.adapters.named_files import ITSELF, NamedFiles
from hotline_core.adapters.remembered_ranks import (
    KeptInFolder,
    KeptInMemory,
    checksums,
    settings_checksum,
    still_valid,
    to_remember,
)
from hotline_core.adapters.serialization import CONVERTER, store_order, structure_order
from hotline_core.adapters.storage.database import Database
from hotline_core.adapters.storage.errors import DatabaseNotFound, StorageError
from hotline_core.adapters.storage.files import cannot_write
from hotline_core.adapters.storage.schema import Schema, Tables
from hotline_core.adapters.storage.view import Reader
from hotline_core.domain.accesslog import Access
from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.escalation import Alert
from hotline_core.domain.model import Attachment
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.ranking import Rank
from hotline_core.domain.search import key_matches, needle_of
from hotline_core.domain.settings import Settings

# Tables a clerk's start does not read: their values' modules are imported where they are
# structured, so the start loads no duties, exchange, knowledge or studies code.
if TYPE_CHECKING:
    from hotline_core.domain.duties.incident import Incident
    from hotline_core.domain.duties.programme import Episode
    from hotline_core.domain.duties.service import ServiceRecord
    from hotline_core.domain.exchange.outbox import DeliveryRecord
    from hotline_core.domain.exchange.pulling import Link, PlatformOrder
    from hotline_core.domain.knowledge.entries import Entry
    from hotline_core.domain.studies import Study
    from hotline_core.domain.summary_table import SummaryTable

STUDIES = "studies"
ORDERS, USERS, SETTINGS, ALERTS, ACKS, SUMMARIES, KNOWLEDGE, ACCESS = (
    "orders",
    "users",
    "settings",
    "alerts",
    "acks",
    "summaries",
    "knowledge",
    "access",
)
SUMMARY_TABLES = "summary_tables"
SERVICES, INCIDENTS, EPISODES = "services", "incidents", "episodes"

PLATFORM, OUTBOX, LINKS, CENTER = "platform_orders", "outbox", "links", "center_messages"


def _chained(tables: Tables) -> Tables:
    """Version 2 changes no document: it marks files whose journal is chained (docs/security.md),
    so a program from before chaining refuses them instead of writing unchained lines."""
    return tables


SCHEMA = Schema(version=2, migrations={1: _chained})


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Build thousands of orders without the cycle collector rescanning them all.

    Orders are trees of frozen values (no reference cycles), so pausing the
    collector while they are built loses nothing; measured at 10,000 orders
    it saves about 40% of the load.

    The orders are kept (the UI holds them until its next reload), yet they
    were all born young: left there, the first young-generation collections
    after the load walk every one of them twice (about 0.1 s at 10,000
    orders). ``freeze`` then ``unfreeze`` moves every tracked object straight
    to the oldest generation without walking any, where a full collection
    still sees them; nothing is kept frozen. Skipped if something else froze
    objects on purpose, since ``unfreeze`` would release those too.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


class Session:
    """Typed access to one transaction or snapshot."""

    def __init__(self, reader: Reader, ranks: KeptInFolder | KeptInMemory) -> None:
        self._tables = reader
        self._ranks = ranks

    # -- orders -----------------------------------------------------------
    def order(self, order_id: str) -> WorkOrder | None:
        doc = self._tables.get(ORDERS, order_id)
        return None if doc is None else structure_order(doc)

    def orders(self) -> list[WorkOrder]:
        with _collector_paused():
            return [structure_order(doc) for doc in self._tables.all(ORDERS).values()]

    def order_ids(self) -> list[str]:
        return self._tables.keys(ORDERS)

    def put_order(self, order: WorkOrder) -> None:
        self._writer.put(ORDERS, order.id, store_order(order))

    def archive_order(self, order: WorkOrder) -> None:
        """Move an archived order out of the working file, to its quarter's archive, and
        index it (quarter, names and phones) in the same transaction."""
        period = str(Quarter.of(order.record.received_at.date()))
        self._writer.put(ARCHIVE_INDEX, order.id, index_entry(order, period))
        self._writer.archive(ORDERS, [order.id], period)

    def orders_containing(self, text: str) -> list[WorkOrder]:
        """The orders of the working file (open and recently closed) whose stored form holds
        ``text`` somewhere: the candidates of a search, the rest left unparsed."""
        with _collector_paused():
            return [structure_order(doc) for doc in self._tables.containing(ORDERS, text).values()]

    def archive_indexed(self) -> bool:
        """Whether the archive index exists (a database archived before it has none until
        it is next opened for writing)."""
        return ARCHIVE_INDEX in self._tables.tables()

    def archived_entry(self, order_id: str) -> dict[str, Any] | None:
        """The index entry of ``order_id``: its quarter and its names and phones."""
        return self._tables.get(ARCHIVE_INDEX, order_id)

    def archived_period(self, order_id: str) -> str | None:
        """The quarter whose archive holds ``order_id``, from the index."""
        doc = self.archived_entry(order_id)
        return None if doc is None else str(doc["period"])

    def archived_index_ids(self) -> list[str]:
        return self._tables.keys(ARCHIVE_INDEX)

    def archived_matches(self, text: str) -> dict[str, list[str]]:
        """Per quarter, the archived orders whose number, names or phones hold ``text``."""
        needle = needle_of(text)
        found: dict[str, list[str]] = {}
        for order_id, doc in self._tables.containing(ARCHIVE_INDEX, needle).items():
            if key_matches(order_id, doc["keys"], needle):
                found.setdefault(str(doc["period"]), []).append(order_id)
        return found

    def index_archived(self, entries: dict[str, dict[str, Any]]) -> None:
        """Write index entries (``index_entry``) for orders archived before the index."""
        for order_id, doc in entries.items():
            self._writer.put(ARCHIVE_INDEX, order_id, doc)

    def remembered_ranks(self) -> dict[str, Rank]:
        """The ranks remembered for this session's orders that still hold (``remembered_ranks``)."""
        return still_valid(self._ranks.load(), *self._ranks_basis())

    def remember_ranks(self, ranks: Mapping[str, Rank]) -> None:
        """Keep ``ranks`` of this session's orders for the next start."""
        self._ranks.save(to_remember(ranks, *self._ranks_basis()))

    def _ranks_basis(self) -> tuple[dict[str, int], int]:
        """What a rank is worked out from, as checksums: each order's line, the settings' line
        with the holidays release (``settings_checksum``)."""
        settings = settings_checksum(checksums(self._tables, SETTINGS).get("settings", 0))
        return checksums(self._tables, ORDERS), settings

    def clear_orders_and_alerts(self) -> None:
        """Only for refreshing a demo database: real orders are never removed."""
        for table in (ORDERS, ALERTS, ACKS, PLATFORM, OUTBOX, LINKS, CENTER):
            for key in self._tables.keys(table):
                self._writer.remove(table, key)

    # -- people and settings --------------------------------------------------
    def users(self) -> dict[str, Person]:
        return {k: CONVERTER.structure(v, Person) for k, v in self._tables.all(USERS).items()}

    def put_user(self, person: Person) -> None:
        self._writer.put(USERS, person.login, CONVERTER.unstructure(person))

    def remove_user(self, login: str) -> bool:
        return bool(self._writer.remove(USERS, login))

    def settings(self) -> Settings:
        doc = self._tables.get(SETTINGS, "settings")
        return Settings() if doc is None else CONVERTER.structure(doc, Settings)

    def put_settings(self, settings: Settings) -> None:
        self._writer.put(SETTINGS, "settings", CONVERTER.unstructure(settings))

    # -- alerts -------------------------------------------------------------------
    def alerts(self) -> list[Alert]:
        alerts = [CONVERTER.structure(v, Alert) for v in self._tables.all(ALERTS).values()]
        return sorted(alerts, key=lambda a: a.raised_at)

    def alert_keys(self) -> set[str]:
        return set(self._tables.keys(ALERTS))

    def put_alert(self, alert: Alert) -> None:
        self._writer.put(ALERTS, alert.key, CONVERTER.unstructure(alert))

    def acknowledged(self, login: str) -> set[str]:
        doc = self._tables.get(ACKS, login)
        return set(doc["keys"]) if doc else set()

    def acknowledge(self, login: str, key: str, at: datetime) -> None:
        keys = sorted(self.acknowledged(login) | {key})
        self._writer.put(ACKS, login, {"keys": keys, "last": at.isoformat()})

    # -- county summaries ----------------------------------------------------------
    def summaries(self, quarter: Quarter) -> dict[str, datetime]:
        doc = self._tables.get(SUMMARIES, str(quarter)) or {}
        return {county: datetime.fromisoformat(at) for county, at in doc.items()}

    def file_summary(self, quarter: Quarter, county: str, at: datetime) -> None:
        doc: dict[str, Any] = self._tables.get(SUMMARIES, str(quarter)) or {}
        doc.setdefault(county, at.isoformat())
        self._writer.put(SUMMARIES, str(quarter), doc)

    def summary_table(self, quarter: Quarter, county: str) -> SummaryTable | None:
        from hotline_core.domain.summary_table import SummaryTable

        doc = self._tables.get(SUMMARY_TABLES, f"{quarter}/{county}")
        return None if doc is None else CONVERTER.structure(doc, SummaryTable)

    def summary_tables(self, quarter: Quarter) -> list[SummaryTable]:
        from hotline_core.domain.summary_table import SummaryTable

        prefix = f"{quarter}/"
        docs = self._tables.all(SUMMARY_TABLES)
        return [CONVERTER.structure(doc, SummaryTable) for key, doc in docs.items() if key.startswith(prefix)]

    def every_summary_table(self) -> list[SummaryTable]:
        """Every quarter's tables (``check`` counts their scans as referred-to attachments)."""
        from hotline_core.domain.summary_table import SummaryTable

        return [CONVERTER.structure(doc, SummaryTable) for doc in self._tables.all(SUMMARY_TABLES).values()]

    def put_summary_table(self, table: SummaryTable) -> None:
        self._writer.put(
            SUMMARY_TABLES, f"{table.quarter}/{table.county.value}", CONVERTER.unstructure(table)
        )

    # -- the knowledge base ---------------------------------------------------------------
    def knowledge(self) -> tuple[Entry, ...]:
        from hotline_core.domain.knowledge.entries import Entry

        entries = (CONVERTER.structure(doc, Entry) for doc in self._tables.all(KNOWLEDGE).values())
        return tuple(sorted(entries, key=lambda e: e.id))

    def put_entry(self, entry: Entry) -> None:
        self._writer.put(KNOWLEDGE, entry.id, CONVERTER.unstructure(entry))

    # -- studies and analyses ----------------------------------------------------------------
    def studies(self) -> tuple[Study, ...]:
        from hotline_core.domain.studies import Study

        found = (CONVERTER.structure(doc, Study) for doc in self._tables.all(STUDIES).values())
        return tuple(sorted(found, key=lambda s: s.opened_at))

    def study(self, study_id: str) -> Study | None:
        from hotline_core.domain.studies import Study

        doc = self._tables.get(STUDIES, study_id)
        return None if doc is None else CONVERTER.structure(doc, Study)

    def put_study(self, study: Study) -> None:
        self._writer.put(STUDIES, study.id, CONVERTER.unstructure(study))

    # -- the access log ---------------------------------------------------------------------
    def record_access(self, access: Access) -> None:
        """Append one entry (its time and position make its key: nothing is overwritten) and
        move the earlier quarters' entries to their archives, so the log does not make the
        working file, rewritten at every change, grow without end."""
        quarter = str(Quarter.of(access.at.astimezone(SHANGHAI).date()))
        keys = self._tables.keys(ACCESS)
        key = f"{access.at.astimezone(SHANGHAI):%Y%m%dT%H%M%S}-{len(keys):06d}"
        self._writer.put(ACCESS, key, CONVERTER.unstructure(access))
        earlier: dict[str, list[str]] = {}
        for old in keys:
            period = str(Quarter.of(date(int(old[:4]), int(old[4:6]), int(old[6:8]))))
            if period < quarter:
                earlier.setdefault(period, []).append(old)
        for period, moved in earlier.items():
            self._writer.archive(ACCESS, moved, period)

    def accesses(self) -> list[Access]:
        """The entries of the current quarter (the earlier ones are in the archives)."""
        return [CONVERTER.structure(doc, Access) for doc in self._tables.all(ACCESS).values()]

    # -- the duties beyond the order: services, incidents, the programme's episodes -------------
    def services(self) -> list[ServiceRecord]:
        from hotline_core.domain.duties.service import ServiceRecord

        found = (CONVERTER.structure(doc, ServiceRecord) for doc in self._tables.all(SERVICES).values())
        return sorted(found, key=lambda s: (s.at, s.id))

    def service(self, service_id: str) -> ServiceRecord | None:
        from hotline_core.domain.duties.service import ServiceRecord

        doc = self._tables.get(SERVICES, service_id)
        return None if doc is None else CONVERTER.structure(doc, ServiceRecord)

    def put_service(self, record: ServiceRecord) -> None:
        self._writer.put(SERVICES, record.id, CONVERTER.unstructure(record))

    def incidents(self) -> list[Incident]:
        from hotline_core.domain.duties.incident import Incident

        found = (CONVERTER.structure(doc, Incident) for doc in self._tables.all(INCIDENTS).values())
        return sorted(found, key=lambda i: (i.opened_at, i.id))

    def incident(self, incident_id: str) -> Incident | None:
        from hotline_core.domain.duties.incident import Incident

        doc = self._tables.get(INCIDENTS, incident_id)
        return None if doc is None else CONVERTER.structure(doc, Incident)

    def put_incident(self, incident: Incident) -> None:
        self._writer.put(INCIDENTS, incident.id, CONVERTER.unstructure(incident))

    def episodes(self) -> list[Episode]:
        from hotline_core.domain.duties.programme import Episode

        found = (CONVERTER.structure(doc, Episode) for doc in self._tables.all(EPISODES).values())
        return sorted(found, key=lambda e: e.aired_on)

    def episode(self, episode_id: str) -> Episode | None:
        from hotline_core.domain.duties.programme import Episode

        doc = self._tables.get(EPISODES, episode_id)
        return None if doc is None else CONVERTER.structure(doc, Episode)

    def put_episode(self, episode: Episode) -> None:
        self._writer.put(EPISODES, episode.id, CONVERTER.unstructure(episode))

    # -- the exchange with the 12345 platform (issue 17) --------------------------------------
    def platform_orders(self) -> dict[str, PlatformOrder]:
        from hotline_core.domain.exchange.pulling import PlatformOrder

        return {k: CONVERTER.structure(v, PlatformOrder) for k, v in self._tables.all(PLATFORM).items()}

    def platform_order_ids(self) -> set[str]:
        return set(self._tables.keys(PLATFORM))

    def put_platform_order(self, row: PlatformOrder) -> None:
        self._writer.put(PLATFORM, row.order_id, CONVERTER.unstructure(row))

    def deliveries(self) -> dict[str, DeliveryRecord]:
        from hotline_core.domain.exchange.outbox import DeliveryRecord

        return {k: CONVERTER.structure(v, DeliveryRecord) for k, v in self._tables.all(OUTBOX).items()}

    def put_delivery(self, record: DeliveryRecord) -> None:
        self._writer.put(OUTBOX, record.message_id, CONVERTER.unstructure(record))

    def links(self) -> dict[str, Link]:
        from hotline_core.domain.exchange.pulling import Link

        return {k: CONVERTER.structure(v, Link) for k, v in self._tables.all(LINKS).items()}

    def put_link(self, link: Link) -> None:
        self._writer.put(LINKS, link.order_id, CONVERTER.unstructure(link))

    def center_message_keys(self) -> set[str]:
        return set(self._tables.keys(CENTER))

    def note_center_message(self, key: str, at: datetime, outcome: str) -> None:
        self._writer.put(CENTER, key, {"at": at.isoformat(), "outcome": outcome})

    @property
    def _writer(self) -> Any:
        if not hasattr(self._tables, "put"):
            raise TypeError("this session only reads; open a transaction to change the database")
        return self._tables


def order_in(archives: Iterable[Reader], order_id: str) -> WorkOrder | None:
    """Look an order up in the quarterly archives, in the order given (newest first)."""
    for archive in archives:
        doc = archive.get(ORDERS, order_id)
        if doc is not None:
            return structure_order(doc)
    return None


def accesses_in(archives: Iterable[Reader]) -> list[Access]:
    """The access log's entries moved to the quarterly archives."""
    return [CONVERTER.structure(doc, Access) for archive in archives for doc in archive.all(ACCESS).values()]


class FileRepository:
    """The database folder, opened for this process."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._ranks = KeptInFolder(db.folder)
        self._kept: list[Path] = []

    @classmethod
    def open(cls, folder: Path, create: bool = False) -> FileRepository:
        repo = cls(Database.open(folder, SCHEMA, create=create))
        repo._index_old_archives()
        return repo

    def _index_old_archives(self) -> None:
        """A database archived before the archive index gets it here, once (the entries
        are journaled like any change, so a rebuild from the journal has them too). A copy
        that cannot be written is left as it is: it is searched archive by archive."""
        if not self.db.archive_periods() or self.snapshot().archive_indexed():
            return
        entries = {
            order.id: index_entry(order, period)
            for period in self.db.archive_periods()
            for order in self.archived_orders(period)
        }
        if not entries:
            return
        try:
            with self.transaction() as session:
                if not session.archive_indexed():  # another process may have just done it
                    session.index_archived(entries)
        except OSError as error:
            if not cannot_write(error):
                raise

    @classmethod
    def inspect(cls, folder: Path) -> FileRepository:
        """The files as they are, without the recovery an open runs (it may write): for
        ``check`` and the history digest, which must work on a damaged, full or read-only copy."""
        if not (Path(folder) / "working.json").exists() and not (Path(folder) / "journal.jsonl").exists():
            raise DatabaseNotFound(Path(folder))
        return cls(Database(Path(folder), SCHEMA, lock_timeout=10.0))

    @property
    def folder(self) -> Path:
        return self.db.folder

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction; attachment files it stored are taken back if it fails."""
        self._kept = []
        try:
            with self.db.transaction() as tx:
                yield Session(tx, self._ranks)
        except BaseException:
            for path in self._kept:  # under the exclusive lock no one else stored them since
                path.unlink(missing_ok=True)
            raise
        finally:
            self._kept = []

    def snapshot(self) -> Session:
        return Session(self.db.read(), self._ranks)

    def archive_periods(self) -> list[str]:
        return self.db.archive_periods()

    def _lookup(self) -> ArchiveLookup:
        return ArchiveLookup(self.snapshot(), self.db.archive_periods(), self.db.read_archive)

    def archived_ids(self) -> set[str]:
        return self._lookup().ids()

    def archived_orders(self, period: str) -> list[WorkOrder]:
        with _collector_paused():
            return [structure_order(doc) for doc in self.db.read_archive(period).all(ORDERS).values()]

    def archived_order(self, order_id: str) -> WorkOrder | None:
        """An archived order: the index names its quarter, only that archive is read."""
        return self._lookup().order(order_id)

    def archived_search(self, text: str) -> list[WorkOrder]:
        """Archived orders by number, name or phone, through the index."""
        return self._lookup().matching(text)

    def archived_accesses(self) -> list[Access]:
        return accesses_in(self._archives())

    def _archives(self) -> Iterator[Reader]:
        """The quarterly archives, newest first, each read when it is reached."""
        return (self.db.read_archive(p) for p in sorted(self.db.archive_periods(), reverse=True))

    def inspect_attachment(self, source: Path, limit_mb: int, files: NamedFiles = ITSELF) -> Attachment:
        """A file a person named, opened by ``files`` (with the person's rights) and checked
        (regular file, size, type from its bytes), not stored."""
        return self.db.attachments.inspect(source, limit_mb * 1_000_000, files)

    def keep_attachment(self, attachment: Attachment) -> None:
        """Store an inspected file; inside the transaction of the action it goes with."""
        stored = self.db.attachments.keep(attachment)
        if stored is not None:
            self._kept.append(stored)

    def attachment_bytes(self, attachment: Attachment) -> bytes:
        """The stored bytes, verified against the attachment's hash."""
        return self.db.attachments.read(attachment)

    def storage_problems(self) -> list[str]:
        """What the storage engine finds wrong with the files, and attachment files no event (nor
        a county's summary table, its scan) refers to or that one refers to and are gone (empty
        when healthy)."""
        found = [f"{p.path}: {p.reason}" for p in self.db.check()]
        try:
            session = self.snapshot()
            archived = [
                (period, o) for period in self.archive_periods() for o in self.archived_orders(period)
            ]
            orders = session.orders() + [order for _, order in archived]
            found += index_problems(session, archived)
        except (StorageError, ValueError, TypeError, KeyError):
            return found  # the damage is reported above
        named = {a.sha256: (o.id, a.name) for o in orders for e in o.events for a in e.attachments}
        named |= {
            t.scan.sha256: (f"summary {t.quarter}/{t.county.value}", t.scan.name)
            for t in session.every_summary_table()
            if t.scan is not None
        }
        stored = {path.name: path for path in self.db.attachments.files()}
        found += [
            f"{path}: no event refers to this attachment" for sha, path in stored.items() if sha not in named
        ]
        found += [
            f"{order_id}: attachment {name!r} is missing ({self.db.attachments.path_of(sha)})"
            for sha, (order_id, name) in named.items()
            if sha not in stored
        ]
        return found

    def history_digest(self, seq: int | None = None) -> tuple[int, int, str]:
        """(seq, bytes, sha256) of the whole history through ``seq``, to keep on paper."""
        return self.db.history_digest(seq)

    def backup(self, target: Path, compress: bool = False) -> Path:
        from hotline_core.adapters.storage.backup import backup  # tarfile and all: not at start

        return backup(self.db, target, compress=compress)


def restore_database(
    source: Path, folder: Path, replace: bool = False, files: NamedFiles = ITSELF
) -> Path | None:
    """Put the backup ``source`` (read as ``files`` opens it) in ``folder``; where the
    database it replaced was kept."""
    from hotline_core.adapters.storage.restore import restore  # not at start

    return restore(source, folder, SCHEMA, replace=replace, files=files)
