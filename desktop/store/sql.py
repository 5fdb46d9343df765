"""Small SQL helpers for migrations."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database


def run_script(db: Database, script: str) -> None:
    """Run several statements inside the current transaction.

    `executescript` would COMMIT first and break the migration's atomicity, so statements are
    split with SQLite's own `complete_statement` (which understands trigger bodies)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip().rstrip(";").strip():
                db.execute(buffer)
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in script: {buffer[:80]!r}")
