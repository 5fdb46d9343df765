"""The audit log (issue 16): an append-only hash chain of who did what on this desk.

One row per entry, numbered from 1 (`n`); each holds the hash of the entry before
(desktop/protocol/audit.py). Triggers refuse UPDATE and DELETE, so the program itself can
never rewrite it; someone who drops the triggers and edits the file breaks the chain, which
`audit verify` and the portal see. `participant_id` and `workshop_id` are the view's filters
(part of the hashed entry, not foreign keys: an entry outlives what it names)."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
CREATE TABLE audit_log (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    origin TEXT NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,
    target TEXT,
    participant_id TEXT,
    workshop_id TEXT,
    details TEXT NOT NULL,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_participant ON audit_log(participant_id) WHERE participant_id IS NOT NULL;
CREATE INDEX audit_log_workshop ON audit_log(workshop_id) WHERE workshop_id IS NOT NULL;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted');
END;
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
