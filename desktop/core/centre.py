"""The centre's own identity: institute record and settings made by `init`."""

from __future__ import annotations

import re

from desktop.store import Store, StoreError

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,15}$")


def init_centre(store: Store, code: str, name_en: str, name_hi: str | None = None) -> None:
    """Record this centre's institute (idempotent for the same code)."""
    code = code.strip().upper()
    if not _CODE.match(code):
        raise StoreError(
            f"Institute code {code!r}: use 2–16 capital letters, digits or '-' (e.g. UPAAM)."
        )
    if not name_en.strip():
        raise StoreError("Institute name (English) must not be empty.")
    existing = store.institute_code
    if existing and existing != code:
        raise StoreError(
            f"This database already belongs to institute {existing}; it cannot become {code}."
        )
    with store.transaction():
        store.conn.execute(
            "INSERT INTO institute(code, name_en, name_hi, is_self) VALUES (?, ?, ?, 1) "
            "ON CONFLICT(code) DO UPDATE SET name_en = excluded.name_en, "
            "name_hi = excluded.name_hi, is_self = 1",
            (code, name_en.strip(), (name_hi or "").strip() or None),
        )
        store.meta_set("institute_code", code)


def own_institute(store: Store) -> dict | None:
    row = store.conn.execute("SELECT * FROM institute WHERE is_self = 1").fetchone()
    return None if row is None else dict(row)
