"""Honest under faults (issue 14.4): a command that fails has stored nothing, and reading still works.

Write errors are injected at every write, fsync and rename a command makes
(the disk filling up at that moment); as root, a real tiny tmpfs is filled.
Each failing command prints one line and the database is as before: no
event added twice on a retry, ``show`` and ``check`` still work.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from hotline_tui.cli import main

    folder = tmp_path_factory.mktemp("demo") / "db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("hotline_tui.cli.context.current_login", lambda *_: "founder")
        assert main(["demo", "--db", str(folder), "--json"]) == 0
    return folder


def _fresh(pristine: Path, cli) -> str:
    shutil.copytree(pristine, cli.folder)
    (order,) = [k for k in _order_ids(cli) if k.endswith("0001")]
    return order


def _order_ids(cli) -> list[str]:
    from hotline_core.adapters.repository import FileRepository

    return FileRepository.open(Path(os.environ["HOTLINE_DB"])).snapshot().order_ids()


def _events(cli, order: str) -> int:
    code, shown, err = cli("show", order, "--json")
    assert code == 0, err
    return len(shown["events"])


def _failing(name: str, at: int) -> Callable[..., Any]:
    real = getattr(os, name)
    calls = {"n": 0}

    def call(*args: Any, **kwargs: Any) -> Any:
        if name == "write" and args[0] <= 2:  # the terminal, not a file
            return real(*args, **kwargs)
        calls["n"] += 1
        if calls["n"] == at:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/srv/hotline/working.json")
        return real(*args, **kwargs)

    call.calls = calls  # type: ignore[attr-defined]
    return call


def _with(name: str, at: int, run: Callable[[], Any]) -> tuple[Any, int]:
    """``run()`` with the ``at``-th call of ``os.<name>`` failing as on a full disk; and the calls made."""
    failing = _failing(name, at)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, name, failing)
        result = run()
    return result, failing.calls["n"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["write", "fsync", "replace"])
def test_a_full_disk_at_any_step_of_an_action_stores_nothing_or_says_what_it_stored(
    pristine: Path, cli, name: str
) -> None:
    order = _fresh(pristine, cli)
    (code, _, _), steps = _with(name, -1, lambda: cli("act", order, "sign"))
    assert code == 0 and steps > 0
    for at in range(1, steps + 1):
        shutil.rmtree(cli.folder)
        _fresh(pristine, cli)
        before = _events(cli, order)
        (code, _, err), _ = _with(name, at, lambda: cli("act", order, "sign"))
        assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1, (at, err)
        committed = "journal" in err  # "the change is saved in the journal ..."
        assert ("磁盘已满" in err) != committed, err
        assert _events(cli, order) == before + (1 if committed else 0), (at, err)
        assert cli("check")[0] == 0, (at, cli("check"))
        if not committed:
            assert cli("act", order, "sign")[0] == 0 and _events(cli, order) == before + 1


@pytest.mark.parametrize("name", ["write", "fsync", "replace"])
def test_intake_on_a_full_disk_at_any_step_stores_nothing_and_a_retry_adds_each_order_once(
    pristine: Path, cli, tmp_path: Path, name: str
) -> None:
    from tests.support import MINIMAL_FORM, push

    pushed = push(tmp_path, {**MINIMAL_FORM, "id": "NEW1"}, {**MINIMAL_FORM, "id": "NEW2"})
    _fresh(pristine, cli)
    (code, _, _), steps = _with(name, -1, lambda: cli("intake", pushed))
    assert code == 0 and steps > 0
    for at in range(1, steps + 1):
        shutil.rmtree(cli.folder)
        _fresh(pristine, cli)
        orders = len(_order_ids(cli))
        (code, _, err), _ = _with(name, at, lambda: cli("intake", pushed))
        assert code == 2 and _one_line(err), (at, err)
        committed = 2 if "journal" in err else 0
        assert len(_order_ids(cli)) == orders + committed and cli("check")[0] == 0, (at, err)
        assert cli("intake", pushed)[0] == 0 and len(_order_ids(cli)) == orders + 2


def _one_line(err: str) -> bool:
    return "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"mount not permitted here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_on_a_really_full_disk_actions_fail_in_one_line_and_reading_still_works(
    pristine: Path, tiny_disk: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tiny_disk / "db"
    shutil.copytree(pristine, folder)
    monkeypatch.setenv("HOTLINE_DB", str(folder))
    (order,) = [k for k in _order_ids(cli) if k.endswith("0001")]
    filler = tiny_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 1024):
            pass
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    journal = (folder / "journal.jsonl").read_bytes()
    code, _, err = cli("act", order, "sign")
    assert code == 2 and "磁盘已满" in err and "Traceback" not in err
    assert (folder / "journal.jsonl").read_bytes() == journal
    assert _events(cli, order) == 1 and cli("check")[0] == 0
    assert cli("report", "quarterly", "--period", "2026Q4", "--json")[0] == 0
    filler.unlink()
    assert cli("act", order, "sign")[0] == 0 and _events(cli, order) == 2


def test_a_read_only_copy_can_be_shown_listed_and_checked(
    pristine: Path, tiny_disk: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tiny_disk / "db"
    shutil.copytree(pristine, folder)
    (folder / "lock").unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    monkeypatch.setenv("HOTLINE_DB", str(folder))
    (order,) = [k for k in _order_ids(cli) if k.endswith("0001")]
    assert _events(cli, order) == 1 and cli("check")[0] == 0
    assert cli("report", "quarterly", "--period", "2026Q4", "--json")[0] == 0
    code, _, err = cli("act", order, "sign")
    assert code == 2 and "只读" in err and "Traceback" not in err


def test_where_the_access_log_cannot_be_written_an_order_is_shown_masked(
    pristine: Path, tiny_disk: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tiny_disk / "db"
    shutil.copytree(pristine, folder)
    monkeypatch.setenv("HOTLINE_DB", str(folder))
    (order,) = [k for k in _order_ids(cli) if k.endswith("0001")]
    code, whole, _ = cli("show", order, "--json")
    phone = whole["record"]["citizen"]["phone"]
    assert code == 0 and "*" not in phone
    (folder / "lock").unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)

    code, shown, _ = cli("show", order, "--json")

    assert (
        code == 0
        and shown["record"]["citizen"]["phone"] != phone
        and "*" in shown["record"]["citizen"]["phone"]
    )
