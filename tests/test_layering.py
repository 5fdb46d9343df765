"""The domain core, store, text helpers and CLI must run without Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import desktop

ROOT = Path(__file__).resolve().parents[1]

HEADLESS = ("desktop.core", "desktop.store", "desktop.text", "desktop.cli", "desktop.portal")


def _modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        if info.name.startswith(HEADLESS):
            names.append(info.name)
    return names


def test_no_headless_module_imports_pyside6():
    modules = _modules()
    assert "desktop.store.database" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt imported by headless modules: {result.stdout}"


def test_import_contracts_hold():
    """The floors (protocol/text → store → core → cli, ui, portal), no Qt outside the GUI, no
    SQLite inside it and no cycles, as declared in pyproject.toml's [tool.importlinter] and checked by
    import-linter on the real import graph (function-level imports included)."""
    result = subprocess.run(
        [sys.executable, "-c",
         "from importlinter.cli import lint_imports_command; lint_imports_command()",
         "--no-cache"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert "Contracts: 4 kept, 0 broken." in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0
