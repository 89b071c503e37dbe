"""The core stays pure: importing it loads no UI and no storage library."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import hotline_core

EDGE = ("hotline_core.adapters.storage",)
CORE_MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(hotline_core.__path__, "hotline_core.")
    if not m.name.startswith(EDGE)
)
FORBIDDEN = ("textual", "rich", "tinydb", "hotline_tui", "openpyxl", "sqlite3")


@pytest.mark.parametrize("module", CORE_MODULES)
def test_a_core_module_imports_no_ui_or_storage(module: str) -> None:
    probe = (
        f"import sys, {module}\n"
        f"loaded = [m for m in {FORBIDDEN!r} if m in sys.modules]\n"
        "print(','.join(loaded))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{module} loads {result.stdout.strip()}"
