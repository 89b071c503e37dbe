"""Durable, permission-explicit file operations: the only place that writes.

The data is sensitive personal information shared by one Unix group, so
every file and folder we create gets an explicit chmod (the creator's umask
is not trusted). Replacing a file goes through a temporary file in the same
folder, fsync, ``os.replace`` and an fsync of the folder, so a crash leaves
either the old or the new file, never a mix.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

FILE_MODE = 0o660
DIR_MODE = 0o2770
_TEMP_MARK = ".tmp-"
_CHUNK = 1 << 20
_NO_WRITE = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


def cannot_write(error: OSError) -> bool:
    """A full disk, a read-only copy or a folder we may only read: reading still works."""
    return error.errno in _NO_WRITE


def sha256_of(path: Path) -> str:
    """The sha256 of a file, read in chunks (attachments and backups may be large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def temp_path(path: Path) -> Path:
    """A unique hidden sibling of ``path``, recognisable as ours by its name."""
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    return path.with_name(f".{path.name}{_TEMP_MARK}{token}")


def is_temp(name: str) -> bool:
    return name.startswith(".") and _TEMP_MARK in name


def create_file(path: Path, mode: int = FILE_MODE) -> int:
    """Create a new file (never an existing one, never through a link) with the group-only mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW, mode)
    os.fchmod(fd, mode)
    return fd


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def stage(path: Path, chunks: Iterable[bytes], mode: int = FILE_MODE) -> Path:
    """Write a new temporary sibling of ``path`` and fsync it; ``install`` puts it in place.

    Every byte is on disk before anything is replaced, so a full disk fails
    here, where nothing has changed yet.
    """
    tmp = temp_path(path)
    fd = create_file(tmp, mode)
    try:
        for chunk in chunks:
            write_all(fd, chunk)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp


def install(tmp: Path, path: Path) -> None:
    """Put a staged file in place of ``path``, durably."""
    os.replace(tmp, path)
    fsync_dir(path.parent)


def discard(staged: Iterable[Path]) -> None:
    for tmp in staged:
        tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves old or new, whole."""
    install(stage(path, [data]), path)


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Make ``path`` with ``write(temporary)`` (a library that writes to a name: a spreadsheet),
    so that it is whole or absent, and 0660 whatever the umask (exports hold personal data)."""
    tmp = stage(path, [])
    try:
        write(tmp)
        fd = os.open(tmp, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        try:
            os.fchmod(fd, FILE_MODE)  # a writer that replaced the file made it with the umask
            os.fsync(fd)
        finally:
            os.close(fd)
        install(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def append_durably(path: Path, data: bytes) -> int:
    """Append and fsync; returns the file's size afterwards.

    Should writing or the fsync fail (a full disk), what was appended is cut
    off again, so the file is as it was and the caller may say nothing changed.
    """
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CLOEXEC)
    try:
        start = os.lseek(fd, 0, os.SEEK_END)
        try:
            write_all(fd, data)
            os.fsync(fd)
        except OSError:
            os.ftruncate(fd, start)
            os.fsync(fd)
            raise
        return os.lseek(fd, 0, os.SEEK_CUR)
    finally:
        os.close(fd)


def truncate_durably(path: Path, size: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC)
    try:
        os.ftruncate(fd, size)
        os.fsync(fd)
    finally:
        os.close(fd)


def make_dirs(folder: Path) -> None:
    """Create ``folder`` and missing parents, each chmod-ed to the shared mode."""
    if folder.is_dir():
        return
    make_dirs(folder.parent)
    try:
        os.mkdir(folder, DIR_MODE)
    except FileExistsError:
        return
    os.chmod(folder, DIR_MODE)
    fsync_dir(folder.parent)


def open_folder_in(parent: int, name: str) -> int:
    """A folder ``name`` inside the open folder ``parent``, made (0o2770) when missing, opened
    without following a link: a folder someone else can write to may hold a symbolic link
    placed there to have us write into a file we own (``ELOOP`` or ``ENOTDIR`` says so)."""
    try:
        os.mkdir(name, DIR_MODE, dir_fd=parent)
        made = True
    except FileExistsError:
        made = False
    fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=parent)
    if made:
        os.fchmod(fd, DIR_MODE)
    return fd


def write_in(folder: int, name: str, data: bytes) -> None:
    """:func:`replace_in`, then the folder synced too, so the new name survives a crash."""
    replace_in(folder, name, data)
    os.fsync(folder)


def replace_in(folder: int, name: str, data: bytes) -> None:
    """Put ``data`` at ``name`` in the open folder ``folder``, 0660, whole or not at all: written
    to a new temporary sibling (never through a link) and renamed over the name, which
    replaces a link found there instead of writing where it points. ``folder`` may be opened
    for its path only (``O_PATH``): it is not synced here."""
    tmp = temp_path(Path(name)).name
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW
    fd = os.open(tmp, flags, FILE_MODE, dir_fd=folder)
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=folder)
        raise


def copy_stream(source: IO[bytes], target: Path, limit: int | None = None, mode: int = FILE_MODE) -> None:
    """Copy up to ``limit`` bytes of an open file into a new durable file."""
    fd = create_file(target, mode)
    try:
        remaining = limit
        while remaining is None or remaining > 0:
            chunk = source.read(_CHUNK if remaining is None else min(_CHUNK, remaining))
            if not chunk:
                break
            write_all(fd, chunk)
            if remaining is not None:
                remaining -= len(chunk)
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_leftovers(folders: Iterable[Path]) -> list[Path]:
    """Delete temporary files a killed writer left behind.

    Call only while holding the exclusive lock: temporary files are created
    only under a lock, so any found then belongs to a dead process.
    """
    removed = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for entry in os.scandir(folder):
            if is_temp(entry.name) and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
