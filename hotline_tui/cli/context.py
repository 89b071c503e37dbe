"""What a subcommand needs from its surroundings: the database folder and its settings."""

from __future__ import annotations

import argparse
import os
import pwd
from datetime import datetime
from pathlib import Path

import platformdirs

from hotline_core import services
from hotline_core.domain.calendar import SHANGHAI, WorkingCalendar
from hotline_core.domain.problems import refuse
from hotline_core.domain.settings import Settings
from hotline_core.services.named import Account, NamedFiles


def delegated() -> bool:
    """Whether this process acts for another account: started through sudo (the sudo rule of
    operations.md) and running as the account sudo switched to. Then the database is the one
    the administrator's wrapper names, and no option may point the service account elsewhere."""
    sudo_uid = _sudo_uid()
    return sudo_uid is not None and os.getuid() == os.geteuid() != sudo_uid


def database_folder(args: argparse.Namespace) -> Path:
    """``--db``, else ``$HOTLINE_DB``, else the platform's user data folder.

    Through sudo, ``--db`` is refused: a clerk could otherwise have the service account
    write a report over the real database's files from a demo database of their own."""
    if args.db and delegated():
        raise refuse("fixed_under_sudo", "db", option="--db")
    chosen = args.db or os.environ.get("HOTLINE_DB")
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir("hotline", appauthor=False)) / "db"


def settings_for(args: argparse.Namespace) -> Settings:
    """This database's settings (calendar overrides, policy versions ...), or the defaults
    when there is no database: the time commands work without one."""
    if not (database_folder(args) / "working.json").exists():
        return Settings(calendar=WorkingCalendar.default())
    return open_repository(args).snapshot().settings()


def calendar_for(args: argparse.Namespace) -> WorkingCalendar:
    """The working calendar with the administrator's overrides of this database, if any."""
    return settings_for(args).calendar


def open_repository(args: argparse.Namespace, create: bool = False) -> services.FileRepository:
    return services.open_database(database_folder(args), create=create)


def acting_uid(real_uid: int, effective_uid: int, folder_owner: int, sudo_uid: int | None) -> int:
    """Whose account is acting (SPEC section 3), from facts the kernel vouches for.

    Run through the sudo rule, the process is the service account that owns the data
    folder, and sudo names the clerk in ``SUDO_UID``: that variable is believed only
    then, because only sudo (or the service account itself, which owns the files
    anyway) can start a process as the folder's owner. Otherwise the real user id
    acts; ``LOGNAME``, ``USER`` and every other variable change nothing.
    """
    as_service = real_uid == effective_uid == folder_owner
    if as_service and sudo_uid is not None and sudo_uid != real_uid:
        return sudo_uid
    return real_uid


def folder_owner(folder: Path) -> int:
    """The owner of the database folder, or of its nearest existing parent (before ``init``)."""
    for candidate in (folder, *folder.parents):
        try:
            return candidate.stat().st_uid
        except OSError:
            continue
    return -1


def named_files(folder: Path) -> NamedFiles:
    """How the files a person names are opened, for the database in ``folder``: with the
    rights of the acting account when the process acts for another (through the sudo rule,
    the clerk's, not the service account's), else with the process's own (the kernel checks);
    never inside ``folder``. Decided here, where the acting account is known, and handed to
    every use case that reads or writes such a file."""
    uid = acting_uid(os.getuid(), os.geteuid(), folder_owner(folder), _sudo_uid())
    if uid == os.getuid():
        return NamedFiles(folder)
    return NamedFiles(folder, Account(uid, groups_of(uid)))


def home_of(folder: Path) -> Path:
    """The acting person's home folder, where the screens offer to put prints and exports:
    through the sudo rule the clerk's (sudo sets ``HOME`` to the service account's, a folder
    the clerk may not write), else this process's."""
    uid = acting_uid(os.getuid(), os.geteuid(), folder_owner(folder), _sudo_uid())
    if uid != os.getuid():
        try:
            return Path(pwd.getpwuid(uid).pw_dir)
        except KeyError:
            return Path("/nonexistent")  # an account without a name has no home to write into
    return Path.home()


def expand(folder: Path, path: Path) -> Path:
    """``path`` with a leading ``~`` meaning the acting person's home (:func:`home_of`)."""
    if path.parts and path.parts[0] == "~":
        return home_of(folder).joinpath(*path.parts[1:])
    return path


def files_for(args: argparse.Namespace) -> NamedFiles:
    """:func:`named_files` for this command's database."""
    return named_files(database_folder(args))


def groups_of(uid: int) -> frozenset[int]:
    """Every group ``uid`` is in, from the system's user and group databases (its primary
    group and the others); none for an account without a name, which only 'other' bits admit."""
    try:
        entry = pwd.getpwuid(uid)
    except KeyError:
        return frozenset()
    return frozenset(os.getgrouplist(entry.pw_name, entry.pw_gid))


def _sudo_uid() -> int | None:
    text = os.environ.get("SUDO_UID", "")
    return int(text) if text.isdecimal() else None


def current_login(folder: Path) -> str:
    """The operating system's login acting on the database in ``folder`` (SPEC section 3)."""
    uid = acting_uid(os.getuid(), os.geteuid(), folder_owner(folder), _sudo_uid())
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid:{uid}"  # an account without a name is nobody's login: it is not a user


def acting_login(args: argparse.Namespace) -> str:
    """Who acts for this command: the OS login, or on a demo database the tester's ``--as``."""
    folder = database_folder(args)
    chosen = getattr(args, "as_login", None)
    if chosen is None:
        return current_login(folder)
    if delegated():
        raise refuse("fixed_under_sudo", "as", option="--as")
    repo = open_repository(args)
    if not repo.snapshot().settings().demo:
        raise refuse("as_not_demo", path=str(folder))
    return str(chosen)


def system_now() -> datetime:
    """The system's time in Beijing: actions are never back-dated."""
    return datetime.now(SHANGHAI).replace(microsecond=0)


def outside_database(args: argparse.Namespace, path: Path, field: str = "file") -> Path:
    """A file a person names (to read or to write), refused when it is in the database folder.

    Through the sudo rule ``hotline`` runs as the service account, which may write every
    file of the database: an export aimed at ``working.json`` (or a symlink to it), or
    ``attach=journal.jsonl``, would let a clerk overwrite or copy what they may not touch.
    """
    folder = database_folder(args)
    return services.outside_folder(folder, expand(folder, path), field)
