"""The interface's gettext catalogs: complete in all three languages, compiled, and used as written."""

from __future__ import annotations

import ast
from io import BytesIO
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from hotline_core.domain.escalation import AlertKind
from hotline_core.domain.knowledge.entries import EntryStatus
from hotline_core.domain.limits import LIMIT_NAMES, LimitState
from hotline_core.domain.messages import ACTION_NAMES, LANGUAGES
from hotline_core.domain.vocabulary import Action
from hotline_tui import i18n
from hotline_tui.i18n import LOCALE_DIR, TEXTS, Translator
from hotline_tui.screens.queue import COLUMNS

PACKAGE = Path(i18n.__file__).parent


def po_file(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


def read(language: str) -> Catalog:
    with po_file(language).open("rb") as file:
        return read_po(file, domain=i18n.DOMAIN, abort_invalid=True)  # the language from its header


def messages(parsed: Catalog) -> dict[str, str]:
    return {message.id: message.string for message in parsed if message.id}


def test_each_language_of_the_app_has_a_catalog_and_no_other_does() -> None:
    assert sorted(p.name for p in LOCALE_DIR.iterdir() if p.is_dir()) == sorted(LANGUAGES)
    for language in LANGUAGES:
        assert i18n.catalog(language).info()["language"] == language
    with pytest.raises(FileNotFoundError):
        i18n.catalog("fr")


def test_each_catalog_has_a_proper_header() -> None:
    plural_forms = {
        "zh_CN": "nplurals=1; plural=0;",
        "ko": "nplurals=1; plural=0;",
        "en": "nplurals=2; plural=(n != 1);",
    }
    for language in LANGUAGES:
        header = po_file(language).read_text(encoding="utf-8").partition("\n\n")[0]
        for field in (
            "Content-Type: text/plain; charset=utf-8",
            f"Language: {language}",
            f"Plural-Forms: {plural_forms[language]}",
        ):
            assert f'"{field}\\n"'.lower() in header.lower(), f"{language}: the header lacks {field!r}"
        parsed = read(language)
        assert (parsed.charset, parsed.plural_forms) == ("utf-8", plural_forms[language]), language
        assert not parsed.fuzzy, f"{language}: the header is marked fuzzy, so Babel would not compile it"


def test_every_message_is_translated_in_all_three_languages() -> None:
    parsed = {language: read(language) for language in LANGUAGES}
    every_id = set().union(*(messages(c) for c in parsed.values()))
    for language, entries in parsed.items():
        missing = sorted(every_id - set(messages(entries)))
        assert not missing, f"{language} lacks {missing}"
        empty = sorted(m.id for m in entries if m.id and not m.string.strip())
        assert not empty, f"{language} leaves {empty} empty"
        fuzzy = sorted(m.id for m in entries if m.id and m.fuzzy)
        assert not fuzzy, f"{language} marks {fuzzy} fuzzy: they would not be compiled"
        actions = sorted(i for i in messages(entries) if i.startswith("action."))
        assert not actions, (
            f"{language}: the actions' names belong to hotline_core.domain.messages, not {actions}"
        )


def test_the_committed_mo_files_are_what_the_po_files_compile_to() -> None:
    for language in LANGUAGES:
        po = po_file(language)
        with po.with_suffix(".mo").open("rb") as file:
            committed = read_mo(file)
        fresh = read_mo(BytesIO(i18n.compiled(po)))
        assert messages(committed) == messages(fresh), (
            f"{po.with_suffix('.mo')} is stale: run python -m hotline_tui.i18n compile"
        )
        assert (committed.locale, committed.charset, committed.plural_forms) == (
            fresh.locale,
            fresh.charset,
            fresh.plural_forms,
        )


def test_the_running_app_reads_the_words_of_the_po_files() -> None:
    for column, language in enumerate(LANGUAGES):
        written = messages(read(language))
        t = Translator(language)
        assert {key: t(key) for key in written} == written
        assert {key: TEXTS[key][column] for key in written} == written


def test_placeholders_are_the_same_in_all_three_languages() -> None:
    def placeholders(text: str) -> set[str]:
        return {field for _, field, _, _ in Formatter().parse(text) if field is not None}

    for key, texts in TEXTS.items():
        found = [placeholders(text) for text in texts]
        assert all(f == found[0] for f in found), f"{key}: {dict(zip(LANGUAGES, found, strict=True))}"


def test_text_keeps_its_shape_for_the_key_bindings_and_the_actions() -> None:
    assert TEXTS["queue.title"] == ("工作台", "업무 목록", "Work queue")
    assert TEXTS["action.sign"] == tuple(ACTION_NAMES["sign"])
    assert Translator("ko")("queue.count", shown=3, total=12) == "3건 표시 (처리 중 12건)"
    assert Translator("en")("state.provisional") == " (provisional)"
    assert i18n.words("zh_CN")["span.days"] == "{n}天"
    with pytest.raises(KeyError):
        Translator("en")("queue.no_such_key")


# The values that the keys built with an f-string take, by the f-string with its fields as {}.
KEYS_BUILT_FROM = {
    "limit.{}": LIMIT_NAMES,
    "limit.short.{}": LIMIT_NAMES,
    "state.{}": [state.value for state in LimitState],
    "alert.{}": [kind.value for kind in AlertKind],
    "queue.col.{}": list(COLUMNS),
    "alerts.col.{}": ["done", "when", "kind", "order", "limit"],  # the alerts screen's columns
    "kb.status.{}": [status.value for status in EntryStatus],
    "kb.{}": ["return", "retire"],  # the knowledge screen's steps that ask for a reason
    "action.{}": [action.value for action in Action],
}


def keys_used(tree: ast.AST) -> list[tuple[ast.expr, str | None, bool]]:
    """``(node, key, built)`` for the key of every ``t(...)``, ``x.t(...)`` and ``text_binding(...)``.

    ``key`` is the literal key, or an f-string's shape with ``{}`` for its fields
    (``built`` is then true), or None when the key is a variable.
    """
    found: list[tuple[ast.expr, str | None, bool]] = []

    def key_of(node: ast.expr) -> None:
        if isinstance(node, ast.IfExp):
            key_of(node.body)
            key_of(node.orelse)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node, node.value, False))
        elif isinstance(node, ast.JoinedStr):
            found.append(
                (node, "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values), True)
            )
        else:
            found.append((node, None, False))

    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        name = (
            call.func.id
            if isinstance(call.func, ast.Name)
            else call.func.attr
            if isinstance(call.func, ast.Attribute)
            else None
        )
        if name == "t" and call.args:
            key_of(call.args[0])
        elif name == "text_binding" and len(call.args) >= 3:
            key_of(call.args[2])
    return found


def test_every_key_the_code_asks_for_exists_in_all_three_languages() -> None:
    problems, checked = [], 0
    for path in sorted(PACKAGE.rglob("*.py")):
        for node, key, built in keys_used(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            if key is None:
                # bindings.py passes on the keys that text_binding registered, checked here at their call
                if not (path.name == "bindings.py" and isinstance(node, ast.Name) and node.id == "key"):
                    problems.append(f"{where}: a key this test cannot read: {ast.unparse(node)}")
            elif built and key not in KEYS_BUILT_FROM:
                problems.append(f"{where}: add the values of {key!r} to KEYS_BUILT_FROM")
            else:
                for full in [key.format(value) for value in KEYS_BUILT_FROM[key]] if built else [key]:
                    checked += 1
                    if full not in TEXTS:
                        problems.append(f"{where}: {full!r} is in no catalog")
    assert not problems, "\n".join(problems)
    assert checked > 150  # the scan did find the calls
