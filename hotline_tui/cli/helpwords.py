"""The command line's help in Chinese, Korean and English, in the shape of every table of words.

:data:`HELP` is keyed by where the text goes: ``""`` is the program's description, a
subcommand's path (``"users add"``) its description and its line in the list of commands,
``"users add role"`` or ``"check --digest"`` an argument's help, ``"--db"`` an option every
subcommand takes. ``{codes}`` stands for the codes one types (the roles, the statuses ...),
which stay as they are in every language. :data:`METAVARS` names the values in the usage
line; :data:`ARGPARSE` holds argparse's own sentences (``usage:``, ``options``, its errors),
by the English text argparse asks gettext for. ``tests/integration/test_cli_help.py`` checks
that every subcommand and argument has its words and that no key names nothing.
"""

from __future__ import annotations

HELP: dict[str, tuple[str, str, str]] = {
    "": (
        "延边州残联 12345 热线工单系统。不带子命令时启动终端界面。",
        "연변주 장애인연합회 12345 핫라인 작업지시 시스템. 하위 명령 없이 실행하면 터미널 화면이 열립니다.",
        "Yanbian DPF 12345 hotline work orders. Without a subcommand it starts the terminal UI.",
    ),
    "command": ("子命令", "하위 명령", "subcommand"),
    "--db": (
        "数据库文件夹（默认：$HOTLINE_DB，否则为用户数据文件夹）",
        "데이터베이스 폴더 (기본: $HOTLINE_DB, 없으면 사용자 데이터 폴더)",
        "database folder (default: $HOTLINE_DB, else the user data folder)",
    ),
    "--json": ("输出 JSON 而不是文字", "글 대신 JSON 출력", "print JSON instead of text"),
    "--lang": (
        "输出与提示的语言（默认 zh_CN）",
        "출력과 안내의 언어 (기본 zh_CN)",
        "language of output and messages (default: zh_CN)",
    ),
    "--as": (
        "以该登录名操作（仅限演示数据库）",
        "이 로그인으로 작업 (시연 데이터베이스만)",
        "act as LOGIN (demo databases only)",
    ),
    "init": (
        "新建空数据库；执行者成为管理员和承办人",
        "빈 데이터베이스 생성; 실행한 사람이 관리자와 담당자가 됩니다",
        "create an empty database; whoever runs it becomes admin and handler",
    ),
    "users": ("谁可以使用本系统", "시스템 사용자 관리", "who may use the system"),
    "users add": ("给登录名加一个角色", "로그인에 역할 추가", "give a login a role"),
    "users add login": ("操作系统登录名", "운영체제 로그인 이름", "the operating-system login"),
    "users add role": ("角色：{codes}", "역할: {codes}", "role: {codes}"),
    "users add --county": (
        "县（市）书记员所属的县（市）",
        "시·현 담당자의 시·현",
        "the county of a county clerk",
    ),
    "users add --department": (
        "部门联系人所属的部门",
        "부서 담당자의 부서",
        "the department of a department contact",
    ),
    "users list": ("列出用户", "사용자 목록", "list the users"),
    "users remove": ("收回登录名的使用权", "로그인의 사용 권한 회수", "take a login's access away"),
    "users remove login": ("操作系统登录名", "운영체제 로그인 이름", "the operating-system login"),
    "demo": (
        "新建或刷新演示数据库",
        "시연 데이터베이스 생성 또는 새로 고침",
        "create or refresh a demo database",
    ),
    "check": (
        "校验数据库和审计记录",
        "데이터베이스와 감사 기록 검증",
        "verify the database and the audit trail",
    ),
    "check --digest": (
        "打印整个历史的简短摘要，留存纸质记录",
        "전체 이력의 짧은 요약을 출력해 종이로 보관",
        "print one short digest of the whole history, to keep on paper",
    ),
    "check --seq": (
        "与 --digest 一起用：只算到这一次修改",
        "--digest와 함께: 이 변경까지만",
        "with --digest: the history up to this change only",
    ),
    "backup": (
        "在他人继续工作时做一份一致的副本",
        "다른 사람이 작업하는 동안 일관된 사본 만들기",
        "a consistent copy while others keep working",
    ),
    "backup --to": (
        "备份文件夹（默认：数据库旁的 backups/）",
        "백업 폴더 (기본: 데이터베이스 옆 backups/)",
        "folder for backups (default: beside the database, backups/)",
    ),
    "backup --compress": (
        "打成一个 .tar.gz 文件而不是文件夹",
        "폴더 대신 .tar.gz 파일 하나로",
        "one .tar.gz file instead of a folder",
    ),
    "restore": ("恢复一份备份", "백업 되돌리기", "put a backup back"),
    "restore source": (
        "hotline backup 做的备份文件夹或 .tar.gz",
        "hotline backup으로 만든 백업 폴더 또는 .tar.gz",
        "a backup folder or .tar.gz made by hotline backup",
    ),
    "restore --replace": (
        "替换正在使用的数据库（原库保留在 replaced/）",
        "사용 중인 데이터베이스 교체 (원본은 replaced/에 보관)",
        "replace a live database (it is kept aside in replaced/)",
    ),
    "kb": (
        "常见问题标准答案知识库",
        "자주 묻는 질문 표준 답변 지식베이스",
        "the knowledge base of standard answers",
    ),
    "kb search": (
        "按相关度查找答案：先列已发布的，工作人员还能看到标为未审核的草稿",
        "관련도순 답변 검색: 게시된 답변 먼저, 직원에게는 미심사 초안도 표시",
        "answers ranked by relevance: published first, then drafts marked unreviewed for staff",
    ),
    "kb search query": ("要找的问题或关键词", "찾을 질문이나 낱말", "the question or words to look for"),
    "kb search --limit": ("最多列出几条", "최대 표시 건수", "at most this many"),
    "kb show": ("一个条目及其各版本", "항목과 그 버전들", "an entry with its versions"),
    "kb show entry": ("条目编号，如 KB-0001", "항목 번호, 예: KB-0001", "entry number, e.g. KB-0001"),
    "kb step": (
        "审核流程的一步：送审、发布、退回或停用",
        "심사 단계: 심사 요청, 게시, 반려, 폐기",
        "a review step: send to review, publish, return or retire",
    ),
    "kb step entry": ("条目编号，如 KB-0001", "항목 번호, 예: KB-0001", "entry number, e.g. KB-0001"),
    "kb step step": ("步骤", "단계", "the step"),
    "kb step --reason": ("退回或停用的理由", "반려 또는 폐기 사유", "why it is returned or retired"),
    "kb import": (
        "导入办公室的表格（.xlsx）或 JSON 导出文件",
        "사무실 스프레드시트(.xlsx) 또는 JSON 내보내기 가져오기",
        "the office's spreadsheet (.xlsx) or a JSON export",
    ),
    "kb import file": ("要导入的文件", "가져올 파일", "the file to read"),
    "kb export": (
        "把整个知识库导出为 .xlsx 或 .json",
        "지식베이스 전체를 .xlsx 또는 .json으로",
        "the whole base as .xlsx or .json",
    ),
    "kb export file": ("要写入的文件", "쓸 파일", "the file to write"),
    "list": (
        "你可以看到的在办工单；--find 还查已办结和已归档的",
        "볼 수 있는 처리 중 작업지시; --find는 완결·보관된 것도 검색",
        "the open orders you may see; --find searches closed and archived ones too",
    ),
    "list --status": ("只列此状态：{codes}", "이 상태만: {codes}", "only this status: {codes}"),
    "list --overdue": ("只列有时限已超的工单", "기한을 넘긴 작업지시만", "only orders with a limit past due"),
    "list --find": (
        "按编号、姓名、电话或诉求查找，含已办结、已归档的工单",
        "번호·이름·전화·민원 내용으로 검색, 완결·보관된 작업지시 포함",
        "find by number, name, phone or appeal, closed and archived orders included",
    ),
    "intake": (
        "从 JSON 列表添加工单（格式见 docs/intake-format.md）",
        "JSON 목록에서 작업지시 추가 (형식: docs/intake-format.md)",
        "add orders from a JSON list (format: docs/intake-format.md)",
    ),
    "intake file": ("工单的 JSON 文件", "작업지시 JSON 파일", "the JSON file of orders"),
    "act": ("现在对工单执行一个办理步骤", "작업지시에 처리 단계 하나 실행", "apply one lifecycle action now"),
    "act order": ("工单编号", "작업지시 번호", "the order number"),
    "act action": ("步骤：{codes}", "단계: {codes}", "action: {codes}"),
    "act data": (
        "步骤的内容；还可写 note=备注、attach=文件（可重复）、at=发生时间",
        "단계의 내용; note=메모, attach=파일(반복 가능), at=발생 시각도",
        "the action's details; note=..., attach=FILE (repeatable) and at=TIME too",
    ),
    "show": (
        "一张工单：时限和办理经过",
        "작업지시 하나: 기한과 처리 경과",
        "an order, its limits and events",
    ),
    "show order": ("工单编号", "작업지시 번호", "the order number"),
    "escalate": (
        "发出到期的提醒（供定时任务用）",
        "기한 알림 발송 (정기 작업용)",
        "raise due alerts (for cron)",
    ),
    "escalate --now": (
        "按这个 ISO 时间计算，而不是系统时间",
        "시스템 시각 대신 이 ISO 시각으로 계산",
        "evaluate at this ISO time instead of the system's",
    ),
    "report": (
        "报表：季度汇总、热点难点、年度考核、县（市）报送",
        "보고서: 분기 집계, 핫이슈, 연간 평가, 시·현 제출",
        "reports: quarterly summary, hot issues, assessment, county filings",
    ),
    "report kind": ("报表种类", "보고서 종류", "which report"),
    "report --period": (
        "期间：2026Q3、2026-07..2026-09 或 2026",
        "기간: 2026Q3, 2026-07..2026-09, 2026",
        "2026Q3, 2026-07..2026-09 or 2026",
    ),
    "report --county": (
        "只看一个县（市）（季度汇总）",
        "한 시·현만 (분기 집계)",
        "one county's figures (quarterly)",
    ),
    "report --format": ("格式", "형식", "format"),
    "report --output": (
        "写入的文件（xlsx 必须指定）",
        "쓸 파일 (xlsx는 필수)",
        "file to write (xlsx needs one)",
    ),
    "summary": ("县（市）季度汇总表", "시·현 분기 집계표", "county quarterly summary tables"),
    "summary file": (
        "登记某县（市）已报送汇总表",
        "시·현의 집계표 제출 기록",
        "record that a county sent its summary",
    ),
    "summary file quarter": ("季度，如 2026Q3", "분기, 예: 2026Q3", "quarter, e.g. 2026Q3"),
    "summary file --county": (
        "维权部代为登记纸质汇总表时的县（市）",
        "권익보호부가 종이 집계표를 기록할 때의 시·현",
        "for the rights department recording a paper summary",
    ),
    "deadlines": (
        "某时受理的工单的各项时限",
        "어떤 시각에 접수된 작업지시의 기한",
        "limits of an order received at a time",
    ),
    "deadlines --received": (
        "受理时间（ISO），如 2026-11-20T16:00:00+08:00",
        "접수 시각(ISO), 예: 2026-11-20T16:00:00+08:00",
        "ISO time, e.g. 2026-11-20T16:00:00+08:00",
    ),
    "deadlines --type": ("诉求类型：{codes}", "민원 유형: {codes}", "appeal type: {codes}"),
    "deadlines --emergency": ("突发事项", "돌발 사항", "an emergency"),
    "calendar": ("工作日历", "근무 달력", "the working calendar"),
    "calendar summary-due": (
        "某季度汇总表的报送截止时间",
        "분기 집계표 제출 기한",
        "when a county summary is due",
    ),
    "calendar summary-due quarter": ("季度，如 2026Q3", "분기, 예: 2026Q3", "quarter, e.g. 2026Q3"),
    "calendar override": (
        "录入某年国务院放假安排（管理员）",
        "한 해의 국무원 휴일 일정 입력 (관리자)",
        "enter a year's State Council schedule (admin)",
    ),
    "calendar override year": ("年份", "연도", "the year"),
    "calendar override --rest": (
        "放假日，ISO 日期以逗号分隔",
        "휴무일, 쉼표로 구분한 ISO 날짜",
        "rest days, comma separated ISO dates",
    ),
    "calendar override --work": (
        "调休上班日，以逗号分隔",
        "대체 근무일, 쉼표로 구분",
        "make-up working days, comma separated",
    ),
    "calendar override --official": (
        "该年官方安排已录入（或未录入）",
        "그해 공식 일정이 입력됨 (또는 아님)",
        "the year's official schedule is now entered (or not)",
    ),
    "calendar show": ("某年的放假日和状态", "한 해의 휴무일과 상태", "a year's rest days and status"),
    "calendar show year": ("年份", "연도", "the year"),
    "simulate": (
        "回放一个场景文件（SPEC 第 11 节）",
        "시나리오 파일 재생 (SPEC 11절)",
        "replay a scenario file (SPEC 11)",
    ),
    "simulate scenario": ("场景 JSON 文件", "시나리오 JSON 파일", "the scenario JSON file"),
    "audit": ("访问日志（审计人员）", "열람 기록 (감사자)", "the access log (auditors)"),
    "audit access": (
        "谁看过哪些个人信息",
        "누가 어떤 개인정보를 보았는지",
        "who was shown which personal data",
    ),
    "audit access --login": ("只看这个登录名", "이 로그인만", "only this login"),
    "audit access --since": (
        "从这一天（2026-11-01）或 ISO 时间起",
        "이 날짜(2026-11-01) 또는 ISO 시각부터",
        "from this date (2026-11-01) or ISO time on",
    ),
}

# The names of the values in the usage line, by the argument's name.
METAVARS: dict[str, tuple[str, str, str]] = {
    "COMMAND": ("子命令", "하위명령", "COMMAND"),
    "WHAT": ("子命令", "하위명령", "WHAT"),
    "file": ("文件", "파일", "FILE"),
    "order": ("工单编号", "작업번호", "ORDER"),
    "login": ("登录名", "로그인", "LOGIN"),
    "LOGIN": ("登录名", "로그인", "LOGIN"),
    "role": ("角色", "역할", "ROLE"),
    "action": ("步骤", "단계", "ACTION"),
    "key=value": ("键=值", "키=값", "key=value"),
    "entry": ("条目", "항목", "ENTRY"),
    "query": ("查询", "검색어", "QUERY"),
    "quarter": ("季度", "분기", "QUARTER"),
    "year": ("年份", "연도", "YEAR"),
    "source": ("备份", "백업", "SOURCE"),
    "scenario": ("场景文件", "시나리오", "SCENARIO"),
    "db": ("文件夹", "폴더", "DB"),
    "county": ("县市", "시현", "COUNTY"),
    "department": ("部门", "부서", "DEPARTMENT"),
    "seq": ("序号", "번호", "SEQ"),
    "to": ("文件夹", "폴더", "TO"),
    "limit": ("条数", "건수", "LIMIT"),
    "reason": ("理由", "사유", "REASON"),
    "status": ("状态", "상태", "STATUS"),
    "find": ("文字", "검색어", "TEXT"),
    "now": ("时间", "시각", "NOW"),
    "period": ("期间", "기간", "PERIOD"),
    "output": ("文件", "파일", "OUTPUT"),
    "received": ("时间", "시각", "RECEIVED"),
    "appeal_type": ("类型", "유형", "TYPE"),
    "rest": ("日期", "날짜", "REST"),
    "work": ("日期", "날짜", "WORK"),
    "since": ("日期", "날짜", "SINCE"),
}

# argparse's own sentences, by the English it asks gettext for (Python 3.11 to 3.13).
ARGPARSE: dict[str, tuple[str, str, str]] = {
    "usage: ": ("用法：", "사용법: ", "usage: "),
    "positional arguments": ("位置参数", "위치 인자", "positional arguments"),
    "options": ("选项", "옵션", "options"),
    "show this help message and exit": (
        "显示本帮助并退出",
        "이 도움말을 보이고 끝냄",
        "show this help message and exit",
    ),
    "%(prog)s: error: %(message)s\n": (
        "%(prog)s：错误：%(message)s\n",
        "%(prog)s: 오류: %(message)s\n",
        "%(prog)s: error: %(message)s\n",
    ),
    "the following arguments are required: %s": (
        "缺少这些参数：%s",
        "다음 인자가 필요합니다: %s",
        "the following arguments are required: %s",
    ),
    "unrecognized arguments: %s": ("不认识的参数：%s", "알 수 없는 인자: %s", "unrecognized arguments: %s"),
    "argument %(argument_name)s: %(message)s": (
        "参数 %(argument_name)s：%(message)s",
        "인자 %(argument_name)s: %(message)s",
        "argument %(argument_name)s: %(message)s",
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选项 %(value)r（可选：%(choices)s）",
        "잘못된 선택 %(value)r (선택지: %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    "invalid %(type)s value: %(value)r": (
        "无效的值 %(value)r（应为 %(type)s）",
        "잘못된 값 %(value)r (%(type)s 이어야 함)",
        "invalid %(type)s value: %(value)r",
    ),
    "expected one argument": ("需要一个值", "값 하나가 필요합니다", "expected one argument"),
    "expected at most one argument": ("最多一个值", "값은 많아야 하나", "expected at most one argument"),
    "expected at least one argument": (
        "至少需要一个值",
        "값이 하나 이상 필요합니다",
        "expected at least one argument",
    ),
    "not allowed with argument %s": (
        "不能与参数 %s 同用",
        "인자 %s 와 함께 쓸 수 없음",
        "not allowed with argument %s",
    ),
    "ignored explicit argument %r": ("多余的值 %r", "불필요한 값 %r", "ignored explicit argument %r"),
    "one of the arguments %s is required": (
        "必须给出以下参数之一：%s",
        "다음 인자 중 하나가 필요합니다: %s",
        "one of the arguments %s is required",
    ),
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不明确，可能是 %(matches)s",
        "옵션 %(option)s 이(가) 모호함: %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
    "unexpected option string: %s": (
        "多余的选项：%s",
        "예상하지 못한 옵션: %s",
        "unexpected option string: %s",
    ),
}

# What the JSON reader says is wrong, by the English the ``json`` module says it in.
JSON_REASONS: dict[str, tuple[str, str, str]] = {
    "Expecting value": ("此处应有一个值", "여기에 값이 있어야 합니다", "a value was expected"),
    "Expecting ',' delimiter": ("缺少逗号", "쉼표가 빠졌습니다", "a comma is missing"),
    "Expecting ':' delimiter": ("缺少冒号", "콜론이 빠졌습니다", "a colon is missing"),
    "Expecting property name enclosed in double quotes": (
        "字段名须用双引号括起（或多了一个逗号）",
        "필드 이름은 큰따옴표로 감싸야 합니다 (또는 쉼표가 남음)",
        "a field name in double quotes was expected (or a comma too many)",
    ),
    "Unterminated string starting at": (
        "字符串没有结束引号",
        "문자열에 닫는 따옴표가 없습니다",
        "a string has no closing quote",
    ),
    "Invalid control character at": (
        "字符串里有控制字符",
        "문자열에 제어 문자가 있습니다",
        "a control character inside a string",
    ),
    "Invalid \\escape": ("无效的反斜杠转义", "잘못된 역슬래시 이스케이프", "an invalid backslash escape"),
    "Extra data": ("JSON 结束后还有多余内容", "JSON 뒤에 남는 내용이 있습니다", "more text after the JSON"),
}
