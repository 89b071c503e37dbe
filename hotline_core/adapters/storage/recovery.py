"""Commit, and recovery of a transaction that a crash cut short.

A commit writes the archives it touches and the working file (which records
the transaction's ``seq`` and the journal size) to temporary names, appends
the transaction to the journal and fsyncs it, then renames the files into
place, archives first: a full disk fails before the journal append, so a
command that reports failure has committed nothing. A crash after the journal
append leaves records beyond the working file's ``journal_end``; the next
writer (or opener), holding the exclusive lock, replays them in ``seq``
order. Replay is idempotent: an archive already written by the crashed
transaction has ``seq`` >= the record and is not added to twice. A torn
journal tail (a writer killed inside its append) was never committed and is
cut off. Everything else that does not fit is damage, reported, not fixed.
"""

from __future__ import annotations

import os

from hotline_core.adapters.storage import journal
from hotline_core.adapters.storage.changes import Changes
from hotline_core.adapters.storage.errors import DatabaseDamaged, StorageError
from hotline_core.adapters.storage.files import create_file, discard, fsync_dir, truncate_durably
from hotline_core.adapters.storage.layout import Image
from hotline_core.adapters.storage.store import Staged, Store


def prepare(store: Store, verify: bool = False) -> Image:
    """The up-to-date working image; call with the exclusive lock held."""
    _, image = store.working()
    if verify:
        _verify_journal(store, image)
    image = _replay(store, image)
    if image.meta.schema < store.schema.version:
        raw, image = store.working()
        image = store.migrated(store.paths.working, raw, image)
        store.save(store.paths.working, image)
    return image


def verify(store: Store) -> None:
    """What ``prepare`` checks, without writing: for a database that cannot be written."""
    _, image = store.working()
    _verify_journal(store, image)


def chain_old_history(store: Store, image: Image) -> None:
    """Chain a journal written before chaining, once: an empty record whose mac covers it all.

    From then on every old line is verified with the rest (docs/security.md).
    """
    if journal.is_chained(store.paths.journal, image.meta.journal_end):
        return
    record = journal.Record(seq=image.meta.seq + 1, schema=image.meta.schema, ops=())
    commit(store, Changes(image, store.archive_for_write), record)


def commit(store: Store, changes: Changes, record: journal.Record) -> None:
    """Commit ``record``: nothing has changed if this raises before the journal append returned.

    The new files are written to temporary names first (a full disk fails
    there), then the journal line is appended (cut off again if that fails),
    and only then are the files put in place. Should that last step fail, the
    change is committed all the same and the next command finishes it.
    """
    key = store.key()
    start = changes.base.meta.journal_end
    line, _ = journal.encode(record, key, journal.chain_head(store.paths.journal, start, key))
    staged = _stage(store, changes, record.seq, start + len(line))
    try:
        journal.append(store.paths.journal, line)
    except BaseException:
        discard(s.temporary for s in staged)
        raise
    try:
        for file in staged:
            store.install(file)
    except OSError as error:
        discard(s.temporary for s in staged)
        raise StorageError(
            f"{error.filename or store.paths.folder}: the change is saved in the journal; "
            f"the files are brought up to date by the next command ({error.strerror})"
        ) from None


def persist(store: Store, changes: Changes, seq: int, journal_end: int) -> None:
    """Archives first, working file last: the working file's seq says 'done'."""
    for file in _stage(store, changes, seq, journal_end):
        store.install(file)


def _stage(store: Store, changes: Changes, seq: int, journal_end: int) -> list[Staged]:
    """Every file the change writes, at its temporary name, archives first, working file last."""
    staged: list[Staged] = []
    try:
        for period, image in changes.archives(seq).items():
            staged.append(store.stage(store.paths.archive(period), image))
        staged.append(store.stage(store.paths.working, changes.working(seq, journal_end)))
    except BaseException:
        discard(s.temporary for s in staged)
        raise
    return staged


def _replay(store: Store, image: Image) -> Image:
    path, end = store.paths.journal, image.meta.journal_end
    size = journal.size(path)
    if size == end:
        return image
    _check_size(store, size, end)
    records, torn = journal.read_after(path, end)
    _check_sequence(store, image, [record for record, _ in records])
    if torn is not None:
        truncate_durably(path, torn)
    if not records:
        return image
    version = image.meta.schema
    changes = Changes(image, lambda period: store.archive_for_write(period, version))
    for record, _ in records:
        for op in record.ops:
            changes.apply(op, record.seq)
    last, last_end = records[-1]
    persist(store, changes, last.seq, last_end)
    return changes.working(last.seq, last_end)


def _check_sequence(store: Store, image: Image, records: list[journal.Record]) -> None:
    expected = image.meta.seq + 1
    for record in records:
        if record.seq != expected:
            reason = f"record seq {record.seq} follows working seq {expected - 1}: a gap or a foreign journal"
            raise DatabaseDamaged(store.paths.journal, reason)
        if record.schema != image.meta.schema:
            reason = (
                f"record seq {record.seq} has schema {record.schema}, the working file {image.meta.schema}"
            )
            raise DatabaseDamaged(store.paths.journal, reason)
        expected += 1


def _check_size(store: Store, size: int, end: int) -> None:
    path = store.paths.journal
    if size < 0:
        raise DatabaseDamaged(path, f"missing, the working file records {end} bytes of it")
    if size < end:
        raise DatabaseDamaged(path, f"truncated: {size} bytes, the working file records {end}")


def _verify_journal(store: Store, image: Image) -> None:
    """On open: the journal line ending at ``journal_end`` is the working file's seq."""
    path, meta = store.paths.journal, image.meta
    size = journal.size(path)
    if size < 0 and meta.journal_end == 0:
        create_journal(store)
        return
    _check_size(store, size, meta.journal_end)
    if meta.journal_end == 0:
        if meta.seq != 0:
            raise DatabaseDamaged(store.paths.working, f"seq {meta.seq} but no journal position recorded")
        return
    seq = journal.seq_ending_at(path, meta.journal_end)
    if seq != meta.seq:
        reason = f"the record at byte {meta.journal_end} has seq {seq}, the working file {meta.seq}"
        raise DatabaseDamaged(path, reason)


def create_journal(store: Store) -> None:
    os.close(create_file(store.paths.journal))
    fsync_dir(store.paths.folder)
