"""The portal's projection seen as the desk's `Store`, so the review core runs over it.

`desktop.core.review` (and the lookups and completion rule it calls) reads `store.conn`,
`store.get(kind, id)` and, through `lookups.conn_of`, `store.execute`: that is all this
adapter offers. Read-only: it is handed a reader connection in one read transaction.

On PostgreSQL the connection is `desktop.portal.pg.PgConnection`: it takes the review's `?`
parameters (as `%s`) and gives rows readable by position and by name, as `sqlite3.Row` is, so
the review's statements run there unchanged (its one SQLite-only spelling, a `CROSS JOIN`
hint, it leaves out itself when the connection is not sqlite3's)."""

from __future__ import annotations

from typing import Any

from desktop.portal.state.projection import COLUMNS


class ReviewSource:
    """A read-only stand-in for `desktop.store.Store` over the portal's projection."""

    #: No file: the desk review's own result cache (keyed by a desk file and its version
    #: clock) stays out of it; the state's view keeps figures per month itself.
    path = None

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.conn.execute(sql, params)

    def get(self, kind: str, record_id: str) -> dict[str, Any] | None:
        if kind not in COLUMNS:
            raise ValueError(f"{kind!r} is not projected at the portal")
        row = self.conn.execute(f"SELECT * FROM {kind} WHERE id = ?", (record_id,)).fetchone()
        return None if row is None else dict(row)
