"""A study's steps: draft → submitted → answered, and what each refuses (source 四(五), 一(三))."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hotline_core.domain.problems import InvalidInput, Refused
from hotline_core.domain.studies import StudyKind, StudyState, add_orders, answer, new_study, submit, write
from hotline_core.domain.studies.study import next_id
from tests.support import at

NOW = at("2026-10-10 10:00")


def draft():
    return new_study(
        "ZY2026-001", "study", "关于按比例就业的专项调研", "用人单位不按比例安排就业", "clerk", NOW
    )


def written():
    return write(draft(), "clerk", NOW, findings="知晓率低。", suggestions="加强宣传。")


def fields(error: pytest.ExceptionInfo) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in error.value.problems]


def test_a_study_goes_from_draft_to_submitted_to_answered_keeping_every_step() -> None:
    study = add_orders(written(), ["A1", "A2", "A1"], "clerk", NOW)
    assert (study.state, study.order_ids) == (StudyState.DRAFT, ("A1", "A2"))
    sent = submit(study, "party_group", "clerk", NOW + timedelta(days=1))
    assert (sent.state, sent.submitted_to, sent.submitted_at) == (
        StudyState.SUBMITTED,
        "党组",
        NOW + timedelta(days=1),
    )
    done = answer(sent, "同意，请落实。", "clerk", NOW + timedelta(days=5), at=NOW + timedelta(days=3))
    assert (done.state, done.answer, done.answered_at) == (
        StudyState.ANSWERED,
        "同意，请落实。",
        NOW + timedelta(days=3),
    )
    assert [s.action for s in done.steps] == ["open", "write", "add_orders", "submit", "answer"]
    assert done.steps[2].note == "A1、A2"


def test_a_government_department_is_named_as_written() -> None:
    assert submit(written(), "民政局", "clerk", NOW).submitted_to == "民政局"


def test_a_report_without_findings_or_suggestions_is_not_submitted() -> None:
    with pytest.raises(InvalidInput) as refused:
        submit(draft(), "board", "clerk", NOW)
    assert fields(refused) == [("findings", "required_to_submit"), ("suggestions", "required_to_submit")]


def test_a_submitted_report_no_longer_changes() -> None:
    sent = submit(written(), "board", "clerk", NOW)
    with pytest.raises(Refused) as refused:
        write(sent, "clerk", NOW, findings="改写")
    assert fields(refused) == [("", "study_submitted")]
    with pytest.raises(Refused):
        add_orders(sent, ["A9"], "clerk", NOW)


def test_an_answer_needs_a_submitted_report_and_comes_once() -> None:
    with pytest.raises(Refused) as refused:
        answer(written(), "同意", "clerk", NOW)
    assert fields(refused) == [("", "study_not_submitted")]
    done = answer(submit(written(), "board", "clerk", NOW), "同意", "clerk", NOW)
    with pytest.raises(Refused) as again:
        answer(done, "再答复", "clerk", NOW)
    assert fields(again) == [("", "study_answered")]


def test_a_step_is_never_dated_in_the_future_nor_before_the_last_one() -> None:
    with pytest.raises(InvalidInput) as future:
        submit(written(), "board", "clerk", NOW, at=NOW + timedelta(minutes=1))
    assert fields(future) == [("at", "at_in_future")]
    with pytest.raises(InvalidInput) as early:
        submit(written(), "board", "clerk", NOW, at=NOW - timedelta(days=1))
    assert fields(early) == [("at", "study_at_before_last")]


def test_an_analysis_covers_a_period_and_is_titled_after_it() -> None:
    analysis = new_study("FX2026-001", "analysis", "", "", "clerk", NOW, period="2026q3")
    assert analysis.kind is StudyKind.ANALYSIS and analysis.period == "2026Q3"
    assert analysis.title == "残疾人“12345”热线热点难点问题分析（2026年第三季度）"
    with pytest.raises(InvalidInput) as refused:
        new_study("FX2026-002", "analysis", "", "", "clerk", NOW)
    assert fields(refused) == [("period", "required")]


def test_a_study_needs_a_title_and_a_problem_or_a_hot_issue() -> None:
    with pytest.raises(InvalidInput) as refused:
        new_study("ZY2026-001", "study", " ", "", "clerk", NOW)
    assert fields(refused) == [("title", "required"), ("problem", "required")]
    assert (
        new_study("ZY2026-001", "study", "就业", "", "clerk", NOW, hot_issue="保障金").hot_issue == "保障金"
    )
    with pytest.raises(InvalidInput) as bad:
        new_study("ZY2026-001", "survey", "就业", "x", "clerk", NOW)
    assert fields(bad) == [("kind", "not_in_list")]


def test_nothing_new_to_add_or_to_write_is_refused() -> None:
    study = add_orders(draft(), ["A1"], "clerk", NOW)
    with pytest.raises(InvalidInput) as refused:
        add_orders(study, ["A1"], "clerk", NOW)
    assert fields(refused) == [("orders", "nothing_to_add")]
    with pytest.raises(InvalidInput):
        write(study, "clerk", NOW)


def test_studies_are_numbered_by_kind_and_year() -> None:
    assert next_id(StudyKind.STUDY, 2026, []) == "ZY2026-001"
    assert (
        next_id(StudyKind.STUDY, 2026, ["ZY2026-001", "ZY2026-007", "FX2026-009", "ZY2025-020"])
        == "ZY2026-008"
    )
    assert next_id(StudyKind.ANALYSIS, 2026, ["ZY2026-001"]) == "FX2026-001"
