"""Certificates (local tables): number counters, stored issue files, re-issue reasons and
the public keys this desk trusts (its own and imported trust lists)."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
CREATE TABLE certificate_counter (
    institute TEXT NOT NULL, year INTEGER NOT NULL, last INTEGER NOT NULL,
    PRIMARY KEY (institute, year)
);
CREATE TABLE certificate_file (
    certificate_id TEXT PRIMARY KEY,
    pdf_path TEXT NOT NULL,            -- relative to files_dir(db)
    batch_path TEXT,                   -- the combined print file it was issued in
    template TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE certificate_reissue (
    certificate_id TEXT PRIMARY KEY,   -- the new certificate
    supersedes TEXT NOT NULL,          -- the old certificate's id
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE trusted_key (
    kid TEXT PRIMARY KEY,
    institute TEXT NOT NULL,
    public_key TEXT NOT NULL,          -- base64url of the raw 32 bytes
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    own INTEGER NOT NULL DEFAULT 0     -- 1 = this centre's key (private half in the keys folder)
);
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
