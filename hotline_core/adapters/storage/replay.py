"""Replaying journal records into files held in memory.

A rebuild from the journal writes the result out; ``check`` compares it with
the files on disk. A record written under a newer schema version than the
state built so far first migrates that state, which is where the migration
ran in the original database.
"""

from __future__ import annotations

from hotline_core.adapters.storage import journal
from hotline_core.adapters.storage.changes import Changes
from hotline_core.adapters.storage.layout import Image, Meta
from hotline_core.adapters.storage.schema import Schema, upgrade


class Replay:
    """The working image and the archives built so far, at one schema version."""

    def __init__(self, schema: Schema, version: int) -> None:
        self.schema = schema
        self.archives: dict[str, Image] = {}
        self.changes = self._start(Image(meta=Meta(kind="working", schema=version, seq=0), tables={}))

    def _start(self, working: Image) -> Changes:
        return Changes(working, self._archive)

    def _archive(self, period: str) -> Image:
        meta = Meta(kind="archive", schema=self.changes.base.meta.schema, seq=0, period=period)
        return self.archives.get(period) or Image(meta=meta, tables={})

    def apply(self, record: journal.Record) -> None:
        if record.schema > self.changes.base.meta.schema:
            self.migrate(record.schema, record.seq - 1)
        for op in record.ops:
            self.changes.apply(op, record.seq)

    def migrate(self, version: int, seq: int) -> None:
        """Settle what was built so far and move all of it to ``version``."""
        self.archives = {
            period: upgrade(image, self.schema, version) for period, image in self.settled(seq).items()
        }
        self.changes = self._start(upgrade(self.changes.working(seq, 0), self.schema, version))

    def settled(self, seq: int) -> dict[str, Image]:
        return {**self.archives, **self.changes.archives(seq)}
