"""Attendance audit trail and desk-local session state (not synced).

`attendance_history` is append-only (triggers refuse UPDATE and DELETE): one row per change of
a mark made here (who, when, which desk, method, new and previous status) and one per version
received from another desk, so a participant's detail can show how a mark came to be.
`session_close` records that a desk closed a session ("mark the rest absent"); scans for a
closed session are refused until it is reopened."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
CREATE TABLE attendance_history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    attendance_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('mark', 'change', 'undo', 'bulk', 'received')),
    status TEXT,
    previous_status TEXT,
    marked_at TEXT,
    previous_marked_at TEXT,
    previous_method TEXT,
    method TEXT,
    marked_by TEXT,
    desk TEXT,
    device_id TEXT NOT NULL,
    version TEXT NOT NULL,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX attendance_history_participant ON attendance_history(participant_id, session_id);
CREATE INDEX attendance_history_session ON attendance_history(session_id, seq);
CREATE TRIGGER attendance_history_no_update BEFORE UPDATE ON attendance_history BEGIN
    SELECT RAISE(ABORT, 'attendance_history is append-only');
END;
CREATE TRIGGER attendance_history_no_delete BEFORE DELETE ON attendance_history BEGIN
    SELECT RAISE(ABORT, 'attendance_history is append-only');
END;
CREATE TRIGGER attendance_history_received_insert AFTER INSERT ON attendance
    WHEN new.origin IS NOT (SELECT value FROM meta WHERE key = 'device_id') BEGIN
    INSERT INTO attendance_history(attendance_id, session_id, participant_id, action, status,
        marked_at, method, marked_by, device_id, version)
    VALUES (new.id, new.session_id, new.participant_id, 'received',
        CASE WHEN new.deleted THEN NULL ELSE new.status END, new.marked_at, new.method,
        new.marked_by, new.origin, new.updated_at);
END;
CREATE TRIGGER attendance_history_received_update AFTER UPDATE ON attendance
    WHEN new.origin IS NOT (SELECT value FROM meta WHERE key = 'device_id')
     AND (new.updated_at IS NOT old.updated_at OR new.origin IS NOT old.origin) BEGIN
    INSERT INTO attendance_history(attendance_id, session_id, participant_id, action, status,
        previous_status, marked_at, previous_marked_at, previous_method, method, marked_by,
        device_id, version)
    VALUES (new.id, new.session_id, new.participant_id, 'received',
        CASE WHEN new.deleted THEN NULL ELSE new.status END,
        CASE WHEN old.deleted THEN NULL ELSE old.status END, new.marked_at, old.marked_at,
        old.method, new.method, new.marked_by, new.origin, new.updated_at);
END;
CREATE TABLE session_close (
    session_id TEXT PRIMARY KEY,
    closed_at TEXT NOT NULL,
    closed_by TEXT
);
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
