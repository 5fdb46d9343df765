"""Reading the whole roster a page at a time, for the lazy table model.

Pages are keyset queries on `participant.seq`, so the cost of a page does not grow with how
far the user has scrolled and nothing ever counts the 1.88 million rows. (Search is the
roster core's `desktop.core.roster.search`.)"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

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


class RosterQuery:
    """Pages of living participants (tombstones left out), in `seq` order."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def page(self, after_seq: int, limit: int) -> list[RosterRow]:
        sql = (
            f"SELECT {_SELECT} FROM participant WHERE seq > ? AND deleted = 0 "
            "ORDER BY seq LIMIT ?"
        )
        return [RosterRow(*row) for row in self.conn.execute(sql, (after_seq, limit))]


def lookup_names(conn: sqlite3.Connection) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """District code → (English, Hindi) and department English → Hindi, for display."""
    districts = {
        row[0]: (row[1], row[2])
        for row in conn.execute("SELECT code, name_en, name_hi FROM district")
    }
    departments = {
        row[0]: row[1] for row in conn.execute("SELECT name_en, name_hi FROM department")
    }
    return districts, departments
