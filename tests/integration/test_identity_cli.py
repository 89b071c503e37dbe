"""The acting login comes from the system; ``--as`` only on a demo database."""

from __future__ import annotations

import os
import pwd

import pytest

from hotline_tui.cli import main


@pytest.fixture
def real_db(tmp_path, monkeypatch):
    monkeypatch.setenv("HOTLINE_DB", str(tmp_path / "db"))
    assert main(["init"]) == 0
    return tmp_path / "db"


def test_logname_and_user_do_not_change_who_acts(real_db, monkeypatch, capsys) -> None:
    me = pwd.getpwuid(os.getuid()).pw_name
    monkeypatch.setenv("LOGNAME", "someone-else")
    monkeypatch.setenv("USER", "someone-else")
    capsys.readouterr()
    assert main(["users", "list", "--json"]) == 0
    assert f'"login": "{me}"' in capsys.readouterr().out
    assert main(["users", "add", "someone-else", "viewer"]) == 0  # acted as me, the founder


def test_as_is_refused_on_a_real_database_with_one_line(real_db, capsys) -> None:
    capsys.readouterr()
    assert main(["--as", "intruder", "users", "add", "x", "viewer"]) == 2
    err = capsys.readouterr().err
    assert "--as" in err and err.count("\n") == 1


def test_as_picks_the_login_on_a_demo_database(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("HOTLINE_DB", str(tmp_path / "demo"))
    assert main(["demo"]) == 0
    capsys.readouterr()
    assert main(["--as", "stranger", "users", "add", "x", "viewer"]) == 2
    assert "stranger" in capsys.readouterr().err
