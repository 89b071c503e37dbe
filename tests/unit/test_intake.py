"""Intake: what the center pushes or a clerk types becomes a trusted record, or is refused field by field."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from hotline_core.domain import vocabulary
from hotline_core.domain.intake import (
    FORM,
    correct_record,
    missing_for_close,
    parse_order,
)
from hotline_core.domain.problems import InvalidInput
from hotline_core.domain.vocabulary import (
    ALIASES,
    AppealType,
    BusinessArea,
    Channel,
    DisabilityCategory,
    DisabilityGrade,
    Gender,
    Place,
)
from tests.support import COMPLETE_FORM, MINIMAL_FORM, at


def problems_of(form: dict, **options) -> dict[str, str]:
    with pytest.raises(InvalidInput) as refused:
        parse_order(form, **options)
    return {p.field: p.code for p in refused.value.problems}


def test_a_push_with_only_the_minimum_is_accepted() -> None:
    record = parse_order(MINIMAL_FORM)
    assert record.order_id == "A1"
    assert record.appeal.appeal_type is AppealType.COMPLAINT
    assert record.place is Place.PREFECTURE
    assert record.citizen.name == ""


@pytest.mark.parametrize("missing", ["id", "received_at", "channel", "appeal_type", "appeal"])
def test_each_minimum_field_is_required_at_intake(missing: str) -> None:
    form = {k: v for k, v in MINIMAL_FORM.items() if k != missing}
    assert problems_of(form) == {missing: "required"}


def test_a_blank_minimum_field_counts_as_missing() -> None:
    assert problems_of({**MINIMAL_FORM, "appeal": "   "}) == {"appeal": "required"}


def test_every_problem_is_reported_at_once_each_naming_its_field() -> None:
    form = {**MINIMAL_FORM, "phone": "123", "age": 130, "gender": "x", "ethnicity": "火星族"}
    assert problems_of(form) == {
        "phone": "bad_phone",
        "age": "age_range",
        "gender": "not_a_choice",
        "ethnicity": "unknown_ethnicity",
    }


def test_messages_name_the_field_and_reason_in_chinese_korean_and_english() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_order({**MINIMAL_FORM, "phone": "12345"})
    assert refused.value.messages() == [
        "联系方式：不是有效的手机号或带区号的固定电话（如 13800000000、0433-2512345）"
    ]
    assert refused.value.messages("en")[0].startswith("phone: is not a valid mobile number")
    assert refused.value.messages("ko")[0].startswith("연락처: 유효한 휴대전화")


@pytest.mark.parametrize(
    "phone",
    [
        "13800000000",
        "19912345678",
        "0433-2512345",
        "04332512345",
        "010-62345678",
        "0433-2512345-801",
        "138 0000 0000",
    ],
)
def test_mobile_numbers_and_landlines_with_area_code_are_accepted(phone: str) -> None:
    assert parse_order({**MINIMAL_FORM, "phone": phone}).citizen.phone == phone.replace(" ", "")


@pytest.mark.parametrize(
    "phone",
    ["12345", "2512345", "12800000000", "1380000000", "138000000000", "0433-1234567", "tel:13800000000"],
)
def test_short_local_and_malformed_numbers_are_refused(phone: str) -> None:
    assert problems_of({**MINIMAL_FORM, "phone": phone}) == {"phone": "bad_phone"}


@pytest.mark.parametrize(
    ("age", "ok"),
    [(0, True), (120, True), ("45", True), (-1, False), (121, False), ("四十", False), (True, False)],
)
def test_age_is_a_whole_number_from_0_to_120(age: object, ok: bool) -> None:
    if ok:
        assert parse_order({**MINIMAL_FORM, "age": age}).citizen.age == int(age)
    else:
        assert problems_of({**MINIMAL_FORM, "age": age})["age"] in ("age_range", "not_a_number")


def test_lengths_are_limited_and_the_message_says_by_how_much() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_order({**MINIMAL_FORM, "name": "金" * 51})
    assert refused.value.messages() == ["姓名：过长（51 字，最多 50 字）"]


def test_order_numbers_are_letters_digits_dash_and_underscore() -> None:
    assert problems_of({**MINIMAL_FORM, "id": "A 1"}) == {"id": "bad_order_id"}
    assert parse_order({**MINIMAL_FORM, "id": "YB-2026_0001"}).order_id == "YB-2026_0001"


def test_choices_accept_the_code_or_the_chinese_name() -> None:
    record = parse_order(
        {
            **MINIMAL_FORM,
            "appeal_type": "投诉",
            "gender": "女",
            "grade": "三级",
            "channel": "微信公众号",
            "business_area": "康复",
            "disability": "肢体残疾",
        }
    )
    assert record.appeal.appeal_type is AppealType.COMPLAINT
    assert record.citizen.gender is Gender.FEMALE
    assert record.citizen.grade is DisabilityGrade.THIRD


# Which form field reads each list of the vocabulary.
_FIELDS = {
    Channel: "channel",
    AppealType: "appeal_type",
    BusinessArea: "business_area",
    Gender: "gender",
    DisabilityCategory: "disability",
    DisabilityGrade: "grade",
    Place: "county",
}
_ATTRIBUTES = {
    "channel": "appeal.channel",
    "appeal_type": "appeal.appeal_type",
    "business_area": "appeal.business_area",
    "gender": "citizen.gender",
    "disability": "citizen.disability",
    "grade": "citizen.grade",
    "county": "place",
}


def _read(record, path: str):
    for name in path.split("."):
        record = getattr(record, name)
    return record


@pytest.mark.parametrize(
    ("field", "wording", "code"),
    [
        ("disability", "视力", "visual"),
        ("appeal_type", "求助", "help"),
        ("appeal_type", "生活帮助/求助", "help"),
        ("channel", "网站", "web"),
        ("channel", "百姓热线", "web"),
        ("appeal_type", "咨询", "consultation"),
        ("county", "珲春", "珲春市"),
        ("channel", "APP", "app"),
        ("grade", "三", "3"),
    ],
)
def test_the_specs_own_short_terms_are_accepted(field: str, wording: str, code: str) -> None:
    assert _read(parse_order({**MINIMAL_FORM, field: wording}), _ATTRIBUTES[field]) == code


@pytest.mark.parametrize(
    ("enum", "alias", "code"),
    [
        (getattr(vocabulary, name), alias, code)
        for name, table in ALIASES.items()
        for alias, code in table.items()
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else str(v),
)
def test_every_alias_of_the_vocabulary_is_read_as_its_code(enum, alias: str, code: str) -> None:
    field = _FIELDS[enum]
    assert field in FORM
    assert _read(parse_order({**MINIMAL_FORM, field: alias}), _ATTRIBUTES[field]) is enum(code)


@pytest.mark.parametrize("enum", list(_FIELDS))
def test_an_alias_never_names_another_choice(enum) -> None:
    """An alias that is another member's code or label would make a wording mean two things."""
    others = {(w, m) for m in enum for w in (m.value, getattr(m, "label", m.value))}
    for alias, code in ALIASES.get(enum.__name__, {}).items():
        assert all(
            member is enum(code) for wording, member in others if wording.casefold() == alias.casefold()
        )


def test_a_wrong_choice_lists_the_chinese_names_to_choose_from() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_order({**MINIMAL_FORM, "appeal_type": "闲聊", "disability": "x"})
    assert refused.value.messages() == [
        "诉求类型：不在可选范围内（可选：政策咨询、生活帮助、投诉、举报、意见建议）",
        "残疾类别：不在可选范围内（可选：视力残疾、听力残疾、言语残疾、肢体残疾、智力残疾、精神残疾、多重残疾）",
    ]
    assert refused.value.messages("en")[0] == (
        "appeal type: is not one of the choices (consultation、help、complaint、report、suggestion)"
    )
    assert "政策咨询" in refused.value.messages("ko")[0] and "consultation" in refused.value.messages("ko")[0]


@pytest.mark.parametrize("grade", [3, "3", "3级", "三级"])
def test_disability_grade_accepts_the_usual_spellings(grade: object) -> None:
    assert parse_order({**MINIMAL_FORM, "grade": grade}).citizen.grade is DisabilityGrade.THIRD


def test_ethnicity_is_one_of_the_56_groups_with_or_without_zu() -> None:
    assert parse_order({**MINIMAL_FORM, "ethnicity": "朝鲜"}).citizen.ethnicity == "朝鲜族"
    assert parse_order({**MINIMAL_FORM, "ethnicity": "其他"}).citizen.ethnicity == "其他"


def test_counties_are_the_eight_and_the_prefecture_level() -> None:
    assert parse_order({**MINIMAL_FORM, "county": "珲春市"}).place is Place.HUNCHUN
    assert problems_of({**MINIMAL_FORM, "county": "长春市"}) == {"county": "not_a_choice"}


def test_an_unknown_field_is_refused_rather_than_silently_dropped() -> None:
    assert problems_of({**MINIMAL_FORM, "phnoe": "13800000000"}) == {"phnoe": "unknown_field"}


def test_times_keep_their_offset_and_a_time_without_one_is_beijing_time() -> None:
    utc = parse_order({**MINIMAL_FORM, "received_at": "2026-11-20T08:00:00+00:00"}).received_at
    assert utc.utcoffset() == timedelta(0)
    local = parse_order({**MINIMAL_FORM, "received_at": "2026-11-20T16:00:00"}).received_at
    assert local.utcoffset() == timedelta(hours=8)
    assert local == utc
    assert problems_of({**MINIMAL_FORM, "received_at": "20/11/2026"}) == {"received_at": "bad_datetime"}


def test_an_order_received_in_the_future_is_refused_naming_the_receipt_time() -> None:
    form = {**MINIMAL_FORM, "received_at": "2026-11-20T16:00:00+08:00"}
    assert problems_of(form, now=at("2026-11-20 15:50")) == {"received_at": "in_the_future"}
    with pytest.raises(InvalidInput) as refused:
        parse_order(form, now=at("2026-11-20 15:50"))
    assert refused.value.messages() == ["受理时间：不能晚于当前时间（2026-11-20 15:50）"]


def test_a_few_minutes_of_clock_skew_and_a_replay_without_a_clock_are_accepted() -> None:
    form = {**MINIMAL_FORM, "received_at": "2026-11-20T16:00:00+08:00"}
    assert (
        parse_order(form, now=at("2026-11-20 15:55")).order_id == "A1"
    )  # the center's clock runs 5 minutes ahead
    assert parse_order(form).order_id == "A1"  # no ``now``: a scenario replay has no wall clock


def test_the_intake_moment_must_carry_its_time_zone() -> None:
    with pytest.raises(ValueError):
        parse_order(MINIMAL_FORM, now=datetime(2026, 11, 20, 16, 0))


def test_a_call_date_after_the_day_of_receipt_is_refused() -> None:
    assert problems_of({**MINIMAL_FORM, "call_date": "2026-11-21"}) == {"call_date": "call_after_receipt"}
    with pytest.raises(InvalidInput) as refused:
        parse_order({**MINIMAL_FORM, "call_date": "2026-11-21"})
    assert refused.value.messages() == ["来电日期：不能晚于受理日期（2026-11-20）"]
    assert parse_order({**MINIMAL_FORM, "call_date": "2026-11-18"}).appeal.call_date == date(2026, 11, 18)


def test_the_call_date_is_compared_with_the_beijing_date_of_receipt() -> None:
    late_utc = "2026-11-20T17:00:00+00:00"  # 01:00 on the 21st in Beijing
    record = parse_order({**MINIMAL_FORM, "received_at": late_utc, "call_date": "2026-11-21"})
    assert record.appeal.call_date == date(2026, 11, 21)


def test_a_correction_cannot_move_the_call_date_after_the_receipt() -> None:
    record = parse_order(MINIMAL_FORM)
    with pytest.raises(InvalidInput) as refused:
        correct_record(record, {"call_date": "2026-11-22"})
    assert [(p.field, p.code) for p in refused.value.problems] == [("call_date", "call_after_receipt")]
    assert correct_record(record, {"call_date": "2026-11-19"}).appeal.call_date == date(2026, 11, 19)


def test_the_call_date_defaults_to_the_beijing_date_of_receipt() -> None:
    late_utc = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)  # 01:00 on the 21st in Beijing
    assert parse_order({**MINIMAL_FORM, "received_at": late_utc}).appeal.call_date == date(2026, 11, 21)


def test_flags_read_yes_and_no_in_chinese_and_english() -> None:
    record = parse_order({**MINIMAL_FORM, "emergency": "是", "petition": "false"})
    assert (record.emergency, record.petition) == (True, False)
    assert problems_of({**MINIMAL_FORM, "emergency": "maybe"}) == {"emergency": "not_yes_no"}


def test_closing_needs_the_full_record_of_the_measures() -> None:
    missing = {p.field for p in missing_for_close(parse_order(MINIMAL_FORM))}
    assert missing == {
        "name",
        "gender",
        "age",
        "ethnicity",
        "disability",
        "business_area",
        "phone",
        "address",
        "reply",
    }
    complete = parse_order({**COMPLETE_FORM, "reply": "已答复"})
    assert missing_for_close(complete) == []


def test_a_correction_adds_fields_and_leaves_the_rest() -> None:
    record = parse_order(MINIMAL_FORM)
    corrected = correct_record(record, {"name": "李某", "age": "61"})
    assert (corrected.citizen.name, corrected.citizen.age) == ("李某", 61)
    assert corrected.appeal == record.appeal
    assert record.citizen.name == ""  # the original value is untouched


def test_a_bad_correction_changes_nothing_and_names_the_field() -> None:
    record = parse_order(MINIMAL_FORM)
    with pytest.raises(InvalidInput) as refused:
        correct_record(record, {"name": "李某", "phone": "999"})
    assert [p.field for p in refused.value.problems] == ["phone"]


def test_the_order_number_and_receipt_time_cannot_be_corrected() -> None:
    with pytest.raises(InvalidInput) as refused:
        correct_record(parse_order(MINIMAL_FORM), {"id": "B2"})
    assert [(p.field, p.code) for p in refused.value.problems] == [("id", "unchangeable")]


@pytest.mark.parametrize("typed", ["2026-11-27 14:05", "2026-11-27T14:05:00+08:00", "2026-11-27T06:05:00Z"])
def test_a_receipt_time_is_read_as_the_form_shows_it_or_as_iso(typed: str) -> None:
    record = parse_order({**MINIMAL_FORM, "received_at": typed, "call_date": "2026-11-27"})
    assert record.received_at == at("2026-11-27 14:05")
