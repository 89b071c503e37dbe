"""How subcommands speak: text for people in their language, JSON for scripts, one line on failure.

Text for people passes through :func:`hotline_tui.visible.visible`: an order's appeal or
note may hold escape sequences that came in with pushed data, and printed raw they would
act on the clerk's terminal. JSON escapes them itself; a lone surrogate, which UTF-8
cannot carry, is written as its JSON escape.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from functools import cached_property
from typing import Any

from attrs import define

from hotline_tui.i18n import Translator
from hotline_tui.visible import visible

_SURROGATE = re.compile("[\ud800-\udfff]")


class CommandError(Exception):
    """A subcommand cannot go on; the message is already in the user's language."""


@define
class Output:
    json_mode: bool = False
    language: str = "zh_CN"

    @cached_property
    def t(self) -> Translator:
        """The words of ``--lang``: ``out.t("cli.written", path=...)``."""
        return Translator(self.language)

    def emit(self, data: Any, text: str) -> None:
        """Print ``data`` as JSON or ``text`` for a person."""
        if self.json_mode:
            print(as_json(data))
        else:
            print(visible(text))

    def fail(self, reason: str) -> None:
        one_line = " ".join(reason.split())
        print(f"hotline: {visible(one_line)}", file=sys.stderr)


def as_json(data: Any) -> str:
    """``data`` as indented JSON, Chinese as written, any lone surrogate as ``\\udXXX``."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal cells (a Chinese or Korean character takes two),
    so columns of mixed scripts line up; at least one space follows."""
    cells = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - cells, 1)
