"""China's rest days as the ``holidays`` package gives them, without importing it at start.

The package is where the working calendar comes from (``hotline_core.domain.calendar``),
but importing it loads every country it knows: about 0.3 s of a clerk's
start-up, more than any other single step. So its answers for 2001 to a few
years past its last State Council notice are kept in a generated module,
``rest_days_table``, made from one release of the package; while that release is
the one installed, the table answers and the package is not imported. Any other
release (an administrator's ``pip install -U holidays`` for next year's notice),
or a year outside the table, asks the package itself, so the table can never
hold back a newer schedule.

After changing the package's version, write the table again and review its
diff, which shows every day the new release moves::

    python -m hotline_core.domain.rest_days > hotline_core/rest_days_table.py
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from hotline_core.domain import rest_days_table

# The last year with a State Council notice in holidays 0.109. Used only if the
# package's own list cannot be read (a renamed attribute in a later release); a
# floor, so raise it when the package moves on.
FALLBACK_LAST_OFFICIAL_YEAR = 2026
# The table reaches this many years past the last notice: the package's guesses
# for them (statutory holidays, no make-up days) are what deadlines reach into.
YEARS_AFTER_LAST_NOTICE = 4
# The package checks China against the official notices from 2001 on (``China``
# docstring, "Limitations"); earlier years are history to us. The table starts there.
FIRST_OFFICIAL_YEAR = 2001


def installed_version() -> str | None:
    """The release of ``holidays`` installed here (read without importing it).

    A wheel installs the package beside its ``holidays-<release>.dist-info`` folder, whose
    name is read first: ``importlib.metadata`` costs a clerk's start about 30 ms to import
    and search with. Any other layout asks it."""
    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    beside = list(Path(spec.origin).parents[1].glob("holidays-*.dist-info"))
    if len(beside) == 1:
        return beside[0].name.removeprefix("holidays-").removesuffix(".dist-info")
    from importlib import metadata

    try:
        return metadata.version("holidays")
    except metadata.PackageNotFoundError:
        return None


@cache
def table_in_use() -> bool:
    """Whether the table was made from the installed release of the package."""
    return installed_version() == rest_days_table.HOLIDAYS_VERSION


def package_rest_days(year: int) -> frozenset[date]:
    """Every day of ``year`` the package says is not worked."""
    if table_in_use() and year in rest_days_table.REST_DAYS:
        return frozenset(_table_days(year, rest_days_table.REST_DAYS[year]))
    return computed_rest_days(year)


def last_official_year() -> int:
    """The last year for which the package carries the State Council's notice."""
    if table_in_use():
        return rest_days_table.LAST_OFFICIAL_YEAR
    return computed_last_official_year()


@cache
def computed_rest_days(year: int) -> frozenset[date]:
    """Rest days of ``year`` worked out by the package, once per process and year.

    ``is_working_day`` already counts weekend make-up days as worked, even the
    ones a notice for the next year moves into this year.
    """
    import holidays

    china = holidays.country_holidays("CN", years=year, language="zh_CN")
    return frozenset(day for day in _days_of(year) if not china.is_working_day(day))


@cache
def computed_last_official_year() -> int:
    """The package's last year with a notice, read from the package.

    Every notice since 2001 moves some working days to weekends (调休), and the
    package lists those moves year by year in
    ``ChinaStaticHolidays.special_public_holidays``; its class docstring cites
    the notice for each of those years. A year past the last key is computed
    from the statutory rules alone, without make-up working days, so it is a
    guess, not the schedule (2027 in holidays 0.109).
    """
    import holidays.countries.china

    try:
        table = holidays.countries.china.ChinaStaticHolidays.special_public_holidays
        return max(int(year) for year in table)
    except (AttributeError, TypeError, ValueError):
        return FALLBACK_LAST_OFFICIAL_YEAR


def render_table() -> str:
    """The source of ``rest_days_table`` for the installed package."""
    last = computed_last_official_year()
    lines = [
        f'"""Rest days of China as holidays {installed_version()} gives them (generated).',
        "",
        "Written by ``python -m hotline_core.domain.rest_days``; do not edit: an administrator",
        "corrects a year with ``hotline calendar override``. Month: days of the month.",
        '"""',
        "",
        f'HOLIDAYS_VERSION = "{installed_version()}"',
        f"LAST_OFFICIAL_YEAR = {last}",
        "REST_DAYS: dict[int, dict[int, tuple[int, ...]]] = {",
    ]
    for year in range(FIRST_OFFICIAL_YEAR, last + YEARS_AFTER_LAST_NOTICE + 1):
        lines.append(f"    {year}: {{")
        for month, days in _by_month(computed_rest_days(year)).items():
            lines.append(f"        {month}: {days},")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _by_month(days: Iterable[date]) -> dict[int, tuple[int, ...]]:
    months: dict[int, list[int]] = {}
    for day in sorted(days):
        months.setdefault(day.month, []).append(day.day)
    return {month: tuple(numbers) for month, numbers in months.items()}


def _table_days(year: int, months: Mapping[int, tuple[int, ...]]) -> Iterable[date]:
    return (date(year, month, day) for month, days in months.items() for day in days)


def _days_of(year: int) -> Iterable[date]:
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)


if __name__ == "__main__":
    print(render_table(), end="")
