"""Services count in the period of the Beijing date they were given, as of the report's moment."""

from __future__ import annotations

from datetime import UTC, datetime

from hotline_core.domain.duties.service import ServiceKind, ServiceStep, new_service, service_step
from hotline_core.domain.reports.duties import service_counts
from hotline_core.domain.reports.period import Period
from hotline_core.domain.vocabulary import Place
from tests.support import HANDLER, YANJI_CLERK, at


def referral(when: datetime, actor=HANDLER, **details: str):
    return new_service("S1", ServiceKind.LEGAL_AID, {"name": "金某", "topic": "工伤", **details}, actor, when)


def test_a_service_given_on_the_last_utc_evening_of_september_counts_in_october_by_its_beijing_date() -> None:
    late = referral(datetime(2026, 9, 30, 16, 30, tzinfo=UTC))  # 2026-10-01 00:30 in Beijing
    q3 = service_counts([late], Period.parse("2026Q3"), at("2026-12-31 00:00"))
    q4 = service_counts([late], Period.parse("2026Q4"), at("2026-12-31 00:00"))
    assert q3.by_place[-1].total == 0 and q4.by_place[-1].total == 1
    assert [(r.label, r.total) for r in q4.by_month] == [("2026-10", 1), ("2026-11", 0), ("2026-12", 0)]


def test_a_referral_is_out_until_the_answer_recorded_by_the_reports_moment() -> None:
    sent = referral(at("2026-10-10 09:00"))
    back = service_step(
        service_step(sent, ServiceStep.ACCEPTED, {}, HANDLER, at("2026-10-12 09:00")),
        ServiceStep.CONCLUDED,
        {"outcome": "胜诉"},
        HANDLER,
        at("2026-11-02 09:00"),
    )
    october = service_counts([back], Period.parse("2026-10"), at("2026-12-01 00:00"))
    assert october.by_place[-1].legal_aid_out == 0 and october.by_place[-1].legal_aid_concluded == 1
    as_of_end = service_counts([back], Period.parse("2026-10"), Period.parse("2026-10").end)
    assert as_of_end.by_place[-1].legal_aid_out == 1 and as_of_end.by_place[-1].legal_aid_concluded == 0


def test_a_county_clerks_service_counts_in_their_county_and_a_county_filter_keeps_only_it() -> None:
    mine = referral(at("2026-10-10 09:00"), YANJI_CLERK)
    assert mine.place is Place.YANJI
    counts = service_counts([mine], Period.parse("2026Q4"), at("2026-12-31 00:00"), Place.YANJI)
    assert [(r.code, r.by_kind) for r in counts.by_place] == [("延吉市", (0, 0, 0, 1)), (None, (0, 0, 0, 1))]
