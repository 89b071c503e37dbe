"""What a pushed row means: added, unchanged, corrected (old → new); children; likely repeats."""

from __future__ import annotations

from datetime import timedelta

from hotline_core.domain.events import Event
from hotline_core.domain.exchange.pulling import (
    Correction,
    Link,
    LinkKind,
    PlatformOrder,
    Verdict,
    correction_command,
    decide_row,
    likely_repeats,
    parent_of,
    repeat_groups,
    similarity,
)
from hotline_core.domain.exchange.rows import PushedOrder
from hotline_core.domain.intake import parse_order
from hotline_core.domain.lifecycle import receive
from hotline_core.domain.vocabulary import Action
from tests.support import COMPLETE_FORM, at

FIELDS = {
    "id": "A1",
    "phone": "13800000000",
    "center_due": "2026-11-23T17:30:00+08:00",
    "center_status": "待签收",
}


def stored(**fields: str) -> PlatformOrder:
    return PlatformOrder("A1", FIELDS | fields, at("2026-11-20 10:00"))


def test_a_row_new_to_us_is_added_and_the_same_row_again_is_unchanged() -> None:
    pushed = PushedOrder("A1", FIELDS)
    assert decide_row(pushed, None).verdict is Verdict.ADDED
    assert decide_row(pushed, stored()).verdict is Verdict.UNCHANGED


def test_the_centers_status_moving_on_is_not_a_correction() -> None:
    assert (
        decide_row(PushedOrder("A1", FIELDS | {"center_status": "已签收"}), stored()).verdict
        is Verdict.UNCHANGED
    )


def test_a_changed_field_is_a_correction_with_its_old_and_new_value() -> None:
    decision = decide_row(PushedOrder("A1", FIELDS | {"phone": "13900000000"}), stored())
    assert decision.verdict is Verdict.CORRECTED
    assert decision.corrections == (Correction("phone", "13800000000", "13900000000"),)


def test_only_the_records_fields_are_corrected_on_the_order_and_the_note_keeps_every_change() -> None:
    changes = [
        Correction("phone", "138", "139"),
        Correction("center_due", "a", "b"),
        Correction("received_at", "x", "y"),
    ]
    command = correction_command(changes)
    assert command is not None
    assert (command.action, command.data) == (Action.RECORD, {"phone": "139"})
    assert "承诺完成时间：a → b" in command.note and "受理时间：x → y" in command.note
    assert correction_command([Correction("center_due", "a", "b")]) is None


def test_the_note_of_a_correction_names_the_fields_and_values_as_a_clerk_reads_them() -> None:
    changes = [
        Correction("appeal_type", "help", "consultation"),
        Correction("center_due", "2026-11-20T17:30:00+08:00", "2026-11-25T09:30:00+08:00"),
        Correction("phone", "", "13900000000"),
    ]
    command = correction_command(changes)
    assert command is not None
    assert command.note == (
        "12345平台更正：诉求类型：生活帮助 → 政策咨询；承诺完成时间：2026-11-20 17:30 → 2026-11-25 09:30；"
        "联系方式：— → 13900000000"
    )


def test_a_child_order_is_linked_to_a_known_parent_only() -> None:
    assert parent_of("YB1-01", ["YB1"]) == "YB1"
    assert parent_of("YB1-01", []) == ""
    assert parent_of("YB1-001", ["YB1"]) == ""


def test_the_same_caller_about_a_similar_matter_is_a_likely_repeat() -> None:
    first = receive(parse_order(COMPLETE_FORM))
    again = parse_order(COMPLETE_FORM | {"id": "A2", "received_at": "2026-11-22T09:00:00+08:00"})
    other_phone = parse_order(COMPLETE_FORM | {"id": "A3", "phone": "13900000000"})
    other_matter = parse_order(COMPLETE_FORM | {"id": "A4", "appeal": "咨询康复补贴的申请条件和材料"})

    assert likely_repeats(again, [first]) == ("A1",)
    assert likely_repeats(other_phone, [first]) == ()
    assert likely_repeats(other_matter, [first]) == ()
    assert similarity("用人单位拒绝安排残疾人就业", "用人单位拒绝安排残疾人就业") == 1.0


def test_a_finished_order_older_than_the_recent_window_is_no_repeat() -> None:
    first = receive(parse_order(COMPLETE_FORM))
    closed = first.with_event(
        Event(at("2026-11-20 17:00"), "h", Action.DECLINE, "", {"reason": "commercial"})
    )
    later = parse_order(COMPLETE_FORM | {"id": "A2", "received_at": "2027-01-05T09:00:00+08:00"})
    assert likely_repeats(later, [closed], recent=timedelta(days=30)) == ()
    assert likely_repeats(later, [first]) == ("A1",)  # still open: a repeat however old


def test_repeat_groups_follow_links_to_their_root_and_leave_children_out() -> None:
    now = at("2026-11-20 10:00")
    links = {
        "A2": Link("A2", "A1", LinkKind.REPEAT, now, "h"),
        "A3": Link("A3", "A2", LinkKind.MERGED, now, "h"),
        "A1-01": Link("A1-01", "A1", LinkKind.CHILD, now, "h"),
    }
    assert repeat_groups(links) == {"A1": ("A2", "A3")}
