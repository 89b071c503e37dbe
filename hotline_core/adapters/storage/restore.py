"""Restore: put a backup back in place of (or where there is no) database.

The backup is unpacked beside the target folder, its manifest hashes and
its files are checked like a live database, and only then, under the
target's exclusive lock, is what it replaces moved to ``replaced/<time>/``
inside the folder and the backup renamed into place. Processes that have
the database open simply read the restored files at their next call: they
hold no state between calls, and the lock file itself is kept.
"""

from __future__ import annotations

import json
import shutil
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO

from hotline_core.adapters.named_files import ITSELF, NamedFiles
from hotline_core.adapters.storage.backup import MANIFEST
from hotline_core.adapters.storage.chain import KEY_MODE
from hotline_core.adapters.storage.check import check
from hotline_core.adapters.storage.errors import DatabaseDamaged, DatabaseExists
from hotline_core.adapters.storage.files import FILE_MODE, copy_stream, fsync_dir, make_dirs, sha256_of
from hotline_core.adapters.storage.locking import FileLock
from hotline_core.adapters.storage.paths import Paths
from hotline_core.adapters.storage.schema import Schema

_ANY_SIZE = 1 << 62  # a backup holds every attachment: no limit but the disk
_ITEMS = ("archive", "attachments", "chain.key", "journal.jsonl", "working.json")


def restore(
    source: Path,
    folder: Path,
    schema: Schema | None = None,
    *,
    replace: bool = False,
    lock_timeout: float = 10.0,
    files: NamedFiles = ITSELF,
) -> Path | None:
    """Restore the backup ``source`` into ``folder``; returns where the replaced database was kept.
    Its files are opened by ``files`` (with the rights of the person who named it)."""
    source, paths = Path(source), Paths(Path(folder))
    if _is_live(paths) and not replace:
        raise DatabaseExists(
            paths.folder, "a database is already here (restore with replace to keep a copy of it)"
        )
    make_dirs(paths.folder.parent)
    staging = Path(tempfile.mkdtemp(prefix=f".{paths.folder.name}.restore-", dir=paths.folder.parent))
    try:
        _unpack(source, staging, files)
        _verify(source, staging, schema or Schema())
        make_dirs(paths.folder)
        with FileLock(paths.lock, lock_timeout).exclusive():
            kept = _set_aside(paths) if _is_live(paths) else None
            for item in _ITEMS:
                if (staging / item).exists():
                    (staging / item).rename(paths.folder / item)
            fsync_dir(paths.folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return kept


def _is_live(paths: Paths) -> bool:
    return any((paths.folder / item).exists() for item in _ITEMS)


def _unpack(source: Path, staging: Path, files: NamedFiles) -> None:
    """Copy the backup's regular files (and nothing outside it) into ``staging``, each opened
    by ``files``: with the rights of the person who named the backup, checked as it is read
    (a link or another file put in its place after a check is refused, never followed)."""
    if source.is_dir():
        for path in sorted(p for p in source.rglob("*") if p.is_file() and not p.is_symlink()):
            with files.open(path, "source", _ANY_SIZE) as handle:
                _place(staging, path.relative_to(source).as_posix(), handle)
        return
    try:
        with files.open(source, "source", _ANY_SIZE) as raw, tarfile.open(fileobj=raw, mode="r:gz") as tar:
            for member in tar:
                extracted = tar.extractfile(member) if member.isfile() else None
                if extracted is not None:
                    _place(staging, member.name, extracted)
    except (OSError, tarfile.TarError, EOFError) as error:
        raise DatabaseDamaged(source, f"not a readable backup archive ({error})") from None


def _place(staging: Path, name: str, handle: IO[bytes]) -> None:
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts:
        raise DatabaseDamaged(staging, f"backup member {name!r} points outside the backup")
    target = staging.joinpath(*relative.parts)
    make_dirs(target.parent)
    copy_stream(handle, target, mode=KEY_MODE if relative.name == "chain.key" else FILE_MODE)


def _verify(source: Path, staging: Path, schema: Schema) -> None:
    try:
        listed = json.loads((staging / MANIFEST).read_bytes())["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise DatabaseDamaged(source, "no readable manifest.json: not a hotline backup") from None
    present = {p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file()} - {MANIFEST}
    if present != set(listed):
        raise DatabaseDamaged(source, "files differ from its manifest (incomplete or altered backup)")
    for name, digest in listed.items():
        if sha256_of(staging / name) != digest:
            raise DatabaseDamaged(source, f"{name} does not match its manifest hash")
    problems = check(staging, schema)
    if problems:
        raise DatabaseDamaged(source, f"{problems[0].path.relative_to(staging)}: {problems[0].reason}")


def _set_aside(paths: Paths) -> Path:
    kept = paths.replaced / datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    make_dirs(kept)
    for item in _ITEMS:
        if (paths.folder / item).exists():
            (paths.folder / item).rename(kept / item)
    fsync_dir(kept)
    return kept
