"""Several desks at one venue (desktop.core.venue).

`venue_desk`: the desks of the venue this database knows — on the hub, the desks that joined
(with the SHA-256 of their token, never the token); on a joined desk, the list the hub sent,
so the attendance desk can say "marked at desk 2". `venue_sent`: own batches a joined desk
has delivered to the hub (they stay queued for the portal until an acknowledgement comes
back). `venue_batch_in`: the hub's answer to each batch it received, for idempotent replays
(SYNC-PROTOCOL.md §6)."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
CREATE TABLE venue_desk (
    device_id TEXT PRIMARY KEY NOT NULL,
    desk_number INTEGER,
    name TEXT,
    token_sha256 TEXT,
    joined_at TEXT,
    left_at TEXT,
    last_contact TEXT,
    hub INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX venue_desk_token ON venue_desk(token_sha256) WHERE token_sha256 IS NOT NULL;
CREATE TABLE venue_sent (
    batch_id TEXT PRIMARY KEY NOT NULL,
    hub_device_id TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE venue_batch_in (
    batch_id TEXT PRIMARY KEY NOT NULL,
    body_sha256 TEXT NOT NULL,
    device_id TEXT NOT NULL,
    response BLOB NOT NULL,
    at TEXT NOT NULL
);
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
