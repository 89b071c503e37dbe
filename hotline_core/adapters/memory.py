"""The database held in memory, for fast tests of the use cases.

It is the file repository without the files: the same :class:`Session` maps
values to the same JSON lines (through the cattrs converter and the engine's
line encoding), and the engine's own :class:`Changes` and :class:`Transaction`
apply puts, removals and archive moves. So what a use case does to the tables,
and what would fail to store or read back, behaves here as it does on disk; only
the journal, the locks and the fsyncs are left out.

Transactions swap in a new image on a clean exit and drop their changes on an
exception; a snapshot is the image of its moment, which later transactions
replace rather than change. One thread, like a test: a second transaction or
snapshot inside a transaction is refused, as the file engine refuses it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hotline_core.adapters.archive_index import ArchiveLookup
from hotline_core.adapters.named_files import ITSELF, NamedFiles
from hotline_core.adapters.remembered_ranks import KeptInMemory
from hotline_core.adapters.repository import ORDERS, Session, accesses_in
from hotline_core.adapters.serialization import structure_order
from hotline_core.adapters.storage.attachments import describe_file
from hotline_core.adapters.storage.changes import Changes
from hotline_core.adapters.storage.errors import StorageError
from hotline_core.adapters.storage.layout import Image, Meta
from hotline_core.adapters.storage.paths import check_period
from hotline_core.adapters.storage.schema import Schema
from hotline_core.adapters.storage.transaction import Transaction
from hotline_core.adapters.storage.view import Snapshot
from hotline_core.domain.accesslog import Access
from hotline_core.domain.model import Attachment
from hotline_core.domain.order import WorkOrder

_VERSION = Schema().version


class MemoryRepository:
    """A database that lives as long as the object: the working tables, the archives, the attachments."""

    def __init__(self, folder: Path = Path("memory")) -> None:
        self._folder = folder
        self._working = Image(Meta(kind="working", schema=_VERSION, seq=0), {})
        self._archives: dict[str, Image] = {}
        self._attachments: dict[str, bytes] = {}
        self._inspected: dict[str, Path] = {}
        self._busy = False
        self._ranks = KeptInMemory()

    @property
    def folder(self) -> Path:
        """Where backups would go beside it; nothing is ever written there."""
        return self._folder

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commits on a clean exit; an exception leaves every table as it was."""
        with self._only_call():
            seq = self._working.meta.seq + 1
            changes = Changes(self._working, self._archive)
            tx = Transaction(changes, seq, _VERSION)
            try:
                yield Session(tx, self._ranks)
            finally:
                tx.close()
            if tx.record() is not None:
                self._archives.update(changes.archives(seq))
                self._working = changes.working(seq, journal_end=0)

    def snapshot(self) -> Session:
        with self._only_call():
            return Session(Snapshot(self._working), self._ranks)

    def archive_periods(self) -> list[str]:
        return sorted(self._archives)

    def _lookup(self) -> ArchiveLookup:
        working = Session(Snapshot(self._working), self._ranks)
        return ArchiveLookup(working, sorted(self._archives), self._reader)

    def _reader(self, period: str) -> Snapshot:
        return Snapshot(self._archive(period))

    def archived_ids(self) -> set[str]:
        return self._lookup().ids()

    def archived_orders(self, period: str) -> list[WorkOrder]:
        return [structure_order(doc) for doc in Snapshot(self._archive(period)).all(ORDERS).values()]

    def archived_order(self, order_id: str) -> WorkOrder | None:
        return self._lookup().order(order_id)

    def archived_search(self, text: str) -> list[WorkOrder]:
        return self._lookup().matching(text)

    def archived_accesses(self) -> list[Access]:
        return accesses_in(self._readers())

    def _readers(self) -> list[Snapshot]:
        """The quarterly archives, newest first."""
        return [Snapshot(self._archives[period]) for period in sorted(self._archives, reverse=True)]

    def inspect_attachment(self, source: Path, limit_mb: int, files: NamedFiles = ITSELF) -> Attachment:
        """The same checks as on disk (a regular file, the size limit, the type from its bytes)."""
        attachment = describe_file(source, limit_mb * 1_000_000, files)
        self._inspected[attachment.sha256] = source
        return attachment

    def keep_attachment(self, attachment: Attachment) -> None:
        """Keep the bytes of an inspected file once, by their SHA-256."""
        if attachment.sha256 not in self._attachments:
            self._attachments[attachment.sha256] = self._inspected[attachment.sha256].read_bytes()

    def attachment_bytes(self, attachment: Attachment) -> bytes:
        data = self._attachments.get(attachment.sha256)
        if data is None:
            raise StorageError(f"attachment {attachment.name!r} is missing")
        return data

    def _archive(self, period: str) -> Image:
        """The archive of ``period``, empty if nothing was archived there."""
        empty = Image(Meta(kind="archive", schema=_VERSION, seq=0, period=check_period(period)), {})
        return self._archives.get(period, empty)

    @contextmanager
    def _only_call(self) -> Iterator[None]:
        if self._busy:
            raise StorageError("a transaction or read is already running in this thread; use its tx")
        self._busy = True
        try:
            yield
        finally:
            self._busy = False
