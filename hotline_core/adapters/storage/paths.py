"""Where each file of a database folder lives, and the archive period names.

One folder holds everything, so a backup, a restore or a chgrp is about one
folder::

    working.json          the open documents (TinyDB JSON layout)
    journal.jsonl         every committed change, one JSON line each
    archive/2026Q3.json   documents moved out of the working file, per quarter
    attachments/ab/<sha256>
    chain.key             the history key (0600, the service account only)
    lock                  the sidecar lock file
    pre-migration/        copies kept before a schema migration
    replaced/             what a restore replaced
"""

from __future__ import annotations

import re
from pathlib import Path

from attrs import frozen

_PERIOD = re.compile(r"[0-9]{4}Q[1-4]\Z")


def check_period(period: str) -> str:
    """Refuse anything but ``YYYYQn``: the name becomes a file name."""
    if not isinstance(period, str) or not _PERIOD.match(period):
        raise ValueError(f"archive period must look like 2026Q3, not {period!r}")
    return period


@frozen
class Paths:
    folder: Path

    @property
    def working(self) -> Path:
        return self.folder / "working.json"

    @property
    def journal(self) -> Path:
        return self.folder / "journal.jsonl"

    @property
    def key(self) -> Path:
        return self.folder / "chain.key"

    @property
    def lock(self) -> Path:
        return self.folder / "lock"

    @property
    def archive_dir(self) -> Path:
        return self.folder / "archive"

    @property
    def attachments(self) -> Path:
        return self.folder / "attachments"

    @property
    def pre_migration(self) -> Path:
        return self.folder / "pre-migration"

    @property
    def replaced(self) -> Path:
        return self.folder / "replaced"

    def archive(self, period: str) -> Path:
        return self.archive_dir / f"{check_period(period)}.json"

    def periods(self) -> list[str]:
        """The periods that have an archive file, oldest first."""
        if not self.archive_dir.is_dir():
            return []
        names = (p.name.removesuffix(".json") for p in self.archive_dir.glob("*.json"))
        return sorted(n for n in names if _PERIOD.match(n))

    def temp_folders(self) -> list[Path]:
        """Folders where a killed writer may have left a temporary file."""
        folders = [self.folder, self.archive_dir, self.attachments]
        if self.attachments.is_dir():
            folders += [p for p in self.attachments.iterdir() if p.is_dir()]
        return folders
