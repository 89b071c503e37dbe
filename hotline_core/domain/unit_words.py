"""The words of issue 18 (units, policies, government departments, the county summary table).

Kept apart so that the shared tables of ``hotline_core.domain.messages`` take them
with one line each; the shape is the same: key → (Chinese, Korean, English).
"""

from __future__ import annotations

UNIT_MESSAGES: dict[str, tuple[str, str, str]] = {
    "bad_limit": (
        "时限格式应为“48h”、“2d”或“48h@working_day”",
        "기한 형식은 '48h', '2d' 또는 '48h@working_day'입니다",
        "a limit reads like 48h, 2d or 48h@working_day",
    ),
    "bad_office_hours": (
        "办公时间格式应为“08:30-11:30,13:00-17:00”",
        "근무 시간 형식은 '08:30-11:30,13:00-17:00'입니다",
        "office hours read like 08:30-11:30,13:00-17:00",
    ),
    "bad_policy_number": (
        "应在 {low} 到 {high} 之间",
        "{low}에서 {high} 사이여야 합니다",
        "must be between {low} and {high}",
    ),
    "policy_looser": (
        "县（市）规则不得宽于州残联：{limit} 为 {county}，州残联为 {prefecture}",
        "현(시) 규칙은 주 장애인연합회보다 느슨할 수 없습니다: {limit} {county}, 주는 {prefecture}",
        "a county's rule may not be looser than the prefecture's: {limit} is {county}, "
        "the prefecture's {prefecture}",
    ),
    "effective_in_past": (
        "生效时间不得早于现在（{now}）：新规则只适用于此后受理的工单",
        "시행 시각은 지금({now})보다 이를 수 없습니다: 새 규칙은 이후 접수분에만 적용됩니다",
        "may not be before now ({now}): a new policy applies to orders received after it",
    ),
    "nothing_to_change": ("没有要修改的规则", "변경할 규칙이 없습니다", "there is no rule to change"),
    "not_a_government_dept": (
        "不是政府职能部门（可选：{choices}）",
        "정부 부서가 아닙니다 (선택: {choices})",
        "is not a government department ({choices})",
    ),
    "referral_open": (
        "已转{to}，尚未答复",
        "{to}에 이미 전달되어 답변을 기다리는 중입니다",
        "already passed to {to}, awaiting its answer",
    ),
    "no_open_referral": (
        "没有等待{to}答复的转办",
        "{to}의 답변을 기다리는 전달이 없습니다",
        "nothing is waiting on {to}",
    ),
    "not_your_county": (
        "只能受理本县（市）的工单（{county}）",
        "본 현(시)의 작업지시만 접수할 수 있습니다 ({county})",
        "only orders of your own county may be taken in ({county})",
    ),
    "not_county_staff": (
        "不是本县（市）的工作人员（可选：{choices}）",
        "본 현(시)의 직원이 아닙니다 (선택: {choices})",
        "is not one of the county's staff ({choices})",
    ),
    "not_county_order": (
        "不是县（市）自行受理的工单",
        "현(시)가 직접 접수한 작업지시가 아닙니다",
        "the order is not one a county took in itself",
    ),
    "summary_not_generated": (
        "{quarter} 的汇总表尚未生成",
        "{quarter} 집계표가 아직 생성되지 않았습니다",
        "the summary table of {quarter} has not been generated",
    ),
    "summary_filed": (
        "{quarter} 的汇总表已于 {at} 报送，不能再修改",
        "{quarter} 집계표는 {at}에 제출되어 수정할 수 없습니다",
        "the summary table of {quarter} was filed at {at} and cannot change",
    ),
    "summary_not_checked": (
        "汇总表须先核对",
        "집계표를 먼저 확인해야 합니다",
        "the summary table must be checked first",
    ),
    "summary_needs_scan": (
        "须附签字盖章的扫描件",
        "서명·날인된 스캔본을 첨부해야 합니다",
        "the signed scan must be attached",
    ),
}

UNIT_FIELDS: dict[str, tuple[str, str, str]] = {
    "document": ("文件编号", "문서 번호", "document number"),
    "effective": ("生效时间", "시행 시각", "effective"),
    "notes": ("备注", "비고", "notes"),
    "scan": ("签字扫描件", "서명 스캔본", "signed scan"),
    "office_hours": ("办公时间", "근무 시간", "office hours"),
    "due_soon": ("即将到期比例", "만기 임박 비율", "due-soon share"),
    "summary_due_day": ("汇总表报送日", "집계표 제출일", "summary due day"),
    "government": ("政府职能部门", "정부 부서", "government departments"),
}

UNIT_ACTIONS: dict[str, tuple[str, str, str]] = {
    "escalate": ("上报州残联", "주 장애인연합회에 상신", "escalate to the prefecture"),
    "refer": ("转政府职能部门", "정부 부서에 전달", "pass to a government department"),
    "chase": ("督办政府部门", "정부 부서 독촉", "chase the government department"),
    "answer_referral": ("政府部门答复", "정부 부서 답변", "government department answered"),
}
