"""The real ``hotline`` command in a real terminal (tmux, 80x24), as a clerk over SSH."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hotline_tui.cli import main

HOTLINE = Path(sys.executable).with_name("hotline")
TMUX = shutil.which("tmux")
needs_tmux = pytest.mark.skipif(
    TMUX is None and not os.environ.get("CI"), reason="tmux is not installed (CI installs it)"
)


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
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


@needs_tmux
def test_the_real_command_runs_in_tmux_at_80x24(tmp_path: Path) -> None:
    db = tmp_path / "demo"
    env = {**os.environ, "HOTLINE_DB": str(db), "TEXTUAL_COLOR_SYSTEM": "standard", "TERM": "xterm-256color"}
    subprocess.run([str(HOTLINE), "demo"], env=env, check=True, capture_output=True)
    session = f"hotline-test-{os.getpid()}"
    command = f"env HOTLINE_DB={db} TEXTUAL_COLOR_SYSTEM=standard {HOTLINE}"
    tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", command)
    try:
        screen = wait_for(session, "YB")  # the queue, filled
        assert "工作台" in screen and "下一时限" in screen
        assert all(len(line) <= 80 for line in screen.splitlines())
        tmux("send-keys", "-t", session, "o")
        screen = wait_for(session, "超时")
        tmux("send-keys", "-t", session, "Enter")
        screen = wait_for(session, "工单信息")
        assert "时限" in screen
        tmux("send-keys", "-t", session, "F2")
        wait_for(session, "기록")
        tmux("send-keys", "-t", session, "F10")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and alive(session):
            time.sleep(0.2)
        assert not alive(session), "F10 did not quit"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


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
