"""Staff searching the knowledge base find the matching drafts after the published answers,
marked unreviewed; a viewer, and a reply to a citizen, get the published answers only."""

from __future__ import annotations

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.domain.knowledge.entries import EntryStatus
from hotline_core.domain.organization import Person
from hotline_core.domain.vocabulary import Role
from tests.support import at

NOW = at("2026-12-01 10:00")


def status(repo: MemoryRepository, entry_id: str) -> EntryStatus:
    return next(e for e in repo.snapshot().knowledge() if e.id == entry_id).status


def test_staff_searching_find_the_draft_after_the_published_answers(repo: MemoryRepository) -> None:
    assert status(repo, "KB-0003") is EntryStatus.DRAFT  # 怎样办理残疾人证？ is a draft in the starter base
    hits = services.kb_search(repo, "clerk", "残疾证", drafts=True)
    reviewed = [h.reviewed for h in hits]
    assert "KB-0003" in [h.entry_id for h in hits if not h.reviewed]
    assert reviewed == sorted(reviewed, reverse=True)  # every published answer comes first


def test_no_published_answer_leaves_only_drafts_and_says_so_by_their_mark(repo: MemoryRepository) -> None:
    hits = services.kb_search(repo, "clerk", "导盲犬", drafts=True)
    assert hits and not any(h.reviewed for h in hits)
    assert services.kb_search(repo, "clerk", "导盲犬") == []


def test_a_viewer_and_a_reply_to_a_citizen_see_published_answers_only(repo: MemoryRepository) -> None:
    services.add_user(repo, "clerk", Person("audit", {Role.VIEWER}))
    for hits in (
        services.kb_search(repo, "audit", "残疾证", drafts=True),
        services.kb_search(repo, "clerk", "残疾证"),  # what the reply form inserts
    ):
        assert hits and all(h.reviewed for h in hits)
        assert "KB-0003" not in {h.entry_id for h in hits}


def test_a_county_clerk_writing_answers_sees_drafts_too(repo: MemoryRepository) -> None:
    from hotline_core.domain.vocabulary import Place

    services.add_user(repo, "clerk", Person("yanji", {Role.COUNTY_CLERK}, county=Place.YANJI))
    hits = services.kb_search(repo, "yanji", "残疾证", drafts=True)
    assert "KB-0003" in {h.entry_id for h in hits if not h.reviewed}


def test_a_published_entry_under_revision_is_found_once_as_published(repo: MemoryRepository) -> None:
    (first,) = [h for h in services.kb_search(repo, "clerk", "残疾类别 等级", drafts=True) if h.reviewed][:1]
    entry = next(e for e in repo.snapshot().knowledge() if e.id == first.entry_id)
    fields = {
        "question": entry.content.question,
        "answer": entry.content.answer + "（修订）",
        "area": "rights",
    }
    services.kb_save(repo, "clerk", entry.id, fields, NOW)
    hits = [
        h for h in services.kb_search(repo, "clerk", "残疾类别 等级", drafts=True) if h.entry_id == entry.id
    ]
    assert [h.reviewed for h in hits] == [True]
