"""Rebuilding a whole database, archives included, from its journal alone.

The journal holds every committed change in order, so replaying it into
empty files gives back the working file and every archive as they were
committed. A record written under a newer schema version than the state
built so far first migrates that state, which is where the migration ran
in the original database. The result is a new folder; the damaged one is
left as it is for the operator to compare or keep.
"""

from __future__ import annotations

from pathlib import Path

from hotline_core.adapters.storage import journal
from hotline_core.adapters.storage.changes import Changes
from hotline_core.adapters.storage.database import Database
from hotline_core.adapters.storage.errors import DatabaseDamaged, DatabaseExists
from hotline_core.adapters.storage.files import copy_stream, make_dirs
from hotline_core.adapters.storage.layout import Image, Meta
from hotline_core.adapters.storage.paths import Paths
from hotline_core.adapters.storage.schema import Schema, upgrade
from hotline_core.adapters.storage.store import Store


class _State:
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


def rebuild_from_journal(source: Path, folder: Path, schema: Schema | None = None) -> Database:
    """Create the database in the new ``folder`` from the journal file ``source``."""
    schema = schema or Schema()
    paths = Paths(Path(folder))
    if paths.working.exists() or paths.journal.exists():
        raise DatabaseExists(paths.folder)
    state, last_seq, end = _replay(Path(source), schema)
    state.migrate(schema.version, last_seq)
    make_dirs(paths.folder)
    store = Store(paths, schema)
    for period, image in state.archives.items():
        store.save(paths.archive(period), image)
    with open(source, "rb") as handle:
        copy_stream(handle, paths.journal, limit=end)
    store.save(paths.working, state.changes.working(last_seq, end))
    return Database.open(paths.folder, schema)


def _replay(source: Path, schema: Schema) -> tuple[_State, int, int]:
    state: _State | None = None
    last_seq, end = 0, 0
    for line in journal.scan(source):
        if line.torn:
            break
        if line.record is None:
            raise DatabaseDamaged(source, f"line {line.number}: {line.problem}")
        if line.record.seq != last_seq + 1:
            raise DatabaseDamaged(
                source, f"line {line.number}: seq {line.record.seq}, expected {last_seq + 1}"
            )
        if line.record.schema > schema.version:
            raise DatabaseDamaged(
                source, f"line {line.number}: schema {line.record.schema} is newer than this program"
            )
        state = state or _State(schema, line.record.schema)
        state.apply(line.record)
        last_seq, end = line.record.seq, line.end
    return state or _State(schema, schema.version), last_seq, end
