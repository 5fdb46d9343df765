"""Applying records at the portal: the strict checks that need what the portal holds, then
last-writer-wins, one result per record in order (SYNC-PROTOCOL §5).

Functions over an open write transaction (`PortalDB.transaction`): the caller owns the
transaction, so a batch, or an administrator's records, apply whole or not at all. The
per-field checks that need nothing stored are `desktop.portal.validate`; storage, devices and
reading are `desktop.portal.db`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.portal import validate as v
from desktop.portal.state.projection import project
from desktop.protocol import audit as audit_wire
from desktop.protocol.ids import now_ts


def dumps(value: Any) -> str:
    """Compact JSON, as records and answers are stored."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def observe_version(conn: sqlite3.Connection, stamp: str) -> None:
    """Remember the highest version stamp held (the portal's own edits are stamped above it)."""
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('clock.high', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value "
        "WHERE excluded.value > meta.value",
        (stamp,),
    )


def apply_records(
    conn: sqlite3.Connection,
    records: Sequence[Any],
    *,
    institute: str | None,
    batch_id: str | None,
) -> list[dict[str, Any]]:
    """Check and apply each record by last-writer-wins; one result per record, in order.
    A batch whose audit entries do not extend the chain held for their device is refused
    whole (`check_audit_chains`)."""
    heads = check_audit_chains(conn, records)
    ids = [r["id"] for r in records if isinstance(r, dict) and v.is_uuid(r.get("id"))]
    current = current_versions(conn, ids)
    keys = {row["kid"]: row["public_key"] for row in conn.execute("SELECT * FROM trust_key")}
    seq = conn.execute("SELECT coalesce(max(seq), 0) FROM version_log").fetchone()[0]
    numbers: dict[str, str] = {}  # certificate number -> id, as this batch leaves them
    writes: dict[str, dict[str, Any]] = {}
    log: list[tuple] = []
    results: list[dict[str, Any]] = []
    now = now_ts()
    for record in records:
        rid = record.get("id") if isinstance(record, dict) else None
        problems = v.check_record(record)
        if not problems:
            problems = _context_problems(conn, record, current, keys, numbers, institute)
        if problems:
            code, message = v.problem_summary(problems)
            results.append({"id": rid, "status": "rejected", "code": code, "message": message})
            continue
        kind, deleted = record["kind"], record["deleted"]
        data = v.normalise_data(kind, record["data"], deleted=deleted)
        version = (record["updated_at"], record["origin"])
        have = current.get(rid)
        if have is not None:
            have_version = (have["updated_at"], have["origin"])
            if version < have_version:  # `current`: the version held (desk reconcile)
                results.append({"id": rid, "status": "stale", "current": {
                    "updated_at": have["updated_at"], "origin": have["origin"]}})
                continue
            if version == have_version:
                if have["deleted"] == deleted and have["data"] == data:
                    results.append({"id": rid, "status": "stale"})
                else:
                    results.append(
                        {
                            "id": rid,
                            "status": "rejected",
                            "code": "version_conflict",
                            "message": "updated_at: this version (updated_at, origin) "
                            "is already held with different content",
                        }
                    )
                continue
        seq += 1
        row = {
            "id": rid,
            "kind": kind,
            "updated_at": record["updated_at"],
            "origin": record["origin"],
            "deleted": deleted,
            "data": data,
            "seq": seq,
        }
        current[rid] = row
        writes[rid] = row
        if kind == "certificate":
            old = have["data"].get("number") if have and not have["deleted"] else None
            if old and numbers.get(old, rid) == rid:
                numbers[old] = ""  # freed unless this version keeps it
            if not deleted:
                numbers[data["number"]] = rid
        log.append((seq, rid, kind, record["updated_at"], record["origin"], batch_id, now))
        results.append({"id": rid, "status": "applied"})
    write_rows(conn, list(writes.values()), institute, batch_id)
    conn.executemany("INSERT INTO version_log VALUES (?, ?, ?, ?, ?, ?, ?)", log)
    if writes:
        observe_version(conn, max(row["updated_at"] for row in writes.values()))
    for origin, head in heads.items():
        conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (AUDIT_HEAD + origin, dumps(head)),
        )
    return results


class ChainRefused(Exception):
    """A batch whose audit chain does not extend what is held: 422, nothing applied (the
    server answers it as it answers a `PortalError`)."""

    status = 422

    def __init__(self, error: str, details: str) -> None:
        super().__init__(f"{error}: {details}")
        self.error = error
        self.details = details


#: meta key (+ device id) of the newest audit entry held for a device: {"n", "hash"}
AUDIT_HEAD = "audit.head."


def check_audit_chains(conn: sqlite3.Connection, records: Sequence[Any]) -> dict[str, dict]:
    """Each device's audit entries in the batch must extend the chain held for it: entries
    already held unchanged, the next one linked to the held head, each hash right. Raises
    `ChainRefused` (422 `audit_chain_rewritten` / `audit_chain_gap`) otherwise (nothing is
    applied); returns the new head per device."""
    by_origin: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if (isinstance(record, dict) and record.get("kind") == audit_wire.KIND
                and not v.check_record(record)):
            by_origin.setdefault(record["origin"], []).append(record)
    heads: dict[str, dict] = {}
    for origin, entries in by_origin.items():
        row = conn.execute("SELECT value FROM meta WHERE key = ?",
                           (AUDIT_HEAD + origin,)).fetchone()
        held = json.loads(row[0]) if row else {"n": 0, "hash": audit_wire.GENESIS}
        fresh = []
        for entry in sorted(entries, key=lambda e: e["data"]["n"]):
            data = entry["data"]
            if data["n"] > held["n"]:
                fresh.append(entry)
                continue
            stored = conn.execute(
                "SELECT data FROM record WHERE id = ? AND kind = ? AND origin = ?",
                (entry["id"], audit_wire.KIND, origin),
            ).fetchone()
            if stored is None or json.loads(stored[0]).get("hash") != data["hash"]:
                raise ChainRefused("audit_chain_rewritten", (
                    f"device {origin}: audit entry {data['n']} is not the one this portal "
                    "holds; the desk's history was rewritten"))
        found = audit_wire.first_break(
            ((e["id"], e["origin"], e["data"]) for e in fresh), prev=held["hash"], n=held["n"]
        )
        if found is not None:
            code = "audit_chain_gap" if "missing" in found[1] else "audit_chain_rewritten"
            raise ChainRefused(code, f"device {origin}: {found[1]} (the portal holds "
                                         f"entries up to {held['n']})")
        if fresh:
            heads[origin] = {"n": fresh[-1]["data"]["n"], "hash": fresh[-1]["data"]["hash"]}
    return heads

def _context_problems(
    conn: sqlite3.Connection,
    record: dict[str, Any],
    current: dict[str, dict[str, Any]],
    keys: Mapping[str, str],
    numbers: dict[str, str],
    institute: str | None,
) -> list[v.Problem]:
    """Checks that need what the portal holds: kind of an id, attachments, institute,
    certificate numbers and QR signatures."""
    kind, data, rid = record["kind"], record["data"], record["id"]
    have = current.get(rid)
    if have is not None and have["kind"] != kind:
        return [v.Problem("kind_mismatch", f"kind: id {rid} is a {have['kind']} here")]
    if record["deleted"]:
        return []
    if kind == "workshop" and institute is not None and data["institute_code"] != institute:
        return [
            v.Problem(
                "invalid_field",
                f"institute_code: must be this device's institute ({institute})",
            )
        ]
    if kind == "field_visit":
        for i, att in enumerate(data["attachments"]):
            row = conn.execute(
                "SELECT size FROM attachment WHERE sha256 = ?", (att["sha256"],)
            ).fetchone()
            if row is None:
                return [
                    v.Problem(
                        "missing_attachment",
                        f"attachments: item {i} ({att['sha256']}) was never uploaded",
                    )
                ]
            if row[0] != att["size"]:
                return [
                    v.Problem(
                        "invalid_field",
                        f"attachments: item {i} size {att['size']} but the uploaded "
                        f"file has {row[0]} bytes",
                    )
                ]
    if kind == "certificate":
        number = data["number"]
        owner = numbers.get(number)
        if owner is None:
            owner = ""
            for (other,) in conn.execute(
                "SELECT id FROM record WHERE kind = 'certificate' AND number = ? "
                "AND deleted = 0 AND id != ?",
                (number, rid),
            ):
                state = current.get(other)  # this batch may have changed it already
                if state is None or (
                    not state["deleted"] and state["data"].get("number") == number
                ):
                    owner = other
                    break
        if owner and owner != rid:
            return [
                v.Problem(
                    "duplicate_number",
                    f"number: {number} already belongs to certificate {owner}",
                )
            ]
        problem = _signature_problem(data["qr"], keys)
        if problem:
            return [v.Problem("invalid_field", f"qr: {problem}")]
    return []

def current_versions(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, dict]:
    found: dict[str, dict[str, Any]] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT id, kind, updated_at, origin, deleted, data FROM record "
            f"WHERE id IN ({marks})",
            chunk,
        ):
            found[row["id"]] = {
                "id": row["id"],
                "kind": row["kind"],
                "updated_at": row["updated_at"],
                "origin": row["origin"],
                "deleted": bool(row["deleted"]),
                "data": json.loads(row["data"]),
            }
    return found

def write_rows(
    conn: sqlite3.Connection,
    rows: list[dict[str, Any]],
    institute: str | None,
    batch_id: str | None,
) -> None:
    """Upsert the winning versions, with the link columns `/changes` joins on."""
    params = []
    for row in rows:
        data, kind = row["data"], row["kind"]
        params.append(
            (
                row["id"],
                kind,
                row["updated_at"],
                row["origin"],
                1 if row["deleted"] else 0,
                dumps(data),
                row["seq"],
                institute,
                batch_id,
                data.get("workshop_id") if kind in ("enrolment", "certificate") else None,
                data.get("participant_id")
                if kind in ("enrolment", "certificate")
                else None,
                data.get("institute_code") if kind == "workshop" else None,
                data.get("number") if kind == "certificate" else None,
                1 if kind == "certificate" and data.get("revoked_at") else 0,
            )
        )
    conn.executemany(
        "INSERT INTO record VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, "
        "updated_at = excluded.updated_at, origin = excluded.origin, "
        "deleted = excluded.deleted, data = excluded.data, seq = excluded.seq, "
        "via_institute = excluded.via_institute, batch_id = excluded.batch_id, "
        "workshop_id = excluded.workshop_id, participant_id = excluded.participant_id, "
        "institute_code = excluded.institute_code, number = excluded.number, "
        "revoked = excluded.revoked",
        params,
    )
    project(conn, rows)  # the state's view's desk-shaped tables, in this same transaction


def _signature_problem(qr: str, keys: Mapping[str, str]) -> str | None:
    """With the signing key on the trust list, the QR must verify; an unknown kid cannot be
    checked here (the desk may not have published its key) and passes."""
    header, _, _ = v.parse_jws(qr)
    kid = header.get("kid") if header else None
    if kid not in keys:
        return None
    head, payload, signature = qr.split(".")
    try:
        key = Ed25519PublicKey.from_public_bytes(v.b64url_decode(keys[kid]))
        key.verify(v.b64url_decode(signature), f"{head}.{payload}".encode("ascii"))
    except (InvalidSignature, ValueError):
        return f"signature does not verify with trust-list key {kid}"
    return None
