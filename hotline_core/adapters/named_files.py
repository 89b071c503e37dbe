"""Files a person names: opened with that person's rights, and never waited on.

Through the sudo rule (docs/operations.md) ``hotline`` runs as the service account that owns
the database folder, for a clerk. A path the clerk types (an attachment, an intake file, a
platform export to pull, a workbook to import, a font; a report, an export, a print, a
package or a backup to write) would otherwise be opened with the service account's rights:
the clerk could have ``chain.key`` or another person's private file read into an order, or a
file written where only the service account may write. A pipe or a device named as a file
would make a read wait, or go on, for ever. So every such file is opened here:

* the folders above it are resolved (links followed), then walked one by one from ``/``
  without following a link (a link put in a folder's place meanwhile is refused), and the
  walk may not pass through the database folder;
* the file itself is never a link; it is opened without blocking (a pipe never waits) and
  used only if the opened descriptor is a regular file within the size limit;
* when the process acts for another account (:class:`Account`), that account must be able
  to do it by the permission bits: search every folder on the way, read the file, write
  the folder a file is written into. Acting for itself, the kernel's own check is the rule.

A file is written whole or not at all: to a new temporary name in the opened folder, then
renamed over the name; a link found at the name is refused, never followed.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import BinaryIO, TypeVar

from attrs import frozen

from hotline_core.domain.problems import InvalidInput, Problem, check_path_text

READ, WRITE, SEARCH = 4, 2, 1
FOLDER_MODE = 0o2770
READ_LIMIT = 100 * 1_000_000  # a platform export of a year, a workbook, a CJK font: far below
_PATH_ONLY = getattr(os, "O_PATH", os.O_RDONLY)  # a folder one may search but not list
_FOLDER = os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
T = TypeVar("T")
_READING = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_NOCTTY | os.O_CLOEXEC


@frozen
class Account:
    """The account a person acts with: the uid and every group it is in."""

    uid: int
    groups: frozenset[int] = frozenset()


def may(mode: int, owner: int, group: int, account: Account, want: int) -> bool:
    """Whether ``account`` may ``want`` (``READ | WRITE | SEARCH`` bits) a file of ``mode``,
    ``owner`` and ``group``, read as the kernel reads the bits: the owner's three for the
    owner, the group's for a member, the others' for everyone else (an owner without the bit
    is refused even if others have it). Root may do everything. ACLs are not read: a file
    shared with a person by an ACL alone is refused; share it by its group instead."""
    if account.uid == 0:
        return True
    if account.uid == owner:
        bits = mode >> 6
    elif group in account.groups:
        bits = mode >> 3
    else:
        bits = mode
    return bits & want == want


@frozen
class NamedFiles:
    """Where the files a person names are opened from: never ``database``, and with the rights
    of ``acting`` when the process acts for another account (None: it acts for itself)."""

    database: Path | None = None
    acting: Account | None = None

    def open(self, path: Path, field: str, limit: int = READ_LIMIT) -> BinaryIO:
        """``path`` opened for reading; refused unless it is a regular file within ``limit``
        bytes that the acting account may read, reached through folders it may search."""
        folder, name = self._walk(path, field, "not_yours_to_read")
        try:
            found = _lstat(name, folder, path, field)
            if not stat.S_ISREG(found.st_mode):  # a link, a pipe, a device: never opened
                raise _refused(field, "not_regular_file", path)
            fd = _opened(lambda: os.open(name, _READING, dir_fd=folder), path, field)
        finally:
            os.close(folder)
        handle = os.fdopen(fd, "rb")
        try:
            self._check_file(os.fstat(fd), path, field, limit)
        except BaseException:
            handle.close()
            raise
        return handle

    def read(self, path: Path, field: str, limit: int = READ_LIMIT) -> bytes:
        with self.open(path, field, limit) as handle:
            return handle.read(limit + 1)

    def files_in(self, folder: Path, field: str) -> list[Path]:
        """The regular files directly in ``folder`` (by name), which the acting account may
        list: a folder of platform exports. Links and anything else in it are left out."""
        parent, name = self._walk(folder, field, "not_yours_to_read")
        try:
            fd = _opened(lambda: os.open(name, os.O_RDONLY | _FOLDER, dir_fd=parent), folder, field)
        finally:
            os.close(parent)
        try:
            self._check_folder(os.fstat(fd), folder, field, READ | SEARCH, "not_yours_to_read")
            return [folder / n for n in sorted(os.listdir(fd)) if _is_regular(n, fd)]
        finally:
            os.close(fd)

    def write(self, path: Path, field: str, produce: Callable[[BinaryIO], object]) -> Path:
        """Make ``path`` from what ``produce`` writes into a stream: whole or not at all, 0660
        whatever the umask, in a folder the acting account may write, never through a link."""
        folder, name = self._walk(path, field, "not_yours_to_write")
        try:
            self._check_target(folder, name, path, field)
            buffer = io.BytesIO()
            produce(buffer)
            # Imported here: the storage package imports this module (for its attachments).
            from hotline_core.adapters.storage.files import replace_in

            replace_in(folder, name, buffer.getvalue())
        finally:
            os.close(folder)
        return path

    def folder(self, path: Path, field: str) -> int:
        """An open descriptor of the folder ``path`` (made if it is missing, in a folder the
        acting account may write), which that account may write into; the caller closes it.
        Packages and backups are written inside it by name relative to it."""
        parent, name = self._walk(path, field, "not_yours_to_write")
        try:
            made = False
            if not _is_there(name, parent):
                self._check_folder(os.fstat(parent), path.parent, field, WRITE | SEARCH, "not_yours_to_write")
                with contextlib.suppress(FileExistsError):
                    os.mkdir(name, FOLDER_MODE, dir_fd=parent)
                    made = True
            fd = _opened(lambda: os.open(name, os.O_RDONLY | _FOLDER, dir_fd=parent), path, field)
        finally:
            os.close(parent)
        try:
            if made:
                os.fchmod(fd, FOLDER_MODE)  # the umask is not trusted: what goes in is personal data
            self._check_folder(os.fstat(fd), path, field, WRITE | SEARCH, "not_yours_to_write")
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _walk(self, path: Path, field: str, code: str) -> tuple[int, str]:
        """The real folder ``path`` is in, opened, and the name of ``path`` there. The folder's
        links are resolved first, then every folder from ``/`` is opened without following
        one, and checked: not the database folder, searchable by the acting account."""
        check_path_text(path, field)
        absolute = Path(os.path.abspath(path.expanduser()))
        if absolute.name in ("", ".", ".."):
            raise _refused(field, "not_regular_file", path)
        real = Path(os.path.realpath(absolute.parent))
        fd = _opened(lambda: os.open("/", _FOLDER | _PATH_ONLY), path, field)
        try:
            self._check_folder(os.fstat(fd), path, field, SEARCH, code)
            for part in real.parts[1:]:
                inner = _opened(partial(os.open, part, _FOLDER | _PATH_ONLY, dir_fd=fd), path, field)
                os.close(fd)
                fd = inner
                self._check_folder(os.fstat(fd), path, field, SEARCH, code)
        except BaseException:
            os.close(fd)
            raise
        return fd, absolute.name

    def _check_folder(self, found: os.stat_result, path: Path, field: str, want: int, code: str) -> None:
        if self.database is not None:
            with contextlib.suppress(OSError):
                home = os.stat(self.database)
                if (found.st_dev, found.st_ino) == (home.st_dev, home.st_ino):
                    raise _refused(field, "inside_database", path)
        if self.acting is not None and not may(found.st_mode, found.st_uid, found.st_gid, self.acting, want):
            raise _refused(field, code, path)

    def _check_file(self, found: os.stat_result, path: Path, field: str, limit: int) -> None:
        if not stat.S_ISREG(found.st_mode):
            raise _refused(field, "not_regular_file", path)
        if self.acting is not None and not may(found.st_mode, found.st_uid, found.st_gid, self.acting, READ):
            raise _refused(field, "not_yours_to_read", path)
        if found.st_size > limit:
            sizes = {"size": f"{found.st_size / 1e6:.1f}", "limit": f"{limit / 1e6:g}"}
            raise InvalidInput([Problem(field, "file_too_large", {"path": str(path), **sizes})])

    def _check_target(self, folder: int, name: str, path: Path, field: str) -> None:
        """The folder must take the file (for the acting account: write and search it); a name
        already there must be a regular file, and in a sticky folder (``/tmp``) the acting
        account's own."""
        where = os.fstat(folder)
        self._check_folder(where, path, field, WRITE | SEARCH, "not_yours_to_write")
        try:
            found = os.stat(name, dir_fd=folder, follow_symlinks=False)
        except FileNotFoundError:
            return
        if not stat.S_ISREG(found.st_mode):
            raise _refused(field, "not_regular_file", path)
        sticky = where.st_mode & stat.S_ISVTX
        if self.acting is not None and sticky and self.acting.uid not in (0, found.st_uid, where.st_uid):
            raise _refused(field, "not_yours_to_write", path)


ITSELF = NamedFiles()  # a script or a test acting for itself, with no database to keep out of


def opened_folder(fd: int, path: Path) -> Path:
    """A path to the folder open as ``fd`` (``NamedFiles.folder``) for code that writes by
    path, such as a backup: Linux's ``/proc/self/fd/<fd>`` is that folder whatever is renamed
    or linked in the place of ``path`` after the check. ``path`` itself where there is no
    ``/proc`` (such a system has no sudo rule to act through either)."""
    through = Path(f"/proc/self/fd/{fd}")
    return through if through.is_dir() else path


def _refused(field: str, code: str, path: Path) -> InvalidInput:
    return InvalidInput([Problem(field, code, {"path": str(path)})])


def _opened(call: Callable[[], T], path: Path, field: str) -> T:
    """``call()`` (an ``os.open``, an ``lstat``); a missing file, a link where a folder was or
    a file the service account itself cannot open, said as such in the person's language."""
    try:
        return call()
    except FileNotFoundError:
        raise _refused(field, "no_file", path) from None
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR, errno.ENXIO):
            raise _refused(field, "not_regular_file", path) from None
        raise InvalidInput(
            [Problem(field, "cannot_read", {"path": str(path), "reason": _reason(error)})]
        ) from None


def _lstat(name: str, folder: int, path: Path, field: str) -> os.stat_result:
    return _opened(lambda: os.stat(name, dir_fd=folder, follow_symlinks=False), path, field)


def _is_regular(name: str, folder: int) -> bool:
    """Whether ``name`` in ``folder`` is a regular file (not a link to one); False if it went."""
    try:
        return stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)
    except FileNotFoundError:
        return False


def _is_there(name: str, folder: int) -> bool:
    try:
        os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


__all__ = ["ITSELF", "READ", "READ_LIMIT", "SEARCH", "WRITE", "Account", "NamedFiles", "may", "opened_folder"]
