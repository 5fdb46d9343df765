"""Reading the whole roster a page at a time, and one person by id, for the roster screen.

Pages are keyset queries on `participant.seq`, so the cost of a page does not grow with how
far the user has scrolled and nothing ever counts the 1.88 million rows. (Search is
`desktop.core.roster.search`.)"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop.core.lookups import Db, conn_of

COLUMNS = (
    "seq",
    "id",
    "name_hi",
    "name_en",
    "employee_code",
    "designation",
    "department",
    "district_code",
    "mobile",
)
_SELECT = ", ".join(COLUMNS)


@dataclass(frozen=True, slots=True)  # slots: a long scroll keeps many of these
class RosterRow:
    seq: int
    id: str
    name_hi: str | None
    name_en: str | None
    employee_code: str | None
    designation: str | None
    department: str | None
    district_code: str | None
    mobile: str | None


def roster_page(db: Db, after_seq: int, limit: int) -> list[RosterRow]:
    """The next `limit` living participants (tombstones left out) after `after_seq`, in
    `seq` order."""
    sql = (
        f"SELECT {_SELECT} FROM participant WHERE seq > ? AND deleted = 0 "
        "ORDER BY seq LIMIT ?"
    )
    return [RosterRow(*row) for row in conn_of(db).execute(sql, (after_seq, limit))]


def roster_count(db: Db) -> int:
    """How many living participants there are (one index scan; for an export's progress)."""
    return conn_of(db).execute("SELECT count(*) FROM participant WHERE deleted = 0").fetchone()[0]


def iter_roster(db: Db, batch: int = 5000) -> Iterator[RosterRow]:
    """Every living participant in `seq` order, read a keyset page at a time, so a whole
    1.88 million roster streams through in constant memory (the export)."""
    after = 0
    while True:
        page = roster_page(db, after, batch)
        yield from page
        if len(page) < batch:
            return
        after = page[-1].seq


def participant(db: Db, record_id: str, *, living: bool = True) -> dict[str, Any] | None:
    """One participant's stored fields, or None (also for a deleted one, unless
    `living=False`)."""
    sql = "SELECT * FROM participant WHERE id = ?" + (" AND deleted = 0" if living else "")
    row = conn_of(db).execute(sql, (record_id,)).fetchone()
    return dict(row) if row is not None else None
