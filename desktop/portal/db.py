"""The portal's storage: `PortalStore` (every rule and statement, store-neutral) and
`PortalDB`, its embedded SQLite store: devices, records, batches, attachments, keys.

SQLite: one writer connection per process behind a lock (a batch is applied in one
`BEGIN IMMEDIATE` transaction, so a crash part-way applies nothing; across worker processes
SQLite itself lets one writer in at a time) and short-lived reader connections (WAL lets them
read while a batch is being written). PostgreSQL is `desktop.portal.pg`, which runs these
same statements. Nothing here speaks HTTP. How records are checked against what is held and
applied is `desktop.portal.apply`.

Longer than 500 lines on purpose: this module is the only code that knows the portal's
schema, so every statement against it (administration, devices, attachments, batches, the
`/changes` feed and digests) is read next to the `SCHEMA` it depends on.
"""

from __future__ import annotations

import hashlib
import json
import queue
import secrets
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.fileio import write_file_atomic
from desktop.portal import state
from desktop.portal import validate as v
from desktop.portal.apply import apply_records, dumps, observe_version
from desktop.protocol import trust as protocol_trust
from desktop.protocol.ids import now_ts, stamp_after
from desktop.protocol.records import KIND_ORDER

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS institute (
    code TEXT PRIMARY KEY, name_en TEXT NOT NULL, name_hi TEXT);
CREATE TABLE IF NOT EXISTS enrolment_code (
    code_sha256 TEXT PRIMARY KEY, institute_code TEXT, created_at TEXT NOT NULL,
    used_at TEXT, used_by TEXT);
CREATE TABLE IF NOT EXISTS device (
    device_id TEXT PRIMARY KEY, institute_code TEXT NOT NULL, device_name TEXT NOT NULL,
    public_key TEXT NOT NULL, token_sha256 TEXT NOT NULL UNIQUE, enrolled_at TEXT NOT NULL,
    revoked_at TEXT);
CREATE TABLE IF NOT EXISTS record (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, updated_at TEXT NOT NULL, origin TEXT NOT NULL,
    deleted INTEGER NOT NULL, data TEXT NOT NULL, seq INTEGER NOT NULL,
    via_institute TEXT, batch_id TEXT,
    workshop_id TEXT, participant_id TEXT, institute_code TEXT, number TEXT,
    revoked INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX IF NOT EXISTS record_seq ON record (seq);
CREATE INDEX IF NOT EXISTS record_kind_seq ON record (kind, seq);
CREATE INDEX IF NOT EXISTS record_origin ON record (origin, kind, id);
CREATE INDEX IF NOT EXISTS record_workshop ON record (workshop_id) WHERE workshop_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS record_participant ON record (participant_id)
    WHERE participant_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS record_number ON record (number) WHERE number IS NOT NULL;
CREATE TABLE IF NOT EXISTS version_log (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, updated_at TEXT NOT NULL,
    origin TEXT NOT NULL, batch_id TEXT, applied_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS batch (
    batch_id TEXT PRIMARY KEY, body_sha256 TEXT NOT NULL, institute_code TEXT NOT NULL,
    sender TEXT NOT NULL, received_at TEXT NOT NULL, response BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS attachment (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, media_type TEXT NOT NULL,
    received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS trust_key (
    kid TEXT PRIMARY KEY, public_key TEXT NOT NULL, institute TEXT NOT NULL,
    valid_from TEXT NOT NULL, valid_to TEXT, added_by TEXT NOT NULL, added_at TEXT NOT NULL);
"""


class PortalError(Exception):
    """An admin call or request the portal refuses; `status` is the HTTP status to answer."""

    def __init__(self, status: int, error: str, details: Any = None) -> None:
        super().__init__(f"{error}: {details}" if details else error)
        self.status = status
        self.error = error
        self.details = details


@dataclass(frozen=True)
class Device:
    device_id: str
    institute_code: str
    device_name: str


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def decode_public_key(text: Any) -> bytes:
    """Raw 32-byte Ed25519 key from base64url (padding tolerated); ValueError otherwise."""
    if not isinstance(text, str):
        raise ValueError("must be a string")
    raw = v.b64url_decode(text.rstrip("="))
    if len(raw) != 32:
        raise ValueError("must be 32 bytes (raw Ed25519 public key), base64url")
    return raw


class PortalStore:
    """What every store of the portal does, over `transaction()` and `reading()` that its
    subclass provides (SQLite here, PostgreSQL in `desktop.portal.pg`). The statements are
    shared: SQLite's `?` and `:name` parameters, which the PostgreSQL connection translates,
    so both stores run the same rules and give the same answers."""

    backend = "abstract"
    origin: str | None = None
    _digests: dict[str, tuple[int, str]]

    @staticmethod
    def dialect(sql: str) -> str:
        """The store's spelling of a shared statement (SQLite's, here)."""
        return sql

    @contextmanager
    def transaction(self) -> Iterator[Any]:  # pragma: no cover - abstract
        raise NotImplementedError
        yield

    @contextmanager
    def reading(self) -> Iterator[Any]:  # pragma: no cover - abstract
        raise NotImplementedError
        yield

    def close(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def backup(self, dest: Path | str) -> Path:  # pragma: no cover - abstract
        """A consistent copy of everything the portal holds, taken while it serves."""
        raise NotImplementedError

    def has_attachment(self, sha256: str) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def put_attachment(self, sha256: str, body: bytes, media_type: str) -> bool:
        raise NotImplementedError  # pragma: no cover - abstract

    def attachment_bytes(self, sha256: str) -> bytes | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def health(self) -> dict[str, Any]:
        """For monitoring: the store answers, and how far its version log has come."""
        with self.reading() as conn:
            seq = conn.execute("SELECT coalesce(max(seq), 0) FROM version_log").fetchone()[0]
            devices = conn.execute(
                "SELECT count(*) FROM device WHERE revoked_at IS NULL").fetchone()[0]
        return {"store": self.backend, "seq": int(seq), "active_devices": int(devices)}

    def _check_schema_and_origin(self) -> None:
        with self.transaction() as conn:
            # the state's view (desktop/portal/state); its tables on PostgreSQL are a migration
            state.ensure(conn, create=self.backend == "sqlite")
            if self._meta(conn, "portal_origin") is None:
                conn.execute(
                    "INSERT INTO meta VALUES ('portal_origin', ?), ('schema_version', ?)",
                    (str(uuid.uuid4()), str(SCHEMA_VERSION)),
                )
        with self.reading() as conn:
            version = int(self._meta(conn, "schema_version") or 0)
            origin = self._meta(conn, "portal_origin")
        if version > SCHEMA_VERSION:
            self.close()
            raise PortalError(500, "newer_data",
                              f"{self} was written by a newer portal (schema {version})")
        self.origin = origin

    @staticmethod
    def _meta(conn: sqlite3.Connection, key: str) -> str | None:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    # --- administration -----------------------------------------------------------------

    def add_institute(self, code: str, name_en: str, name_hi: str | None = None) -> None:
        """Create or rename an institute."""
        if not isinstance(code, str) or not code.strip() or not name_en.strip():
            raise PortalError(400, "invalid_institute", "code and name_en are required")
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO institute VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
                "name_en = excluded.name_en, name_hi = coalesce(excluded.name_hi, institute.name_hi)",
                (code, name_en, name_hi),
            )

    def add_enrolment_code(
        self,
        code: str,
        institute_code: str | None = None,
        name_en: str | None = None,
        name_hi: str | None = None,
    ) -> None:
        """A one-time code; with `institute_code` it enrols only into that institute (created
        with the given names if new), without it into whatever institute the desk names."""
        if not code:
            raise PortalError(400, "invalid_code", "the enrolment code is empty")
        if institute_code:
            with self.reading() as conn:
                known = conn.execute(
                    "SELECT 1 FROM institute WHERE code = ?", (institute_code,)
                ).fetchone()
            if name_en or not known:
                self.add_institute(institute_code, name_en or institute_code, name_hi)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO enrolment_code (code_sha256, institute_code, created_at) "
                "VALUES (?, ?, ?) ON CONFLICT(code_sha256) DO NOTHING",
                (sha256_hex(code), institute_code, now_ts()),
            )

    def revoke_device(self, device_id: str) -> bool:
        """Its token stops working at once (401)."""
        with self.transaction() as conn:
            cur = conn.execute(
                "UPDATE device SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL",
                (now_ts(), device_id),
            )
            return cur.rowcount > 0

    def add_trust_key(
        self,
        kid: str,
        public_key: str,
        institute: str,
        valid_from: str,
        valid_to: str | None = None,
        *,
        added_by: str = "admin",
    ) -> dict[str, Any]:
        """Register a certificate-signing key; a kid is bound to one key forever (409)."""
        problems = _trust_entry_problems(
            {"kid": kid, "public_key": public_key, "institute": institute,
             "valid_from": valid_from, "valid_to": valid_to}
        )
        if problems:
            raise PortalError(422, "invalid_trust_list", problems)
        key = public_key.rstrip("=")  # stored and published unpadded, as JOSE writes it
        with self.transaction() as conn:
            row = conn.execute("SELECT public_key FROM trust_key WHERE kid = ?", (kid,)).fetchone()
            if row is not None and row[0] != key:
                raise PortalError(409, "kid_reused", f"{kid} is already bound to another key")
            conn.execute(
                "INSERT INTO trust_key VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kid) DO UPDATE "
                "SET institute = excluded.institute, valid_from = excluded.valid_from, "
                "valid_to = excluded.valid_to",
                (kid, key, institute, valid_from, valid_to, added_by, now_ts()),
            )
        return protocol_trust.trust_entry(
            {"kid": kid, "public_key": key, "institute": institute, "valid_from": valid_from,
             "valid_to": valid_to}
        )

    def put_admin_records(self, records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Apply many administrator records in one transaction (missing `origin`,
        `updated_at`, `deleted` filled in); one result per record, as for a batch."""
        with self.transaction() as conn:
            filled = [self._fill_admin_record(conn, record) for record in records]
            return apply_records(conn, filled, institute=None, batch_id=None)

    def put_admin_record(self, record: Mapping[str, Any]) -> str:
        """Apply one §4 record as the portal's administrator would (e.g. a programme or a
        nomination); the same checks and last-writer-wins as a batch. Returns the status."""
        with self.transaction() as conn:
            rec = self._fill_admin_record(conn, record)
            results = apply_records(conn, [rec], institute=None, batch_id=None)
        result = results[0]
        if result["status"] == "rejected":
            raise PortalError(422, result["code"], result["message"])
        return result["status"]

    def _fill_admin_record(self, conn: sqlite3.Connection, record: Mapping[str, Any]) -> dict:
        """An administrator's record with `origin`, `deleted` and a version stamp filled in.
        The stamp follows the desks' rule (Store.next_version): above the wall clock, the
        highest version the portal holds and the version it replaces, so an edit made here
        never loses to an older one because a desk's burst or clock ran ahead."""
        rec = dict(record)
        rec.setdefault("origin", self.origin)
        rec.setdefault("deleted", False)
        if "updated_at" not in rec:
            have = None
            if isinstance(rec.get("id"), str):
                row = conn.execute(
                    "SELECT updated_at FROM record WHERE id = ?", (rec["id"],)
                ).fetchone()
                have = row[0] if row is not None else None
            rec["updated_at"] = stamp_after(self._highest_version(conn), have)
            observe_version(conn, rec["updated_at"])
        return rec

    def _highest_version(self, conn: sqlite3.Connection) -> str | None:
        row = conn.execute("SELECT value FROM meta WHERE key = 'clock.high'").fetchone()
        if row is not None:
            return row[0]
        top = conn.execute("SELECT max(updated_at) FROM record").fetchone()[0]
        if top is not None:
            observe_version(conn, top)
        return top

    # --- devices --------------------------------------------------------------------------

    def enrol(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """§2: check the one-time code, register the device, hand out a fresh token."""
        problems = []
        expected = ("enrolment_code", "device_id", "device_name", "institute_code", "public_key")
        for key in body:
            if key not in expected:
                problems.append(f"{key}: not an enrolment field")
        for key in expected:
            if key not in body:
                problems.append(f"{key}: is required")
        if not problems:
            if not isinstance(body["enrolment_code"], str):
                problems.append("enrolment_code: must be a string")
            if not v.is_uuid(body["device_id"]):
                problems.append("device_id: must be a UUID")
            if not isinstance(body["device_name"], str) or not body["device_name"].strip():
                problems.append("device_name: must be a non-empty string")
            if not isinstance(body["institute_code"], str) or not body["institute_code"].strip():
                problems.append("institute_code: must be a non-empty string")
            try:
                decode_public_key(body["public_key"])
            except ValueError as exc:
                problems.append(f"public_key: {exc}")
        if problems:
            raise PortalError(422, "invalid_request", problems)
        institute = body["institute_code"]
        token = secrets.token_urlsafe(32)
        with self.transaction() as conn:
            code = conn.execute(
                "SELECT institute_code, used_at FROM enrolment_code WHERE code_sha256 = ?",
                (sha256_hex(body["enrolment_code"]),),
            ).fetchone()
            if code is None or code["used_at"] is not None:
                raise PortalError(403, "invalid_enrolment_code", "unknown or already used code")
            if code["institute_code"] is not None and code["institute_code"] != institute:
                raise PortalError(
                    403, "invalid_enrolment_code", "this code is for another institute"
                )
            known = conn.execute(
                "SELECT institute_code FROM device WHERE device_id = ?", (body["device_id"],)
            ).fetchone()
            if known is not None and known[0] != institute:
                raise PortalError(403, "device_of_other_institute", "device enrolled elsewhere")
            now = now_ts()
            conn.execute(
                "UPDATE enrolment_code SET used_at = ?, used_by = ? WHERE code_sha256 = ?",
                (now, body["device_id"], sha256_hex(body["enrolment_code"])),
            )
            conn.execute(
                "INSERT INTO institute (code, name_en) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (institute, institute),
            )
            conn.execute(
                "INSERT INTO device VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT(device_id) DO "
                "UPDATE SET device_name = excluded.device_name, public_key = excluded.public_key,"
                " token_sha256 = excluded.token_sha256, enrolled_at = excluded.enrolled_at, "
                "revoked_at = NULL",
                (
                    body["device_id"],
                    institute,
                    body["device_name"],
                    body["public_key"],
                    sha256_hex(token),
                    now,
                ),
            )
            inst = conn.execute(
                "SELECT code, name_en, name_hi FROM institute WHERE code = ?", (institute,)
            ).fetchone()
        return {"device_token": token, "institute": dict(inst)}

    def device_for_token(self, token: str) -> Device | None:
        with self.reading() as conn:
            row = conn.execute(
                "SELECT device_id, institute_code, device_name FROM device "
                "WHERE token_sha256 = ? AND revoked_at IS NULL",
                (sha256_hex(token),),
            ).fetchone()
        return None if row is None else Device(*row)

    def device_institute(self, device_id: str) -> str | None:
        with self.reading() as conn:
            row = conn.execute(
                "SELECT institute_code FROM device WHERE device_id = ?", (device_id,)
            ).fetchone()
        return None if row is None else row[0]

    # --- batches ------------------------------------------------------------------------------

    def stored_batch(self, batch_id: str) -> sqlite3.Row | None:
        with self.reading() as conn:
            return conn.execute(
                "SELECT body_sha256, institute_code, response FROM batch WHERE batch_id = ?",
                (batch_id,),
            ).fetchone()

    def apply_batch(
        self,
        batch_id: str,
        body_sha256: str,
        institute_code: str,
        sender: str,
        records: Sequence[Any],
    ) -> tuple[str, bytes]:
        """Apply a well-formed batch in one transaction and store its answer.

        Returns ('new', response) or, when the same id was stored meanwhile (a concurrent
        duplicate), ('replay', stored) / ('reused', b'')."""
        with self.transaction() as conn:
            stored = conn.execute(
                "SELECT body_sha256, institute_code, response FROM batch WHERE batch_id = ?",
                (batch_id,),
            ).fetchone()
            if stored is not None:
                same = stored[0] == body_sha256 and stored[1] == institute_code
                return ("replay", bytes(stored[2])) if same else ("reused", b"")
            results = apply_records(conn, records, institute=institute_code, batch_id=batch_id)
            received_at = now_ts()
            response = dumps(
                {"batch_id": batch_id, "received_at": received_at, "results": results}
            ).encode("utf-8")
            conn.execute(
                "INSERT INTO batch VALUES (?, ?, ?, ?, ?, ?)",
                (batch_id, body_sha256, institute_code, sender, received_at, response),
            )
        return "new", response

    # --- reading --------------------------------------------------------------------------

    def records(self, kinds: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Every current version as a §4 record, in KIND_ORDER then id order."""
        wanted = list(kinds) if kinds else list(KIND_ORDER)
        out: list[dict[str, Any]] = []
        with self.reading() as conn:
            for kind in wanted:
                for row in conn.execute(
                    "SELECT * FROM record WHERE kind = ? ORDER BY id", (kind,)
                ):
                    out.append(_as_record(row))
        return out

    def applied_versions(self) -> list[dict[str, Any]]:
        """Every version ever applied (one row per application, in order): lets a test show
        that no version was applied twice."""
        with self.reading() as conn:
            return [
                dict(row)
                for row in conn.execute(
                    "SELECT seq, id, kind, updated_at, origin, batch_id FROM version_log "
                    "ORDER BY seq"
                )
            ]

    def digest(self, device_id: str) -> dict[str, Any]:
        """§6a: per kind, count and SHA-256 of "<id> <updated_at>\\n" sorted by id."""
        kinds: dict[str, dict[str, Any]] = {}
        with self.reading() as conn:
            # Every change bumps the seq, so an idle reconcile is answered from the cache.
            seq = conn.execute("SELECT coalesce(max(seq), 0) FROM version_log").fetchone()[0]
            cached = self._digests.get(device_id)
            if cached is not None and cached[0] == seq:
                return {"kinds": json.loads(cached[1])}
            for kind in KIND_ORDER:
                h = hashlib.sha256()
                count = 0
                for rid, updated_at in conn.execute(
                    "SELECT id, updated_at FROM record WHERE origin = ? AND kind = ? "
                    "ORDER BY id",
                    (device_id, kind),
                ):
                    h.update(f"{rid} {updated_at}\n".encode())
                    count += 1
                kinds[kind] = {"count": count, "sha256": h.hexdigest()}
        if len(self._digests) > 1000:
            self._digests.clear()
        self._digests[device_id] = (seq, json.dumps(kinds))
        return {"kinds": kinds}

    def trust_list(self) -> dict[str, Any]:
        with self.reading() as conn:
            return protocol_trust.trust_list(
                conn.execute("SELECT * FROM trust_key ORDER BY kid").fetchall()
            )

    def certificate_status(self, number: str) -> dict[str, Any] | None:
        with self.reading() as conn:
            row = conn.execute(
                "SELECT data FROM record WHERE kind = 'certificate' AND number = ? "
                "AND deleted = 0",
                (number,),
            ).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        if data.get("revoked_at"):
            answer = {"number": number, "status": "revoked", "revoked_at": data["revoked_at"]}
            if data.get("revocation_reason"):
                answer["reason"] = data["revocation_reason"]
            return answer
        return {"number": number, "status": "valid"}

    def changes(self, institute: str, since: str, limit: int) -> dict[str, Any]:
        """§7 for one institute; see `desktop/portal/README.md` for the cursor."""
        c_seq, c_id = parse_cursor(since)
        with self.reading() as conn:
            top = conn.execute("SELECT coalesce(max(seq), 0) FROM version_log").fetchone()[0]
            if c_seq > top:  # e.g. the portal's data was restored from an older backup
                raise PortalError(400, "invalid_cursor", "cursor is ahead of this portal; "
                                  "start again with an empty since")
            effective: dict[str, int] = {}
            sql = self.dialect(_CHANGES_SQL)
            for rid, eff in conn.execute(sql, {"x": institute, "c": c_seq}):
                if eff > effective.get(rid, -1):
                    effective[rid] = eff
            items = sorted(
                (eff, rid) for rid, eff in effective.items() if (eff, rid) > (c_seq, c_id)
            )[:limit]
            records = []
            for start in range(0, len(items), 500):
                chunk = [rid for _, rid in items[start : start + 500]]
                rows = {
                    row["id"]: row
                    for row in conn.execute(
                        f"SELECT * FROM record WHERE id IN ({','.join('?' * len(chunk))})",
                        chunk,
                    )
                }
                records.extend(_as_record(rows[rid]) for rid in chunk)
        if items:
            cursor = f"{items[-1][0]}:{items[-1][1]}"
        else:
            cursor = f"{c_seq}:{c_id}" if c_id else str(c_seq)
        return {"cursor": cursor, "records": records}


class PortalDB(PortalStore):
    """The embedded store: all state of one portal in `data_dir/portal.db` (attachments in
    `data_dir/attachments`). One writer connection per process behind a lock; across
    processes (several server workers) SQLite's `BEGIN IMMEDIATE` lets one writer at a time."""

    backend = "sqlite"

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.attachments_dir = self.data_dir / "attachments"
        self.attachments_dir.mkdir(exist_ok=True)
        self.path = self.data_dir / "portal.db"
        self._write_lock = threading.RLock()
        self._writer = self._connect()
        self._readers: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._all: list[sqlite3.Connection] = [self._writer]
        self._closed = False
        self._digests = {}
        with self.transaction() as conn:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
        self._check_schema_and_origin()

    def __str__(self) -> str:
        return str(self.path)

    # --- connections ------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")  # an answered batch survives a power cut
        conn.execute("PRAGMA busy_timeout=10000")
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The single writer, in one IMMEDIATE transaction: all or nothing."""
        with self._write_lock:
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A reader connection in one read transaction (a consistent snapshot)."""
        try:
            conn = self._readers.get_nowait()
        except queue.Empty:
            conn = self._connect()
            with self._write_lock:
                self._all.append(conn)
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")
            self._readers.put(conn)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with self._write_lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.Error:
                    pass

    def backup(self, dest: Path | str) -> Path:
        """SQLite's online backup of portal.db plus a copy of the attachments, into the folder
        `dest` (created; must be empty): `portal serve --data DEST` serves it as it was."""
        dest = Path(dest)
        dest.mkdir(parents=True, exist_ok=True)
        if any(dest.iterdir()):
            raise PortalError(409, "backup_exists", f"{dest} is not empty")
        (dest / "attachments").mkdir()
        # Attachments first: a record naming one is only ever written after its bytes.
        for path in sorted(self.attachments_dir.iterdir()):
            if path.is_file() and len(path.name) == 64:
                write_file_atomic(dest / "attachments" / path.name, path.read_bytes())
        source, target = self._connect(), sqlite3.connect(dest / "portal.db")
        try:
            source.backup(target)  # one step: a consistent snapshot even while batches land
        finally:
            source.close()
            target.close()
        return dest

    # --- attachments ------------------------------------------------------------------------

    def has_attachment(self, sha256: str) -> bool:
        with self.reading() as conn:
            return conn.execute(
                "SELECT 1 FROM attachment WHERE sha256 = ?", (sha256,)
            ).fetchone() is not None

    def put_attachment(self, sha256: str, body: bytes, media_type: str) -> bool:
        """Store the bytes (already hash-checked); False when the portal had them."""
        path = self.attachments_dir / sha256
        with self._write_lock:
            if self.has_attachment(sha256):
                return False
            write_file_atomic(path, body)
            with self.transaction() as conn:
                conn.execute(
                    "INSERT INTO attachment VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (sha256, len(body), media_type, now_ts()),
                )
        return True

    def attachment_bytes(self, sha256: str) -> bytes | None:
        path = self.attachments_dir / sha256
        return path.read_bytes() if self.has_attachment(sha256) else None


def parse_cursor(since: str) -> tuple[int, str]:
    """`""` | `"<seq>"` | `"<seq>:<id>"` → (seq, id); ValueError otherwise."""
    if not since:
        return 0, ""
    seq_text, _, rid = since.partition(":")
    if not seq_text.isdigit() or (rid and not v.is_uuid(rid)):
        raise ValueError(f"not a cursor this portal gave: {since!r}")
    return int(seq_text), rid


# Programmes, participants nominated to the institute's workshops (through a live enrolment
# in a live workshop of the institute), and revoked certificates of its workshops. Each item's
# effective position is the greatest seq among the rows that put it in the feed, so a
# participant nominated today appears even though its own row is old. Every branch starts
# from rows changed since the cursor (index on kind, seq), so an idle pull is cheap; CROSS
# JOIN pins that order (the planner would otherwise scan every enrolment).
_CHANGES_SQL = """
SELECT id, seq FROM record WHERE kind = 'programme' AND seq >= :c
UNION ALL
SELECT p.id, max(p.seq, e.seq, w.seq) FROM record e
  JOIN record w ON w.id = e.workshop_id AND w.kind = 'workshop' AND w.deleted = 0
       AND w.institute_code = :x
  JOIN record p ON p.id = e.participant_id AND p.kind = 'participant'
  WHERE e.kind = 'enrolment' AND e.deleted = 0 AND e.seq >= :c
UNION ALL
SELECT p.id, max(p.seq, e.seq, w.seq) FROM record w
  CROSS JOIN record e ON e.workshop_id = w.id AND e.kind = 'enrolment' AND e.deleted = 0
  JOIN record p ON p.id = e.participant_id AND p.kind = 'participant'
  WHERE w.kind = 'workshop' AND w.deleted = 0 AND w.institute_code = :x AND w.seq >= :c
UNION ALL
SELECT p.id, max(p.seq, e.seq, w.seq) FROM record p
  CROSS JOIN record e ON e.participant_id = p.id AND e.kind = 'enrolment' AND e.deleted = 0
  JOIN record w ON w.id = e.workshop_id AND w.kind = 'workshop' AND w.deleted = 0
       AND w.institute_code = :x
  WHERE p.kind = 'participant' AND p.seq >= :c
UNION ALL
SELECT c.id, max(c.seq, w.seq) FROM record c
  JOIN record w ON w.id = c.workshop_id AND w.kind = 'workshop' AND w.institute_code = :x
  WHERE c.kind = 'certificate' AND c.revoked = 1 AND c.deleted = 0 AND c.seq >= :c
UNION ALL
SELECT c.id, max(c.seq, w.seq) FROM record w
  JOIN record c ON c.workshop_id = w.id AND c.kind = 'certificate' AND c.revoked = 1
       AND c.deleted = 0
  WHERE w.kind = 'workshop' AND w.institute_code = :x AND w.seq >= :c
"""


def _as_record(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "kind": row["kind"],
        "id": row["id"],
        "updated_at": row["updated_at"],
        "origin": row["origin"],
        "deleted": bool(row["deleted"]),
        "data": json.loads(row["data"]),
    }


def _trust_entry_problems(entry: Any) -> list[str]:
    if not isinstance(entry, dict):
        return ["each key must be a JSON object"]
    problems = []
    allowed = ("kid", "public_key", "institute", "valid_from", "valid_to")
    for key in entry:
        if key not in allowed:
            problems.append(f"{key}: not a trust-list field")
    kid = entry.get("kid")
    if not isinstance(kid, str) or ":" not in kid or not kid.rsplit(":", 1)[1].isdigit():
        problems.append('kid: must be "<institute_code>:<key number>"')
    try:
        decode_public_key(entry.get("public_key"))
    except ValueError as exc:
        problems.append(f"public_key: {exc}")
    if not isinstance(entry.get("institute"), str) or not entry["institute"].strip():
        problems.append("institute: is required")
    for name in ("valid_from", "valid_to"):
        value = entry.get(name)
        if value is None and name == "valid_to":
            continue
        if not (v.is_date(value) or v.is_timestamp(value)):
            problems.append(f"{name}: must be a date YYYY-MM-DD or an RFC 3339 timestamp")
    return problems
