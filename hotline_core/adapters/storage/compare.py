"""The working and archive files compared with what the journal says they hold.

The journal is the authenticated history (``chain``); the working file and
the archives are what commands read. So a hand edit of those files, which
no journal line explains, is found by replaying the journal in memory and
comparing document by document: each altered, missing or extra document is
named with its table and key, and an altered one with the fields that
differ (``events[3].actor``), never with their values (they are personal
data and the report may be read by others).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from hotline_core.adapters.storage.journal import Record
from hotline_core.adapters.storage.layout import Image, Lines, Meta, load_doc
from hotline_core.adapters.storage.replay import Replay
from hotline_core.adapters.storage.schema import Schema, upgrade

_EMPTY: Lines = {}
_MOST_FIELDS = 6


def expected_files(
    records: Iterable[Record], schema: Schema, working_seq: int, archive_seqs: Mapping[str, int]
) -> tuple[Image | None, dict[str, Image]]:
    """The working file as of ``working_seq`` and each archive as of its own seq (a crash may
    have left an archive one change ahead of the working file), as the journal builds them."""
    replay: Replay | None = None
    working: Image | None = None
    archives: dict[str, Image] = {}
    last = 0
    for record in records:
        replay = replay or Replay(schema, record.schema)
        replay.apply(record)
        last = record.seq
        if record.seq == working_seq:
            working = _frozen(replay.changes.working(record.seq, 0))
            archives = {p: _frozen(image) for p, image in replay.settled(last).items()}
    if replay is None:
        empty = Image(meta=Meta(kind="working", schema=1, seq=0), tables={})
        return (empty if working_seq == 0 else None), {}
    if working_seq == 0:
        working = Image(meta=Meta(kind="working", schema=replay.changes.base.meta.schema, seq=0), tables={})
    final = replay.settled(last)
    ahead = {p: final[p] for p, seq in archive_seqs.items() if seq > working_seq and p in final}
    return working, {**archives, **ahead}


def _frozen(image: Image) -> Image:
    """A copy the rest of the replay cannot change."""
    return Image(meta=image.meta, tables={name: dict(lines) for name, lines in image.tables.items()})


def differences(path: Path, actual: Image, expected: Image, schema: Schema) -> list[tuple[Path, str]]:
    """Each document of ``actual`` that the journal does not account for, and each one missing."""
    if expected.meta.schema < actual.meta.schema:
        expected = upgrade(expected, schema, actual.meta.schema)
    found: list[tuple[Path, str]] = []
    for table in sorted(set(actual.tables) | set(expected.tables)):
        have, want = actual.tables.get(table, _EMPTY), expected.tables.get(table, _EMPTY)
        for key in sorted(set(have) | set(want)):
            if key not in want:
                found.append((path, f"{table} {key}: extra, no journal record put it here"))
            elif key not in have:
                found.append((path, f"{table} {key}: missing, the journal puts it here"))
            elif have[key] != want[key]:
                fields = changed_fields(load_doc(key, have[key]), load_doc(key, want[key]))
                if fields:
                    shown = ", ".join(fields[:_MOST_FIELDS]) + (" ..." if len(fields) > _MOST_FIELDS else "")
                    found.append((path, f"{table} {key}: altered, differs from the journal in {shown}"))
    return found


def changed_fields(have: Any, want: Any, where: str = "") -> list[str]:
    """The paths (``events[3].actor``) at which two JSON values differ."""
    if isinstance(have, Mapping) and isinstance(want, Mapping):
        return [
            field
            for name in sorted(set(have) | set(want), key=str)
            for field in changed_fields(have.get(name), want.get(name), f"{where}.{name}" if where else name)
        ]
    if isinstance(have, list) and isinstance(want, list):
        fields = [
            field
            for index, (one, other) in enumerate(zip(have, want, strict=False))
            for field in changed_fields(one, other, f"{where}[{index}]")
        ]
        shorter, longer = sorted((len(have), len(want)))
        extra = "extra" if len(have) > len(want) else "missing"
        fields += [f"{where}[{index}] ({extra})" for index in range(shorter, longer)]
        return fields
    return [] if have == want and type(have) is type(want) else [where or "(whole document)"]
