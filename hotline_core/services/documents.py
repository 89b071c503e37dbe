"""Domain values as plain JSON values, for the edges' ``--json`` output.

The same cattrs converter that stores them, so what a script reads is what is kept.
"""

from __future__ import annotations

from typing import Any

from hotline_core.adapters.serialization import CONVERTER, unstructure_order
from hotline_core.domain.knowledge.entries import Entry
from hotline_core.domain.order import WorkOrder


def order_document(order: WorkOrder) -> dict[str, Any]:
    """The order in full (record and events), every field present."""
    return unstructure_order(order)


def entry_document(entry: Entry) -> dict[str, Any]:
    """A knowledge-base entry with its versions and workflow history."""
    document: dict[str, Any] = CONVERTER.unstructure(entry)
    return document
