"""The access log is only appended to, and earlier quarters move out of the working file."""

from __future__ import annotations

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.accesslog import Access, AccessKind
from hotline_core.domain.organization import Person
from hotline_core.domain.vocabulary import Role
from tests.support import at


def test_entries_of_earlier_quarters_move_to_their_archive_and_are_still_read(tmp_path) -> None:
    repo = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repo, "founder")
    services.add_user(repo, "founder", Person("auditor", {Role.VIEWER}))
    moments = [at("2026-09-30 23:59"), at("2026-09-30 23:59"), at("2026-10-01 08:30")]
    for n, moment in enumerate(moments):
        with repo.transaction() as session:
            session.record_access(Access(moment, "kim", AccessKind.ORDER, f"A{n}", (f"A{n}",)))
    assert [a.subject for a in repo.snapshot().accesses()] == ["A2"]
    assert "2026Q3" in repo.archive_periods()
    log = services.access_log(repo, "auditor")
    assert [(a.subject, a.at) for a in log] == [("A0", moments[0]), ("A1", moments[1]), ("A2", moments[2])]
    assert [a.subject for a in services.access_log(repo, "auditor", since=at("2026-10-01 00:00"))] == ["A2"]
