"""How subcommands speak: text for people, JSON for scripts, one line on failure."""

from __future__ import annotations

import json
import sys
from typing import Any

from attrs import define


class CommandError(Exception):
    """A subcommand cannot go on; the message is already in the user's language."""


@define
class Output:
    json_mode: bool = False
    language: str = "zh_CN"

    def emit(self, data: Any, text: str) -> None:
        """Print ``data`` as JSON or ``text`` for a person."""
        if self.json_mode:
            print(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            print(text)

    def fail(self, reason: str) -> None:
        one_line = " ".join(reason.split())
        print(f"hotline: {one_line}", file=sys.stderr)
