"""The interface's words (the screens and the command line's output), key: (Chinese, Korean, English).

A key is what the code asks for (``"queue.title"``), never an English sentence; the
three languages sit side by side in the shape of every table of words
(``hotline_core.domain.messages``), and ``{placeholders}`` are filled after the lookup.
To change a word, edit it here; ``tests/ui/test_i18n_catalogs.py`` fails when a key lacks
a language, when its placeholders differ between languages, when the code asks for a
key that is not here, or when a key here is asked for by nothing. The actions' and the
limit states' names come from ``hotline_core.domain.messages`` (``action.*``, ``state.*``).
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str, str]] = {
    # The application
    "app.title": (
        "延边州残联 12345 热线工单",
        "연변주 장애인연합회 12345 핫라인",
        "Yanbian DPF 12345 hotline",
    ),
    # Work queue
    "queue.title": ("工作台", "업무 목록", "Work queue"),
    "queue.col.id": ("工单编号", "번호", "Order"),
    "queue.col.received": ("受理时间", "접수", "Received"),
    "queue.col.type": ("类型", "유형", "Type"),
    "queue.col.county": ("地区", "지역", "County"),
    "queue.col.status": ("状态", "상태", "Status"),
    "queue.col.owner": ("承办", "담당", "Owner"),
    "queue.col.next": ("下一时限", "다음 기한", "Next limit"),
    "queue.loading": (
        "正在读取全部工单，稍后可筛选",
        "전체 작업을 읽는 중, 곧 필터 사용 가능",
        "Reading every order; filters in a moment",
    ),
    "queue.empty": ("没有符合条件的工单", "조건에 맞는 작업지시가 없습니다", "No orders match"),
    "queue.count": (
        "共 {shown} 张（在办 {total} 张）",
        "{shown}건 표시 (처리 중 {total}건)",
        "{shown} shown of {total} open",
    ),
    "queue.page": (
        "仅列出最急的 {page} 张，请筛选",
        "가장 급한 {page}건만 표시, 필터를 쓰십시오",
        "showing the {page} most urgent: filter for more",
    ),
    "queue.filter": ("筛选：{what}", "필터: {what}", "Filter: {what}"),
    "queue.filter.all": ("全部", "전체", "all"),
    "queue.filter.overdue": ("超时", "기한 초과", "overdue"),
    "queue.find": (
        "查找编号、姓名或电话（回车确定，Esc 取消）",
        "번호, 이름 또는 전화 검색 (Enter 확인, Esc 취소)",
        "Find by number, name or phone (Enter, Esc to cancel)",
    ),
    # Time left to a limit
    "left.breached": ("超时{span}", "{span} 초과", "{span} late"),
    "left.soon": ("剩{span}!", "{span} 남음!", "{span} left!"),
    "left.open": ("剩{span}", "{span} 남음", "{span} left"),
    "left.none": ("—", "—", "—"),
    "span.days": ("{n}天", "{n}일", "{n}d"),
    "span.hours": ("{n}时", "{n}시간", "{n}h"),
    "span.minutes": ("{n}分", "{n}분", "{n}m"),
    # Limit names (long, and short for the queue)
    "limit.sign": ("签收", "수령", "sign"),
    "limit.return": ("退件", "반송", "return"),
    "limit.contact": ("联系", "연락", "contact"),
    "limit.close": ("办结", "완결", "close"),
    "limit.emergency_reply": ("突发答复", "돌발 답변", "emergency reply"),
    "limit.unsatisfied_report": ("不满意报告", "불만족 보고", "unsatisfied report"),
    "limit.supervision": ("督办答复", "독촉 답변", "supervision"),
    "limit.extension_notice": ("告知延期", "연기 안내", "extension notice"),
    "limit.petition_accept": ("信访受理", "신방 수리", "petition accept"),
    "limit.petition_handle": ("信访办结", "신방 완결", "petition handle"),
    "limit.short.sign": ("签收", "수령", "sign"),
    "limit.short.return": ("退件", "반송", "return"),
    "limit.short.contact": ("联系", "연락", "contact"),
    "limit.short.close": ("办结", "완결", "close"),
    "limit.short.emergency_reply": ("突发", "돌발", "urgent"),
    "limit.short.unsatisfied_report": ("不满意", "불만족", "unsat."),
    "limit.short.supervision": ("督办", "독촉", "superv."),
    "limit.short.extension_notice": ("告知", "안내", "told"),
    "limit.short.petition_accept": ("信访", "신방", "petition"),
    "limit.short.petition_handle": ("信访", "신방", "petition"),
    # A limit"s state
    "state.provisional": ("（暂定）", "(잠정)", " (provisional)"),
    # Order screen
    "order.title": ("工单 {id}", "작업지시 {id}", "Order {id}"),
    "order.record": ("工单信息", "기록", "Record"),
    "order.limits": ("时限", "기한", "Limits"),
    "order.timeline": ("办理记录", "처리 기록", "Timeline"),
    "order.alerts": ("提醒", "알림", "Alerts"),
    "order.actions": ("可进行的操作", "가능한 작업", "Actions"),
    "order.no_actions": ("当前没有可进行的操作", "지금 가능한 작업이 없습니다", "Nothing to do now"),
    "order.masked": ("（个人信息已隐藏）", "(개인정보 숨김)", "(personal data hidden)"),
    "order.unlogged": (
        "查阅记录无法写入（磁盘已满或只读），个人信息已隐藏",
        "열람 기록을 쓸 수 없어 (디스크 가득 참 또는 읽기 전용) 개인정보를 숨겼습니다",
        "The access log cannot be written (disk full or read-only): personal data hidden",
    ),
    "order.due": ("截止 {due}", "기한 {due}", "due {due}"),
    "order.met": ("完成于 {at}", "{at} 완료", "met at {at}"),
    "order.gone": (
        "工单已不在工作台（已归档或不存在）",
        "작업지시가 목록에 없습니다 (보관 또는 없음)",
        "The order is no longer in the queue (archived or missing)",
    ),
    # Forms
    "form.submit": ("确定", "확인", "OK"),
    "form.cancel": ("取消", "취소", "Cancel"),
    "form.hint": (
        "Tab 切换，Enter 确定，Esc 取消",
        "Tab 이동, Enter 확인, Esc 취소",
        "Tab moves, Enter submits, Esc cancels",
    ),
    "form.attachments": (
        "附件（文件路径，逗号分隔）",
        "첨부 (파일 경로, 쉼표 구분)",
        "attachments (file paths, comma separated)",
    ),
    "form.note": ("备注", "비고", "note"),
    "form.saved": ("已保存：{what}", "저장됨: {what}", "Saved: {what}"),
    "form.choose": ("请选择", "선택", "choose"),
    # Intake form
    "intake.title": ("新工单受理", "새 작업지시 접수", "New order"),
    "intake.added": ("已受理工单 {id}", "작업지시 {id} 접수됨", "Order {id} received"),
    # Alerts screen
    "alerts.title": ("提醒", "알림", "Alerts"),
    "alerts.col.when": ("时间", "시간", "When"),
    "alerts.col.kind": ("类型", "유형", "Kind"),
    "alerts.col.order": ("工单", "작업지시", "Order"),
    "alerts.col.limit": ("时限", "기한", "Limit"),
    "alerts.col.done": ("已阅", "확인", "Seen"),
    "alerts.none": ("没有提醒", "알림이 없습니다", "No alerts"),
    "alerts.unread": ("未读提醒 {n} 条", "읽지 않은 알림 {n}건", "{n} unread alerts"),
    # Alert kinds
    "alert.due_soon": ("即将到期", "곧 만기", "due soon"),
    "alert.sign_overdue": ("签收超时", "수령 기한 초과", "sign overdue"),
    "alert.close_overdue": ("办结超时·督办", "완결 기한 초과·독촉", "close overdue"),
    "alert.overdue": ("超时", "기한 초과", "overdue"),
    "alert.emergency": ("突发事项", "돌발 사항", "emergency"),
    "alert.unsatisfied": ("不满意评价", "불만족 평가", "unsatisfied"),
    "alert.summary_overdue": ("汇总表逾期", "요약표 지연", "summary overdue"),
    "alert.outbox_waiting": ("平台消息待发超时", "플랫폼 메시지 미발송", "platform message not sent"),
    # Reports screen
    "report.title": ("报表", "보고서", "Reports"),
    "report.quarterly": ("汇总表", "요약표", "Summary"),
    "report.hotspots": ("热点难点", "핫이슈", "Hot issues"),
    "report.assessment": ("年度考核", "연간 평가", "Assessment"),
    "report.filings": ("县市报送", "현 보고", "Filings"),
    "report.period": ("期间", "기간", "Period"),
    "report.period_hint": (
        "如 2026Q3、2026-07..2026-09、2026（回车确定）",
        "예: 2026Q3, 2026-07..2026-09, 2026 (Enter)",
        "e.g. 2026Q3, 2026-07..2026-09, 2026 (Enter)",
    ),
    "report.next": ("下一表", "다음 표", "Next"),
    "report.previous": ("上一表", "이전 표", "Previous"),
    "report.export": ("导出", "내보내기", "Export"),
    "report.path": (
        "导出文件（.xlsx / .csv / .json）",
        "파일 (.xlsx / .csv / .json)",
        "file (.xlsx / .csv / .json)",
    ),
    "report.written": ("已导出：{path}", "내보냄: {path}", "Written: {path}"),
    "key.reports": ("报表", "보고서", "Reports"),
    # Knowledge base screen
    "kb.title": ("知识库", "지식베이스", "Knowledge base"),
    "kb.pick": ("选择标准答案插入", "삽입할 표준 답변 선택", "Pick a standard answer to insert"),
    "kb.search_hint": (
        "输入问题查找（回车），空白为推荐",
        "질문 입력 후 Enter, 비우면 추천",
        "type to search (Enter); empty shows suggestions",
    ),
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
    "kb.verify": (
        "待核实事项（留空才能发布）",
        "확인 필요 사항 (비어 있어야 게시 가능)",
        "to verify (must be empty to publish)",
    ),
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
    # Help screen
    "help.title": ("按键说明", "키 안내", "Keys"),
    "help.global": ("全局", "공통", "Everywhere"),
    # Key bindings (footer, help screen)
    "key.quit": ("退出", "종료", "Quit"),
    "key.help": ("帮助", "도움말", "Help"),
    "key.language": ("语言", "언어", "Language"),
    "key.alerts": ("提醒", "알림", "Alerts"),
    "key.intake": ("新工单", "새 작업", "New"),
    "key.find": ("查找", "찾기", "Find"),
    "key.filter_status": ("状态", "상태", "Status"),
    "key.filter_type": ("类型", "유형", "Type"),
    "key.filter_county": ("地区", "지역", "County"),
    "key.filter_overdue": ("超时", "초과", "Overdue"),
    "key.clear": ("清除筛选", "초기화", "Clear"),
    "key.refresh": ("刷新", "새로고침", "Refresh"),
    "key.open": ("打开", "열기", "Open"),
    "key.back": ("返回", "뒤로", "Back"),
    "key.act": ("操作", "작업", "Act"),
    "key.ack": ("已阅", "확인", "Seen"),
    "key.palette": ("命令", "명령", "Menu"),
    # Command palette
    "palette.order": ("工单", "작업지시", "Order"),
    "palette.go": ("前往", "이동", "Go"),
    "palette.system": ("系统", "시스템", "System"),
    # Words used everywhere
    "word.yes": ("是", "예", "yes"),
    "word.no": ("否", "아니오", "no"),
    "busy": ("正在处理…", "처리 중…", "Working…"),
    # The command line's human output (hotline_tui/cli)
    "cli.none": ("—", "—", "—"),
    "cli.written": ("已写入 {path}", "저장했습니다: {path}", "written: {path}"),
    "cli.init.done": (
        "已创建数据库 {db}；{login} 为系统管理员和承办人",
        "데이터베이스 {db}를 만들었습니다. {login}은(는) 시스템 관리자 겸 담당자입니다",
        "created the database {db}; {login} is its administrator and handler",
    ),
    "cli.users.removed": ("已删除 {login}", "{login}을(를) 삭제했습니다", "removed {login}"),
    "cli.demo.done": (
        "演示数据库 {db}：{n} 张工单。启动界面：hotline --db {db}",
        "데모 데이터베이스 {db}: 작업지시 {n}건. 화면 시작: hotline --db {db}",
        "demo database {db}: {n} orders. Start the interface: hotline --db {db}",
    ),
    "cli.backup.done": ("已备份到 {path}", "{path}에 백업했습니다", "backed up to {path}"),
    "cli.restore.done": (
        "已从 {source} 恢复到 {db}",
        "{source}에서 {db}로 복원했습니다",
        "restored {source} to {db}",
    ),
    "cli.restore.kept": (
        "；原数据库保存在 {kept}",
        ". 원래 데이터베이스는 {kept}에 보관했습니다",
        "; the database it replaced is kept in {kept}",
    ),
    "cli.check.ok": (
        "{db}：正常（{n} 张在办工单）",
        "{db}: 정상 (처리 중 작업지시 {n}건)",
        "{db}: sound ({n} open orders)",
    ),
    "cli.intake.done": (
        "新增 {added}，已存在 {present}，被拒 {rejected}",
        "추가 {added}, 기존 {present}, 거부 {rejected}",
        "added {added}, already there {present}, rejected {rejected}",
    ),
    "cli.escalate.done": ("新提醒 {n} 条", "새 알림 {n}건", "{n} new alerts"),
    # The exchange with the 12345 platform (issue 17)
    "cli.exchange.pulled": (
        "新增 {added}，未变 {unchanged}，更正 {corrected}，拒收 {rejected}；"
        "中心消息已处理 {applied}，未采纳 {refused}；平台确认 {acknowledged}",
        "추가 {added}, 변경 없음 {unchanged}, 정정 {corrected}, 거부 {rejected}; "
        "센터 메시지 처리 {applied}, 불채택 {refused}; 플랫폼 확인 {acknowledged}",
        "added {added}, unchanged {unchanged}, corrected {corrected}, rejected {rejected}; "
        "center messages applied {applied}, refused {refused}; acknowledged {acknowledged}",
    ),
    "cli.exchange.dry_run": (
        "（试运行：未保存任何更改）",
        "(시험 실행: 아무것도 저장하지 않음)",
        "(dry run: nothing was stored)",
    ),
    "cli.exchange.rejected": (
        "  {file} 第 {row} 行「{column}」：{reason}",
        "  {file} {row}행 「{column}」: {reason}",
        "  {file} row {row} '{column}': {reason}",
    ),
    "cli.exchange.refused": (
        "  {file} 第 {row} 行 {order}：{reason}",
        "  {file} {row}행 {order}: {reason}",
        "  {file} row {row} {order}: {reason}",
    ),
    "cli.exchange.corrected": (
        "  {order} 中心更正：{changes}",
        "  {order} 센터 정정: {changes}",
        "  {order} corrected by the center: {changes}",
    ),
    "cli.exchange.child": (
        "  {order} 是 {parent} 的子件",
        "  {order} 는 {parent} 의 하위 건",
        "  {order} is a child of {parent}",
    ),
    "cli.exchange.repeat": (
        "  {order} 可能是重复件：{of}",
        "  {order} 중복 건일 수 있음: {of}",
        "  {order} may repeat {of}",
    ),
    "cli.exchange.pushed": (
        "已写出 {n} 个待上传的包：{folder}",
        "업로드할 패키지 {n}개 작성: {folder}",
        "{n} packages written for upload: {folder}",
    ),
    "cli.exchange.empty": (
        "没有发往平台的消息",
        "플랫폼에 보낼 메시지가 없습니다",
        "no messages for the platform",
    ),
    "cli.exchange.marked": ("{id}：{state}", "{id}: {state}", "{id}: {state}"),
    "cli.exchange.linked": (
        "{order} → {parent}：{kind}",
        "{order} → {parent}: {kind}",
        "{order} → {parent}: {kind}",
    ),
    "cli.kb.imported": (
        "新增 {created}，更新 {updated}，未变 {unchanged}，有问题的行 {problems}",
        "추가 {created}, 갱신 {updated}, 변경 없음 {unchanged}, 문제 있는 행 {problems}",
        "created {created}, updated {updated}, unchanged {unchanged}, rows with problems {problems}",
    ),
    "cli.summary.filed": (
        "{place} 已报送 {quarter} 汇总表",
        "{place}이(가) {quarter} 집계표를 제출했습니다",
        "{place} filed its {quarter} summary",
    ),
    "due.whole_day": ("当日", "당일", "end of day"),
    "order.entered_at": ("（{at} 补录）", " ({at} 입력)", " (entered {at})"),
    "cli.summary.due": (
        "{quarter} 汇总表报送截止：{due}",
        "{quarter} 집계표 제출 기한: {due}",
        "{quarter} summary due: {due}",
    ),
    "cli.summary.provisional": (
        "（暂定：所跨年份的官方放假安排尚未录入）",
        " (잠정: 해당 연도의 공식 휴일 일정이 아직 입력되지 않았습니다)",
        " (provisional: the official holiday schedule of the year is not entered yet)",
    ),
    "cli.year.official": ("官方安排", "공식 일정", "official schedule"),
    "cli.year.provisional": (
        "暂定（官方放假安排尚未录入）",
        "잠정 (공식 휴일 일정이 아직 입력되지 않음)",
        "provisional (the official holiday schedule is not entered yet)",
    ),
    "cli.year.show": (
        "{year} 年：{status}\n工作日放假：{holidays}\n周末上班：{weekend}",
        "{year}년: {status}\n평일 휴무: {holidays}\n주말 근무: {weekend}",
        "{year}: {status}\nweekday rest days: {holidays}\nweekend working days: {weekend}",
    ),
    "cli.year.none": ("无", "없음", "none"),
}
