"""Applying journal operations to the working file and the archives.

One code path serves a live transaction, the replay of a transaction that
was journaled but not yet written, and a rebuild from the journal, so the
three cannot disagree about what an operation means. Tables are copied on
first write; the loaded image is never mutated (it may be cached).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from hotline_core.adapters.storage.journal import Archive, Op, Put, Remove
from hotline_core.adapters.storage.layout import Image, Lines, Meta

_EMPTY: Lines = {}


class _Target:
    """An archive file being added to."""

    def __init__(self, image: Image) -> None:
        self.image = image
        self.tables: dict[str, dict[str, bytes]] = {}
        self.changed = False

    def table(self, name: str) -> dict[str, bytes]:
        if name not in self.tables:
            self.tables[name] = dict(self.image.tables.get(name, _EMPTY))
        return self.tables[name]

    def result(self, seq: int) -> Image:
        meta = Meta(kind="archive", schema=self.image.meta.schema, seq=seq, period=self.image.meta.period)
        return Image(meta=meta, tables={**self.image.tables, **self.tables})


class Changes:
    """The working tables and the touched archives, as the operations leave them."""

    def __init__(self, base: Image, load_archive: Callable[[str], Image]) -> None:
        self.base = base
        self._load_archive = load_archive
        self._tables: dict[str, dict[str, bytes]] = {}
        self._targets: dict[str, _Target] = {}

    def lines(self, table: str) -> Lines:
        if table in self._tables:
            return self._tables[table]
        return self.base.tables.get(table, _EMPTY)

    def table_names(self) -> list[str]:
        return list({**self.base.tables, **self._tables})

    def apply(self, op: Op, seq: int) -> None:
        """Apply ``op`` of transaction ``seq``; replaying it twice changes nothing."""
        if isinstance(op, Put):
            self._writable(op.table)[op.key] = op.line
        elif isinstance(op, Remove):
            self._writable(op.table).pop(op.key, None)
        else:
            self._archive(op, seq)

    def _archive(self, op: Archive, seq: int) -> None:
        target = self.target(op.period)
        source = self._writable(op.table)
        already = target.image.meta.seq >= seq
        for key in op.keys:
            line = source.pop(key, None)
            if line is not None and not already:
                target.table(op.table)[key] = line
                target.changed = True

    def target(self, period: str) -> _Target:
        if period not in self._targets:
            self._targets[period] = _Target(self._load_archive(period))
        return self._targets[period]

    def _writable(self, table: str) -> dict[str, bytes]:
        if table not in self._tables:
            self._tables[table] = dict(self.base.tables.get(table, _EMPTY))
        return self._tables[table]

    def working(self, seq: int, journal_end: int) -> Image:
        meta = Meta(kind="working", schema=self.base.meta.schema, seq=seq, journal_end=journal_end)
        return Image(meta=meta, tables={**self.base.tables, **self._tables})

    def archives(self, seq: int) -> Mapping[str, Image]:
        """The archive images that changed, stamped with ``seq``."""
        return {period: t.result(seq) for period, t in self._targets.items() if t.changed}
