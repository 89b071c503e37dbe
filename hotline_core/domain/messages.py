"""Every word the product says, one format and one renderer; here the wording of the rules' problems.

The rules speak in codes (``bad_phone``) and the clerk reads sentences in the
language they chose. Every table of words, here, in the knowledge base
(``knowledge/wording.py``) and in the interface (``hotline_tui/words.py``), has one
shape: key → (Chinese, Korean, English), the three side by side, so that a missing
translation is a test failure rather than a surprise, and ``{placeholders}`` are filled
by :func:`fill`. Python tables rather than gettext catalogs: the domain reads them
without I/O, a new code is one line in one file, and there is nothing to compile.
To add a code: append ``"code": (zh_CN, ko, en)`` to :data:`MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from hotline_core.domain.exchange.wording import EXCHANGE_FIELDS, EXCHANGE_MESSAGES
from hotline_core.domain.unit_words import UNIT_ACTIONS, UNIT_FIELDS, UNIT_MESSAGES

LANGUAGES: tuple[str, ...] = ("zh_CN", "ko", "en")
DEFAULT_LANGUAGE = "zh_CN"

Words = Mapping[str, tuple[str, str, str]]

# code: (Chinese, Korean, English)
MESSAGES: dict[str, tuple[str, str, str]] = {
    "required": ("必须填写", "필수 항목입니다", "is required"),
    "required_to_close": ("办结前必须补全", "완결 전에 입력해야 합니다", "must be filled in before closing"),
    "unknown_field": ("不是工单的字段", "작업지시의 항목이 아닙니다", "is not a field of a work order"),
    "unchangeable": (
        "由热线中心派单确定，不能修改",
        "센터 배정 시 정해져 변경할 수 없습니다",
        "is set by the center's dispatch and cannot be changed",
    ),
    "not_text": ("应为文字", "문자여야 합니다", "must be text"),
    "too_long": (
        "过长（{length} 字，最多 {limit} 字）",
        "너무 깁니다 ({length}자, 최대 {limit}자)",
        "is too long ({length} characters, at most {limit})",
    ),
    "bad_order_id": (
        "只能包含字母、数字、“-”和“_”，最长 64 位",
        "영문, 숫자, '-', '_'만, 최대 64자입니다",
        "may only hold letters, digits, '-' and '_', up to 64",
    ),
    "not_in_list": (
        "不在可选范围内（可选：{choices}）",
        "선택 범위에 없습니다 (선택: {choices})",
        "is not one of the choices ({choices})",
    ),
    "not_a_choice": (
        "不在可选范围内（可选：{labels}）",
        "선택 범위에 없습니다 (선택: {labels} / {choices})",
        "is not one of the choices ({choices})",
    ),
    "unknown_ethnicity": (
        "不是 56 个民族之一，也不是“其他”",
        "56개 민족 또는 '기타'가 아닙니다",
        "is not one of the 56 ethnic groups or 'other'",
    ),
    "not_a_number": ("应为整数", "정수여야 합니다", "must be a whole number"),
    "age_range": ("应在 0 到 120 之间", "0에서 120 사이여야 합니다", "must be between 0 and 120"),
    "bad_phone": (
        "不是有效的手机号或带区号的固定电话（如 13800000000、0433-2512345）",
        "유효한 휴대전화 또는 지역번호가 있는 유선전화가 아닙니다 (예: 13800000000, 0433-2512345)",
        "is not a valid mobile number or landline with area code (e.g. 13800000000, 0433-2512345)",
    ),
    "bad_datetime": (
        "不是有效的日期时间（如 2026-11-20T16:00+08:00）",
        "유효한 일시가 아닙니다 (예: 2026-11-20T16:00+08:00)",
        "is not a valid date and time (e.g. 2026-11-20T16:00+08:00)",
    ),
    "bad_date": (
        "不是有效的日期（如 2026-11-20）",
        "유효한 날짜가 아닙니다 (예: 2026-11-20)",
        "is not a valid date (e.g. 2026-11-20)",
    ),
    "not_yes_no": ("应为“是”或“否”", "'예' 또는 '아니오'여야 합니다", "must be yes or no"),
    "not_in_future": ("应晚于现在", "현재보다 이후여야 합니다", "must be later than now"),
    "not_a_list": ("应为列表（JSON 数组）", "목록(JSON 배열)이어야 합니다", "must be a list (a JSON array)"),
    "not_an_object": (
        "应为对象（JSON 对象）",
        "객체(JSON 객체)여야 합니다",
        "must be an object (a JSON object)",
    ),
    "in_the_future": (
        "不能晚于当前时间（{now}）",
        "현재 시간({now})보다 늦을 수 없습니다",
        "cannot be later than now ({now})",
    ),
    "call_after_receipt": (
        "不能晚于受理日期（{date}）",
        "접수 날짜({date})보다 늦을 수 없습니다",
        "cannot be later than the day the order was received ({date})",
    ),
    "not_a_county": (
        "应为八个县（市）之一",
        "8개 현(시) 중 하나여야 합니다",
        "must be one of the eight counties",
    ),
    "not_a_department": (
        "不是本会的部门（可选：{choices}）",
        "본회의 부서가 아닙니다 (선택: {choices})",
        "is not a department of the federation ({choices})",
    ),
    "nothing_to_record": ("没有要补录的内容", "기록할 내용이 없습니다", "there is nothing to record"),
    "wrong_status": (
        "工单当前状态为“{status}”，不能进行此操作",
        "작업지시가 현재 '{status}' 상태여서 이 작업을 할 수 없습니다",
        "the order is '{status}': this action is not possible now",
    ),
    "wrong_status_record": (
        "工单已退件或已归档，不能再修改",
        "반송 또는 보관된 작업지시는 수정할 수 없습니다",
        "the order was returned or archived and can no longer change",
    ),
    "with_unit": (
        "工单正在县（市）残联或部门办理，须先提交办理结果",
        "작업지시가 현(시) 장애인연합회나 부서에서 처리 중입니다. 먼저 처리 결과를 제출해야 합니다",
        "a county or department is handling the order: its result comes first",
    ),
    "not_with_unit": (
        "工单未转办或交办给任何单位",
        "작업지시가 어느 단위에도 이관되지 않았습니다",
        "the order is not with a county or department",
    ),
    "already_supervised": (
        "该单位已在督办中",
        "해당 단위는 이미 독촉 중입니다",
        "that unit is already under supervision",
    ),
    "extension_pending": (
        "已有延期申请待批准",
        "승인 대기 중인 연기 신청이 있습니다",
        "an extension request is already waiting for approval",
    ),
    "no_extension_pending": (
        "没有待批准的延期申请",
        "승인 대기 중인 연기 신청이 없습니다",
        "there is no extension request waiting for approval",
    ),
    "already_approved": ("{by} 已经同意过", "{by} 이(가) 이미 승인했습니다", "{by} has already approved"),
    "finished": (
        "工单已办结或终止",
        "작업지시가 이미 완결 또는 종료되었습니다",
        "the order is already finished",
    ),
    "already_emergency": (
        "已标记为突发事项",
        "이미 돌발 사항으로 표시되었습니다",
        "the order is already flagged as an emergency",
    ),
    "not_emergency": ("不是突发事项", "돌발 사항이 아닙니다", "the order is not an emergency"),
    "already_replied": ("已经首次答复", "이미 첫 답변을 했습니다", "the first reply was already given"),
    "already_petition": (
        "已转入信访程序",
        "이미 신방 절차로 이관되었습니다",
        "the order is already in the petition procedure",
    ),
    "already_legal": (
        "已进入法定程序",
        "이미 법정 절차에 들어갔습니다",
        "the order is already in a legal procedure",
    ),
    "not_contacted": (
        "尚未联系当事人",
        "아직 당사자에게 연락하지 않았습니다",
        "the citizen has not been contacted yet",
    ),
    "already_rated": ("已经评价", "이미 평가되었습니다", "the order is already rated"),
    "not_unsatisfied": ("评价不是“不满意”", "평가가 '불만족'이 아닙니다", "the rating is not 'unsatisfied'"),
    "already_reported": ("已经报告热线中心", "이미 센터에 보고했습니다", "already reported to the center"),
    "unsatisfied_not_reported": (
        "评价为不满意，须先向热线中心报告情况",
        "불만족 평가는 먼저 센터에 보고해야 합니다",
        "an unsatisfied rating must be reported to the center first",
    ),
    "naive_time": ("时间缺少时区", "시간에 시간대가 없습니다", "the time has no time zone"),
    "before_last_event": (
        "时间早于工单的上一步（{last}）",
        "시간이 작업지시의 이전 단계({last})보다 이릅니다",
        "the time is earlier than the order's last step ({last})",
    ),
    "receive_is_intake": (
        "新工单请通过受理录入",
        "새 작업지시는 접수로 입력하십시오",
        "new orders come in through intake",
    ),
    "bad_period": (
        "应为季度、月份范围或年份，如 2026Q3、2026-07..2026-09、2026",
        "분기, 월 범위 또는 연도여야 합니다 (예: 2026Q3, 2026-07..2026-09, 2026)",
        "must be a quarter, a month range or a year, such as 2026Q3, 2026-07..2026-09 or 2026",
    ),
    "bad_quarter": (
        "应为“年份Q季度”，如 2026Q3",
        "'연도Q분기' 형식이어야 합니다 (예: 2026Q3)",
        "must be a year and quarter such as 2026Q3",
    ),
    "duplicate_order": (
        "该编号的工单已存在",
        "이 번호의 작업지시가 이미 있습니다",
        "an order with this number already exists",
    ),
    "unknown_order": ("没有编号为 {id} 的工单", "{id} 번호의 작업지시가 없습니다", "there is no order {id}"),
    "unknown_login": (
        "登录名 {login} 不是本系统的用户。请系统管理员用“hotline users add {login} 角色”添加后再使用",
        "로그인 {login}은(는) 이 시스템의 사용자가 아닙니다. 관리자에게 'hotline users add {login} 역할'로 추가를 요청하십시오",  # noqa: E501
        "login {login} is not a user here: ask an administrator to run 'hotline users add {login} ROLE'",
    ),
    "unknown_user": ("没有用户 {login}", "사용자 {login}이(가) 없습니다", "there is no user {login}"),
    "unknown_alert": ("没有这条提醒", "이 알림이 없습니다", "there is no such alert"),
    "already_initialised": (
        "数据库已经初始化",
        "데이터베이스가 이미 초기화되었습니다",
        "the database is already initialised",
    ),
    "cannot_remove_self": (
        "不能删除自己的账号",
        "자신의 계정은 삭제할 수 없습니다",
        "you cannot remove your own login",
    ),
    "not_a_demo": (
        "这是正式数据库，不能写入演示数据；请用 --db 指定另一个文件夹",
        "실제 데이터베이스에는 데모 데이터를 쓸 수 없습니다. --db로 다른 폴더를 지정하십시오",
        "this is a real database, not a demo: choose another folder with --db",
    ),
    "trail_without_receipt": (
        "工单 {id} 的记录不是从受理开始",
        "작업지시 {id}의 기록이 접수로 시작하지 않습니다",
        "the trail of order {id} does not start with its receipt",
    ),
    "trail_out_of_order": (
        "工单 {id} 第 {step} 步的时间早于上一步",
        "작업지시 {id}의 {step}단계 시간이 이전 단계보다 이릅니다",
        "step {step} of order {id} is dated before the step before it",
    ),
    "trail_not_allowed": (
        "工单 {id} 第 {step} 步“{action}”不符合规则",
        "작업지시 {id}의 {step}단계 '{action}'이(가) 규칙에 맞지 않습니다",
        "step {step} of order {id} ('{action}') was not allowed by the rules",
    ),
    "no_database": (
        "{path}：数据库不存在，请先运行 hotline init（或 hotline demo）",
        "{path}: 데이터베이스가 없습니다. 먼저 hotline init(또는 hotline demo)을 실행하십시오",
        "{path}: no database here; run hotline init (or hotline demo) first",
    ),
    "not_key_value": ("应写成 键=值", "키=값 형식이어야 합니다", "must be written key=value"),
    "no_file": ("文件不存在：{path}", "파일이 없습니다: {path}", "no such file: {path}"),
    "storage": ("数据库错误：{reason}", "데이터베이스 오류: {reason}", "database error: {reason}"),
    "unknown_entry": (
        "知识库中没有条目 {id}",
        "지식베이스에 {id} 항목이 없습니다",
        "there is no entry {id} in the knowledge base",
    ),
    "as_not_demo": (
        "{path} 是正式数据库：--as 只能用于演示数据库，操作人由操作系统账号确定",
        "{path}은(는) 실제 데이터베이스입니다. --as는 데모 데이터베이스에서만 쓸 수 있으며 사용자는 운영체제 계정으로 정해집니다",  # noqa: E501
        "{path} is a real database: --as works on demo databases only; your system account acts",
    ),
    "fixed_under_sudo": (
        "通过 sudo 以服务账户运行时不能使用 {option}：数据库由管理员在 hotline-run 中指定",
        "sudo로 서비스 계정으로 실행할 때는 {option}을(를) 쓸 수 없습니다. "
        "데이터베이스는 관리자가 hotline-run에서 정합니다",
        "{option} cannot be used when running as the service account through sudo: "
        "the administrator fixes the database in hotline-run",
    ),
    "damaged_restore_needs_owner": (
        "{path} 无法打开，无法确认管理员：只有服务账户本人（不经 sudo）或 root 可以恢复它",
        "{path}을(를) 열 수 없어 관리자를 확인할 수 없습니다. "
        "서비스 계정 자신(sudo 없이)이나 root만 복원할 수 있습니다",
        "{path} cannot be opened, so its administrators are unknown: only the service account "
        "itself (not through sudo) or root may restore over it",
    ),
    "inside_database": (
        "{path} 在数据库文件夹内：不能读写数据库自己的文件",
        "{path}은(는) 데이터베이스 폴더 안에 있습니다. 데이터베이스 자체 파일은 읽거나 쓸 수 없습니다",
        "{path} is inside the database folder: its own files cannot be read or written this way",
    ),
    "not_permitted": (
        "{login} 无权进行“{action}”",
        "{login}은(는) '{action}' 권한이 없습니다",
        "{login} may not '{action}'",
    ),
    # Faults of the machine and of input files (issue 14): one line naming what went wrong.
    "disk_full": (
        "{path}：磁盘已满，本次操作未保存任何内容；请管理员清理空间后重试",
        "{path}: 디스크가 가득 찼습니다. 이번 작업은 아무것도 저장되지 않았습니다. "
        "공간을 확보한 뒤 다시 시도하십시오",
        "{path}: the disk is full; nothing of this command was stored. Free some space and try again",
    ),
    "cannot_write": (
        "{path}：没有写入权限（或为只读副本），本次操作未保存任何内容",
        "{path}: 쓰기 권한이 없습니다(또는 읽기 전용 사본). 아무것도 저장되지 않았습니다",
        "{path}: may not be written (or is a read-only copy); nothing was stored",
    ),
    "no_permission": (
        "{path}：没有权限；hotline 应通过服务账户运行（见 docs/operations.md）",
        "{path}: 권한이 없습니다. hotline은 서비스 계정으로 실행해야 합니다 (docs/operations.md 참조)",
        "{path}: permission denied; hotline runs as the service account (see docs/operations.md)",
    ),
    "cannot_read": (
        "{path}：无法读取（{reason}）",
        "{path}: 읽을 수 없습니다 ({reason})",
        "{path}: cannot be read ({reason})",
    ),
    "not_a_folder": (
        "{path}：不是文件夹，--db 应指向数据库文件夹",
        "{path}: 폴더가 아닙니다. --db는 데이터베이스 폴더를 가리켜야 합니다",
        "{path}: is not a folder; --db names the database folder",
    ),
    "too_deep": (
        "输入嵌套过深，不是工单数据",
        "입력의 중첩이 너무 깊습니다. 작업지시 데이터가 아닙니다",
        "the input is nested too deeply to be order data",
    ),
    "not_utf8": (
        "输入不是有效的 UTF-8 文本：{reason}",
        "입력이 올바른 UTF-8 문자가 아닙니다: {reason}",
        "the input is not valid UTF-8 text: {reason}",
    ),
    "path_has_nul": (
        "路径中含有空字符（\\0），不能指向任何文件：{path}",
        "경로에 널 문자(\\0)가 있어 어떤 파일도 가리킬 수 없습니다: {path}",
        "the path holds a NUL character (\\0) and can name no file: {path}",
    ),
    "bad_characters": (
        "含有无法保存的字符（孤立的代理码位）",
        "저장할 수 없는 문자(단독 대리 코드)가 있습니다",
        "holds characters that cannot be stored (lone surrogates)",
    ),
    "year_range": (
        "年份应在 2000 至 2099 之间",
        "연도는 2000년에서 2099년 사이여야 합니다",
        "must be in a year from 2000 to 2099",
    ),
    "file_too_large": (
        "{path}：文件过大（{size} MB，最多 {limit} MB）",
        "{path}: 파일이 너무 큽니다 ({size} MB, 최대 {limit} MB)",
        "{path}: too large ({size} MB, at most {limit} MB)",
    ),
    "attachment_type": (
        "{path}：只接受 JPEG、PNG、GIF、WebP 图片或 PDF 文件",
        "{path}: JPEG, PNG, GIF, WebP 이미지 또는 PDF 파일만 받습니다",
        "{path}: only JPEG, PNG, GIF, WebP pictures or PDF files are accepted",
    ),
    "not_regular_file": (
        "{path}：不是普通文件（链接、文件夹、管道或设备都不能作为文件读取或写入）",
        "{path}: 일반 파일이 아닙니다 (링크, 폴더, 파이프, 장치는 파일로 읽거나 쓸 수 없습니다)",
        "{path}: not a regular file (a link, folder, pipe or device is not read or written as a file)",
    ),
    "not_yours_to_read": (
        "{path}：您的账户无权读取此文件（或进入其所在文件夹）；hotline 只替您读取您本人能读取的文件",
        "{path}: 사용자 계정으로 이 파일을 읽을(또는 그 폴더에 들어갈) 권한이 없습니다. "
        "hotline은 본인이 읽을 수 있는 파일만 대신 읽습니다",
        "{path}: your account may not read this file (or enter its folder); hotline reads for you "
        "only what you may read yourself",
    ),
    "not_yours_to_write": (
        "{path}：您的账户无权写入此处；hotline 只替您写入您本人能写入的文件夹，未写入任何内容",
        "{path}: 사용자 계정으로 이곳에 쓸 권한이 없습니다. "
        "hotline은 본인이 쓸 수 있는 폴더에만 대신 씁니다. 아무것도 쓰지 않았습니다",
        "{path}: your account may not write here; hotline writes for you only into folders you "
        "may write yourself, and wrote nothing",
    ),
    "package_not_folder": (
        "{path}：不是文件夹（是链接或文件），本次推送未将任何消息标记为已发送",
        "{path}: 폴더가 아닙니다 (링크 또는 파일). 이번 전송에서 발송 완료로 표시된 메시지는 없습니다",
        "{path}: not a folder (a link or a file); no message of this push was marked sent",
    ),
    # Issue 15: rules that match the source document.
    "feedback_needs_image": (
        "反馈须附至少一张图片，或写明没有图片的原因（no_image_reason）",
        "회신에는 사진이 한 장 이상 있거나 사진이 없는 이유(no_image_reason)가 있어야 합니다",
        "feedback needs at least one image, or the reason there is none (no_image_reason)",
    ),
    "extension_late": (
        "办结时限 {due} 已过，不能再申请延期",
        "완결 기한 {due} 이(가) 지나 연기를 신청할 수 없습니다",
        "the close due time {due} has passed: too late to ask for an extension",
    ),
    "not_back_datable": (
        "只有联系当事人、首次答复和补录信息可以写明发生时间（at=）",
        "당사자 연락, 첫 회신, 정보 보완만 발생 시간(at=)을 적을 수 있습니다",
        "only contact, first reply and record may say when they happened (at=)",
    ),
    "at_in_future": (
        "发生时间不能晚于现在",
        "발생 시간은 현재보다 늦을 수 없습니다",
        "the time it happened cannot be in the future",
    ),
    "at_before_previous_step": (
        "发生时间不能早于工单的上一步（{last}）",
        "발생 시간은 작업지시의 이전 단계({last})보다 빠를 수 없습니다",
        "the time it happened cannot be before the order's previous step ({last})",
    ),
    "nothing_to_tell": (
        "没有尚未告知当事人的已批准延期",
        "당사자에게 알리지 않은 승인된 연기가 없습니다",
        "there is no approved extension the citizen has not been told of",
    ),
    "unreachable_too_soon": (
        "须至少在 {days} 个工作日内联系 {attempts} 次未果，才能反馈“无法联系当事人”",
        "{days}개 근무일에 걸쳐 {attempts}번 연락이 닿지 않아야 '당사자 연락 불가'로 회신할 수 있습니다",
        "'could not reach the citizen' needs {attempts} failed attempts on {days} working days",
    ),
    "extension_not_later": (
        "延期后的时限须晚于现在的办结时限 {due}",
        "연기 기한은 현재 완결 기한 {due} 보다 늦어야 합니다",
        "the extension must end after the current close due time {due}",
    ),
    # The command line's files and arguments (issue 16)
    "not_json": (
        "{path}：不是有效的 JSON（第 {line} 行第 {column} 列：{reason}）",
        "{path}: 올바른 JSON이 아닙니다 ({line}행 {column}열: {reason})",
        "{path}: not valid JSON (line {line}, column {column}: {reason})",
    ),
    "not_order_list": (
        "{path}：应为工单的 JSON 列表，以 [ 开头",
        "{path}: 작업지시의 JSON 목록이어야 합니다 ([ 로 시작)",
        "{path}: expected a JSON list of orders, starting with [",
    ),
    "not_an_order": (
        "{path}：第 {position} 项不是工单（应为 JSON 对象）",
        "{path}: {position}번째 항목이 작업지시가 아닙니다 (JSON 객체여야 함)",
        "{path}: item {position} is not an order (expected a JSON object)",
    ),
    "interrupted": (
        "已中断，未保存任何内容",
        "중단되었습니다. 아무것도 저장되지 않았습니다",
        "interrupted; nothing was stored",
    ),
    "day_other_year": (
        "{year} 年的调整含有别的年份的日期：{days}",
        "{year}년 조정에 다른 해의 날짜가 있습니다: {days}",
        "the override of {year} names days of another year: {days}",
    ),
    "database_damaged": (
        "{path}：文件已损坏或不是应有的样子，未做任何修改（{reason}）；处理办法见 docs/operations.md",
        "{path}: 파일이 손상되었거나 올바른 형태가 아닙니다. "
        "아무것도 바꾸지 않았습니다 ({reason}). docs/operations.md 참조",
        "{path}: damaged or not what it should be; nothing was changed ({reason}); see docs/operations.md",
    ),
    "database_busy": (
        "{path}：数据库正忙，{seconds} 秒内未能取得锁（另一个 hotline 进程正在使用），请稍后再试",
        "{path}: 데이터베이스가 사용 중입니다. {seconds}초 안에 잠금을 얻지 못했습니다 "
        "(다른 hotline 프로세스). 잠시 후 다시 시도하십시오",
        "{path}: database busy, no lock within {seconds} s (another hotline process holds it); try again",
    ),
    "database_exists": (
        "{path}：这里已有数据库，没有覆盖它",
        "{path}: 이미 데이터베이스가 있어 덮어쓰지 않았습니다",
        "{path}: a database is already here; it was not overwritten",
    ),
    "storage_failed": (
        "数据库操作失败：{reason}",
        "데이터베이스 작업 실패: {reason}",
        "the database failed: {reason}",
    ),
    "day_rest_and_work": (
        "这些日期既是放假日又是上班日：{days}",
        "이 날짜가 휴무일이면서 근무일입니다: {days}",
        "these days are both rest and working days: {days}",
    ),
    # The duties beyond the order (domain/duties, issue 19)
    "not_a_duty_field": (
        "不是此项记录的字段（可填：{fields}）",
        "이 기록의 항목이 아닙니다 (입력 가능: {fields})",
        "is not a field of this record (fields: {fields})",
    ),
    "before_previous_step": (
        "不能早于上一步（{at}）",
        "이전 단계({at})보다 빠를 수 없습니다",
        "cannot be before the previous step ({at})",
    ),
    "order_or_citizen": (
        "须关联工单（--order）或填写服务对象姓名",
        "작업지시(--order)를 지정하거나 대상자 성명을 입력해야 합니다",
        "name the order (--order) or the citizen served",
    ),
    "counselling_only": (
        "只有心理疏导需要回访日期",
        "심리 상담에만 후속 방문 날짜가 있습니다",
        "only counselling has a follow-up date",
    ),
    "follow_up_before_talk": (
        "回访日期不能早于本次疏导",
        "후속 방문 날짜는 이번 상담보다 빠를 수 없습니다",
        "the follow-up cannot be before the talk",
    ),
    "legal_aid_only": (
        "只有法律援助转介给援助中心",
        "법률 지원만 지원 센터로 의뢰합니다",
        "only legal aid is referred to a centre",
    ),
    "own_county_only": (
        "只能登记本县（市）的服务（{county}）",
        "소속 현(시)의 서비스만 등록할 수 있습니다 ({county})",
        "you record services of your own county only ({county})",
    ),
    "service_step_not_now": (
        "服务 {id} 现在不能进行“{step}”",
        "서비스 {id}은(는) 지금 '{step}' 단계를 할 수 없습니다",
        "service {id} cannot take the step '{step}' now",
    ),
    "incident_closed": (
        "重大情况报告 {id} 已结束，不能再续报",
        "중대 상황 보고 {id}은(는) 이미 종결되었습니다",
        "incident {id} is closed; nothing more can be added",
    ),
    "programme_channel": (
        "节目中的问题渠道固定为“{channel}”",
        "방송 중 질문의 경로는 '{channel}'로 고정됩니다",
        "a question on air always comes by '{channel}'",
    ),
    "before_episode": (
        "不能早于节目播出日期（{date}）",
        "방송 날짜({date})보다 빠를 수 없습니다",
        "cannot be before the episode's broadcast ({date})",
    ),
    "unknown_service": ("没有编号为 {id} 的记录", "{id} 번호의 기록이 없습니다", "there is no service {id}"),
    "unknown_incident": ("没有编号为 {id} 的报告", "{id} 번호의 보고가 없습니다", "no incident {id}"),
    "unknown_episode": ("没有编号为 {id} 的节目", "{id} 번호의 방송이 없습니다", "there is no episode {id}"),
    "episode_exists": (
        "该日的节目已登记（{id}）",
        "그날의 방송이 이미 등록되어 있습니다 ({id})",
        "that day's episode is already recorded ({id})",
    ),
    "order_exists": ("工单 {id} 已存在", "작업지시 {id}이(가) 이미 있습니다", "order {id} already exists"),
    "no_approved_extension": (
        "工单 {id} 没有经分管领导和热线中心同意的延期，无需告知",
        "작업지시 {id}에는 분관 지도자와 센터가 승인한 연기가 없어 통지할 것이 없습니다",
        "order {id} has no extension approved by the leader and the center to tell of",
    ),
    "unknown_study": (
        "没有编号为 {id} 的调研报告",
        "{id} 번호의 조사 보고서가 없습니다",
        "there is no study {id}",
    ),
    "nothing_to_add": (
        "没有要添加的新工单",
        "추가할 새 작업지시가 없습니다",
        "there are no new orders to add",
    ),
    "required_to_submit": (
        "报送前必须填写",
        "보고 전에 입력해야 합니다",
        "must be written before the report is submitted",
    ),
    "study_submitted": (
        "{id} 已报送{to}，报告不能再修改",
        "{id}은(는) 이미 {to}에 보고되어 수정할 수 없습니다",
        "{id} was already submitted to {to}: the report can no longer change",
    ),
    "study_not_submitted": (
        "{id} 尚未报送，不能记录答复",
        "{id}은(는) 아직 보고되지 않아 답변을 기록할 수 없습니다",
        "{id} has not been submitted yet: there is no answer to record",
    ),
    "study_answered": (
        "{id} 已记录答复",
        "{id}에는 이미 답변이 기록되어 있습니다",
        "{id} already has its answer recorded",
    ),
    "study_at_before_last": (
        "发生时间不能早于报告的上一步（{last}）",
        "발생 시간은 보고서의 이전 단계({last})보다 빠를 수 없습니다",
        "the time it happened cannot be before the study's previous step ({last})",
    ),
    "not_a_font": (
        "{path} 不是 TrueType 或 OpenType 字体文件",
        "{path}은(는) TrueType 또는 OpenType 글꼴 파일이 아닙니다",
        "{path} is not a TrueType or OpenType font file",
    ),
    "font_lacks": (
        "{path} 缺少打印所需的字：{chars}",
        "{path}에 인쇄에 필요한 글자가 없습니다: {chars}",
        "{path} cannot draw characters the papers print: {chars}",
    ),
}

# field: (Chinese, Korean, English)
FIELD_LABELS: dict[str, tuple[str, str, str]] = {
    "id": ("工单编号", "작업지시 번호", "order number"),
    "received_at": ("受理时间", "접수 시간", "received at"),
    "channel": ("渠道", "경로", "channel"),
    "appeal_type": ("诉求类型", "민원 유형", "appeal type"),
    "business_area": ("业务领域", "업무 분야", "business area"),
    "county": ("所属地区", "소속 지역", "county"),
    "call_date": ("来电日期", "전화 날짜", "call date"),
    "name": ("姓名", "성명", "name"),
    "gender": ("性别", "성별", "gender"),
    "age": ("年龄", "나이", "age"),
    "ethnicity": ("民族", "민족", "ethnicity"),
    "disability": ("残疾类别", "장애 유형", "disability category"),
    "grade": ("残疾等级", "장애 등급", "disability grade"),
    "phone": ("联系方式", "연락처", "phone"),
    "address": ("家庭住址", "주소", "address"),
    "appeal": ("主要诉求", "주요 민원", "main appeal"),
    "reply": ("答复情况或拟处理意见", "답변 또는 처리 의견", "reply or proposed handling"),
    "emergency": ("突发事项", "돌발 사항", "emergency"),
    "petition": ("信访事项", "신방 사항", "petition matter"),
    "confidential": ("保密", "비밀 유지", "confidential"),
    "reason": ("理由", "사유", "reason"),
    "basis": ("依据", "근거", "basis"),
    "explanation": ("向热线中心的说明", "센터에 대한 설명", "explanation to the center"),
    "guidance": ("对群众的引导", "시민 안내", "guidance for the citizen"),
    "to": ("接收单位", "받는 단위", "to"),
    "text": ("内容", "내용", "text"),
    "images": ("图片", "사진", "pictures"),
    "until": ("延期至", "연기 기한", "until"),
    "scenario": ("情景", "시나리오", "scenario"),
    "scenario.until": ("情景截止时间", "시나리오 종료 시각", "scenario until"),
    "orders": ("工单列表", "작업지시 목록", "orders"),
    "events": ("事件列表", "사건 목록", "events"),
    "by": ("批准方", "승인자", "approved by"),
    "level": ("评价", "평가", "rating"),
    "order": ("工单", "작업지시", "order"),
    "action": ("操作", "작업", "action"),
    "actor": ("操作人", "작업자", "actor"),
    "at": ("时间", "시간", "time"),
    "db": ("数据库", "데이터베이스", "database"),
    "as": ("代为登录", "대리 로그인", "acting as"),
    "result": ("联系结果", "연락 결과", "result"),
    "outcome": ("办理结果", "처리 결과", "outcome"),
    "no_image_reason": ("无图片原因", "사진이 없는 이유", "why no picture"),
    "unreachable": ("无法联系当事人", "당사자 연락 불가", "citizen unreachable"),
    "policy": ("时限规则", "기한 규칙", "policy"),
    "quarter": ("季度", "분기", "quarter"),
    "period": ("统计期间", "통계 기간", "period"),
    "login": ("登录名", "로그인", "login"),
    "role": ("角色", "역할", "role"),
    "department": ("部门", "부서", "department"),
    "alert": ("提醒", "알림", "alert"),
    "now": ("当前时间", "현재 시간", "now"),
    "entry": ("知识条目", "지식 항목", "entry"),
    "step": ("步骤", "단계", "step"),
    "attach": ("附件", "첨부", "attachments"),
    "file": ("文件", "파일", "file"),
    "output": ("输出文件", "출력 파일", "output file"),
    "since": ("起始日期", "시작 날짜", "since"),
    "status": ("状态", "상태", "status"),
    "kind": ("类别", "종류", "kind"),
    "topic": ("内容摘要", "내용 요약", "topic"),
    "note": ("备注", "비고", "note"),
    "follow_up": ("回访日期", "후속 방문 날짜", "follow-up date"),
    "centre": ("法律援助机构", "법률 지원 기관", "legal aid centre"),
    "service": ("服务记录", "서비스 기록", "service"),
    "incident": ("重大情况报告", "중대 상황 보고", "incident"),
    "episode": ("百姓热线节目", "백성 핫라인 방송", "episode"),
    "title": ("标题", "제목", "title"),
    "what": ("情况经过", "상황 경과", "what happened"),
    "measures": ("采取的措施", "취한 조치", "measures taken"),
    "told": ("报告对象", "보고 대상", "who was told"),
    "told_at": ("报告时间", "보고 시간", "told at"),
    "date": ("日期", "날짜", "date"),
    "guests": ("嘉宾", "출연자", "guests"),
    "topics": ("话题", "주제", "topics"),
    "font": ("打印字体", "인쇄 글꼴", "print font"),
    "source": ("备份来源", "백업 원본", "backup to restore"),
    "study": ("调研报告", "조사 보고서", "study"),
    "problem": ("政策问题", "정책 문제", "policy problem"),
    "hot_issue": ("热点问题", "핫이슈", "hot issue"),
    "findings": ("主要发现", "주요 발견", "findings"),
    "suggestions": ("意见建议", "의견 및 건의", "suggestions"),
    "paper": ("打印件", "인쇄물", "paper"),
}

MESSAGES.update(EXCHANGE_MESSAGES)  # issue 17: the exchange with the 12345 platform
FIELD_LABELS.update(EXCHANGE_FIELDS)

# Names quoted inside messages, so that "{status}" reads in the clerk's language.
STATUS_NAMES: dict[str, tuple[str, str, str]] = {
    "received": ("待签收", "접수 대기", "waiting to be signed"),
    "return_requested": ("退件申请中", "반송 신청 중", "return requested"),
    "handling": ("办理中", "처리 중", "being handled"),
    "feedback_given": ("已反馈", "회신 완료", "feedback given"),
    "closed": ("已办结", "완결", "closed"),
    "returned": ("已退件", "반송됨", "returned"),
    "declined": ("不予受理", "불수리", "declined"),
    "archived": ("已归档", "보관됨", "archived"),
}
ACTION_NAMES: dict[str, tuple[str, str, str]] = {
    "receive": ("受理", "접수", "receive"),
    "sign": ("签收", "수령 확인", "sign"),
    "request_return": ("退件申请", "반송 신청", "request return"),
    "approve_return": ("退件获准", "반송 승인", "return approved"),
    "refuse_return": ("退件被驳回", "반송 거절", "return refused"),
    "decline": ("不予受理", "불수리", "decline"),
    "contact": ("联系当事人", "당사자 연락", "contact the citizen"),
    "record": ("补录信息", "정보 보완", "record details"),
    "transfer": ("转办县（市）", "현(시) 이관", "transfer to a county"),
    "assign": ("交办部门", "부서 배정", "assign to a department"),
    "submit_result": ("提交办理结果", "처리 결과 제출", "submit the result"),
    "supervise": ("督办", "독촉", "supervise"),
    "request_extension": ("延期申请", "연기 신청", "request an extension"),
    "approve_extension": ("同意延期", "연기 승인", "approve the extension"),
    "refuse_extension": ("不同意延期", "연기 거절", "refuse the extension"),
    "flag_emergency": ("标记突发", "돌발 표시", "flag as emergency"),
    "first_reply": ("首次答复", "첫 답변", "first reply"),
    "route_petition": ("转信访程序", "신방 절차 이관", "route to petition"),
    "legal_procedure": ("进入法定程序", "법정 절차", "legal procedure"),
    "feedback": ("反馈热线中心", "센터 회신", "feedback to the center"),
    "reply": ("答复诉求人", "민원인 답변", "reply to the citizen"),
    "rate": ("评价", "평가", "rate"),
    "report_unsatisfied": ("报告不满意情况", "불만족 보고", "report the unsatisfied rating"),
    "tell_extension": ("告知当事人延期", "당사자에게 연기 통지", "tell the citizen of the extension"),
    "redo": ("重办", "재처리", "redo"),
    "close": ("办结", "완결", "close"),
    "archive": ("归档", "보관", "archive"),
}
MESSAGES |= UNIT_MESSAGES  # issue 18: units, policies, government departments, summary tables
FIELD_LABELS |= UNIT_FIELDS
ACTION_NAMES |= UNIT_ACTIONS
# Where a limit stands (``hotline_core.domain.limits.LimitState``).
LIMIT_STATE_NAMES: dict[str, tuple[str, str, str]] = {
    "open": ("未到期", "진행 중", "open"),
    "due_soon": ("即将到期", "곧 만기", "due soon"),
    "met": ("按时完成", "기한 내 완료", "met"),
    "breached": ("超时", "기한 초과", "breached"),
    "not_applicable": ("不适用", "해당 없음", "n/a"),
}


def column(language: str) -> int:
    """The column of ``language`` in every table; Chinese for a language we do not have."""
    return LANGUAGES.index(language) if language in LANGUAGES else 0


def word(table: Words, key: str, language: str = DEFAULT_LANGUAGE) -> str:
    """One entry of a table in ``language``; the key itself when the table has none."""
    texts = table.get(key)
    return texts[column(language)] if texts else key


def fill(template: str, params: Mapping[str, object]) -> str:
    """``template`` with its ``{placeholders}`` filled; as written when a value is missing."""
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


@frozen
class Catalog:
    """The words of one part of the product: its problems, its fields, and the names
    quoted inside them (``{status}`` reads as the status's name in the clerk's language)."""

    messages: Words
    fields: Words
    named: Mapping[str, Words]

    def render(self, code: str, language: str, params: Mapping[str, str]) -> str:
        named = {
            key: word(self.named[key], value, language) if key in self.named else value
            for key, value in params.items()
        }
        return fill(word(self.messages, code, language), named)

    def sentence(self, field: str, code: str, language: str, params: Mapping[str, str]) -> str:
        """``字段：原因`` (``field: reason``), or the reason alone for the whole order or action."""
        reason = self.render(code, language, params)
        if not field:
            return reason
        separator = "：" if language.startswith("zh") else ": "
        return f"{word(self.fields, field, language)}{separator}{reason}"


# What else a person may be refused (``not_permitted``), named as the clerk knows it.
OTHER_ACTION_NAMES: dict[str, tuple[str, str, str]] = {
    "intake": ("受理新工单", "새 작업지시 접수", "take in a new order"),
    "kb import": ("导入知识库", "지식베이스 가져오기", "import the knowledge base"),
    "settings": ("修改设置", "설정 변경", "change the settings"),
    "users add": ("添加用户", "사용자 추가", "add a user"),
    "users remove": ("删除用户", "사용자 삭제", "remove a user"),
    "audit access": ("查阅访问记录", "열람 기록 조회", "read the access log"),
    "summary": ("报送汇总表", "집계표 제출", "file the summary"),
    "report": ("查看报表", "보고서 보기", "see the reports"),
    "backup": ("备份数据库", "데이터베이스 백업", "back up the database"),
    "restore": ("恢复数据库", "데이터베이스 복원", "restore the database"),
}
ORDER_WORDS = Catalog(
    MESSAGES, FIELD_LABELS, {"status": STATUS_NAMES, "action": {**ACTION_NAMES, **OTHER_ACTION_NAMES}}
)


def render(code: str, language: str, params: Mapping[str, str]) -> str:
    return ORDER_WORDS.render(code, language, params)


def field_label(name: str, language: str) -> str:
    return word(FIELD_LABELS, name, language)
