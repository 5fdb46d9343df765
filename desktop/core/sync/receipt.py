"""Receipts (`.kdreceipt`, SYNC-PROTOCOL.md §9): the relaying desk tells the field desk which
of its batches the portal acknowledged.

The file is JSON: `{"receipt": "<the exact receipt JSON text>", "signer": {"device_id",
"institute_code", "public_key"}, "signature": "<Ed25519 over the receipt text's UTF-8
bytes, base64url>"}`. The receipt itself is `{"format": "kdreceipt/1", "device_id", "acked",
"at"}` plus, as this desk's addition, `"responses"`: the portal's stored answer for each
acked batch, so the field desk also learns which of its records were rejected and why (and
quarantines them) instead of believing everything arrived; and `"signer": {"device_id",
"institute_code"}`, the signed copy of the file's `signer` (which the signature does not
cover): a receipt whose two copies differ is refused as damaged. Receipts without it (older
desks) are read as before.

Trust: the signature is checked against the key the file carries, which only proves the file
is intact — anyone can make a key. So a receipt is applied only when its key is one this desk
trusts (`sync_trusted_signer`), and a key becomes trusted only by a person's decision: the
user compares the key's fingerprint (`keys.fingerprint`, shown on the relay desk's Sync page
and by `receipt export`) with the relay operator, out of band, and confirms it
(`trust_fingerprint`, which must match). Bundles follow the same rule with the same table
(`trust`): a key confirmed for a desk's bundles is trusted for its receipts. A key merely
carried over from before bundles asked (`how = 'carried_over'`) does not count for receipts.
A receipt naming a desk this desk knows under another key is refused as a possible forgery
(`UntrustedSigner.changed`) unless that new key is confirmed the same way."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from desktop.core import clock
from desktop.core.sync import damage, outbox, trust
from desktop.core.sync.keys import DeviceKeys, verify_signature
from desktop.core.users import Permission, require
from desktop.fileio import write_file_atomic
from desktop.protocol.ids import now_ts
from desktop.store import Store
from desktop.text.os_reason import os_reason
from desktop.text.said import said, said_of

FORMAT = "kdreceipt/1"


class ReceiptError(ValueError):
    """A receipt that cannot be used; nothing was changed."""


class DamagedReceipt(damage.DamagedFile, ReceiptError):
    """A damaged, truncated or unreadable part of the receipt (`damage.DamagedFile`)."""

    what = "receipt"


class UntrustedSigner(trust.UntrustedSigner, ReceiptError):
    """The receipt is intact but signed by a key this desk does not trust (yet); nothing was
    changed (see `trust.UntrustedSigner`)."""

    what = "receipt"


def own_fingerprint(store: Store, *, keys: DeviceKeys | None = None) -> str:
    """The fingerprint of this desk's receipt-signing key, for a field desk to compare."""
    return (keys or DeviceKeys.for_store(store)).fingerprint()


def trusted_signers(store: Store) -> list[dict[str, Any]]:
    """Desk keys this desk trusts (`trust.trusted_keys`), oldest first."""
    return trust.trusted_keys(store)


def export_receipt(
    store: Store, path: Path | str, device_id: str, *, keys: DeviceKeys | None = None
) -> dict[str, Any]:
    require(store, Permission.BUNDLES)
    keys = keys or DeviceKeys.for_store(store)
    rows = store.conn.execute(
        "SELECT batch_id, response FROM sync_batch WHERE device_id = ? AND state = 'acked' "
        "AND relayed = 1 ORDER BY created_at",
        (device_id,),
    ).fetchall()
    receipt = {
        "format": FORMAT,
        "device_id": device_id,
        "acked": [r["batch_id"] for r in rows],
        "at": now_ts(),
        "responses": {
            r["batch_id"]: json.loads(r["response"]) for r in rows if r["response"] is not None
        },
        "signer": {"device_id": store.device_id, "institute_code": store.institute_code},
    }
    text = json.dumps(receipt, ensure_ascii=False, separators=(",", ":"))
    doc = {
        "receipt": text,
        "signer": {"device_id": store.device_id, "institute_code": store.institute_code,
                   "public_key": keys.public_key_b64()},
        "signature": keys.sign(text.encode("utf-8")),
    }
    path = Path(path)
    write_file_atomic(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return {"file": str(path), "device_id": device_id, "acked": len(rows),
            "signer_fingerprint": keys.fingerprint()}


def _read_verified(path: Path | str) -> tuple[dict[str, Any], str, str, dict[str, Any]]:
    """(signer, signature, receipt text, receipt) of a receipt file whose signature matches
    the key it carries; a damaged, truncated or unreadable part is refused as
    `DamagedReceipt` naming it, anything else unusable as `ReceiptError`."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ReceiptError(said(
                "{path} cannot be opened ({reason}).",
                path=path, reason=os_reason(exc),
            )) from exc
    try:
        doc = json.loads(raw)
    except ValueError as exc:  # UnicodeDecodeError included: a flipped byte, a cut copy
        raise DamagedReceipt(path, None, "not_json") from exc
    if not isinstance(doc, dict):
        raise ReceiptError(said("{path} is not a {format} receipt.", path=path, format=FORMAT))
    for part, kind in (("receipt", str), ("signer", dict), ("signature", str)):
        if not isinstance(doc.get(part), kind):
            raise DamagedReceipt(path, part, "missing" if part not in doc else "unreadable")
    signer, signature, text = doc["signer"], doc["signature"], doc["receipt"]
    try:
        signed = text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a damaged escape left half a surrogate pair
        raise DamagedReceipt(path, "receipt", "unreadable") from exc
    if not verify_signature(str(signer.get("public_key")), signature, signed):
        raise DamagedReceipt(path, "receipt", "signature")
    try:
        receipt = json.loads(text)
    except ValueError as exc:
        raise DamagedReceipt(path, "receipt", "not_json") from exc
    if not isinstance(receipt, dict) or receipt.get("format") != FORMAT:
        raise ReceiptError(said("{path}: not a {format} receipt.", path=path, format=FORMAT))
    claimed = receipt.get("signer")
    if claimed is not None and claimed != {"device_id": signer.get("device_id"),
                                           "institute_code": signer.get("institute_code")}:
        raise DamagedReceipt(path, "signer", "signature")  # the unsigned copy was changed
    return signer, signature, text, receipt


def import_receipt(
    store: Store, path: Path | str, *, trust_fingerprint: str | None = None
) -> dict[str, Any]:
    """Apply a receipt signed by a trusted relay desk. `trust_fingerprint`: the signer's key
    fingerprint as the user confirmed it; when it matches, the key becomes trusted in the same
    transaction as the import. Raises `UntrustedSigner` for a key not trusted and
    `ReceiptError` for anything else; then nothing was changed."""
    require(store, Permission.BUNDLES)
    signer, signature, text, receipt = _read_verified(path)
    public_key = str(signer.get("public_key"))
    signer_id = str(signer.get("device_id"))
    if receipt.get("device_id") != store.device_id:
        raise ReceiptError(
            said(
                "{path} is for desk {theirs}, not this one ({device_id}).",
                path=path, theirs=receipt.get('device_id'), device_id=store.device_id,
            )
        )
    if signer.get("institute_code") != store.institute_code:
        raise ReceiptError(said("{path} was signed by a desk of another institute.", path=path))
    decision = trust.check(store, path, device_id=signer_id, public_key=public_key,
                           institute_code=signer.get("institute_code"),
                           trust_fingerprint=trust_fingerprint, purpose=trust.RECEIPT,
                           error=UntrustedSigner)
    signer_id = decision.device_id
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    result: dict[str, Any] = {
        "file": str(path), "acked": 0, "rejected": 0, "unknown": 0, "already_imported": False,
        "signer": decision.summary(),
        "clock_warning": None,
    }
    warning = clock.observe_creation(store, "receipt", receipt.get("at"))
    if warning is not None:  # made "in the future" by this laptop's clock
        result["clock_warning"] = warning.as_dict()
    responses = receipt.get("responses") or {}
    via = f"receipt:{signer_id}"
    with store.transaction():
        trust.remember(store, decision)
        if store.conn.execute(
            "SELECT 1 FROM sync_receipt_in WHERE receipt_sha256 = ?", (digest,)
        ).fetchone():
            result["already_imported"] = True
            return result
        for batch_id in receipt.get("acked") or []:
            batch = outbox.get_batch(store, batch_id)
            if batch is None:
                result["unknown"] += 1
                continue
            if batch.state == "acked":
                continue
            response = responses.get(batch_id)
            if response is not None:
                try:
                    counts = outbox.apply_response(store, batch_id, response, via=via)
                except outbox.ResponseMismatch as exc:
                    raise ReceiptError(said("{path}: {error}", path=path, error=said_of(exc) or str(exc))) from exc
                result["rejected"] += counts.rejected
            else:
                outbox.mark_acked_by_receipt(store, [batch_id], via)
            result["acked"] += 1
        store.conn.execute(
            "INSERT OR IGNORE INTO sync_peer(device_id, public_key, institute_code, first_seen) "
            "VALUES (?, ?, ?, ?)",
            (signer_id, public_key, signer.get("institute_code"), now_ts()),
        )
        store.conn.execute(
            "INSERT INTO sync_receipt_in(receipt_sha256, signer, imported_at, acked) "
            "VALUES (?, ?, ?, ?)",
            (digest, signer_id, now_ts(), result["acked"]),
        )
    return result


def relayed_devices(store: Store) -> list[dict[str, Any]]:
    """Field desks whose batches this desk relayed: how many reached the portal so far."""
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT device_id, count(*) AS batches, "
            "sum(state = 'acked') AS acked FROM sync_batch WHERE relayed = 1 "
            "GROUP BY device_id ORDER BY device_id"
        )
    ]
