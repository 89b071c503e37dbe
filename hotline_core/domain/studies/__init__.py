"""Special studies (专项调研) and the periodic hot-issues analysis (source 四(五), 一(三), 四(六)).

A policy problem that citizens raise (a set of orders, a hot issue of the hot-issues
report) becomes a study: the handler collects the orders, writes findings and
suggestions, the system drafts the report as a Word document with the figures, and the
study records to whom it went and what came back. The analysis of hot and difficult
issues for the office meeting (办公会) is a study of its own kind: reported to the
meeting, and what the meeting decided kept.

- :mod:`.study` — the record and its steps: draft → submitted → answered;
- :mod:`.document` — what the report says, as a :class:`~hotline_core.domain.paper.Paper`.
"""

from hotline_core.domain.studies.study import (
    RECIPIENTS,
    Study,
    StudyKind,
    StudyState,
    StudyStep,
    add_orders,
    answer,
    new_study,
    submit,
    write,
)

__all__ = [
    "RECIPIENTS",
    "Study",
    "StudyKind",
    "StudyState",
    "StudyStep",
    "add_orders",
    "answer",
    "new_study",
    "submit",
    "write",
]
