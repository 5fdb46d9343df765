"""The hub's side of the exchange, without HTTP: take a desk's batch, serve the changes.

A batch from a joined desk is checked, applied here by last-writer-wins (a record that
clashes with something here is held, as a pulled one would be: `sync.held`) and kept whole
in the outbox as a relayed batch — same id, same bytes — for the portal (§6, §9). The hub's
answer is stored, so a desk that lost it and sends the same batch again gets the same answer
and nothing changes twice.

`/changes` is the hub's change log (every version that reached this database, made here or
received) read by sequence: a desk gets the current version of each record that changed
after its cursor, except its own. The cursor is `<hub device id>:<seq>`, so a cursor from
another hub (or another database) starts again from the beginning, which LWW makes safe."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from desktop.core.sync import outbox
from desktop.core.sync.held import apply_pulled
from desktop.protocol import audit as audit_wire
from desktop.protocol.ids import now_ts
from desktop.protocol.records import KIND_FIELDS, KIND_ORDER, row_to_record
from desktop.store import Store

PAGE = 500
BATCH_KEYS = {"protocol", "batch_id", "device_id", "institute_code", "created_at", "records"}
RECORD_KEYS = {"kind", "id", "updated_at", "origin", "deleted", "data"}


class BadBatch(ValueError):
    """The batch itself is malformed (answered 400/422; nothing applied)."""

    def __init__(self, status: int, error: str, details: Any = None) -> None:
        super().__init__(error)
        self.status, self.error, self.details = status, error, details


def _check(doc: Any, batch_id: str, device_id: str, institute: str | None) -> list[dict]:
    if not isinstance(doc, dict) or set(doc) != BATCH_KEYS:
        raise BadBatch(422, "invalid_batch", f"a batch has exactly the keys {sorted(BATCH_KEYS)}")
    if doc["batch_id"] != batch_id:
        raise BadBatch(422, "invalid_batch", "batch_id differs from the Idempotency-Key")
    if doc["device_id"] != device_id:
        raise BadBatch(422, "invalid_batch", "device_id: a desk sends its own batches")
    if doc["institute_code"] != institute:
        raise BadBatch(422, "invalid_batch", "institute_code: not this venue's institute")
    records = doc["records"]
    if not isinstance(records, list):
        raise BadBatch(422, "invalid_batch", "records: must be a list")
    for i, r in enumerate(records):
        if not isinstance(r, dict) or set(r) != RECORD_KEYS or not (
            r["kind"] in KIND_FIELDS or r["kind"] == audit_wire.KIND
        ):
            raise BadBatch(422, "invalid_record", f"records[{i}]: not a §4 record")
        if r["origin"] != device_id:
            raise BadBatch(422, "invalid_record", f"records[{i}]: origin is not the sender")
    return records


def receive_batch(
    store: Store, batch_id: str, body: bytes, device_id: str
) -> tuple[int, bytes, bool]:
    """(HTTP status, answer body, replay?) for a desk's `POST /batches`."""
    sha = hashlib.sha256(body).hexdigest()
    known = store.conn.execute(
        "SELECT body_sha256, response FROM venue_batch_in WHERE batch_id = ?", (batch_id,)
    ).fetchone()
    if known is not None:
        if known[0] != sha:
            return 409, outbox.dumps({"error": "batch_id_reused"}), False
        return 200, bytes(known[1]), True
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadBatch(400, "invalid_json", str(exc)) from None
    records = _check(doc, batch_id, device_id, store.institute_code)
    order = {kind: i for i, kind in enumerate(KIND_ORDER)}
    results: dict[int, dict[str, Any]] = {}
    with store.transaction():
        # Parents before children within the batch; answers in the order sent.
        for pos in sorted(range(len(records)),
                          key=lambda p: order.get(records[p]["kind"], len(order))):
            if records[pos]["kind"] == audit_wire.KIND:
                # The sending desk's audit chain: not a record of this desk, relayed to the
                # portal untouched in the batch (which checks the chain per device).
                results[pos] = {"id": records[pos]["id"], "status": "applied"}
                continue
            status = apply_pulled(store, records[pos])
            if status == "stale":
                note_losing_mark(store, records[pos])
            result: dict[str, Any] = {"id": records[pos]["id"], "status": status}
            if status == "held":  # kept here, tried again; relayed to the portal regardless
                result["status"], result["held"] = "applied", True
            results[pos] = result
        outbox.add_relayed(store, batch_id, body, source=f"venue:{device_id}")
        answer = outbox.dumps({"batch_id": batch_id, "received_at": now_ts(),
                               "results": [results[p] for p in range(len(records))]})
        store.conn.execute(
            "INSERT INTO venue_batch_in(batch_id, body_sha256, device_id, response, at) "
            "VALUES (?, ?, ?, ?, ?)",
            (batch_id, sha, device_id, answer, now_ts()),
        )
    return 201, answer, False


def _since(store: Store, cursor: str | None) -> tuple[int, int]:
    """(change-log seq, mark-history seq) of a cursor `<hub device id>:<seq>:<hseq>`."""
    parts = (cursor or "").split(":")
    if len(parts) == 3 and parts[0] == store.device_id and all(p.isdigit() for p in parts[1:]):
        return int(parts[1]), int(parts[2])
    return 0, 0


def note_losing_mark(store: Store, record: dict[str, Any]) -> bool:
    """A mark that lost to another desk's (§4: last writer wins) stays in this desk's mark
    history: both desks' marks of one person show in the detail, whichever won."""
    if record.get("kind") != "attendance" or record.get("deleted"):
        return False
    data = record.get("data") or {}
    if store.conn.execute(
        "SELECT 1 FROM attendance_history WHERE attendance_id = ? AND version = ? "
        "AND device_id = ? LIMIT 1", (record["id"], record["updated_at"], record["origin"])
    ).fetchone():
        return False
    store.conn.execute(
        "INSERT INTO attendance_history(attendance_id, session_id, participant_id, action, "
        "status, marked_at, method, marked_by, device_id, version) "
        "VALUES (?, ?, ?, 'received', ?, ?, ?, ?, ?, ?)",
        (record["id"], data.get("session_id"), data.get("participant_id"), data.get("status"),
         data.get("marked_at"), data.get("method"), data.get("marked_by"), record["origin"],
         record["updated_at"]),
    )
    return True


def _superseded(store: Store, since: int, top: int, requester: str) -> list[dict[str, Any]]:
    """Marks the hub knows that are no longer current (they lost, or were changed), as §4
    records, so every desk's history keeps them too."""
    rows = store.conn.execute(
        """SELECT h.attendance_id, h.session_id, h.participant_id, h.status, h.marked_at,
                  h.method, h.marked_by, h.device_id, h.version
           FROM attendance_history h
           WHERE h.seq > ? AND h.seq <= ? AND h.device_id != ? AND h.status IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.id = h.attendance_id
                             AND a.updated_at = h.version AND a.origin = h.device_id)""",
        (since, top, requester),
    ).fetchall()
    return [
        {"kind": "attendance", "id": r[0], "updated_at": r[8], "origin": r[7], "deleted": False,
         "data": {"session_id": r[1], "participant_id": r[2], "status": r[3],
                  "marked_at": r[4], "method": r[5], "marked_by": r[6]}}
        for r in rows
    ]


def has_news(store: Store, cursor: str | None, requester: str) -> bool:
    since, hsince = _since(store, cursor)
    return store.conn.execute(
        "SELECT 1 FROM change_log WHERE seq > ? AND origin != ? UNION ALL "
        "SELECT 1 FROM attendance_history WHERE seq > ? AND device_id != ? LIMIT 1",
        (since, requester, hsince, requester),
    ).fetchone() is not None


def changes(store: Store, cursor: str | None, requester: str, limit: int = PAGE) -> dict:
    """One page of `/changes` for `requester`: `{"cursor", "records", "superseded"}`."""
    since, hsince = _since(store, cursor)
    # The tops first: a change committed while this page is read is left for the next one.
    top = int(store.conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0])
    htop = int(store.conn.execute(
        "SELECT coalesce(max(seq), 0) FROM attendance_history").fetchone()[0])
    if since > top or hsince > htop:  # the hub's database went back (a restore): start over
        since, hsince = 0, 0
    rows = store.conn.execute(
        "SELECT seq, kind, record_id FROM change_log WHERE seq > ? AND seq <= ? AND origin != ? "
        "ORDER BY seq LIMIT ?",
        (since, top, requester, limit),
    ).fetchall()
    # A short page read everything up to `top` (this desk's own rows are skipped over).
    last = rows[-1][0] if len(rows) == limit else max(since, top)
    records: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for _, kind, record_id in rows:
        if (kind, record_id) in seen or kind not in KIND_FIELDS:
            continue
        seen.add((kind, record_id))
        row = store.conn.execute(f"SELECT * FROM {kind} WHERE id = ?", (record_id,)).fetchone()
        if row is None or row["origin"] == requester:
            continue
        records.append(row_to_record(kind, dict(row)))
    superseded = _superseded(store, hsince, htop, requester)
    return {"cursor": f"{store.device_id}:{last}:{htop}", "records": records,
            "superseded": superseded}


def portal_answers(store: Store, batch_ids: list[str]) -> dict[str, Any]:
    """The portal's stored answers for relayed batches it has acknowledged (the desk that
    made them marks them acknowledged too, as a receipt would)."""
    found: dict[str, Any] = {}
    for start in range(0, len(batch_ids), 500):
        chunk = [str(b) for b in batch_ids[start:start + 500]]
        marks = ",".join("?" for _ in chunk)
        for batch_id, response in store.conn.execute(
            f"SELECT batch_id, response FROM sync_batch WHERE batch_id IN ({marks}) "
            "AND state = 'acked' AND response IS NOT NULL",
            chunk,
        ):
            found[batch_id] = json.loads(bytes(response))
    return found


def waiting(store: Store) -> dict[str, int]:
    """On the hub: the venue's batches received and not yet acknowledged by the portal."""
    row = store.conn.execute(
        "SELECT count(*), coalesce(sum(record_count), 0) FROM sync_batch "
        "WHERE source LIKE 'venue:%' AND state IN ('queued', 'sending')"
    ).fetchone()
    return {"relay_batches": int(row[0]), "relay_records": int(row[1])}
