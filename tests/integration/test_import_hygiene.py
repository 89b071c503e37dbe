"""What importing a core module loads at run time, lazy imports included.

import-linter (test_architecture.py) reads the import statements; this imports each module in
a fresh interpreter and looks at ``sys.modules``, so a module that pulls in another at import
time through a third one is caught too.
"""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import pwd
import subprocess
import sys
from pathlib import Path

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


def test_importing_the_use_cases_loads_none_until_one_is_asked_for() -> None:
    use_cases = tuple(m for m in MODULES if m.startswith("hotline_core.services."))
    assert loaded_by("hotline_core.services", use_cases) == []


def test_asking_for_a_use_case_loads_its_module_and_not_the_paper_or_reports() -> None:
    probe = (
        "import sys\nfrom hotline_core.services import identify\n"
        "print(','.join(m for m in sys.modules if m.startswith('hotline_core.services.')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = result.stdout.strip().split(",")
    assert "hotline_core.services.access" in loaded
    assert not {f"hotline_core.services.{m}" for m in ("paper", "documents", "reports", "studies")} & set(
        loaded
    )


def test_every_name_the_use_cases_offer_is_the_one_in_its_module() -> None:
    """What an ``except services.StorageError`` or an ``isinstance`` compares with is the
    class the storage raises: the package hands out its modules' own objects."""
    from hotline_core import services

    for name in services.__all__:
        home = importlib.import_module(f"hotline_core.services.{services._HOME[name]}")
        assert getattr(services, name) is getattr(home, name), name
    with pytest.raises(AttributeError):
        services.no_such_use_case  # noqa: B018


def test_every_typed_import_of_the_use_cases_has_its_line_in_the_table_and_back() -> None:
    """A new name is one line in ``_HOME`` and one import under ``TYPE_CHECKING`` (which the
    type checker reads): the two must name the same module, or one of them is forgotten."""
    from hotline_core import services

    tree = ast.parse(Path(services.__file__).read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom) and statement.module is not None
                for alias in statement.names:
                    assert alias.asname == alias.name, f"{alias.name} is re-exported as itself"
                    typed[alias.name] = statement.module.removeprefix("hotline_core.services.")
    assert typed == services._HOME
    assert sorted(services.__all__) == sorted(typed)


def test_no_name_the_use_cases_offer_is_also_one_of_their_modules() -> None:
    """Importing ``hotline_core.services.X`` sets the package's ``X`` to that module: a use
    case of the same name, looked up lazily, would then be the module instead."""
    from hotline_core import services

    modules = {m.name for m in pkgutil.iter_modules(services.__path__)}
    assert modules.isdisjoint(services._HOME)


def test_the_knowledge_entries_the_storage_needs_load_no_search_or_spreadsheet_rows() -> None:
    rest = ("search", "tokens", "lexicon", "sheet", "importing")
    heavy = tuple(f"hotline_core.domain.knowledge.{m}" for m in rest)
    assert loaded_by("hotline_core.domain.knowledge.entries", heavy) == []


def test_the_command_line_loads_no_storage_or_use_case_before_a_command_needs_one() -> None:
    """A storage error's class is looked up when one is raised: ``hotline --help`` and the
    commands that need no database do not open the storage's modules to be parsed."""
    heavy = ("numpy", "hotline_core.adapters", "hotline_core.services.maintenance")
    assert loaded_by("hotline_tui.cli", heavy) == []


@pytest.fixture(scope="module")
def started_ui(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The modules loaded by ``hotline`` alone on a database with an order, up to its first
    screen shown and every order read (the app runs headless instead of in a terminal)."""
    from hotline_core import services
    from hotline_core.adapters.repository import FileRepository
    from tests.support import MINIMAL_FORM

    folder = tmp_path_factory.mktemp("ui") / "db"
    repo = FileRepository.open(folder, create=True)
    login = pwd.getpwuid(os.getuid()).pw_name
    services.initialise(repo, login)
    services.intake(repo, login, [MINIMAL_FORM])
    probe = (
        "import asyncio, sys\n"
        "from hotline_tui.app import HotlineApp\n"
        "async def headless(app):\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await pilot.pause(); await app.workers.wait_for_complete(); await pilot.pause()\n"
        "HotlineApp.run = lambda app: asyncio.run(headless(app))\n"
        "from hotline_tui.cli import main\n"
        f"assert main(['--db', {str(folder)!r}, '--lang', 'en']) == 0\n"
        "print(*sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_hotline_with_no_subcommand_opens_the_ui_without_loading_a_subcommand(started_ui: set[str]) -> None:
    assert "hotline_tui.screens.queue" in started_ui
    assert sorted(m for m in started_ui if m.endswith("cmds")) == []


def test_the_ui_opens_without_loading_a_paper_library(started_ui: set[str]) -> None:
    heavy = ("fpdf", "docx", "fontTools", "openpyxl")
    assert [m for m in heavy if m in started_ui] == []
