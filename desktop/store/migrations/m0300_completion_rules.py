"""Local completion settings per programme (not synced: each centre applies its own rule).

`late_counts_present`: a late mark counts as attended (default yes).
`excused_excluded`: excused sessions are left out of the count (default yes)."""

from __future__ import annotations

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.execute(
        """CREATE TABLE programme_rule (
            programme_id TEXT PRIMARY KEY,
            late_counts_present INTEGER NOT NULL DEFAULT 1 CHECK (late_counts_present IN (0, 1)),
            excused_excluded INTEGER NOT NULL DEFAULT 1 CHECK (excused_excluded IN (0, 1))
        )"""
    )
