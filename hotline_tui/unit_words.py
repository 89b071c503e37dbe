"""The interface's words for issue 18 (policies per unit, county summary tables, settings screen).

Same shape as :mod:`hotline_tui.words`, which takes them in with one line.
"""

from __future__ import annotations

UNIT_WORDS: dict[str, tuple[str, str, str]] = {
    "cli.policy.unit": (
        "{unit} 时限规则：{name}{whose}",
        "{unit} 기한 규칙: {name}{whose}",
        "{unit} deadline policy: {name}{whose}",
    ),
    "cli.policy.own": ("（本单位自定）", " (자체 규칙)", " (its own)"),
    "cli.policy.inherited": ("（沿用州残联规则）", " (주 규칙 적용)", " (the prefecture's)"),
    "cli.policy.other": (
        "  办公时间 {hours}；即将到期比例 {share}；汇总表报送日 {day} 日",
        "  근무 시간 {hours}; 만기 임박 비율 {share}; 집계표 제출일 {day}일",
        "  office hours {hours}; due soon at {share}; summary due on day {day}",
    ),
    "cli.policy.version": (
        "版本：{effective} 起 {name}，依据 {document}，{login} 于 {at} 设定",
        "버전: {effective}부터 {name}, 근거 {document}, {login}이(가) {at}에 설정",
        "version: {name} from {effective}, by {document}, set by {login} at {at}",
    ),
    "cli.policy.set": (
        "已设定 {unit} 时限规则 {name}：{effective} 起受理的工单适用（{document}）",
        "{unit} 기한 규칙 {name} 설정: {effective} 이후 접수분에 적용 ({document})",
        "set {unit}'s policy {name}: applies to orders received from {effective} ({document})",
    ),
    "cli.deadlines.policy": ("适用规则", "적용 규칙", "policy"),
    "cli.summary.table": (
        "{county} {quarter} 汇总表：生成 {generated}；核对 {checked}；扫描件 {scan}；报送 {filed}",
        "{county} {quarter} 집계표: 생성 {generated}; 확인 {checked}; 스캔본 {scan}; 제출 {filed}",
        "{county} {quarter} summary table: generated {generated}; checked {checked}; scan {scan}; "
        "filed {filed}",
    ),
    "cli.summary.no_table": (
        "{quarter} 尚无汇总表",
        "{quarter} 집계표가 없습니다",
        "no summary table for {quarter}",
    ),
    "cli.summary.notes": ("备注：{notes}", "비고: {notes}", "notes: {notes}"),
    "settings.title": ("时限规则设置", "기한 규칙 설정", "Deadline policies"),
    "settings.unit": ("单位", "단위", "Unit"),
    "settings.changes": (
        "修改（如 close=48h contact=12h）",
        "변경 (예: close=48h contact=12h)",
        "Changes (e.g. close=48h contact=12h)",
    ),
    "settings.save": ("设定新版本", "새 버전 설정", "Set new version"),
    "settings.saved": ("已设定：{name}", "설정됨: {name}", "Set: {name}"),
    "settings.read_only": (
        "只有系统管理员可以设定新版本",
        "시스템 관리자만 새 버전을 설정할 수 있습니다",
        "only an administrator may set a new version",
    ),
    "settings.government": ("政府职能部门：{names}", "정부 부서: {names}", "Government departments: {names}"),
}
