"""Fast bulk inserts for imports and demo data, with the same rows `Store.insert` writes.

Per-row triggers are what make a big insert slow here: the participant search index (FTS5)
and the change log each cost more than the insert itself (≈ 100 µs a row together). Inside the
caller's transaction we therefore drop those two INSERT triggers, insert with one prepared
statement, and then do the triggers' work once, set-based (`INSERT … SELECT`), and re-create
the triggers from their own stored SQL before the transaction commits. Other connections never
see the gap (we hold the write lock), and a crash rolls the DDL back with the rows. The
shortcut is only taken when a trigger's SQL is exactly the one we know; if a later migration
changed it, the trigger simply stays and does the work row by row."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from desktop.protocol.ids import new_id
from desktop.protocol.records import BY_COLUMN, JSON_FIELDS, KIND_FIELDS
from desktop.store import in_use
from desktop.store.database import Store, _encode, _participant_key

_FTS_COLUMNS = "name_en, name_hi, name_latin"
_LOG_STATE = (
    "CASE WHEN new.origin = (SELECT value FROM meta WHERE key = 'device_id') "
    "THEN 'pending' ELSE 'foreign' END"
)


def _norm(sql: str | None) -> str:
    return " ".join((sql or "").split())


def _known_log_trigger(kind: str) -> str:
    return _norm(
        f"""CREATE TRIGGER {kind}_log_insert AFTER INSERT ON {kind} BEGIN
    INSERT INTO change_log(kind, record_id, updated_at, origin, state)
    VALUES ('{kind}', new.id, new.updated_at, new.origin, {_LOG_STATE});
END"""
    )


_KNOWN_FTS_TRIGGER = _norm(
    f"""CREATE TRIGGER participant_fts_insert AFTER INSERT ON participant BEGIN
    INSERT INTO participant_fts(rowid, {_FTS_COLUMNS})
    VALUES (new.seq, new.name_en, new.name_hi, new.name_latin);
END"""
)


class BulkInserter:
    """Inserts many new records of one kind inside an open transaction.

    Use as a context manager *inside* `store.transaction()`; `add()` rows in any number of
    calls; leaving the block does the deferred index/log work (also on the success path only;
    on an exception the caller's transaction rolls everything back)."""

    def __init__(self, store: Store, kind: str, *, merge_search_index_once: bool = False) -> None:
        """`merge_search_index_once`: for an insert that is big next to the table (a first
        import): the search index's segments are not merged while rows go in but once at the
        end (FTS5 `automerge` 0, then `optimize`). On 1.88 million rows that took the index's
        share from 13.5 to 9.5 CPU s (18.6 to 9.7 s wall) and leaves one segment, the fastest
        to search; on a small insert into a big roster the final merge would rewrite the whole
        index, so it is left to FTS5's incremental merging as usual."""
        if not store.conn.in_transaction:
            raise RuntimeError("BulkInserter needs an open transaction (store.transaction())")
        self.store = store
        self.kind = kind
        self.fields = KIND_FIELDS[kind]
        # one version stamp for the whole batch (distinct ids, no clash), from the clock
        self.stamp = store.next_version()
        self.origin = store.device_id
        self.count = 0
        self._dropped: list[str] = []
        conn = store.conn
        self.participant = kind == "participant"
        if self.participant:
            self.base_seq = conn.execute(
                "SELECT coalesce(max(seq), 0) FROM participant"
            ).fetchone()[0]
            self.next_seq = self.base_seq + 1
            columns: tuple[str, ...] = ("seq", "id", *self.fields, "name_latin")
        else:
            self.base_seq = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {kind}").fetchone()[
                0
            ]
            columns = ("id", *self.fields)
        self._done_upto = self.base_seq
        self._merge_once = merge_search_index_once and self.participant
        self._automerge: int | None = None  # the setting to put back after a merge-once
        # What every row of the batch shares is written into the statement, not bound per
        # row: 4 of 18 parameters fewer for each of 1.88 million participants (binding is
        # most of executemany's cost here).
        shared = {"updated_at": self.stamp, "origin": self.origin, "deleted": 0,
                  BY_COLUMN: store.actor}
        self.sql = _insert_sql(kind, columns, shared)
        # `add_ready`: the rows come whole, SQLite numbers them
        self.ready_sql = _insert_sql(kind, columns[1:], shared) if self.participant else ""

    def __enter__(self) -> BulkInserter:
        self._defer(f"{self.kind}_log_insert", _known_log_trigger(self.kind))
        if self.participant:
            self._defer("participant_fts_insert", _KNOWN_FTS_TRIGGER)
            if self._merge_once:
                self._automerge = _fts_setting(self.store, "automerge", _FTS_AUTOMERGE_DEFAULT)
                self.store.conn.execute(
                    "INSERT INTO participant_fts(participant_fts, rank) VALUES ('automerge', 0)"
                )
        return self

    def _defer(self, name: str, known: str) -> None:
        row = self.store.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
        ).fetchone()
        if row is not None and _norm(row[0]) == known:
            self.store.conn.execute(f"DROP TRIGGER {name}")
            self._dropped.append(row[0])

    def add(
        self, rows: Iterable[Mapping[str, Any]], ids: Iterable[str] | None = None
    ) -> list[str]:
        """Insert rows (data dicts, already valid); returns their ids in order."""
        id_iter = iter(ids) if ids is not None else None
        made: list[str] = []
        fields = self.fields
        if self.participant:  # someone may have inserted on this connection meanwhile
            top = self.store.conn.execute("SELECT coalesce(max(seq), 0) FROM participant")
            self.next_seq = max(self.next_seq, top.fetchone()[0] + 1)

        plain = not any(k == self.kind for k, _ in JSON_FIELDS)
        allowed = set(fields)

        def values() -> Iterable[tuple[Any, ...]]:
            for row in rows:
                # Plain-text kinds need no encoding: only check the field names.
                if plain:
                    if not allowed.issuperset(row):
                        _encode(self.kind, row)  # raises for the unknown field
                    encoded = row
                else:
                    encoded = _encode(self.kind, row)
                data = tuple(map(encoded.get, fields))
                record_id = next(id_iter) if id_iter is not None else new_id()
                made.append(record_id)
                if self.participant:
                    seq = self.next_seq
                    self.next_seq += 1
                    yield (seq, record_id, *data, _participant_key(encoded))
                else:
                    yield (record_id, *data)

        self.store.conn.executemany(self.sql, values())
        self.count += len(made)
        return made

    def add_ready(self, rows: list[tuple[Any, ...]]) -> int:
        """Insert participants given as the importer's reader makes them — (id, fields in
        `KIND_FIELDS` order, name_latin), see `roster.pipeline.ready_row` — with no per-row
        work here: SQLite gives them the next `seq` numbers in order. Returns the first."""
        if not self.participant:
            raise ValueError("add_ready is for participants")
        conn = self.store.conn
        top = conn.execute("SELECT coalesce(max(seq), 0) FROM participant").fetchone()[0]
        conn.executemany(self.ready_sql, rows)
        end = conn.execute("SELECT coalesce(max(seq), 0) FROM participant").fetchone()[0]
        if end - top != len(rows):  # every caller relies on seq = top + 1 ... top + n
            raise RuntimeError(f"participants numbered {top + 1}..{end} for {len(rows)} rows")
        self.next_seq = end + 1
        self.count += len(rows)
        return top + 1

    def catch_up(self) -> None:
        """Do the deferred trigger work for the rows added so far (may be called after each
        batch so that the work interleaves with the caller's; `__exit__` calls it too)."""
        if not self._dropped:
            return
        conn = self.store.conn
        order = "seq" if self.participant else "rowid"
        top = conn.execute(f"SELECT coalesce(max({order}), 0) FROM {self.kind}").fetchone()[0]
        if top <= self._done_upto:
            return
        names = " ".join(self._dropped)
        if f"{self.kind}_log_insert" in names:
            # What the trigger writes, with its per-row subquery and clock read done once
            # (`logged_at`: the column's default, which is one moment per statement anyway;
            # 1.88 million rows: 5.9 -> 4.9 s).
            device, moment = conn.execute(
                "SELECT (SELECT value FROM meta WHERE key = 'device_id'), "
                "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
            ).fetchone()
            conn.execute(
                "INSERT INTO change_log(kind, record_id, updated_at, origin, state, logged_at) "
                "SELECT ?, id, updated_at, origin, "
                "CASE WHEN origin = ? THEN 'pending' ELSE 'foreign' END, ? "
                f"FROM {self.kind} WHERE {order} > ? AND {order} <= ? ORDER BY {order}",
                (self.kind, device, moment, self._done_upto, top),
            )
        if "participant_fts_insert" in names:
            conn.execute(
                f"INSERT INTO participant_fts(rowid, {_FTS_COLUMNS}) "
                f"SELECT seq, {_FTS_COLUMNS} FROM participant WHERE seq > ? AND seq <= ? "
                "ORDER BY seq",
                (self._done_upto, top),
            )
        self._done_upto = top

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is not None or not self._dropped:
            return  # the caller's rollback restores the triggers with the rows
        self.catch_up()
        conn = self.store.conn
        if self._automerge is not None:  # inside the transaction: a rollback undoes it too
            conn.execute("INSERT INTO participant_fts(participant_fts) VALUES ('optimize')")
            conn.execute(
                "INSERT INTO participant_fts(participant_fts, rank) VALUES ('automerge', ?)",
                (self._automerge,),
            )
            self._automerge = None
        for sql in self._dropped:
            conn.execute(sql)
        self._dropped.clear()


def _insert_sql(kind: str, columns: tuple[str, ...], shared: Mapping[str, Any]) -> str:
    """INSERT with a parameter per column and the shared values written in."""
    marks = ["?"] * len(columns) + [_literal(v) for v in shared.values()]
    return f"INSERT INTO {kind} ({', '.join((*columns, *shared))}) VALUES ({', '.join(marks)})"


def _literal(value: str | int | None) -> str:
    """An SQL literal for a value the statement itself carries (a string quoted the SQL way,
    its quotes doubled; SQLite knows no backslash escapes)."""
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    if "\x00" in value:
        raise ValueError("a NUL character cannot be written into an SQL statement")
    return "'" + value.replace("'", "''") + "'"


_FTS_AUTOMERGE_DEFAULT = 4  # FTS5's own default when the table's config holds none


def _fts_setting(store: Store, key: str, default: int) -> int:
    """A setting of the participant search index (FTS5 keeps them in its `_config` table)."""
    row = store.conn.execute(
        "SELECT v FROM participant_fts_config WHERE k = ?", (key,)
    ).fetchone()
    return int(row[0]) if row is not None else default


class DeferredIndexes:
    """Indexes dropped for a bulk insert (see `deferred_indexes`), each built again once."""

    def __init__(self, conn: sqlite3.Connection, dropped: dict[str, str]) -> None:
        self._conn = conn
        self._dropped = dropped  # name -> its CREATE INDEX statement

    def missing(self, name: str) -> bool:
        """Whether this index is dropped now (a lookup by its column would scan the table)."""
        return name in self._dropped

    def restore(self, names: Iterable[str] | None = None) -> None:
        """Build these (default: all) dropped indexes now; they are kept up to date after."""
        for name in list(self._dropped) if names is None else list(names):
            sql = self._dropped.pop(name, None)
            if sql is not None:
                self._conn.execute(sql)


@contextmanager
def deferred_indexes(store: Store, names: Iterable[str]) -> Iterator[DeferredIndexes]:
    """Drop these indexes inside the caller's transaction and build them again at the end
    (or earlier, `DeferredIndexes.restore`).

    For a bulk insert that is big next to the table (a first import of 1.88 million rows),
    building an index once from sorted data costs less than keeping it up to date row by
    row. Like the triggers above, nobody else sees the gap (we hold the write lock) and a
    rollback restores them; an index that does not exist is left alone."""
    conn = store.conn
    if not conn.in_transaction:
        raise RuntimeError("deferred_indexes needs an open transaction (store.transaction())")
    dropped: dict[str, str] = {}
    for name in names:
        row = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
        ).fetchone()
        if row is not None and row[0]:
            conn.execute(f"DROP INDEX {name}")
            dropped[name] = row[0]
    indexes = DeferredIndexes(conn, dropped)
    yield indexes
    indexes.restore()  # not reached on an exception: the rollback restores them


def insert_many(
    store: Store, kind: str, rows: Iterable[Mapping[str, Any]], *, ids: Iterable[str] | None = None
) -> list[str]:
    """Insert new records made on this desk. Call inside `store.transaction()` for atomicity
    with other work; on its own it is one transaction."""
    with store.transaction(), BulkInserter(store, kind) as bulk:
        return bulk.add(rows, ids)


@contextmanager
def written_once_if_alone(store: Store, wanted: bool = True) -> Iterator[bool]:
    """For a first import of a big file: the database in rollback-journal mode for the block,
    when nothing else has it open; yields whether it is.

    In WAL mode every page of a big transaction is written twice: into the WAL at commit, then
    copied into the database by the checkpoint (1.5 GB each for 1.88 million people: 7.5 s of
    a 63 s import). With a rollback journal the new pages go straight into the database file
    and only the few pages that existed before are journalled; the commit is still atomic and
    durable (`synchronous=FULL`), and a crash leaves a hot journal that SQLite rolls back when
    the file is next opened. Leaving WAL needs the file to itself, so: only while no other
    process has it open (store/in_use.py, which also keeps others from opening it meanwhile)
    and no other connection of this one (the GUI's readers) — otherwise the block runs in
    WAL as usual. WAL is switched back on at the end, also after an error."""
    conn = store.conn
    if not wanted or store.path is None or conn.in_transaction:
        yield False
        return
    with in_use.sole_use_if_free(store.path) as sole:
        switched = False
        if sole:
            try:
                switched = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
            except sqlite3.OperationalError:  # another connection of this process reads it
                switched = False
        try:
            yield switched
        finally:
            if switched:
                _wal_again(conn)


def _wal_again(conn: sqlite3.Connection) -> None:
    """Back to WAL; a connection that reads at this instant (the GUI's checkpoint thread)
    makes SQLite answer with the old mode instead, so try a few times. Should it still fail,
    the next `open_store` switches it."""
    for _attempt in range(50):
        if conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal":
            return
        time.sleep(0.02)
