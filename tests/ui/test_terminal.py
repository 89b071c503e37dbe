"""The real ``hotline`` command in a real terminal (tmux, 80x24), as a clerk over SSH.

The command is this checkout's code run by the test's own interpreter (CI's venv, or a
worktree's), exactly as the installed ``hotline`` script runs it: an installed copy
could be another tree's.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from rich.cells import cell_len

from hotline_core.adapters.repository import FileRepository
from hotline_core.domain.vocabulary import Action, Status
from hotline_tui.cli import main

CHECKOUT = Path(__file__).resolve().parents[2]
HOTLINE = [sys.executable, "-c", "import sys; from hotline_tui.cli import main; sys.exit(main())"]
TMUX = shutil.which("tmux")
needs_tmux = pytest.mark.skipif(
    TMUX is None and not os.environ.get("CI"), reason="tmux is not installed (CI installs it)"
)


def environment(db: Path) -> dict[str, str]:
    return {
        "PYTHONPATH": str(CHECKOUT),
        "HOTLINE_DB": str(db),
        "TEXTUAL_COLOR_SYSTEM": "standard",
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "TEXTUAL_ANIMATIONS": "none",  # a form scrolls to the focused field at once
    }


def make_demo(db: Path) -> None:
    subprocess.run([*HOTLINE, "demo"], env={**os.environ, **environment(db)}, check=True, capture_output=True)


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def alive(session: str) -> bool:
    return subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode == 0


def wait_for(session: str, text: str, seconds: float = 20.0) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


FOCUSED = ("44", "104", "47", "107")  # a focused field's background (blue) and its cursor's, in 16 colours
NOWHERE = (-1, -1, "")
ESCAPES = re.compile(r"\x1b\[[0-9;]*m")
STYLED = re.compile(r"(?:\x1b\[([0-9;]*)m)?([^\x1b]*)")


class Terminal:
    """One ``hotline`` in a tmux window of 80x24: keys in, the screen's text out."""

    def __init__(self, session: str) -> None:
        self.session = session

    def keys(self, *keys: str) -> None:
        """Each key on its own; after Tab, until the focus has moved (Textual routes a key to
        the widget focused when it arrives: typed ahead of the move, it lands in the field
        being left)."""
        for key in keys:
            before = self.focus()
            tmux("send-keys", "-t", self.session, key)
            if key in ("Tab", "BTab"):
                self.moved(before)

    def moved(self, before: tuple[int, int, str], seconds: float = 10.0) -> None:
        """Wait until another field shows the focus, and keeps it a moment (a form that
        scrolls to its next field draws a frame or two in between)."""
        deadline = time.monotonic() + seconds
        last = before
        while time.monotonic() < deadline:
            time.sleep(0.15)
            now = self.focus()
            if now == last and now not in (before, NOWHERE):
                return
            last = now
        raise AssertionError(f"the focus never left {before}")

    def focus(self) -> tuple[int, int, str]:
        """Which field shows the focus: the row, and the column (in pairs of cells, as a
        blinking cursor at its start moves it by one) of its first cell on blue, the field's
        background in 16 colours, or its cursor's; and the line above it, its
        label (a scrolled form may bring the next field to the same place). NOWHERE for none."""
        lines = tmux("capture-pane", "-e", "-p", "-t", self.session).splitlines()
        for row, line in enumerate(lines):
            column, background = 0, ""
            for codes, text in STYLED.findall(line):
                for code in codes.split(";") if codes else ():
                    if code in ("0", "49") or code.startswith(("4", "10")):
                        background = code
                if text and background in FOCUSED:
                    label = ESCAPES.sub("", lines[row - 1]) if row else ""
                    return row, column // 2, label.strip()
                column += cell_len(text)
        return NOWHERE

    def focused(self, seconds: float = 10.0) -> tuple[int, int, str]:
        """Wait until a field shows the focus."""
        deadline = time.monotonic() + seconds
        while (where := self.focus()) == NOWHERE:
            assert time.monotonic() < deadline, "no field took the focus"
            time.sleep(0.05)
        return where

    def type(self, text: str) -> None:
        tmux("send-keys", "-t", self.session, "-l", text)

    def wait(self, text: str, seconds: float = 20.0) -> str:
        return wait_for(self.session, text, seconds)

    def gone(self, text: str, seconds: float = 20.0) -> str:
        deadline = time.monotonic() + seconds
        screen = ""
        while time.monotonic() < deadline:
            screen = tmux("capture-pane", "-p", "-t", self.session)
            if text not in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never went away; the screen was:\n{screen}")

    def quit(self) -> None:
        self.keys("F10")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and alive(self.session):
            time.sleep(0.1)
        assert not alive(self.session), "F10 did not quit"


@contextmanager
def terminal(db: Path, *args: str) -> Iterator[Terminal]:
    session = f"hotline-test-{os.getpid()}-{time.monotonic_ns()}"
    command = shlex.join(["env", *(f"{k}={v}" for k, v in environment(db).items()), *HOTLINE, *args])
    tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", command)
    try:
        yield Terminal(session)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


@needs_tmux
def test_the_real_command_runs_in_tmux_at_80x24(tmp_path: Path) -> None:
    db = tmp_path / "demo"
    make_demo(db)
    with terminal(db) as term:
        screen = term.wait("YB")  # the queue, filled
        assert "工作台" in screen and "下一时限" in screen
        assert all(len(line) <= 80 for line in screen.splitlines())
        term.keys("o")
        term.wait("超时")
        term.keys("Enter")
        screen = term.wait("工单信息")
        assert "时限" in screen
        term.keys("F2")
        term.wait("기록")
        term.quit()


FORM_HINT = "Tab 切换"  # every form's last line, and only a form's
PICKER_HINT = "↑↓ 选择"  # the list of a choice


def pick_first(term: Terminal) -> None:
    """Open the focused choice's list and take its first entry."""
    term.keys("Space")
    term.wait(PICKER_HINT)
    term.keys("Enter")
    term.gone(PICKER_HINT)
    term.focused()  # back on the choice


def submit(term: Terminal, key: str = "Enter") -> None:
    term.keys(key)
    term.gone(FORM_HINT)


def open_order(term: Terminal, order_id: str) -> None:
    term.wait("工作台")
    term.keys("/")
    term.wait("查找编号")
    term.focused()  # typed before the finder has the focus, the number would go nowhere
    term.type(order_id)
    term.gone("查找编号")  # the number replaced the placeholder
    term.keys("Enter")
    term.wait(f"查找“{order_id}”：")  # the core's search (open, closed, archived) has answered
    term.keys("Enter")
    term.wait(f"工单 {order_id}")
    term.wait("可进行的操作")  # the order read: its keys work


def form(term: Terminal, key: str, title: str) -> None:
    """Press an action's key and wait for its form, its first field focused."""
    term.keys(key)
    term.wait(title)
    term.wait(FORM_HINT)
    term.focused()


@needs_tmux
def test_a_clerk_walks_an_order_from_intake_to_close_in_a_real_terminal_without_tab(tmp_path: Path) -> None:
    """Intake, sign, contact, transfer; the county's result; feedback with a picture, rating
    and close: every form typed into at once (a Tab only ever moves on to a later field)."""
    db = tmp_path / "demo"
    make_demo(db)
    picture = tmp_path / "site.jpg"
    picture.write_bytes(b"\xff\xd8\xff fake jpeg")
    with terminal(db, "--as", "wangfang") as term:  # the rights department's handler
        term.wait("YB")
        form(term, "n", "新工单受理")
        term.type("T9001")  # the order number, the first field
        term.keys("Tab", "Tab")  # the receipt time stays as prefilled (now)
        pick_first(term)  # channel
        term.keys("Tab", "Tab", "Tab")  # county and call date as they are
        pick_first(term)  # appeal type
        term.keys("Tab")
        pick_first(term)  # business area
        term.keys("Tab", "Tab", "Tab", "Tab")  # emergency, petition, confidential: no
        term.type("申请轮椅")  # the main appeal
        term.keys("Tab", "Tab")  # the reply is left to the feedback
        term.type("金某")
        term.keys("Tab")
        pick_first(term)  # gender
        term.keys("Tab")
        term.type("45")
        term.keys("Tab")
        pick_first(term)  # ethnicity
        term.keys("Tab")
        pick_first(term)  # disability
        term.keys("Tab", "Tab")
        term.type("13800001234")
        term.keys("Tab")
        term.type("延吉市河南街1号")
        submit(term, "C-s")
        open_order(term, "T9001")
        form(term, "s", "签收 · T9001")
        submit(term)
        term.wait("办理中")
        form(term, "c", "联系当事人 · T9001")
        submit(term)  # reached, the default
        form(term, "t", "转办县（市） · T9001")
        pick_first(term)  # 延吉市
        submit(term)
        term.wait("办理中 · 延吉市")
        term.quit()
    with terminal(db, "--as", "yanji01") as term:  # the county federation's clerk
        open_order(term, "T9001")
        form(term, "u", "提交办理结果 · T9001")
        term.type("已送轮椅上门")
        submit(term, "C-s")  # Enter would start a new line in the result
        term.quit()
    with terminal(db, "--as", "wangfang") as term:
        open_order(term, "T9001")
        form(term, "f", "反馈热线中心 · T9001")
        term.type("已协调送轮椅上门")
        term.keys("Tab")
        term.type(str(picture))
        submit(term)
        term.wait("已反馈")
        form(term, "v", "评价 · T9001")
        pick_first(term)  # satisfied
        submit(term)
        form(term, "k", "办结 · T9001")
        submit(term)  # solved, the default; the reply is the feedback's
        term.wait("已办结")
        term.quit()
    order = FileRepository.open(db).snapshot().order("T9001")
    assert order is not None and order.state.status is Status.CLOSED
    assert order.state.record.reply == "已协调送轮椅上门"
    assert order.state.record.citizen.phone == "13800001234"
    steps = [(e.action, e.actor) for e in order.events]
    assert (Action.SUBMIT_RESULT, "yanji01") in steps
    assert next(e for e in order.events if e.action is Action.FEEDBACK).attachments[0].name == "site.jpg"


def test_an_unknown_login_is_told_how_to_get_access_and_nothing_opens(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    db = tmp_path / "db"
    monkeypatch.setenv("HOTLINE_DB", str(db))
    monkeypatch.setattr("hotline_tui.cli.context.current_login", lambda *_: "founder")
    assert main(["init"]) == 0
    monkeypatch.setattr("hotline_tui.cli.context.current_login", lambda *_: "stranger")
    capsys.readouterr()
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "stranger" in err and "hotline users add stranger" in err
