"""A demo set of orders in every state, dated relative to ``now``.

Built through the lifecycle like real orders, so every event is one the
rules allow; steps that would fall after ``now`` are left out, so a demo
refreshed at any moment is consistent. Names, numbers and addresses are
invented: 金某某 is how the federation writes an anonymised name.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from hotline_core.domain.events import Command
from hotline_core.domain.intake import parse_order
from hotline_core.domain.lifecycle import perform, receive
from hotline_core.domain.order import WorkOrder
from hotline_core.domain.organization import Person
from hotline_core.domain.vocabulary import Place, Role

DEMO_STAFF: tuple[Person, ...] = (
    Person("wangfang", {Role.HANDLER}),
    Person("lizhuren", {Role.LEADER}),
    Person("yanji01", {Role.COUNTY_CLERK}, county=Place.YANJI),
    Person("dunhua01", {Role.COUNTY_CLERK}, county=Place.DUNHUA),
    Person("kangfu01", {Role.DEPARTMENT}, department="康复部"),
    Person("shenji", {Role.VIEWER}),
)
_BY_LOGIN = {p.login: p for p in DEMO_STAFF}

_FULL = {
    "gender": "男",
    "age": 52,
    "ethnicity": "朝鲜族",
    "disability": "physical",
    "grade": "三级",
    "address": "延吉市河南街道 12 号",
    "business_area": "employment",
}

# (hours before now, form, steps as (minutes after receipt, action, login, data))
Script = tuple[float, dict[str, Any], tuple[tuple[float, str, str, dict[str, str]], ...]]
_SCRIPTS: tuple[Script, ...] = (
    (
        0.3,
        {
            "appeal_type": "consultation",
            "county": "延吉市",
            "name": "金某某",
            "phone": "13904330001",
            "appeal": "想咨询残疾人证办理需要哪些材料，去哪里办理",
        },
        (),
    ),
    (
        2.5,
        {
            "appeal_type": "help",
            "county": "图们市",
            "name": "崔某某",
            "phone": "13904330002",
            "appeal": "家中重度残疾老人无人照料，申请护理补贴一直没有消息",
        },
        (),
    ),
    (
        5,
        {
            "appeal_type": "complaint",
            "county": "敦化市",
            "name": "李某某",
            "phone": "0433-6221234",
            "appeal": "公交车无障碍踏板损坏，轮椅无法上车，多次反映未修",
        },
        ((20, "sign", "wangfang", {}),),
    ),
    (
        26,
        {
            "appeal_type": "complaint",
            "county": "延吉市",
            "name": "朴某某",
            "phone": "13904330004",
            "appeal": "用人单位以残疾为由拒绝录用，要求按比例安排残疾人就业",
            **_FULL,
        },
        (
            (15, "sign", "wangfang", {}),
            (90, "contact", "wangfang", {}),
            (120, "transfer", "wangfang", {"to": "延吉市"}),
            (300, "contact", "yanji01", {}),
        ),
    ),
    (
        30,
        {
            "appeal_type": "help",
            "county": "州本级",
            "name": "张某某",
            "phone": "13904330005",
            "appeal": "孩子自闭症，想了解残疾儿童康复救助的申请条件",
            "business_area": "rehabilitation",
        },
        (
            (10, "sign", "wangfang", {}),
            (60, "contact", "wangfang", {}),
            (80, "assign", "wangfang", {"to": "康复部"}),
        ),
    ),
    (
        50,
        {
            "appeal_type": "report",
            "county": "珲春市",
            "name": "赵某某",
            "phone": "13904330006",
            "appeal": "举报某康复机构虚报残疾儿童康复训练人数套取补贴",
        },
        (
            (30, "sign", "wangfang", {}),
            (100, "contact", "wangfang", {}),
            (200, "transfer", "wangfang", {"to": "珲春市"}),
            (1500, "supervise", "wangfang", {}),
        ),
    ),
    (
        72,
        {
            "appeal_type": "help",
            "county": "龙井市",
            "name": "孙某某",
            "phone": "13904330007",
            "appeal": "房屋漏雨，本人为视力残疾一级，申请帮助维修",
            **_FULL,
        },
        (
            (20, "sign", "wangfang", {}),
            (150, "contact", "wangfang", {}),
            (200, "request_extension", "wangfang", {"until": "+240h", "reason": "需协调住建部门现场勘查"}),
            (260, "approve_extension", "lizhuren", {"by": "leader"}),
        ),
    ),
    (
        1.5,
        {
            "appeal_type": "help",
            "county": "和龙市",
            "name": "刘某某",
            "phone": "13904330008",
            "appeal": "精神残疾的儿子走失，家属情绪激动，请求帮助",
            "emergency": True,
        },
        ((5, "sign", "wangfang", {}),),
    ),
    (
        100,
        {
            "appeal_type": "complaint",
            "county": "汪清县",
            "name": "金某某",
            "phone": "13904330009",
            "appeal": "对残疾人两项补贴发放标准有异议，已申请行政复议",
            **_FULL,
        },
        (
            (20, "sign", "wangfang", {}),
            (60, "contact", "wangfang", {}),
            (70, "legal_procedure", "wangfang", {}),
        ),
    ),
    (
        120,
        {
            "appeal_type": "complaint",
            "county": "安图县",
            "name": "韩某某",
            "phone": "13904330010",
            "appeal": "多年反映的残疾等级评定问题仍未解决，要求领导接访",
            **_FULL,
        },
        (
            (25, "sign", "wangfang", {}),
            (90, "contact", "wangfang", {}),
            (100, "route_petition", "wangfang", {}),
        ),
    ),
    (
        3,
        {
            "appeal_type": "consultation",
            "county": "延吉市",
            "name": "王某某",
            "phone": "13904330011",
            "appeal": "咨询社保局养老保险缴费年限问题",
        },
        ((20, "request_return", "wangfang", {"reason": "属人社部门职责", "basis": "不属于残联职责范围"}),),
    ),
    (
        80,
        {
            "appeal_type": "consultation",
            "county": "图们市",
            "name": "马某某",
            "phone": "13904330012",
            "appeal": "咨询公积金提取",
        },
        (
            (
                15,
                "request_return",
                "wangfang",
                {"reason": "属住房公积金中心职责", "basis": "不属于残联职责范围"},
            ),
            (70, "approve_return", "wangfang", {}),
        ),
    ),
    (
        60,
        {
            "appeal_type": "help",
            "county": "敦化市",
            "name": "高某某",
            "phone": "13904330013",
            "appeal": "要求残联出资帮助开办经营性超市",
        },
        (
            (20, "sign", "wangfang", {}),
            (
                40,
                "decline",
                "wangfang",
                {
                    "reason": "commercial",
                    "explanation": "属经营性业务，不在热线办理范围",
                    "guidance": "可向就业服务中心咨询残疾人自主创业扶持政策",
                },
            ),
        ),
    ),
    (
        40,
        {
            "appeal_type": "consultation",
            "county": "延吉市",
            "name": "朴某某",
            "phone": "13904330014",
            "appeal": "咨询残疾人机动轮椅车燃油补贴",
            **_FULL,
        },
        (
            (10, "sign", "wangfang", {}),
            (40, "contact", "wangfang", {}),
            (60, "reply", "wangfang", {"text": "已电话告知补贴标准及申领流程"}),
            (
                70,
                "feedback",
                "wangfang",
                {"text": "已联系诉求人，告知政策，诉求人表示理解", "no_image_reason": "电话政策咨询"},
            ),
        ),
    ),
    (
        200,
        {
            "appeal_type": "complaint",
            "county": "珲春市",
            "name": "崔某某",
            "phone": "13904330015",
            "appeal": "社区未按规定公示残疾人补贴名单",
            **_FULL,
        },
        (
            (10, "sign", "wangfang", {}),
            (40, "contact", "wangfang", {}),
            (60, "reply", "wangfang", {"text": "已督促社区公示"}),
            (90, "feedback", "wangfang", {"text": "已协调街道督促社区公示", "images": "现场照片.jpg"}),
            (1500, "rate", "wangfang", {"level": "unsatisfied"}),
        ),
    ),
    (
        300,
        {
            "appeal_type": "suggestion",
            "county": "州本级",
            "name": "李某某",
            "phone": "13904330016",
            "appeal": "建议增加手语翻译服务窗口",
            **_FULL,
        },
        (
            (10, "sign", "wangfang", {}),
            (30, "contact", "wangfang", {}),
            (60, "reply", "wangfang", {"text": "感谢建议，已转相关部门研究"}),
            (90, "feedback", "wangfang", {"text": "已答复诉求人", "images": "现场照片.jpg"}),
            (600, "rate", "wangfang", {"level": "satisfied"}),
            (620, "close", "wangfang", {}),
        ),
    ),
    (
        500,
        {
            "appeal_type": "help",
            "county": "龙井市",
            "name": "金某某",
            "phone": "13904330017",
            "appeal": "申请辅助器具（助听器）适配",
            **_FULL,
            "disability": "hearing",
        },
        (
            (10, "sign", "wangfang", {}),
            (30, "contact", "wangfang", {}),
            (60, "reply", "wangfang", {"text": "已安排辅具中心适配"}),
            (90, "feedback", "wangfang", {"text": "已办理", "images": "现场照片.jpg"}),
            (700, "rate", "wangfang", {"level": "basically_satisfied"}),
            (720, "close", "wangfang", {}),
            (800, "archive", "wangfang", {}),
        ),
    ),
    # Issue 18: an order passed to 民政局 and chased; an order 敦化市 took in itself.
    (
        30,
        {
            "appeal_type": "help",
            "county": "汪清县",
            "name": "崔某某",
            "phone": "13904330018",
            "appeal": "申请低保，乡镇说需要残联出具意见",
            **_FULL,
        },
        (
            (10, "sign", "wangfang", {}),
            (30, "contact", "wangfang", {}),
            (60, "refer", "wangfang", {"to": "民政局", "text": "请协助审核低保申请"}),
            (1500, "chase", "wangfang", {}),
        ),
    ),
    (
        5,
        {
            "_taken_in": "敦化市",
            "appeal_type": "consultation",
            "county": "敦化市",
            "name": "朴某某",
            "phone": "13904330019",
            "appeal": "咨询敦化市残疾人两项补贴的发放时间",
        },
        ((15, "sign", "dunhua01", {}), (40, "contact", "dunhua01", {})),
    ),
)


def _resolve(data: dict[str, str], received: datetime) -> dict[str, str]:
    """``"+240h"`` in a script means that many hours after receipt."""
    return {
        k: (received + timedelta(hours=float(v[1:-1]))).isoformat()
        if v.startswith("+") and v.endswith("h")
        else v
        for k, v in data.items()
    }


def demo_orders(now: datetime) -> Iterator[WorkOrder]:
    """Every scripted order, received the scripted time before ``now``, up to ``now``."""
    for number, (hours, form, steps) in enumerate(_SCRIPTS, start=1):
        received = (now - timedelta(hours=hours)).replace(microsecond=0)
        fields = {k: v for k, v in form.items() if k != "_taken_in"}
        record = parse_order(
            {"id": f"YB{received:%Y%m%d}{number:04d}", "received_at": received, "channel": "phone", **fields}
        )
        county = form.get("_taken_in")  # a county's own order (issue 18)
        order = receive(record, county=None if county is None else Place(county))
        for minutes, action, login, data in steps:
            when = received + timedelta(minutes=minutes)
            if when > now:
                break
            order = perform(order, Command(action, _resolve(data, received)), _BY_LOGIN[login], when)
        yield order
