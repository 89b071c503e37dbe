"""The interface's words in Simplified Chinese, Korean and English, for the screens and the CLI.

Every word comes from a table of key → (Chinese, Korean, English): the interface's own
(``hotline_tui.words``), the names of the actions and the limit states that the core
also uses (``hotline_core.domain.messages``), and :data:`NAMES` below for the SPEC's
lists, whose Chinese is the vocabulary's labels. One lookup and one way of filling
``{placeholders}`` (``messages.fill``) serve the rules' refusals, the screens and the
command line alike. The language is the clerk's setting (``--lang`` on the command
line), never ``LANG``; a key no table has raises ``KeyError`` rather than showing keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

from hotline_core.domain.messages import (
    ACTION_NAMES,
    LANGUAGES,
    LIMIT_STATE_NAMES,
    STATUS_NAMES,
    field_label,
    fill,
)
from hotline_tui.words import WORDS

TEXTS: Mapping[str, tuple[str, str, str]] = MappingProxyType(
    {
        **WORDS,
        **{f"action.{code}": names for code, names in ACTION_NAMES.items()},
        **{f"state.{code}": names for code, names in LIMIT_STATE_NAMES.items()},
    }
)


# The SPEC's lists in Korean and English; Chinese comes from the vocabulary's labels.
NAMES: dict[str, tuple[str, str]] = {
    "consultation": ("정책 문의", "consultation"),
    "help": ("생활 도움", "help"),
    "complaint": ("민원", "complaint"),
    "report": ("신고", "report"),
    "suggestion": ("건의", "suggestion"),
    "州本级": ("주 본급", "Prefecture"),
    "延吉市": ("연길시", "Yanji"),
    "图们市": ("도문시", "Tumen"),
    "敦化市": ("돈화시", "Dunhua"),
    "珲春市": ("훈춘시", "Hunchun"),
    "龙井市": ("룡정시", "Longjing"),
    "和龙市": ("화룡시", "Helong"),
    "汪清县": ("왕청현", "Wangqing"),
    "安图县": ("안도현", "Antu"),
    "维权部": ("권익보호부", "Rights dept."),
    "phone": ("전화", "phone"),
    "sms": ("문자", "SMS"),
    "web": ("웹사이트", "web"),
    "email": ("이메일", "email"),
    "wechat": ("위챗", "WeChat"),
    "app": ("앱", "app"),
    "rights": ("권익보호", "rights"),
    "organization": ("조직", "organization"),
    "rehabilitation": ("재활", "rehabilitation"),
    "education": ("교육", "education"),
    "employment": ("취업", "employment"),
    "social_security": ("사회보장", "social security"),
    "publicity": ("홍보", "publicity"),
    "culture_sports": ("문화체육", "culture & sports"),
    "male": ("남", "male"),
    "female": ("여", "female"),
    "visual": ("시각", "visual"),
    "hearing": ("청각", "hearing"),
    "speech": ("언어", "speech"),
    "physical": ("지체", "physical"),
    "intellectual": ("지적", "intellectual"),
    "mental": ("정신", "mental"),
    "multiple": ("중복", "multiple"),
    "reached": ("연락됨", "reached"),
    "no_answer": ("응답 없음", "no answer"),
    "wrong_number": ("잘못된 번호", "wrong number"),
    "refused": ("거절", "refused"),
    "solved": ("해결", "solved"),
    "explained": ("정책 설명", "explained"),
    "referred": ("이관", "referred"),
    "satisfied": ("만족", "satisfied"),
    "basically_satisfied": ("대체로 만족", "basically satisfied"),
    "unsatisfied": ("불만족", "unsatisfied"),
    "legal_channel": ("법정 절차 사항", "legal channel"),
    "petition_concluded": ("종결된 신방", "petition concluded"),
    "unlawful_help": ("위법 구조 요청", "unlawful help"),
    "commercial": ("영리 행위", "commercial"),
    "not_specific": ("구체적이지 않음", "not specific"),
    "leader": ("분관 지도자", "leader"),
    "center": ("핫라인 센터", "the center"),
    "1": ("1급", "grade 1"),
    "2": ("2급", "grade 2"),
    "3": ("3급", "grade 3"),
    "4": ("4급", "grade 4"),
    # the duties beyond the order (domain/duties)
    "legal_education": ("법제 교육", "legal education"),
    "counselling": ("심리 상담", "counselling"),
    "legal_aid": ("법률 지원", "legal aid"),
    "accepted": ("수리됨", "accepted"),
    "concluded": ("종결", "concluded"),
    "followed_up": ("후속 방문 완료", "followed up"),
    "follow_up": ("후속 보고", "follow-up"),
}
# Short Chinese names for the narrow queue columns.
SHORT_ZH: dict[str, str] = {
    "consultation": "咨询",
    "help": "求助",
    "complaint": "投诉",
    "report": "举报",
    "suggestion": "建议",
    "return_requested": "退件中",
    "feedback_given": "已反馈",
    "declined": "不受理",
}
CHINESE_BY_CODE: dict[str, str] = {"leader": "分管领导", "center": "热线中心"}


class Translator:
    """Words in one language; switching language makes a new translator."""

    def __init__(self, language: str = "zh_CN") -> None:
        self.language = language if language in LANGUAGES else "zh_CN"
        self.column = LANGUAGES.index(self.language)

    def __call__(self, key: str, **params: object) -> str:
        text = TEXTS[key][self.column]
        return fill(text, params) if params else text

    def name(self, value: Enum | str | None, short: bool = False) -> str:
        """The name of a list value (an appeal type, a county, a status ...)."""
        if value is None:
            return ""
        code = str(value.value) if isinstance(value, Enum) else str(value)
        if code in STATUS_NAMES:
            return (
                SHORT_ZH.get(code, STATUS_NAMES[code][0])
                if short and self.column == 0
                else STATUS_NAMES[code][self.column]
            )
        if code in ACTION_NAMES:
            return ACTION_NAMES[code][self.column]
        if self.column == 0:
            if short and code in SHORT_ZH:
                return SHORT_ZH[code]
            label: str | None = getattr(value, "label", None)
            return label or CHINESE_BY_CODE.get(code, code)
        return NAMES.get(code, (code, code))[self.column - 1]

    def yes_no(self, value: bool) -> str:
        return self("word.yes") if value else self("word.no")

    def field(self, name: str) -> str:
        return field_label(name, self.language)

    def next_language(self) -> Translator:
        return Translator(LANGUAGES[(self.column + 1) % len(LANGUAGES)])
