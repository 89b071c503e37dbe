"""Issue 18 through the use cases: county intake and handling, government departments in the
assessment, the county's summary table filed and compared, policy versions audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hotline_core import services
from hotline_core.adapters.memory import MemoryRepository
from hotline_core.domain.events import Command
from hotline_core.domain.organization import Person, UnitKind
from hotline_core.domain.problems import InvalidInput, Refused
from hotline_core.domain.quarters import Quarter
from hotline_core.domain.vocabulary import Place, Role, Status
from tests.support import COMPLETE_FORM, at

Q3 = Quarter(2026, 3)


def form(order_id: str, received: str, **changes: Any) -> dict[str, Any]:
    return {
        **COMPLETE_FORM,
        "id": order_id,
        "received_at": at(received).isoformat(),
        "call_date": at(received).date().isoformat(),
        **changes,
    }


@pytest.fixture
def county_repo(repo: MemoryRepository) -> MemoryRepository:
    """The founder ``clerk`` (admin, rights department) and two clerks of 延吉市."""
    for login in ("yanji", "yanji2"):
        services.add_user(repo, "clerk", Person(login, {Role.COUNTY_CLERK}, county=Place.YANJI))
    services.add_user(repo, "clerk", Person("tumen", {Role.COUNTY_CLERK}, county=Place.TUMEN))
    return repo


def act(repo: MemoryRepository, login: str, order_id: str, action: str, when: str, **data: str) -> Status:
    return services.act(repo, login, order_id, Command(action, data), at(when)).state.status


def test_a_county_order_goes_through_its_whole_lifecycle_by_the_countys_clerks_alone(
    county_repo: MemoryRepository,
) -> None:
    repo = county_repo
    without_place = {k: v for k, v in form("Y1", "2026-11-23 09:00").items() if k != "county"}
    report = services.intake(repo, "yanji", [without_place], at("2026-11-23 09:05"))
    assert report.added == ("Y1",)
    order = repo.snapshot().order("Y1")
    assert order is not None and order.record.place is Place.YANJI  # its county's order
    steps = [
        ("yanji", "sign", "2026-11-23 09:10", {}),
        ("yanji", "assign", "2026-11-23 09:20", {"to": "yanji2"}),
        ("yanji2", "contact", "2026-11-23 10:00", {}),
        ("clerk", "supervise", "2026-11-24 09:00", {}),  # the prefecture may supervise it
        ("yanji2", "refer", "2026-11-24 10:00", {"to": "民政局"}),
        ("yanji2", "chase", "2026-11-25 10:00", {}),
        ("yanji2", "answer_referral", "2026-11-25 15:00", {"text": "已办理"}),
        ("yanji2", "feedback", "2026-11-25 16:00", {"text": "已解决", "no_image_reason": "电话办理"}),
        ("yanji2", "reply", "2026-11-25 16:10", {"text": "已为您办理低保"}),
        ("yanji", "rate", "2026-11-26 09:00", {"level": "satisfied"}),
        ("yanji", "close", "2026-11-26 09:10", {}),
        ("yanji", "archive", "2026-11-26 09:20", {}),
    ]
    for login, action, when, data in steps:
        act(repo, login, "Y1", action, when, **data)
    archived = repo.archived_order("Y1")
    assert archived is not None and archived.state.status is Status.ARCHIVED
    assert {e.actor for e in archived.events} == {"yanji", "yanji2", "clerk"}
    assert [e.action.value for e in archived.events if e.actor == "clerk"] == ["supervise"]
    assert archived.state.supervisions[0].answered_at == at("2026-11-25 16:00")  # its feedback answered


def test_the_prefecture_does_not_handle_a_countys_order_nor_another_county_see_it(
    county_repo: MemoryRepository,
) -> None:
    repo = county_repo
    services.intake(repo, "yanji", [form("Y1", "2026-11-23 09:00")], at("2026-11-23 09:05"))
    with pytest.raises(Refused):
        act(repo, "clerk", "Y1", "sign", "2026-11-23 09:10")
    with pytest.raises(InvalidInput):  # not theirs: as if it did not exist
        act(repo, "tumen", "Y1", "sign", "2026-11-23 09:10")
    report = services.intake(
        repo, "yanji", [form("T1", "2026-11-23 09:00", county="图们市")], at("2026-11-23 09:05")
    )
    assert report.rejected[0][2][0].code == "not_your_county"


def test_an_order_passed_to_minzhengju_shows_in_the_assessment_apart_from_the_federations_units(
    repo: MemoryRepository,
) -> None:
    services.intake(repo, "clerk", [form("P1", "2026-11-23 09:00")], at("2026-11-23 09:05"))
    act(repo, "clerk", "P1", "sign", "2026-11-23 09:10")
    act(repo, "clerk", "P1", "refer", "2026-11-23 10:00", to="民政局")
    act(repo, "clerk", "P1", "chase", "2026-11-25 10:00")
    act(repo, "clerk", "P1", "answer_referral", "2026-11-25 16:00", text="已纳入低保")
    assessment = services.report(repo, "clerk", "assessment", "2026", None, at("2026-11-27 09:00"))
    assert all(u.unit.kind is not UnitKind.GOVERNMENT for u in assessment.units)
    (government,) = assessment.government
    assert (government.unit.name, government.passed, government.chased, government.answer_on_time) == (
        "民政局",
        1,
        1,
        1,
    )
    from hotline_core.domain.reports import to_document

    tables = {t.key: t for t in to_document(assessment).tables}
    assert tables["government"].records()[0]["answered"] == 1


def test_a_policy_version_is_kept_with_who_set_it_when_and_on_which_document(repo: MemoryRepository) -> None:
    version = services.set_policy(
        repo,
        "clerk",
        "延吉市",
        "2026-12-01T00:00:00+08:00",
        "延市残联发〔2026〕5号",
        {"close": "48h"},
        at("2026-11-27 10:00"),
    )
    view = services.policy_view(repo, "clerk", "延吉市", at("2026-12-02 00:00"))
    assert view.own and view.versions == (version,)
    assert (version.set_by, version.set_at, version.document) == (
        "clerk",
        at("2026-11-27 10:00"),
        "延市残联发〔2026〕5号",
    )
    before = services.policy_view(repo, "clerk", "延吉市", at("2026-11-30 00:00"))
    assert not before.own and before.policy.name == "yanbian-2019"


def test_only_an_administrator_sets_a_policy_and_a_refusal_stores_nothing(
    county_repo: MemoryRepository,
) -> None:
    with pytest.raises(Refused):
        services.set_policy(
            county_repo,
            "yanji",
            "延吉市",
            "2026-12-01T00:00:00+08:00",
            "x",
            {"close": "48h"},
            at("2026-11-27 10:00"),
        )
    with pytest.raises(InvalidInput):
        services.set_policy(
            county_repo,
            "clerk",
            "延吉市",
            "2026-12-01T00:00:00+08:00",
            "x",
            {"close": "96h"},
            at("2026-11-27 10:00"),
        )
    assert county_repo.snapshot().settings().policies.versions == ()


# -- the county's summary table ---------------------------------------------------------------

# Hand-counted: 延吉市's orders received in 2026Q3 when its clerk generates the table, and the
# one the center pushed to the prefecture late, after the table was filed.
FILED_BY_HAND = {"received": 3, "type_complaint": 2, "type_consultation": 1, "declined": 1, "open_at_end": 2}
COUNTED_BY_HAND = {
    "received": 4,
    "type_complaint": 3,
    "type_consultation": 1,
    "declined": 1,
    "open_at_end": 3,
}


def test_a_county_files_its_summary_table_and_the_prefecture_sees_the_differences(
    county_repo: MemoryRepository, tmp_path: Path
) -> None:
    repo = county_repo
    services.intake(
        repo,
        "yanji",
        [
            form("Y1", "2026-08-03 09:00"),
            form("Y2", "2026-09-14 10:00", appeal_type="consultation"),
            form("Y3", "2026-09-28 15:00"),
        ],
        at("2026-09-28 16:00"),
    )
    services.intake(repo, "clerk", [form("T1", "2026-09-01 09:00", county="图们市")], at("2026-09-01 09:05"))
    act(
        repo,
        "yanji",
        "Y3",
        "decline",
        "2026-09-28 16:10",
        reason="commercial",
        explanation="经营",
        guidance="市场监管",
    )
    with pytest.raises(Refused):
        services.check_summary(repo, "yanji", Q3, at("2026-10-08 09:00"))  # nothing generated yet
    table = services.generate_summary(repo, "yanji", Q3, at("2026-10-08 09:00"))
    assert {k: table.counts[k] for k in FILED_BY_HAND} == FILED_BY_HAND
    with pytest.raises(InvalidInput) as unfinished:
        services.file_summary(repo, "yanji", Q3, None, at("2026-10-08 09:05"))
    assert {p.code for p in unfinished.value.problems} == {"summary_not_checked", "summary_needs_scan"}
    services.check_summary(repo, "yanji", Q3, at("2026-10-08 09:10"))
    services.note_summary(repo, "yanji", Q3, "Y3 属经营性事项，不予受理")
    scan = tmp_path / "signed.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    services.attach_scan(repo, "yanji", Q3, scan)
    assert services.file_summary(repo, "yanji", Q3, None, at("2026-10-08 11:00")) == "延吉市"
    with pytest.raises(Refused):  # filed: it never changes
        services.note_summary(repo, "yanji", Q3, "改")
    # The center's late push: the prefecture takes in one more 延吉市 order of the quarter.
    services.intake(repo, "clerk", [form("P9", "2026-09-30 10:00")], at("2026-10-09 09:00"))
    comparison = services.report(repo, "clerk", "comparison", "2026Q3", None, at("2026-10-12 09:00"))
    yanji = next(c for c in comparison.counties if c.county is Place.YANJI)
    assert (yanji.state.value, yanji.filed_at, yanji.notes) == (
        "on_time",
        at("2026-10-08 11:00"),
        "Y3 属经营性事项，不予受理",
    )
    assert comparison.due == at("2026-10-09 00:00")  # 10-03 is a holiday: the next working day, 10-08
    figures = {f.key: f for f in yanji.figures}
    for key, filed in FILED_BY_HAND.items():
        assert (figures[key].filed, figures[key].counted) == (filed, COUNTED_BY_HAND[key]), key
    # P9 arrived late for the table: received, a complaint about employment, signed late (the
    # push came after its hour), its contact and close still running at the quarter's end.
    late_push = ("received", "type_complaint", "area_employment", "sign_late", "contact_pending")
    assert {f.key: f.difference for f in yanji.differences} == dict.fromkeys(
        (*late_push, "close_pending", "overdue", "open_at_end"), -1
    )
    tumen = next(c for c in comparison.counties if c.county is Place.TUMEN)
    assert tumen.state.value == "missing" and tumen.figures[0].filed is None


def test_a_countys_own_order_counts_for_the_county_in_the_assessment_its_signature_too(
    county_repo: MemoryRepository,
) -> None:
    services.intake(county_repo, "yanji", [form("Y1", "2026-11-23 09:00")], at("2026-11-23 09:05"))
    act(county_repo, "yanji", "Y1", "sign", "2026-11-23 09:30")
    assessment = services.report(county_repo, "clerk", "assessment", "2026", None, at("2026-11-27 09:00"))
    units = {u.unit.name: u.figures for u in assessment.units}
    assert units["延吉市"].received == 1 and units["延吉市"].sign.on_time == 1
    assert units["维权部"].sign.decided == 0


def test_a_government_departments_late_answer_is_its_own_not_the_federations(repo: MemoryRepository) -> None:
    services.intake(repo, "clerk", [form("P1", "2026-11-23 09:00")], at("2026-11-23 09:05"))
    act(repo, "clerk", "P1", "sign", "2026-11-23 09:10")
    act(repo, "clerk", "P1", "contact", "2026-11-23 09:20")
    act(repo, "clerk", "P1", "refer", "2026-11-23 10:00", to="民政局")
    act(repo, "clerk", "P1", "chase", "2026-11-23 11:00")  # the answer is due 11-24 11:00
    act(repo, "clerk", "P1", "answer_referral", "2026-11-25 09:00", text="迟复")
    assessment = services.report(repo, "clerk", "assessment", "2026", None, at("2026-11-25 10:00"))
    assert assessment.government[0].answer_late == 1
    rights = next(u for u in assessment.units if u.unit.name == "维权部")
    assert (rights.figures.overdue, rights.figures.handling_overdue) == (0, 0)


def test_a_later_change_of_the_summary_due_day_does_not_rejudge_a_quarter_already_filed(
    county_repo: MemoryRepository, tmp_path: Path
) -> None:
    repo, q2 = county_repo, Quarter(2026, 2)
    services.generate_summary(repo, "yanji", q2, at("2026-07-04 09:00"))
    services.check_summary(repo, "yanji", q2, at("2026-07-04 09:10"))
    scan = tmp_path / "signed.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    services.attach_scan(repo, "yanji", q2, scan)
    services.file_summary(repo, "yanji", q2, None, at("2026-07-04 10:00"))  # a day after Friday 07-03
    # Weeks later the prefecture moves the due day to the 6th, for the quarters to come.
    services.set_policy(
        repo, "clerk", "州本级", "2026-08-01T00:00:00+08:00", "x", {"summary_due_day": "6"},
        at("2026-07-20 10:00"),
    )  # fmt: skip
    comparison = services.report(repo, "clerk", "comparison", "2026Q2", None, at("2026-08-10 09:00"))
    yanji = next(c for c in comparison.counties if c.county is Place.YANJI)
    assert (comparison.due, yanji.state.value) == (at("2026-07-04 00:00"), "late")
    table = repo.snapshot().summary_table(q2, "延吉市")
    assert table is not None
    shown = services.summary_table_json(repo, table)
    assert shown["due"] == shown["county_due"] == "2026-07-04T00:00:00+08:00"
    later = services.report(repo, "clerk", "comparison", "2026Q4", None, at("2027-01-10 09:00"))
    assert later.due == at("2027-01-07 00:00")  # the quarters after the change: the 6th


def test_a_summary_received_on_paper_is_filed_in_the_comparison_with_no_figures_to_compare(
    repo: MemoryRepository,
) -> None:
    q3 = Quarter.parse("2026Q3")
    services.file_summary(repo, "clerk", q3, "图们市", at("2026-10-08 15:00"))  # before the due day ends
    comparison = services.report(repo, "clerk", "comparison", "2026Q3", None, at("2026-10-12 09:00"))
    tumen = next(c for c in comparison.counties if c.county is Place.TUMEN)
    assert (tumen.state.value, tumen.filed_at, tumen.on_paper) == ("on_time", at("2026-10-08 15:00"), True)
    assert tumen.differences == ()  # nothing was entered, so nothing is said to differ
    helong = next(c for c in comparison.counties if c.county is Place.HELONG)
    assert (helong.state.value, helong.on_paper) == ("missing", False)
    from hotline_core.domain.reports import to_document

    (table,) = to_document(comparison).tables
    shown = [row[:4] for row in table.rows]
    assert ("图们市", "按时报送", at("2026-10-08 15:00"), "纸质报送，未录入数据") in shown
