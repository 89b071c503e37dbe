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


def test_act_with_at_records_when_the_call_happened_and_show_prints_both(cli, tmp_path) -> None:
    import time
    from datetime import datetime, timedelta

    from hotline_core.domain.calendar import SHANGHAI
    from tests.support import MINIMAL_FORM, push

    received = (datetime.now(SHANGHAI) - timedelta(hours=2)).replace(microsecond=0)
    cli("init")
    cli("intake", push(tmp_path, {**MINIMAL_FORM, "received_at": received.isoformat()}))
    code, data, _ = cli("act", "A1", "sign", "--json")
    called = datetime.fromisoformat(data["events"][-1]["at"])  # the call came just as it was signed
    time.sleep(1.1)  # ... and is typed in a moment later
    code, data, _ = cli("act", "A1", "contact", f"at={called.isoformat()}", "--json")
    assert code == 0
    contact = data["events"][-1]
    assert contact["at"] == called.isoformat() and contact["entered_at"] is not None
    assert data["limits"]["contact"]["met_at"] == called.isoformat()
    code, text, _ = cli("show", "A1")
    assert "补录" in text
