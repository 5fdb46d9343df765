"""Relay desks whose receipts this desk trusts (SYNC-PROTOCOL.md §9).

A `.kdreceipt` carries its signer's public key, so its signature alone proves nothing about
who wrote it. A receipt is applied only when its key is in this table, and a key enters it
only by a person's decision: the user compared the key's fingerprint with the one the relay
desk shows and confirmed it. One row per key (a reinstalled relay desk gets a new key, which
must be confirmed again); `device_id` is the desk the key was confirmed for, so a receipt
claiming that desk under another key is refused as a possible forgery. Local to this desk:
not synced, not in the change log."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
CREATE TABLE sync_trusted_signer (
    public_key TEXT PRIMARY KEY NOT NULL,
    device_id TEXT NOT NULL,
    institute_code TEXT,
    fingerprint TEXT NOT NULL,
    trusted_at TEXT NOT NULL,
    how TEXT NOT NULL DEFAULT 'confirmed' CHECK (how IN ('confirmed'))
);
CREATE INDEX sync_trusted_signer_device ON sync_trusted_signer(device_id);
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
