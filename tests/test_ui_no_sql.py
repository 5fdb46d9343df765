"""No SQL in the GUI: pages ask the core (desktop.core, desktop.store) for what they show.

An AST walk over every module under desktop/ui: a call to `.execute(`, `.executemany(` or
`.executescript(`, or an import of sqlite3 / sqlite_utils, fails the test, naming file and
line. (import-linter sees imports only, not calls, so this one walks the source itself.)"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "desktop" / "ui"

SQL_CALLS = {"execute", "executemany", "executescript"}
SQL_MODULES = {"sqlite3", "sqlite_utils"}

#: Files allowed to hold SQL, with how many uses at most: none any more (every query the
#: GUI needs is a core function). Kept so that a future exception is written down here.
NOT_YET_MOVED: dict[str, int] = {}


def sql_uses(source: str) -> list[tuple[int, str]]:
    """(line, what) for every SQL call or sqlite import in `source`."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in SQL_CALLS:
                found.append((node.lineno, f".{node.func.attr}("))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in SQL_MODULES:
                    found.append((node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in SQL_MODULES:
                found.append((node.lineno, f"from {node.module} import"))
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in SQL_MODULES
        ):
            found.append((node.lineno, f"{node.value.id}.{node.attr}"))
    return sorted(found)


def test_the_walk_finds_each_kind_of_sql_use():
    source = (
        "import sqlite3\n"
        "from sqlite_utils import Database\n"
        "conn.execute('SELECT 1')\n"
        "self.ctx.store.conn.executemany('x', [])\n"
        "c.executescript('x')\n"
        "try:\n    pass\nexcept sqlite3.ProgrammingError:\n    pass\n"
        "store.insert('participant', {})\n"  # a core call is fine
    )
    assert [line for line, _what in sql_uses(source)] == [1, 2, 3, 4, 5, 8]


def test_no_sql_in_the_gui():
    offences: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        found = sql_uses(path.read_text(encoding="utf-8"))
        if len(found) > NOT_YET_MOVED.get(name, 0):
            offences += [f"{name}:{line}: {what}" for line, what in found]
    assert not offences, (
        "SQL in the GUI; ask the core instead (desktop.core.lookups, "
        "desktop.core.roster.listing, …):\n" + "\n".join(offences)
    )
