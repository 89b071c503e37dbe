"""What importing a core module loads at run time, lazy imports included.

import-linter (test_architecture.py) reads the import statements; this imports each module in
a fresh interpreter and looks at ``sys.modules``, so a module that pulls in another at import
time through a third one is caught too.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import hotline_core

MODULES = sorted(m.name for m in pkgutil.walk_packages(hotline_core.__path__, "hotline_core."))
DOMAIN = [m for m in MODULES if m.startswith("hotline_core.domain")]
NO_UI = ("textual", "rich", "hotline_tui")
NO_IO = (
    *NO_UI,
    "tinydb",
    "orjson",
    "fcntl",
    "openpyxl",
    "fpdf",
    "docx",
    "fontTools",
    "sqlite3",
    "hotline_core.adapters",
    "hotline_core.services",
)


def loaded_by(module: str, candidates: tuple[str, ...]) -> list[str]:
    probe = f"import sys, {module}\nprint(','.join(m for m in {candidates!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return [name for name in result.stdout.strip().split(",") if name]


@pytest.mark.parametrize("module", DOMAIN)
def test_a_domain_module_loads_no_storage_files_or_ui(module: str) -> None:
    assert loaded_by(module, NO_IO) == []


@pytest.mark.parametrize("module", [m for m in MODULES if m not in DOMAIN])
def test_a_use_case_or_adapter_module_loads_no_ui(module: str) -> None:
    assert loaded_by(module, NO_UI) == []


def test_the_use_cases_load_no_paper_library_until_something_is_printed() -> None:
    heavy = ("fpdf", "docx", "fontTools", "openpyxl", "hotline_core.domain.reports")
    assert loaded_by("hotline_core.services", heavy) == []
