"""A known set of orders, each driven through the lifecycle, for checking every report figure.

All times are Beijing time in 2026. Limits (policy yanbian-2019): sign 1
office hour (08:30–11:30, 13:00–17:00), contact 24 working hours, close 24
(consultation) or 72 working hours. 1–7 October are holidays and Saturday
10 October is worked.

| id | place | type / area | disability | story | as of 1 Oct 00:00 |
|----|-------|-------------|------------|-------|-------------------|
| W1 | 延吉市 | complaint / employment | physical | Q2, closed the same morning, phone P | closed |
| W0 | 汪清县 | help / social_security | visual | Q2, signed only | open, contact & close late |
| Y1 | 延吉市 | complaint / employment | physical | all on time, satisfied, phone P | closed |
| Y2 | 延吉市 | consultation / rehabilitation | hearing | signed 2 h late, basically satisfied | closed |
| Y3 | 延吉市 | help / social_security | visual | contact+close late, unsatisfied+reported, phone P | closed |
| T1 | 图们市 | complaint / rights | speech | return requested in 30 min, approved | returned |
| T2 | 图们市 | report / organization | intellectual | signed, declined | declined |
| P1 | 州本级 | suggestion / rights | mental | extended, told; closed after 72 h, in time | closed |
| P2 | 州本级 | complaint / education | multiple | emergency at dispatch, first reply in 30 min | closed |
| P3 | 州本级 | help / social_security | physical | routed to petition, answered | open (close exempt) |
| H1 | 珲春市 | consultation / culture_sports | physical | unsatisfied, redo, satisfied | closed |
| L1 | 龙井市 | help / rehabilitation | intellectual | transferred to 龙井市 | closed |
| A1 | 州本级 | help / rehabilitation | physical | assigned to 康复部, contact late, not rated | closed |
| U1 | 延吉市 | complaint / (none) | (none) | 10 Sep, never signed | open, all late |
| D1 | 敦化市 | complaint / employment | hearing | 30 Sep, closed 9 Oct on time | open, close running |
| X1 | 延吉市 | consultation / rehabilitation | hearing | Q4, never signed | not received yet |
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hotline_core.domain.intake import parse_order
from hotline_core.domain.lifecycle import receive
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.vocabulary import Place, Role
from tests.support import COMPLETE_FORM, HANDLER, LEADER, REHAB_CONTACT, Story, at

LONGJING_CLERK = Person("longjing", {Role.COUNTY_CLERK}, county=Place.LONGJING)
REPEAT_PHONE = "13812340000"
NOW = at("2026-11-30 12:00")


class Steps(Story):
    """A story told at absolute Beijing times ('07-14 09:20'), as the tables above are written."""

    def on(self, when: str, action: str, actor: Person = HANDLER, **data: Any) -> Steps:
        self.do(action, actor, after=at(f"2026-{when}") - self.now, **data)
        return self

    def answered(self, day: str, rating: str | None = None) -> Steps:
        """Feedback at 10:00 of ``day`` and the rating at 11:00 (if any)."""
        self.on(f"{day} 10:00", "feedback", text="已办理并答复", no_image_reason="电话答复")
        if rating:
            self.on(f"{day} 11:00", "rate", level=rating)
        return self


def start(
    order_id: str,
    received: str,
    place: str,
    appeal_type: str,
    area: str | None,
    disability: str | None,
    phone: str,
    appeal: str,
    **extra: Any,
) -> Steps:
    form = {
        **COMPLETE_FORM,
        "id": order_id,
        "received_at": f"2026-{received}:00+08:00".replace(" ", "T"),
        "county": place,
        "appeal_type": appeal_type,
        "business_area": area,
        "disability": disability,
        "phone": phone,
        "appeal": appeal,
        "reply": "已答复诉求人",
        "call_date": None,
        **extra,
    }
    record = parse_order(form)
    return Steps(receive(record), record.received_at)


def _quarter_two() -> list[WorkOrder]:
    w1 = start(
        "W1",
        "06-16 09:00",
        "延吉市",
        "complaint",
        "employment",
        "physical",
        REPEAT_PHONE,
        "用人单位拖欠残疾职工工资",
    )
    w1.on("06-16 09:10", "sign").on("06-16 09:20", "contact").answered("06-16").on("06-16 12:00", "close")
    w0 = start(
        "W0", "06-22 09:00", "汪清县", "help", "social_security", "visual", "13900000014", "申请两项补贴"
    )
    w0.on("06-22 09:10", "sign")
    return [w1.order, w0.order]


def _yanji() -> list[WorkOrder]:
    y1 = start(
        "Y1",
        "07-14 09:00",
        "延吉市",
        "complaint",
        "employment",
        "physical",
        REPEAT_PHONE,
        "用人单位拒绝按比例安排残疾人就业",
    )
    y1.on("07-14 09:20", "sign").on("07-14 11:00", "contact").answered("07-15", "satisfied")
    y1.on("07-15 12:00", "close")
    y2 = start(
        "Y2",
        "07-15 09:00",
        "延吉市",
        "consultation",
        "rehabilitation",
        "hearing",
        "13900000002",
        "咨询康复训练补贴申请条件",
    )
    y2.on("07-15 11:00", "sign").on("07-15 14:00", "contact").on(
        "07-15 15:00", "feedback", text="已答复", no_image_reason="电话答复"
    )
    y2.on("07-15 15:10", "rate", level="basically_satisfied").on("07-15 15:20", "close")
    y3 = start(
        "Y3",
        "07-20 09:00",
        "延吉市",
        "help",
        "social_security",
        "visual",
        REPEAT_PHONE,
        "两项补贴一直没有发放，询问两项补贴何时到账",
    )
    y3.on("07-20 09:30", "sign").on("07-22 10:00", "contact").answered("07-24", "unsatisfied")
    y3.on("07-24 14:00", "report_unsatisfied", text="已解释，群众仍不满意").on("07-24 15:00", "close")
    u1 = start("U1", "09-10 09:00", "延吉市", "complaint", None, None, "13900000013", "用人单位拖欠工资")
    return [y1.order, y2.order, y3.order, u1.order]


def _tumen() -> list[WorkOrder]:
    t1 = start(
        "T1", "07-16 10:00", "图们市", "complaint", "rights", "speech", "13900000004", "小区物业乱收费"
    )
    t1.on("07-16 10:30", "request_return", reason="非残联职责", basis="物业管理条例")
    t1.on("07-16 15:00", "approve_return")
    t2 = start(
        "T2",
        "07-17 09:00",
        "图们市",
        "report",
        "organization",
        "intellectual",
        "13900000005",
        "反映情况不具体",
    )
    t2.on("07-17 09:10", "sign")
    t2.on("07-17 09:40", "decline", reason="not_specific", explanation="无法核实", guidance="请补充具体情况")
    return [t1.order, t2.order]


def _prefecture() -> list[WorkOrder]:
    p1 = start(
        "P1", "08-03 09:00", "州本级", "suggestion", "rights", "mental", "13900000006", "建议增加无障碍设施"
    )
    p1.on("08-03 09:10", "sign").on("08-03 10:00", "contact")
    p1.on("08-04 09:00", "request_extension", until="2026-08-14T17:00:00+08:00", reason="需现场核查")
    p1.on("08-04 10:00", "approve_extension", LEADER, by="leader").on(
        "08-04 11:00", "approve_extension", by="center"
    )
    p1.on("08-04 15:00", "tell_extension")  # the citizen told of the new due time (source 三(一)4)
    p1.answered("08-10", "satisfied").on("08-10 12:00", "close")
    p2 = start(
        "P2",
        "08-04 14:00",
        "州本级",
        "complaint",
        "education",
        "multiple",
        "13900000007",
        "学校拒绝残疾儿童入学",
        emergency=True,
    )
    p2.on("08-04 14:10", "sign").on("08-04 14:30", "first_reply", text="已安抚").on("08-04 14:40", "contact")
    p2.answered("08-05", "satisfied").on("08-05 12:00", "close")
    p3 = start(
        "P3", "08-05 09:00", "州本级", "help", "social_security", "physical", "13900000008", "两项补贴被停发"
    )
    p3.on("08-05 09:20", "sign").on("08-05 10:00", "route_petition").on("08-05 11:00", "contact")
    p3.on("08-10 10:00", "reply", text="已转信访程序办理")
    a1 = start(
        "A1", "08-12 09:00", "州本级", "help", "rehabilitation", "physical", "13900000012", "辅助器具申请流程"
    )
    a1.on("08-12 09:10", "sign").on("08-12 09:20", "assign", to="康复部")
    a1.on("08-13 10:00", "submit_result", REHAB_CONTACT, text="已安排适配").on("08-13 11:00", "contact")
    a1.on("08-13 14:00", "feedback", text="已适配", no_image_reason="电话答复").on("08-13 15:00", "close")
    return [p1.order, p2.order, p3.order, a1.order]


def _counties() -> list[WorkOrder]:
    h1 = start(
        "H1",
        "08-10 09:00",
        "珲春市",
        "consultation",
        "culture_sports",
        "physical",
        "13900000010",
        "咨询残疾人文体活动报名",
    )
    h1.on("08-10 09:05", "sign").on("08-10 09:30", "contact").on(
        "08-10 10:00", "feedback", text="已答复", no_image_reason="电话答复"
    )
    h1.on("08-10 10:30", "rate", level="unsatisfied").on("08-10 11:00", "report_unsatisfied", text="已报告")
    h1.on("08-10 14:00", "redo").on("08-11 09:00", "feedback", text="已重新答复", no_image_reason="电话答复")
    h1.on("08-11 09:30", "rate", level="satisfied").on("08-11 10:00", "close")
    l1 = start(
        "L1",
        "08-11 09:00",
        "龙井市",
        "help",
        "rehabilitation",
        "intellectual",
        "13900000011",
        "申请康复训练补贴",
    )
    l1.on("08-11 09:10", "sign").on("08-11 09:20", "transfer", to="龙井市")
    l1.on("08-11 15:00", "contact", LONGJING_CLERK).on(
        "08-12 10:00", "submit_result", LONGJING_CLERK, text="已办"
    )
    l1.on("08-12 11:00", "feedback", text="已办", no_image_reason="电话答复").on(
        "08-12 14:00", "rate", level="satisfied"
    )
    l1.on("08-12 15:00", "close")
    d1 = start(
        "D1",
        "09-30 10:00",
        "敦化市",
        "complaint",
        "employment",
        "hearing",
        "13900000009",
        "用人单位拒绝安排就业",
    )
    d1.on("09-30 10:20", "sign").on("09-30 11:00", "contact").answered("10-09", "satisfied")
    d1.on("10-09 12:00", "close")
    x1 = start(
        "X1",
        "10-12 09:00",
        "延吉市",
        "consultation",
        "rehabilitation",
        "hearing",
        "13900000015",
        "咨询助听器适配",
    )
    return [h1.order, l1.order, d1.order, x1.order]


def known_orders() -> dict[str, WorkOrder]:
    """Every order above by id, in no particular order of places."""
    orders = _quarter_two() + _yanji() + _tumen() + _prefecture() + _counties()
    return {order.id: order for order in orders}


def moment(text: str) -> datetime:
    return at(f"2026-{text}")
