"""The knowledge base to and from JSON text, losslessly, versions and history included.

Through the application's one cattrs converter (times keep their offset,
dates are ISO text, enums their codes), wrapped in a document that names
its schema so a later format can be told apart. Text in, text out: the
files are :mod:`exchange`'s business.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from cattrs.errors import BaseValidationError

from hotline_core.adapters.serialization import CONVERTER
from hotline_core.domain.knowledge.entries import Entry
from hotline_core.domain.knowledge.wording import invalid, problem

SCHEMA = "hotline-knowledge/1"


def unstructure_entries(entries: Iterable[Entry]) -> dict[str, Any]:
    return {"schema": SCHEMA, "entries": CONVERTER.unstructure(list(entries), list[Entry])}


def structure_entries(data: Any) -> tuple[Entry, ...]:
    """Entries from a parsed document; :class:`InvalidInput` naming what is wrong."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise invalid([problem("bad_file", "file", reason=f"schema {found!r}, expected {SCHEMA!r}")])
    try:
        entries = tuple(CONVERTER.structure(data.get("entries"), list[Entry]))
    except (BaseValidationError, ValueError, TypeError, KeyError) as error:
        raise invalid([problem("bad_file", "file", reason=_reason(error))]) from error
    _check(entries)
    return entries


def _reason(error: Exception) -> str:
    if isinstance(error, BaseValidationError):
        notes = [str(e) for e in error.exceptions]
        return f"{error.message}: {'; '.join(notes)}"
    return str(error)


def _check(entries: tuple[Entry, ...]) -> None:
    """What the types cannot say: ids unique, versions numbered 1, 2, 3…, live one of them."""
    problems = []
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            problems.append(problem("duplicate_id", "id", id=entry.id))
        seen.add(entry.id)
        numbers = [v.number for v in entry.versions]
        if not numbers or numbers != list(range(1, len(numbers) + 1)) or (entry.live or 1) > len(numbers):
            problems.append(problem("bad_versions", "version", id=entry.id))
    if problems:
        raise invalid(problems)


def dumps(entries: Iterable[Entry]) -> str:
    """Readable UTF-8 JSON (Chinese as itself, not \\u escapes), a stable key order."""
    return json.dumps(unstructure_entries(entries), ensure_ascii=False, indent=1) + "\n"


def loads(text: str) -> tuple[Entry, ...]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise invalid([problem("bad_file", "file", reason=str(error))]) from error
    return structure_entries(data)
