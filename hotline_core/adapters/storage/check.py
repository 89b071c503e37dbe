"""``check()``: verify every file of a database and list what is wrong.

Read-only and exhaustive: it reports every damaged file, journal line and
attachment it finds instead of stopping at the first, so an operator sees
the whole picture before restoring (docs/operations.md). The shared lock is
held only to read the working file, open the archives and note the
journal's size (files are replaced, never changed in place, and the journal
only grows), so clerks are not kept waiting while megabytes are verified.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from attrs import frozen

from hotline_core.adapters.storage import journal
from hotline_core.adapters.storage.errors import DatabaseDamaged
from hotline_core.adapters.storage.files import is_temp
from hotline_core.adapters.storage.layout import Meta
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
    store = Store(paths, schema or Schema())
    problems: list[Problem] = []
    with ExitStack() as handles:
        with FileLock(paths.lock, lock_timeout).shared():
            raw = paths.working.read_bytes() if paths.working.exists() else None
            archives = {p: handles.enter_context(open(paths.archive(p), "rb")) for p in paths.periods()}
            journal_size = journal.size(paths.journal)
        working = _working_meta(problems, store, raw)
        archive_seqs = _archives(problems, store, archives)
    problems += _stray_archive_files(paths)
    last_seq = _journal(problems, paths.journal, journal_size, working)
    problems += _attachments(paths.attachments)
    for period, seq in archive_seqs.items():
        if last_seq is not None and seq > last_seq:
            reason = f"seq {seq} is beyond the journal's last {last_seq}"
            problems.append(Problem(paths.archive(period), reason))
    return problems


def _working_meta(problems: list[Problem], store: Store, raw: bytes | None) -> Meta | None:
    if raw is None:
        problems.append(Problem(store.paths.working, "missing"))
        return None
    try:
        return store.decode_working(raw).meta
    except DatabaseDamaged as error:
        problems.append(Problem(error.path, error.reason))
        return None


def _archives(problems: list[Problem], store: Store, handles: Mapping[str, IO[bytes]]) -> dict[str, int]:
    seqs: dict[str, int] = {}
    for period, handle in handles.items():
        try:
            seqs[period] = store.decode_archive(period, handle.read()).meta.seq
        except DatabaseDamaged as error:
            problems.append(Problem(error.path, error.reason))
    return seqs


def _stray_archive_files(paths: Paths) -> list[Problem]:
    if not paths.archive_dir.is_dir():
        return []
    expected = {f"{period}.json" for period in paths.periods()}
    return [
        Problem(path, "unexpected file in the archive folder")
        for path in sorted(paths.archive_dir.iterdir())
        if path.name not in expected and not is_temp(path.name)
    ]


def _journal(problems: list[Problem], path: Path, size: int, working: Meta | None) -> int | None:
    """Check every line up to ``size``; returns the last good seq (None if missing)."""
    if size < 0:
        problems.append(Problem(path, "missing"))
        return None
    expected, last_seq = 1, 0
    seq_at_end = 0 if working is not None and working.journal_end == 0 else None
    for line in journal.scan(path, size):
        if line.record is None:
            if not (line.torn and working is not None and line.end > working.journal_end):
                problems.append(Problem(path, f"line {line.number}: {line.problem}"))
            continue
        if line.record.seq != expected:
            problems.append(Problem(path, f"line {line.number}: seq {line.record.seq}, expected {expected}"))
        expected, last_seq = line.record.seq + 1, line.record.seq
        if working is not None and line.end == working.journal_end:
            seq_at_end = line.record.seq
    if working is not None and seq_at_end != working.seq:
        reason = f"no record of seq {working.seq} ends at byte {working.journal_end} as the working file says"
        problems.append(Problem(path, reason))
    return last_seq


def _attachments(folder: Path) -> list[Problem]:
    """Each attachment's content must hash to its name (they are immutable)."""
    problems = []
    files = sorted(folder.glob("??/*")) if folder.is_dir() else []
    for path in files:
        if is_temp(path.name) or not path.is_file():
            continue
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        if digest.hexdigest() != path.name or path.parent.name != path.name[:2]:
            problems.append(Problem(path, "content does not match its sha256 name"))
    return problems
