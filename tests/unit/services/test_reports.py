"""A county's quarterly summary is filed once, by the county or for it by the rights department."""

from __future__ import annotations

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.domain.organization import Person
from hotline_core.domain.problems import InvalidInput, Refused
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.vocabulary import Place, Role
from tests.support import at

Q3 = Quarter(2026, 3)


def test_a_county_clerk_files_their_own_countys_summary_whatever_county_they_name(
    repo: MemoryRepository, tmp_path
) -> None:
    # Issue 18: what a county files is its table, generated, checked and with the signed scan.
    services.add_user(repo, "clerk", Person("yanji", {Role.COUNTY_CLERK}, county=Place.YANJI))
    services.generate_summary(repo, "yanji", Q3, at("2026-10-08 09:00"))
    services.check_summary(repo, "yanji", Q3, at("2026-10-08 09:30"))
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"0" * 64)
    services.attach_scan(repo, "yanji", Q3, scan)
    assert services.file_summary(repo, "yanji", Q3, "图们市", at("2026-10-08 10:00")) == "延吉市"
    assert repo.snapshot().summaries(Q3) == {"延吉市": at("2026-10-08 10:00")}


def test_a_summary_filed_again_keeps_its_first_time(repo: MemoryRepository) -> None:
    services.file_summary(repo, "clerk", Q3, "图们市", at("2026-10-08 10:00"))
    services.file_summary(repo, "clerk", Q3, "图们市", at("2026-10-20 10:00"))
    assert repo.snapshot().summaries(Q3) == {"图们市": at("2026-10-08 10:00")}
    assert repo.snapshot().summaries(Quarter(2026, 4)) == {}


def test_the_rights_department_must_name_a_real_county(repo: MemoryRepository) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.file_summary(repo, "clerk", Q3, "北京市", at("2026-10-08 10:00"))
    assert refused.value.problems[0].field == "county"
    assert repo.snapshot().summaries(Q3) == {}


def test_nobody_else_files_a_summary(repo: MemoryRepository) -> None:
    services.add_user(repo, "clerk", Person("viewer", {Role.VIEWER}))
    with pytest.raises(Refused):
        services.file_summary(repo, "viewer", Q3, "延吉市", at("2026-10-08 10:00"))
    assert repo.snapshot().summaries(Q3) == {}


def test_the_filings_report_shows_who_filed_and_who_is_missing(repo: MemoryRepository) -> None:
    services.file_summary(repo, "clerk", Q3, "延吉市", at("2026-10-08 10:00"))
    filings = services.report(repo, "clerk", "filings", "2026Q3", None, at("2026-11-25 10:00"))
    states = {c.county.value: c.state.value for c in filings.counties}
    assert states["延吉市"] == "on_time" and states["图们市"] == "missing"
