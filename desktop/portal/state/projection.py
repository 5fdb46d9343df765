"""Desk-shaped tables the portal keeps from the records it applies, for the state's view.

The desk's monthly review (`desktop.core.review`) reads the desk's own tables; the portal
holds the same records as JSON in `record`. Rather than a second copy of the funnel's
definitions, the portal projects each applied record into a table named and shaped like the
desk's (only the columns the review reads), in the transaction that applies it
(`desktop.portal.apply.write_rows` calls `project`), and the review runs over them.

Portable SQL on purpose (it runs on PostgreSQL too, where the tables are the named migration
`0002_state_view` of `desktop.portal.pg`): INSERT … ON CONFLICT … DO UPDATE, `?` parameters
only (the PostgreSQL connection adapts them in one place). No SQLite-only functions."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.paths import resource_path

#: bump when the projected columns change: the next start rebuilds the tables from `record`
VERSION = "1"

#: kind → projected columns (besides id, updated_at, deleted), as the desk names them
COLUMNS: dict[str, tuple[str, ...]] = {
    "participant": ("department", "district_code", "service_group"),
    "programme": ("title_en", "title_hi", "min_attendance_pct"),
    "workshop": (
        "programme_id", "institute_code", "title_en", "title_hi", "mode", "start_date",
        "end_date",
    ),
    "session": ("workshop_id", "date"),
    "enrolment": ("workshop_id", "participant_id", "status"),
    "attendance": ("session_id", "participant_id", "status"),
    "certificate": ("participant_id", "workshop_id", "issued_at", "revoked_at", "supersedes"),
    "nodal_officer": ("department", "name", "designation", "phone", "email"),
}
_TYPES = {"min_attendance_pct": "INTEGER"}

# The desk's review indexes (m0001, m0801); partial indexes are portable (PostgreSQL has them).
INDEXES = (
    "CREATE INDEX IF NOT EXISTS participant_review ON participant "
    "(department, district_code, service_group, deleted)",
    "CREATE INDEX IF NOT EXISTS participant_deleted ON participant (deleted, id)",
    "CREATE INDEX IF NOT EXISTS workshop_start ON workshop (start_date)",
    "CREATE INDEX IF NOT EXISTS session_workshop ON session (workshop_id, date)",
    "CREATE INDEX IF NOT EXISTS enrolment_workshop ON enrolment (workshop_id, participant_id)",
    "CREATE INDEX IF NOT EXISTS attendance_session ON attendance (session_id, participant_id)",
    "CREATE INDEX IF NOT EXISTS certificate_workshop ON certificate (workshop_id)",
    # partial: nearly every certificate supersedes none, and an index full of NULLs looks
    # useless to the planner, which then scans every certificate per certificate (the
    # review's "not superseded" check took minutes at 170,000 certificates)
    "DROP INDEX IF EXISTS certificate_supersedes",
    "CREATE INDEX IF NOT EXISTS certificate_superseding ON certificate (supersedes) "
    "WHERE supersedes IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS nodal_officer_department ON nodal_officer (department)",
    # fitted to the review's reads at state scale (the state's view): a month's enrolments
    # by workshop and its marks by session answered from the index alone, and each enrolled
    # participant's department, district and group found without visiting the row
    "CREATE INDEX IF NOT EXISTS enrolment_review ON enrolment "
    "(workshop_id, status, deleted, participant_id)",
    "CREATE INDEX IF NOT EXISTS attendance_review ON attendance "
    "(session_id, deleted, status, participant_id)",
    "CREATE INDEX IF NOT EXISTS participant_person ON participant "
    "(deleted, id, department, district_code, service_group)",
)

# Reference data the desk seeds in its first migration; the completion rule's desk-local
# overrides (`programme_rule`) never travel, so the portal's table stays empty (defaults).
REFERENCE = (
    "CREATE TABLE IF NOT EXISTS department (code TEXT PRIMARY KEY, name_en TEXT NOT NULL, "
    "name_hi TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1)",
    "CREATE TABLE IF NOT EXISTS district (code TEXT PRIMARY KEY, name_en TEXT NOT NULL, "
    "name_hi TEXT NOT NULL, division_en TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS programme_rule (programme_id TEXT PRIMARY KEY, "
    "late_counts_present INTEGER NOT NULL DEFAULT 1, "
    "excused_excluded INTEGER NOT NULL DEFAULT 1)",
)


def schema() -> list[str]:
    """Every statement creating the projection (idempotent)."""
    out = []
    for kind, columns in COLUMNS.items():
        cols = ", ".join(f"{c} {_TYPES.get(c, 'TEXT')}" for c in columns)
        out.append(
            f"CREATE TABLE IF NOT EXISTS {kind} (id TEXT PRIMARY KEY, updated_at TEXT NOT NULL, "
            f"deleted INTEGER NOT NULL, {cols})"
        )
    return [*out, *REFERENCE, *INDEXES]


def _upsert(kind: str) -> str:
    """Every column in the table's order, without a column list: the PostgreSQL connection
    runs this shape as one set-wise insert (`PgConnection.executemany`), not row by row."""
    columns = ("id", "updated_at", "deleted", *COLUMNS[kind])
    marks = ", ".join("?" for _ in columns)
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    return f"INSERT INTO {kind} VALUES ({marks}) ON CONFLICT (id) DO UPDATE SET {sets}"


def project(conn: Any, rows: Iterable[Mapping[str, Any]]) -> None:
    """Upsert the winning versions of applied records (dicts with kind, id, updated_at,
    deleted, data) into the projection; kinds it does not show are passed over. A tombstone
    keeps its row with `deleted = 1` and empty columns: deleted rows never count."""
    by_kind: dict[str, list[tuple]] = {}
    for row in rows:
        columns = COLUMNS.get(row["kind"])
        if columns is None:
            continue
        data = {} if row["deleted"] else row["data"]
        by_kind.setdefault(row["kind"], []).append(
            (row["id"], row["updated_at"], 1 if row["deleted"] else 0,
             *(data.get(c) for c in columns))
        )
    for kind, params in by_kind.items():
        conn.executemany(_upsert(kind), params)


def ensure(conn: Any, create: bool = True) -> None:
    """Create the projection (unless `create` is False: PostgreSQL's migration made it) and
    its reference data; (re)build it from `record` when it is missing or older than
    `VERSION` (a portal that held records before this code). Runs in the caller's
    transaction."""
    if create:
        for statement in schema():
            conn.execute(statement)
    if conn.execute("SELECT count(*) FROM department").fetchone()[0] == 0:
        from desktop.store.migrations.m0001_initial import STARTER_DEPARTMENTS

        conn.executemany(
            "INSERT INTO department (code, name_en, name_hi) VALUES (?, ?, ?)",
            STARTER_DEPARTMENTS,
        )
    if conn.execute("SELECT count(*) FROM district").fetchone()[0] == 0:
        with resource_path("data", "up-districts.csv").open(encoding="utf-8") as handle:
            districts = list(csv.DictReader(handle))
        conn.executemany(
            "INSERT INTO district (code, name_en, name_hi, division_en) VALUES (?, ?, ?, ?)",
            [(d["code"], d["name_en"], d["name_hi"], d["division_en"]) for d in districts],
        )
    held = conn.execute("SELECT value FROM meta WHERE key = 'state.projection'").fetchone()
    if held is not None and held[0] == VERSION:
        return
    rebuild(conn)
    conn.execute("DELETE FROM meta WHERE key = 'state.projection'")
    conn.execute("INSERT INTO meta (key, value) VALUES ('state.projection', ?)", (VERSION,))


def rebuild(conn: Any, chunk: int = 20_000) -> None:
    """Empty the projected tables and fill them again from every record held."""
    for kind in COLUMNS:
        conn.execute(f"DELETE FROM {kind}")
    kinds = ", ".join(f"'{k}'" for k in COLUMNS)
    cursor = conn.execute(
        f"SELECT kind, id, updated_at, deleted, data FROM record WHERE kind IN ({kinds})"
    )
    while True:
        batch = cursor.fetchmany(chunk)
        if not batch:
            break
        project(
            conn,
            [
                {"kind": r[0], "id": r[1], "updated_at": r[2], "deleted": bool(r[3]),
                 "data": json.loads(r[4])}
                for r in batch
            ],
        )
