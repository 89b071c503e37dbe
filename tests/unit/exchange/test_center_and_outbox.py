"""The center's messages as lifecycle steps, and the messages an order's events call for."""

from __future__ import annotations

from datetime import timedelta

from hotline_core.domain.events import Event
from hotline_core.domain.exchange.center import CenterKind, CenterMessage, command_for, read_messages
from hotline_core.domain.exchange.mapping import Mapping
from hotline_core.domain.exchange.outbox import (
    Delivery,
    DeliveryRecord,
    MessageKind,
    acknowledged_kinds,
    outgoing,
    waiting_too_long,
)
from hotline_core.domain.exchange.rows import Table
from hotline_core.domain.model import Attachment
from hotline_core.domain.vocabulary import Action, Rating
from tests.support import LEADER, at

HEADINGS = ("办件编号", "消息类型", "时间", "回访结果", "满意度", "群众意见")
NOW = at("2026-11-24 12:00")


def test_a_callback_with_a_rating_is_a_rating_that_keeps_the_citizens_words() -> None:
    table = Table("m.csv", HEADINGS, ((2, ("A1", "回访", "2026-11-24 10:00", "已联系", "不满意", "太远")),))
    (message,), problems = read_messages(table, Mapping(), NOW)
    command = command_for(message)

    assert problems == [] and message.reached is True and message.rating is Rating.UNSATISFIED
    assert command is not None and (command.action, command.data) == (Action.RATE, {"level": "unsatisfied"})
    assert "已联系" in command.note and "太远" in command.note


def test_a_callback_that_did_not_reach_the_citizen_changes_no_order() -> None:
    message = CenterMessage("A1", CenterKind.CALLBACK, NOW, reached=False)
    assert command_for(message) is None


def test_the_centers_decisions_are_the_lifecycles_actions() -> None:
    actions = {kind: command_for(CenterMessage("A1", kind, NOW)) for kind in CenterKind}
    assert {k: (c.action, c.data) if c else None for k, c in actions.items()} == {
        CenterKind.APPROVE_RETURN: (Action.APPROVE_RETURN, {}),
        CenterKind.REFUSE_RETURN: (Action.REFUSE_RETURN, {}),
        CenterKind.APPROVE_EXTENSION: (Action.APPROVE_EXTENSION, {"by": "center"}),
        CenterKind.REFUSE_EXTENSION: (Action.REFUSE_EXTENSION, {}),
        CenterKind.CALLBACK: None,
        CenterKind.REDO: (Action.REDO, {}),
        CenterKind.CLOSE: (Action.CLOSE, {}),
        CenterKind.RECEIPT: None,
    }


def test_a_bad_message_row_is_reported_by_row_and_column() -> None:
    rows = (
        (2, ("A1", "催办", "2026-11-24 10:00", "", "", "")),
        (3, ("A1", "回访", "2026-11-24 10:00", "", "很好", "")),
        (4, ("A1", "重办", "2026-11-25 10:00", "", "", "")),
    )
    messages, problems = read_messages(Table("m.csv", HEADINGS, rows), Mapping(), NOW)

    assert messages == []
    assert [(p.row, p.column, p.problem.code) for p in problems] == [
        (2, "消息类型", "not_in_list"),
        (3, "满意度", "not_a_choice"),
        (4, "时间", "at_in_future"),
    ]
    assert problems[0].problem.message("zh_CN").startswith("消息类型：")


def test_each_step_the_center_must_hear_of_makes_one_message(story) -> None:
    photo = Attachment("ab" * 32, "ramp.png", "image/png", 10)
    s = story().do("sign").do("contact")
    s.do("request_extension", reason="需要现场核实", until="2026-11-30T17:00:00+08:00")
    s.do("approve_extension", LEADER, by="leader")
    s.order = s.order.with_event(Event(s.now, "handler", Action.FEEDBACK, "", {"text": "已办"}, (photo,)))

    found = outgoing(s.order, merged=["A9"])

    assert [(m.id, m.kind) for m in found] == [
        ("A1#1", MessageKind.SIGNATURE),
        ("A1#4", MessageKind.EXTENSION_REQUEST),
        ("A1#5", MessageKind.FEEDBACK),
        ("A9#A1#5", MessageKind.FEEDBACK),
    ]
    assert found[1].details["reason"] == "需要现场核实" and "2026-11-30 17:00" in found[1].text
    assert found[2].attachments == (photo,) and found[2].details["images"] == "ramp.png"
    assert found[3].order_id == "A9" and "A1" in found[3].text and found[3].attachments == (photo,)


def test_the_platforms_status_words_acknowledge_the_kinds_it_shows() -> None:
    assert acknowledged_kinds("已签收") == {MessageKind.SIGNATURE}
    assert MessageKind.FEEDBACK in acknowledged_kinds("待回访")
    assert acknowledged_kinds("待签收") == frozenset()


def test_a_message_ready_longer_than_the_limit_is_overdue_by_the_clock_not_office_hours(story) -> None:
    (message,) = outgoing(story().do("sign").order)
    hour = timedelta(hours=1)
    late = message.created_at + hour + timedelta(minutes=1)

    assert waiting_too_long([message], {}, message.created_at + hour, hour) == []
    assert waiting_too_long([message], {}, late, hour) == [message]
    sent = DeliveryRecord(message.id, Delivery.SENT, late, "h")
    assert waiting_too_long([message], {message.id: sent}, late, hour) == []


def test_a_message_whose_text_is_megabytes_long_is_refused_by_row_and_column() -> None:
    headings = (*HEADINGS, "说明")
    rows = (
        (2, ("A1", "回访", "2026-11-24 10:00", "已联系", "满意", "好", "说" * 4001)),
        (3, ("A1", "回访", "2026-11-24 10:00", "已联系", "满意", "好" * 1_000_000, "")),
        (4, ("A1", "回访", "2026-11-24 10:00", "已联系", "满意", "好", "说" * 4000)),
    )

    messages, problems = read_messages(Table("m.csv", headings, rows), Mapping(), NOW)

    assert [(p.row, p.column, p.problem.code) for p in problems] == [
        (2, "说明", "too_long"),
        (3, "群众意见", "too_long"),
    ]
    assert [m.row for m in messages] == [4]
