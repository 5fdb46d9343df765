"""Pulled records this desk cannot apply yet ("held"): a version from `/changes` that clashes
with something here (a certificate number taken, a participant's attendance recorded twice,
a reference to something not here) is kept in `sync_pull_held` with the reason, tried again
on every run, and explained to a clerk (`held_reason`). Nothing pulled is ever dropped."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from desktop.protocol.ids import now_ts
from desktop.store import Store


def apply_pulled(store: Store, record: Any) -> str:
    """Apply one record from `/changes` by last-writer-wins: 'applied', 'stale' or 'held'
    (it clashes with something on this desk; kept in `sync_pull_held` with the reason)."""
    try:
        with store.transaction():  # a savepoint: a failed record leaves nothing behind
            status = store.apply_record(record)
    except (sqlite3.IntegrityError, ValueError, KeyError, TypeError) as exc:
        _hold(store, record, f"{type(exc).__name__}: {exc}")
        return "held"
    if isinstance(record, dict):
        # A newer (or the same) version got in: an older held one is moot.
        store.conn.execute(
            "DELETE FROM sync_pull_held WHERE kind = ? AND record_id = ? "
            "AND (updated_at, origin) <= (?, ?)",
            (record.get("kind"), record.get("id"), record.get("updated_at"),
             record.get("origin")),
        )
    return status


def _hold(store: Store, record: Any, error: str) -> None:
    rec = record if isinstance(record, dict) else {}
    with store.transaction():
        store.conn.execute(
            """INSERT INTO sync_pull_held(kind, record_id, updated_at, origin, record, error, at)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(kind, record_id) DO UPDATE SET updated_at = excluded.updated_at,
                   origin = excluded.origin, record = excluded.record, error = excluded.error,
                   at = excluded.at
               WHERE (excluded.updated_at, excluded.origin) >= (updated_at, origin)""",
            (str(rec.get("kind")), str(rec.get("id")), str(rec.get("updated_at") or ""),
             str(rec.get("origin") or ""), json.dumps(record, ensure_ascii=False), error,
             now_ts()),
        )


def retry_held(store: Store) -> int:
    """Try the held pulled records again (something on this desk may have changed); returns
    how many now applied."""
    applied = 0
    rows = store.conn.execute(
        "SELECT kind, record_id, record FROM sync_pull_held ORDER BY at"
    ).fetchall()
    for kind, record_id, text in rows:
        record = json.loads(text)
        status = apply_pulled(store, record)
        if status != "held":
            with store.transaction():
                store.conn.execute(
                    "DELETE FROM sync_pull_held WHERE kind = ? AND record_id = ?",
                    (kind, record_id),
                )
            applied += status == "applied"
    return applied


def held_records(store: Store) -> list[dict[str, Any]]:
    """Pulled records waiting because they clash with this desk's data."""
    return [
        {"kind": r["kind"], "id": r["record_id"], "updated_at": r["updated_at"],
         "error": r["error"], "at": r["at"], "data": _data_of(r["record"])}
        for r in store.conn.execute(
            "SELECT kind, record_id, updated_at, error, at, record FROM sync_pull_held "
            "ORDER BY at"
        )
    ]


_CONSTRAINT = re.compile(
    r"^IntegrityError: (UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed(?:: (.*))?$"
)


def held_reason(held: dict[str, Any]) -> dict[str, Any]:
    """Why a pulled record is held, as a code the GUI puts in words a clerk understands,
    with the field and value it is about (the stored `error` stays the technical detail):

    - `duplicate_number`: another certificate here already has this number;
    - `duplicate_attendance`: this participant's attendance at this session is already
      recorded here as another record;
    - `duplicate`: another record here has the same value of a field that must be unique;
    - `missing_value`: the portal's version lacks a value this desk needs;
    - `missing_reference`: it refers to something this desk does not have;
    - `invalid_value`: a value this desk's database does not accept;
    - `unreadable`: anything else (e.g. a newer format than this desk knows)."""
    error = str(held.get("error") or "")
    data = held.get("data") or {}
    kind = str(held.get("kind") or "")
    match = _CONSTRAINT.match(error.strip())
    if match is None:
        return {"code": "unreadable", "field": None, "value": None}
    constraint, columns = match.group(1), match.group(2) or ""
    fields = [c.strip().split(".", 1)[-1] for c in columns.split(",") if c.strip()]
    field = fields[0] if len(fields) == 1 else None
    value = data.get(field) if field else None
    if constraint == "UNIQUE":
        if kind == "certificate" and fields == ["number"]:
            return {"code": "duplicate_number", "field": "number", "value": value}
        if kind == "attendance" and set(fields) == {"session_id", "participant_id"}:
            return {"code": "duplicate_attendance", "field": None, "value": None}
        return {"code": "duplicate", "field": ", ".join(fields) or None, "value": value}
    if constraint == "NOT NULL":
        return {"code": "missing_value", "field": field, "value": None}
    if constraint == "FOREIGN KEY":
        return {"code": "missing_reference", "field": field, "value": value}
    return {"code": "invalid_value", "field": field, "value": value}


def _data_of(text: str) -> dict[str, Any]:
    try:
        record = json.loads(text)
    except ValueError:
        return {}
    data = record.get("data") if isinstance(record, dict) else None
    return data if isinstance(data, dict) else {}
