"""Standard answers move draft → review → published → retired through the use cases, as the rules allow."""

from __future__ import annotations

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.domain.knowledge.entries import EntryStatus
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import HotlineError, InvalidInput
from hotline_core.domain.vocabulary import Role
from tests.support import at

FIELDS = {
    "question": "残疾人就业保障金怎样申请减免？",
    "answer": "用人单位可向税务部门申请，按规定减免。",
    "area": "employment",
    "basis": "残疾人就业保障金征收使用管理办法",
    "number": "财税〔2015〕72号",
}


def drafted(repo: MemoryRepository) -> str:
    return str(services.kb_save(repo, "clerk", None, FIELDS, at("2026-11-20 10:00")).id)


def status(repo: MemoryRepository, entry_id: str) -> EntryStatus:
    return next(e for e in repo.snapshot().knowledge() if e.id == entry_id).status


def test_a_draft_goes_to_review_is_published_then_retired(repo: MemoryRepository) -> None:
    entry_id = drafted(repo)
    assert status(repo, entry_id) is EntryStatus.DRAFT
    services.kb_step(repo, "clerk", entry_id, "send_to_review", at("2026-11-20 10:05"))
    assert status(repo, entry_id) is EntryStatus.REVIEW
    services.kb_step(repo, "clerk", entry_id, "publish", at("2026-11-20 10:10"))
    assert status(repo, entry_id) is EntryStatus.PUBLISHED
    services.kb_step(repo, "clerk", entry_id, "retire", at("2026-11-21 10:00"), reason="政策已废止")
    assert status(repo, entry_id) is EntryStatus.RETIRED


def test_a_reviewer_returns_a_draft_with_a_reason(repo: MemoryRepository) -> None:
    entry_id = drafted(repo)
    services.kb_step(repo, "clerk", entry_id, "send_to_review", at("2026-11-20 10:05"))
    with pytest.raises(InvalidInput):
        services.kb_step(repo, "clerk", entry_id, "return", at("2026-11-20 10:06"))
    assert status(repo, entry_id) is EntryStatus.REVIEW
    services.kb_step(repo, "clerk", entry_id, "return", at("2026-11-20 10:06"), reason="请写明材料")
    assert status(repo, entry_id) is EntryStatus.DRAFT


def test_a_step_the_rules_refuse_stores_nothing(repo: MemoryRepository) -> None:
    entry_id = drafted(repo)
    before = repo.snapshot().knowledge()
    with pytest.raises(HotlineError):
        services.kb_step(repo, "clerk", entry_id, "publish", at("2026-11-20 10:05"))  # not reviewed
    services.add_user(repo, "clerk", Person("viewer", {Role.VIEWER}))
    with pytest.raises(HotlineError):
        services.kb_step(repo, "viewer", entry_id, "send_to_review", at("2026-11-20 10:05"))
    assert repo.snapshot().knowledge() == before


def test_an_unknown_step_or_entry_is_refused_naming_the_field(repo: MemoryRepository) -> None:
    entry_id = drafted(repo)
    with pytest.raises(InvalidInput) as refused:
        services.kb_step(repo, "clerk", entry_id, "burn", at("2026-11-20 10:05"))
    assert refused.value.problems[0].field == "step"
    with pytest.raises(InvalidInput) as refused:
        services.kb_step(repo, "clerk", "KB-9999", "publish", at("2026-11-20 10:05"))
    assert refused.value.problems[0].field == "entry"


def test_new_drafts_take_the_next_free_number(repo: MemoryRepository) -> None:
    first, second = drafted(repo), drafted(repo)
    assert int(second.removeprefix("KB-")) == int(first.removeprefix("KB-")) + 1
