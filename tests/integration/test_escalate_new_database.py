"""Issue 15.8: a new database is not chased for the summaries of quarters before it existed."""

from __future__ import annotations

from pathlib import Path

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.escalation import AlertKind
from tests.support import MINIMAL_FORM, at


def summary_alerts(repo: FileRepository, now: str) -> list[str]:
    fresh = services.run_escalation(repo, at(now))
    return sorted(a.supervision_of or "" for a in fresh if a.kind is AlertKind.SUMMARY_OVERDUE)


def new_database(tmp_path: Path, started: str) -> FileRepository:
    repo = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repo, "clerk", at(started))
    return repo


def test_the_first_escalation_of_a_new_database_chases_no_earlier_quarter(tmp_path) -> None:
    repo = new_database(tmp_path, "2026-11-27 09:00")
    assert summary_alerts(repo, "2026-11-27 09:05") == []  # 2026Q3 ended before the database began


def test_a_database_started_within_the_quarter_chases_its_summaries(tmp_path) -> None:
    repo = new_database(tmp_path, "2026-09-01 09:00")
    assert len(summary_alerts(repo, "2026-10-12 09:00")) == 8


def test_a_database_that_kept_no_start_counts_from_its_first_order(tmp_path) -> None:
    repo = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repo, "clerk")
    assert summary_alerts(repo, "2026-10-12 09:00") == []
    services.intake(
        repo, "clerk", [{**MINIMAL_FORM, "received_at": "2026-09-20T10:00:00+08:00"}], at("2026-10-12 09:01")
    )
    assert len(summary_alerts(repo, "2026-10-12 09:02")) == 8


def test_init_on_the_command_line_keeps_when_the_database_started(cli) -> None:
    cli("init")
    code, data, _ = cli("escalate", "--json")
    assert code == 0
    assert [a for a in data["alerts"] if a["kind"] == "summary_overdue"] == []
