"""Files a person names are opened with that person's rights: the value the edge hands the use cases.

The command line and the screens know who acts (``hotline_tui.cli.context``: through the sudo
rule, the clerk sudo names, not the service account the process runs as) and give every use
case that reads or writes a file a person named a :class:`NamedFiles` saying so
(docs/security.md, "Files a person names").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hotline_core.adapters.named_files import Account, NamedFiles

if TYPE_CHECKING:  # the edge imports this module at start: it loads no use case and no model
    from hotline_core.services.ports import Repository


def named_files_of(repo: Repository, files: NamedFiles | None) -> NamedFiles:
    """``files`` as the edge gave it; else the process acting for itself, outside ``repo``'s folder
    (a script or a test that opened the database itself)."""
    return files if files is not None else NamedFiles(repo.folder)


def read_named(files: NamedFiles, path: Path, field: str) -> bytes:
    """The bytes of a file a person named (an intake file, a scenario, a text), read as ``files``
    allows: a regular file within the size limit the acting person may read."""
    return files.read(path, field)


__all__ = ["Account", "NamedFiles", "named_files_of", "read_named"]
