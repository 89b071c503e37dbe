"""Rules for table names and document keys, shared by every module.

Table names are restricted (they appear in files and command output, and a
leading underscore is reserved for the engine's ``_meta``); keys are any
non-empty string, because they are the center's order numbers and the like.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"[a-z][a-z0-9_]{0,63}\Z")


def check_table(name: str) -> str:
    if not isinstance(name, str) or not _TABLE.match(name):
        raise ValueError(f"table name must be lower-case letters, digits and _, not {name!r}")
    return name


def check_key(key: str) -> str:
    if not isinstance(key, str) or not key:
        raise ValueError(f"document key must be a non-empty string, not {key!r}")
    return key
