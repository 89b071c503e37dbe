"""Issue 15 on the command line: due times people read, rounds in ``show --json``."""

from __future__ import annotations


def test_deadlines_print_the_last_day_at_24_00_never_the_next_days_midnight(cli) -> None:
    cli("init")
    code, text, _ = cli("deadlines", "--received", "2026-11-21T10:00:00+08:00", "--type", "complaint")
    assert code == 0
    assert "11-25 24:00" in text and "11-26 00:00" not in text
    code, data, _ = cli(
        "deadlines", "--received", "2026-11-21T10:00:00+08:00", "--type", "complaint", "--json"
    )
    assert data["close_by"] == "2026-11-26T00:00:00+08:00"  # JSON keeps the instant


def test_the_summary_due_day_reads_as_that_day(cli) -> None:
    cli("init")
    code, text, _ = cli("calendar", "summary-due", "2026Q3")
    assert code == 0 and "10-08 当日" in text
