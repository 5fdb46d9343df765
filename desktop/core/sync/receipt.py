"""Receipts (`.kdreceipt`, SYNC-PROTOCOL.md §9): the relaying desk tells the field desk which
of its batches the portal acknowledged.

The file is JSON: `{"receipt": "<the exact receipt JSON text>", "signer": {"device_id",
"institute_code", "public_key"}, "signature": "<Ed25519 over the receipt text's UTF-8
bytes, base64url>"}`. The receipt itself is `{"format": "kdreceipt/1", "device_id", "acked",
"at"}` plus, as this desk's addition, `"responses"`: the portal's stored answer for each
acked batch, so the field desk also learns which of its records were rejected and why (and
quarantines them) instead of believing everything arrived."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from desktop.core.ids import now_ts
from desktop.core.sync import outbox
from desktop.core.sync.keys import DeviceKeys, verify_signature
from desktop.store import Store

FORMAT = "kdreceipt/1"


class ReceiptError(ValueError):
    """A receipt that cannot be used; nothing was changed."""


def export_receipt(
    store: Store, path: Path | str, device_id: str, *, keys: DeviceKeys | None = None
) -> dict[str, Any]:
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
    }
    text = json.dumps(receipt, ensure_ascii=False, separators=(",", ":"))
    doc = {
        "receipt": text,
        "signer": {"device_id": store.device_id, "institute_code": store.institute_code,
                   "public_key": keys.public_key_b64()},
        "signature": keys.sign(text.encode("utf-8")),
    }
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return {"file": str(path), "device_id": device_id, "acked": len(rows)}


def import_receipt(
    store: Store, path: Path | str
) -> dict[str, Any]:
    try:
        raw = Path(path).read_bytes()
        doc = json.loads(raw)
        text = doc["receipt"]
        signer = doc["signer"]
        signature = doc["signature"]
        receipt = json.loads(text)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ReceiptError(f"{path} is not a readable receipt ({exc}).") from exc
    if not isinstance(receipt, dict) or receipt.get("format") != FORMAT:
        raise ReceiptError(f"{path}: not a {FORMAT} receipt.")
    if not verify_signature(str(signer.get("public_key")), str(signature), text.encode("utf-8")):
        raise ReceiptError(f"{path}: the signature does not match; nothing was changed.")
    if receipt.get("device_id") != store.device_id:
        raise ReceiptError(
            f"{path} is for desk {receipt.get('device_id')}, not this one ({store.device_id})."
        )
    if signer.get("institute_code") != store.institute_code:
        raise ReceiptError(f"{path} was signed by a desk of another institute.")
    known = store.conn.execute(
        "SELECT public_key FROM sync_peer WHERE device_id = ?", (signer.get("device_id"),)
    ).fetchone()
    if known is not None and known[0] != signer.get("public_key"):
        raise ReceiptError(
            f"{path} is signed with a different key than desk {signer.get('device_id')} used "
            "before; nothing was changed."
        )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    result = {"file": str(path), "acked": 0, "rejected": 0, "unknown": 0,
              "already_imported": False}
    if store.conn.execute(
        "SELECT 1 FROM sync_receipt_in WHERE receipt_sha256 = ?", (digest,)
    ).fetchone():
        result["already_imported"] = True
        return result
    responses = receipt.get("responses") or {}
    via = f"receipt:{signer.get('device_id')}"
    with store.transaction():
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
                    raise ReceiptError(f"{path}: {exc}") from exc
                result["rejected"] += counts.rejected
            else:
                outbox.mark_acked_by_receipt(store, [batch_id], via)
            result["acked"] += 1
        store.conn.execute(
            "INSERT OR IGNORE INTO sync_peer(device_id, public_key, institute_code, first_seen) "
            "VALUES (?, ?, ?, ?)",
            (signer.get("device_id"), signer.get("public_key"), signer.get("institute_code"),
             now_ts()),
        )
        store.conn.execute(
            "INSERT INTO sync_receipt_in(receipt_sha256, signer, imported_at, acked) "
            "VALUES (?, ?, ?, ?)",
            (digest, str(signer.get("device_id")), now_ts(), result["acked"]),
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
