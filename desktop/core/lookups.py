"""The reference lists every screen and report reads: UP's districts and the departments.

One place for these reads, so a page, a report and the importer all see the same names in
the same order. Each function takes the `Store` or a bare connection (the GUI's pages read
through their own reader connection, never the writer's)."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from desktop.store import Store

Db = Store | sqlite3.Connection


class District(NamedTuple):
    code: str
    name_en: str
    name_hi: str


def conn_of(db: Db) -> sqlite3.Connection:
    """The connection behind `db` (a Store or already a connection)."""
    return db.conn if isinstance(db, Store) else db


def districts(db: Db) -> list[District]:
    """Every district, in English alphabetical order (the order choosers show)."""
    return [
        District(*row)
        for row in conn_of(db).execute(
            "SELECT code, name_en, name_hi FROM district ORDER BY name_en"
        )
    ]


def district_codes(db: Db) -> list[str]:
    """Every district code, in code order."""
    return [row[0] for row in conn_of(db).execute("SELECT code FROM district ORDER BY code")]


def district_names(db: Db) -> dict[str, tuple[str, str]]:
    """District code → (English, Hindi), for showing a stored code."""
    return {d.code: (d.name_en, d.name_hi) for d in districts(db)}


def district(db: Db, code: str | None) -> dict | None:
    """The whole district row for `code`, or None when there is none."""
    row = conn_of(db).execute("SELECT * FROM district WHERE code = ?", (code,)).fetchone()
    return dict(row) if row is not None else None


def district_exists(db: Db, code: str | None) -> bool:
    return (
        conn_of(db).execute("SELECT 1 FROM district WHERE code = ?", (code,)).fetchone()
        is not None
    )


def departments(db: Db, active_only: bool = True) -> list[tuple[str, str]]:
    """(English, Hindi) names of the departments, in English alphabetical order; by default
    only those still offered for new entries."""
    where = " WHERE active = 1" if active_only else ""
    return [
        (row[0], row[1])
        for row in conn_of(db).execute(
            f"SELECT name_en, name_hi FROM department{where} ORDER BY name_en"
        )
    ]


def department_names_hi(db: Db) -> dict[str, str]:
    """Department English name → Hindi name, for every department (old ones too)."""
    return {
        row[0]: row[1]
        for row in conn_of(db).execute("SELECT name_en, name_hi FROM department")
    }
