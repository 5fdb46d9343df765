"""The domain core, store, text helpers and CLI must run without Qt."""

from __future__ import annotations

import ast
import pkgutil
import re
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


#: A module longer than this needs its reason written at its top (issue 12: a newcomer reads
#: small modules with one job; a long one says why it is one piece).
LONG_MODULE_LINES = 520
_REASON = re.compile(r"\b\d{3}(?:,\d{3})? lines\b")


def test_every_long_module_says_at_its_top_why_it_is_long():
    unexplained = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") <= LONG_MODULE_LINES:
            continue
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if not _REASON.search(docstring):
            unexplained.append(f"{path.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    assert not unexplained, (
        "over about 500 lines without a reason in the module docstring (say e.g. 'About 600 "
        "lines on purpose: …'): " + ", ".join(unexplained)
    )
