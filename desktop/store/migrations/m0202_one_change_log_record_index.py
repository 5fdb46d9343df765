"""Drop `change_log_record (kind, record_id)`: `change_log_version (kind, record_id,
updated_at, origin)` from m0200 answers every lookup it did (its leading columns), and on a
roster of lakhs the second copy cost ~60 bytes a change and a B-tree update per write."""

from __future__ import annotations

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.execute("DROP INDEX IF EXISTS change_log_record")
