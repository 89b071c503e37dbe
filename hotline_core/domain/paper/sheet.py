"""The order sheet (办理单): one order on paper, for the archive (source 三(三)).

The record as it stands (every field of source 三(一)2), every step with its time and the
login that took it, each limit with its due time, when it was met and how it stood, the
rounds before a redo, and the outcome. The order is given as the reader may see it (a
viewer's copy is masked before it comes here), and the limits are worked out by the
caller at the moment of printing: this module only words them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from hotline_core.domain.events import Event
from hotline_core.domain.limits import LimitStatus
from hotline_core.domain.messages import ACTION_NAMES, FIELD_LABELS, LIMIT_STATE_NAMES, STATUS_NAMES, word
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.paper.blocks import Fields, Grid, Heading, Paper, Text, due_text, moment_text
from hotline_core.domain.rounds import Round
from hotline_core.domain.vocabulary import ContactResult, DeclineReason, Labelled, Outcome, Rating

TITLE = "延边州残联“12345”政务服务热线工单办理单"

# The limits of SPEC 5, as the sheet names them.
LIMIT_LABELS: dict[str, str] = {
    "sign": "签收",
    "return": "退件申请",
    "contact": "联系当事人",
    "close": "办结",
    "emergency_reply": "突发事项首次答复",
    "unsatisfied_report": "不满意情况报告",
    "supervision": "督办答复",
    "extension_notice": "告知延期",
    "petition_accept": "信访受理",
    "petition_handle": "信访办结",
}
# Codes an action's details carry, read as their Chinese names.
_CODED: dict[str, type[Labelled]] = {
    "level": Rating,
    "result": ContactResult,
    "outcome": Outcome,
    "reason": DeclineReason,
}
_APPROVERS = {"leader": "分管领导", "center": "州热线受理中心"}
_DETAIL_LABELS = {"images": "图片", "no_image_reason": "无图片原因", "note": "备注"}


def order_sheet(
    order: WorkOrder,
    limits: Mapping[str, LimitStatus],
    rounds: Sequence[Round],
    printed_by: str,
    printed_at: datetime,
    masked: bool,
) -> Paper:
    """The sheet of ``order`` (already masked when ``masked``), with its ``limits`` and earlier
    ``rounds`` as of ``printed_at``."""
    record = order.state.record
    footer = f"打印：{printed_by}　{moment_text(printed_at)}" + ("　（个人信息已脱敏）" if masked else "")
    blocks = (
        Heading("一、工单信息"),
        Fields(_record_pairs(order)),
        Text((record.appeal.text,), label("appeal")),
        Text((record.reply or "（未填写）",), label("reply")),
        Heading("二、办理过程"),
        Grid(("序号", "时间", "办理人", "步骤", "内容"), _steps(order.events), (0.6, 1.9, 1.3, 1.6, 4.6)),
        Heading("三、办理时限"),
        Grid(
            ("轮次", "时限", "到期时间", "完成时间", "状态"), _limit_rows(limits, rounds), (1, 1.8, 2, 2, 1.2)
        ),
        Heading("四、办理结果"),
        Fields(_outcome_pairs(order)),
        Text(("承办人（签字）：＿＿＿＿＿＿　　分管领导（签字）：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿",)),
    )
    return Paper(TITLE, f"工单编号：{order.id}", blocks, footer)


def label(field: str) -> str:
    return word(FIELD_LABELS, field)


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def _label_of(value: Labelled | None) -> str:
    return value.label if value is not None else ""


def _record_pairs(order: WorkOrder) -> tuple[tuple[str, str], ...]:
    record = order.state.record
    citizen, appeal = record.citizen, record.appeal
    return (
        (label("id"), record.order_id),
        (label("received_at"), moment_text(order.record.received_at)),
        (label("channel"), appeal.channel.label),
        (label("call_date"), appeal.call_date.isoformat() if appeal.call_date else ""),
        (label("appeal_type"), appeal.appeal_type.label),
        (label("business_area"), _label_of(appeal.business_area)),
        (label("county"), record.place.label),
        (label("name"), citizen.name),
        (label("gender"), _label_of(citizen.gender)),
        (label("age"), "" if citizen.age is None else str(citizen.age)),
        (label("ethnicity"), citizen.ethnicity or ""),
        (
            label("disability"),
            _label_of(citizen.disability) + (f"（{citizen.grade.label}）" if citizen.grade else ""),
        ),
        (label("phone"), citizen.phone),
        (label("address"), citizen.address),
        (label("emergency"), _yes(record.emergency or order.state.emergency_at is not None)),
        (label("petition"), _yes(record.petition or order.state.petition_at is not None)),
    )


def _steps(events: Sequence[Event]) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (str(number), _when(event), event.actor, word(ACTION_NAMES, event.action.value), _details(event))
        for number, event in enumerate(events, 1)
    )


def _when(event: Event) -> str:
    """When the step happened; a step entered later says when it was entered too."""
    if event.entered_at is None:
        return moment_text(event.at)
    return f"{moment_text(event.at)}（{moment_text(event.entered_at)}补录）"


def _details(event: Event) -> str:
    parts = [
        f"{_DETAIL_LABELS.get(key) or label(key)}：{_value(key, value)}" for key, value in event.data.items()
    ]
    parts += [f"附件：{a.name}" for a in event.attachments]
    if event.note:
        parts.append(event.note)
    return "；".join(parts)


def _value(key: str, value: str) -> str:
    coded = _CODED.get(key)
    if coded is not None and value in coded._value2member_map_:
        return coded(value).label
    if key == "by":
        return _APPROVERS.get(value, value)
    if key == "until":
        try:
            return due_text(datetime.fromisoformat(value))
        except ValueError:
            return value
    return value


def _limit_rows(limits: Mapping[str, LimitStatus], rounds: Sequence[Round]) -> tuple[tuple[str, ...], ...]:
    earlier = [(f"第{r.number}轮", status) for r in rounds for status in r.limits.values()]
    current = f"第{len(rounds) + 1}轮" if rounds else "本轮"
    now = [(current, status) for status in limits.values() if status.state.value != "not_applicable"]
    return tuple(
        (
            round_name,
            LIMIT_LABELS.get(status.name, status.name),
            due_text(status.due),
            moment_text(status.met_at),
            word(LIMIT_STATE_NAMES, status.state.value) + ("（暂定）" if status.provisional else ""),
        )
        for round_name, status in [*earlier, *now]
    )


def _outcome_pairs(order: WorkOrder) -> tuple[tuple[str, str], ...]:
    state = order.state
    return (
        ("当前状态", word(STATUS_NAMES, state.status.value)),
        ("承办单位", state.owner.name),
        (label("outcome"), _label_of(state.outcome)),
        (label("level"), _label_of(state.rating)),
        ("反馈时间", moment_text(state.feedback_at)),
        ("办结时间", moment_text(state.closed_at)),
        ("延期至", due_text(state.extended_until)),
        ("归档时间", moment_text(state.archived_at)),
    )
