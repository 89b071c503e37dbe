"""The rest-day table: the package's answers, kept so a clerk's start-up need not import it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hotline_core.domain import rest_days, rest_days_table
from hotline_core.domain.calendar import WorkingCalendar

SAME_RELEASE = rest_days.installed_version() == rest_days_table.HOLIDAYS_VERSION


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Lets a test say which release of the package is installed."""
    rest_days.table_in_use.cache_clear()
    yield monkeypatch
    monkeypatch.undo()
    rest_days.table_in_use.cache_clear()


@pytest.mark.skipif(
    not SAME_RELEASE,
    reason=(
        f"holidays {rest_days.installed_version()} is installed, the table was made from "
        f"{rest_days_table.HOLIDAYS_VERSION}: write it again (python -m hotline_core.domain.rest_days)"
    ),
)
def test_the_table_is_exactly_what_the_installed_package_gives() -> None:
    written = Path(rest_days_table.__file__).read_text(encoding="utf-8")
    assert rest_days.render_table() == written


def test_with_the_tables_release_installed_the_calendar_answers_without_the_package(
    installed: pytest.MonkeyPatch,
) -> None:
    installed.setattr(rest_days, "installed_version", lambda: rest_days_table.HOLIDAYS_VERSION)
    installed.setitem(rest_days_table.REST_DAYS, 2026, {1: (1,)})  # a table that says so
    calendar = WorkingCalendar()
    assert not calendar.is_working_day(date(2026, 1, 1))
    assert calendar.is_working_day(date(2026, 10, 1))  # the table's word, not the package's


def test_another_release_of_the_package_is_asked_itself(installed: pytest.MonkeyPatch) -> None:
    installed.setattr(rest_days, "installed_version", lambda: "0.999")
    installed.setitem(rest_days_table.REST_DAYS, 2026, {1: (1,)})
    calendar = WorkingCalendar()
    assert not calendar.is_working_day(date(2026, 10, 1))  # National Day, per the package
    assert calendar.is_official(2026)


def test_a_year_past_the_table_is_asked_of_the_package() -> None:
    beyond = max(rest_days_table.REST_DAYS) + 1
    october = WorkingCalendar().rest_days(beyond)
    assert {date(beyond, 10, 1), date(beyond, 10, 2), date(beyond, 10, 3)} <= october


@pytest.mark.skipif(not SAME_RELEASE, reason="the table is not used with another release of holidays")
def test_a_clerks_process_works_out_deadlines_without_importing_the_package() -> None:
    probe = textwrap.dedent("""
        import sys
        from datetime import date
        from hotline_core.domain.calendar import WorkingCalendar
        calendar = WorkingCalendar.default()
        assert not calendar.is_working_day(date(2026, 10, 1))
        assert calendar.is_working_day(date(2026, 10, 10))  # a make-up Saturday
        assert calendar.is_official(2026)
        print(sorted(name for name in sys.modules if name.split(".")[0] == "holidays"))
    """)
    run = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert run.stdout.strip() == "[]"


def test_the_installed_release_is_read_as_the_package_metadata_says() -> None:
    from importlib import metadata

    assert rest_days.installed_version() == metadata.version("holidays")


def test_a_process_that_starts_the_calendar_does_not_import_the_metadata_machinery() -> None:
    """``importlib.metadata`` is about 30 ms of a clerk's start; the release is read beside the package."""
    probe = textwrap.dedent(
        """
        import sys
        from hotline_core.domain import rest_days
        rest_days.table_in_use()
        print("importlib.metadata" in sys.modules)
        """
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
