"""Rows of the office's spreadsheet into the knowledge base, as drafts, row by row.

Each good row is matched to an entry: by its 编号 when the sheet has one
(a sheet this program exported), else by its question, spacing and
punctuation ignored. A row that matches nothing becomes a new draft; one
that matches an entry with other wording becomes a new version of it (a
draft revision, the published answer staying live until review); one that
matches word for word is left alone. Every row the rules refuse is reported
with its row number, column and reason, and the other rows still go in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from attrs import frozen

from hotline_core.domain.knowledge.entries import Entry
from hotline_core.domain.knowledge.sheet import (
    RowProblem,
    SheetRow,
    heading_of,
    question_key,
)
from hotline_core.domain.knowledge.wording import problem
from hotline_core.domain.knowledge.workflow import edit, next_entry_id, submit_draft
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import HotlineError

# Recorded as the summary of each version an import creates, for the audit trail.
IMPORT_SUMMARY = "表格导入"


@frozen
class ImportReport:
    created: tuple[Entry, ...]
    updated: tuple[Entry, ...]
    unchanged: tuple[str, ...]
    problems: tuple[RowProblem, ...]

    def merged(self, base: Sequence[Entry]) -> tuple[Entry, ...]:
        """The base with this import applied: updated entries replaced, new ones appended."""
        changed = {entry.id: entry for entry in self.updated}
        return tuple(changed.get(entry.id, entry) for entry in base) + self.created


def _row_problems(row: int, error: HotlineError) -> list[RowProblem]:
    return [RowProblem(row, heading_of(p.field), p) for p in error.problems]


def _target(
    row: SheetRow, by_id: dict[str, Entry], by_question: dict[str, Entry]
) -> Entry | RowProblem | None:
    if row.entry_id:
        found = by_id.get(row.entry_id)
        return found or RowProblem(row.row, "编号", problem("unknown_entry", "id", id=row.entry_id))
    return by_question.get(question_key(row.content.question))


def import_rows(
    base: Sequence[Entry],
    rows: Sequence[SheetRow],
    person: Person,
    now: datetime,
    problems: Sequence[RowProblem] = (),
) -> ImportReport:
    """Apply ``rows`` as ``person`` at ``now``; ``problems`` (from reading the sheet) are passed through."""
    by_id = {entry.id: entry for entry in base}
    by_question = {question_key(entry.content.question): entry for entry in base}
    created: list[Entry] = []
    updated: list[Entry] = []
    unchanged: list[str] = []
    reported = list(problems)
    for row in rows:
        target = _target(row, by_id, by_question)
        try:
            if isinstance(target, RowProblem):
                reported.append(target)
            elif target is None:
                entry_id = next_entry_id(by_id)
                entry = submit_draft(person, entry_id, row.content, now, row.owner, IMPORT_SUMMARY)
                created.append(entry)
                by_id[entry_id] = by_question[question_key(row.content.question)] = entry
            elif row.owner is not None and row.owner != target.owner:
                fixed = problem("owner_fixed", "owner", owner=target.owner.name)
                reported.append(RowProblem(row.row, "责任单位", fixed))
            elif row.content == target.content:
                unchanged.append(target.id)
            else:
                updated.append(edit(target, person, row.content, now, IMPORT_SUMMARY))
        except HotlineError as error:
            reported += _row_problems(row.row, error)
    return ImportReport(
        tuple(created), tuple(updated), tuple(unchanged), tuple(sorted(reported, key=lambda p: p.row))
    )
