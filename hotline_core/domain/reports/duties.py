"""The services counted for the reports: by kind, by county and by month (issue 19).

A service counts in the period that holds the Beijing date it was given, as an order
counts by its receipt, and is looked at as of the report's moment: a legal aid referral
is "not back yet" (referred or accepted) or "concluded" by the steps recorded by then.

The quarterly summary carries them as columns after its own, one row per place as it has
(:data:`SUMMARY_COLUMNS`: its CSV stays one file, its earlier columns unchanged); the
hot-issues report carries two more tables, by place and by month (:func:`service_tables`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime

from attrs import frozen

from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.duties.service import LegalAidState, ServiceKind, ServiceRecord
from hotline_core.domain.reports.period import Period
from hotline_core.domain.reports.table import Column, Kind, Table
from hotline_core.domain.vocabulary import Place

_OUT = (LegalAidState.REFERRED, LegalAidState.ACCEPTED)


@frozen
class ServiceRow:
    """One line: a place or a month (``label``; ``code`` for JSON), services of each kind."""

    label: str
    code: str | None
    by_kind: tuple[int, ...]  # in ServiceKind's order
    legal_aid_out: int  # referred, the centre's answer or the outcome not back yet
    legal_aid_concluded: int

    @property
    def total(self) -> int:
        return sum(self.by_kind)


@frozen
class ServiceCounts:
    by_place: tuple[ServiceRow, ...]  # every place, then the total
    by_month: tuple[ServiceRow, ...]  # every month of the period


def service_counts(
    records: Iterable[ServiceRecord], period: Period, moment: datetime, county: Place | None = None
) -> ServiceCounts:
    """The services given in ``period`` by ``moment``; with ``county``, that place's only."""
    start, end = period.start, period.end
    counted = [
        r for r in records if start <= r.at < end and r.at <= moment and (county is None or r.place is county)
    ]
    places = (county,) if county is not None else tuple(Place)
    by_place = [_row(p.label, p.value, [r for r in counted if r.place is p], moment) for p in places]
    by_place.append(_row("合计", None, counted, moment))
    by_month = tuple(
        _row(f"{m:%Y-%m}", f"{m:%Y-%m}", [r for r in counted if _month(r) == m], moment)
        for m in period.month_starts()
    )
    return ServiceCounts(tuple(by_place), by_month)


def _month(record: ServiceRecord) -> date:
    return record.at.astimezone(SHANGHAI).date().replace(day=1)


def _row(label: str, code: str | None, records: list[ServiceRecord], moment: datetime) -> ServiceRow:
    kinds = Counter(r.kind for r in records)
    aid = Counter(r.legal_aid_state(moment) for r in records if r.kind is ServiceKind.LEGAL_AID)
    return ServiceRow(
        label,
        code,
        tuple(kinds[k] for k in ServiceKind),
        sum(aid[s] for s in _OUT),
        aid[LegalAidState.CONCLUDED],
    )


def _columns(key: str, heading: str) -> tuple[Column, ...]:
    return (
        Column(key, heading, Kind.TEXT),
        Column("code", "代码", Kind.CODE),
        *(Column(k.value, k.label) for k in ServiceKind),
        Column("total", "合计"),
        Column("legal_aid_out", "法律援助待反馈"),
        Column("legal_aid_concluded", "法律援助已办结"),
    )


def _cells(row: ServiceRow) -> tuple[str | int | None, ...]:
    return (row.label, row.code, *row.by_kind, row.total, row.legal_aid_out, row.legal_aid_concluded)


SUMMARY_COLUMNS: tuple[Column, ...] = (
    *(Column(f"service_{k.value}", f"服务：{k.label}") for k in ServiceKind),
    Column("services", "服务合计"),
    Column("legal_aid_out", "法律援助待反馈"),
    Column("legal_aid_concluded", "法律援助已办结"),
)


def summary_cells(counts: ServiceCounts, place: Place | None) -> tuple[int, ...]:
    """The :data:`SUMMARY_COLUMNS` cells of a place's row of the summary (None: the total)."""
    code = place.value if place is not None else None
    row = next(r for r in counts.by_place if r.code == code)
    return (*row.by_kind, row.total, row.legal_aid_out, row.legal_aid_concluded)


def service_tables(counts: ServiceCounts) -> tuple[Table, ...]:
    """The hot-issues report's two tables: by place (with the total) and by month."""
    return (
        Table(
            "services_by_place",
            "维权服务工作（按地区）",
            _columns("place", "地区"),
            tuple(map(_cells, counts.by_place)),
            "服务按地区",
            total_row=True,
        ),
        Table(
            "services_by_month",
            "维权服务工作（按月份）",
            _columns("month", "月份"),
            tuple(map(_cells, counts.by_month)),
            "服务按月份",
        ),
    )
