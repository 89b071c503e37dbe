"""The time subcommands keep their JSON contracts (SPEC section 10)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from attrs import evolve

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.calendar import OfficeHours
from hotline_core.domain.policy import YANBIAN_2019, Limit, PolicySchedule
from hotline_tui.cli import main
from tests.support import at
from tests.unit.test_scenario import SPEC_SCENARIO


@pytest.fixture(autouse=True)
def no_database(tmp_path, monkeypatch) -> None:
    """Without ``--db`` the commands read ``$HOTLINE_DB``: point it at an empty folder,
    not the host's database."""
    monkeypatch.setenv("HOTLINE_DB", str(tmp_path / "none"))


def run(capsys, *argv: str) -> tuple[int, dict | str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    try:
        return code, json.loads(captured.out), captured.err
    except json.JSONDecodeError:
        return code, captured.out, captured.err


def test_deadlines_json(capsys) -> None:
    code, data, _ = run(
        capsys, "deadlines", "--received", "2026-11-20T16:00:00+08:00", "--type", "complaint", "--json"
    )
    assert code == 0
    assert data == {
        "sign_by": "2026-11-20T17:00:00+08:00",
        "return_by": "2026-11-20T17:00:00+08:00",
        "contact_by": "2026-11-23T16:00:00+08:00",
        "close_by": "2026-11-25T16:00:00+08:00",
        "provisional": False,
    }


def test_deadlines_with_emergency_and_utc_input(capsys) -> None:
    _code, data, _ = run(
        capsys,
        "deadlines",
        "--received",
        "2026-11-20T08:00:00Z",
        "--type",
        "consultation",
        "--emergency",
        "--json",
    )
    assert data["emergency_reply_by"] == "2026-11-20T17:00:00+08:00"
    assert data["close_by"] == "2026-11-23T16:00:00+08:00"


def test_deadlines_across_the_year_end_are_provisional(capsys) -> None:
    _, data, _ = run(
        capsys, "deadlines", "--received", "2026-12-31T16:30:00+08:00", "--type", "help", "--json"
    )
    assert data["provisional"] is True and data["sign_by"] == "2027-01-04T09:00:00+08:00"


def test_bad_input_exits_non_zero_with_a_one_line_reason(capsys) -> None:
    code, out, err = run(capsys, "deadlines", "--received", "soon", "--type", "complaint", "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "受理时间" in err
    code, _, err = run(
        capsys, "--lang", "en", "deadlines", "--received", "2026-11-20T16:00+08:00", "--type", "x"
    )
    assert code == 2 and "appeal type: is not one of the choices (consultation、help" in err
    code, _, err = run(capsys, "deadlines", "--received", "2026-11-20T16:00+08:00", "--type", "x")
    assert code == 2 and "诉求类型：不在可选范围内（可选：政策咨询、生活帮助、投诉、举报、意见建议）" in err


def test_the_appeal_type_is_read_as_intake_reads_it(capsys) -> None:
    _, by_code, _ = run(
        capsys, "deadlines", "--received", "2026-11-20T16:00:00+08:00", "--type", "help", "--json"
    )
    _, by_alias, _ = run(
        capsys, "deadlines", "--received", "2026-11-20T16:00:00+08:00", "--type", "求助", "--json"
    )
    assert by_alias == by_code


# -- with a database: its settings decide (SPEC 5: every limit, clock and office hour is a setting) --

QUICK_SIGN = evolve(
    YANBIAN_2019,
    name="quick-sign",
    sign=Limit(timedelta(hours=2), "office_hours"),
    office_hours=OfficeHours([("08:00", "12:00"), ("13:30", "17:30")]),
    summary_due_day=15,
)


def change_policy(cli, effective_from: str) -> None:
    cli("init")
    schedule = PolicySchedule(YANBIAN_2019, ((at(effective_from), QUICK_SIGN),))
    services.change_settings(FileRepository.open(cli.folder), "founder", policies=schedule)


def test_deadlines_follow_the_databases_policy(cli) -> None:
    change_policy(cli, "2020-01-01 00:00")
    code, data, _ = cli(
        "deadlines", "--received", "2026-11-20T16:00:00+08:00", "--type", "complaint", "--json"
    )
    assert code == 0
    # Friday 16:00: 1.5 office hours left that day (to 17:30), the other half hour from Monday 08:00.
    assert data == {
        "sign_by": "2026-11-23T08:30:00+08:00",
        "return_by": "2026-11-20T17:00:00+08:00",
        "contact_by": "2026-11-23T16:00:00+08:00",
        "close_by": "2026-11-25T16:00:00+08:00",
        "provisional": False,
    }


def test_deadlines_use_the_policy_in_force_at_receipt(cli) -> None:
    change_policy(cli, "2026-11-20 12:00")
    _, before, _ = cli(
        "deadlines", "--received", "2026-11-20T11:00:00+08:00", "--type", "complaint", "--json"
    )
    _, after, _ = cli("deadlines", "--received", "2026-11-20T16:00:00+08:00", "--type", "complaint", "--json")
    assert (
        before["sign_by"] == "2026-11-20T13:30:00+08:00"
    )  # yanbian-2019: 1 office hour, 11:00-11:30, 13:00-13:30
    assert after["sign_by"] == "2026-11-23T08:30:00+08:00"


def test_summary_due_json(capsys) -> None:
    code, data, _ = run(capsys, "calendar", "summary-due", "2026Q3", "--json")
    assert (code, data) == (
        0,
        {"quarter": "2026Q3", "due": "2026-10-09T00:00:00+08:00", "provisional": False},
    )
    code, _, err = run(capsys, "calendar", "summary-due", "2026Q9", "--json")
    assert code == 2 and "季度" in err


def test_summary_due_follows_the_databases_due_day(cli) -> None:
    change_policy(cli, "2020-01-01 00:00")
    code, data, _ = cli("calendar", "summary-due", "2026Q3", "--json")
    assert (code, data) == (
        0,
        {"quarter": "2026Q3", "due": "2026-10-16T00:00:00+08:00", "provisional": False},
    )


def test_simulate_json(capsys, tmp_path) -> None:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(SPEC_SCENARIO, ensure_ascii=False), encoding="utf-8")
    code, data, _ = run(capsys, "simulate", str(path), "--json")
    assert code == 0 and data["orders"]["A1"]["limits"]["close"]["state"] == "breached"
    code, text, _ = run(capsys, "simulate", str(path))
    assert code == 0 and "A1  办理中" in text  # names in the reader's language (issue 16)


@pytest.mark.parametrize("content", ["{not json", None])
def test_simulate_a_bad_file_says_why(capsys, tmp_path, content) -> None:
    path = tmp_path / "scenario.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "simulate", str(path))
    assert code == 2 and str(path) in err
