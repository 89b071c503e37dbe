"""The exchange's problem codes and field names, in the three languages.

Kept beside the exchange's rules and added to the order catalog by
``hotline_core.domain.messages``, so a new code is one line here.
"""

from __future__ import annotations

# code: (Chinese, Korean, English)
EXCHANGE_MESSAGES: dict[str, tuple[str, str, str]] = {
    "missing_column": (
        "表头中没有这一列（检查列名或映射文件）",
        "표 머리글에 이 열이 없습니다 (열 이름이나 매핑 파일을 확인하세요)",
        "this column is missing from the headings (check the names or the mapping file)",
    ),
    "center_due_before_dispatch": (
        "早于派发时间",
        "배정 시간보다 이릅니다",
        "is before the dispatch",
    ),
    "duplicate_in_pull": (
        "同一办件编号在本次导入中出现两次且内容不同（另见第 {row} 行）",
        "같은 번호가 이번 가져오기에 내용이 다르게 두 번 있습니다 ({row}행 참조)",
        "the same order number appears twice in this pull with different content (see row {row})",
    ),
    "center_message_unknown_order": (
        "没有这个办件（编号 {id}）",
        "이 작업지시가 없습니다 (번호 {id})",
        "there is no such order ({id})",
    ),
    "receipt_unknown_message": (
        "回执编号不是本系统发出的消息：{receipt}",
        "수신 번호가 이 시스템이 보낸 메시지가 아닙니다: {receipt}",
        "the receipt names no message of ours: {receipt}",
    ),
    "mapping_unknown_field": (
        "映射文件中“{heading}”对应的字段“{field}”不存在（{part}）",
        "매핑 파일의 '{heading}' 에 대응하는 항목 '{field}' 이 없습니다 ({part})",
        "the mapping file maps '{heading}' to '{field}', which is not a field ({part})",
    ),
    "mapping_unknown_part": (
        "映射文件只能有 orders、messages、values 三部分，不能有“{part}”",
        "매핑 파일에는 orders, messages, values 만 둘 수 있습니다: '{part}'",
        "a mapping file holds orders, messages and values only, not '{part}'",
    ),
    "mapping_not_a_table": (
        "映射文件的“{part}”应为“列名: 字段”的对照表",
        "매핑 파일의 '{part}' 은 '열 이름: 항목' 표여야 합니다",
        "'{part}' of the mapping file must be a table of heading: field",
    ),
    "not_a_platform_file": (
        "不是可读取的平台导出文件（xlsx、csv 或 json）：{path}",
        "읽을 수 있는 플랫폼 내보내기 파일이 아닙니다 (xlsx, csv, json): {path}",
        "not a platform export this can read (xlsx, csv or json): {path}",
    ),
    "unreadable_platform_file": (
        "无法读取：{path}（{reason}）",
        "읽을 수 없습니다: {path} ({reason})",
        "cannot be read: {path} ({reason})",
    ),
    "unknown_message": (
        "没有这条待发消息：{id}",
        "이 보낼 메시지가 없습니다: {id}",
        "there is no such message: {id}",
    ),
    "message_already_sent": (
        "这条消息已标记为已发送",
        "이 메시지는 이미 발송됨입니다",
        "this message is already sent",
    ),
    "message_already_failed": (
        "这条消息已标记为发送失败",
        "이 메시지는 이미 발송 실패입니다",
        "this message is already marked failed",
    ),
    "message_already_acknowledged": (
        "平台已确认收到这条消息，不能再标记",
        "플랫폼이 이미 확인한 메시지입니다",
        "the platform has acknowledged this message already",
    ),
    "link_to_itself": (
        "不能与自身关联",
        "자기 자신과 연결할 수 없습니다",
        "an order cannot be linked to itself",
    ),
    "already_linked": (
        "已与 {parent} 关联",
        "이미 {parent} 와 연결되어 있습니다",
        "is already linked to {parent}",
    ),
}

# field: (Chinese, Korean, English)
EXCHANGE_FIELDS: dict[str, tuple[str, str, str]] = {
    "city_number": ("市级编号", "시급 번호", "city number"),
    "subject": ("诉求主题", "민원 주제", "subject"),
    "category": ("事项大类", "사항 대분류", "item class"),
    "subcategory": ("事项小类", "사항 소분류", "item subclass"),
    "center_due": ("承诺完成时间", "센터 약속 완료 시간", "the center's due time"),
    "center_status": ("办件状态", "처리 상태", "the center's status"),
    "message_kind": ("消息类型", "메시지 유형", "message kind"),
    "callback": ("回访结果", "회방 결과", "callback result"),
    "rating": ("满意度", "만족도", "rating"),
    "words": ("群众意见", "시민 의견", "the citizen's words"),
    "receipt": ("回执编号", "수신 번호", "receipt"),
    "mapping": ("映射文件", "매핑 파일", "mapping file"),
    "message": ("消息", "메시지", "message"),
    "parent": ("主件", "주 작업지시", "parent order"),
}

# The names of the exchange's lists (message kinds, delivery states, links), for the screens
# and the command line: code: (Chinese, Korean, English).
EXCHANGE_NAMES: dict[str, tuple[str, str, str]] = {
    "signature": ("签收", "수령 확인", "signature"),
    "return_request": ("退件申请", "반송 신청", "return request"),
    "extension_request": ("延期申请", "연기 신청", "extension request"),
    "feedback": ("办理反馈", "처리 회신", "feedback"),
    "unsatisfied_report": ("不满意情况报告", "불만족 보고", "unsatisfied report"),
    "decline": ("不予受理说明", "불수리 설명", "decline explanation"),
    "ready": ("待发送", "발송 대기", "ready"),
    "sent": ("已发送", "발송됨", "sent"),
    "acknowledged": ("平台已确认", "플랫폼 확인", "acknowledged"),
    "failed": ("发送失败", "발송 실패", "failed"),
    "child": ("子件", "하위 건", "child order"),
    "repeat": ("重复件", "중복 건", "repeat"),
    "merged": ("合并办理", "병합 처리", "merged"),
}


def exchange_name(code: str, language: str) -> str:
    """The name of a message kind, a delivery state or a link kind in ``language``."""
    names = EXCHANGE_NAMES.get(code)
    if names is None:
        return code
    return names[("zh_CN", "ko", "en").index(language)] if language in ("zh_CN", "ko", "en") else names[0]
