"""Domain values as plain JSON values, for the edges' ``--json`` output.

The same cattrs converter that stores them, so what a script reads is what is kept.
"""

from __future__ import annotations

from typing import Any

from hotline_core.adapters.serialization import CONVERTER, unstructure_order
from hotline_core.domain.duties.incident import Incident
from hotline_core.domain.duties.programme import Episode, EpisodeSummary
from hotline_core.domain.duties.service import ServiceRecord
from hotline_core.domain.knowledge.entries import Entry
from hotline_core.domain.order import WorkOrder


def order_document(order: WorkOrder) -> dict[str, Any]:
    """The order in full (record and events), every field present."""
    return unstructure_order(order)


def entry_document(entry: Entry) -> dict[str, Any]:
    """A knowledge-base entry with its versions and workflow history."""
    document: dict[str, Any] = CONVERTER.unstructure(entry)
    return document


def service_document(record: ServiceRecord) -> dict[str, Any]:
    """A service with where a legal-aid referral stands and its outcome, when it has one."""
    document: dict[str, Any] = CONVERTER.unstructure(record)
    state = record.legal_aid_state()
    return {**document, "legal_aid_state": state.value if state else None, "outcome": record.outcome}


def incident_document(incident: Incident) -> dict[str, Any]:
    document: dict[str, Any] = CONVERTER.unstructure(incident)
    return {**document, "closed": incident.closed}


def episode_document(episode: Episode) -> dict[str, Any]:
    document: dict[str, Any] = CONVERTER.unstructure(episode)
    return document


def summary_document(summary: EpisodeSummary) -> dict[str, Any]:
    """An episode's summary: its questions' orders with their states and outcomes, and the counts."""
    return {
        "episode": episode_document(summary.episode),
        "questions": CONVERTER.unstructure(summary.questions),
        "by_status": {status.value: n for status, n in summary.by_status},
        "by_outcome": {outcome.value: n for outcome, n in summary.by_outcome},
        "finished": summary.finished,
    }
