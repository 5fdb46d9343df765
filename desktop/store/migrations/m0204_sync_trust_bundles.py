"""Bundles are imported only from trusted desk keys too (SYNC-PROTOCOL.md §9): one table,
`sync_trusted_signer`, for bundles and receipts; `how` may now also be 'carried_over'.

Before this, a bundle was accepted from any key of the institute and its desk remembered in
`sync_peer` on first sight. A desk whose bundles this desk already imported keeps working
without asking: the user already accepted that key, once, and refusing it now would stop a
running field-desk routine for no new information. Such keys are recorded as
'carried_over' (listed, and removable, like any trusted key), and count for bundles only:
they were never compared by fingerprint, so they do not make receipts trusted (receipts
required a confirmed key already). Desks merely remembered from receipts are not carried
over: their receipt keys were confirmed and are in the table already.

The fingerprint is `keys.fingerprint` (not imported: the store does not depend on the core)."""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timezone

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
CREATE TABLE sync_trusted_signer_new (
    public_key TEXT PRIMARY KEY NOT NULL,
    device_id TEXT NOT NULL,
    institute_code TEXT,
    fingerprint TEXT NOT NULL,
    trusted_at TEXT NOT NULL,
    how TEXT NOT NULL DEFAULT 'confirmed' CHECK (how IN ('confirmed', 'carried_over'))
);
INSERT INTO sync_trusted_signer_new(public_key, device_id, institute_code, fingerprint,
    trusted_at, how)
    SELECT public_key, device_id, institute_code, fingerprint, trusted_at, how
    FROM sync_trusted_signer;
DROP TABLE sync_trusted_signer;
ALTER TABLE sync_trusted_signer_new RENAME TO sync_trusted_signer;
CREATE INDEX sync_trusted_signer_device ON sync_trusted_signer(device_id);
"""


def _fingerprint(public_key_b64: str) -> str:
    try:
        raw = base64.urlsafe_b64decode(public_key_b64 + "=" * (-len(public_key_b64) % 4))
    except ValueError:
        raw = public_key_b64.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest().upper()
    return "-".join(digest[4 * i:4 * i + 4] for i in range(5))


def migrate(db: Database) -> None:
    run_script(db, _SQL)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    peers = db.execute(
        "SELECT device_id, public_key, institute_code FROM sync_peer p "
        "WHERE EXISTS (SELECT 1 FROM sync_bundle_in b WHERE b.device_id = p.device_id) "
        "AND NOT EXISTS (SELECT 1 FROM sync_trusted_signer t WHERE t.public_key = p.public_key)"
    ).fetchall()
    for device_id, public_key, institute_code in peers:
        db.execute(
            "INSERT INTO sync_trusted_signer(public_key, device_id, institute_code, fingerprint, "
            "trusted_at, how) VALUES (?, ?, ?, ?, ?, 'carried_over')",
            (public_key, device_id, institute_code, _fingerprint(public_key), now),
        )
