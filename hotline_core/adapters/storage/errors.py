"""The one exception hierarchy of the storage engine.

Every message is a single line that names the file and the reason, so the
command line can print ``str(error)`` as it is and a clerk or an operator
knows which file to look at (docs/operations.md says what to do next).
"""

from __future__ import annotations

from pathlib import Path


def _one_line(text: str) -> str:
    return " ".join(text.split())


class StorageError(Exception):
    """Base of every failure the storage engine reports on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(_one_line(message))


class DatabaseDamaged(StorageError):
    """A file is unreadable or not what it should be; it is left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = _one_line(reason)
        super().__init__(f"{self.path}: {self.reason}")


class SchemaTooNew(DatabaseDamaged):
    """A newer program wrote the file; this one must not guess at its shape."""


class DatabaseNotFound(StorageError):
    """No database at the folder, and creating one was not asked for."""

    def __init__(self, path: Path, reason: str = "no database here") -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: {reason}")


class DatabaseExists(StorageError):
    """Refusal to overwrite a live database without being told to."""

    def __init__(self, path: Path, reason: str = "a database is already here") -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: {reason}")


class LockTimeout(StorageError):
    """Another process held the database lock for longer than we wait."""

    def __init__(self, path: Path, seconds: float, purpose: str) -> None:
        self.path = Path(path)
        self.seconds = seconds
        super().__init__(
            f"{self.path}: database busy, no {purpose} lock within {seconds:g} s "
            "(another hotline process holds it; try again)"
        )


class DocumentNotFound(StorageError):
    """An operation named a document that is not in the working file."""

    def __init__(self, table: str, key: str) -> None:
        self.table = table
        self.key = key
        super().__init__(f"no document {key!r} in table {table!r}")
