"""The in-memory database keeps the promises the use cases rely on, as the file one does."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from attrs import evolve

from hotline_core.adapters.memory import MemoryRepository
from hotline_core.adapters.repository import FileRepository
from hotline_core.adapters.serialization import store_order
from hotline_core.adapters.storage import DocumentNotFound, StorageError
from hotline_core.domain.intake import parse_order
from hotline_core.domain.lifecycle import receive
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import InvalidInput
from hotline_core.domain.settings import Settings
from hotline_core.domain.vocabulary import Role
from hotline_core.services.ports import Repository
from tests.support import COMPLETE_FORM

# mypy checks that both adapters satisfy the protocol the use cases are written against.
_MEMORY: type[Repository] = MemoryRepository
_FILES: type[Repository] = FileRepository

ORDER = receive(parse_order(COMPLETE_FORM))


def test_the_memory_repository_is_a_repository() -> None:
    repo: Repository = MemoryRepository()
    assert repo.snapshot().orders() == []


def test_a_stored_order_reads_back_equal_and_in_its_stored_form() -> None:
    repo = MemoryRepository()
    with repo.transaction() as session:
        session.put_order(ORDER)
    back = repo.snapshot().order("A1")
    assert back == ORDER and back is not ORDER
    assert store_order(back) == store_order(ORDER)


def test_a_transaction_that_raises_leaves_nothing_changed() -> None:
    repo = MemoryRepository()
    with pytest.raises(RuntimeError), repo.transaction() as session:
        session.put_order(ORDER)
        session.put_user(Person("clerk", {Role.HANDLER}))
        assert session.order_ids() == ["A1"]  # a transaction reads its own writes
        raise RuntimeError("the rules refused")
    assert repo.snapshot().order_ids() == [] and repo.snapshot().users() == {}


def test_a_snapshot_keeps_what_it_saw_while_later_transactions_commit() -> None:
    repo = MemoryRepository()
    before = repo.snapshot()
    with repo.transaction() as session:
        session.put_order(ORDER)
    assert before.order_ids() == []
    assert repo.snapshot().order_ids() == ["A1"]


def test_a_snapshot_only_reads() -> None:
    with pytest.raises(TypeError, match="only reads"):
        MemoryRepository().snapshot().put_settings(Settings())


def test_a_snapshot_taken_inside_a_transaction_is_refused_as_on_disk() -> None:
    repo = MemoryRepository()
    with repo.transaction(), pytest.raises(StorageError, match="already running"):
        repo.snapshot()


def test_a_session_used_after_its_transaction_is_refused() -> None:
    repo = MemoryRepository()
    with repo.transaction() as session:
        pass
    with pytest.raises(StorageError, match="ended"):
        session.put_order(ORDER)


def test_a_value_that_json_cannot_hold_fails_at_the_put_not_later() -> None:
    repo = MemoryRepository()
    with pytest.raises(ValueError), repo.transaction() as session:
        session.put_settings(evolve(Settings(), departments=(float("nan"),)))  # type: ignore[arg-type]
    assert repo.snapshot().settings() == Settings()


def test_an_archived_order_moves_to_its_quarters_archive() -> None:
    repo = MemoryRepository()
    with repo.transaction() as session:
        session.put_order(ORDER)
    with repo.transaction() as session:
        session.archive_order(ORDER)
    assert repo.snapshot().order_ids() == []
    assert repo.archive_periods() == ["2026Q4"]
    assert repo.archived_ids() == {"A1"}
    assert repo.archived_orders("2026Q4") == [ORDER]
    assert repo.archived_orders("2026Q3") == []
    assert repo.archived_order("A1") == ORDER
    assert repo.archived_order("A2") is None


def test_archiving_an_order_that_is_not_open_is_refused() -> None:
    with pytest.raises(DocumentNotFound), MemoryRepository().transaction() as session:
        session.archive_order(ORDER)


PICTURE = b"\xff\xd8\xff\xe0 a picture"


def test_attachments_are_kept_once_by_their_content(tmp_path: Path) -> None:
    repo = MemoryRepository()
    first, second = tmp_path / "photo.jpg", tmp_path / "copy.jpg"
    first.write_bytes(PICTURE)
    second.write_bytes(PICTURE)
    kept = repo.inspect_attachment(first, 20)
    assert kept.sha256 == hashlib.sha256(PICTURE).hexdigest()
    assert (kept.name, kept.media_type, kept.size) == ("photo.jpg", "image/jpeg", len(PICTURE))
    repo.keep_attachment(kept)
    assert repo.inspect_attachment(second, 20).sha256 == kept.sha256
    repo.keep_attachment(kept)  # once is enough
    assert repo.attachment_bytes(kept) == PICTURE


def test_an_attachment_inspected_but_not_kept_is_reported_missing(tmp_path: Path) -> None:
    repo = MemoryRepository()
    (tmp_path / "a.jpg").write_bytes(PICTURE)
    with pytest.raises(StorageError, match="missing"):
        repo.attachment_bytes(repo.inspect_attachment(tmp_path / "a.jpg", 20))


def test_an_attachment_is_checked_as_on_disk(tmp_path: Path) -> None:
    (tmp_path / "note.jpg").write_text("not a picture")
    with pytest.raises(InvalidInput) as refused:
        MemoryRepository().inspect_attachment(tmp_path / "note.jpg", 20)
    assert refused.value.problems[0].code == "attachment_type"
