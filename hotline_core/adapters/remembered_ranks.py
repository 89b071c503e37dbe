"""The orders' ranks remembered beside the database, for the next UI start.

After reading every order, a clerk's UI leaves the ranks it worked out
(``domain.ranking``) in ``ranks.json`` in the database folder; the next start,
by any clerk, reads the most urgent page by them instead of reading every order
first (``services.queue``). Each rank is kept with a checksum of the order's
stored line and of the settings' line it was worked out under: a rank is used
only while both are byte for byte the same, so an order changed since (by any
process) or a new calendar or policy is worked out again, never guessed.

The file is a hint, not data: it is not in the journal, ``check`` does not read it,
and losing, damaging or forging it costs only the first page's speed or order for
the moment the full read takes. It is read without following a link and only if
it is a regular file of sensible size, so nothing planted there can hang a start.
"""

from __future__ import annotations

import contextlib
import math
import os
import stat
import zlib
from collections.abc import Mapping
from pathlib import Path

import orjson
from attrs import frozen

from hotline_core.adapters.serialization import CONVERTER
from hotline_core.adapters.storage.files import write_atomic
from hotline_core.adapters.storage.view import Reader
from hotline_core.domain import rest_days
from hotline_core.domain.ranking import Rank, Standing

FILE_NAME = "ranks.json"
_STANDINGS = tuple(Standing)  # by value: 0, 1, 2
_LARGEST = 64 * 1024 * 1024  # far beyond 100,000 orders' ranks (about 4 MB)


@frozen
class RememberedRanks:
    """The ranks as stored: columns, one item per order, to read fast."""

    settings: int  # the checksum of the settings' line
    orders: tuple[str, ...]
    lines: tuple[int, ...]  # the checksum of each order's line
    standings: tuple[int, ...]
    keys: tuple[float, ...]


def checksums(reader: Reader, table: str) -> dict[str, int]:
    """Each stored line's CRC-32: a change of any byte shows (a cache key, not a seal)."""
    lines = reader.lines(table)
    return dict(zip(lines.keys(), map(zlib.crc32, lines.values()), strict=True))


def settings_checksum(line: int) -> int:
    """The checksum a rank's settings are known by: the settings' line (``line``, its CRC-32)
    and the release of ``holidays`` installed, which gives the calendar its rest days
    (``rest_days``): a new release (each year's State Council notice) moves due times as a
    new settings line does, and must make the remembered ranks stale as well."""
    return zlib.crc32((rest_days.installed_version() or "").encode(), line)


def still_valid(
    remembered: RememberedRanks | None, orders: Mapping[str, int], settings: int
) -> dict[str, Rank]:
    """The remembered ranks of the orders whose line (``orders``: checksums by id) and
    settings are what they were when the ranks were worked out."""
    if remembered is None or remembered.settings != settings:
        return {}
    columns = zip(remembered.orders, remembered.lines, remembered.standings, remembered.keys, strict=True)
    return {
        order_id: Rank(_STANDINGS[standing], key)
        for order_id, line, standing, key in columns
        if orders.get(order_id) == line
    }


def to_remember(ranks: Mapping[str, Rank], orders: Mapping[str, int], settings: int) -> RememberedRanks:
    """``ranks`` of orders present in ``orders`` (checksums by id), ready to store."""
    kept = [(order_id, rank) for order_id, rank in ranks.items() if order_id in orders]
    return RememberedRanks(
        settings=settings,
        orders=tuple(order_id for order_id, _ in kept),
        lines=tuple(orders[order_id] for order_id, _ in kept),
        standings=tuple(int(rank.standing) for _, rank in kept),
        keys=tuple(rank.key for _, rank in kept),
    )


def read(folder: Path) -> RememberedRanks | None:
    """The remembered ranks, or None when there are none usable (absent, damaged, odd file)."""
    try:
        fd = os.open(folder / FILE_NAME, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _LARGEST:
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(_LARGEST + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        remembered = CONVERTER.structure(orjson.loads(data), RememberedRanks)
    except Exception:  # any damage means: no hint (the full read follows anyway)
        return None
    return remembered if _sound(remembered) else None


def _sound(remembered: RememberedRanks) -> bool:
    """Columns of one length, standings known, keys finite: what ``still_valid`` relies on."""
    count = len(remembered.orders)
    lengths = {len(remembered.lines), len(remembered.standings), len(remembered.keys)}
    known = set(range(len(_STANDINGS)))
    return (
        lengths == {count}
        and set(remembered.standings) <= known
        and all(math.isfinite(key) for key in remembered.keys)
    )


def write(folder: Path, remembered: RememberedRanks) -> None:
    """Replace the file whole; a folder this process may not write keeps the old one."""
    # A read-only copy, a full disk: the next start reads every order, as without the file.
    with contextlib.suppress(OSError):
        write_atomic(folder / FILE_NAME, orjson.dumps(CONVERTER.unstructure(remembered)))


class KeptInFolder:
    """Ranks kept in the database folder's ``ranks.json``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load(self) -> RememberedRanks | None:
        return read(self.folder)

    def save(self, remembered: RememberedRanks) -> None:
        write(self.folder, remembered)


class KeptInMemory:
    """Ranks kept as long as the object lives (the in-memory database)."""

    def __init__(self) -> None:
        self.remembered: RememberedRanks | None = None

    def load(self) -> RememberedRanks | None:
        return self.remembered

    def save(self, remembered: RememberedRanks) -> None:
        self.remembered = remembered
