"""Every sentence the knowledge base says, in Chinese, Korean and English.

The workflow, the importer and the file readers speak in codes
(``basis_to_publish``) and a :class:`KbProblem` renders them in the language
the clerk chose, with the one renderer of ``hotline_core.domain.messages`` and
its table shape (code: (zh_CN, ko, en)). The knowledge base has its own fields
(its ``id`` is 编号, its ``basis`` 政策依据), statuses and steps, so its own
:class:`~hotline_core.domain.messages.Catalog`; a code it shares with the orders
(``required``, ``too_long`` ...) is worded once, in ``messages.MESSAGES``. The
three codes written here again quote what the orders' do not (the value typed,
the step refused) and so have other placeholders.
"""

from __future__ import annotations

from collections import ChainMap

from attrs import frozen

from hotline_core.domain.messages import MESSAGES, Catalog
from hotline_core.domain.problems import InvalidInput, Problem, Refused

# code: (Chinese, Korean, English)
KB_MESSAGES: dict[str, tuple[str, str, str]] = {
    "too_many": (
        "过多（{count} 项，最多 {limit} 项）",
        "너무 많습니다 ({count}개, 최대 {limit}개)",
        "has too many items ({count}, at most {limit})",
    ),
    "not_in_list": (
        "“{value}”不在可选范围内（可选：{choices}）",
        "'{value}'은(는) 선택 범위에 없습니다 (선택: {choices})",
        "'{value}' is not one of the choices ({choices})",
    ),
    "bad_date": (
        "“{value}”不是有效的日期（如 2016-01-01 或 2016年1月1日）",
        "'{value}'은(는) 유효한 날짜가 아닙니다 (예: 2016-01-01)",
        "'{value}' is not a valid date (e.g. 2016-01-01)",
    ),
    "bad_id": (
        "编号只能包含字母、数字和“-”，最长 32 位",
        "번호는 영문, 숫자, '-'만, 최대 32자입니다",
        "may only hold letters, digits and '-', up to 32",
    ),
    "before_last": (
        "时间早于该条目的上一步（{last}）",
        "시간이 이 항목의 이전 단계({last})보다 이릅니다",
        "the time is earlier than the entry's last step ({last})",
    ),
    "not_own_unit": (
        "{login} 只能为本单位（{unit}）提交或修改条目，该条目属于{owner}",
        "{login}은(는) 소속 단위({unit})의 항목만 제출·수정할 수 있습니다. 이 항목은 {owner} 소관입니다",
        "{login} may only submit or change entries of their own unit ({unit}); this one belongs to {owner}",
    ),
    "wrong_status": (
        "条目当前状态为“{status}”，不能进行“{action}”",
        "항목이 현재 '{status}' 상태여서 '{action}'을(를) 할 수 없습니다",
        "the entry is '{status}': '{action}' is not possible now",
    ),
    "unchanged": (
        "内容与当前版本相同，没有需要保存的修改",
        "현재 버전과 내용이 같아 저장할 변경이 없습니다",
        "the content is the same as the current version: nothing to save",
    ),
    "basis_to_publish": (
        "发布前必须注明至少一项政策依据",
        "게시 전에 정책 근거를 하나 이상 적어야 합니다",
        "at least one policy basis is required before publishing",
    ),
    "note_open": (
        "还有待核实事项，核实后删去备注才能发布：{note}",
        "확인할 사항이 남아 있습니다. 확인 후 메모를 지워야 게시할 수 있습니다: {note}",
        "something is still to be verified; verify it and clear the note before publishing: {note}",
    ),
    "unknown_version": ("没有第 {number} 版", "{number}번째 버전이 없습니다", "there is no version {number}"),
    "unknown_unit": (
        "“{value}”不是维权部、本会的部门或县（市）残联",
        "'{value}'은(는) 권익보호부, 본회 부서 또는 현(시) 장애인연합회가 아닙니다",
        "'{value}' is not the rights department, a department or a county federation",
    ),
    "count_mismatch": (
        "有 {count} 项，与“政策依据”的 {expected} 项对不上（每项一行，没有的写“无”）",
        "{count}개로 '정책 근거'의 {expected}개와 맞지 않습니다 (한 줄에 하나, 없으면 '无')",
        "has {count} items but the policy basis has {expected} (one a line, '无' for none)",
    ),
    "missing_column": (
        "表格缺少“{column}”列",
        "표에 '{column}' 열이 없습니다",
        "the sheet has no '{column}' column",
    ),
    "duplicate_question": (
        "与第 {row} 行的问题相同",
        "{row}행의 질문과 같습니다",
        "repeats the question of row {row}",
    ),
    "duplicate_id": ("编号 {id} 已存在", "번호 {id}이(가) 이미 있습니다", "entry {id} already exists"),
    "owner_fixed": (
        "已有条目的责任单位（{owner}）不能通过导入更改",
        "기존 항목의 책임 단위({owner})는 가져오기로 바꿀 수 없습니다",
        "an existing entry's owner ({owner}) cannot change through an import",
    ),
    "bad_file": (
        "不是可读的知识库文件：{reason}",
        "읽을 수 있는 지식베이스 파일이 아닙니다: {reason}",
        "not a readable knowledge-base file: {reason}",
    ),
    "row": ("第 {row} 行", "{row}행", "row {row}"),
    "bad_versions": (
        "条目 {id} 的版本号不连续",
        "항목 {id}의 버전 번호가 연속되지 않습니다",
        "entry {id} has versions out of sequence",
    ),
}

# field: (Chinese, Korean, English); the Chinese ones are the spreadsheet's headings.
KB_FIELDS: dict[str, tuple[str, str, str]] = {
    "id": ("编号", "번호", "entry number"),
    "question": ("问题", "질문", "question"),
    "answer": ("标准答案", "표준 답변", "standard answer"),
    "basis": ("政策依据", "정책 근거", "policy basis"),
    "number": ("文号", "문서 번호", "document number"),
    "effective": ("施行日期", "시행일", "effective date"),
    "area": ("业务领域", "업무 분야", "business area"),
    "tags": ("标签", "태그", "tags"),
    "owner": ("责任单位", "책임 단위", "owner unit"),
    "status": ("状态", "상태", "status"),
    "note": ("待核实事项", "확인할 사항", "to verify"),
    "version": ("版本", "버전", "version"),
    "reason": ("理由", "사유", "reason"),
    "at": ("时间", "시간", "time"),
    "file": ("文件", "파일", "file"),
}

KB_STATUS_NAMES: dict[str, tuple[str, str, str]] = {
    "draft": ("草稿", "초안", "draft"),
    "review": ("待审核", "검토 대기", "in review"),
    "published": ("已发布", "게시됨", "published"),
    "retired": ("已停用", "사용 중지", "retired"),
}

KB_ACTION_NAMES: dict[str, tuple[str, str, str]] = {
    "read": ("查阅知识库", "지식베이스 열람", "read the knowledge base"),
    "submit": ("提交草稿", "초안 제출", "submit a draft"),
    "edit": ("修改条目", "항목 수정", "edit the entry"),
    "send_to_review": ("提交审核", "검토 요청", "send to review"),
    "return": ("退回修改", "수정 반려", "return for changes"),
    "publish": ("发布", "게시", "publish"),
    "retire": ("停用", "사용 중지", "retire"),
}
KB_WORDS = Catalog(
    ChainMap(KB_MESSAGES, MESSAGES), KB_FIELDS, {"status": KB_STATUS_NAMES, "action": KB_ACTION_NAMES}
)


@frozen
class KbProblem(Problem):
    """A :class:`Problem` whose words come from the knowledge base's catalog."""

    @classmethod
    def words(cls) -> Catalog:
        return KB_WORDS


def problem(code: str, field: str = "", **params: object) -> KbProblem:
    return KbProblem(field, code, params)


def refused(code: str, field: str = "", **params: object) -> Refused:
    """The workflow forbids this step now; the caller raises it."""
    return Refused([problem(code, field, **params)])


def invalid(problems: list[KbProblem]) -> InvalidInput:
    return InvalidInput(problems)
