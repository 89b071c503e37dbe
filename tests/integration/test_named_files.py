"""A file a person names is opened with that person's rights, and never hangs (docs/security.md).

Through the sudo rule ``hotline`` runs as the service account for a clerk (``SUDO_UID``). Tests
cannot switch users: here the process plays the service account (it owns the database folder)
and ``SUDO_UID`` names 65534 (nobody), whose rights exclude a 0600 file of this account."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from hotline_core import services
from hotline_core.adapters.named_files import READ_LIMIT, Account, NamedFiles
from hotline_core.domain.problems import InvalidInput
from tests.support import MINIMAL_FORM, at, push
from tests.unit.services.test_queue_start import order

JPEG = b"\xff\xd8\xff\xe0 a feedback picture"
NOBODY = 65534


def within(seconds: float, call: Callable[[], object]) -> object:
    """``call()``, failing the test when it has not returned in ``seconds``: a read waiting on a
    pipe for ever fails here instead of hanging the suite."""
    done: dict[str, object] = {}

    def run() -> None:
        try:
            done["value"] = call()
        except BaseException as error:
            done["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "still waiting after the time: a pipe was opened and read"
    if "error" in done:
        raise done["error"]  # type: ignore[misc]
    return done["value"]


@pytest.fixture
def pipes(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Named pipes (``mkfifo``) no one writes to; a reader left waiting is let go afterwards."""
    made: list[Path] = []

    def make(name: str) -> Path:
        path = tmp_path / name
        os.mkfifo(path)
        made.append(path)
        return path

    yield make
    for path in made:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))  # ends a read that waits
        except OSError as error:
            assert error.errno == errno.ENXIO  # no reader: nothing waits


@pytest.fixture
def handling(cli, tmp_path: Path):
    """A1 signed and contacted: feedback with a picture may be given."""
    cli("init")
    assert cli("intake", push(tmp_path, MINIMAL_FORM))[0] == 0
    assert cli("act", "A1", "sign")[0] == 0 and cli("act", "A1", "contact")[0] == 0
    return cli


def _stored(cli) -> list[Path]:
    folder = cli.folder / "attachments"
    return [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []


def _orders(cli) -> list[str]:
    code, rows, _ = cli("list", "--json")
    assert code == 0
    return [row["id"] for row in rows]


# -- pipes and devices: refused at once --------------------------------------------------------


def test_a_pipe_named_as_an_intake_file_is_refused_at_once(cli, pipes) -> None:
    cli("init")
    code, _, err = within(10, lambda: cli("intake", str(pipes("orders.json"))))
    assert code == 2 and "不是普通文件" in err and "orders.json" in err and "Traceback" not in err
    assert _orders(cli) == []


def test_a_pipe_named_as_an_attachment_is_refused_at_once_and_nothing_is_stored(handling, pipes) -> None:
    photo = pipes("photo.jpg")
    code, _, err = within(10, lambda: handling("act", "A1", "feedback", "text=已办理", f"attach={photo}"))
    assert code == 2 and "附件" in err and "不是普通文件" in err
    assert _stored(handling) == []


def test_a_pipe_named_as_a_platform_export_or_its_mapping_is_refused_at_once(cli, pipes, tmp_path) -> None:
    cli("init")
    code, _, err = within(10, lambda: cli("exchange", "pull", str(pipes("export.csv"))))
    assert code == 2 and "不是普通文件" in err
    export = tmp_path / "real.csv"
    export.write_text("办件编号\n", encoding="utf-8")
    mapping = pipes("mapping.json")
    code, _, err = within(10, lambda: cli("exchange", "pull", str(export), "--mapping", str(mapping)))
    assert code == 2 and "不是普通文件" in err


def test_a_pipe_named_as_a_knowledge_workbook_or_a_scenario_is_refused_at_once(cli, pipes) -> None:
    cli("init")
    code, _, err = within(10, lambda: cli("kb", "import", str(pipes("base.xlsx"))))
    assert code == 2 and "不是普通文件" in err
    code, _, err = within(10, lambda: cli("simulate", str(pipes("scenario.json"))))
    assert code == 2 and "不是普通文件" in err


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/stdin", "/dev/null"])
def test_a_device_is_neither_taken_in_nor_attached(handling, device) -> None:
    code, _, err = within(10, lambda: handling("intake", device))
    assert code == 2 and "不是普通文件" in err
    code, _, err = within(10, lambda: handling("act", "A1", "feedback", "text=已办理", f"attach={device}"))
    assert code == 2 and "不是普通文件" in err and _stored(handling) == []


def test_a_pipe_or_a_link_is_never_written_over_by_an_export(cli, pipes, tmp_path) -> None:
    cli("init")
    victim = tmp_path / "victim.txt"
    victim.write_text("mine", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(victim)
    for argv in (
        ("report", "quarterly", "--period", "2026", "--output", str(pipes("report.csv"))),
        ("report", "quarterly", "--period", "2026", "--output", str(link)),
        ("kb", "export", str(link)),
    ):
        code, _, err = within(10, lambda a=argv: cli(*a))
        assert code == 2 and "不是普通文件" in err, argv
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == "mine"


# -- through sudo: the clerk's rights, not the service account's -------------------------------


@pytest.fixture
def through_sudo(monkeypatch):
    """The process plays the service account (it owns the database folder) started by sudo
    for the account 65534, which may read only what 'others' may."""
    if os.getuid() == NOBODY:
        pytest.skip("the test must not run as the account it pretends to act for")
    monkeypatch.setenv("SUDO_UID", str(NOBODY))


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder every account may enter (0755, this account's), outside pytest's private
    folders (0700): where a clerk's files are."""
    folder = Path(tempfile.mkdtemp(prefix="hotline-named-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_through_sudo_a_file_only_the_service_account_may_read_is_not_taken_in(
    cli, through_sudo, shared
) -> None:
    cli("init")
    private = shared / "push.json"
    private.write_text(json.dumps([MINIMAL_FORM], ensure_ascii=False), encoding="utf-8")
    private.chmod(0o600)
    code, _, err = cli("intake", str(private))
    assert code == 2 and "无权读取" in err and "push.json" in err
    assert _orders(cli) == []
    private.chmod(0o644)  # the clerk may read it: then it is taken in
    assert cli("intake", str(private))[0] == 0 and _orders(cli) == ["A1"]


def test_through_sudo_a_picture_the_clerk_may_not_read_is_not_attached(
    handling, through_sudo, shared
) -> None:
    private = shared / "photo.jpg"
    private.write_bytes(JPEG)
    private.chmod(0o600)
    hidden = shared / "hidden"
    hidden.mkdir(mode=0o700)  # readable picture, in a folder the clerk may not enter
    (hidden / "photo.jpg").write_bytes(JPEG)
    (hidden / "photo.jpg").chmod(0o644)
    for picture in (private, hidden / "photo.jpg"):
        code, _, err = handling("act", "A1", "feedback", "text=已办理", f"attach={picture}")
        assert code == 2 and "附件" in err and "无权读取" in err, picture
    assert _stored(handling) == []
    private.chmod(0o644)
    assert handling("act", "A1", "feedback", "text=已办理", f"attach={private}")[0] == 0
    assert len(_stored(handling)) == 1


def test_through_sudo_an_export_goes_only_where_the_clerk_may_write(cli, through_sudo, shared) -> None:
    cli("init")
    closed = shared / "closed"
    closed.mkdir(mode=0o755)  # the service account may write here; the clerk may not
    linked = shared / "linked"
    linked.symlink_to(closed, target_is_directory=True)
    for target in (closed / "q.json", linked / "q.json", closed / "kb.json"):
        argv = ("kb", "export") if target.name == "kb.json" else ("report", "quarterly", "--period", "2026")
        code, _, err = cli(*argv, *(["--output"] if argv[0] == "report" else []), str(target))
        assert code == 2 and "无权写入" in err, target
    assert list(closed.iterdir()) == []
    open_to_all = shared / "outbox"
    open_to_all.mkdir()
    open_to_all.chmod(0o777)
    code, _, _ = cli("report", "quarterly", "--period", "2026", "--output", str(open_to_all / "q.json"))
    assert code == 0 and (open_to_all / "q.json").is_file()


def test_through_sudo_a_backup_goes_only_where_the_administrator_may_write(cli, through_sudo, shared) -> None:
    cli("init")
    code, _, err = cli("backup", "--to", str(shared / "backups"))
    assert code == 2 and "无权写入" in err and not (shared / "backups").exists()


# -- the adapter itself ------------------------------------------------------------------------


def test_no_walk_passes_through_the_database_folder_even_by_a_link_above_the_file(tmp_path) -> None:
    database = tmp_path / "db"
    database.mkdir()
    (database / "chain.key").write_bytes(b"secret")
    door = tmp_path / "door"
    door.symlink_to(database, target_is_directory=True)
    files = NamedFiles(database)
    with pytest.raises(InvalidInput) as refused:
        files.read(door / "chain.key", "attach")
    assert refused.value.problems[0].code == "inside_database"
    with pytest.raises(InvalidInput) as refused:
        files.write(door / "working.json", "output", lambda stream: stream.write(b"{}"))
    assert refused.value.problems[0].code == "inside_database"
    assert sorted(p.name for p in database.iterdir()) == ["chain.key"]


def test_a_file_over_the_limit_is_refused_naming_both_sizes(tmp_path) -> None:
    big = tmp_path / "export.csv"
    big.write_bytes(b"x" * 2_000_001)
    with pytest.raises(InvalidInput) as refused:
        NamedFiles().read(big, "file", limit=1_000_000)
    assert refused.value.problems[0].message("en") == f"file: {big}: too large (2.0 MB, at most 1 MB)"


def test_acting_for_another_account_a_file_in_a_sticky_folder_must_be_its_own(shared) -> None:
    sticky = shared / "tmp"
    sticky.mkdir()
    sticky.chmod(0o1777)
    theirs = sticky / "report.json"
    theirs.write_bytes(b"someone else's")
    files = NamedFiles(None, Account(NOBODY))
    with pytest.raises(InvalidInput) as refused:
        files.write(theirs, "output", lambda stream: stream.write(b"{}"))
    assert refused.value.problems[0].code == "not_yours_to_write"
    assert theirs.read_bytes() == b"someone else's"


def test_through_sudo_home_is_the_clerks_not_the_service_accounts(cli, through_sudo) -> None:
    """sudo sets HOME to the service account's: the screens' default folders and a typed ``~``
    must be the clerk's, where the clerk may write."""
    import pwd

    from hotline_tui.cli import context

    cli("init")
    clerks = Path(pwd.getpwuid(NOBODY).pw_dir)
    assert context.home_of(cli.folder) == clerks != Path.home()
    assert context.expand(cli.folder, Path("~/prints/A1.pdf")) == clerks / "prints" / "A1.pdf"


def test_the_edge_hands_the_clerks_uid_and_groups_through_sudo_and_nothing_otherwise(
    tmp_path, monkeypatch
) -> None:
    from hotline_tui.cli import context

    monkeypatch.delenv("SUDO_UID", raising=False)
    assert context.named_files(tmp_path) == NamedFiles(tmp_path)  # itself: the kernel checks
    monkeypatch.setenv("SUDO_UID", str(NOBODY))
    acting = context.named_files(tmp_path).acting
    assert acting is not None and acting.uid == NOBODY
    assert os.getgid() in context.groups_of(os.getuid())


class _SwappedAfterTheCheck(NamedFiles):
    """The acting person's rights, and a person who puts a link to ``other`` in place of the
    backup they named as soon as it has been checked (opened) once."""

    other: Path | None = None

    def open(self, path: Path, field: str, limit: int = READ_LIMIT) -> BinaryIO:
        handle = super().open(path, field, limit)
        if self.other is not None and not path.is_symlink():
            path.unlink()
            path.symlink_to(self.other)
        return handle


def test_a_backup_swapped_for_a_link_after_its_check_is_not_restored(shared, tmp_path) -> None:
    """A clerk's own backup passes the check; a link put in its place right after, to a backup
    only the service account may read (another database's), must not be what is restored."""
    made = {}
    for name in ("mine", "secret"):
        repo = services.open_database(tmp_path / name, create=True)
        services.initialise(repo, "clerk", at("2026-07-01 09:00"))
        with repo.transaction() as session:
            session.put_order(order(1 if name == "mine" else 2, received_minutes_ago=5))
        made[name] = repo.backup(tmp_path / f"{name}-backups", compress=True)
    named = shared / "backup.tar.gz"
    shutil.copy(made["mine"], named)
    named.chmod(0o644)
    made["secret"].chmod(0o600)  # the service account's own: 'others' may not read it
    target = tmp_path / "restored"
    files = _SwappedAfterTheCheck(target, Account(NOBODY))
    object.__setattr__(files, "other", made["secret"])
    with pytest.raises(InvalidInput) as refused:
        services.restore(named, target, "clerk", files=files)
    assert refused.value.problems[0].code == "not_regular_file"
    assert not (target / "working.json").exists()


class _FolderSwappedAfterTheCheck(NamedFiles):
    """The acting person's rights, and a person who, as soon as the folder they named has been
    checked (opened), moves it to ``moved`` and puts a link to ``other`` in its place."""

    moved: Path | None = None
    other: Path | None = None

    def folder(self, path: Path, field: str) -> int:
        fd = super().folder(path, field)
        if self.moved is not None and self.other is not None:
            path.rename(self.moved)
            path.symlink_to(self.other, target_is_directory=True)
        return fd


def test_a_backup_target_swapped_for_a_link_after_its_check_gets_nothing(shared, tmp_path) -> None:
    """The administrator's folder passes the check; a link put in its place right after, to a
    folder only the service account may write, must not receive the backup."""
    repo = services.open_database(tmp_path / "db", create=True)
    services.initialise(repo, "clerk", at("2026-07-01 09:00"))
    theirs = shared / "backups"
    theirs.mkdir()
    theirs.chmod(0o777)
    closed = tmp_path / "service-only"
    closed.mkdir(mode=0o700)
    files = _FolderSwappedAfterTheCheck(repo.folder, Account(NOBODY))
    object.__setattr__(files, "moved", shared / "moved")
    object.__setattr__(files, "other", closed)
    made = services.backup(repo, "clerk", theirs, at("2026-07-01 10:00"), files=files)
    assert list(closed.iterdir()) == []
    assert [p.name for p in (shared / "moved").iterdir()] == [made.name]


@pytest.mark.parametrize("kind", ["read", "write", "outside"])
def test_a_path_with_a_nul_character_is_refused_in_words_not_with_a_traceback(
    tmp_path: Path, kind: str
) -> None:
    from hotline_core.adapters.memory import MemoryRepository
    from hotline_core.adapters.named_files import ITSELF
    from hotline_core.domain.problems import InvalidInput
    from hotline_core.services.access import outside_database

    bad = tmp_path / "photo\x00.jpg"
    with pytest.raises(InvalidInput) as refused:
        if kind == "read":
            ITSELF.read(bad, "image")
        elif kind == "write":
            ITSELF.write(bad, "path", lambda stream: stream.write(b"x"))
        else:
            outside_database(MemoryRepository(tmp_path / "db"), bad, "path")
    assert [p.code for p in refused.value.problems] == ["path_has_nul"]
    assert "photo\\0.jpg" in refused.value.messages("en")[0]
