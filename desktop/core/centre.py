"""The centre's own identity: institute record and settings made by `init`."""

from __future__ import annotations

import re

from desktop.store import Store, StoreError
from desktop.text.said import said

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,15}$")

# Each laptop ("desk") of an institute has its own number, so that certificate numbers and
# signing-key ids made offline on two laptops never clash (see certificates/numbering.py).
DESK_MIN, DESK_MAX = 1, 9
DESK_META = "desk_number"


def init_centre(
    store: Store, code: str, name_en: str, name_hi: str | None = None, desk: int | None = None
) -> None:
    """Record this centre's institute (idempotent for the same code) and this laptop's desk
    number within it (`desk`; None keeps the one recorded, 1 for a new database)."""
    code = check_code(code)
    if not name_en.strip():
        raise StoreError(said("Institute name (English) must not be empty."))
    desk = check_desk(desk) if desk is not None else desk_number(store)
    existing = store.institute_code
    if existing and existing != code:
        raise StoreError(
            said(
                "This database already belongs to institute {existing}; it cannot become {code}.",
                existing=existing, code=code,
            )
        )
    with store.transaction():
        store.conn.execute(
            "INSERT INTO institute(code, name_en, name_hi, is_self) VALUES (?, ?, ?, 1) "
            "ON CONFLICT(code) DO UPDATE SET name_en = excluded.name_en, "
            "name_hi = excluded.name_hi, is_self = 1",
            (code, name_en.strip(), (name_hi or "").strip() or None),
        )
        store.meta_set("institute_code", code)
        store.meta_set(DESK_META, str(desk))


def check_code(value: str) -> str:
    """The institute code in capitals, or a StoreError saying what is allowed."""
    code = value.strip().upper()
    if not _CODE.match(code):
        raise StoreError(
            said(
                "Institute code {code!r}: use 2–16 capital letters, digits or '-' (e.g. UPAAM).",
                code=code,
            )
        )
    return code


def check_desk(value: object) -> int:
    """The desk number as an int, or a StoreError saying what is allowed."""
    try:
        desk = int(str(value).strip())
    except ValueError:
        desk = None
    if desk is None or not DESK_MIN <= desk <= DESK_MAX:
        raise StoreError(
            said(
                "Desk number {value!r}: use a whole number from {low} to {high}. Every "
                "laptop of one institute needs its own desk number, so that their certificate "
                "numbers and signing keys never clash.",
                value=value, low=DESK_MIN, high=DESK_MAX,
            )
        )
    return desk


def desk_number(store: Store) -> int:
    """This desk's number within its institute (1 for databases made before desks existed)."""
    value = store.meta_get(DESK_META)
    return int(value) if value and value.isdigit() else 1


def own_institute(store: Store) -> dict | None:
    row = store.conn.execute("SELECT * FROM institute WHERE is_self = 1").fetchone()
    return None if row is None else dict(row)
