"""Storage engine: TinyDB JSON files that several clerks' processes share.

The I/O edge of ``hotline_core``; the pure domain modules never import it.
Documents are JSON-able dicts in named tables, keyed by our own string ids
(the center's order number, a login). The domain maps its values to such
dicts (cattrs) and decides what to archive and when; this package makes
every change durable, serialised between processes and recoverable.

    db = Database.open(folder, create=True)
    with db.transaction() as tx:
        order = tx.get("orders", "YB2026110001")
        tx.put("orders", "YB2026110001", {...})
    open_orders = db.read().all("orders")
    db.archive("orders", ["YB2026110001"], "2026Q4")

docs/operations.md describes the folder, permissions, backup and repair. The
whole-database operations live in their own modules, imported by who runs them
(``backup.backup``, ``restore.restore``, ``rebuild.rebuild_from_journal``): a
clerk's start, which only opens and reads, loads none of them (nor ``tarfile``).
"""

from hotline_core.adapters.storage.attachments import AttachmentStore
from hotline_core.adapters.storage.check import Problem, check
from hotline_core.adapters.storage.database import Database
from hotline_core.adapters.storage.errors import (
    DatabaseDamaged,
    DatabaseExists,
    DatabaseNotFound,
    DocumentNotFound,
    LockTimeout,
    SchemaTooNew,
    StorageError,
)
from hotline_core.adapters.storage.schema import Migration, Schema, Tables
from hotline_core.adapters.storage.transaction import Transaction
from hotline_core.adapters.storage.view import Snapshot

__all__ = [
    "AttachmentStore",
    "Database",
    "DatabaseDamaged",
    "DatabaseExists",
    "DatabaseNotFound",
    "DocumentNotFound",
    "LockTimeout",
    "Migration",
    "Problem",
    "Schema",
    "SchemaTooNew",
    "Snapshot",
    "StorageError",
    "Tables",
    "Transaction",
    "check",
]
