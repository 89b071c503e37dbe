"""The extension notice (延期告知书) to the citizen (source 三(一)4).

Once the leader in charge and the center have approved an extension, the citizen is told
the reason, the time and the new close due time. The notice says them in the words the
citizen reads: the due times as "2026-12-02 24:00", never the next day's 00:00. The order
comes masked when the reader may not see the citizen's name.
"""

from __future__ import annotations

from datetime import datetime

from hotline_core.domain.order import WorkOrder
from hotline_core.domain.paper.blocks import Fields, Paper, Text, chinese_date, due_text, moment_text
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.state import Extension

TITLE = "延期办理告知书"
SENDER = "延边州残疾人联合会"


def approved_extension(order: WorkOrder) -> Extension:
    """The extension the citizen is to be told of: the latest approved one; refused if none."""
    if not order.state.extensions:
        raise InvalidInput([Problem("order", "no_approved_extension", {"id": order.id})])
    return order.state.extensions[-1]


def extension_notice(order: WorkOrder, previous_due: datetime | None, printed_at: datetime) -> Paper:
    """The notice for ``order``'s latest approved extension; ``previous_due`` is the close due
    time that stood before it was approved (worked out by the caller from the limits)."""
    extension = approved_extension(order)
    record = order.state.record
    name = record.citizen.name or "诉求人"
    new_due = due_text(extension.until)
    received = chinese_date(order.record.received_at)
    body = (
        f"您于{received}通过“12345”政务服务热线反映的诉求（工单编号：{order.id}），"
        f"因{extension.reason.rstrip('。')}，确实无法在规定时间内办结。"
        f"经分管领导和州热线受理中心同意，办结时限延长至{new_due}。",
        "我们将抓紧办理，并在办结时限内将办理结果答复您。对延期给您带来的不便，敬请谅解。"
        "如有疑问，可拨打“12345”政务服务热线咨询。",
    )
    pairs = (
        ("工单编号", order.id),
        ("延期原因", extension.reason),
        ("原办结时限", due_text(previous_due)),
        ("延期后办结时限", new_due),
        ("延期申请时间", moment_text(extension.requested_at)),
        ("延期批准时间", moment_text(_approved_at(extension))),
    )
    closing = (SENDER, chinese_date(printed_at))
    blocks = (Text((f"{name}：",)), Text(body), Fields(pairs), Text(closing, align="right"))
    return Paper(TITLE, f"工单编号：{order.id}", blocks, f"{SENDER}　“12345”政务服务热线")


def _approved_at(extension: Extension) -> datetime | None:
    moments = [m for m in (extension.leader_at, extension.center_at) if m is not None]
    return max(moments, default=None)
