"""Every table of words: complete in all three languages, the same placeholders, used as written."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from string import Formatter

import pytest

import hotline_core
import hotline_tui
from hotline_core.domain.escalation import AlertKind
from hotline_core.domain.knowledge.entries import EntryStatus, KbAction
from hotline_core.domain.knowledge.wording import KB_ACTION_NAMES, KB_FIELDS, KB_MESSAGES, KB_STATUS_NAMES
from hotline_core.domain.limits import LIMIT_NAMES, LimitState
from hotline_core.domain.messages import (
    ACTION_NAMES,
    FIELD_LABELS,
    LANGUAGES,
    LIMIT_STATE_NAMES,
    MESSAGES,
    OTHER_ACTION_NAMES,
    STATUS_NAMES,
    Words,
)
from hotline_core.domain.studies import StudyState
from hotline_core.domain.vocabulary import Action, Status
from hotline_tui.cli.helpwords import ARGPARSE, HELP, JSON_REASONS, METAVARS
from hotline_tui.i18n import TEXTS, Translator
from hotline_tui.screens.order import ACTION_KEYS
from hotline_tui.screens.queue import COLUMNS
from hotline_tui.words import WORDS

TABLES: dict[str, Words] = {
    "messages.MESSAGES": MESSAGES,
    "messages.FIELD_LABELS": FIELD_LABELS,
    "messages.STATUS_NAMES": STATUS_NAMES,
    "messages.ACTION_NAMES": ACTION_NAMES,
    "messages.OTHER_ACTION_NAMES": OTHER_ACTION_NAMES,
    "messages.LIMIT_STATE_NAMES": LIMIT_STATE_NAMES,
    "wording.KB_MESSAGES": KB_MESSAGES,
    "wording.KB_FIELDS": KB_FIELDS,
    "wording.KB_STATUS_NAMES": KB_STATUS_NAMES,
    "wording.KB_ACTION_NAMES": KB_ACTION_NAMES,
    "words.WORDS": WORDS,
    "helpwords.HELP": HELP,
    "helpwords.METAVARS": METAVARS,
    "helpwords.ARGPARSE": ARGPARSE,
    "helpwords.JSON_REASONS": JSON_REASONS,
}
PACKAGES = (Path(hotline_core.__file__).parent, Path(hotline_tui.__file__).parent)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("name", TABLES)
def test_every_key_has_its_words_in_chinese_korean_and_english(name: str) -> None:
    for key, texts in TABLES[name].items():
        assert len(texts) == len(LANGUAGES), f"{name}[{key!r}] has {len(texts)} languages"
        empty = [language for language, text in zip(LANGUAGES, texts, strict=True) if not text.strip()]
        assert not empty, f"{name}[{key!r}] is empty in {empty}"


# Quoted differently on purpose: Chinese and Korean readers see the Chinese names of the
# choices, English readers the codes they can type.
DIFFERENT_ON_PURPOSE = {("messages.MESSAGES", "not_a_choice")}


@pytest.mark.parametrize("name", TABLES)
def test_placeholders_are_the_same_in_all_three_languages(name: str) -> None:
    for key, texts in TABLES[name].items():
        if (name, key) in DIFFERENT_ON_PURPOSE:
            continue
        found = [placeholders(text) for text in texts]
        assert all(f == found[0] for f in found), (
            f"{name}[{key!r}]: {dict(zip(LANGUAGES, found, strict=True))}"
        )


def test_the_knowledge_base_words_again_only_a_code_whose_sentence_quotes_other_values() -> None:
    for code in KB_MESSAGES.keys() & MESSAGES.keys():
        assert placeholders(KB_MESSAGES[code][0]) != placeholders(MESSAGES[code][0]), (
            f"{code!r} is worded in both messages.py and knowledge/wording.py: keep the one in messages.py"
        )


def test_every_status_action_and_state_has_a_name() -> None:
    assert STATUS_NAMES.keys() == {s.value for s in Status}
    assert ACTION_NAMES.keys() == {a.value for a in Action}
    assert LIMIT_STATE_NAMES.keys() == {s.value for s in LimitState}
    assert KB_STATUS_NAMES.keys() == {s.value for s in EntryStatus}
    assert KB_ACTION_NAMES.keys() == {a.value for a in KbAction}


def test_a_limit_state_reads_the_same_in_the_core_and_on_screen() -> None:
    for state in LimitState:
        assert state.label == Translator("zh_CN")(f"state.{state.value}") == LIMIT_STATE_NAMES[state.value][0]


def test_text_keeps_its_shape_for_the_key_bindings_and_the_actions() -> None:
    assert TEXTS["queue.title"] == ("工作台", "업무 목록", "Work queue")
    assert TEXTS["action.sign"] == tuple(ACTION_NAMES["sign"])
    assert Translator("ko")("queue.count", what="처리 중", shown=3, total=12) == "처리 중 3 / 전체 12"
    assert Translator("en")("state.provisional") == " (provisional)"
    assert Translator("zh_CN")("span.days", n=2) == "2天"
    with pytest.raises(KeyError):
        Translator("en")("queue.no_such_key")


# The values that the keys built with an f-string take, by the f-string with its fields as {}.
KEYS_BUILT_FROM = {
    "limit.{}": [*LIMIT_NAMES, "summary"],  # "summary": the county summary's filing (alerts screen)
    "limit.short.{}": LIMIT_NAMES,
    "state.{}": [state.value for state in LimitState],
    "alert.{}": [kind.value for kind in AlertKind],
    "queue.col.{}": list(COLUMNS),
    "alerts.col.{}": ["done", "when", "kind", "order", "limit"],  # the alerts screen's columns
    "kb.status.{}": [status.value for status in EntryStatus],
    "kb.{}": ["return", "retire"],  # the knowledge screen's steps that ask for a reason
    "action.{}": [action.value for action in Action],
    "key.action.{}": [action.value for action in ACTION_KEYS],  # the order screen's action keys
    "cli.year.{}": ["official", "provisional"],
    "studies.col.{}": ["id", "state", "title", "orders", "to"],  # the studies screen's columns
    "studies.state.{}": [state.value for state in StudyState],
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
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Add)
            and isinstance(node.left, ast.Constant)
        ):
            found.append((node, f"{node.left.value}{{}}", True))
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
        if name in ("t", "self") and call.args:  # self: the Translator's own words (yes, no)
            key_of(call.args[0])
        elif name == "text_binding" and len(call.args) >= 3:
            key_of(call.args[2])
            for keyword in call.keywords:
                if keyword.arg == "short":  # the footer's shorter words
                    key_of(keyword.value)
    return found


def asked_for() -> Iterator[tuple[str, str | None]]:
    """``(where, full key)`` for every key the interface and the CLI ask for; None: unreadable."""
    package = PACKAGES[1]
    for path in sorted(package.rglob("*.py")):
        for node, key, built in keys_used(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(package.parent)}:{node.lineno}"
            if key is None:
                # bindings.py passes on the keys that text_binding registered, checked here at their call
                if not (path.name == "bindings.py" and isinstance(node, ast.Name) and node.id == "key"):
                    yield where, None
            elif built:
                if key not in KEYS_BUILT_FROM:
                    yield f"{where}: add the values of {key!r} to KEYS_BUILT_FROM", None
                else:
                    yield from ((where, key.format(value)) for value in KEYS_BUILT_FROM[key])
            else:
                yield where, key


def test_every_key_the_code_asks_for_exists_in_all_three_languages() -> None:
    found = list(asked_for())
    unreadable = [where for where, key in found if key is None]
    assert not unreadable, "keys this test cannot read:\n" + "\n".join(unreadable)
    missing = [f"{where}: {key!r}" for where, key in found if key not in TEXTS]
    assert not missing, "\n".join(missing)
    assert len(found) > 150  # the scan did find the calls


def test_every_word_of_the_interface_is_asked_for_by_the_code() -> None:
    used = {key for _, key in asked_for()}
    unused = sorted(WORDS.keys() - used)
    assert not unused, f"hotline_tui/words.py holds words nothing asks for: {unused}"


def _string_constants() -> set[str]:
    tables = {"messages.py", "wording.py", "words.py"}
    found: set[str] = set()
    for package in PACKAGES:
        for path in package.rglob("*.py"):
            if path.name in tables:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found |= {
                n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            }
    return found


def test_every_problem_code_is_raised_somewhere() -> None:
    written = _string_constants()
    unused = sorted((MESSAGES.keys() | KB_MESSAGES.keys()) - written)
    assert not unused, f"codes that no rule, service or command uses: {unused}"


# Written in several languages at once on purpose: the F2 notice and the command's description.
MULTILINGUAL = {"中文 / 한국어 / English", "延边州残联 12345 热线工单系统 — work orders of the 12345 hotline"}


def test_no_chinese_is_written_in_the_interface_outside_its_words() -> None:
    """A Chinese string in a screen or a command would ignore the language the clerk chose."""
    han = re.compile("[\u4e00-\u9fff]")
    found = []
    for path in sorted(PACKAGES[1].rglob("*.py")):
        if path.name in ("words.py", "i18n.py", "names.py", "report_words.py", "helpwords.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        found += [
            f"{path.relative_to(PACKAGES[1].parent)}:{node.lineno}: {node.value!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and han.search(node.value)
            and id(node) not in docstrings
            and node.value not in MULTILINGUAL
        ]
    assert not found, "put these in hotline_tui/words.py:\n" + "\n".join(found)
