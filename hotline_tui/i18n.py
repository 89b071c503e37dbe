"""The interface's words in Simplified Chinese, Korean and English.

Textual has no translation layer. A gettext catalog would need a compile
step (and Babel) at install time on the shared host; a table with the three
languages side by side needs nothing, and a missing translation is a test
failure. The rules' own messages live in ``hotline_core.messages``; this
module adds the words of the screens and the names of the SPEC's lists.
"""

from __future__ import annotations

from enum import Enum

from hotline_core.messages import ACTION_NAMES, LANGUAGES, STATUS_NAMES, field_label

# key: (Chinese, Korean, English)
TEXTS: dict[str, tuple[str, str, str]] = {
    "app.title": ("延边州残联 12345 热线工单", "연변주 장애인연합회 12345 핫라인", "Yanbian DPF 12345 hotline"),
    "queue.title": ("工作台", "업무 목록", "Work queue"),
    "queue.col.id": ("工单编号", "번호", "Order"),
    "queue.col.received": ("受理时间", "접수", "Received"),
    "queue.col.type": ("类型", "유형", "Type"),
    "queue.col.county": ("地区", "지역", "County"),
    "queue.col.status": ("状态", "상태", "Status"),
    "queue.col.owner": ("承办", "담당", "Owner"),
    "queue.col.next": ("下一时限", "다음 기한", "Next limit"),
    "queue.empty": ("没有符合条件的工单", "조건에 맞는 작업지시가 없습니다", "No orders match"),
    "queue.count": ("共 {shown} 张（在办 {total} 张）", "{shown}건 표시 (처리 중 {total}건)", "{shown} shown of {total} open"),
    "queue.page": ("仅列出最急的 {page} 张，请筛选", "가장 급한 {page}건만 표시, 필터를 쓰십시오", "showing the {page} most urgent: filter for more"),
    "queue.filter": ("筛选：{what}", "필터: {what}", "Filter: {what}"),
    "queue.filter.all": ("全部", "전체", "all"),
    "queue.filter.overdue": ("超时", "기한 초과", "overdue"),
    "queue.find": ("查找编号、姓名或电话（回车确定，Esc 取消）", "번호, 이름 또는 전화 검색 (Enter 확인, Esc 취소)", "Find by number, name or phone (Enter, Esc to cancel)"),
    "left.breached": ("超时{span}", "{span} 초과", "{span} late"),
    "left.soon": ("剩{span}!", "{span} 남음!", "{span} left!"),
    "left.open": ("剩{span}", "{span} 남음", "{span} left"),
    "left.none": ("—", "—", "—"),
    "span.days": ("{n}天", "{n}일", "{n}d"),
    "span.hours": ("{n}时", "{n}시간", "{n}h"),
    "span.minutes": ("{n}分", "{n}분", "{n}m"),
    "limit.sign": ("签收", "수령", "sign"),
    "limit.return": ("退件", "반송", "return"),
    "limit.contact": ("联系", "연락", "contact"),
    "limit.close": ("办结", "완결", "close"),
    "limit.emergency_reply": ("突发答复", "돌발 답변", "emergency reply"),
    "limit.unsatisfied_report": ("不满意报告", "불만족 보고", "unsatisfied report"),
    "limit.supervision": ("督办答复", "독촉 답변", "supervision"),
    "limit.petition_accept": ("信访受理", "신방 수리", "petition accept"),
    "limit.petition_handle": ("信访办结", "신방 완결", "petition handle"),
    "limit.short.sign": ("签收", "수령", "sign"),
    "limit.short.return": ("退件", "반송", "return"),
    "limit.short.contact": ("联系", "연락", "contact"),
    "limit.short.close": ("办结", "완결", "close"),
    "limit.short.emergency_reply": ("突发", "돌발", "urgent"),
    "limit.short.unsatisfied_report": ("不满意", "불만족", "unsat."),
    "limit.short.supervision": ("督办", "독촉", "superv."),
    "limit.short.petition_accept": ("信访", "신방", "petition"),
    "limit.short.petition_handle": ("信访", "신방", "petition"),
    "state.open": ("未到期", "진행 중", "open"),
    "state.due_soon": ("即将到期", "곧 만기", "due soon"),
    "state.met": ("按时完成", "기한 내 완료", "met"),
    "state.breached": ("超时", "기한 초과", "breached"),
    "state.not_applicable": ("不适用", "해당 없음", "n/a"),
    "state.provisional": ("（暂定）", "(잠정)", " (provisional)"),
    "order.title": ("工单 {id}", "작업지시 {id}", "Order {id}"),
    "order.record": ("工单信息", "기록", "Record"),
    "order.limits": ("时限", "기한", "Limits"),
    "order.timeline": ("办理记录", "처리 기록", "Timeline"),
    "order.alerts": ("提醒", "알림", "Alerts"),
    "order.actions": ("可进行的操作", "가능한 작업", "Actions"),
    "order.no_actions": ("当前没有可进行的操作", "지금 가능한 작업이 없습니다", "Nothing to do now"),
    "order.masked": ("（个人信息已隐藏）", "(개인정보 숨김)", "(personal data hidden)"),
    "order.due": ("截止 {due}", "기한 {due}", "due {due}"),
    "order.met": ("完成于 {at}", "{at} 완료", "met at {at}"),
    "order.gone": ("工单已不在工作台（已归档或不存在）", "작업지시가 목록에 없습니다 (보관 또는 없음)", "The order is no longer in the queue (archived or missing)"),
    "form.submit": ("确定", "확인", "OK"),
    "form.cancel": ("取消", "취소", "Cancel"),
    "form.hint": ("Tab 切换，Enter 确定，Esc 取消", "Tab 이동, Enter 확인, Esc 취소", "Tab moves, Enter submits, Esc cancels"),
    "form.attachments": ("附件（文件路径，逗号分隔）", "첨부 (파일 경로, 쉼표 구분)", "attachments (file paths, comma separated)"),
    "form.note": ("备注", "비고", "note"),
    "form.saved": ("已保存：{what}", "저장됨: {what}", "Saved: {what}"),
    "form.choose": ("请选择", "선택", "choose"),
    "form.no_file": ("文件不存在：{path}", "파일이 없습니다: {path}", "no such file: {path}"),
    "intake.title": ("新工单受理", "새 작업지시 접수", "New order"),
    "intake.added": ("已受理工单 {id}", "작업지시 {id} 접수됨", "Order {id} received"),
    "intake.present": ("工单 {id} 已存在", "작업지시 {id}이(가) 이미 있습니다", "Order {id} already exists"),
    "alerts.title": ("提醒", "알림", "Alerts"),
    "alerts.col.when": ("时间", "시간", "When"),
    "alerts.col.kind": ("类型", "유형", "Kind"),
    "alerts.col.order": ("工单", "작업지시", "Order"),
    "alerts.col.limit": ("时限", "기한", "Limit"),
    "alerts.col.done": ("已阅", "확인", "Seen"),
    "alerts.none": ("没有提醒", "알림이 없습니다", "No alerts"),
    "alerts.unread": ("未读提醒 {n} 条", "읽지 않은 알림 {n}건", "{n} unread alerts"),
    "alert.due_soon": ("即将到期", "곧 만기", "due soon"),
    "alert.sign_overdue": ("签收超时", "수령 기한 초과", "sign overdue"),
    "alert.close_overdue": ("办结超时·督办", "완결 기한 초과·독촉", "close overdue"),
    "alert.overdue": ("超时", "기한 초과", "overdue"),
    "alert.emergency": ("突发事项", "돌발 사항", "emergency"),
    "alert.unsatisfied": ("不满意评价", "불만족 평가", "unsatisfied"),
    "alert.summary_overdue": ("汇总表逾期", "요약표 지연", "summary overdue"),
    "report.title": ("报表", "보고서", "Reports"),
    "report.quarterly": ("汇总表", "요약표", "Summary"),
    "report.hotspots": ("热点难点", "핫이슈", "Hot issues"),
    "report.assessment": ("年度考核", "연간 평가", "Assessment"),
    "report.filings": ("县市报送", "현 보고", "Filings"),
    "report.period": ("期间", "기간", "Period"),
    "report.period_hint": ("如 2026Q3、2026-07..2026-09、2026（回车确定）", "예: 2026Q3, 2026-07..2026-09, 2026 (Enter)", "e.g. 2026Q3, 2026-07..2026-09, 2026 (Enter)"),
    "report.next": ("下一表", "다음 표", "Next"),
    "report.previous": ("上一表", "이전 표", "Previous"),
    "report.export": ("导出", "내보내기", "Export"),
    "report.path": ("导出文件（.xlsx / .csv / .json）", "파일 (.xlsx / .csv / .json)", "file (.xlsx / .csv / .json)"),
    "report.written": ("已导出：{path}", "내보냄: {path}", "Written: {path}"),
    "key.reports": ("报表", "보고서", "Reports"),
    "kb.title": ("知识库", "지식베이스", "Knowledge base"),
    "kb.pick": ("选择标准答案插入", "삽입할 표준 답변 선택", "Pick a standard answer to insert"),
    "kb.search_hint": ("输入问题查找（回车），空白为推荐", "질문 입력 후 Enter, 비우면 추천", "type to search (Enter); empty shows suggestions"),
    "kb.none": ("没有找到标准答案", "표준 답변이 없습니다", "no standard answer found"),
    "kb.insert": ("标准答案", "표준 답변", "Standard answer"),
    "kb.col.id": ("编号", "번호", "Id"),
    "kb.col.status": ("状态", "상태", "Status"),
    "kb.col.question": ("问题", "질문", "Question"),
    "kb.new": ("新建", "새 항목", "New"),
    "kb.edit": ("修改", "수정", "Edit"),
    "kb.answer": ("标准答案", "표준 답변", "standard answer"),
    "kb.basis": ("政策依据（文件名称）", "정책 근거 (문서명)", "policy basis (document name)"),
    "kb.number": ("文号", "문서 번호", "document number"),
    "kb.tags": ("标签（逗号分隔）", "태그 (쉼표 구분)", "tags (comma separated)"),
    "kb.verify": ("待核实事项（留空才能发布）", "확인 필요 사항 (비어 있어야 게시 가능)", "to verify (must be empty to publish)"),
    "kb.review": ("送审", "검토 요청", "To review"),
    "kb.publish": ("发布", "게시", "Publish"),
    "kb.return": ("退回", "반려", "Return"),
    "kb.retire": ("停用", "폐지", "Retire"),
    "kb.reason": ("理由", "사유", "reason"),
    "kb.status.draft": ("草稿", "초안", "draft"),
    "kb.status.review": ("待审", "검토 중", "in review"),
    "kb.status.published": ("已发布", "게시됨", "published"),
    "kb.status.retired": ("已停用", "폐지됨", "retired"),
    "kb.note": ("待核实：{note}", "확인 필요: {note}", "to verify: {note}"),
    "key.kb": ("知识库", "지식베이스", "Knowledge"),
    "help.title": ("按键说明", "키 안내", "Keys"),
    "help.global": ("全局", "공통", "Everywhere"),
    "key.quit": ("退出", "종료", "Quit"),
    "key.help": ("帮助", "도움말", "Help"),
    "key.language": ("语言", "언어", "Language"),
    "key.alerts": ("提醒", "알림", "Alerts"),
    "key.intake": ("新工单", "새 작업", "New order"),
    "key.find": ("查找", "찾기", "Find"),
    "key.filter_status": ("状态", "상태", "Status"),
    "key.filter_type": ("类型", "유형", "Type"),
    "key.filter_county": ("地区", "지역", "County"),
    "key.filter_overdue": ("超时", "초과", "Overdue"),
    "key.clear": ("清除筛选", "필터 해제", "Clear"),
    "key.refresh": ("刷新", "새로고침", "Refresh"),
    "key.open": ("打开", "열기", "Open"),
    "key.back": ("返回", "뒤로", "Back"),
    "key.act": ("操作", "작업", "Act"),
    "key.ack": ("已阅", "확인", "Seen"),
    "key.palette": ("命令", "명령", "Commands"),
    "palette.order": ("工单", "작업지시", "Order"),
    "palette.go": ("前往", "이동", "Go"),
    "palette.system": ("系统", "시스템", "System"),
    "role.masked": ("***", "***", "***"),
    "word.yes": ("是", "예", "yes"),
    "word.no": ("否", "아니오", "no"),
    "busy": ("正在处理…", "처리 중…", "Working…"),
    "damaged": ("数据库无法读取：{reason}", "데이터베이스를 읽을 수 없습니다: {reason}", "The database cannot be read: {reason}"),
}

TEXTS.update({f"action.{code}": names for code, names in ACTION_NAMES.items()})

# The SPEC's lists in Korean and English; Chinese comes from the vocabulary's labels.
NAMES: dict[str, tuple[str, str]] = {
    "consultation": ("정책 문의", "consultation"), "help": ("생활 도움", "help"),
    "complaint": ("민원", "complaint"), "report": ("신고", "report"), "suggestion": ("건의", "suggestion"),
    "州本级": ("주 본급", "Prefecture"), "延吉市": ("연길시", "Yanji"), "图们市": ("도문시", "Tumen"),
    "敦化市": ("돈화시", "Dunhua"), "珲春市": ("훈춘시", "Hunchun"), "龙井市": ("룡정시", "Longjing"),
    "和龙市": ("화룡시", "Helong"), "汪清县": ("왕청현", "Wangqing"), "安图县": ("안도현", "Antu"),
    "维权部": ("권익보호부", "Rights dept."),
    "phone": ("전화", "phone"), "sms": ("문자", "SMS"), "web": ("웹사이트", "web"), "email": ("이메일", "email"),
    "wechat": ("위챗", "WeChat"), "app": ("앱", "app"),
    "rights": ("권익보호", "rights"), "organization": ("조직", "organization"),
    "rehabilitation": ("재활", "rehabilitation"), "education": ("교육", "education"),
    "employment": ("취업", "employment"), "social_security": ("사회보장", "social security"),
    "publicity": ("홍보", "publicity"), "culture_sports": ("문화체육", "culture & sports"),
    "male": ("남", "male"), "female": ("여", "female"),
    "visual": ("시각", "visual"), "hearing": ("청각", "hearing"), "speech": ("언어", "speech"),
    "physical": ("지체", "physical"), "intellectual": ("지적", "intellectual"), "mental": ("정신", "mental"),
    "multiple": ("중복", "multiple"),
    "satisfied": ("만족", "satisfied"), "basically_satisfied": ("대체로 만족", "basically satisfied"),
    "unsatisfied": ("불만족", "unsatisfied"),
    "legal_channel": ("법정 절차 사항", "legal channel"), "petition_concluded": ("종결된 신방", "petition concluded"),
    "unlawful_help": ("위법 구조 요청", "unlawful help"), "commercial": ("영리 행위", "commercial"),
    "not_specific": ("구체적이지 않음", "not specific"),
    "leader": ("분관 지도자", "leader"), "center": ("핫라인 센터", "the center"),
    "1": ("1급", "grade 1"), "2": ("2급", "grade 2"), "3": ("3급", "grade 3"), "4": ("4급", "grade 4"),
}
# Short Chinese names for the narrow queue columns.
SHORT_ZH: dict[str, str] = {
    "consultation": "咨询", "help": "求助", "complaint": "投诉", "report": "举报", "suggestion": "建议",
    "return_requested": "退件中", "feedback_given": "已反馈", "declined": "不受理",
}
CHINESE_BY_CODE: dict[str, str] = {"leader": "分管领导", "center": "热线中心"}


class Translator:
    """Words in one language; switching language makes a new translator."""

    def __init__(self, language: str = "zh_CN") -> None:
        self.language = language if language in LANGUAGES else "zh_CN"
        self.column = LANGUAGES.index(self.language)

    def __call__(self, key: str, **params: object) -> str:
        text = TEXTS[key][self.column]
        return text.format(**params) if params else text

    def name(self, value: Enum | str | None, short: bool = False) -> str:
        """The name of a list value (an appeal type, a county, a status ...)."""
        if value is None:
            return ""
        code = value.value if isinstance(value, Enum) else str(value)
        if code in STATUS_NAMES:
            return SHORT_ZH.get(code, STATUS_NAMES[code][0]) if short and self.column == 0 \
                else STATUS_NAMES[code][self.column]
        if code in ACTION_NAMES:
            return ACTION_NAMES[code][self.column]
        if self.column == 0:
            if short and code in SHORT_ZH:
                return SHORT_ZH[code]
            return getattr(value, "label", None) or CHINESE_BY_CODE.get(code, code)
        return NAMES.get(code, (code, code))[self.column - 1]

    def yes_no(self, value: bool) -> str:
        return self("word.yes") if value else self("word.no")

    def field(self, name: str) -> str:
        return field_label(name, self.language)

    def next_language(self) -> Translator:
        return Translator(LANGUAGES[(self.column + 1) % len(LANGUAGES)])
