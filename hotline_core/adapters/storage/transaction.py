"""The unit of change: what a writer does while holding the exclusive lock.

Each call records a journal operation and applies it at once to the
transaction's own copy, so reads inside the transaction see its writes.
Nothing reaches disk until the ``with`` block ends cleanly; documents are
serialised at ``put``, so a value JSON cannot hold fails at the call that
passed it, not at commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from hotline_core.adapters.storage.changes import Changes
from hotline_core.adapters.storage.errors import DocumentNotFound, StorageError
from hotline_core.adapters.storage.journal import Archive, Op, Put, Record, Remove
from hotline_core.adapters.storage.layout import Lines, make_line
from hotline_core.adapters.storage.names import check_key, check_table
from hotline_core.adapters.storage.paths import check_period
from hotline_core.adapters.storage.view import Reader


class Transaction(Reader):
    """Read and change tables; obtained from ``Database.transaction()``."""

    def __init__(self, changes: Changes, seq: int, schema: int) -> None:
        self._changes = changes
        self._seq = seq
        self._schema = schema
        self._ops: list[Op] = []
        self._open = True

    def tables(self) -> list[str]:
        return self._changes.table_names()

    def put(self, table: str, key: str, doc: Mapping[str, Any]) -> None:
        """Insert or replace the document ``key`` of ``table``."""
        if not isinstance(doc, Mapping):
            raise TypeError(f"a document must be a mapping, not {type(doc).__name__}")
        line = make_line(check_key(key), doc)
        self._do(Put(table=check_table(table), key=key, line=line))

    def remove(self, table: str, key: str) -> bool:
        """Remove a document (settings, alerts); False if it was not there."""
        if check_key(key) not in self._lines(check_table(table)):
            return False
        self._do(Remove(table=table, key=key))
        return True

    def archive(self, table: str, keys: Iterable[str], period: str) -> None:
        """Move documents from the working file to the archive of ``period``."""
        wanted = tuple(dict.fromkeys(check_key(key) for key in keys))
        present = self._lines(check_table(table))
        for key in wanted:
            if key not in present:
                raise DocumentNotFound(table, key)
        if wanted:
            self._do(Archive(table=table, keys=wanted, period=check_period(period)))

    def record(self) -> Record | None:
        """The journal record of what was done, or None if nothing was."""
        self._open = False
        if not self._ops:
            return None
        return Record(seq=self._seq, schema=self._schema, ops=tuple(self._ops))

    def close(self) -> None:
        self._open = False

    def _do(self, op: Op) -> None:
        if not self._open:
            raise StorageError("this transaction has ended; start a new one")
        self._ops.append(op)
        self._changes.apply(op, self._seq)

    def _lines(self, table: str) -> Lines:
        if not self._open:
            raise StorageError("this transaction has ended; start a new one")
        return self._changes.lines(table)
