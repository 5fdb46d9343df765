"""Reading the roster a page at a time, for the lazy table model.

Pages are keyset queries on `participant.seq` (browse) or on the FTS rowid (search), so the
cost of a page does not grow with how far the user has scrolled and nothing ever counts the
1.88 million rows. Search uses the roster's FTS5 index with prefix matching; a Latin word is
also matched against the folded Latin key of Hindi names (`ramesh` finds `रमेश`)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from desktop.text.translit import fold_latin, has_devanagari

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
_SELECT = ", ".join(f"p.{c}" for c in COLUMNS)
_TOKEN = re.compile(r"[0-9A-Za-z\u0900-\u097F]+")
MIN_PREFIX = 2  # one-letter prefixes match most of the roster: not worth a query


@dataclass(frozen=True)
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


def match_expression(text: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when nothing is searchable."""
    parts: list[str] = []
    for token in _TOKEN.findall(text):
        if len(token) < MIN_PREFIX:
            continue
        if has_devanagari(token) or token.isdigit():
            parts.append(f'"{token}"*')
            continue
        folded = fold_latin(token)
        options = [f'"{token.lower()}"*']
        if folded and folded != token.lower():
            options.append(f'name_latin : "{folded}"*')
        parts.append("(" + " OR ".join(options) + ")" if len(options) > 1 else options[0])
    return " ".join(parts) if parts else None


class RosterQuery:
    """Pages of participants (tombstones left out), in `seq` order, optionally filtered."""

    def __init__(self, conn: sqlite3.Connection, search: str = "") -> None:
        self.conn = conn
        self.search = search.strip()
        self.match = match_expression(self.search) if self.search else None

    @property
    def filtered(self) -> bool:
        return bool(self.search)

    def page(self, after_seq: int, limit: int) -> list[RosterRow]:
        if self.filtered and self.match is None:
            return []  # only one-letter words typed so far
        if self.match is None:
            sql = (
                f"SELECT {_SELECT} FROM participant p WHERE p.seq > ? AND p.deleted = 0 "
                "ORDER BY p.seq LIMIT ?"
            )
            params: tuple = (after_seq, limit)
        else:
            sql = (
                f"SELECT {_SELECT} FROM participant_fts f JOIN participant p ON p.seq = f.rowid "
                "WHERE participant_fts MATCH ? AND f.rowid > ? AND p.deleted = 0 "
                "ORDER BY f.rowid LIMIT ?"
            )
            params = (self.match, after_seq, limit)
        return [RosterRow(*row) for row in self.conn.execute(sql, params)]


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
