"""The version clock: the highest version stamp the database holds is kept in `meta`
(`clock.high`), so every writer, in any process, stamps above it (Store.next_version).
Marks and certificates made while this laptop's clock was known to be wrong carry a note
in their local history (`clock_note`)."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.protocol.records import KIND_ORDER


def migrate(db: Database) -> None:
    tables = set(db.table_names())
    highest = None
    for kind in KIND_ORDER:
        if kind in tables:
            top = db.execute(f"SELECT max(updated_at) FROM {kind}").fetchone()[0]
            if top is not None and (highest is None or top > highest):
                highest = top
    if highest is not None:
        db.execute(
            "INSERT INTO meta(key, value) VALUES ('clock.high', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value "
            "WHERE excluded.value > meta.value",
            (highest,),
        )
    for table in ("attendance_history", "certificate_file"):
        if table in tables:
            db.execute(f"ALTER TABLE {table} ADD COLUMN clock_note TEXT")
