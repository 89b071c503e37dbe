"""The layers hold: import-linter's contracts (pyproject.toml) pass, and would catch a breach."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the packages found in ``tree`` (not the installed ones)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [
        sys.executable,
        "-c",
        "from importlinter.cli import lint_imports_command; lint_imports_command()",
    ]
    return subprocess.run(
        [*command, "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
    )


def test_the_import_contracts_are_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_domain_module_importing_the_storage_engine_breaks_the_contracts(tmp_path: Path) -> None:
    for package in ("hotline_core", "hotline_tui"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    limits = tmp_path / "hotline_core" / "domain" / "limits.py"
    limits.write_text(limits.read_text(encoding="utf-8") + "\nfrom hotline_core.adapters import storage\n")

    result = lint_imports(tmp_path)

    assert result.returncode != 0
    assert "The domain is pure" in result.stdout and "BROKEN" in result.stdout
    assert "hotline_core.domain.limits -> hotline_core.adapters" in result.stdout
