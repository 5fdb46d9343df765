"""Digest reconciliation (SYNC-PROTOCOL.md §6a).

The desk's digest covers the records it believes the portal holds from it: the current
version of each record made here whose change-log entry for exactly that version is
`acked`. Where a kind differs from the portal's digest, every current own version of that
kind that is not already on its way is queued again (a new `pending` change-log row for the
same version): safe, because batches are idempotent and the portal answers old versions
`stale`. An automatic reconcile does not queue the same mismatch twice — if re-sending did not
fix a kind, looping would not either; the user is told and `sync reconcile` forces it.

`sync reconcile` does not stop at queueing: it sends, then compares again (`recheck`), and
reports what still differs (`remaining`): each record the portal answered `rejected`, or
`stale` while holding another version than the desk's (the portal names that version in the
answer's `current`, an addition of this portal to §6), and each kind whose digests still
differ. Desk and portal agree only when the second comparison is equal."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from desktop.protocol.records import KIND_ORDER
from desktop.store import Store

EMPTY_SHA = hashlib.sha256(b"").hexdigest()


def _cache_key(store: Store) -> str:
    """Changes whenever the digest could: every new version adds a change-log row, and every
    acknowledgement marks a batch acked (portal answer, lookup or receipt)."""
    seq = store.conn.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    acked = store.conn.execute(
        "SELECT count(*), max(acked_at) FROM sync_batch WHERE state = 'acked'"
    ).fetchone()
    return json.dumps([store.device_id, seq, acked[0], acked[1]])


def local_digest(store: Store) -> dict[str, dict[str, Any]]:
    key = _cache_key(store)
    cached = store.meta_get("sync.digest_cache")
    if cached:
        doc = json.loads(cached)
        if doc.get("key") == key:
            return doc["kinds"]
    me = store.device_id
    kinds: dict[str, dict[str, Any]] = {}
    for kind in KIND_ORDER:
        rows = store.conn.execute(
            f"""SELECT t.id || ' ' || t.updated_at || char(10) FROM {kind} t
                WHERE t.origin = ? AND EXISTS (
                    SELECT 1 FROM change_log c WHERE c.kind = ? AND c.record_id = t.id
                    AND c.updated_at = t.updated_at AND c.origin = t.origin
                    AND c.state = 'acked')
                ORDER BY t.id""",
            (me, kind),
        ).fetchall()
        text = "".join(r[0] for r in rows)
        kinds[kind] = {"count": len(rows), "sha256": hashlib.sha256(text.encode()).hexdigest()}
    store.meta_set("sync.digest_cache", json.dumps({"key": key, "kinds": kinds}))
    return kinds


def _norm(entry: Any) -> tuple[int, str]:
    if not isinstance(entry, dict):
        return 0, EMPTY_SHA
    return int(entry.get("count") or 0), str(entry.get("sha256") or EMPTY_SHA)


def requeue_kind(store: Store, kind: str) -> int:
    """Queue again every current own version of `kind` not already pending or in flight."""
    me = store.device_id
    with store.transaction():
        return store.conn.execute(
            f"""INSERT INTO change_log(kind, record_id, updated_at, origin, state)
                SELECT ?, t.id, t.updated_at, t.origin, 'pending' FROM {kind} t
                WHERE t.origin = ? AND NOT EXISTS (
                    SELECT 1 FROM change_log c WHERE c.kind = ? AND c.record_id = t.id
                    AND c.updated_at = t.updated_at AND c.origin = t.origin
                    AND c.state IN ('pending', 'batched'))""",
            (kind, me, kind),
        ).rowcount


def compare(
    store: Store, portal: dict[str, Any], *, force: bool
) -> dict[str, Any]:
    """Compare with the portal's digest and queue kinds that differ; returns a report."""
    local = local_digest(store)
    remote = portal.get("kinds") if isinstance(portal, dict) else None
    remote = remote if isinstance(remote, dict) else {}
    report: dict[str, Any] = {"equal": True, "kinds": {}, "requeued": 0, "stuck": []}
    for kind in KIND_ORDER:
        mine = _norm(local[kind])
        theirs = _norm(remote.get(kind))
        entry = {"local": {"count": mine[0], "sha256": mine[1]},
                 "portal": {"count": theirs[0], "sha256": theirs[1]},
                 "equal": mine == theirs, "requeued": 0}
        report["kinds"][kind] = entry
        key = f"sync.reconcile.{kind}"
        if mine == theirs:
            if store.meta_get(key) is not None:
                store.meta_set(key, None)
            continue
        report["equal"] = False
        signature = json.dumps([mine, theirs])
        if not force and store.meta_get(key) == signature:
            report["stuck"].append(kind)
            continue
        entry["requeued"] = requeue_kind(store, kind)
        report["requeued"] += entry["requeued"]
        store.meta_set(key, signature)
    return report


def _entries(store: Store, portal: dict[str, Any]) -> dict[str, dict[str, Any]]:
    local = local_digest(store)
    remote = portal.get("kinds") if isinstance(portal, dict) else None
    remote = remote if isinstance(remote, dict) else {}
    entries = {}
    for kind in KIND_ORDER:
        mine, theirs = _norm(local[kind]), _norm(remote.get(kind))
        entries[kind] = {"local": {"count": mine[0], "sha256": mine[1]},
                         "portal": {"count": theirs[0], "sha256": theirs[1]},
                         "equal": mine == theirs}
    return entries


def recheck(store: Store, portal: dict[str, Any]) -> dict[str, Any]:
    """Compare with the portal's digest again, queueing nothing: after the records that
    differed were sent, what is still different?"""
    kinds = _entries(store, portal)
    return {"equal": all(e["equal"] for e in kinds.values()), "kinds": kinds}


def batch_ids(store: Store) -> set[str]:
    """The batches this desk holds now (to tell, after a send, which ones it made)."""
    return {r[0] for r in store.conn.execute("SELECT batch_id FROM sync_batch")}


def differences(store: Store, before: set[str],
                rejected: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records the portal does not hold as this desk has them: `rejected` (the sync's
    quarantined records), and those answered `stale` in the batches made since `before`
    while the portal holds another version (the answer's `current`). Each: kind, id, the
    desk's version, the portal's (None when it did not say)."""
    found: list[dict[str, Any]] = []
    for r in rejected:
        row = store.record(r["kind"], r["id"])
        desk = {"updated_at": row["updated_at"], "origin": row["origin"]} if row else None
        found.append({"kind": r["kind"], "id": r["id"], "desk": desk, "portal": None,
                      "problem": "rejected", "message": f"{r['code']}: {r['message']}"})
    for batch_id in sorted(batch_ids(store) - before):  # only the new ones' answers are read
        row = store.conn.execute(
            "SELECT response FROM sync_batch WHERE batch_id = ? AND state = 'acked' "
            "AND response IS NOT NULL", (batch_id,)
        ).fetchone()
        if row is None:
            continue
        results = (json.loads(row[0]) or {}).get("results") or []
        rows = store.conn.execute(
            "SELECT kind, record_id, updated_at, origin FROM sync_batch_record "
            "WHERE batch_id = ? ORDER BY pos", (batch_id,)
        ).fetchall()
        for (kind, record_id, updated_at, origin), result in zip(rows, results, strict=False):
            current = result.get("current") if isinstance(result, dict) else None
            if (result.get("status") == "stale" and isinstance(current, dict)
                    and (current.get("updated_at"), current.get("origin"))
                    != (updated_at, origin)):
                found.append({"kind": kind, "id": record_id,
                              "desk": {"updated_at": updated_at, "origin": origin},
                              "portal": {"updated_at": current.get("updated_at"),
                                         "origin": current.get("origin")},
                              "problem": "portal_holds_other", "message": None})
    return found
