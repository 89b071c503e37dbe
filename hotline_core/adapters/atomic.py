"""Write a file that a person asked for (an export) so that it is whole or absent.

The exports of reports and of the knowledge base write through a temporary
name beside the target and rename it into place: a spreadsheet cut short
by a full disk or a killed process never lies there looking complete.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path
