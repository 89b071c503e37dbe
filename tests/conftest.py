"""Shared fixtures: orders built through the lifecycle, the ``hotline`` command on a temporary database."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from hotline_core.domain.intake import parse_order
from hotline_core.domain.lifecycle import receive
from tests.support import COMPLETE_FORM, SHANGHAI, Story


@pytest.fixture
def story() -> Callable[..., Story]:
    def make(form: dict[str, Any] | None = None, **changes: Any) -> Story:
        if "received_at" in changes and "call_date" not in changes:  # the call comes before receipt
            received = datetime.fromisoformat(changes["received_at"]).astimezone(SHANGHAI)
            changes["call_date"] = received.date().isoformat()
        record = parse_order({**(form or COMPLETE_FORM), **changes})
        return Story(receive(record), record.received_at)

    return make


@pytest.fixture
def cli(tmp_path: Path, monkeypatch, capsys):
    """Run the ``hotline`` command as a given login on a database in a temporary folder."""
    from hotline_tui.cli import main  # imported here: the unit tests never load the command line

    monkeypatch.setenv("HOTLINE_DB", str(tmp_path / "db"))
    state = {"login": "founder"}
    monkeypatch.setattr("hotline_tui.cli.context.current_login", lambda *_: state["login"])

    def run(*argv: str, login: str = "founder") -> tuple[int, object, str]:
        state["login"] = login
        code = main(list(argv))
        out, err = capsys.readouterr()
        try:
            return code, json.loads(out), err
        except json.JSONDecodeError:
            return code, out, err

    run.folder = tmp_path / "db"  # type: ignore[attr-defined]
    return run
