"""The starter base shipped with the program: it loads, and it cites only what is sure."""

from __future__ import annotations

from hotline_core.domain.knowledge import EntryStatus
from hotline_core.domain.organization import DEFAULT_ORGANIZATION, RIGHTS_DEPT, UnitKind
from hotline_core.domain.vocabulary import BusinessArea

# Every document number the starter may cite: each one checked by hand. A new
# number goes in here only together with the entry that cites it, after review.
KNOWN_NUMBERS = {
    "GB/T 26341-2010",
    "国发〔2015〕52号",
    "国发〔2018〕20号",
    "国务院令第488号",
    "国务院令第674号",
    "国务院令第675号",
    "中华人民共和国主席令第六号",
}


def test_the_starter_base_loads_with_at_least_twenty_entries(starter) -> None:
    assert len(starter) >= 20
    assert len({e.id for e in starter}) == len(starter)


def test_every_published_entry_cites_a_document_and_has_nothing_left_to_verify(starter) -> None:
    live = [e for e in starter if e.status is EntryStatus.PUBLISHED]
    assert len(live) >= 12
    for entry in live:
        assert entry.content.basis, entry.id
        assert entry.content.note == "", entry.id
        assert all(b.number or b.revision or b.effective for b in entry.content.basis), entry.id


def test_every_draft_says_what_to_verify_before_it_may_be_published(starter) -> None:
    drafts = [e for e in starter if e.status is EntryStatus.DRAFT]
    assert drafts
    assert all(e.content.note.startswith("发布前请") for e in drafts)


def test_only_checked_document_numbers_are_cited(starter) -> None:
    cited = {b.number for e in starter for b in e.content.basis if b.number}
    assert cited <= KNOWN_NUMBERS


def test_the_federations_business_areas_are_covered(starter) -> None:
    areas = {e.content.area for e in starter if e.status is EntryStatus.PUBLISHED}
    assert {
        BusinessArea.ORGANIZATION,
        BusinessArea.SOCIAL_SECURITY,
        BusinessArea.REHABILITATION,
        BusinessArea.EMPLOYMENT,
        BusinessArea.EDUCATION,
        BusinessArea.RIGHTS,
    } <= areas


def test_owners_are_units_of_the_federation(starter) -> None:
    for entry in starter:
        assert entry.owner == RIGHTS_DEPT or (
            entry.owner.kind is UnitKind.DEPARTMENT and DEFAULT_ORGANIZATION.has_department(entry.owner.name)
        )


def test_answers_address_the_citizen_politely(starter) -> None:
    assert all(e.content.answer.startswith("您好！") for e in starter)
