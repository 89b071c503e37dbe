"""Rebuilding a whole database, archives included, from its journal alone.

The journal holds every committed change in order, so replaying it into
empty files gives back the working file and every archive as they were
committed. A record written under a newer schema version than the state
built so far first migrates that state, which is where the migration ran
in the original database. The result is a new folder; the damaged one is
left as it is for the operator to compare or keep. The history key beside the
journal is copied with it, so the rebuilt history is verified and extended.
"""

from __future__ import annotations

from pathlib import Path

from hotline_core.adapters.storage import chain, journal
from hotline_core.adapters.storage.database import Database
from hotline_core.adapters.storage.errors import DatabaseDamaged, DatabaseExists
from hotline_core.adapters.storage.files import copy_stream, make_dirs
from hotline_core.adapters.storage.paths import Paths
from hotline_core.adapters.storage.replay import Replay
from hotline_core.adapters.storage.schema import Schema
from hotline_core.adapters.storage.store import Store


def rebuild_from_journal(source: Path, folder: Path, schema: Schema | None = None) -> Database:
    """Create the database in the new ``folder`` from the journal file ``source``."""
    schema = schema or Schema()
    paths = Paths(Path(folder))
    if paths.working.exists() or paths.journal.exists():
        raise DatabaseExists(paths.folder)
    state, last_seq, end = _replay(Path(source), schema)
    state.migrate(schema.version, last_seq)
    make_dirs(paths.folder)
    key = chain.read_key(Path(source).parent / paths.key.name)
    if key is not None:
        chain.create_key(paths.key, key)
    store = Store(paths, schema)
    for period, image in state.archives.items():
        store.save(paths.archive(period), image)
    with open(source, "rb") as handle:
        copy_stream(handle, paths.journal, limit=end)
    store.save(paths.working, state.changes.working(last_seq, end))
    return Database.open(paths.folder, schema)


def _replay(source: Path, schema: Schema) -> tuple[Replay, int, int]:
    state: Replay | None = None
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
        state = state or Replay(schema, line.record.schema)
        state.apply(line.record)
        last_seq, end = line.record.seq, line.end
    return state or Replay(schema, schema.version), last_seq, end
