"""``hotline --help`` and argparse's messages in the language of ``--lang`` (Chinese by default).

The subcommands register themselves with their English help; once the whole parser is
built, :func:`localize` walks it and puts each subcommand's and argument's words from
:mod:`hotline_tui.cli.helpwords` in place (every subcommand then has a description, not
only a line in its parent's list). A subcommand with no words there keeps the text it
registered. argparse's own sentences (``usage:``, ``options``, "the following arguments
are required") come from gettext; :func:`argparse_language` answers them from the same
tables while the parser is built and used.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from hotline_core.domain.messages import LANGUAGES
from hotline_tui.cli.helpwords import ARGPARSE, HELP, METAVARS


def language_of(argv: list[str]) -> str:
    """The ``--lang`` of the command line (``--lang ko`` or ``--lang=ko``), before parsing."""
    for position, word in enumerate(argv):
        if word == "--":
            break
        value = word.removeprefix("--lang=") if word.startswith("--lang=") else None
        if word == "--lang" and position + 1 < len(argv):
            value = argv[position + 1]
        if value in LANGUAGES:
            return value
    return "zh_CN"


@contextmanager
def argparse_language(language: str) -> Iterator[None]:
    """argparse's sentences in ``language`` for the time of the block.

    argparse asks gettext (its module's ``_`` and ``ngettext``) each time it writes one; those
    two names are replaced for the block and put back after it."""
    column = LANGUAGES.index(language) if language in LANGUAGES else 0
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def words(message: str) -> str:
        return ARGPARSE[message][column] if message in ARGPARSE else message

    def plural(singular: str, plural_form: str, n: int) -> str:
        return words(singular if n == 1 else plural_form)

    argparse._, argparse.ngettext = words, plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def localize(parser: argparse.ArgumentParser, language: str) -> None:
    """Put the help of ``language`` on ``parser`` and every subcommand under it."""
    column = LANGUAGES.index(language) if language in LANGUAGES else 0
    _localize(parser, "", column)


def cells(text: str) -> int:
    """The width of ``text`` in terminal cells: a Chinese or Korean character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_CLOSING = frozenset("，。、；：？！）」』》")


class CellFormatter(argparse.HelpFormatter):
    """argparse's help layout measured in terminal cells, so Chinese and Korean names line
    up and Chinese help wraps within the terminal (argparse counts characters)."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            shown = [action, *self._iter_indented_subactions(action)]
            widest = max(cells(self._format_action_invocation(a)) for a in shown) + self._current_indent
            self._action_max_length = max(self._action_max_length, widest)

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        header = self._format_action_invocation(action)
        extra = cells(header) - len(header)
        prefix = " " * self._current_indent + header
        first, newline, rest = text.partition("\n")
        if extra == 0 or not action.help or not first.startswith(prefix) or first == prefix:
            return text
        gap = first[len(prefix) :]
        help_text = gap.lstrip(" ")
        if len(gap) - len(help_text) - extra >= 2:
            first = prefix + gap[extra:]
        else:  # too wide once counted in cells: the help starts on the next line
            position = min(self._action_max_length + 2, self._max_help_position)
            first = prefix + "\n" + " " * position + help_text
        return first + newline + rest

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        shown = list(actions)
        text = super()._format_usage(usage, shown, groups, prefix)
        if all(cells(line) <= self._width for line in text.splitlines()):
            return text
        width = self._width
        self._width = width - (cells(text) - len(text))  # wrap as if every wide character were alone
        try:
            return super()._format_usage(usage, shown, groups, prefix)
        finally:
            self._width = width

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))

    def _split_lines(self, text: str, width: int) -> list[str]:
        lines: list[str] = []
        for word in " ".join(text.split()).split(" "):
            if lines and cells(lines[-1]) + 1 + cells(word) <= width:
                lines[-1] += " " + word
                continue
            lines.append("")
            for ch in word:  # a Chinese sentence has no spaces: it breaks between characters
                if lines[-1] and cells(lines[-1]) + cells(ch) > width:
                    # closing punctuation never starts a line: the character before it comes along
                    carry = lines[-1][-1] if ch in _CLOSING and len(lines[-1]) > 1 else ""
                    lines[-1] = lines[-1][: len(lines[-1]) - len(carry)]
                    lines.append(carry)
                lines[-1] += ch
        return lines


def _localize(parser: argparse.ArgumentParser, path: str, column: int) -> None:
    parser.formatter_class = CellFormatter
    if path in HELP:
        parser.description = HELP[path][column]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            _subcommands(action, path, column)
        elif not isinstance(action, argparse._HelpAction):
            _argument(action, path, column)


def _subcommands(action: argparse._SubParsersAction[argparse.ArgumentParser], path: str, column: int) -> None:
    action.help = HELP["command"][column]
    if isinstance(action.metavar, str) and action.metavar in METAVARS:
        action.metavar = METAVARS[action.metavar][column]
    for choice in action._choices_actions:  # the lines of the list of subcommands
        key = f"{path} {choice.dest}".strip()
        if key in HELP:
            choice.help = HELP[key][column]
    for name, subparser in action.choices.items():
        _localize(subparser, f"{path} {name}".strip(), column)


def _argument(action: argparse.Action, path: str, column: int) -> None:
    option = next((o for o in action.option_strings if o.startswith("--")), None)
    name = option or action.dest
    key = f"{path} {name}".strip()
    words = HELP.get(key) or (HELP.get(option) if option else None)
    if words is not None:
        action.help = words[column].replace("{codes}", action.help or "")
    if action.choices is None and action.nargs != 0:
        shown = action.metavar if isinstance(action.metavar, str) else action.dest
        if shown in METAVARS:
            action.metavar = METAVARS[shown][column]


def subcommand_paths(
    parser: argparse.ArgumentParser, path: str = ""
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every subcommand (``"users add"``) with its parser, for the tests and the docs."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                full = f"{path} {name}".strip()
                yield full, subparser
                yield from subcommand_paths(subparser, full)
