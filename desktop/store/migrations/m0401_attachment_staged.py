"""Attachments not yet named by a saved record (local).

`attachment.staged_at` is set when a file is stored for a visit that has not been saved yet
(the form stores photos as they are attached) and cleared when a saved visit names it. A file
still staged after the form was cancelled, or a day later, was abandoned and may be removed;
rows from before this migration, and files received by sync or in a bundle, are never staged
(desktop/core/attachments.py, `remove_abandoned`)."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
ALTER TABLE attachment ADD COLUMN staged_at TEXT;
CREATE INDEX attachment_staged ON attachment(staged_at) WHERE staged_at IS NOT NULL;
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
