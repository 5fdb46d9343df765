"""The audit chain's wire form, shared by the desk and the portal (SYNC-PROTOCOL §4 additive
kind `audit_entry`).

An entry is hashed as the SHA-256 of its canonical JSON (keys sorted, compact separators,
UTF-8, no ASCII escaping) without its own `hash`; each entry carries the hash of the one before
(`prev`; the first carries `GENESIS`). Rewriting any entry changes its hash, so every later
`prev` stops matching, and a chain rebuilt after the edit ends in a head the portal has never
seen. Pure functions: no database, no HTTP."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

KIND = "audit_entry"
GENESIS = "0" * 64

#: data fields of an `audit_entry` record, in order; `hash` covers every other one
FIELDS: tuple[str, ...] = (
    "n", "at", "actor", "action", "target", "participant_id", "workshop_id", "details",
    "prev", "hash",
)


def canonical_json(value: Any) -> bytes:
    """One byte string per value, whoever writes it: what the chain's hashes are taken over."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def entry_hash(entry_id: str, origin: str, data: Mapping[str, Any]) -> str:
    """The hash of one entry: its id, device and every data field but `hash`."""
    body = {k: data.get(k) for k in FIELDS if k != "hash"}
    body.update(id=entry_id, origin=origin)
    return hashlib.sha256(canonical_json(body)).hexdigest()


def first_break(
    entries: Iterable[tuple[str, str, Mapping[str, Any]]],
    *,
    prev: str = GENESIS,
    n: int = 0,
) -> tuple[int, str] | None:
    """(n of the first bad entry, why) over `(id, origin, data)` in chain order starting after
    the entry numbered `n` whose hash is `prev`; None when the chain is intact."""
    for entry_id, origin, data in entries:
        number = data.get("n")
        if number != n + 1:
            return (n + 1, f"entry {n + 1} is missing (next found: {number})")
        if data.get("prev") != prev:
            return (number, f"entry {number} does not follow entry {n} (prev hash differs)")
        if entry_hash(entry_id, origin, data) != data.get("hash"):
            return (number, f"entry {number} was changed after it was written (hash differs)")
        prev, n = data["hash"], number
    return None
