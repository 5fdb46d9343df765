"""The portal's PostgreSQL store, for a real deployment (`portal serve --database postgresql://…`).

The rules are `PortalStore`'s and `desktop.portal.apply`'s, word for word: this module only
gives them connections. `PgConnection` runs the shared SQLite-style statements (`?` and
`:name` parameters) through psycopg 3, and a connection pool (psycopg_pool) serves the
threads of one server worker.

Concurrency (several workers, many desks): every write transaction first takes one
transaction-level advisory lock (`pg_advisory_xact_lock`), so writes are applied one after the
other, in the database, whichever worker or process runs them:
- a batch replayed on two connections at once: the second waits for the first to commit,
  then finds its row in `batch` (READ COMMITTED sees it) and answers the stored bytes; the
  `batch` primary key would refuse a second row anyway;
- two desks writing one record: the second compares against the committed winner (§4 order);
- `/changes` never skips a version: a seq is taken (max + 1) and committed while the lock is
  held, and the lock is released only after the commit is visible, so versions become visible
  in seq order. (With a plain sequence, seq 11 could commit before seq 10, a reader's cursor
  would pass 10, and 10 would never be sent: the out-of-order-commit trap.)
Reads run in REPEATABLE READ READ ONLY transactions: one snapshot per answer, no locks.

Schema changes are named migrations (`MIGRATIONS`), applied in order at start-up under the
same lock and recorded in `portal_migration`."""

from __future__ import annotations

import functools
import glob
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from desktop.portal.conninfo import redact
from desktop.portal.db import PortalError, PortalStore
from desktop.protocol.ids import now_ts

# One key for "the portal's writer" (any 64-bit number no other application on the database
# uses; this one spells "KDPORTAL").
WRITE_LOCK = 0x4B44504F5254414C

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE institute (code TEXT PRIMARY KEY, name_en TEXT NOT NULL, name_hi TEXT);
CREATE TABLE enrolment_code (
    code_sha256 TEXT PRIMARY KEY, institute_code TEXT, created_at TEXT NOT NULL,
    used_at TEXT, used_by TEXT);
CREATE TABLE device (
    device_id TEXT PRIMARY KEY, institute_code TEXT NOT NULL, device_name TEXT NOT NULL,
    public_key TEXT NOT NULL, token_sha256 TEXT NOT NULL UNIQUE, enrolled_at TEXT NOT NULL,
    revoked_at TEXT);
CREATE TABLE record (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, updated_at TEXT NOT NULL, origin TEXT NOT NULL,
    deleted INTEGER NOT NULL, data TEXT NOT NULL, seq BIGINT NOT NULL,
    via_institute TEXT, batch_id TEXT,
    workshop_id TEXT, participant_id TEXT, institute_code TEXT, number TEXT,
    revoked INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX record_seq ON record (seq);
CREATE INDEX record_kind_seq ON record (kind, seq);
CREATE INDEX record_origin ON record (origin, kind, id);
CREATE INDEX record_workshop ON record (workshop_id) WHERE workshop_id IS NOT NULL;
CREATE INDEX record_participant ON record (participant_id) WHERE participant_id IS NOT NULL;
CREATE INDEX record_number ON record (number) WHERE number IS NOT NULL;
CREATE TABLE version_log (
    seq BIGINT PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, updated_at TEXT NOT NULL,
    origin TEXT NOT NULL, batch_id TEXT, applied_at TEXT NOT NULL);
CREATE TABLE batch (
    batch_id TEXT PRIMARY KEY, body_sha256 TEXT NOT NULL, institute_code TEXT NOT NULL,
    sender TEXT NOT NULL, received_at TEXT NOT NULL, response BYTEA NOT NULL);
CREATE TABLE attachment (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, media_type TEXT NOT NULL,
    received_at TEXT NOT NULL, body BYTEA NOT NULL);
CREATE TABLE trust_key (
    kid TEXT PRIMARY KEY, public_key TEXT NOT NULL, institute TEXT NOT NULL,
    valid_from TEXT NOT NULL, valid_to TEXT, added_by TEXT NOT NULL, added_at TEXT NOT NULL);
"""

# The state's view (desktop/portal/state): the desk-shaped projection the review reads
# (`projection.COLUMNS`, filled in the apply transaction), the reference lists it names, and
# the admin accounts with their sessions (`accounts.SCHEMA`). The desk review's indexes
# (`projection.INDEXES`) come with it. Frozen here as a migration: a later change of the
# projection is a new migration (tests/portal/state check the columns agree).
_STATE_VIEW = """
CREATE TABLE participant (id TEXT PRIMARY KEY, updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL, department TEXT, district_code TEXT, service_group TEXT);
CREATE TABLE programme (id TEXT PRIMARY KEY, updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL, title_en TEXT, title_hi TEXT, min_attendance_pct INTEGER);
CREATE TABLE workshop (id TEXT PRIMARY KEY, updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL, programme_id TEXT, institute_code TEXT, title_en TEXT,
    title_hi TEXT, mode TEXT, start_date TEXT, end_date TEXT);
CREATE TABLE session (id TEXT PRIMARY KEY, updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL, workshop_id TEXT, date TEXT);
CREATE TABLE enrolment (id TEXT PRIMARY KEY, updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL, workshop_id TEXT, participant_id TEXT, status TEXT);
CREATE TABLE attendance (id TEXT PRIMARY KEY, updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL, session_id TEXT, participant_id TEXT, status TEXT);
CREATE TABLE certificate (id TEXT PRIMARY KEY, updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL, participant_id TEXT, workshop_id TEXT, issued_at TEXT,
    revoked_at TEXT, supersedes TEXT);
CREATE TABLE nodal_officer (id TEXT PRIMARY KEY, updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL, department TEXT, name TEXT, designation TEXT, phone TEXT,
    email TEXT);
CREATE TABLE department (code TEXT PRIMARY KEY, name_en TEXT NOT NULL, name_hi TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1);
CREATE TABLE district (code TEXT PRIMARY KEY, name_en TEXT NOT NULL, name_hi TEXT NOT NULL,
    division_en TEXT NOT NULL);
CREATE TABLE programme_rule (programme_id TEXT PRIMARY KEY,
    late_counts_present INTEGER NOT NULL DEFAULT 1,
    excused_excluded INTEGER NOT NULL DEFAULT 1);
CREATE INDEX participant_review ON participant
    (department, district_code, service_group, deleted);
CREATE INDEX participant_deleted ON participant (deleted, id);
CREATE INDEX workshop_start ON workshop (start_date);
CREATE INDEX session_workshop ON session (workshop_id, date);
CREATE INDEX enrolment_workshop ON enrolment (workshop_id, participant_id);
CREATE INDEX attendance_session ON attendance (session_id, participant_id);
CREATE INDEX certificate_workshop ON certificate (workshop_id);
CREATE INDEX certificate_superseding ON certificate (supersedes) WHERE supersedes IS NOT NULL;
CREATE INDEX nodal_officer_department ON nodal_officer (department);
CREATE TABLE portal_admin (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL, disabled_at TEXT);
CREATE TABLE admin_session (token_sha256 TEXT PRIMARY KEY, name TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
"""

# The state's view's periods read ahead (desktop/portal/state/kept.py), and indexes fitted to
# the review's reads: enrolments by workshop and marks by session without visiting the rows,
# participants by id with the fields the filters use.
_STATE_FACTS = """
CREATE TABLE state_facts (first_day TEXT NOT NULL, last_day TEXT NOT NULL,
    version BIGINT NOT NULL, read_at DOUBLE PRECISION NOT NULL, body BYTEA NOT NULL,
    PRIMARY KEY (first_day, last_day));
CREATE INDEX enrolment_review ON enrolment (workshop_id, status, deleted, participant_id);
CREATE INDEX attendance_review ON attendance (session_id, deleted, status, participant_id);
CREATE INDEX participant_person ON participant
    (id, deleted, department, district_code, service_group);
"""

# Byte order for every text column, whatever the database's locale: ids, version stamps and
# kids sort and compare exactly as SQLite (and the desk) compare them.
MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", _TABLES.replace(" TEXT", ' TEXT COLLATE "C"')),
    ("0002_state_view", _STATE_VIEW.replace(" TEXT", ' TEXT COLLATE "C"')),
    ("0003_state_facts", _STATE_FACTS.replace(" TEXT", ' TEXT COLLATE "C"')),
    # wrong passwords counted per admin name (desktop/portal/state/accounts.py: lock-out)
    ("0004_admin_lockout", 'CREATE TABLE admin_login_failure (name TEXT COLLATE "C" '
     'PRIMARY KEY, failures INTEGER NOT NULL, locked_until TEXT COLLATE "C")'),
]


class PgRow:
    """A result row readable by position and by column name, like `sqlite3.Row`."""

    __slots__ = ("_values", "_index")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = values
        self._index = index

    def __getitem__(self, key: int | str) -> Any:
        return self._values[key if isinstance(key, int) else self._index[key]]

    def keys(self) -> list[str]:
        return list(self._index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def _rows(cursor: Any) -> Any:
    if cursor.description is None:
        return tuple
    index = {column.name: i for i, column in enumerate(cursor.description)}
    return lambda values: PgRow(values, index)


_MULTI_ROW = re.compile(r"^INSERT INTO (\w+) VALUES \((?:\?, )*\?\)(.*)$", re.DOTALL)
_NAMED = re.compile(r"(?<![:\w]):([a-z_]+)\b")


@functools.lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """SQLite-style parameters (`?`, `:name`) to psycopg's (`%s`, `%(name)s`). The shared
    statements hold no `?`, `:` or `%` inside string literals."""
    return _NAMED.sub(r"%(\1)s", sql.replace("?", "%s"))


class PgConnection:
    """The part of `sqlite3.Connection` the shared code uses, over one psycopg connection."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Any = None) -> psycopg.Cursor:
        cur = self._conn.cursor(row_factory=_rows)
        cur.execute(translate(sql), params if params else None)
        return cur

    def executemany(self, sql: str, params: Iterable[Any]) -> psycopg.Cursor:
        """`INSERT INTO t VALUES (?, …) …` runs as one `INSERT … SELECT FROM unnest(arrays)`
        (one round trip, not one per row: a 1,000-record batch writes 2,000 rows); other
        statements row by row. The shared callers never insert one key twice in a call, so
        a set-wise `ON CONFLICT DO UPDATE` is safe."""
        cur = self._conn.cursor(row_factory=_rows)
        rows = list(params)
        if not rows:
            return cur
        multi = _MULTI_ROW.match(sql)
        if multi is None:
            cur.executemany(translate(sql), rows)
            return cur
        table, tail = multi.groups()
        types = self._array_types(table)
        columns = [list(column) for column in zip(*rows, strict=True)]
        arrays = ", ".join(f"%b::{t}[]" for t in types)  # binary: no text escaping
        cur.execute(f"INSERT INTO {table} SELECT * FROM unnest({arrays}){translate(tail)}",
                    columns)
        return cur

    def _array_types(self, table: str) -> list[str]:
        types = _COLUMN_TYPES.get(table)
        if types is None:
            cur = self._conn.execute(
                "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped "
                "ORDER BY a.attnum", (table,))
            types = _COLUMN_TYPES[table] = [row[0] for row in cur.fetchall()]
        return types


_COLUMN_TYPES: dict[str, list[str]] = {}


class PgPortalDB(PortalStore):
    """All state of one portal in a PostgreSQL database (attachments included, so one
    `pg_dump` is the whole backup and every worker on every host sees the same files)."""

    backend = "postgresql"

    @staticmethod
    def dialect(sql: str) -> str:
        """SQLite's scalar max(a, b) is GREATEST here; its CROSS JOIN (a join-order hint
        for SQLite's planner) a plain JOIN."""
        return sql.replace("max(", "GREATEST(").replace("CROSS JOIN", "JOIN")

    def __init__(self, conninfo: str, *, pool_size: int = 8) -> None:
        self.conninfo = conninfo
        self._digests = {}
        self._pool = ConnectionPool(
            conninfo, min_size=1, max_size=pool_size, kwargs={"autocommit": True},
            open=False, name="portal",
        )
        try:
            self._pool.open(wait=True, timeout=15)
        except psycopg.Error as exc:
            self._pool.close()
            raise PortalError(500, "database_unavailable", _safe(str(exc), conninfo)) from exc
        except Exception as exc:  # psycopg_pool.PoolTimeout: nothing listening
            self._pool.close()
            raise PortalError(500, "database_unavailable",
                              f"cannot connect to {redact(conninfo)}") from exc
        self._closed = False
        self.migrate()
        self._check_schema_and_origin()

    def __str__(self) -> str:
        return redact(self.conninfo)

    def migrate(self) -> list[str]:
        """Apply the named migrations not yet applied, in order; returns their names."""
        done: list[str] = []
        with self.transaction() as conn:
            conn.execute(
                'CREATE TABLE IF NOT EXISTS portal_migration (name TEXT COLLATE "C" '
                "PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            have = {row[0] for row in conn.execute("SELECT name FROM portal_migration")}
            for name, sql in MIGRATIONS:
                if name in have:
                    continue
                for statement in sql.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute("INSERT INTO portal_migration VALUES (?, ?)", (name, now_ts()))
                done.append(name)
        return done

    def migrations(self) -> list[str]:
        with self.reading() as conn:
            return [r[0] for r in conn.execute("SELECT name FROM portal_migration ORDER BY name")]

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        """One write transaction, after every other writer's (the advisory lock): all or
        nothing."""
        with self._pool.connection() as conn:
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield PgConnection(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[PgConnection]:
        """One snapshot (REPEATABLE READ, read only): an answer is consistent with itself."""
        with self._pool.connection() as conn:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                yield PgConnection(conn)
            finally:
                conn.execute("COMMIT")

    def close(self) -> None:
        if not getattr(self, "_closed", True):
            self._closed = True
            self._pool.close()

    def backup(self, dest: Path | str) -> Path:
        """`pg_dump --format=custom` into `dest/portal.dump` (restore with pg_restore)."""
        dest = Path(dest)
        dest.mkdir(parents=True, exist_ok=True)
        target = dest / "portal.dump"
        if target.exists():
            raise PortalError(409, "backup_exists", f"{target} exists")
        pg_dump = find_pg_tool("pg_dump")
        done = subprocess.run(
            [pg_dump, "--format=custom", "--no-owner", f"--file={target}",
             f"--dbname={self.conninfo}"],
            capture_output=True, text=True, check=False,
        )
        if done.returncode != 0:
            target.unlink(missing_ok=True)
            raise PortalError(500, "backup_failed", _safe(done.stderr.strip(), self.conninfo))
        return target

    # --- attachments (in the database) ------------------------------------------------------

    def has_attachment(self, sha256: str) -> bool:
        with self.reading() as conn:
            return conn.execute(
                "SELECT 1 FROM attachment WHERE sha256 = ?", (sha256,)
            ).fetchone() is not None

    def put_attachment(self, sha256: str, body: bytes, media_type: str) -> bool:
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO attachment VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (sha256, len(body), media_type, now_ts(), body),
            )
            return cur.rowcount > 0

    def attachment_bytes(self, sha256: str) -> bytes | None:
        with self.reading() as conn:
            row = conn.execute(
                "SELECT body FROM attachment WHERE sha256 = ?", (sha256,)
            ).fetchone()
        return None if row is None else bytes(row[0])


def _safe(message: str, conninfo: str) -> str:
    password = re.search(r"postgres(?:ql)?://[^:/@]+:([^@]*)@", conninfo)
    if password and password.group(1):
        message = message.replace(password.group(1), "***")
    return redact(message)


def find_pg_tool(name: str) -> str:
    """A PostgreSQL program: on PATH, else the newest of Debian's /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    if candidates and os.access(candidates[-1], os.X_OK):
        return candidates[-1]
    raise PortalError(500, "postgresql_tools_missing",
                      f"{name} not found (install the postgresql-client package)")
