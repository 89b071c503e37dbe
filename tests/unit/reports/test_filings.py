"""The counties' summary tables as deliverables: on time, late, missing, not yet due."""

from __future__ import annotations

from hotline_core.domain.calendar import WorkingCalendar
from hotline_core.domain.escalation import summary_alerts
from hotline_core.domain.quarters import Quarter, summary_due
from hotline_core.domain.reports.filings import FilingState, summary_filings
from hotline_core.domain.vocabulary import Place
from tests.support import at

Q3 = Quarter(2026, 3)
DUE = summary_due(Q3, WorkingCalendar.default())  # 3 Oct is in the holiday: due by the end of 8 Oct
FILED = {
    Place.YANJI: at("2026-10-02 10:00"),
    Place.TUMEN: at("2026-10-08 23:59"),
    Place.DUNHUA: at("2026-10-09 00:00"),  # the due instant itself
    Place.HUNCHUN: at("2026-10-09 08:00"),
}


def states(report) -> dict[str, str]:
    return {c.county.value: c.state.value for c in report.counties}


def test_the_due_time_is_the_end_of_the_first_working_day_from_the_3rd() -> None:
    assert DUE.due == at("2026-10-09 00:00")


def test_each_county_filed_on_time_late_or_not_at_all() -> None:
    report = summary_filings(Q3, DUE, FILED, at("2026-10-12 09:00"))
    assert states(report) == {
        "延吉市": "on_time",
        "图们市": "on_time",
        "敦化市": "on_time",
        "珲春市": "late",
        "龙井市": "missing",
        "和龙市": "missing",
        "汪清县": "missing",
        "安图县": "missing",
    }
    assert report.counties[0].filed_at == FILED[Place.YANJI]
    assert report.counties[4].filed_at is None
    assert (report.due, report.provisional) == (DUE.due, False)


def test_before_the_due_time_a_missing_summary_is_not_yet_due() -> None:
    report = summary_filings(Q3, DUE, FILED, at("2026-10-05 09:00"))
    assert states(report)["延吉市"] == "on_time"
    assert states(report)["图们市"] == "not_yet_due"  # filed later than the moment asked about
    assert report.counties[1].filed_at is None


def test_the_missing_ones_are_the_ones_escalation_alerts_about() -> None:
    now = at("2026-10-12 09:00")
    report = summary_filings(Q3, DUE, FILED, now)
    missing = {c.county.value for c in report.counties if c.state is FilingState.MISSING}
    alerted = {a.supervision_of for a in summary_alerts(Q3, DUE.due, FILED.keys(), now)}
    assert missing == alerted


def test_states_have_chinese_labels() -> None:
    assert [s.label for s in FilingState] == ["按时报送", "逾期报送", "逾期未报送", "未报送（未到期）"]
