"""Which participants' English names were written by the desk from their Hindi names.

A list with Hindi names only still needs an English name on every certificate, so the
importer derives one (desktop.text.roman) and marks it here until someone checks it or a
later file brings the real one. Local to this desk: not synced, not in the change log
(another desk that gets the person sees an ordinary English name)."""

from __future__ import annotations

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.execute(
        "CREATE TABLE participant_derived ("
        " participant_id TEXT PRIMARY KEY NOT NULL,"
        " field TEXT NOT NULL DEFAULT 'name_en' CHECK (field = 'name_en')"
        ") WITHOUT ROWID"
    )
