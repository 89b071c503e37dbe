"""What a subcommand needs from its surroundings: the database folder and its settings."""

from __future__ import annotations

import argparse
import getpass
import os
from datetime import datetime
from pathlib import Path

import platformdirs

from hotline_core import services
from hotline_core.domain.calendar import SHANGHAI, WorkingCalendar
from hotline_core.domain.settings import Settings


def database_folder(args: argparse.Namespace) -> Path:
    """``--db``, else ``$HOTLINE_DB``, else the platform's user data folder."""
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


def current_login() -> str:
    """Who is acting: the login on the shared host (SPEC section 3)."""
    return getpass.getuser()


def system_now() -> datetime:
    """The system's time in Beijing: actions are never back-dated."""
    return datetime.now(SHANGHAI).replace(microsecond=0)
