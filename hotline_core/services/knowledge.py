"""Use cases of the knowledge base: search, suggest, draft, review, publish, import, export."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hotline_core.domain.knowledge.entries import Entry
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.vocabulary import BusinessArea, Role
from hotline_core.services.access import identify, require
from hotline_core.services.named import NamedFiles, named_files_of
from hotline_core.services.ports import Repository

if TYPE_CHECKING:  # imported where used: jieba and openpyxl load only for the commands that need them
    from hotline_core.domain.knowledge.importing import ImportReport
    from hotline_core.domain.knowledge.search import Hit


def kb_entries(repo: Repository, actor: str) -> dict[str, Entry]:
    """Every entry by id, for a user of this database."""
    session = repo.snapshot()
    identify(session, actor)
    return {e.id: e for e in session.knowledge()}


def kb_search(repo: Repository, actor: str, query: str, limit: int = 10, drafts: bool = False) -> list[Hit]:
    """Published answers ranked by relevance to ``query``.

    With ``drafts`` (a member of staff searching the base), the matching drafts follow,
    marked unreviewed (``Hit.reviewed`` False); a viewer gets the published answers only,
    and so does what may reach a citizen (``drafts`` left False: a reply's standard answer)."""
    from hotline_core.domain.knowledge.rules import sees_drafts
    from hotline_core.domain.knowledge.search import build_index, search, search_with_drafts

    session = repo.snapshot()
    person = identify(session, actor)
    entries = session.knowledge()
    if drafts and sees_drafts(person):
        return search_with_drafts(build_index(entries), build_index(entries, unreviewed=True), query, limit)
    return search(build_index(entries), query, limit)


def kb_suggest(repo: Repository, actor: str, order: WorkOrder, limit: int = 5) -> list[Hit]:
    """Standard answers for an order's appeal, its business area first."""
    from hotline_core.domain.knowledge.search import build_index, suggest

    session = repo.snapshot()
    identify(session, actor)
    record = order.state.record
    return suggest(build_index(session.knowledge()), record.appeal.text, limit, record.appeal.business_area)


KB_STEPS = ("send_to_review", "publish", "return", "retire")


def kb_step(repo: Repository, actor: str, entry_id: str, step: str, now: datetime, reason: str = "") -> Entry:
    """Move an entry through draft → review → published → retired, as the rules allow."""
    from hotline_core.domain import knowledge

    with repo.transaction() as session:
        person = identify(session, actor)
        entry = next((e for e in session.knowledge() if e.id == entry_id), None)
        if entry is None:
            raise InvalidInput([Problem("entry", "unknown_entry", {"id": entry_id})])
        if step == "send_to_review":
            changed = knowledge.send_to_review(entry, person, now)
        elif step == "publish":
            changed = knowledge.publish(entry, person, now)
        elif step == "return":
            changed = knowledge.return_to_draft(entry, person, now, reason)
        elif step == "retire":
            changed = knowledge.retire(entry, person, now, reason)
        else:
            raise InvalidInput([Problem("step", "not_in_list", {"choices": "、".join(KB_STEPS)})])
        session.put_entry(changed)
    return changed


def kb_import(
    repo: Repository, actor: str, path: str | Path, now: datetime, files: NamedFiles | None = None
) -> ImportReport:
    """Bring in the office's spreadsheet (good rows become drafts) or a JSON export of a base,
    read with the acting person's rights (``files``)."""
    from hotline_core.adapters import knowledge_files as exchange

    opener = named_files_of(repo, files)

    with repo.transaction() as session:
        person = identify(session, actor)
        base = session.knowledge()
        if str(path).lower().endswith(".json"):
            # A JSON export carries whole entries with their history: putting one back is an admin's job.
            require(person, Role.ADMIN, "kb import")
            imported = exchange.import_json(path, opener)
            known = {e.id for e in base}
            report = exchange.ImportReport(
                tuple(e for e in imported if e.id not in known),
                tuple(e for e in imported if e.id in known),
                (),
                (),
            )
        else:
            organization = session.settings().organization
            report = exchange.import_xlsx(path, base, person, now, organization, opener)
        for entry in report.created + report.updated:
            session.put_entry(entry)
    return report


def kb_export(repo: Repository, actor: str, path: str | Path, files: NamedFiles | None = None) -> Path:
    """The whole base as .xlsx or .json, for a user of this database, written where the acting
    person may write (``files``)."""
    from hotline_core.adapters import knowledge_files as exchange

    session = repo.snapshot()
    identify(session, actor)
    entries = session.knowledge()
    opener = named_files_of(repo, files)
    if str(path).lower().endswith(".json"):
        return exchange.export_json(entries, path, opener)
    return exchange.export_xlsx(entries, path, opener)


def kb_save(
    repo: Repository, actor: str, entry_id: str | None, fields: Mapping[str, str], now: datetime
) -> Entry:
    """A new draft (``entry_id`` None) or a new version of an entry, from a form's fields."""
    from hotline_core.domain import knowledge

    try:
        basis = (
            (knowledge.PolicyBasis(fields["basis"], fields.get("number", "")),) if fields.get("basis") else ()
        )
        area = next((a for a in BusinessArea if fields.get("area") in (a.value, a.label)), None)
        if area is None:
            raise InvalidInput([Problem("area", "not_in_list", {"choices": "、".join(BusinessArea)})])
        tags = tuple(t.strip() for t in fields.get("tags", "").replace("，", ",").split(",") if t.strip())
        content = knowledge.Content(
            fields.get("question", ""), fields.get("answer", ""), area, basis, tags, fields.get("note", "")
        )
    except ValueError as error:
        raise InvalidInput([Problem("question", "not_text", {"reason": str(error)})]) from None
    with repo.transaction() as session:
        person = identify(session, actor)
        entries = {e.id: e for e in session.knowledge()}
        if entry_id is None:
            saved = knowledge.submit_draft(person, knowledge.next_entry_id(entries), content, now)
        elif entry_id in entries:
            saved = knowledge.edit(entries[entry_id], person, content, now)
        else:
            raise InvalidInput([Problem("entry", "unknown_entry", {"id": entry_id})])
        session.put_entry(saved)
    return saved
