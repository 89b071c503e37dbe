"""What a subcommand needs from its surroundings: the database folder and its settings."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import platformdirs

from hotline_core.calendar import WorkingCalendar


def database_folder(args: argparse.Namespace) -> Path:
    """``--db``, else ``$HOTLINE_DB``, else the platform's user data folder."""
    chosen = args.db or os.environ.get("HOTLINE_DB")
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir("hotline", appauthor=False)) / "db"


def calendar_for(args: argparse.Namespace) -> WorkingCalendar:
    """The working calendar with the administrator's overrides of this database, if any."""
    return WorkingCalendar.default()
