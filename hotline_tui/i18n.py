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

from collections.abc import Iterable, Mapping
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
from hotline_core.domain.vocabulary import (
    AppealType,
    BusinessArea,
    Channel,
    ContactResult,
    DeclineReason,
    Outcome,
    Rating,
)
from hotline_tui.names import NAMES, SHORT
from hotline_tui.words import WORDS

TEXTS: Mapping[str, tuple[str, str, str]] = MappingProxyType(
    {
        **WORDS,
        **{f"action.{code}": names for code, names in ACTION_NAMES.items()},
        **{f"state.{code}": names for code, names in LIMIT_STATE_NAMES.items()},
    }
)


CHINESE_BY_CODE: dict[str, str] = {"leader": "分管领导", "center": "热线中心"} | {
    code: label
    for kind in (AppealType, BusinessArea, Channel, ContactResult, DeclineReason, Outcome, Rating)
    for code, label in ((member.value, member.label) for member in kind)
}


class Translator:
    """Words in one language; switching language makes a new translator."""

    def __init__(self, language: str = "zh_CN") -> None:
        self.language = language if language in LANGUAGES else "zh_CN"
        self.column = LANGUAGES.index(self.language)

    def __call__(self, key: str, **params: object) -> str:
        text = TEXTS[key][self.column]
        return fill(text, params) if params else text

    def name(self, value: Enum | str | None, short: bool = False) -> str:
        """The name of a list value (an appeal type, a county, a status, a unit, an ethnic group ...);
        ``short``: the form that fits the queue's narrow columns."""
        if value is None:
            return ""
        code = str(value.value) if isinstance(value, Enum) else str(value)
        if short and code in SHORT:
            return SHORT[code][self.column]
        if code in STATUS_NAMES:
            return STATUS_NAMES[code][self.column]
        if code in ACTION_NAMES:
            return ACTION_NAMES[code][self.column]
        if self.column == 0:
            label: str | None = getattr(value, "label", None)
            return label or CHINESE_BY_CODE.get(code, code)
        return NAMES.get(code, (code, code))[self.column - 1]

    def names(self, values: Iterable[str]) -> str:
        """A list in a sentence: 联系、补录 in Chinese, "contact, record" otherwise."""
        return self("word.list_separator").join(values)

    def labelled(self, label: str, value: str) -> str:
        """``label：value`` in Chinese, ``label: value`` in Korean and English."""
        return f"{label}{self('word.colon')}{value}"

    def yes_no(self, value: bool) -> str:
        return self("word.yes") if value else self("word.no")

    def field(self, name: str) -> str:
        return field_label(name, self.language)

    def next_language(self) -> Translator:
        return Translator(LANGUAGES[(self.column + 1) % len(LANGUAGES)])
