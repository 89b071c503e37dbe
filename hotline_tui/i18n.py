"""The interface's words in Simplified Chinese, Korean and English, from gettext catalogs.

Each language has a standard gettext catalog, ``locale/<language>/LC_MESSAGES/hotline_tui.po``,
its directory named like the language codes the settings and the F2 switch use
(``hotline_core.domain.messages.LANGUAGES``: ``zh_CN``, ``ko``, ``en``). A msgid is the key the
code asks for (``"queue.title"``), not an English sentence: the three catalogs share
their msgids, a translator edits one file with any PO editor, and ``{placeholders}``
are filled by ``str.format`` after the lookup. The language is the clerk's setting,
never ``LANG``.

At run time the standard library's ``gettext`` reads the compiled ``.mo`` files, each
once, on first use (importing the UI does: the key bindings carry all three languages);
a missing catalog raises ``FileNotFoundError`` and a key missing from one language a
``LookupError``, rather than showing keys. The ``.mo`` files are committed beside their
``.po`` so that the shared host installs with a plain ``pip install`` and needs neither a
build step nor Babel. After editing a ``.po``, recompile with Babel (in the ``test`` extra)::

    python -m hotline_tui.i18n compile

``tests/tui/test_i18n_catalogs.py`` fails when a key lacks a translation in one
language, when the placeholders of a key differ between languages, when a committed
``.mo`` is not what its ``.po`` compiles to, or when the code asks for a key no catalog
has. The names of the actions and the rules' own messages stay in
``hotline_core.domain.messages``; ``NAMES`` below holds the Korean and English names of the
SPEC's lists, whose Chinese comes from the vocabulary's labels.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from enum import Enum
from functools import cache
from gettext import GNUTranslations
from io import BytesIO
from pathlib import Path
from types import MappingProxyType

from hotline_core.domain.messages import (
    ACTION_NAMES,
    LANGUAGES,
    STATUS_NAMES,
    field_label,
)

DOMAIN = "hotline_tui"
LOCALE_DIR = Path(__file__).with_name("locale")


@cache
def catalog(language: str) -> GNUTranslations:
    """The compiled catalog of one language, read once; ``FileNotFoundError`` if there is none.

    The file is opened by its exact path rather than through ``gettext.translation``:
    no search through the ``LANG``-style variants of the name (``ko_KR.eucKR``, ``zh``)
    and no fallback, so the catalog read is always the one of this language.
    """
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as file:
            return GNUTranslations(file)
    except FileNotFoundError as error:
        raise FileNotFoundError(
            f"no {language} catalog {path} (python -m hotline_tui.i18n compile)"
        ) from error


@cache
def words(language: str) -> Mapping[str, str]:
    """Every key's text in one language: the catalog's words and the core's action names."""
    column = LANGUAGES.index(language)
    # gettext has no public way to list a catalog; its parsed messages are ``_catalog``.
    messages = {key: text for key, text in catalog(language)._catalog.items() if isinstance(key, str) and key}
    messages.update({f"action.{code}": names[column] for code, names in ACTION_NAMES.items()})
    return MappingProxyType(messages)


@cache
def _texts() -> Mapping[str, tuple[str, ...]]:
    columns = {language: words(language) for language in LANGUAGES}
    keys = dict.fromkeys(key for column in columns.values() for key in column)
    for language, column in columns.items():
        if missing := [key for key in keys if key not in column]:
            raise LookupError(f"the {language} catalog lacks {', '.join(missing)}")
    return MappingProxyType({key: tuple(column[key] for column in columns.values()) for key in keys})


def __getattr__(name: str) -> object:
    # ``TEXTS`` (key: (Chinese, Korean, English)) is read on first use, so that
    # ``python -m hotline_tui.i18n compile`` runs even when a .mo is missing.
    if name == "TEXTS":
        return _texts()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
        self._words = words(self.language)

    def __call__(self, key: str, **params: object) -> str:
        text = self._words[key]
        return text.format(**params) if params else text

    def name(self, value: Enum | str | None, short: bool = False) -> str:
        """The name of a list value (an appeal type, a county, a status ...)."""
        if value is None:
            return ""
        code = value.value if isinstance(value, Enum) else str(value)
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
            return getattr(value, "label", None) or CHINESE_BY_CODE.get(code, code)
        return NAMES.get(code, (code, code))[self.column - 1]

    def yes_no(self, value: bool) -> str:
        return self("word.yes") if value else self("word.no")

    def field(self, name: str) -> str:
        return field_label(name, self.language)

    def next_language(self) -> Translator:
        return Translator(LANGUAGES[(self.column + 1) % len(LANGUAGES)])


def compiled(po: Path) -> bytes:
    """The ``.mo`` that Babel compiles from a ``.po`` (a developer's tool: Babel is not needed to run)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        parsed = read_po(file, locale=po.parent.parent.name, domain=DOMAIN, abort_invalid=True)
    left_out = [m.id for m in parsed if m.id and (not m.string or m.fuzzy)]
    if left_out:
        raise ValueError(f"{po}: empty or fuzzy, would be left out: {', '.join(left_out)}")
    buffer = BytesIO()
    write_mo(buffer, parsed)
    return buffer.getvalue()


def compile_catalogs(root: Path = LOCALE_DIR) -> list[Path]:
    """Write each ``<language>/LC_MESSAGES/hotline_tui.mo`` under ``root`` from its ``.po``."""
    done = {po.with_suffix(".mo"): compiled(po) for po in sorted(root.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))}
    for mo, data in done.items():  # all or nothing: a bad .po leaves every .mo as it was
        mo.write_bytes(data)
    return list(done)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args != ["compile"]:
        print("usage: python -m hotline_tui.i18n compile", file=sys.stderr)
        return 2
    try:
        written = compile_catalogs()
    except ImportError:
        print("hotline_tui.i18n: compiling needs Babel: pip install -e '.[test]'", file=sys.stderr)
        return 1
    except (ValueError, OSError) as error:
        print(f"hotline_tui.i18n: {error}", file=sys.stderr)
        return 1
    for mo in written:
        print(mo.relative_to(LOCALE_DIR.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
