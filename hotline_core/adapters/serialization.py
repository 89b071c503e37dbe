"""Orders and their events to and from plain JSON-able dicts, losslessly.

One cattrs converter for the whole application: times become ISO 8601 text
with their offset (so a time given in UTC stays in UTC), dates ISO text,
durations seconds, enums their codes. The order's derived ``state`` is not
stored (cattrs leaves ``init=False`` attributes out): the events are the
truth. An order's dict carries :data:`SCHEMA_VERSION`; storage migrates older
dicts forward before they reach :func:`structure_order`.

Storage keeps an order in its compact form (:func:`store_order`): values equal
to their field's default are left out, which halves the working file and
takes a quarter off reading it back (most of an order's fields are empty
until the record is completed). So a default is part of the stored format:
changing one needs a schema migration that writes the old value into the
stored orders that lack it (a migration reads a missing key as the default of
the schema it migrates from). Everything else (``hotline show --json``, the
scenario replay) gets every field, from :func:`unstructure_order`; both forms
read back with :func:`structure_order`.

Loading the queue structures every open order (10,000 of them, tens of values
each), so two of cattrs's default structure hooks, for enums and for tuples, are
replaced by ones that do the same with less work per value; they fail exactly
as the defaults do, so a damaged order is refused with the same detailed error.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from types import UnionType
from typing import Any, Union, cast, get_args, get_origin

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory

from hotline_core.domain.order import WorkOrder

SCHEMA_VERSION = 1


def _make_converter(omit_if_default: bool = False) -> cattrs.Converter:
    # Sets become sorted lists: JSON has no sets, and a stable order keeps diffs small.
    converter = cattrs.Converter(
        forbid_extra_keys=True,
        omit_if_default=omit_if_default,
        unstruct_collection_overrides={AbstractSet: sorted},
    )
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_structure_hook(datetime, _aware)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(date, lambda value, _: date.fromisoformat(value))
    converter.register_unstructure_hook(time, time.isoformat)
    converter.register_structure_hook(time, lambda value, _: time.fromisoformat(value))
    converter.register_unstructure_hook(timedelta, timedelta.total_seconds)
    converter.register_structure_hook(timedelta, lambda value, _: timedelta(seconds=value))
    converter.register_structure_hook(StrEnum, _code)
    # cattrs's default hook for ``tuple[X, ...]`` works out X and its hook again for
    # every tuple (a tenth of an order's load); its factory for other sequences does
    # that once per type, with the same error messages.
    converter.register_structure_hook_factory(_is_homogeneous_tuple, homogenous_tuple_structure_factory)
    # Likewise for ``X | None`` (a citizen has five such fields): look X's hook up once.
    converter.register_structure_hook_factory(_is_optional, lambda kind: _optional_hook(converter, kind))
    return converter


def _is_optional(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) in (Union, UnionType) and len(args) == 2 and type(None) in args


def _optional_hook(converter: cattrs.Converter, kind: Any) -> Callable[[Any, Any], Any]:
    (inner,) = (arg for arg in get_args(kind) if arg is not type(None))
    structure = converter.get_structure_hook(inner)

    def optional(value: Any, _: Any) -> Any:
        return None if value is None else structure(value, inner)

    return optional


def _aware(value: str, _: object = None) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"time without offset: {value!r}")
    return moment


def _code(value: Any, kind: type[StrEnum]) -> StrEnum:
    """The member whose code ``value`` is.

    ``kind(value)`` does the same look-up behind several layers of Python calls,
    about 5% of loading an order; it still gives the error (and the answer for
    unhashable values) when the look-up misses.
    """
    try:
        return cast(StrEnum, kind._value2member_map_[value])
    except (KeyError, TypeError):
        pass
    return kind(value)


def _is_homogeneous_tuple(kind: Any) -> bool:
    return get_origin(kind) is tuple and get_args(kind)[1:] == (...,)


CONVERTER = _make_converter()
_COMPACT = _make_converter(omit_if_default=True)


class SchemaMismatch(ValueError):
    """A stored order is of a schema version this program does not read."""


def unstructure_order(order: WorkOrder) -> dict[str, Any]:
    """Every field of the order, for people and scripts to read."""
    return {"schema": SCHEMA_VERSION, **CONVERTER.unstructure(order)}


def store_order(order: WorkOrder) -> dict[str, Any]:
    """The order as storage keeps it: fields at their default left out."""
    return {"schema": SCHEMA_VERSION, **_COMPACT.unstructure(order)}


def structure_order(data: dict[str, Any]) -> WorkOrder:
    version = data.get("schema")
    if version != SCHEMA_VERSION:
        raise SchemaMismatch(f"order schema {version!r}, expected {SCHEMA_VERSION}")
    body = {key: value for key, value in data.items() if key != "schema"}
    return CONVERTER.structure(body, WorkOrder)
