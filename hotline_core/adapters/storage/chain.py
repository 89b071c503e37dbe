"""The authenticated chain over the journal: every committed change, in order.

Each journal line ends with ``"mac":"<hex>"``, the HMAC-SHA256 (keyed with
the database's key file) of the previous line's mac followed by this line's
body. So every record carries the digest of the one before, and a record
altered, dropped, inserted or reordered breaks every mac after it unless the
editor can read the key. The journal holds every change of every table
(events of an order, users and roles, settings, knowledge-base steps, and any
table added later), so one chain covers them all, generically.

The key file (``chain.key``, 0600) is created when the database is created,
or on the first open by a program that chains a database made before
chaining (its old lines then enter the chain through the first mac written).
docs/security.md says what this does and does not prove.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

from hotline_core.adapters.storage.errors import DatabaseDamaged, StorageError
from hotline_core.adapters.storage.files import fsync_dir, stage

KEY_MODE = 0o600
_MAC_FIELD = b',"mac":"'
TAIL = len(_MAC_FIELD) + 64 + 2  # the bytes at the end of a line's body that hold its mac
_HEX = re.compile(rb"[0-9a-f]{64}\Z")
START = b""


def mac_of(tail: bytes) -> bytes | None:
    """The mac a body ending with ``tail`` (at least ``TAIL`` bytes) carries, or None."""
    field = tail[-TAIL:]
    if len(field) < TAIL or not field.startswith(_MAC_FIELD) or not field.endswith(b'"}'):
        return None
    digits = field[len(_MAC_FIELD) : -2]
    return bytes.fromhex(digits.decode()) if _HEX.match(digits) else None


def split_mac(body: bytes) -> tuple[bytes, bytes | None]:
    """A line's body (after the crc field, without newline) as (what the mac covers, mac)."""
    mac = mac_of(body)
    return (body[:-1], None) if mac is None else (body[:-TAIL], mac)


def link(key: bytes, previous: bytes, covered: bytes) -> bytes:
    """The mac of a line whose covered body is ``covered`` after a line with mac ``previous``."""
    return hmac.new(key, previous + covered, hashlib.sha256).digest()


def seal(covered: bytes, mac: bytes) -> bytes:
    """The body that carries ``mac``: ``covered`` closed with the mac field."""
    return covered + b',"mac":"' + mac.hex().encode() + b'"}'


def read_key(path: Path) -> bytes | None:
    """The key, or None when there is no key file (a database made before chaining)."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except PermissionError:
        raise StorageError(
            f"{path}: cannot read the history key; run hotline as the service account"
        ) from None
    if not re.fullmatch(r"[0-9a-f]{64}", text):
        raise DatabaseDamaged(path, "not a history key (64 hex digits)")
    return bytes.fromhex(text)


def create_key(path: Path, key: bytes | None = None) -> bytes:
    """A new file only its owner can read, holding ``key`` (default: a new random key)."""
    key = key or secrets.token_bytes(32)
    tmp = stage(path, [key.hex().encode() + b"\n"], KEY_MODE)
    try:
        os.link(tmp, path)  # never over an existing key: a second opener fails here
    finally:
        tmp.unlink()
    fsync_dir(path.parent)
    return key
