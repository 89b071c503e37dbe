"""The working and archive files: TinyDB's JSON layout, one document a line.

The file is what TinyDB stores (``{table: {doc_id: document}}``) plus a
``_meta`` table, written compact and unescaped (Chinese text stays UTF-8,
1.7x smaller than TinyDB's default). Each document sits on its own line::

    {"_meta":{"db":{"kind":"working","schema":1,"seq":7,"journal_end":4711}}
    ,"orders":{
    "A1":{...}
    ,"A2":{...}
    }
    }

Why lines: re-reading a 4 MB file under the lock then costs a split and a
dictionary look-up per line instead of a full JSON parse, because a line
seen before (same bytes) was already validated; only new lines are parsed.
Writing joins the stored lines and serialises only the changed documents.
Lines and documents are parsed with ``orjson``, three times faster than the
standard library: a clerk's start-up parses every line twice (checking the
file, then reading the orders), 0.2 s less for 10,000 orders. A new line's
key is read from its bytes when ``dump`` wrote it with nothing to escape, so
only its document is parsed to check it. The documents parsed by the check
are not kept for the first read: that saves the second parse (about 0.15 s
of reading 10,000 orders) but costs the open about 0.05 s, on the way to the
UI's first page, which is shown before every order is read. ``orjson``
reads an integer beyond 64 bits as a float, so a document with 19 digits in
a row anywhere goes to the standard library, which keeps every JSON number
exactly. Writing stays with the standard library's encoder, so the bytes of
a line never depend on which parser read it.
A file in any other layout (hand-edited, written by plain TinyDB) is still
read, through the strict slow path, and rewritten in this layout.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from itertools import islice
from pathlib import Path
from typing import Any

import orjson
from attrs import frozen

from hotline_core.adapters.storage.errors import DatabaseDamaged
from hotline_core.adapters.storage.names import check_table

Lines = Mapping[str, bytes]
META_TABLE = "_meta"
_HEAD = b'{"_meta":'
# Every byte as "0" (an ASCII digit) or " " (anything else): finding 19 digits in a row
# is then one substring search, ten times faster than a regular expression.
_DIGIT_OR_NOT = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))
_LONG_DIGIT_RUN = b"0" * 19
# ``"key":{`` as ``dump`` writes a key with nothing to escape (no quote, backslash or control
# character): the key is these bytes, so only the document after it needs parsing.
_PLAIN_KEY = re.compile(rb'"([^"\\\x00-\x1f]+)":\{')


@frozen
class Meta:
    """What a file says about itself; ``seq`` is the last transaction in it."""

    kind: str
    schema: int
    seq: int
    journal_end: int = 0
    period: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "schema": self.schema, "seq": self.seq}
        if self.kind == "working":
            data["journal_end"] = self.journal_end
        else:
            data["period"] = self.period
        return data


@frozen(eq=False)
class Image:
    """A file's content: its meta and, per table, each document's line."""

    meta: Meta
    tables: Mapping[str, Lines]


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def dump(value: Any) -> bytes:
    """Compact, unescaped JSON; rejects NaN and non-JSON values at once."""
    return _ENCODER.encode(value).encode()


def make_line(key: str, doc: Mapping[str, Any]) -> bytes:
    return dump(key) + b":" + dump(doc)


def doc_bytes(key: str, line: bytes) -> bytes:
    return line[len(dump(key)) + 1 :]


def load_doc(key: str, line: bytes) -> dict[str, Any]:
    """A fresh dict each time, so callers may mutate what they get."""
    doc = doc_bytes(key, line)
    exact = _LONG_DIGIT_RUN in doc.translate(_DIGIT_OR_NOT)  # a number orjson may round
    result: dict[str, Any] = json.loads(doc) if exact else orjson.loads(doc)
    return result


def encode(image: Image) -> bytes:
    parts = [_HEAD + b'{"db":' + dump(image.meta.to_json()) + b"}"]
    for name, lines in image.tables.items():
        parts.append(b"," + dump(name) + b":{")
        if lines:
            parts.append(b"\n,".join(lines.values()))
        parts.append(b"}")
    parts.append(b"}\n")
    return b"\n".join(parts)


def decode(path: Path, raw: bytes, known: Image | None = None) -> Image:
    """Validate and split a file; raises ``DatabaseDamaged`` naming the reason."""
    if not raw or raw.isspace():  # not ``raw.strip()``, which copies megabytes
        raise DatabaseDamaged(path, f"empty file ({len(raw)} bytes)")
    fast = _decode_lines(raw, _known_lines(known))
    if fast is not None:
        return Image(meta=_meta(path, fast[0]), tables=fast[1])
    return _decode_whole(path, raw)


def _known_lines(image: Image | None) -> dict[bytes, str]:
    if image is None:
        return {}
    return {line: key for lines in image.tables.values() for key, line in lines.items()}


def _decode_lines(raw: bytes, known: dict[bytes, str]) -> tuple[Any, dict[str, dict[str, bytes]]] | None:
    """The fast path: our own layout, or ``None`` to fall back to the slow one."""
    lines = raw.split(b"\n")
    if len(lines) < 3 or lines[-1] != b"" or lines[-2] != b"}" or not lines[0].startswith(_HEAD):
        return None
    head = _parse(lines[0] + b"}")
    if not isinstance(head, dict) or list(head) != [META_TABLE]:
        return None
    tables: dict[str, dict[str, bytes]] = {}
    current: dict[str, bytes] | None = None
    for line in islice(lines, 1, len(lines) - 2):
        if current is None:
            current = _open_table(line, tables)
            if current is None:
                return None
        elif line == b"}":
            current = None
        elif not _add_line(current, line, known):
            return None
    if current is not None:
        return None
    return head[META_TABLE], tables


def _open_table(line: bytes, tables: dict[str, dict[str, bytes]]) -> dict[str, bytes] | None:
    if not (line.startswith(b',"') and line.endswith(b'":{')):
        return None
    name = _parse(line[1:-2])
    if not isinstance(name, str) or name in tables or not _valid_table(name):
        return None
    tables[name] = {}
    return tables[name]


def _add_line(table: dict[str, bytes], line: bytes, known: dict[bytes, str]) -> bool:
    if table:
        if not line.startswith(b","):
            return False
        line = line[1:]
    key = known.get(line)
    if key is None:
        key = _key_of(line)
    if key is None or key in table:
        return False
    table[key] = line
    return True


def _key_of(line: bytes) -> str | None:
    """The key of a well-formed ``"key":{...}`` line in canonical key form; a key with
    nothing to escape is read from the bytes, and only the document is parsed."""
    plain = _PLAIN_KEY.match(line)
    if plain is None:
        return _escaped_key_of(line)
    try:
        key = plain[1].decode()
    except UnicodeDecodeError:
        return None
    return key if isinstance(_parse(line[plain.end() - 1 :]), dict) else None


def _escaped_key_of(line: bytes) -> str | None:
    """The key of a line whose key ``dump`` escapes: the whole line is parsed."""
    pair = _parse(b"{" + line + b"}")
    if not isinstance(pair, dict) or len(pair) != 1:
        return None
    ((key, doc),) = pair.items()
    if not isinstance(doc, dict) or not key or not line.startswith(dump(key) + b":"):
        return None
    return str(key)


def _parse(data: bytes) -> Any:
    """A line's shape and key (its numbers need not be exact here)."""
    try:
        return orjson.loads(data)
    except ValueError:
        return None


def _valid_table(name: str) -> bool:
    try:
        check_table(name)
    except ValueError:
        return False
    return True


def _decode_whole(path: Path, raw: bytes) -> Image:
    """The strict slow path: full JSON parse, shape checks, canonical lines."""
    data = _load_json(path, raw)
    if not isinstance(data, dict):
        raise DatabaseDamaged(path, "wrong shape: the top level is not a JSON object")
    if META_TABLE not in data:
        raise DatabaseDamaged(path, "wrong shape: no _meta table (not a hotline database file)")
    meta = _meta(path, data.pop(META_TABLE))
    tables = {name: _table_lines(path, name, docs) for name, docs in data.items()}
    return Image(meta=meta, tables=tables)


def _load_json(path: Path, raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(raw) - 3 and "end of data" in error.reason:
            raise DatabaseDamaged(path, "truncated: the file ends inside a character") from None
        raise DatabaseDamaged(path, f"not UTF-8 text (byte {error.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            reason = f"truncated: the JSON ends early (line {error.lineno})"
        else:
            reason = f"not JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        raise DatabaseDamaged(path, reason) from None


def _table_lines(path: Path, name: str, docs: Any) -> dict[str, bytes]:
    if not _valid_table(name):
        raise DatabaseDamaged(path, f"wrong shape: table name {name!r} is not allowed")
    if not isinstance(docs, dict):
        raise DatabaseDamaged(path, f"wrong shape: table {name!r} is not an object of documents")
    for key, doc in docs.items():
        if not key or not isinstance(doc, dict):
            raise DatabaseDamaged(path, f"wrong shape: {name}[{key!r}] is not a document")
    return {key: _canonical_line(path, name, key, doc) for key, doc in docs.items()}


def _canonical_line(path: Path, name: str, key: str, doc: dict[str, Any]) -> bytes:
    """What only a hand or another program writes: NaN, Infinity, a lone surrogate."""
    try:
        return make_line(key, doc)
    except (ValueError, UnicodeEncodeError):
        raise DatabaseDamaged(
            path,
            f"not JSON: {name}[{key!r}] holds NaN, Infinity or a lone surrogate, which JSON does not allow",
        ) from None


def _meta(path: Path, value: Any) -> Meta:
    db = value.get("db") if isinstance(value, dict) else None
    if not isinstance(db, dict) or len(value) != 1:
        raise DatabaseDamaged(path, "wrong shape: _meta must hold exactly one document 'db'")
    kind = db.get("kind")
    if kind not in ("working", "archive"):
        raise DatabaseDamaged(path, f"wrong shape: unknown file kind {kind!r}")
    schema, seq = _count(path, db, "schema"), _count(path, db, "seq")
    if schema < 1:
        raise DatabaseDamaged(path, "wrong shape: schema versions start at 1")
    if kind == "working":
        return Meta(kind=kind, schema=schema, seq=seq, journal_end=_count(path, db, "journal_end"))
    period = db.get("period")
    if not isinstance(period, str):
        raise DatabaseDamaged(path, "wrong shape: an archive file must name its period")
    return Meta(kind=kind, schema=schema, seq=seq, period=period)


def _count(path: Path, db: dict[str, Any], name: str) -> int:
    value = db.get(name)
    if type(value) is not int or value < 0:
        raise DatabaseDamaged(path, f"wrong shape: {name} must be a whole number, not {value!r}")
    return value
