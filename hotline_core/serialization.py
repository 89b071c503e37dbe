"""Orders and their events to and from plain JSON-able dicts, losslessly.

One cattrs converter for the whole application: times become ISO 8601 text
with their offset (so a time given in UTC stays in UTC), dates ISO text,
durations seconds, enums their codes. The order's derived ``state`` is not
stored (cattrs leaves ``init=False`` attributes out): the events are the truth. An order's dict carries :data:`SCHEMA_VERSION`; storage
migrates older dicts forward before they reach :func:`structure_order`.
"""

from __future__ import annotations

from collections.abc import Set
from datetime import date, datetime, time, timedelta
from typing import Any

import cattrs

from hotline_core.order import WorkOrder

SCHEMA_VERSION = 1


def _make_converter() -> cattrs.Converter:
    # Sets become sorted lists: JSON has no sets, and a stable order keeps diffs small.
    converter = cattrs.Converter(forbid_extra_keys=True, unstruct_collection_overrides={Set: sorted})
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_structure_hook(datetime, lambda value, _: _aware(value))
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(date, lambda value, _: date.fromisoformat(value))
    converter.register_unstructure_hook(time, time.isoformat)
    converter.register_structure_hook(time, lambda value, _: time.fromisoformat(value))
    converter.register_unstructure_hook(timedelta, timedelta.total_seconds)
    converter.register_structure_hook(timedelta, lambda value, _: timedelta(seconds=value))
    return converter


def _aware(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"time without offset: {value!r}")
    return moment


CONVERTER = _make_converter()


class SchemaMismatch(ValueError):
    """A stored order is of a schema version this program does not read."""


def unstructure_order(order: WorkOrder) -> dict[str, Any]:
    return {"schema": SCHEMA_VERSION, **CONVERTER.unstructure(order)}


def structure_order(data: dict[str, Any]) -> WorkOrder:
    version = data.get("schema")
    if version != SCHEMA_VERSION:
        raise SchemaMismatch(f"order schema {version!r}, expected {SCHEMA_VERSION}")
    body = {key: value for key, value in data.items() if key != "schema"}
    return CONVERTER.structure(body, WorkOrder)
