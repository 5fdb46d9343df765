"""Desk keys this desk trusts (`sync_trusted_signer`), for bundles and receipts alike
(SYNC-PROTOCOL.md §9).

A `.kdbundle` manifest and a `.kdreceipt` both carry their signer's public key, so a valid
signature only proves the file is intact: anyone can make a key and claim any device id. A
file is used only when its key is trusted here, and a key becomes trusted only by a person's
decision: the user compares the key's fingerprint (`keys.fingerprint`, shown on the other
desk's Sync page, by `bundle export` and by `receipt export`) with that desk's operator, out
of band, and confirms it (`trust_fingerprint`, which must match). One table, one rule: a key
confirmed for a desk's bundles is trusted for its receipts too, and the other way round.

A file claiming a desk this desk knows (trusted, or first seen in `sync_peer`) under another
key is refused as a possible forgery (`UntrustedSigner.changed`) unless that new key is
confirmed the same way (a reinstalled desk).

`how = 'carried_over'`: keys of desks whose bundles were imported before confirmation existed
(migration m0204). The user already accepted bundles from that key, so it keeps working for
bundles without asking; it was never compared, so receipts from it still ask once (and the
confirmation upgrades it to `confirmed`). See README, "Trusted desk keys"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.sync.keys import fingerprint, same_fingerprint
from desktop.core.users import Permission, require
from desktop.protocol.ids import now_ts
from desktop.store import Store
from desktop.text.said import said

BUNDLE, RECEIPT = "bundle", "receipt"


#: the kind of file in words another language can say (a signer is asked to confirm it)
_WHAT = {
    "bundle": lambda: said("bundle"),
    "receipt": lambda: said("receipt"),
    "file": lambda: said("file"),
}


class UntrustedSigner(ValueError):
    """The file is intact but signed by a key this desk does not trust (yet); nothing was
    changed. `changed`: this desk knows `device_id` under another key — possibly a forgery.
    `given`: a fingerprint the user confirmed that does not match this key. `what` is
    "bundle" or "receipt" (the modules raise their own subclasses)."""

    what = "file"

    def __init__(self, path: Path | str, device_id: str, public_key: str, *, changed: bool,
                 given: str | None = None, institute_code: str | None = None) -> None:
        self.path = str(path)
        self.device_id = device_id
        self.institute_code = institute_code
        self.public_key = public_key
        self.fingerprint = fingerprint(public_key)
        self.changed = changed
        self.given = given
        desk = (
            said("desk {device_id} of institute {institute_code}", device_id=device_id,
                 institute_code=institute_code)
            if institute_code else said("desk {device_id}", device_id=device_id)
        )
        if given is not None:
            message = said(
                "{path} is signed by {desk} with key fingerprint {fingerprint}, not the "
                "fingerprint {given} that was confirmed. Nothing was changed.",
                path=path, desk=desk, fingerprint=self.fingerprint, given=given,
            )
        elif changed:
            message = said(
                "{path} claims to come from {desk}, but is signed with a different key "
                "(fingerprint {fingerprint}) than the one this desk knows for that "
                "desk: it may be forged. Nothing was changed. Import it only if the operator "
                "of that desk confirms this fingerprint (for example, that desk was "
                "reinstalled).",
                path=path, desk=desk, fingerprint=self.fingerprint,
            )
        else:
            message = said(
                "{path} is signed by {desk}, which this desk does not trust yet (key "
                "fingerprint {fingerprint}). Nothing was changed. Ask the operator of "
                "that desk to read out its key fingerprint, and import the {what} "
                "again, confirming the fingerprint, only if they match.",
                path=path, desk=desk, fingerprint=self.fingerprint, what=_WHAT[self.what](),
            )
        super().__init__(message)


@dataclass(frozen=True)
class Decision:
    """What `check` found: the signer's device id as this desk trusts it, and whether the
    import must record the key as confirmed (`newly_trusted`, in its own transaction)."""

    device_id: str
    public_key: str
    institute_code: str | None
    newly_trusted: bool

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def summary(self) -> dict[str, Any]:
        return {"device_id": self.device_id, "fingerprint": self.fingerprint,
                "newly_trusted": self.newly_trusted}


def check(store: Store, path: Path | str, *, device_id: str, public_key: str,
          institute_code: str | None, trust_fingerprint: str | None, purpose: str,
          error: type[UntrustedSigner] = UntrustedSigner) -> Decision:
    """Whether a file signed by `public_key`, claiming `device_id`, may be used for `purpose`
    (BUNDLE or RECEIPT). Reads only. A trusted key passes; an untrusted one passes when
    `trust_fingerprint` confirms it. A given fingerprint that does not match is refused even
    for a trusted key: the user's check failed. Raises `error` otherwise."""
    def refuse(changed: bool, given: str | None = None) -> UntrustedSigner:
        return error(path, device_id, public_key, changed=changed, given=given,
                     institute_code=institute_code)

    if trust_fingerprint is not None and not same_fingerprint(
        trust_fingerprint, fingerprint(public_key)
    ):
        raise refuse(False, trust_fingerprint)
    row = store.conn.execute(
        "SELECT device_id, how FROM sync_trusted_signer WHERE public_key = ?", (public_key,)
    ).fetchone()
    if row is not None and (row[1] == "confirmed" or purpose == BUNDLE):
        # The receipt's signer block is not signed: keep the name the key was trusted for.
        return Decision(row[0], public_key, institute_code,
                        newly_trusted=row[1] != "confirmed" and trust_fingerprint is not None)
    changed = store.conn.execute(
        "SELECT 1 FROM sync_trusted_signer WHERE device_id = ? AND public_key <> ? "
        "UNION ALL SELECT 1 FROM sync_peer WHERE device_id = ? AND public_key <> ?",
        (device_id, public_key, device_id, public_key),
    ).fetchone() is not None
    if trust_fingerprint is None:
        raise refuse(changed)
    return Decision(row[0] if row is not None else device_id, public_key, institute_code,
                    newly_trusted=True)


def remember(store: Store, decision: Decision) -> None:
    """Record a newly confirmed key; call inside the import's transaction."""
    if not decision.newly_trusted:
        return
    store.conn.execute(
        "INSERT INTO sync_trusted_signer(public_key, device_id, institute_code, fingerprint, "
        "trusted_at, how) VALUES (?, ?, ?, ?, ?, 'confirmed') "
        "ON CONFLICT(public_key) DO UPDATE SET how = 'confirmed', trusted_at = "
        "excluded.trusted_at",
        (decision.public_key, decision.device_id, decision.institute_code,
         decision.fingerprint, now_ts()),
    )


def trusted_keys(store: Store) -> list[dict[str, Any]]:
    """Desk keys whose bundles (and, when `how` is 'confirmed', receipts) this desk accepts,
    oldest first."""
    return [dict(r) for r in store.conn.execute(
        "SELECT device_id, fingerprint, institute_code, trusted_at, how "
        "FROM sync_trusted_signer ORDER BY trusted_at, device_id")]


def untrust(store: Store, given: str) -> list[dict[str, Any]]:
    """Stop trusting the key(s) with fingerprint `given` (typed in any case, with or without
    dashes); returns the rows removed (empty when none matched). Bundles and receipts from
    that key then ask for confirmation again; the desk is still remembered in `sync_peer`, so
    a file claiming it under yet another key stays a possible forgery."""
    require(store, Permission.KEYS)
    with store.transaction():
        rows = [r for r in trusted_keys(store) if same_fingerprint(given, r["fingerprint"])]
        for r in rows:
            store.conn.execute("DELETE FROM sync_trusted_signer WHERE fingerprint = ?",
                               (r["fingerprint"],))
    return rows
