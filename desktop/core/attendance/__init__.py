"""Marking attendance: one durable row per (session, participant) plus an append-only history.

The attendance row's id is derived from the pair (UUIDv5 of session and participant under a
fixed namespace). Two desks that mark the same person for the same session therefore write two
versions of ONE record, which last-writer-wins resolves everywhere; random ids would give two
rows for one pair, and the second would collide with the UNIQUE (session, participant) index
when it arrives by sync.

A mark is written in one transaction (row + change log + history) on a connection with
`synchronous=FULL`; `mark` returns only after COMMIT, so whatever the caller shows afterwards
(the desk's green) is already on disk."""

from desktop.core.attendance.desk import Desk, mark_cli
from desktop.core.attendance.queries import (
    history_for,
    latest_marks,
    session_counts,
    session_marks,
)
from desktop.core.attendance.rules import (
    AMBER,
    ATTENDANCE_NAMESPACE,
    DUPLICATE_WINDOW,
    GREEN,
    METHODS,
    RED,
    SILENT,
    STATUSES,
    MarkResult,
    attendance_id,
    clean_scan,
)
from desktop.core.attendance.settings import DeskSettings, load_settings, save_settings
from desktop.core.attendance.writes import close_session, undo_mark, write_version

__all__ = [
    "AMBER", "ATTENDANCE_NAMESPACE", "DUPLICATE_WINDOW", "GREEN", "METHODS", "RED", "SILENT",
    "STATUSES", "Desk", "DeskSettings", "MarkResult", "attendance_id", "clean_scan",
    "close_session", "history_for", "latest_marks", "load_settings", "mark_cli",
    "save_settings", "session_counts", "session_marks", "undo_mark", "write_version",
]
