"""The translatable strings a GUI module holds, read from its source: `tr("…")` calls (in the
given context) and `QT_TRANSLATE_NOOP("Context", "…")` tables. The i18n tests compare them
with the `*_hi.ts` files (lupdate cannot see the contexts of mixins' and helpers' `tr`)."""

from __future__ import annotations

import ast
from pathlib import Path


def tr_strings(path: Path, context: str) -> set[tuple[str, str]]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        args = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if node.func.id == "tr" and len(args) == 1:
            found.add((context, args[0]))
        elif node.func.id == "QT_TRANSLATE_NOOP" and len(args) == 2:
            found.add((args[0], args[1]))
    return found
