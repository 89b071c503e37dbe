"""Every screen and every dialog at 80x24, in Chinese, Korean and English: SVG snapshots.

The demo database at a frozen moment, the login ``clerk`` (handler, leader, administrator and
viewer: every key is on offer somewhere), a fixed home folder, no blinking cursor: the same
picture on every run. Each action's form is opened on the first demo order that offers it.

After changing a screen or a dialog, regenerate the pictures, look at the changed ones
(``tests/ui/__snapshots__/test_snapshots/*.svg`` open in a browser), and commit them::

    PYTHONPATH=$PWD pytest tests/ui/test_snapshots.py --snapshot-update -p no:cacheprovider -n 2

A failing run writes ``snapshot_report.html`` showing each difference side by side.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from hotline_core import services
from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.lifecycle import available_actions
from hotline_core.domain.vocabulary import Action
from hotline_tui.app import HotlineApp
from hotline_tui.screens.order import OrderScreen
from tests.ui.conftest import settle

NOW = datetime.fromisoformat("2026-11-20T16:10:00+08:00")
LANGUAGES = ("zh_CN", "ko", "en")
Step = str | Callable[[Pilot], Awaitable[None]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> FileRepository:
    repo = FileRepository.open(tmp_path_factory.mktemp("snapshots") / "db", create=True)
    services.create_demo(repo, "clerk", NOW)
    return repo


@pytest.fixture(autouse=True)
def same_home(monkeypatch: pytest.MonkeyPatch) -> None:
    """The export form proposes a file in the home folder: the same folder on every machine."""
    monkeypatch.setenv("HOME", "/home/clerk")


def first_offering(repo: FileRepository, action: Action) -> str:
    person = services.identify(repo.snapshot(), LOGINS.get(action, "clerk"))
    orders = sorted(services.visible_orders(repo.snapshot(), person), key=lambda o: o.id)
    return next(o.id for o in orders if action in available_actions(o, person))


def open_order(order_id: str) -> Step:
    async def step(pilot: Pilot) -> None:
        await pilot.app.push_screen(OrderScreen(order_id))

    return step


def act(action: Action) -> Step:
    async def step(pilot: Pilot) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, OrderScreen)
        screen.action_act(action.value)

    return step


async def still_cursors(pilot: Pilot) -> None:
    """A blinking cursor would be on in one picture and off in the next."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False


# The screens and the dialogs that are not an action's form: the steps that open each.
SCENES: dict[str, list[Step]] = {
    "queue": [],
    "order": ["enter"],
    "alerts": ["f3"],
    "reports": ["f4"],
    "reports_assessment": ["f4", "3"],
    "knowledge": ["f5"],
    "help": ["f1"],
    "palette": ["enter", "ctrl+p"],
    "find": ["slash"],
    "intake": ["n"],
    "action_menu": ["enter", "a"],
    "export": ["f4", "x"],
    "kb_new": ["f5", "n"],
}
OFFERED = [action for action in Action if action not in (Action.RECEIVE, Action.TELL_EXTENSION)]
# Who is shown an action's form: the clerk, but for what only a county's clerk does (issue 18:
# a county's own order escalated to the prefecture).
LOGINS: dict[Action, str] = {Action.ESCALATE: "dunhua01"}


def login_for(name: str) -> str:
    if name in SCENES:
        return "clerk"
    return LOGINS.get(Action(name.removeprefix("act_")), "clerk")


def scenes() -> list[tuple[str, str]]:
    names = [*SCENES, *(f"act_{action.value}" for action in OFFERED)]
    return [(language, name) for language in LANGUAGES for name in names]


def steps_for(repo: FileRepository, name: str) -> list[Step]:
    if name in SCENES:
        return SCENES[name]
    action = Action(name.removeprefix("act_"))
    return [open_order(first_offering(repo, action)), act(action)]


@pytest.mark.parametrize(("language", "name"), scenes())
def test_snapshot(snap_compare, demo: FileRepository, language: str, name: str) -> None:
    app = HotlineApp(demo, services.identify(demo.snapshot(), login_for(name)), lambda: NOW, language)

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        for step in steps_for(demo, name):
            if isinstance(step, str):
                await pilot.press(step)
            else:
                await step(pilot)
            await settle(pilot)
        if name == "palette":
            await pilot.pause(0.6)  # the palette lists its commands after a short wait
            await settle(pilot)
        await still_cursors(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_every_action_with_a_form_is_offered_by_some_demo_order(demo: FileRepository) -> None:
    """Otherwise its form would have no picture: the demo must keep offering each one."""
    for action in OFFERED:
        assert first_offering(demo, action)
