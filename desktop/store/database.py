"""Opening the database safely and writing versioned records.

One `Store` wraps one SQLite connection (sqlite-utils `Database` over it). The connection is in
autocommit mode and `transaction()` opens `BEGIN IMMEDIATE`, so a write takes the writer lock
up front instead of failing half-way; nested blocks become savepoints. WAL with
`synchronous=FULL` means a committed transaction survives a power cut."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop.protocol.ids import new_id, stamp_after
from desktop.protocol.records import (
    BY_COLUMN,
    JSON_FIELDS,
    KIND_FIELDS,
    record_to_row,
    row_to_record,
)
from desktop.store import in_use, migrations, restore_journal
from desktop.store.binding import bind_none_directly
from desktop.store.checkpoint import BACKSTOP_PAGES, WalCheckpointer
from desktop.store.errors import (
    CorruptDatabaseError,
    ReadOnlyDatabaseError,
    RecordNotFound,
    StoreError,
)
from desktop.text.said import said
from desktop.text.translit import participant_key as _participant_key

_SQLITE_MAGIC = b"SQLite format 3\x00"

#: meta key of the version clock: the highest version stamp written or received here
CLOCK_KEY = "clock.high"


def _check_file(path: Path, *, create: bool) -> None:
    if not path.exists():
        if not create:
            raise StoreError(said(
                    "No database at {path}. Run `karmayogi-desk init` first.",
                    path=path,
                ))
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.exists():
            raise StoreError(said("The folder {parent} does not exist.", parent=parent))
        if not os.access(parent, os.W_OK):
            raise ReadOnlyDatabaseError(said(
                    "Cannot create a database in {parent}: not writable.",
                    parent=parent,
                ))
        return
    if path.is_dir():
        raise StoreError(said("{path} is a folder, not a database file.", path=path))
    if path.stat().st_size:
        with path.open("rb") as handle:
            if handle.read(16) != _SQLITE_MAGIC:
                raise CorruptDatabaseError(
                    said(
                        "{path} is not a Karmayogi Desk database (not an SQLite file, or "
                        "damaged). Restore it from a backup with `karmayogi-desk restore FILE`.",
                        path=path,
                    )
                )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabaseError(
            said(
                "{path} cannot be written (read-only file or folder). Copy it to a writable "
                "folder or fix its permissions; nothing was changed.",
                path=path,
            )
        )


bind_none_directly()  # before any connection binds a parameter: see desktop/store/binding.py


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30.0)
    conn.row_factory = sqlite3.Row
    return conn


def _configure(conn: sqlite3.Connection, *, in_memory: bool) -> None:
    if not in_memory:
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"Could not switch the database to WAL mode (got {mode}).")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache: the roster is big
    conn.execute("PRAGMA temp_store=MEMORY")


def open_store(
    path: Path | str | None,
    *,
    create: bool = True,
    migrate: bool = True,
    on_upgrade: Callable[[list[str]], None] | None = None,
) -> Store:
    """Open (and if needed create and migrate) the database at `path`; `None` is in-memory.
    `on_upgrade(migration names)` is called before an existing file is upgraded.

    Raises a `StoreError` subclass with a message for the user when the file is missing,
    corrupt, read-only or from a newer version; in each case the file is left untouched."""
    in_memory = path is None or str(path) == ":memory:"
    db_path = None if in_memory else Path(path)
    if db_path is not None:
        restore_journal.finish_pending(db_path)  # a restore cut short: finish it first
        _check_file(db_path, create=create)
    held = None if db_path is None else in_use.hold(db_path)
    try:
        conn = _connect(":memory:" if db_path is None else db_path)
    except BaseException:
        in_use.release(held)
        raise
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise CorruptDatabaseError(
                said(
                    "{db_path} cannot be read as a database ({error}). Restore it from a backup.",
                    db_path=db_path, error=str(exc),
                )
            ) from exc
        db = Database(conn)
        migrations.check_not_newer(db)
        _configure(conn, in_memory=in_memory)
        backup = migrations.migrate(db, db_path, on_upgrade) if migrate else None
        store = Store(db, db_path)
        store.in_use_key, held = held, None  # released by store.close()
        store.last_backup = backup
        store.ensure_device_id()
        return store
    except BaseException:
        conn.close()
        in_use.release(held)
        raise


def pending_migrations(path: Path | str) -> list[str]:
    """Names of the migrations opening this file would apply (none if it cannot be opened:
    `open_store` then says why). Lets a caller warn before a long upgrade."""
    try:
        with open_store(path, create=False, migrate=False) as probe:
            return [m.name for m in migrations.MIGRATIONS.pending(probe.db)]
    except StoreError:
        return []


class Store:
    """A connection to the local database with versioned, change-logged record writes."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.path = path
        self.last_backup: Path | None = None
        self._device_id: str | None = None
        self._checkpointer: WalCheckpointer | None = None
        self._txn_version: str | None = None  # the version stamp of the open transaction
        # Who is acting through this connection (a desk user's name; None before anyone has
        # signed in, or for a script on a database without users). Set by the session layer;
        # read by whatever records "who did it" (record versions, mark history, the audit log).
        self.actor: str | None = None
        #: this store's count in the process's shared "in use" lock (store/in_use.py)
        self.in_use_key: Path | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def checkpoint_in_background(self, interval: float = 0.5) -> None:
        """Keep WAL checkpoints out of this connection's commits (see `checkpoint`): for the
        long-running GUI, whose attendance desk needs every commit fast."""
        if self.path is None or self._checkpointer is not None:
            return
        self.conn.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
        self._checkpointer = WalCheckpointer(self.path, interval)
        self._checkpointer.start()

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        self.conn.close()
        key, self.in_use_key = self.in_use_key, None  # close() is idempotent
        in_use.release(key)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reader(self) -> Store:
        """A second connection for reading on another thread (WAL lets it read while the
        writer writes)."""
        if self.path is None:
            raise StoreError("An in-memory database has no second connection.")
        other = open_store(self.path, create=False, migrate=False)
        other.actor = self.actor  # the same person acts through it
        return other

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One unit of work: everything inside commits together or not at all."""
        if self.conn.in_transaction:
            with self.db.atomic():  # a savepoint inside the outer transaction
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._txn_version = None
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._txn_version = None

    # -- settings --------------------------------------------------------------------------
    def meta_get(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def meta_set(self, key: str, value: str | None) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def ensure_device_id(self) -> str:
        device = self.meta_get("device_id")
        if device is None:
            device = new_id()
            self.meta_set("device_id", device)
        self._device_id = device
        return device

    @property
    def device_id(self) -> str:
        if self._device_id is None:
            return self.ensure_device_id()
        return self._device_id

    @property
    def institute_code(self) -> str | None:
        return self.meta_get("institute_code")

    # -- the version clock ------------------------------------------------------------------
    def next_version(self, after: str | None = None) -> str:
        """A new version stamp, inside the caller's write transaction: above the wall clock's
        reading or, when the database has seen a higher stamp (a burst of writes, another
        process, a desk whose clock runs ahead, this laptop's clock set back), one
        millisecond past it; and above `after`, the version being replaced. The highest
        stamp is kept in the database in the same transaction, so a new process and every
        writer continue from it: a new version is always above the one it replaces."""
        if not self.conn.in_transaction:
            raise RuntimeError("next_version() belongs inside store.transaction()")
        shared = self._txn_version
        if shared is not None and (after is None or after < shared):
            # One stamp per transaction, as a bulk insert has: distinct records need no
            # distinct stamps, and a 100,000-row update must not run the clock minutes ahead.
            return shared
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (CLOCK_KEY,)).fetchone()
        stamp = stamp_after(row[0] if row is not None else None, after)
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (CLOCK_KEY, stamp),
        )
        self._txn_version = stamp
        return stamp

    def observe_version(self, stamp: str) -> None:
        """Raise the clock to a stamp received from elsewhere (pull, bundle), so that the
        next edit here is above it whatever this laptop's clock says."""
        if self._txn_version is not None and stamp >= self._txn_version:
            self._txn_version = None  # later writes in this transaction go above it
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value "
            "WHERE excluded.value > meta.value",
            (CLOCK_KEY, stamp),
        )

    def highest_version(self) -> str | None:
        """The highest version stamp this database has written or received."""
        return self.meta_get(CLOCK_KEY)

    # -- reading ---------------------------------------------------------------------------
    def get(self, kind: str, record_id: str) -> dict[str, Any] | None:
        """The row of a record, tombstones included, or None."""
        _check_kind(kind)
        row = self.conn.execute(f"SELECT * FROM {kind} WHERE id = ?", (record_id,)).fetchone()
        return None if row is None else dict(row)

    def require(self, kind: str, record_id: str) -> dict[str, Any]:
        row = self.get(kind, record_id)
        if row is None or row["deleted"]:
            raise RecordNotFound(f"No {kind} with id {record_id}.")
        return row

    def record(self, kind: str, record_id: str) -> dict[str, Any]:
        """The current version of a record in the §4 wire form."""
        row = self.get(kind, record_id)
        if row is None:
            raise RecordNotFound(f"No {kind} with id {record_id}.")
        return row_to_record(kind, row)

    def iter_records(self, kinds: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        """Every synced row (tombstones included) as §4 records, parents before children."""
        from desktop.protocol.records import KIND_ORDER

        for kind in kinds or KIND_ORDER:
            _check_kind(kind)
            for row in self.conn.execute(f"SELECT * FROM {kind} ORDER BY id"):
                yield row_to_record(kind, dict(row))

    # -- writing ---------------------------------------------------------------------------
    def insert(self, kind: str, data: Mapping[str, Any], *, record_id: str | None = None) -> str:
        """Create a record made on this desk; returns its id."""
        _check_kind(kind)
        values = _encode(kind, data)
        values.update(id=record_id or new_id(), origin=self.device_id, deleted=0)
        values[BY_COLUMN] = self.actor
        if kind == "participant":
            values["name_latin"] = _participant_key(values)
        with self.transaction():
            values["updated_at"] = self.next_version()
            columns = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            self.conn.execute(
                f"INSERT INTO {kind} ({columns}) VALUES ({marks})", tuple(values.values())
            )
        return values["id"]

    def update(self, kind: str, record_id: str, changes: Mapping[str, Any]) -> bool:
        """Change some fields of a record, as a new version made here.

        Returns False (and writes nothing, logs nothing) when every value is already equal,
        so re-importing the same list does not flood the sync queue."""
        _check_kind(kind)
        with self.transaction():
            current = self.require(kind, record_id)
            values = {k: v for k, v in _encode(kind, changes).items() if current.get(k) != v}
            if not values:
                return False
            values.update(
                updated_at=self.next_version(after=current["updated_at"]), origin=self.device_id
            )
            values[BY_COLUMN] = self.actor
            if kind == "participant":
                merged = {**current, **values}
                values["name_latin"] = _participant_key(merged)
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.conn.execute(
                f"UPDATE {kind} SET {assignments} WHERE id = ?",
                (*values.values(), record_id),
            )
        return True

    def touch(self, kind: str, record_id: str) -> None:
        """Make a new version of a record with its data unchanged (a new `updated_at` and
        this desk as origin), as an edit would: the change log picks it up and the record is
        sent again (e.g. "Send again" for a record the portal rejected). Tombstones too."""
        _check_kind(kind)
        with self.transaction():
            current = self.get(kind, record_id)
            if current is None:
                raise RecordNotFound(f"No {kind} with id {record_id}.")
            self.conn.execute(
                f"UPDATE {kind} SET updated_at = ?, origin = ?, {BY_COLUMN} = ? WHERE id = ?",
                (
                    self.next_version(after=current["updated_at"]),
                    self.device_id,
                    self.actor,
                    record_id,
                ),
            )

    def delete(self, kind: str, record_id: str) -> bool:
        """Tombstone a record: it stays, marked deleted, so the deletion can sync."""
        _check_kind(kind)
        with self.transaction():
            current = self.get(kind, record_id)
            if current is None or current["deleted"]:
                return False
            self.conn.execute(
                f"UPDATE {kind} SET deleted = 1, updated_at = ?, origin = ?, {BY_COLUMN} = ? "
                "WHERE id = ?",
                (
                    self.next_version(after=current["updated_at"]),
                    self.device_id,
                    self.actor,
                    record_id,
                ),
            )
        return True

    def apply_record(self, record: Mapping[str, Any]) -> str:
        """Apply a version that came from elsewhere (pull, bundle) by last-writer-wins.

        Returns 'applied', or 'stale' when the stored version is the same or newer."""
        kind = record["kind"]
        _check_kind(kind)
        row = record_to_row(record)
        with self.transaction():
            self.observe_version(row["updated_at"])
            current = self.conn.execute(
                f"SELECT updated_at, origin FROM {kind} WHERE id = ?", (row["id"],)
            ).fetchone()
            if current is not None and (current[0], current[1]) >= (
                row["updated_at"],
                row["origin"],
            ):
                return "stale"
            if kind == "participant":
                if row.get("name_en") is None:
                    row["name_en"] = "" if row["deleted"] else row.get("name_en")
                row["name_latin"] = _participant_key(row)
            columns = list(row)
            if current is None:
                self.conn.execute(
                    f"INSERT INTO {kind} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})",
                    tuple(row.values()),
                )
            else:
                # A tombstone clears the data fields; a full version replaces them all.
                full = {f: None for f in KIND_FIELDS[kind]} if not row["deleted"] else {}
                if kind == "participant" and not row["deleted"]:
                    full["name_en"] = ""
                full.update(row)
                full.pop("id")
                assignments = ", ".join(f"{column} = ?" for column in full)
                self.conn.execute(
                    f"UPDATE {kind} SET {assignments} WHERE id = ?",
                    (*full.values(), row["id"]),
                )
        return "applied"


def _check_kind(kind: str) -> None:
    if kind not in KIND_FIELDS:
        raise ValueError(f"unknown record kind {kind!r}")


def _encode(kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Data fields as column values; unknown fields are a programming error, not dropped."""
    import json

    allowed = KIND_FIELDS[kind]
    values: dict[str, Any] = {}
    for field, value in data.items():
        if field not in allowed:
            raise ValueError(f"{kind} has no field {field!r}")
        if (kind, field) in JSON_FIELDS and value is not None and not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False)
        values[field] = value
    return values
