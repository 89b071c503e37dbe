"""``check()``: verify every file of a database and list what is wrong.

It verifies the journal's authenticated chain (``chain``) and compares the
working file and every archive with what the journal says they hold
(``compare``), so a hand edit of any of them is named.

Read-only and exhaustive: it reports every damaged file, journal line and
attachment it finds instead of stopping at the first, so an operator sees
the whole picture before restoring (docs/operations.md). The shared lock is
held only to read the working file, open the archives and note the
journal's size (files are replaced, never changed in place, and the journal
only grows), so clerks are not kept waiting while megabytes are verified.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from attrs import frozen

from hotline_core.adapters.storage import chain, journal
from hotline_core.adapters.storage.compare import differences, expected_files
from hotline_core.adapters.storage.errors import DatabaseDamaged, StorageError
from hotline_core.adapters.storage.files import is_temp, sha256_of
from hotline_core.adapters.storage.layout import Image
from hotline_core.adapters.storage.locking import FileLock
from hotline_core.adapters.storage.paths import Paths
from hotline_core.adapters.storage.schema import Schema
from hotline_core.adapters.storage.store import Store


@frozen
class Problem:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def check(folder: Path, schema: Schema | None = None, *, lock_timeout: float = 10.0) -> list[Problem]:
    """All problems found in the database at ``folder``; empty when healthy."""
    paths = Paths(Path(folder))
    if not paths.folder.is_dir():
        return [Problem(paths.folder, "no database folder here")]
    schema = schema or Schema()
    store = Store(paths, schema)
    problems: list[Problem] = []
    with ExitStack() as handles:
        with FileLock(paths.lock, lock_timeout).shared():
            raw = paths.working.read_bytes() if paths.working.exists() else None
            archives = {p: handles.enter_context(open(paths.archive(p), "rb")) for p in paths.periods()}
            journal_size = journal.size(paths.journal)
        working = _working(problems, store, raw)
        archive_images = _archives(problems, store, archives)
    problems += _stray_archive_files(paths)
    records = _journal(problems, paths, journal_size, working)
    problems += _attachments(paths.attachments)
    last_seq = records[-1].seq if records else (None if journal_size < 0 else 0)
    for period, image in archive_images.items():
        if last_seq is not None and image.meta.seq > last_seq:
            reason = f"seq {image.meta.seq} is beyond the journal's last {last_seq}"
            problems.append(Problem(paths.archive(period), reason))
    if journal_size >= 0:
        problems += _against_journal(paths, schema, records, working, archive_images)
    return problems


def _working(problems: list[Problem], store: Store, raw: bytes | None) -> Image | None:
    if raw is None:
        problems.append(Problem(store.paths.working, "missing"))
        return None
    try:
        return store.decode_working(raw)
    except DatabaseDamaged as error:
        problems.append(Problem(error.path, error.reason))
        return None


def _archives(problems: list[Problem], store: Store, handles: Mapping[str, IO[bytes]]) -> dict[str, Image]:
    images: dict[str, Image] = {}
    for period, handle in handles.items():
        try:
            images[period] = store.decode_archive(period, handle.read())
        except DatabaseDamaged as error:
            problems.append(Problem(error.path, error.reason))
    return images


def _against_journal(
    paths: Paths,
    schema: Schema,
    records: list[journal.Record],
    working: Image | None,
    archives: Mapping[str, Image],
) -> list[Problem]:
    """Every document of the working file and archives that the journal does not account for."""
    seq = working.meta.seq if working is not None else (records[-1].seq if records else 0)
    try:
        seqs = {period: image.meta.seq for period, image in archives.items()}
        want_working, want_archives = expected_files(records, schema, seq, seqs)
    except (StorageError, ValueError) as error:
        return [Problem(paths.journal, f"cannot be replayed to compare the files: {error}")]
    found = []
    if working is not None and want_working is not None:
        found += differences(paths.working, working, want_working, schema)
    unreadable = set(paths.periods()) - set(archives)  # already reported as damaged
    for period in sorted(set(archives) | set(want_archives) - unreadable):
        if period not in archives:
            if want_archives[period].tables and any(want_archives[period].tables.values()):
                found.append((paths.archive(period), "missing, the journal archives documents here"))
            continue
        if period in want_archives:
            found += differences(paths.archive(period), archives[period], want_archives[period], schema)
        else:
            found.append((paths.archive(period), "extra, no journal record archives anything here"))
    return [Problem(path, reason) for path, reason in found]


def _stray_archive_files(paths: Paths) -> list[Problem]:
    if not paths.archive_dir.is_dir():
        return []
    expected = {f"{period}.json" for period in paths.periods()}
    return [
        Problem(path, "unexpected file in the archive folder")
        for path in sorted(paths.archive_dir.iterdir())
        if path.name not in expected and not is_temp(path.name)
    ]


def _journal(problems: list[Problem], paths: Paths, size: int, working: Image | None) -> list[journal.Record]:
    """Check every line up to ``size`` and the chain; returns the good records."""
    path = paths.journal
    if size < 0:
        problems.append(Problem(path, "missing"))
        return []
    meta = working.meta if working is not None else None
    verifier = _ChainVerifier(problems, paths)
    records: list[journal.Record] = []
    expected = 1
    seq_at_end = 0 if meta is not None and meta.journal_end == 0 else None
    for line in journal.scan(path, size):
        if line.torn:
            if not (meta is not None and line.end > meta.journal_end):
                problems.append(Problem(path, f"line {line.number}: {line.problem}"))
            continue
        verifier.follow(line)
        if line.record is None:
            problems.append(Problem(path, f"line {line.number}: {line.problem}"))
            continue
        if line.record.seq != expected:
            problems.append(Problem(path, f"line {line.number}: seq {line.record.seq}, expected {expected}"))
        expected = line.record.seq + 1
        records.append(line.record)
        if meta is not None and line.end == meta.journal_end:
            seq_at_end = line.record.seq
    if meta is not None and seq_at_end != meta.seq:
        reason = f"no record of seq {meta.seq} ends at byte {meta.journal_end} as the working file says"
        problems.append(Problem(path, reason))
    return records


class _ChainVerifier:
    """Follows the chain line by line; after a bad link it goes on from that line's own mac,
    so each altered, inserted or removed line is named once, not every line after it."""

    def __init__(self, problems: list[Problem], paths: Paths) -> None:
        self.problems = problems
        self.paths = paths
        self.head = chain.START
        self.chained = False
        try:
            self.key = chain.read_key(paths.key)
        except StorageError as error:
            problems.append(Problem(paths.key, str(error)))
            self.key = None

    def follow(self, line: journal.Line) -> None:
        where = f"line {line.number}"
        if line.mac is None:
            if self.chained:
                self.problems.append(Problem(self.paths.journal, f"{where}: not chained (no mac)"))
            if self.key is not None:
                self.head = chain.link(self.key, self.head, line.covered)
            return
        if not self.chained and self.key is None:
            self.problems.append(Problem(self.paths.key, "missing: the chained history cannot be verified"))
        self.chained = True
        if self.key is not None and chain.link(self.key, self.head, line.covered) != line.mac:
            reason = f"{where}: not authentic (altered, or a line before it removed or inserted)"
            self.problems.append(Problem(self.paths.journal, reason))
        self.head = line.mac


def _attachments(folder: Path) -> list[Problem]:
    """Each attachment's content must hash to its name (they are immutable)."""
    problems = []
    files = sorted(folder.glob("??/*")) if folder.is_dir() else []
    for path in files:
        if is_temp(path.name) or not path.is_file():
            continue
        if sha256_of(path) != path.name or path.parent.name != path.name[:2]:
            problems.append(Problem(path, "content does not match its sha256 name"))
    return problems
