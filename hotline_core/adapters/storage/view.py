"""Reading documents: the snapshot readers get and the transaction writers use.

Documents are stored as their JSON lines and parsed on each access, so
every call hands back fresh dicts: a caller that mutates what it got
cannot change the database behind the engine's back, and reading one order
does not parse the other two thousand.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from typing import Any

from attrs import frozen

from hotline_core.adapters.storage.layout import Image, Lines, dump, load_doc

Doc = dict[str, Any]
Condition = Callable[[Mapping[str, Any]], bool]
_EMPTY: Lines = {}


class Reader(ABC):
    """Read access to tables of documents keyed by string ids."""

    @abstractmethod
    def _lines(self, table: str) -> Lines: ...

    @abstractmethod
    def tables(self) -> list[str]:
        """Names of the tables present, in the order they were created."""

    def keys(self, table: str) -> list[str]:
        return list(self._lines(table))

    def count(self, table: str) -> int:
        return len(self._lines(table))

    def get(self, table: str, key: str) -> Doc | None:
        line = self._lines(table).get(key)
        return None if line is None else load_doc(key, line)

    def all(self, table: str) -> dict[str, Doc]:
        return {key: load_doc(key, line) for key, line in self._lines(table).items()}

    def containing(self, table: str, fragment: str) -> dict[str, Doc]:
        """The documents whose line (key included) holds ``fragment``; only those are parsed.

        A string's JSON is written character by character, so a part of a value appears,
        escaped the same way, in the line that holds the value: a search parses the few
        lines that may match instead of every order."""
        wanted = dump(fragment)[1:-1]
        return {key: load_doc(key, line) for key, line in self._lines(table).items() if wanted in line}

    def search(self, table: str, cond: Condition) -> dict[str, Doc]:
        """Documents matching ``cond``: a TinyDB ``Query`` or any predicate."""
        return {key: doc for key, doc in self.all(table).items() if cond(doc)}


@frozen
class Snapshot(Reader):
    """A consistent, read-only view of one file as it was when read."""

    image: Image

    @property
    def seq(self) -> int:
        """The last transaction this view contains."""
        return self.image.meta.seq

    def tables(self) -> list[str]:
        return list(self.image.tables)

    def _lines(self, table: str) -> Lines:
        return self.image.tables.get(table, _EMPTY)
