"""Local desk users (issue 16): who is at the desk, their role and a hashed PIN.

Local to this desk: not a synced kind (no change-log triggers), never in a batch or bundle.
Only the user's *name* travels, as `data.by` on the records they change. The PIN is kept as a
memory-hard hash (`desktop.core.users.pins`); a NULL hash is a user without a PIN (the demo)."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
CREATE TABLE desk_user (
    name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
    role TEXT NOT NULL CHECK (role IN ('operator', 'trainer', 'coordinator', 'admin')),
    pin_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT,
    last_sign_in TEXT
);
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
