"""The tamper-evident audit log: who did what on this desk, as a hash chain.

`record(store, action, ...)` appends one entry in the caller's transaction (or its own), so
an entry exists exactly when the change it records was committed. Entries are read by the
Audit view (`query`), checked by `audit verify` (`verify`) and carried to the portal in sync
batches and bundles (`desktop.core.sync.audit_chain`). Details must never hold a secret (a PIN,
a passphrase, a token): they are kept forever and travel to the portal."""

from __future__ import annotations

from desktop.core.audit.log import (
    ACTIONS,
    AuditEntry,
    VerifyResult,
    actors,
    entries_after,
    head,
    query,
    record,
    verify,
)

__all__ = [
    "ACTIONS", "AuditEntry", "VerifyResult", "actors", "entries_after", "head", "query", "record", "verify",
]
