"""Reading the JSON files a person hands the command line (an intake push, a scenario).

What is wrong is said in the person's language and says where: the file, the line and
the column, and what the reader expected there; an intake file that is not a list of
orders names the item that is not one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hotline_core.domain.messages import LANGUAGES
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.services.named import NamedFiles, read_named
from hotline_tui.cli.helpwords import JSON_REASONS


def read_json(path: Path, language: str, files: NamedFiles, field: str = "file") -> Any:
    """The JSON in ``path``, read with the acting person's rights (``files``: a regular file
    they may read, never a pipe); a number too long to convert stays text, for its field to
    refuse (a 5,000-digit age)."""
    text = read_named(files, path, field).decode("utf-8")
    try:
        return json.loads(text, parse_int=lambda s: int(s) if len(s) < 100 else s)
    except json.JSONDecodeError as error:
        params = {
            "path": str(path),
            "line": error.lineno,
            "column": error.colno,
            "reason": _reason(error, language),
        }
        raise InvalidInput([Problem("", "not_json", params)]) from None


def _reason(error: json.JSONDecodeError, language: str) -> str:
    column = LANGUAGES.index(language) if language in LANGUAGES else 0
    for start, words in JSON_REASONS.items():
        if error.msg.startswith(start):
            return words[column]
    return error.msg


def order_forms(data: Any, path: Path) -> list[dict[str, Any]]:
    """``data`` as the list of order forms an intake file holds, or the refusal naming what is not."""
    if not isinstance(data, list):
        raise InvalidInput([Problem("", "not_order_list", {"path": str(path)})])
    for position, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise InvalidInput([Problem("", "not_an_order", {"path": str(path), "position": position})])
    return data
