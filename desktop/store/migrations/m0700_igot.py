"""Forwarding attendance to iGOT Karmayogi (SYNC-PROTOCOL.md §10): local bookkeeping only.

`igot_request` holds each request exactly as it goes out, frozen before its first attempt
(a crash or a lost answer resends the same bytes); `igot_mark` remembers, per attended mark,
where it was sent and how iGOT answered, so a forwarded mark is never sent again and a mark
corrected after forwarding can be shown as needing action on iGOT. The API key and the
coordinator's token are not here: they live in files beside the sync keys. Local to this
desk: not synced, not in the change log."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
CREATE TABLE igot_request (
    id TEXT PRIMARY KEY NOT NULL,
    igot_user_id TEXT NOT NULL,
    body BLOB NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    answered_at TEXT,
    last_error TEXT
);
CREATE INDEX igot_request_state ON igot_request(state, created_at);
CREATE TABLE igot_mark (
    session_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    workshop_id TEXT NOT NULL,
    igot_user_id TEXT NOT NULL,
    course_id TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    content_id TEXT NOT NULL,
    status_sent TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'forwarded', 'rejected')),
    request_id TEXT REFERENCES igot_request(id),
    reason TEXT,
    forwarded_at TEXT,
    PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX igot_mark_workshop ON igot_mark(workshop_id, state);
CREATE INDEX igot_mark_request ON igot_mark(request_id);
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
