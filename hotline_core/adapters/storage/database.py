"""The database: one folder shared by every clerk's process on the host.

Each transaction takes the exclusive lock, re-reads the working file from
disk, finishes any transaction a crash cut short, runs the caller's
changes and commits them (journal, archives, working file) before the
lock is released. Readers take the shared lock. Nothing is held between
calls: no open file, no id counter, no cache that could answer instead of
the disk, so any number of processes can open the same folder.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hotline_core.adapters.storage import chain, journal, recovery
from hotline_core.adapters.storage.attachments import AttachmentStore
from hotline_core.adapters.storage.changes import Changes
from hotline_core.adapters.storage.check import Problem, check
from hotline_core.adapters.storage.errors import (
    DatabaseDamaged,
    DatabaseNotFound,
    StorageError,
)
from hotline_core.adapters.storage.files import cannot_write, make_dirs, remove_leftovers
from hotline_core.adapters.storage.layout import Image, Meta
from hotline_core.adapters.storage.locking import FileLock
from hotline_core.adapters.storage.paths import Paths
from hotline_core.adapters.storage.schema import Schema, upgrade
from hotline_core.adapters.storage.store import Store
from hotline_core.adapters.storage.transaction import Transaction
from hotline_core.adapters.storage.view import Snapshot


class Database:
    """Documents keyed by string ids in tables, shared safely between processes."""

    def __init__(self, folder: Path, schema: Schema, lock_timeout: float) -> None:
        self.paths = Paths(Path(folder))
        self.schema = schema
        self._lock = FileLock(self.paths.lock, lock_timeout)
        self._store = Store(self.paths, schema)
        self._busy = threading.local()
        self.attachments = AttachmentStore(self.paths.attachments, self._lock)

    @classmethod
    def open(
        cls, folder: Path, schema: Schema | None = None, *, create: bool = False, lock_timeout: float = 10.0
    ) -> Database:
        """Open (or with ``create``, make) the database in ``folder``.

        Under the exclusive lock: removes temporary files of killed writers,
        validates the working file against the journal, replays committed
        transactions a crash left unwritten and migrates an older schema.
        """
        paths = Paths(Path(folder))
        if not create and not (paths.working.exists() or paths.journal.exists()):
            raise DatabaseNotFound(paths.folder)
        if create:
            make_dirs(paths.folder)
        db = cls(paths.folder, schema or Schema(), lock_timeout)
        with db._lock.exclusive():
            if not db.paths.working.exists():
                db._initialise(create)
            try:
                remove_leftovers(db.paths.temp_folders())
                db._ensure_key()
                image = recovery.prepare(db._store, verify=True)
                recovery.chain_old_history(db._store, image)
            except OSError as error:
                if not cannot_write(error):
                    raise
                recovery.verify(db._store)  # a full disk or a read-only copy: still readable
        return db

    @property
    def folder(self) -> Path:
        return self.paths.folder

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """``with db.transaction() as tx:`` commits on a clean exit, writes nothing on an exception.

        The change is committed once its journal line is on disk. Should
        writing the files after that fail (disk full), the error is raised
        and the next transaction or open finishes the change from the journal.
        """
        with self._only_call(), self._lock.exclusive():
            base = recovery.prepare(self._store)
            changes = Changes(base, self._store.archive_for_write)
            tx = Transaction(changes, base.meta.seq + 1, base.meta.schema)
            try:
                yield tx
            finally:
                tx.close()
            record = tx.record()
            if record is not None:
                recovery.commit(self._store, changes, record)

    def read(self) -> Snapshot:
        """A consistent view of the working file (the open documents).

        Readers cannot write, so a change a crash left only in the journal
        shows up here once the next writer or opener has finished it.
        """
        with self._only_call(), self._lock.shared():
            _, image = self._store.working()
        return Snapshot(upgrade(image, self.schema))

    def archive(self, table: str, keys: Iterable[str], period: str) -> None:
        """Move the documents ``keys`` of ``table`` to the archive of ``period``."""
        with self.transaction() as tx:
            tx.archive(table, keys, period)

    def read_archive(self, period: str) -> Snapshot:
        """The archive of ``period`` (empty if nothing was archived there)."""
        with self._only_call(), self._lock.shared():
            _, image = self._store.archive(period)
        return Snapshot(upgrade(image, self.schema))

    def archive_periods(self) -> list[str]:
        return self.paths.periods()

    def check(self) -> list[Problem]:
        """Every problem found in the working file, archives, journal and attachments."""
        return check(self.folder, self.schema, lock_timeout=self._lock.timeout)

    def history_digest(self, seq: int | None = None) -> tuple[int, int, str]:
        """(seq, bytes, sha256) of the journal through record ``seq`` (default: the last)."""
        with self._only_call(), self._lock.shared():
            return journal.digest(self.paths.journal, seq)

    @contextmanager
    def _only_call(self) -> Iterator[None]:
        """Refuse nesting: a second lock from the same thread would wait for itself."""
        if getattr(self._busy, "active", False):
            raise StorageError("a transaction or read is already running in this thread; use its tx")
        self._busy.active = True
        try:
            yield
        finally:
            self._busy.active = False

    def _ensure_key(self) -> None:
        """A database made before chaining gets its key now; a chained one must have kept it.

        A key this account may not read is left alone: it can read the database, and
        a change tells it to run as the service account (``Store.key``).
        """
        if self.paths.key.exists():
            return
        end = self._store.working()[1].meta.journal_end
        if journal.is_chained(self.paths.journal, end) and journal.size(self.paths.journal) > 0:
            raise DatabaseDamaged(self.paths.key, "missing: the history cannot be extended or verified")
        chain.create_key(self.paths.key)

    def _initialise(self, create: bool) -> None:
        if self.paths.journal.exists() or self.paths.archive_dir.exists():
            raise DatabaseDamaged(self.paths.working, "missing: restore a backup or rebuild from the journal")
        if not create:
            raise DatabaseNotFound(self.folder)
        recovery.create_journal(self._store)
        meta = Meta(kind="working", schema=self.schema.version, seq=0)
        self._store.save(self.paths.working, Image(meta=meta, tables={}))
