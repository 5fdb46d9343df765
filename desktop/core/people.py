"""Finding people for the desk: by id, employee code, mobile, and name suggestions.

A thin seam over the roster: when the roster helper's search (`desktop.core.roster`) is on
main, `suggest` can delegate to it; the exact lookups are single indexed queries either way."""

from __future__ import annotations

import re
from typing import Any

from desktop.core.roster import derived
from desktop.core.users import Permission, require
from desktop.protocol import fields
from desktop.store import Store

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.-]{0,29}$")
_COLUMNS = "id, name_en, name_hi, employee_code, designation, department, district_code, mobile"


def is_uuid(text: str) -> bool:
    return bool(_UUID.match(text))


def is_mobile(text: str) -> bool:
    """A mobile in its stored form (the shared rule, desktop.protocol.fields)."""
    return fields.is_mobile(text)


def looks_like_code(text: str) -> bool:
    return bool(_CODE.match(text))


def by_id(store: Store, participant_id: str) -> dict[str, Any] | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM participant WHERE id = ? AND deleted = 0", (participant_id,)
    ).fetchone()
    return None if row is None else dict(row)


def by_code(store: Store, code: str) -> dict[str, Any] | None:
    """Exact employee code; codes are stored as given, so try the upper-case form as well."""
    code = code.strip()
    for candidate in dict.fromkeys((code, code.upper())):
        row = store.conn.execute(
            f"SELECT {_COLUMNS} FROM participant WHERE employee_code = ? AND deleted = 0 LIMIT 1",
            (candidate,),
        ).fetchone()
        if row is not None:
            return dict(row)
    return None


def by_mobile(store: Store, mobile: str) -> dict[str, Any] | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM participant WHERE mobile = ? AND deleted = 0 LIMIT 1",
        (mobile,),
    ).fetchone()
    return None if row is None else dict(row)


def suggest(store: Store, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """People whose name (either script, or its Latin spelling), code or mobile matches what
    was typed, best first: the roster's own search (FTS5 prefix candidates, ranked in
    Python), so the desk and the roster screen find the same people."""
    from desktop.core.roster.search import search

    text = text.strip()
    if len(text) < 2:
        return []
    try:
        return search(store, text, limit=limit)
    except Exception:  # a search corner case must never break typing at the desk
        return []


def label(person: dict[str, Any]) -> str:
    """'Name / नाम (CODE)': how the desk shows a person in one line."""
    names = " / ".join(n for n in (person.get("name_en"), person.get("name_hi")) if n)
    code = person.get("employee_code")
    return f"{names} ({code})" if code else names


# -- editing one person by hand (the roster's person form) --------------------------------------
def save_person(store: Store, data: dict[str, Any], record_id: str | None = None) -> str:
    """Add a person, or save an edit of one, with its audit entry in one transaction; returns
    the id. The entry names the fields changed, not their values (the record has them)."""
    require(store, Permission.EDIT_PARTICIPANTS)
    from desktop.core import audit

    with store.transaction():
        if record_id is None:
            record_id = store.insert("participant", data)
            changed = sorted(k for k, v in data.items() if v not in (None, ""))
            how = "added"
        else:
            current = store.require("participant", record_id)
            changed = sorted(k for k, v in data.items() if current.get(k) != v)
            derived.unmark(store.conn, [record_id])  # someone has looked at the English name
            if not store.update("participant", record_id, data):
                return record_id
            how = "edited"
        audit.record(store, "participant.edit", target=record_id, participant_id=record_id,
                     details={"change": how, "fields": changed})
    return record_id


def delete_person(store: Store, record_id: str) -> bool:
    """Take a person off the roster (a tombstone, so the deletion reaches the portal)."""
    require(store, Permission.EDIT_PARTICIPANTS)
    return store.delete("participant", record_id)
