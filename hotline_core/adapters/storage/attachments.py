"""Attachments (feedback images, documents), stored once by content.

A file lives at ``attachments/ab/<sha256>``; the domain keeps only an
``AttachmentRef`` in its events. Content addressing makes a second copy of
the same bytes free, makes files immutable (so a backup can copy them
without the lock) and lets ``check()`` prove each file is what was stored.
Writers take the shared lock: they never conflict with each other (same
name means same bytes), but the exclusive-lock cleanup of temporary files
must not run while one is writing.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from attrs import frozen

from hotline_core.adapters.storage.errors import StorageError
from hotline_core.adapters.storage.files import (
    create_file,
    fsync_dir,
    make_dirs,
    temp_path,
    write_all,
)
from hotline_core.adapters.storage.locking import FileLock

_HASH = re.compile(r"[0-9a-f]{64}\Z")
_CHUNK = 1 << 20


@frozen
class AttachmentRef:
    """What an event keeps of an attachment: enough to find, show and verify it."""

    sha256: str
    name: str
    media_type: str
    size: int


class AttachmentStore:
    """Content-addressed files beside the database."""

    def __init__(self, folder: Path, lock: FileLock) -> None:
        self.folder = folder
        self._lock = lock

    def put(self, data: bytes, name: str, media_type: str | None = None) -> AttachmentRef:
        """Store ``data`` (once, whatever the number of calls) and describe it."""
        digest = hashlib.sha256(data).hexdigest()
        if not self.path_of(digest).exists():
            with self._lock.shared():
                self._store(digest, iter([data]))
        return self._ref(digest, name, media_type, len(data))

    def put_file(self, source: Path, media_type: str | None = None) -> AttachmentRef:
        """Store a file by streaming it, for scans too large to hold in memory."""
        digest, size = _digest_file(source)
        if not self.path_of(digest).exists():
            with self._lock.shared(), open(source, "rb") as handle:
                self._store(digest, _chunks(handle))
        return self._ref(digest, source.name, media_type, size)

    def path_of(self, digest: str) -> Path:
        if not _HASH.match(digest):
            raise ValueError(f"not a sha256 hex digest: {digest!r}")
        return self.folder / digest[:2] / digest

    def read(self, ref: AttachmentRef) -> bytes:
        """The stored bytes, verified against the reference's hash."""
        try:
            data = self.path_of(ref.sha256).read_bytes()
        except FileNotFoundError:
            raise StorageError(f"{self.path_of(ref.sha256)}: attachment {ref.name!r} is missing") from None
        if hashlib.sha256(data).hexdigest() != ref.sha256:
            raise StorageError(f"{self.path_of(ref.sha256)}: attachment {ref.name!r} is damaged")
        return data

    def files(self) -> Iterator[Path]:
        """Every stored attachment file (temporary files excluded)."""
        if not self.folder.is_dir():
            return
        for sub in sorted(self.folder.iterdir()):
            if sub.is_dir():
                yield from sorted(p for p in sub.iterdir() if not p.name.startswith("."))

    def _store(self, digest: str, chunks: Iterator[bytes]) -> None:
        target = self.path_of(digest)
        make_dirs(target.parent)
        tmp = temp_path(target)
        fd = create_file(tmp)
        check = hashlib.sha256()
        try:
            for chunk in chunks:
                check.update(chunk)
                write_all(fd, chunk)
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        os.close(fd)
        if check.hexdigest() != digest:
            tmp.unlink()
            raise StorageError(f"{target}: the file changed while it was being stored")
        os.replace(tmp, target)
        fsync_dir(target.parent)

    @staticmethod
    def _ref(digest: str, name: str, media_type: str | None, size: int) -> AttachmentRef:
        guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return AttachmentRef(sha256=digest, name=Path(name).name, media_type=media_type or guessed, size=size)


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    while chunk := handle.read(_CHUNK):
        yield chunk


def _digest_file(source: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(source, "rb") as handle:
        for chunk in _chunks(handle):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
