"""Pulled records this desk could not apply (SYNC-PROTOCOL.md §7).

A version from `/changes` can clash with something only this desk holds (e.g. a certificate
number issued here offline and, meanwhile, by another desk). Such a version is kept here
with the reason instead of blocking the pull behind it (the cursor moves on) or being
dropped: every later pull tries it again, and it leaves this table once applied or made
stale by a newer version."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
CREATE TABLE sync_pull_held (
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL,
    record TEXT NOT NULL,
    error TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (kind, record_id)
);
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
