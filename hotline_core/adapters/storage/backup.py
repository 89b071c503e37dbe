"""Backup: a consistent copy of a database folder while clerks keep working.

The shared lock is held only long enough to open the working file, the
archives and the journal and to note the journal's size: files are only
ever replaced, never changed in place, and the journal only grows, so the
open handles are a frozen picture that can be copied after the lock is let
go. Attachments are immutable and written before any document names them,
so copying them afterwards gives every file the copied documents refer to.
The copy is checked like a live database before it is called a backup.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
import tempfile
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from hotline_core.adapters.storage.chain import KEY_MODE
from hotline_core.adapters.storage.check import check
from hotline_core.adapters.storage.database import Database
from hotline_core.adapters.storage.errors import DatabaseExists, StorageError
from hotline_core.adapters.storage.files import (
    FILE_MODE,
    copy_stream,
    create_file,
    fsync_dir,
    make_dirs,
    sha256_of,
    write_all,
)

MANIFEST = "manifest.json"


# A backup holds every citizen's record: only its owner (the service account) may open it,
# whatever the folder it lands in (a shared outbox is group-readable).
BACKUP_MODE = 0o700


def backup(db: Database, dest: Path, *, compress: bool = False, name: str | None = None) -> Path:
    """Copy ``db`` into ``dest/<name>`` (a folder) or ``dest/<name>.tar.gz``."""
    dest = Path(dest)
    make_dirs(dest)
    with ExitStack() as handles:
        sources, seq = _freeze(db, handles)
        name = name or f"hotline-backup-{datetime.now(UTC):%Y%m%dT%H%M%SZ}-seq{seq}"
        final = dest / (f"{name}.tar.gz" if compress else name)
        if final.exists():
            raise DatabaseExists(final, "a backup of that name exists")
        staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=dest))
        os.chmod(staging, BACKUP_MODE)
        try:
            _copy_all(db, sources, staging)
        except BaseException:
            shutil.rmtree(staging)
            raise
    return _finish(staging, final, compress, db)


def _freeze(db: Database, handles: ExitStack) -> tuple[dict[str, tuple[BinaryIO, int | None]], int]:
    """Open every database file under the shared lock; returns handles and seq."""
    paths = db.paths
    with db._lock.shared():  # the backup is part of the engine
        sources: dict[str, tuple[BinaryIO, int | None]] = {}
        keys = [paths.key] if paths.key.exists() else []
        for path in [paths.working, *keys, *(paths.archive(p) for p in paths.periods())]:
            source = handles.enter_context(open(path, "rb"))  # noqa: SIM115 (the ExitStack closes it)
            sources[str(path.relative_to(paths.folder))] = (source, None)
        journal = handles.enter_context(open(paths.journal, "rb"))  # noqa: SIM115 (the ExitStack closes it)
        sources[paths.journal.name] = (journal, os.fstat(journal.fileno()).st_size)
        _, image = db._store.working()  # validates what is copied
    return sources, image.meta.seq


def _copy_all(db: Database, sources: dict[str, tuple[BinaryIO, int | None]], staging: Path) -> None:
    for relative, (handle, limit) in sources.items():
        make_dirs((staging / relative).parent)
        mode = KEY_MODE if relative == db.paths.key.name else FILE_MODE
        copy_stream(handle, staging / relative, limit, mode)
    for path in db.attachments.files():
        target = staging / path.relative_to(db.folder)
        make_dirs(target.parent)
        with open(path, "rb") as handle:
            copy_stream(handle, target)
    _write_manifest(staging)


def _write_manifest(folder: Path) -> None:
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        files[str(path.relative_to(folder))] = sha256_of(path)
    fd = create_file(folder / MANIFEST)
    try:
        write_all(fd, json.dumps({"format": "hotline-backup/1", "files": files}, indent=1).encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def _finish(staging: Path, final: Path, compress: bool, db: Database) -> Path:
    problems = check(staging, db.schema)
    (staging / "lock").unlink(missing_ok=True)
    try:
        if problems:
            raise StorageError(f"backup not written, the database has problems: {problems[0]}")
        if compress:
            _tar(staging, final)
        else:
            os.replace(staging, final)
            fsync_dir(final.parent)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return final


def _tar(staging: Path, final: Path) -> None:
    tmp = final.with_name(f".{final.name}.tmp-{os.getpid()}")
    fd = create_file(tmp)
    with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
        for path in sorted(staging.rglob("*")):
            tar.add(path, arcname=str(path.relative_to(staging)), recursive=False)
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.chmod(tmp, BACKUP_MODE & 0o666)
    os.replace(tmp, final)
    fsync_dir(final.parent)
