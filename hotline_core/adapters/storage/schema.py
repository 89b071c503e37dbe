"""Schema versions and the registry of migrations that move files forward.

Every file carries the schema version of the documents in it. The domain
owns the document shapes, so it supplies the migrations: ``migrations[n]``
turns tables of version ``n`` into tables of version ``n + 1``. The engine
runs them when it loads an older file, after keeping a copy of that file,
and records the version on every journal line so that a rebuild from the
journal runs each migration at the point where it happened.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from attrs import field, frozen

from hotline_core.adapters.storage.errors import StorageError
from hotline_core.adapters.storage.layout import Image, Meta, load_doc, make_line
from hotline_core.adapters.storage.names import check_table

Tables = dict[str, dict[str, dict[str, Any]]]
Migration = Callable[[Tables], Tables]


def _complete(instance: Schema, _attribute: object, migrations: Mapping[int, Migration]) -> None:
    missing = [n for n in range(1, instance.version) if n not in migrations]
    if instance.version < 1 or missing:
        raise ValueError(f"schema version {instance.version} lacks migrations from {missing}")


@frozen(eq=False)
class Schema:
    """The current version and how to reach it from each older one."""

    version: int = 1
    migrations: Mapping[int, Migration] = field(factory=dict, validator=_complete)


def upgrade(image: Image, schema: Schema, target: int | None = None) -> Image:
    """Return ``image`` migrated to ``target`` (default: the current version)."""
    goal = schema.version if target is None else target
    if image.meta.schema >= goal:
        return image
    tables = {
        name: {key: load_doc(key, line) for key, line in lines.items()}
        for name, lines in image.tables.items()
    }
    for version in range(image.meta.schema, goal):
        tables = _run(schema.migrations[version], tables, version)
    lines = {name: {key: make_line(key, doc) for key, doc in docs.items()} for name, docs in tables.items()}
    meta = Meta(
        kind=image.meta.kind,
        schema=goal,
        seq=image.meta.seq,
        journal_end=image.meta.journal_end,
        period=image.meta.period,
    )
    return Image(meta=meta, tables=lines)


def _run(migration: Migration, tables: Tables, version: int) -> Tables:
    result = migration(copy.deepcopy(tables))
    shaped = isinstance(result, dict) and all(
        _valid_table(name) and isinstance(docs, dict) and all(isinstance(doc, dict) for doc in docs.values())
        for name, docs in result.items()
    )
    if not shaped:
        raise StorageError(f"migration from schema {version} did not return tables of documents")
    return result


def _valid_table(name: object) -> bool:
    try:
        check_table(name)  # type: ignore[arg-type]
    except ValueError:
        return False
    return True
