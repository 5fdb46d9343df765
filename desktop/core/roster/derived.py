"""Marks on participants whose English name was written from the Hindi (see migration 1000).

The importer sets them for rows that brought a Hindi name only, and clears them when a later
file brings a real English name; the person form shows the mark and saving the form clears
it (someone has looked at the name)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

DERIVED_KEY = "_derived"
#: set in a row's data by the validator: the fields turned from a legacy font into Unicode
CONVERTED_KEY = "_converted"  # set in a row's data by the validator: the English name is derived
_CHUNK = 900  # below SQLite's variable limit


def mark_numbered(conn: sqlite3.Connection, first_seq: int, offsets: list[int]) -> None:
    """Mark the participants numbered `first_seq + offset` (people just inserted in order):
    each run of consecutive numbers is one INSERT ... SELECT (a Hindi-only list is one run a
    chunk), so 1.88 million marks cost no per-row call from Python."""
    runs: list[tuple[int, int]] = []
    for offset in offsets:
        seq = first_seq + offset
        if runs and runs[-1][1] == seq - 1:
            runs[-1] = (runs[-1][0], seq)
        else:
            runs.append((seq, seq))
    conn.executemany(
        "INSERT OR IGNORE INTO participant_derived(participant_id) "
        "SELECT id FROM participant WHERE seq BETWEEN ? AND ?",
        runs,
    )


def unmark(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    conn.executemany(
        "DELETE FROM participant_derived WHERE participant_id = ?", ((i,) for i in ids)
    )


def any_marked(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM participant_derived LIMIT 1").fetchone() is not None


def marked(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Which of `ids` carry a derived English name."""
    items = list(ids)
    found: set[str] = set()
    for start in range(0, len(items), _CHUNK):
        part = items[start : start + _CHUNK]
        marks = ",".join("?" * len(part))
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT participant_id FROM participant_derived WHERE participant_id IN ({marks})",
                part,
            )
        )
    return found


def is_marked(conn: sqlite3.Connection, participant_id: str) -> bool:
    return bool(marked(conn, [participant_id]))
