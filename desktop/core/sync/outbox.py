"""The outbox: batches frozen from the change log, their states, acknowledgements and the
quarantine of rejected records (SYNC-PROTOCOL.md §3, §6, §6b).

Freezing happens in one transaction: the batch id and the exact body bytes are stored and
the change-log rows move from `pending` to `batched` together, so a crash either leaves the
versions pending (nothing frozen) or frozen (resent byte for byte). Several versions of one
record are coalesced to the current one: older pending versions become `superseded`.
Only versions made on this desk are batched here; relayed batches (USB bundles) arrive whole
through `add_relayed` and keep their id and bytes.

A little over 500 lines on purpose: the outbox is one state machine over two tables
(change-log rows pending → batched → acked, batches queued → sending → acked / failed, records
quarantined and released). Every transition is its own short transaction, and the crash rules
above hold only if they are read together; the counts and the quarantine list read the same
rows the same way."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.sync import audit_chain
from desktop.core.users import Permission, require
from desktop.protocol.ids import new_id, now_ts
from desktop.protocol.records import BY_COLUMN, BY_FIELD, JSON_FIELDS, KIND_FIELDS, KIND_ORDER
from desktop.store import Store
from desktop.text.said import said

PROTOCOL = 1


@dataclass(frozen=True)
class Limits:
    """What the portal accepts per batch (§3); the defaults are the protocol's example."""

    max_records: int = 1000
    max_bytes: int = 5 * 1024 * 1024

    @classmethod
    def from_info(cls, info: dict[str, Any]) -> Limits:
        return cls(int(info.get("max_records") or 1000), int(info.get("max_bytes") or 5242880))


@dataclass(frozen=True)
class BatchRow:
    batch_id: str
    body: bytes
    state: str
    attempts: int
    record_count: int
    relayed: bool
    device_id: str
    first_sent_at: str | None
    last_error: str | None


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON: the one serialisation used for bodies, manifests and receipts."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# -- building ------------------------------------------------------------------------------
def _supersede_stale_versions(store: Store) -> None:
    """Pending versions that are no longer the record's current version will never be sent."""
    if not store.conn.execute("SELECT 1 FROM change_log WHERE state = 'pending' LIMIT 1").fetchone():
        return
    for kind in KIND_ORDER:
        # `+kind`: look rows up by state (few pending), not by kind (all of them)
        store.conn.execute(
            f"""UPDATE change_log SET state = 'superseded'
                WHERE state = 'pending' AND +kind = ? AND NOT EXISTS (
                    SELECT 1 FROM {kind} t WHERE t.id = change_log.record_id
                    AND t.updated_at = change_log.updated_at AND t.origin = change_log.origin)""",
            (kind,),
        )


def record_json_sql(kind: str, alias: str = "t") -> str:
    """SQL that renders a row as its compact §4 record JSON (SQLite's JSON1): the same record
    `row_to_record` + `dumps` make, ~10x faster for 100,000 rows."""
    fields = []
    for field in KIND_FIELDS[kind]:
        column = f"{alias}.{field}"
        value = f"json({column})" if (kind, field) in JSON_FIELDS else column
        fields.append(f"'{field}', {value}")
    return (
        f"json_object('kind', '{kind}', 'id', {alias}.id, 'updated_at', {alias}.updated_at, "
        f"'origin', {alias}.origin, "
        f"'deleted', json(CASE WHEN {alias}.deleted THEN 'true' ELSE 'false' END), "
        f"'data', json_patch(CASE WHEN {alias}.deleted THEN json_object() "
        f"ELSE json_object({', '.join(fields)}) END, "
        # the optional `by` last, left out when NULL (a merge patch drops null members)
        f"json_object('{BY_FIELD}', {alias}.{BY_COLUMN})))"
    )


def _pending_records(store: Store) -> Iterator[tuple[int, dict[str, Any], bytes]]:
    """(change-log seq, record envelope, record bytes) for each current own version pending,
    parents before children and in the order they were made within a kind."""
    me = store.device_id
    for kind in KIND_ORDER:
        rows = store.conn.execute(
            f"""SELECT c.seq, t.id, t.updated_at, t.origin, {record_json_sql(kind)}
                FROM change_log c
                JOIN {kind} t ON t.id = c.record_id AND t.updated_at = c.updated_at
                               AND t.origin = c.origin
                WHERE c.state = 'pending' AND +c.kind = ? AND c.origin = ?
                ORDER BY c.seq""",
            (kind, me),
        )
        seen: set[str] = set()
        for seq, record_id, updated_at, origin, text in rows:
            if record_id in seen:  # the same version logged twice (a reconcile re-queue)
                store.conn.execute("UPDATE change_log SET state='superseded' WHERE seq=?", (seq,))
                continue
            seen.add(record_id)
            envelope = {"kind": kind, "id": record_id, "updated_at": updated_at,
                        "origin": origin}
            yield seq, envelope, text.encode("utf-8")


def _envelope(batch_id: str, device_id: str, institute: str, created_at: str) -> bytes:
    head = dumps(
        {
            "protocol": PROTOCOL,
            "batch_id": batch_id,
            "device_id": device_id,
            "institute_code": institute,
            "created_at": created_at,
            "records": [],
        }
    )
    assert head.endswith(b"[]}")
    return head[:-2]  # ends with '"records":['


def build_body(
    batch_id: str, device_id: str, institute: str, created_at: str, parts: Sequence[bytes]
) -> bytes:
    return _envelope(batch_id, device_id, institute, created_at) + b",".join(parts) + b"]}"


def freeze_pending(store: Store, limits: Limits, *, max_records: int | None = None) -> list[str]:
    """Turn every pending own version into frozen batches within `limits`; returns their ids."""
    cap = min(limits.max_records, max_records or limits.max_records)
    institute = store.institute_code or ""
    me = store.device_id
    made: list[str] = []
    with store.transaction():
        _supersede_stale_versions(store)
        current: list[tuple[int, dict[str, Any], bytes]] = []
        size = 0
        batch_id = new_id()
        created = now_ts()
        overhead = len(_envelope(batch_id, me, institute, created)) + 2

        def flush() -> None:
            nonlocal current, size, batch_id, created
            if current:
                _store_batch(store, batch_id, created, current, me, institute)
                made.append(batch_id)
            current, size = [], 0
            batch_id, created = new_id(), now_ts()

        for seq, record, raw in audit_chain.with_entries(store, _pending_records(store)):
            extra = len(raw) + (1 if current else 0)
            if overhead + len(raw) > limits.max_bytes:
                _quarantine(
                    store, record, None, "too_large",
                    f"This record is {len(raw)} bytes; the portal takes at most "
                    f"{limits.max_bytes} bytes per batch.",
                )
                store.conn.execute("UPDATE change_log SET state='superseded' WHERE seq=?", (seq,))
                continue
            if current and (len(current) >= cap or overhead + size + extra > limits.max_bytes):
                flush()
                extra = len(raw)
            current.append((seq, record, raw))
            size += extra
        flush()
    return made


def _store_batch(
    store: Store,
    batch_id: str,
    created: str,
    items: list[tuple[int, dict[str, Any], bytes]],
    device_id: str,
    institute: str,
) -> None:
    body = build_body(batch_id, device_id, institute, created, [raw for _, _, raw in items])
    store.conn.execute(
        """INSERT INTO sync_batch(batch_id, body, body_sha256, device_id, relayed, record_count,
               state, created_at, source) VALUES (?, ?, ?, ?, 0, ?, 'queued', ?, 'local')""",
        (batch_id, body, hashlib.sha256(body).hexdigest(), device_id,
         sum(1 for _, r, _ in items if r["kind"] != audit_chain.KIND), created),
    )
    store.conn.executemany(
        """INSERT INTO sync_batch_record(batch_id, pos, kind, record_id, updated_at, origin,
               log_seq) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [
            (batch_id, pos, r["kind"], r["id"], r["updated_at"], r["origin"], seq)
            for pos, (seq, r, _) in enumerate(items)
        ],
    )
    store.conn.execute(
        "UPDATE change_log SET state = 'batched' WHERE seq IN "
        "(SELECT log_seq FROM sync_batch_record WHERE batch_id = ?)",
        (batch_id,),
    )
    if store.conn.execute("SELECT 1 FROM sync_quarantine LIMIT 1").fetchone():
        store.conn.executemany(
            "DELETE FROM sync_quarantine WHERE kind = ? AND record_id = ?",
            [(r["kind"], r["id"]) for _, r, _ in items],
        )


def add_relayed(store: Store, batch_id: str, body: bytes, *, source: str) -> bool:
    """Keep a batch from another desk for relaying unchanged. False if already known."""
    if store.conn.execute("SELECT 1 FROM sync_batch WHERE batch_id=?", (batch_id,)).fetchone():
        return False
    doc = json.loads(body)
    records = doc["records"]
    with store.transaction():
        store.conn.execute(
            """INSERT INTO sync_batch(batch_id, body, body_sha256, device_id, relayed,
                   record_count, state, created_at, source)
               VALUES (?, ?, ?, ?, 1, ?, 'queued', ?, ?)""",
            (batch_id, body, hashlib.sha256(body).hexdigest(), doc["device_id"],
             sum(1 for r in records if r.get("kind") != audit_chain.KIND),
             doc.get("created_at") or now_ts(), source),
        )
        store.conn.executemany(
            """INSERT INTO sync_batch_record(batch_id, pos, kind, record_id, updated_at,
                   origin) VALUES (?, ?, ?, ?, ?, ?)""",
            [(batch_id, pos, r["kind"], r["id"], r["updated_at"], r["origin"])
             for pos, r in enumerate(records)],
        )
    return True


# -- reading -----------------------------------------------------------------------------
_BATCH_COLUMNS = (
    "batch_id, body, state, attempts, record_count, relayed, device_id, first_sent_at, last_error"
)


def _batch(row: Any) -> BatchRow:
    return BatchRow(
        row["batch_id"], bytes(row["body"]), row["state"], row["attempts"], row["record_count"],
        bool(row["relayed"]), row["device_id"], row["first_sent_at"], row["last_error"],
    )


def sendable(store: Store) -> list[BatchRow]:
    rows = store.conn.execute(
        f"SELECT {_BATCH_COLUMNS} FROM sync_batch WHERE state IN ('queued', 'sending') "
        "ORDER BY created_at, rowid"
    )
    return [_batch(r) for r in rows]


def get_batch(store: Store, batch_id: str) -> BatchRow | None:
    row = store.conn.execute(
        f"SELECT {_BATCH_COLUMNS} FROM sync_batch WHERE batch_id = ?", (batch_id,)
    ).fetchone()
    return None if row is None else _batch(row)


def batch_records(store: Store, batch_id: str) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT * FROM sync_batch_record WHERE batch_id = ? ORDER BY pos", (batch_id,)
        )
    ]


def recover_interrupted(store: Store) -> int:
    """§6b: a batch left `sending` by a crash is `queued` again (same bytes next time)."""
    with store.transaction():
        return store.conn.execute(
            "UPDATE sync_batch SET state = 'queued' WHERE state = 'sending'"
        ).rowcount


# -- state changes -----------------------------------------------------------------------
def mark_sending(store: Store, batch_id: str) -> None:
    with store.transaction():
        store.conn.execute(
            """UPDATE sync_batch SET state = 'sending', attempts = attempts + 1,
                   first_sent_at = coalesce(first_sent_at, ?) WHERE batch_id = ?""",
            (now_ts(), batch_id),
        )


def mark_retry(store: Store, batch_id: str, error: str, next_at: str | None) -> None:
    with store.transaction():
        store.conn.execute(
            """UPDATE sync_batch SET state = 'queued', last_error = ?, next_attempt_at = ?
               WHERE batch_id = ? AND state IN ('queued', 'sending')""",
            (error, next_at, batch_id),
        )


class ResponseMismatch(ValueError):
    """The portal's answer does not list our records in order: never guess what it meant."""


@dataclass
class AckCounts:
    applied: int = 0
    stale: int = 0
    rejected: int = 0

    @property
    def acked(self) -> int:
        return self.applied + self.stale


def apply_response(
    store: Store, batch_id: str, response: dict[str, Any], *, via: str = "portal"
) -> AckCounts:
    """Record the portal's per-record answer: acked versions, quarantined rejections."""
    records = store.conn.execute(
        "SELECT pos, kind, record_id, updated_at, origin FROM sync_batch_record "
        "WHERE batch_id = ? ORDER BY pos",
        (batch_id,),
    ).fetchall()
    results = response.get("results") if isinstance(response, dict) else None
    if not isinstance(results, list) or len(results) != len(records):
        raise ResponseMismatch(
            said(
                "The portal's answer for batch {batch_id} has {results} results for {records} records.",
                batch_id=batch_id, results=len(results) if isinstance(results, list) else "no",
                records=len(records),
            )
        )
    counts = AckCounts()
    rejected: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for record, result in zip(records, results, strict=True):
        if not isinstance(result, dict) or result.get("id") != record[2]:
            raise ResponseMismatch(
                said(
                    "The portal's answer for batch {batch_id} is not in the order sent (expected "
                    "{id} at position {position}).",
                    batch_id=batch_id, id=record[2], position=record[0] + 1,
                )
            )
        status = result.get("status")
        if record[1] == audit_chain.KIND and status in ("applied", "stale", "rejected"):
            continue  # the chain travels along; counts are the user's records
        if status == "applied":
            counts.applied += 1
        elif status == "stale":
            counts.stale += 1
        elif status == "rejected":
            counts.rejected += 1
            rejected.append((tuple(record), result))
        else:
            raise ResponseMismatch(said(
                    "Unknown record status {status!r} in batch {batch_id}.",
                    status=status, batch_id=batch_id,
                ))
    missing = [pos for (pos, *_), result in rejected
               if result.get("code") == "missing_attachment"]
    with store.transaction():
        if missing:
            _forget_sent_attachments(store, batch_id, missing)
        for (pos, kind, record_id, updated_at, origin), result in rejected:
            store.conn.execute(
                "UPDATE sync_batch_record SET status = 'rejected' WHERE batch_id = ? AND pos = ?",
                (batch_id, pos),
            )
            _quarantine(
                store,
                {"kind": kind, "id": record_id, "updated_at": updated_at, "origin": origin},
                batch_id,
                str(result.get("code") or "rejected"),
                str(result.get("message") or "rejected by the portal"),
            )
        # Every version not rejected is acknowledged (applied, or stale: the portal holds the
        # same or a newer one). The per-record detail stays in the stored response.
        store.conn.execute(
            "UPDATE change_log SET state = 'acked' WHERE state = 'batched' AND seq IN "
            "(SELECT log_seq FROM sync_batch_record WHERE batch_id = ? AND status IS NULL "
            "AND log_seq IS NOT NULL)",
            (batch_id,),
        )
        store.conn.execute(
            "UPDATE sync_batch_record SET status = 'acked' WHERE batch_id = ? AND status IS NULL",
            (batch_id,),
        )
        store.conn.execute(
            """UPDATE sync_batch SET state = 'acked', acked_at = ?, acked_via = ?, response = ?,
                   last_error = NULL, next_attempt_at = NULL WHERE batch_id = ?""",
            (now_ts(), via, dumps(response), batch_id),
        )
    return counts


def _forget_sent_attachments(store: Store, batch_id: str, positions: list[int]) -> None:
    """The portal says it lacks attachments we believed uploaded (e.g. it lost them, or the
    desk was enrolled with another portal): forget that they were sent, so the record's next
    version uploads them again instead of being rejected for ever."""
    body = store.conn.execute(
        "SELECT body FROM sync_batch WHERE batch_id = ?", (batch_id,)
    ).fetchone()
    if body is None:
        return
    records = json.loads(bytes(body[0]))["records"]
    shas = {
        str(ref.get("sha256"))
        for pos in positions if 0 <= pos < len(records)
        for ref in (records[pos].get("data") or {}).get("attachments") or []
        if isinstance(ref, dict)
    }
    store.conn.executemany(
        "DELETE FROM sync_attachment_sent WHERE sha256 = ?", [(sha,) for sha in shas]
    )


def mark_failed(store: Store, batch_id: str, error: str, *, quarantine_code: str | None = None,
                requeue: bool = False) -> None:
    """A whole-batch 4xx: never resent unchanged. Its records are either quarantined with the
    portal's message (fix or discard them) or, when the fault was not theirs (409), queued
    again as new versions of the log under a fresh batch."""
    records = batch_records(store, batch_id)
    with store.transaction():
        store.conn.execute(
            "UPDATE sync_batch SET state = 'failed', last_error = ? WHERE batch_id = ?",
            (error, batch_id),
        )
        if requeue:
            audit_chain.send_again(store, records)
            store.conn.executemany(
                "UPDATE change_log SET state = 'pending' WHERE seq = ? AND state = 'batched'",
                [(r["log_seq"],) for r in records if r["log_seq"] is not None],
            )
        elif quarantine_code:
            for r in records:
                _quarantine(
                    store,
                    {"kind": r["kind"], "id": r["record_id"], "updated_at": r["updated_at"],
                     "origin": r["origin"]},
                    batch_id, quarantine_code, error,
                )


def _quarantine(
    store: Store, record: dict[str, Any], batch_id: str | None, code: str, message: str
) -> None:
    """Quarantine this version, unless the record has moved on (a newer version is on its
    way and will be judged on its own)."""
    if record["kind"] == audit_chain.KIND:
        return  # not the user's to fix: a refused chain fails its whole batch, shown there
    current = store.conn.execute(
        f"SELECT updated_at, origin FROM {record['kind']} WHERE id = ?", (record["id"],)
    ).fetchone()
    if current is not None and (current[0], current[1]) != (record["updated_at"], record["origin"]):
        return
    store.conn.execute(
        """INSERT INTO sync_quarantine(kind, record_id, updated_at, origin, batch_id, code,
               message, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(kind, record_id) DO UPDATE SET updated_at = excluded.updated_at,
               origin = excluded.origin, batch_id = excluded.batch_id, code = excluded.code,
               message = excluded.message, at = excluded.at""",
        (record["kind"], record["id"], record["updated_at"], record["origin"], batch_id, code,
         message, now_ts()),
    )


def split_unsent(store: Store, batch_id: str, limits: Limits) -> list[str]:
    """After a 413 for a batch the portal never applied: give its versions back to the log and
    freeze them again in smaller batches (new ids). The old batch ends `failed`, with a note."""
    records = batch_records(store, batch_id)
    half = max(1, len(records) // 2)
    with store.transaction():
        mark_failed(store, batch_id, "too large for the portal; split into smaller batches",
                    requeue=True)
        made = freeze_pending(store, limits, max_records=half)
    return made


# -- quarantine and counts -----------------------------------------------------------------
def quarantined(store: Store) -> list[dict[str, Any]]:
    """Rejected versions that are still the record's current version (the others were edited
    or replaced, and so left quarantine)."""
    out = []
    for row in store.conn.execute("SELECT * FROM sync_quarantine ORDER BY at, kind, record_id"):
        q = dict(row)
        current = store.conn.execute(
            f"SELECT updated_at, origin, deleted FROM {q['kind']} WHERE id = ?",
            (q["record_id"],),
        ).fetchone()
        if current is None or (current[0], current[1]) == (q["updated_at"], q["origin"]):
            out.append(q)
    return out


def discard(store: Store, kind: str, record_id: str) -> None:
    """The user gives up on a rejected record: it is deleted here (a tombstone, which the
    portal accepts for any id) and leaves quarantine."""
    require(store, Permission.SYNC)
    with store.transaction():
        store.delete(kind, record_id)
        store.conn.execute(
            "DELETE FROM sync_quarantine WHERE kind = ? AND record_id = ?", (kind, record_id)
        )


def send_again(store: Store, kind: str, record_id: str) -> None:
    """The user asks to send a rejected record again as it is now (e.g. after putting back
    the photo the portal said was missing): a new version of it is made, data unchanged,
    so it leaves quarantine (§6b) and goes out at the next sync, attachments first (§5).
    The counterpart of `discard`."""
    require(store, Permission.SYNC)
    with store.transaction():
        store.touch(kind, record_id)
        store.conn.execute(
            "DELETE FROM sync_quarantine WHERE kind = ? AND record_id = ?", (kind, record_id)
        )


def pending_count(store: Store, *, cap: int | None = None) -> int:
    """Records not yet acknowledged: pending versions plus records in unsent batches.

    With `cap`, counting the pending versions stops after cap + 1 records: after importing
    a roster of lakhs the exact figure costs a second, which the status bar must not spend on
    the GUI thread at every change (it shows "10,000+" instead: 3 ms, not 30–60)."""
    me = store.device_id
    limit = "" if cap is None else f" LIMIT {int(cap) + 1}"
    loose = store.conn.execute(
        "SELECT count(*) FROM (SELECT DISTINCT kind, record_id FROM change_log "
        f"WHERE state = 'pending' AND origin = ?{limit})",
        (me,),
    ).fetchone()[0]
    frozen = store.conn.execute(
        "SELECT coalesce(sum(record_count), 0) FROM sync_batch "
        "WHERE state IN ('queued', 'sending')"
    ).fetchone()[0]
    return int(loose) + int(frozen)


def outbox_counts(store: Store) -> dict[str, int]:
    counts = {"queued": 0, "sending": 0, "acked": 0, "failed": 0}
    for state, n in store.conn.execute("SELECT state, count(*) FROM sync_batch GROUP BY state"):
        counts[state] = n
    return counts


def mark_acked_by_receipt(store: Store, batch_ids: Iterable[str], via: str) -> int:
    """A receipt says these batches reached the portal through another desk."""
    n = 0
    with store.transaction():
        for batch_id in batch_ids:
            batch = get_batch(store, batch_id)
            if batch is None or batch.state == "acked":
                continue
            store.conn.execute(
                "UPDATE change_log SET state = 'acked' WHERE state = 'batched' AND seq IN "
                "(SELECT log_seq FROM sync_batch_record WHERE batch_id = ?)",
                (batch_id,),
            )
            store.conn.execute(
                """UPDATE sync_batch SET state = 'acked', acked_at = ?, acked_via = ?,
                       last_error = NULL WHERE batch_id = ?""",
                (now_ts(), via, batch_id),
            )
            n += 1
    return n
