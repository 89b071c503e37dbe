"""Attachments (feedback images, documents), stored once by content.

A file lives at ``attachments/ab/<sha256>``; the domain keeps only an
``Attachment`` (hash, name, type, size) in its events. Content addressing
makes a second copy of the same bytes free, makes files immutable (so a
backup can copy them without the lock) and lets ``check()`` prove each file
is what was stored.

A file a person names is first only *inspected* (``inspect``): opened as
every named file is (:mod:`hotline_core.adapters.named_files`: never through a
link, never a pipe or a device, with the acting person's rights), refused
unless it is within the size limit and its first bytes say JPEG, PNG, GIF,
WebP or PDF, and hashed. It is copied in (``keep``) only once the action it
goes with is allowed, inside that action's transaction, so a refused
stranger leaves nothing; the copy must hash to what was inspected.
``put`` and ``put_file`` store at once, taking the shared lock: writers never
conflict (same name means same bytes), but the exclusive-lock cleanup of
temporary files must not run while one is writing.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from hotline_core.adapters.named_files import ITSELF, NamedFiles
from hotline_core.adapters.storage.errors import StorageError
from hotline_core.adapters.storage.files import install, make_dirs, stage
from hotline_core.adapters.storage.locking import FileLock
from hotline_core.domain.model import Attachment
from hotline_core.domain.problems import InvalidInput, Problem

_HASH = re.compile(r"[0-9a-f]{64}\Z")
_CHUNK = 1 << 20
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)

# The files this process inspected, by hash: the command line inspects a file before it
# opens the transaction that keeps it (another repository object, the same process).
_INSPECTED: dict[str, Path] = {}
_INSPECTED_LOCK = threading.Lock()


def media_type_of(head: bytes) -> str | None:
    """The type the first bytes of a file declare, among the five accepted; None otherwise."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return next((kind for magic, kind in _SIGNATURES if head.startswith(magic)), None)


class AttachmentStore:
    """Content-addressed files beside the database."""

    def __init__(self, folder: Path, lock: FileLock) -> None:
        self.folder = folder
        self._lock = lock

    def inspect(self, source: Path, limit_bytes: int, files: NamedFiles = ITSELF) -> Attachment:
        """Check a file a person named (opened as ``files`` says) and describe it; nothing is
        stored yet (``keep``)."""
        attachment = describe_file(source, limit_bytes, files)
        with _INSPECTED_LOCK:
            _INSPECTED[attachment.sha256] = source
        return attachment

    def keep(self, attachment: Attachment) -> Path | None:
        """Copy in a file ``inspect`` described; call inside the transaction that records it.

        Returns the file if this call created it (None if it was there), so that a
        transaction that fails can take back what it stored.
        """
        if self.path_of(attachment.sha256).exists():
            return None
        with _INSPECTED_LOCK:
            source = _INSPECTED.get(attachment.sha256)
        if source is None:
            raise StorageError(f"attachment {attachment.name!r} was not inspected in this process")
        # Opened again by this process: the copy must hash to what ``inspect`` read with the
        # person's rights, so another file put in its place is refused, not stored.
        with ITSELF.open(source, "attach", attachment.size) as handle:
            self._store(attachment.sha256, _chunks(handle))
        return self.path_of(attachment.sha256)

    def put(self, data: bytes, name: str, media_type: str | None = None) -> Attachment:
        """Store ``data`` (once, whatever the number of calls) and describe it."""
        digest = hashlib.sha256(data).hexdigest()
        if not self.path_of(digest).exists():
            with self._lock.shared():
                self._store(digest, iter([data]))
        return _described(digest, name, media_type or media_type_of(data[:16]), len(data))

    def put_file(self, source: Path, media_type: str | None = None) -> Attachment:
        """Store a file by streaming it, for scans too large to hold in memory."""
        with ITSELF.open(source, "attach", 1 << 62) as handle:
            digest, size = hashlib.sha256(), 0
            for chunk in _chunks(handle):
                digest.update(chunk)
                size += len(chunk)
            if not self.path_of(digest.hexdigest()).exists():
                handle.seek(0)
                with self._lock.shared():
                    self._store(digest.hexdigest(), _chunks(handle))
        return _described(digest.hexdigest(), source.name, media_type, size)

    def path_of(self, digest: str) -> Path:
        if not _HASH.match(digest):
            raise ValueError(f"not a sha256 hex digest: {digest!r}")
        return self.folder / digest[:2] / digest

    def read(self, attachment: Attachment) -> bytes:
        """The stored bytes, verified against the attachment's hash."""
        path = self.path_of(attachment.sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise StorageError(f"{path}: attachment {attachment.name!r} is missing") from None
        if hashlib.sha256(data).hexdigest() != attachment.sha256:
            raise StorageError(f"{path}: attachment {attachment.name!r} is damaged")
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
        check = hashlib.sha256()

        def hashed() -> Iterator[bytes]:
            for chunk in chunks:
                check.update(chunk)
                yield chunk

        tmp = stage(target, hashed())
        if check.hexdigest() != digest:
            tmp.unlink()
            raise StorageError(f"{target}: the file changed while it was being stored")
        install(tmp, target)


def _described(digest: str, name: str, media_type: str | None, size: int) -> Attachment:
    guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Attachment(sha256=digest, name=Path(name).name, media_type=media_type or guessed, size=size)


def describe_file(source: Path, limit_bytes: int, files: NamedFiles = ITSELF) -> Attachment:
    """A file a person named, checked: opened by ``files`` (a regular file the acting person
    may read, no link followed, within the size limit), a JPEG, PNG, GIF, WebP or PDF by its
    first bytes; its hash, type and size."""
    field = "attach"
    with files.open(source, field, limit_bytes) as handle:
        head = handle.read(16)
        media_type = media_type_of(head)
        if media_type is None:
            raise InvalidInput([Problem(field, "attachment_type", {"path": str(source)})])
        digest, size = hashlib.sha256(head), len(head)
        for chunk in _chunks(handle):  # what is read counts: a file that grows meanwhile is cut off
            digest.update(chunk)
            size += len(chunk)
            if size > limit_bytes:
                mb = {"size": f"{size / 1e6:.1f}", "limit": f"{limit_bytes / 1e6:g}", "path": str(source)}
                raise InvalidInput([Problem(field, "file_too_large", mb)])
    return Attachment(digest.hexdigest(), source.name, media_type, size)


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    while chunk := handle.read(_CHUNK):
        yield chunk
