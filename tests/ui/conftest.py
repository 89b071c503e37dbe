"""A real database in a temporary folder, a handler, and a fixed clock for the UI tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.organization import Person
from hotline_core.domain.vocabulary import Place, Role
from hotline_tui.app import HotlineApp
from tests.support import MINIMAL_FORM, at


class Clock:
    """The app's clock: tests move it by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def repo(tmp_path: Path) -> FileRepository:
    repository = FileRepository.open(tmp_path / "db", create=True)
    services.initialise(repository, "clerk")
    services.add_user(repository, "clerk", Person("yanji01", {Role.COUNTY_CLERK}, county=Place.YANJI))
    services.add_user(repository, "clerk", Person("auditor", {Role.VIEWER}))
    services.intake(repository, "clerk", [{**MINIMAL_FORM, "name": "金某", "phone": "13800000000"}])
    return repository


@pytest.fixture
def clock() -> Clock:
    return Clock(at("2026-11-20 16:10"))


def make_app(repo: FileRepository, clock: Clock, login: str = "clerk", language: str = "zh_CN") -> HotlineApp:
    person = services.identify(repo.snapshot(), login)
    return HotlineApp(repo, person, clock, language)


async def settle(pilot: Pilot) -> None:
    """Let workers finish and the screen redraw: never sleep."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def screen_text(app: HotlineApp) -> str:
    """Everything the current screen shows, as plain text."""
    from textual.widgets import DataTable, OptionList, Static

    parts: list[str] = []
    for widget in app.screen.query("*"):
        if isinstance(widget, Static):
            parts.append(str(widget.render()))
        elif isinstance(widget, OptionList):
            parts.extend(str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count))
        elif isinstance(widget, DataTable):
            for row in range(widget.row_count):
                parts.append(" ".join(str(c) for c in widget.get_row_at(row)))
    return "\n".join(parts)
