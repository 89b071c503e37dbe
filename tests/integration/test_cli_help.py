"""``hotline --help`` and every subcommand's help in the language asked for, and the command
line's refusals (bad JSON included) in that language, naming where the fault is."""

from __future__ import annotations

import re

import pytest

from hotline_core.domain.messages import LANGUAGES
from hotline_tui.cli import build_parser
from hotline_tui.cli.helptext import argparse_language, cells, subcommand_paths
from hotline_tui.cli.helpwords import HELP
from tests.support import MINIMAL_FORM, push

# What argparse writes in English unless it is told otherwise.
ARGPARSE_ENGLISH = ("usage:", "show this help message and exit", "positional arguments", "options:")
HAN = re.compile("[\u4e00-\u9fff]")
HANGUL = re.compile("[\uac00-\ud7af]")


def helps(language: str) -> dict[str, str]:
    """The help of the program ("") and of every subcommand, as ``--help`` prints it."""
    with argparse_language(language):
        parser = build_parser(language)
        found = {"": parser.format_help()}
        found.update((path, sub.format_help()) for path, sub in subcommand_paths(parser))
    return found


def printed_help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    from hotline_tui.cli import main

    with pytest.raises(SystemExit) as done:
        main(list(argv))
    assert done.value.code == 0
    return capsys.readouterr().out


def test_help_is_chinese_by_default_with_argparse_words_translated(capsys) -> None:
    said = printed_help(capsys, "--help")
    assert said.startswith("用法：hotline")
    assert "位置参数" in said and "选项" in said and "显示本帮助并退出" in said
    assert not any(english in said for english in ARGPARSE_ENGLISH)
    assert "新建空数据库" in said and "从 JSON 列表添加工单" in said


@pytest.mark.parametrize("language", ["zh_CN", "ko"])
def test_no_help_of_any_subcommand_keeps_argparse_english(language: str) -> None:
    for path, text in helps(language).items():
        leftovers = [english for english in ARGPARSE_ENGLISH if english in text]
        assert not leftovers, f"hotline {path} --help ({language}) still says {leftovers}"


def test_every_subcommand_has_a_description_in_each_language() -> None:
    for language, script in (("zh_CN", HAN), ("ko", HANGUL), ("en", None)):
        with argparse_language(language):
            for path, parser in subcommand_paths(build_parser(language)):
                assert parser.description, f"hotline {path} has no description"
                assert script is None or script.search(parser.description), (path, language)


def test_every_argument_of_every_subcommand_is_explained_in_chinese() -> None:
    with argparse_language("zh_CN"):
        for path, parser in subcommand_paths(build_parser("zh_CN")):
            for action in parser._actions:
                if action.help is None or action.dest == "help" or action.nargs == "A...":
                    assert action.dest in ("help",) or action.nargs == "A...", (
                        f"{path} {action.dest}: no help"
                    )
                    continue
                if action.dest.endswith("_command"):
                    continue
                assert HAN.search(action.help), f"hotline {path} {action.dest}: {action.help!r}"


def test_every_help_entry_names_a_subcommand_or_argument_that_exists() -> None:
    with argparse_language("en"):
        parser = build_parser("en")
        known = {"", "command"} | {path for path, _ in subcommand_paths(parser)}
        for path, sub in [("", parser), *subcommand_paths(parser)]:
            for action in sub._actions:
                names = [o for o in action.option_strings if o.startswith("--")] or [action.dest]
                known |= {f"{path} {names[0]}".strip(), names[0]}
    assert sorted(set(HELP) - known) == []


def test_korean_and_english_help_as_asked(capsys) -> None:
    said = printed_help(capsys, "intake", "--help", "--lang", "ko")
    assert said.startswith("사용법: hotline intake") and "작업지시 JSON 파일" in said
    said = printed_help(capsys, "intake", "--help", "--lang=en")
    assert said.startswith("usage: hotline intake") and "docs/intake-format.md" in said


def test_argparse_refusals_speak_the_language(capsys) -> None:
    from hotline_tui.cli import main

    for argv, expected in (
        (["show"], "hotline show：错误：缺少这些参数：工单编号"),
        (["report", "nonsense", "--period", "2026Q3"], "无效的选项 'nonsense'"),
        (["show", "--lang", "ko"], "다음 인자가 필요합니다"),
        (["list", "--bogus"], "不认识的参数：--bogus"),
    ):
        with pytest.raises(SystemExit):
            main(argv)
        assert expected in capsys.readouterr().err


def test_bad_json_is_refused_in_the_language_with_its_line_and_column(cli, tmp_path) -> None:
    cli("init")
    bad = tmp_path / "push.json"
    bad.write_text('[{"id": "A1",}]', encoding="utf-8")
    code, _, err = cli("intake", str(bad))
    assert code == 2 and f"{bad}：不是有效的 JSON（第 1 行第 14 列：字段名须用双引号括起" in err
    code, _, err = cli("intake", str(bad), "--lang", "ko")
    assert "올바른 JSON이 아닙니다 (1행 14열" in err
    code, _, err = cli("intake", str(bad), "--lang", "en")
    assert "not valid JSON (line 1, column 14: a field name in double quotes was expected" in err


def test_an_intake_file_that_is_not_a_list_of_orders_says_which_item(cli, tmp_path) -> None:
    cli("init")
    path = tmp_path / "push.json"
    path.write_text('[{"id": "A1"}, 3]', encoding="utf-8")
    assert "第 2 项不是工单" in cli("intake", str(path))[2]
    path.write_text('{"id": "A1"}', encoding="utf-8")
    assert "应为工单的 JSON 列表" in cli("intake", str(path))[2]
    assert cli("intake", push(tmp_path, MINIMAL_FORM))[0] == 0


def test_show_in_chinese_has_no_codes_and_lines_up(cli, tmp_path) -> None:
    cli("init")
    cli("intake", push(tmp_path, MINIMAL_FORM))
    cli("act", "A1", "sign")
    said = cli("show", "A1")[1]
    body = said.replace(MINIMAL_FORM["appeal"], "").replace("founder", "")
    for code in ("sign", "met", "open", "due_soon", "breached", "handling", "center", "close"):
        assert not re.search(rf"\b{code}\b", body), f"{code!r} in {said}"
    limits = [line for line in said.splitlines()[1:] if not line.startswith("  20")]
    assert limits and "签收" in limits[0]
    starts = {cells(line[: line.index("11-")]) for line in limits}
    assert len(starts) == 1  # the due times line up, Chinese names counted as two cells


def test_list_find_reaches_closed_and_archived_orders(cli, tmp_path) -> None:
    cli("init")
    cli("intake", push(tmp_path, {**MINIMAL_FORM, "phone": "13800001234"}))
    assert [r["id"] for r in cli("list", "--find", "1234", "--json")[1]] == ["A1"]
    assert cli("list", "--find", "没有的人", "--json")[1] == []


def test_a_damaged_database_is_reported_in_the_language_asked_for(cli) -> None:
    cli("init")
    working = cli.folder / "working.json"
    working.write_bytes(working.read_bytes()[:40])
    code, _, err = cli("list")
    assert code == 2 and "working.json：文件已损坏" in err and "docs/operations.md" in err
    code, _, err = cli("list", "--lang", "ko")
    assert code == 2 and "파일이 손상되었거나" in err


@pytest.mark.parametrize("language", ["zh_CN", "ko", "en"])
def test_help_fits_80_columns_and_its_explanations_line_up(language: str, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for path, text in helps(language).items():
        lines = text.splitlines()
        assert max(cells(line) for line in lines) <= 80, f"hotline {path} --help ({language})"
        options = [line for line in lines if line.startswith("  --db ")]
        if options:  # "  --db 文件夹" then its explanation, at the column every option's starts at
            (line,) = options
            start = line.index(HELP["--db"][LANGUAGES.index(language)][:4])
            assert cells(line[:start]) == 24, (path, language, line)
