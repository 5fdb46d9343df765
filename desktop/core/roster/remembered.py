"""Remembered column mappings: the choice made for a file's header set, offered again for
the next file with the same headers (GUI mapping step and CLI). Headers are compared the way
the vocabulary compares them (case, spaces, punctuation, nukta forms), in order."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone

from desktop.core.roster.fields import IMPORT_FIELDS, normalise_header
from desktop.store import Store


def header_key(headers: Sequence[str]) -> str:
    return "\x1f".join(normalise_header(h) for h in headers)


def remember(store: Store, headers: Sequence[str], fields: Sequence[str]) -> None:
    """Keep `fields` (one per column, '' = not imported) for this header set."""
    if len(fields) != len(headers):
        raise ValueError("one field per column")
    saved = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.transaction():
        store.conn.execute(
            "INSERT INTO import_mapping(header_key, fields, saved_at) VALUES (?, ?, ?) "
            "ON CONFLICT(header_key) DO UPDATE SET fields = excluded.fields, "
            "saved_at = excluded.saved_at",
            (header_key(headers), json.dumps(list(fields)), saved),
        )


def recall(conn, headers: Sequence[str]) -> tuple[list[str], str] | None:
    """(fields per column, when saved) remembered for this header set, or None. A stored
    choice naming a field this version does not know is ignored."""
    row = conn.execute(
        "SELECT fields, saved_at FROM import_mapping WHERE header_key = ?", (header_key(headers),)
    ).fetchone()
    if row is None:
        return None
    fields = json.loads(row[0])
    if len(fields) != len(headers) or any(f and f not in IMPORT_FIELDS for f in fields):
        return None
    return fields, row[1]


def fields_of(headers: Sequence[str], mapping: dict[str, str]) -> list[str]:
    """A header -> field mapping as one field per column (a repeated header: the first)."""
    seen: set[str] = set()
    out = []
    for header in headers:
        out.append("" if header in seen else mapping.get(header, "") or "")
        seen.add(header)
    return out
