"""Loading and saving the files of one database folder.

Every load reads the file from disk; the last working image is kept only
to skip work, never to answer: if the bytes on disk equal the bytes we
last saw, the parse is reused, and otherwise only the lines that changed
are parsed (``layout.decode``). So a write never starts from a stale state,
yet an update of a 4 MB working file costs milliseconds, not a full parse,
and a clerk's start-up (the open, the login's check, the UI's reads)
decodes the working file once, however often it reads it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from attrs import frozen

from hotline_core.adapters.storage import chain
from hotline_core.adapters.storage.errors import DatabaseDamaged, SchemaTooNew
from hotline_core.adapters.storage.files import install, make_dirs, stage, write_atomic
from hotline_core.adapters.storage.layout import Image, Meta, decode, encode
from hotline_core.adapters.storage.paths import Paths
from hotline_core.adapters.storage.schema import Schema, upgrade


@frozen(eq=False)
class Staged:
    """A file written to its temporary name, to be put in place once the journal has it."""

    path: Path
    temporary: Path
    raw: bytes
    image: Image


class Store:
    """Reads, validates, migrates and atomically writes the database files."""

    def __init__(self, paths: Paths, schema: Schema) -> None:
        self.paths = paths
        self.schema = schema
        self._mutex = threading.Lock()
        self._last: tuple[bytes, Image] | None = None

    def key(self) -> bytes:
        """The history key, read at each commit (a restore may have put another in place);
        a chained database without it can be read, not extended."""
        key = chain.read_key(self.paths.key)
        if key is None:
            raise DatabaseDamaged(self.paths.key, "missing: the history cannot be extended or verified")
        return key

    def working(self) -> tuple[bytes, Image]:
        """The working file as it is on disk now, validated."""
        path = self.paths.working
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise DatabaseDamaged(path, "missing: restore a backup or rebuild from the journal") from None
        return raw, self.decode_working(raw)

    def decode_working(self, raw: bytes) -> Image:
        with self._mutex:
            last = self._last
        if last is not None and last[0] == raw:
            return last[1]
        path = self.paths.working
        image = self._checked(path, decode(path, raw, last[1] if last else None), "working")
        with self._mutex:
            self._last = (raw, image)
        return image

    def archive(self, period: str) -> tuple[bytes | None, Image]:
        """An archive file, or an empty one at the current version if there is none."""
        try:
            raw = self.paths.archive(period).read_bytes()
        except FileNotFoundError:
            return None, _empty_archive(period, self.schema.version)
        return raw, self.decode_archive(period, raw)

    def decode_archive(self, period: str, raw: bytes) -> Image:
        path = self.paths.archive(period)
        image = self._checked(path, decode(path, raw), "archive")
        if image.meta.period != period:
            raise DatabaseDamaged(path, f"wrong shape: holds period {image.meta.period!r}, not {period}")
        return image

    def archive_for_write(self, period: str, version: int | None = None) -> Image:
        """An archive about to be added to, at ``version`` (default: current)."""
        raw, image = self.archive(period)
        if raw is None:
            return _empty_archive(period, version or self.schema.version)
        return self.migrated(self.paths.archive(period), raw, image, version)

    def migrated(self, path: Path, raw: bytes, image: Image, version: int | None = None) -> Image:
        """``image`` at ``version`` (default: current); keeps a copy of the old file first."""
        goal = self.schema.version if version is None else version
        if image.meta.schema >= goal:
            return image
        self._keep_copy(path, raw, image.meta)
        return upgrade(image, self.schema, goal)

    def save(self, path: Path, image: Image) -> None:
        self.install(self.stage(path, image))

    def stage(self, path: Path, image: Image) -> Staged:
        """The file written beside ``path``, not yet in place (``install``)."""
        raw = encode(image)
        if path.parent != self.paths.folder:
            make_dirs(path.parent)
        return Staged(path, stage(path, [raw]), raw, image)

    def install(self, staged: Staged) -> None:
        install(staged.temporary, staged.path)
        if staged.path == self.paths.working:
            with self._mutex:
                self._last = (staged.raw, staged.image)

    def _checked(self, path: Path, image: Image, kind: str) -> Image:
        if image.meta.kind != kind:
            raise DatabaseDamaged(
                path, f"wrong shape: a {image.meta.kind} file where the {kind} file belongs"
            )
        if image.meta.schema > self.schema.version:
            raise SchemaTooNew(
                path,
                f"schema version {image.meta.schema} is newer than this program knows "
                f"({self.schema.version}): upgrade hotline",
            )
        return image

    def _keep_copy(self, path: Path, raw: bytes, meta: Meta) -> None:
        folder = self.paths.pre_migration / f"v{meta.schema}-seq{meta.seq}"
        copy = folder / path.relative_to(self.paths.folder)
        if copy.exists():
            return
        make_dirs(copy.parent)
        write_atomic(copy, raw)


def _empty_archive(period: str, version: int) -> Image:
    """The archive of a period nothing was archived to yet."""
    return Image(meta=Meta(kind="archive", schema=version, seq=0, period=period), tables={})
