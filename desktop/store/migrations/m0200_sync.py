"""Sync tables (SYNC-PROTOCOL.md §6, §6a, §6b, §9): the outbox, quarantine, run history,
peers and received bundles.

The outbox stores each batch's exact body bytes at freeze time, before the first attempt, so
a retry, a restart after a crash, or a USB relay sends exactly the same bytes under the same
`batch_id`. `sync_batch_record` maps a batch to the record versions (and change-log rows) it
carries, so acknowledgements and rejections land on the right versions. Settings that are not
secret (portal URL, institute, pull cursor) live in `meta` under `sync.*`; the device token
and private keys never enter this file."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
CREATE TABLE sync_batch (
    batch_id TEXT PRIMARY KEY NOT NULL,
    body_sha256 TEXT NOT NULL,
    device_id TEXT NOT NULL,
    relayed INTEGER NOT NULL DEFAULT 0 CHECK (relayed IN (0, 1)),
    record_count INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'sending', 'acked', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    first_sent_at TEXT,
    acked_at TEXT,
    acked_via TEXT,
    source TEXT NOT NULL DEFAULT 'local',
    -- the big values last: SQLite reads a column after a blob by walking its overflow pages
    response BLOB,
    body BLOB NOT NULL
);
CREATE INDEX sync_batch_state ON sync_batch(state, created_at);
CREATE INDEX sync_batch_device ON sync_batch(device_id, state);

CREATE TABLE sync_batch_record (
    batch_id TEXT NOT NULL REFERENCES sync_batch(batch_id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL,
    log_seq INTEGER,
    status TEXT,
    PRIMARY KEY (batch_id, pos)
);
CREATE INDEX sync_batch_record_record ON sync_batch_record(kind, record_id);

CREATE TABLE sync_quarantine (
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL,
    batch_id TEXT,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (kind, record_id)
);

CREATE TABLE sync_run (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    trigger TEXT NOT NULL DEFAULT 'manual',
    outcome TEXT,
    sent_batches INTEGER NOT NULL DEFAULT 0,
    acked_records INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    pulled INTEGER NOT NULL DEFAULT 0,
    pending INTEGER NOT NULL DEFAULT 0,
    message TEXT
);

CREATE TABLE sync_attachment_sent (
    sha256 TEXT PRIMARY KEY NOT NULL,
    at TEXT NOT NULL
);

CREATE TABLE sync_peer (
    device_id TEXT PRIMARY KEY NOT NULL,
    public_key TEXT NOT NULL,
    institute_code TEXT,
    first_seen TEXT NOT NULL
);

CREATE TABLE sync_bundle_in (
    manifest_sha256 TEXT PRIMARY KEY NOT NULL,
    device_id TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    batches INTEGER NOT NULL,
    applied INTEGER NOT NULL,
    stale INTEGER NOT NULL
);

CREATE TABLE sync_receipt_in (
    receipt_sha256 TEXT PRIMARY KEY NOT NULL,
    signer TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    acked INTEGER NOT NULL
);

CREATE INDEX change_log_version ON change_log(kind, record_id, updated_at, origin);
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
