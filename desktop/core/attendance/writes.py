"""Writing marks: a new version of the attendance row and its append-only history row in one
transaction; undo; closing a session (the rest marked absent)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from desktop.core import audit, clock, people
from desktop.core.attendance.rules import (
    MarkResult,
    _aware,
    attendance_id,
)
from desktop.core.attendance.settings import DeskSettings, load_settings
from desktop.core.users import Permission, require
from desktop.protocol.ids import format_ts
from desktop.store import Store


def write_version(
    store: Store,
    att_id: str,
    data: dict[str, Any],
    current: dict[str, Any] | None,
    *,
    deleted: bool = False,
) -> str:
    """Write a new version of the attendance record made here; returns its updated_at."""
    if current is None:
        store.insert("attendance", data, record_id=att_id)
    elif deleted:
        store.delete("attendance", att_id)
    elif not current["deleted"]:
        store.update("attendance", att_id, data)
    else:
        # Bring an undone (tombstoned) mark back: a full new version made on this desk.
        with store.transaction():
            store.apply_record(
                {
                    "kind": "attendance",
                    "id": att_id,
                    "updated_at": store.next_version(after=current["updated_at"]),
                    "origin": store.device_id,
                    "deleted": False,
                    "data": {**data, "by": store.actor},
                }
            )
    return store.conn.execute(
        "SELECT updated_at FROM attendance WHERE id = ?", (att_id,)
    ).fetchone()[0]


def _history(
    store: Store,
    att_id: str,
    data: dict[str, Any] | None,
    action: str,
    current: dict[str, Any] | None,
    live: bool,
    settings: DeskSettings,
    version: str,
) -> int:
    cursor = store.conn.execute(
        "INSERT INTO attendance_history(attendance_id, session_id, participant_id, action, "
        "status, previous_status, marked_at, previous_marked_at, previous_method, method, "
        "marked_by, desk, device_id, version, clock_note) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            att_id,
            (data or current or {}).get("session_id"),
            (data or current or {}).get("participant_id"),
            action,
            data["status"] if data else None,
            current["status"] if live and current else None,
            data["marked_at"] if data else None,
            current["marked_at"] if live and current else None,
            current["method"] if live and current else None,
            data["method"] if data else None,
            (store.actor or settings.operator),
            settings.desk,
            store.device_id,
            version,
            clock.history_note(store),  # marked while this laptop's clock is known wrong
        ),
    )
    _audit_mark(store, att_id, data or current or {}, action)
    return int(cursor.lastrowid)


def _audit_mark(store: Store, att_id: str, data: dict[str, Any], action: str) -> None:
    """The audit entry of one mark, undo or bulk absent, in the mark's transaction."""
    session = store.conn.execute(
        "SELECT workshop_id FROM session WHERE id = ?", (data.get("session_id"),)
    ).fetchone()
    audit.record(
        store, "attendance.undo" if action == "undo" else "attendance.mark", target=att_id,
        participant_id=data.get("participant_id"), workshop_id=session[0] if session else None,
        details={"session_id": data.get("session_id"), "status": data.get("status"),
                 "method": data.get("method"), "how": action},
    )


def undo_mark(store: Store, history_seq: int, settings: DeskSettings | None = None) -> MarkResult:
    require(store, Permission.MARK_ATTENDANCE)
    settings = settings or load_settings(store)
    with store.transaction():
        entry = store.conn.execute(
            "SELECT * FROM attendance_history WHERE seq = ?", (history_seq,)
        ).fetchone()
        if entry is None:
            return MarkResult("unknown", "Nothing to undo.")
        current = store.get("attendance", entry["attendance_id"])
        person = people.by_id(store, entry["participant_id"]) or {"id": entry["participant_id"]}
        if current is None or current["updated_at"] != entry["version"]:
            return MarkResult(
                "already", "This mark was changed since; it cannot be undone from here.", person
            )
        live = not current["deleted"]
        if entry["previous_status"] is None:
            version = write_version(store, entry["attendance_id"], None, current, deleted=True)
            data = None
        else:
            data = {
                "session_id": entry["session_id"],
                "participant_id": entry["participant_id"],
                "status": entry["previous_status"],
                "marked_at": entry["previous_marked_at"] or format_ts(datetime.now(timezone.utc)),
                "method": entry["previous_method"] or "scan",
                "marked_by": (store.actor or settings.operator),
            }
            version = write_version(store, entry["attendance_id"], data, current)
        seq = _history(
            store,
            entry["attendance_id"],
            data
            or {
                "session_id": entry["session_id"],
                "participant_id": entry["participant_id"],
                "status": None,
                "marked_at": None,
                "method": None,
            },
            "undo",
            current,
            live,
            settings,
            version,
        )
    restored = entry["previous_status"] or "not marked"
    return MarkResult(
        "changed",
        f"{people.label(person)}: undone, now {restored}",
        person,
        entry["previous_status"],
        entry["status"],
        None,
        entry["attendance_id"],
        seq,
    )


def close_session(
    store: Store,
    session_id: str,
    settings: DeskSettings | None = None,
    *,
    now: datetime | None = None,
) -> int:
    """'Mark the rest absent': one transaction, then the session refuses further scans."""
    require(store, Permission.MARK_ATTENDANCE)
    settings = settings or load_settings(store)
    session = store.require("session", session_id)
    stamp = format_ts(_aware(now))
    made = 0
    with store.transaction():
        rows = store.conn.execute(
            "SELECT e.participant_id FROM enrolment e WHERE e.workshop_id = ? "
            "AND e.deleted = 0 AND e.status = 'enrolled' AND NOT EXISTS ("
            " SELECT 1 FROM attendance a WHERE a.session_id = ? AND "
            " a.participant_id = e.participant_id AND a.deleted = 0)",
            (session["workshop_id"], session_id),
        ).fetchall()
        for (participant_id,) in rows:
            att_id = attendance_id(session_id, participant_id)
            current = store.get("attendance", att_id)
            data = {
                "session_id": session_id,
                "participant_id": participant_id,
                "status": "absent",
                "marked_at": stamp,
                "method": "bulk",
                "marked_by": (store.actor or settings.operator),
            }
            version = write_version(store, att_id, data, current)
            _history(store, att_id, data, "bulk", current, False, settings, version)
            made += 1
        store.conn.execute(
            "INSERT INTO session_close(session_id, closed_at, closed_by) VALUES (?, ?, ?) "
            "ON CONFLICT(session_id) DO UPDATE SET closed_at = excluded.closed_at, "
            "closed_by = excluded.closed_by",
            (session_id, stamp, (store.actor or settings.operator)),
        )
        audit.record(store, "attendance.close", target=session_id,
                     workshop_id=session["workshop_id"], details={"marked_absent": made})
    return made
