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


def _through_sudo(monkeypatch) -> None:
    """As the sudo rule starts it: running as this account, for another one."""
    monkeypatch.setenv("SUDO_UID", str(os.getuid() + 1000))


def test_through_sudo_no_option_may_point_the_service_account_at_another_database(
    tmp_path, monkeypatch, capsys
) -> None:
    fake = tmp_path / "fake"
    assert main(["demo", "--db", str(fake)]) == 0  # a clerk's own demo, where --as works
    monkeypatch.setenv("HOTLINE_DB", str(tmp_path / "real"))
    assert main(["init"]) == 0
    _through_sudo(monkeypatch)
    capsys.readouterr()
    target = tmp_path / "real" / "working.json"
    before = target.read_bytes()

    code = main(["--db", str(fake), "report", "quarterly", "--period", "2026Q3", "--output", str(target)])
    assert code == 2 and "--db" in capsys.readouterr().err
    assert main(["--as", "lizhuren", "users", "list"]) == 2
    assert "--as" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_through_sudo_a_damaged_database_is_not_restored_over(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("HOTLINE_DB", str(tmp_path / "real"))
    assert main(["init"]) == 0
    assert main(["backup", "--to", str(tmp_path / "backups")]) == 0
    (backup,) = (tmp_path / "backups").iterdir()
    working = tmp_path / "real" / "working.json"
    working.write_text("damaged", encoding="utf-8")
    _through_sudo(monkeypatch)
    capsys.readouterr()

    assert main(["restore", str(backup), "--replace"]) == 2
    assert "root" in capsys.readouterr().err and working.read_text(encoding="utf-8") == "damaged"

    monkeypatch.delenv("SUDO_UID")  # the service account itself may
    assert main(["restore", str(backup), "--replace"]) == 0
