"""Plain TinyDB access to a working or archive file, for queries and tools.

The files are TinyDB's own layout, so an operator or a one-off script can
use TinyDB's API on them. Writing through TinyDB would skip the lock and
the journal, so this storage is read-only; the documents are keyed by our
string ids, hence the table class with ``str`` document ids.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import Storage, TinyDB
from tinydb.table import Table

from hotline_core.adapters.storage.errors import StorageError
from hotline_core.adapters.storage.layout import decode, load_doc


class StringIdTable(Table):
    """A TinyDB table whose document ids are our string keys."""

    document_id_class = str  # type: ignore[assignment]


class ReadOnlyFileStorage(Storage):
    """A ``tinydb.Storage`` over one of our files, validated, never written."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]]:
        image = decode(self.path, self.path.read_bytes())
        return {
            name: {key: load_doc(key, line) for key, line in lines.items()}
            for name, lines in image.tables.items()
        }

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        raise StorageError(f"{self.path}: read-only view; change documents through Database.transaction()")


def open_tinydb(path: Path) -> TinyDB:
    """A TinyDB on ``path`` whose tables use string ids and refuse writes."""
    database = TinyDB(path, storage=ReadOnlyFileStorage)
    database.table_class = StringIdTable
    return database
