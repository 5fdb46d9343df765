"""Reading marks: counts per status, the marks of a session, the latest marks for the desk's
list, a person's attendance detail."""

from __future__ import annotations

from typing import Any

from desktop.store import Store


def session_counts(store: Store, session_id: str) -> dict[str, int]:
    """Enrolled and marked (by status) for the desk's counters; withdrawn people left out."""
    session = store.require("session", session_id)
    enrolled_n = store.conn.execute(
        "SELECT count(*) FROM enrolment WHERE workshop_id = ? AND deleted = 0 "
        "AND status = 'enrolled'",
        (session["workshop_id"],),
    ).fetchone()[0]
    counts = {"enrolled": enrolled_n, "present": 0, "late": 0, "excused": 0, "absent": 0}
    for status, n in store.conn.execute(
        "SELECT a.status, count(*) FROM attendance a JOIN enrolment e ON "
        "e.participant_id = a.participant_id AND e.workshop_id = ? AND e.deleted = 0 "
        "AND e.status = 'enrolled' WHERE a.session_id = ? AND a.deleted = 0 GROUP BY a.status",
        (session["workshop_id"], session_id),
    ):
        counts[status] = n
    counts["marked"] = counts["present"] + counts["late"] + counts["excused"] + counts["absent"]
    counts["arrived"] = counts["present"] + counts["late"]
    return counts


def session_marks(store: Store, session_id: str) -> dict[str, dict[str, Any]]:
    """participant_id → the current mark row, for registers and lists."""
    return {
        r["participant_id"]: dict(r)
        for r in store.conn.execute(
            "SELECT * FROM attendance WHERE session_id = ? AND deleted = 0", (session_id,)
        )
    }


def latest_marks(store: Store, session_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """The session's current marks, most recently changed first, each with the person's
    names and code: the desk's "Latest marks" list after a restart shows who is already
    marked on disk, not only what was scanned since the window opened."""
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT a.id AS attendance_id, a.participant_id, a.status, a.marked_at, "
            "a.updated_at, p.name_en, p.name_hi, p.employee_code "
            "FROM attendance a LEFT JOIN participant p ON p.id = a.participant_id "
            "WHERE a.session_id = ? AND a.deleted = 0 "
            "ORDER BY a.updated_at DESC, a.id LIMIT ?",
            (session_id, limit),
        )
    ]


def history_for(
    store: Store, participant_id: str, workshop_id: str | None = None
) -> list[dict[str, Any]]:
    """A participant's attendance detail: every change, newest first, with session info."""
    sql = (
        "SELECT h.*, s.date, s.start_time, s.topic_en, s.topic_hi, "
        "w.title_en AS workshop_title_en "
        "FROM attendance_history h LEFT JOIN session s ON s.id = h.session_id "
        "LEFT JOIN workshop w ON w.id = s.workshop_id WHERE h.participant_id = ? "
    )
    params: list[Any] = [participant_id]
    if workshop_id:
        sql += "AND s.workshop_id = ? "
        params.append(workshop_id)
    sql += "ORDER BY h.seq DESC"
    return [dict(r) for r in store.conn.execute(sql, params)]
