"""Writing, reading and verifying the audit chain in the desk database (table `audit_log`,
migration m0910)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.protocol import audit as wire
from desktop.protocol.ids import new_id, now_ts
from desktop.store import Store

#: the actions the desk records (the Audit view names them; free text is not accepted, so a
#: typo in a hook shows up in tests instead of as an unfilterable entry)
ACTIONS: tuple[str, ...] = (
    "attendance.mark", "attendance.undo", "attendance.close", "attendance.reopen",
    "participant.edit", "workshop.edit", "session.edit", "enrolment.edit",
    "certificate.issue", "certificate.reissue", "certificate.revoke",
    "roster.import", "sync.run", "bundle.export", "bundle.import",
    "backup", "restore", "settings.change",
)

_COLUMNS = (
    "n, id, at, origin, actor, action, target, participant_id, workshop_id, details, prev, hash"
)


@dataclass(frozen=True)
class AuditEntry:
    n: int
    id: str
    at: str
    origin: str
    actor: str | None
    action: str
    target: str | None
    participant_id: str | None
    workshop_id: str | None
    details: dict[str, Any]
    prev: str
    hash: str

    def data(self) -> dict[str, Any]:
        """The §4 `data` of this entry as an `audit_entry` record."""
        return {
            "n": self.n, "at": self.at, "actor": self.actor, "action": self.action,
            "target": self.target, "participant_id": self.participant_id,
            "workshop_id": self.workshop_id, "details": self.details, "prev": self.prev,
            "hash": self.hash,
        }

    def as_record(self) -> dict[str, Any]:
        return {"kind": wire.KIND, "id": self.id, "updated_at": self.at, "origin": self.origin,
                "deleted": False, "data": self.data()}


def _entry(row: Any) -> AuditEntry:
    return AuditEntry(
        n=row[0], id=row[1], at=row[2], origin=row[3], actor=row[4], action=row[5],
        target=row[6], participant_id=row[7], workshop_id=row[8],
        details=json.loads(row[9]), prev=row[10], hash=row[11],
    )


def record(
    store: Store,
    action: str,
    *,
    target: str | None = None,
    participant_id: str | None = None,
    workshop_id: str | None = None,
    details: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry (inside the caller's transaction when there is one: it commits or
    rolls back with the change it records). `target` is what was acted on (an id, a file
    name); `details` a small JSON object — never a secret."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    detail = dict(details or {})
    with store.transaction():
        row = store.conn.execute(
            "SELECT n, hash FROM audit_log ORDER BY n DESC LIMIT 1"
        ).fetchone()
        n, prev = (row[0] + 1, row[1]) if row else (1, wire.GENESIS)
        entry_id, origin = new_id(), store.device_id
        data = {
            "n": n, "at": now_ts(), "actor": store.actor, "action": action, "target": target,
            "participant_id": participant_id, "workshop_id": workshop_id, "details": detail,
            "prev": prev,
        }
        data["hash"] = wire.entry_hash(entry_id, origin, data)
        store.conn.execute(
            f"INSERT INTO audit_log ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (n, entry_id, data["at"], origin, store.actor, action, target, participant_id,
             workshop_id, wire.canonical_json(detail).decode("utf-8"), prev, data["hash"]),
        )
    return AuditEntry(id=entry_id, origin=origin, **data)


def head(store: Store) -> AuditEntry | None:
    """The newest entry (its hash is the chain's head), or None on an empty log."""
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM audit_log ORDER BY n DESC LIMIT 1"
    ).fetchone()
    return None if row is None else _entry(row)


def entries_after(store: Store, n: int, limit: int | None = None) -> list[AuditEntry]:
    """Entries numbered above `n`, in chain order."""
    sql = f"SELECT {_COLUMNS} FROM audit_log WHERE n > ? ORDER BY n"
    params: tuple[Any, ...] = (n,)
    if limit is not None:
        sql += " LIMIT ?"
        params = (n, limit)
    return [_entry(row) for row in store.conn.execute(sql, params)]


def _all(store: Store) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for row in store.conn.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY n"):
        try:
            entry = _entry(row)
        except ValueError:  # details no longer JSON: an edit of the file
            data = {"n": row[0], "prev": row[10], "hash": None}
            yield row[1], row[3], data
            continue
        yield entry.id, entry.origin, entry.data()


@dataclass(frozen=True)
class VerifyResult:
    entries: int
    bad_entry: int | None = None
    problem: str | None = None
    head: str | None = None

    @property
    def intact(self) -> bool:
        return self.bad_entry is None


def verify(store: Store) -> VerifyResult:
    """Walk the whole chain; the first entry whose hash or link is wrong is named."""
    count = store.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    found = wire.first_break(_all(store))
    last = head(store)
    if found is None:
        return VerifyResult(count, head=last.hash if last else None)
    return VerifyResult(count, bad_entry=found[0], problem=found[1])


def actors(store: Store) -> list[str]:
    """Everyone who appears in the log (the view's person filter)."""
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT actor FROM audit_log WHERE actor IS NOT NULL ORDER BY actor"
    )]


def query(
    store: Store,
    *,
    actor: str | None = None,
    participant_id: str | None = None,
    workshop_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 5000,
) -> list[AuditEntry]:
    """Entries newest first, filtered by person, participant, workshop and dates
    (`YYYY-MM-DD`, both inclusive, UTC)."""
    where, params = [], []
    if actor:
        where.append("actor = ?")
        params.append(actor)
    if participant_id:
        where.append("participant_id = ?")
        params.append(participant_id)
    if workshop_id:
        where.append("workshop_id = ?")
        params.append(workshop_id)
    if date_from:
        where.append("at >= ?")
        params.append(date_from)
    if date_to:
        where.append("at < ?")
        params.append(date_to + "T99")  # every time of that day sorts below 'T99'
    sql = f"SELECT {_COLUMNS} FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY n DESC LIMIT ?"
    return [_entry(row) for row in store.conn.execute(sql, (*params, limit))]
