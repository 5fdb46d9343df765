"""Local tables for field visits (never synced themselves).

`attachment`: the files a field visit names, stored by SHA-256 beside the database; the row
remembers where the bytes are and whether the user chose to keep GPS/location data, so the
sync helper can upload them and the form can warn when a file went missing from disk.
`field_visit_workshop`: which field workshops were planned from which visit (a workshop record
has no field for it in the protocol, and a link kept here keeps the protocol unchanged)."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
CREATE TABLE attachment (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    path TEXT NOT NULL,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    kept_location INTEGER NOT NULL DEFAULT 0 CHECK (kept_location IN (0, 1)),
    added_at TEXT NOT NULL
);
CREATE TABLE field_visit_workshop (
    visit_id TEXT NOT NULL,
    workshop_id TEXT NOT NULL,
    PRIMARY KEY (visit_id, workshop_id)
);
CREATE INDEX field_visit_workshop_workshop ON field_visit_workshop(workshop_id);
CREATE INDEX field_visit_office ON field_visit(district_code, office);
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
