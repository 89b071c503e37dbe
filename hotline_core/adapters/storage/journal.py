"""The append-only journal: one JSON line per committed transaction.

A line is ``{"crc":"1a2b3c4d","seq":N,"v":SCHEMA,"ops":[...],"mac":"..."}``;
the CRC-32 covers everything after the crc field, so a flipped byte is found
by ``check()`` even where it still parses; the mac chains the line to the one
before it (``chain``), so a line rewritten with a recomputed CRC is found too.
``seq`` numbers transactions from 1 without gaps; the working file records
the last ``seq`` it contains and the journal size at that point (``journal_end``), which is how a transaction
killed between its journal append and its file replace is found and replayed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from attrs import frozen

from hotline_core.adapters.storage import chain
from hotline_core.adapters.storage.errors import DatabaseDamaged
from hotline_core.adapters.storage.files import append_durably
from hotline_core.adapters.storage.layout import doc_bytes, dump, make_line
from hotline_core.adapters.storage.names import check_key, check_table
from hotline_core.adapters.storage.paths import check_period

_CRC_HEAD = b'{"crc":"'
_BODY_AT = len(_CRC_HEAD) + 10
_SEQ = re.compile(rb'"seq":([0-9]+),')


@frozen
class Put:
    table: str
    key: str
    line: bytes


@frozen
class Remove:
    table: str
    key: str


@frozen
class Archive:
    table: str
    keys: tuple[str, ...]
    period: str


Op = Put | Remove | Archive


@frozen
class Record:
    seq: int
    schema: int
    ops: tuple[Op, ...]


@frozen
class Line:
    """One journal line as ``scan`` finds it: a record or the reason it is bad."""

    number: int
    end: int
    record: Record | None
    problem: str | None = None
    torn: bool = False
    covered: bytes = b""
    mac: bytes | None = None


def encode(record: Record, key: bytes, previous: bytes) -> tuple[bytes, bytes]:
    """The line of ``record`` chained after the line whose mac is ``previous``, and its mac."""
    ops = b",".join(_encode_op(op) for op in record.ops)
    covered = b'"seq":%d,"v":%d,"ops":[%s]' % (record.seq, record.schema, ops)
    mac = chain.link(key, previous, covered)
    body = chain.seal(covered, mac)
    return _CRC_HEAD + b"%08x" % zlib.crc32(body) + b'",' + body + b"\n", mac


def _encode_op(op: Op) -> bytes:
    where = b'"table":' + dump(op.table)
    if isinstance(op, Put):
        return (
            b'{"op":"put",'
            + where
            + b',"key":'
            + dump(op.key)
            + b',"doc":'
            + doc_bytes(op.key, op.line)
            + b"}"
        )
    if isinstance(op, Remove):
        return b'{"op":"remove",' + where + b',"key":' + dump(op.key) + b"}"
    return (
        b'{"op":"archive",'
        + where
        + b',"keys":'
        + dump(list(op.keys))
        + b',"period":'
        + dump(op.period)
        + b"}"
    )


def decode(line: bytes) -> Record:
    """Parse one complete line (without its newline); ``ValueError`` says why not."""
    if not line.startswith(_CRC_HEAD) or line[_BODY_AT - 2 : _BODY_AT] != b'",':
        raise ValueError("no checksum")
    body = line[_BODY_AT:]
    if int(line[len(_CRC_HEAD) : _BODY_AT - 2], 16) != zlib.crc32(body):
        raise ValueError("checksum mismatch")
    data = json.loads(b"{" + body)
    seq, schema, ops = data.get("seq"), data.get("v"), data.get("ops")
    if type(seq) is not int or seq < 1 or type(schema) is not int or not isinstance(ops, list):
        raise ValueError("wrong shape")
    return Record(seq=seq, schema=schema, ops=tuple(_decode_op(op) for op in ops))


def _decode_op(data: Any) -> Op:
    if not isinstance(data, dict):
        raise ValueError("an operation is not an object")
    kind, table = data.get("op"), check_table(data.get("table"))  # type: ignore[arg-type]
    if kind == "put" and isinstance(data.get("doc"), dict):
        key = check_key(data.get("key"))  # type: ignore[arg-type]
        return Put(table=table, key=key, line=make_line(key, data["doc"]))
    if kind == "remove":
        return Remove(table=table, key=check_key(data.get("key")))  # type: ignore[arg-type]
    if kind == "archive" and isinstance(data.get("keys"), list):
        keys = tuple(check_key(key) for key in data["keys"])
        return Archive(table=table, keys=keys, period=check_period(data.get("period")))  # type: ignore[arg-type]
    raise ValueError(f"unknown operation {kind!r}")


def append(path: Path, line: bytes) -> int:
    """Append durably (fsync) and return the journal's new size."""
    return append_durably(path, line)


def read_after(path: Path, start: int) -> tuple[list[tuple[Record, int]], int | None]:
    """Records after byte ``start`` with their end offsets, and where a torn tail begins.

    A torn tail (bytes with no newline at the end) is what a writer killed
    inside its append leaves: that transaction was never reported committed.
    """
    with open(path, "rb") as handle:
        handle.seek(start)
        data = handle.read()
    records, offset = [], start
    *complete, tail = data.split(b"\n")
    for line in complete:
        offset += len(line) + 1
        records.append((_decode_or_damaged(path, line, f"record after byte {start}"), offset))
    return records, (offset if tail else None)


def _decode_or_damaged(path: Path, line: bytes, where: str) -> Record:
    try:
        return decode(line)
    except ValueError as error:
        raise DatabaseDamaged(path, f"{where}: {error}") from None


def seq_ending_at(path: Path, end: int) -> int:
    """The seq of the record whose line ends exactly at byte ``end``.

    Checks the line's CRC but does not parse its documents, nor copy them: the
    last transaction may be a bulk intake of megabytes, and this runs on open.
    """
    line = _line_ending_at(path, end)
    if not line.endswith(b"\n") or line[_BODY_AT - 2 : _BODY_AT] != b'",':
        raise DatabaseDamaged(path, f"no complete record ends at byte {end}")
    found = _SEQ.match(line, _BODY_AT)
    crc = zlib.crc32(memoryview(line)[_BODY_AT:-1])
    if found is None or line[len(_CRC_HEAD) : _BODY_AT - 2].lower() != b"%08x" % crc:
        raise DatabaseDamaged(path, f"the record ending at byte {end} is damaged")
    return int(found[1])


def _line_ending_at(path: Path, end: int) -> bytes:
    with open(path, "rb") as handle:
        start = end - 1
        while start > 0:
            step = min(start, 1 << 16)
            handle.seek(start - step)
            cut = handle.read(step).rfind(b"\n")
            if cut >= 0:
                start = start - step + cut + 1
                break
            start -= step
        handle.seek(max(start, 0))
        return handle.read(end - max(start, 0))


def scan(path: Path, limit: int | None = None) -> Iterator[Line]:
    """Every line of the journal (up to byte ``limit``), damaged ones reported, not raised."""
    with open(path, "rb") as handle:
        end = 0
        for number, raw in enumerate(handle, start=1):
            if limit is not None and end + len(raw) > limit:
                raw = raw[: limit - end]
            end += len(raw)
            if not raw.endswith(b"\n"):
                if raw:
                    yield Line(number, end, None, "incomplete last line", torn=True)
                return
            covered, mac = chain.split_mac(raw[_BODY_AT:-1])
            try:
                yield Line(number, end, decode(raw[:-1]), covered=covered, mac=mac)
            except ValueError as error:
                yield Line(number, end, None, str(error), covered=covered, mac=mac)


def is_chained(path: Path, end: int) -> bool:
    """Whether the line ending at ``end`` carries a mac (an empty journal counts as chained)."""
    return end == 0 or _mac_ending_at(path, end) is not None


def _mac_ending_at(path: Path, end: int) -> bytes | None:
    """The mac of the line ending at ``end``, reading only its last bytes (a bulk intake's
    line may be megabytes long)."""
    with open(path, "rb") as handle:
        start = max(0, end - chain.TAIL - 1)
        handle.seek(start)
        tail = handle.read(end - start)
    return chain.mac_of(tail[:-1]) if tail.endswith(b"\n") else None


def chain_head(path: Path, end: int, key: bytes) -> bytes:
    """The chain value of the line ending at byte ``end`` (``chain.START`` for none).

    Read from that line's mac; a journal written before chaining has none, and
    its chain is computed over every line once, which is how its old history
    enters the chain at the first line written after it.
    """
    if end == 0:
        return chain.START
    mac = _mac_ending_at(path, end)
    if mac is not None:
        return mac
    head = chain.START
    for line in scan(path, end):
        head = chain.link(key, head, line.covered)
    return head


def digest(path: Path, seq: int | None = None) -> tuple[int, int, str]:
    """(seq, bytes, sha256) of the journal up to the end of record ``seq`` (default: the last).

    The sha256 of the first ``bytes`` bytes of the file, so an operator can
    recompute it with ``head -c BYTES journal.jsonl | sha256sum``.
    """
    hashed, last, end = hashlib.sha256(), 0, 0
    with open(path, "rb") as handle:
        for raw in handle:
            found = _SEQ.match(raw, _BODY_AT) if raw.endswith(b"\n") else None
            if found is None:
                break
            hashed.update(raw)
            last, end = int(found[1]), end + len(raw)
            if last == seq:
                break
    if seq is not None and last != seq:
        raise DatabaseDamaged(path, f"no record of seq {seq} (the last is {last})")
    return last, end, hashed.hexdigest()


def size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return -1
