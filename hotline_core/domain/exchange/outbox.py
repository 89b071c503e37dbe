"""What the center must hear of, derived from an order's events.

Each step the center must be told of (signature, return request, the leader's
approved extension request, feedback with its pictures, the unsatisfied-rating
report, a decline's explanation) is an :class:`Outgoing` message. It is derived
from the event that causes it, with an id made of the order and the event's
position, so the message exists from the moment the event is stored: in the same
transaction by construction, never lost, never made twice. Only its delivery is
stored: ready (nothing stored yet) → sent → acknowledged, or failed with the reason.

A merged order (:class:`~.pulling.LinkKind` ``merged``) is answered with its
parent's feedback: the parent's feedback event makes a message for it too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum

from attrs import frozen

from hotline_core.domain.calendar import SHANGHAI
from hotline_core.domain.events import Event
from hotline_core.domain.model import Attachment
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.vocabulary import Action, DeclineReason


class MessageKind(StrEnum):
    SIGNATURE = "signature"
    RETURN_REQUEST = "return_request"
    EXTENSION_REQUEST = "extension_request"
    FEEDBACK = "feedback"
    UNSATISFIED_REPORT = "unsatisfied_report"
    DECLINE = "decline"


class Delivery(StrEnum):
    READY = "ready"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    FAILED = "failed"


# The heading of each message as the platform's forms name the step.
TITLES: dict[MessageKind, str] = {
    MessageKind.SIGNATURE: "签收",
    MessageKind.RETURN_REQUEST: "退件申请",
    MessageKind.EXTENSION_REQUEST: "延期申请",
    MessageKind.FEEDBACK: "办理反馈",
    MessageKind.UNSATISFIED_REPORT: "不满意情况报告",
    MessageKind.DECLINE: "不予受理说明",
}


@frozen
class Outgoing:
    """One message to the center: the text ready to paste into the platform's form, its
    details, and the pictures that go with it."""

    id: str
    order_id: str
    kind: MessageKind
    created_at: datetime
    text: str
    details: dict[str, str]
    attachments: tuple[Attachment, ...] = ()


@frozen
class Package:
    """One message as it leaves: the message and its pictures' bytes."""

    message: Outgoing
    images: tuple[tuple[str, bytes], ...] = ()


@frozen
class DeliveryRecord:
    """What became of a message: stored when it leaves the ready state."""

    message_id: str
    state: Delivery
    at: datetime
    actor: str
    reason: str = ""  # why it failed
    location: str = ""  # where its package was written


def _time(moment: datetime) -> str:
    return f"{moment.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"


def _feedback(event: Event) -> tuple[str, dict[str, str]]:
    images = [name for name in event.data.get("images", "").split(",") if name]
    images += [a.name for a in event.attachments]
    details = {"text": event.data["text"], "images": "、".join(images)}
    lines = [event.data["text"]]
    if event.data.get("no_image_reason"):
        details["no_image_reason"] = event.data["no_image_reason"]
        lines.append(f"无图片原因：{event.data['no_image_reason']}")
    if event.data.get("unreachable"):
        lines.append("经多次联系未能联系到当事人。")
    return "\n".join(lines), details


def _message(event: Event, request: Event | None) -> tuple[MessageKind, str, dict[str, str]] | None:
    data = event.data
    if event.action is Action.SIGN:
        return MessageKind.SIGNATURE, f"已签收（{_time(event.at)}）。", {"signed_at": event.at.isoformat()}
    if event.action is Action.REQUEST_RETURN:
        text = f"退件理由：{data['reason']}\n依据：{data['basis']}"
        return MessageKind.RETURN_REQUEST, text, {"reason": data["reason"], "basis": data["basis"]}
    if event.action is Action.APPROVE_EXTENSION and data.get("by") == "leader" and request is not None:
        until, reason = datetime.fromisoformat(request.data["until"]), request.data["reason"]
        text = f"申请延期至 {_time(until)}。\n理由：{reason}\n（分管领导已同意）"
        return MessageKind.EXTENSION_REQUEST, text, {"until": until.isoformat(), "reason": reason}
    if event.action is Action.FEEDBACK:
        text, details = _feedback(event)
        return MessageKind.FEEDBACK, text, details
    if event.action is Action.REPORT_UNSATISFIED:
        return MessageKind.UNSATISFIED_REPORT, data["text"], {"text": data["text"]}
    if event.action is Action.DECLINE:
        reason = DeclineReason(data["reason"]).label
        text = f"不予受理：{reason}\n说明：{data['explanation']}\n对群众的引导：{data['guidance']}"
        return (
            MessageKind.DECLINE,
            text,
            {"reason": reason, **{k: data[k] for k in ("explanation", "guidance")}},
        )
    return None


def outgoing(order: WorkOrder, merged: Iterable[str] = ()) -> list[Outgoing]:
    """The messages ``order``'s events call for, and its feedback for each order merged into it."""
    found: list[Outgoing] = []
    request: Event | None = None
    for position, event in enumerate(order.events):
        if event.action is Action.REQUEST_EXTENSION:
            request = event
        made = _message(event, request)
        if made is None:
            continue
        kind, text, details = made
        created = event.entered_at or event.at
        found.append(
            Outgoing(f"{order.id}#{position}", order.id, kind, created, text, details, event.attachments)
        )
        if kind is MessageKind.FEEDBACK:
            for child in merged:
                note = f"（与 {order.id} 合并办理，答复同主件）\n"
                found.append(
                    Outgoing(
                        f"{child}#{order.id}#{position}",
                        child,
                        kind,
                        created,
                        note + text,
                        details,
                        event.attachments,
                    )
                )
    return found


# 办件状态 words that show the platform holds our message of each kind.
STATUS_ACKNOWLEDGES: dict[str, frozenset[MessageKind]] = {
    "已签收": frozenset({MessageKind.SIGNATURE}),
    "办理中": frozenset({MessageKind.SIGNATURE}),
    "处理中": frozenset({MessageKind.SIGNATURE}),
    "退件审核中": frozenset({MessageKind.SIGNATURE, MessageKind.RETURN_REQUEST}),
    "延期审核中": frozenset({MessageKind.SIGNATURE, MessageKind.EXTENSION_REQUEST}),
    "已反馈": frozenset({MessageKind.SIGNATURE, MessageKind.FEEDBACK}),
    "待回访": frozenset({MessageKind.SIGNATURE, MessageKind.FEEDBACK}),
    "已回访": frozenset({MessageKind.SIGNATURE, MessageKind.FEEDBACK}),
    "已退件": frozenset({MessageKind.RETURN_REQUEST}),
    "不予受理": frozenset({MessageKind.DECLINE}),
}


def acknowledged_kinds(center_status: str) -> frozenset[MessageKind]:
    return STATUS_ACKNOWLEDGES.get(center_status.strip(), frozenset())


def state_of(record: DeliveryRecord | None) -> Delivery:
    return Delivery.READY if record is None else record.state


def waiting_too_long(
    messages: Iterable[Outgoing], delivered: dict[str, DeliveryRecord], now: datetime, limit: timedelta
) -> list[Outgoing]:
    """The messages still ready (or failed) ``limit`` after they were made: by the clock of the
    center, which counts every hour, not office hours."""
    pending = (Delivery.READY, Delivery.FAILED)
    return [m for m in messages if state_of(delivered.get(m.id)) in pending and now - m.created_at > limit]
