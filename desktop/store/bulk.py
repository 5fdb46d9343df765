"""Fast bulk writes for imports and demo data: one prepared statement, many rows, one
transaction owned by the caller. Same columns and change-log rows as `Store.insert`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from desktop.core.ids import new_id, now_ts
from desktop.core.records import KIND_FIELDS
from desktop.store.database import Store, _encode, _participant_key


def insert_many(
    store: Store, kind: str, rows: Iterable[Mapping[str, Any]], *, ids: Iterable[str] | None = None
) -> list[str]:
    """Insert new records made on this desk. Call inside `store.transaction()` for atomicity
    with other work; on its own it is one transaction."""
    fields = KIND_FIELDS[kind]
    extra = ("name_latin",) if kind == "participant" else ()
    columns = ("id", "updated_at", "origin", "deleted", *fields, *extra)
    sql = f"INSERT INTO {kind} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    origin = store.device_id
    id_iter = iter(ids) if ids is not None else None
    made: list[str] = []

    def values() -> Iterable[tuple[Any, ...]]:
        for row in rows:
            encoded = _encode(kind, row)
            record_id = next(id_iter) if id_iter is not None else new_id()
            made.append(record_id)
            out = [record_id, now_ts(), origin, 0, *(encoded.get(f) for f in fields)]
            if extra:
                out.append(_participant_key(encoded))
            yield tuple(out)

    with store.transaction():
        store.conn.executemany(sql, values())
    return made
