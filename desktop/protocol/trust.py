"""The §8 trust list: a centre's certificate-signing public keys as JSON, `{"keys": [...]}`.

Built here once for both sides: the desk publishes its own keys (`keys trust-list`, the
portal upload) and the portal serves what it holds (`GET /trust-list`), entry for entry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

#: The fields of one entry, in the order they are written. `valid_to` only when set.
ENTRY_FIELDS = ("kid", "public_key", "institute", "valid_from", "valid_to")


def trust_entry(row: Mapping[str, Any]) -> dict[str, Any]:
    """One key as a trust-list entry, from anything with the entry's fields (a dict, a
    sqlite3.Row); an empty `valid_to` (still in use) is left out."""
    entry = {name: row[name] for name in ENTRY_FIELDS[:-1]}
    if row["valid_to"]:
        entry["valid_to"] = row["valid_to"]
    return entry


def trust_list(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The trust-list document of these keys, in the order given."""
    return {"keys": [trust_entry(row) for row in rows]}
