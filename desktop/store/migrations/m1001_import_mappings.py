"""Column choices remembered per header set, so the next list with the same headers is
offered the same mapping (a department sends the same layout every month).

Local to this desk: not synced, not in the change log."""

from __future__ import annotations

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.execute(
        "CREATE TABLE import_mapping ("
        " header_key TEXT PRIMARY KEY NOT NULL,"  # the normalised headers, joined
        " fields TEXT NOT NULL,"  # JSON: the field of each column in order, '' = not imported
        " saved_at TEXT NOT NULL"
        ")"
    )
