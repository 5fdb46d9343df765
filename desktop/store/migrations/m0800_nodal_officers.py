"""Nodal officers: each department's officer for the monthly review, a synced kind
(`nodal_officer`, SYNC-PROTOCOL.md §4) with the change-log triggers every synced table has."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.migrations.m0001_initial import _ENVELOPE, _log_triggers
from desktop.store.sql import run_script

_TABLE = (
    "CREATE TABLE nodal_officer ("
    + _ENVELOPE
    + """,
    department TEXT, name TEXT, designation TEXT, phone TEXT, email TEXT)"""
)


def migrate(db: Database) -> None:
    db.execute(_TABLE)
    run_script(db, _log_triggers("nodal_officer"))
    db.execute("CREATE INDEX nodal_officer_department ON nodal_officer(department)")
