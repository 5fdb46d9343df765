"""Checks on one person typed into the form that need the roster: is the employee code
already someone else's? (Codes identify people on import, so two living people must not
share one.)"""

from __future__ import annotations

from typing import NamedTuple

from desktop.core.lookups import Db, conn_of


class Holder(NamedTuple):
    id: str
    name_en: str


def code_holder(db: Db, code: str | None, other_than: str | None = None) -> Holder | None:
    """The living participant, other than `other_than`, who holds employee `code`."""
    if not code:
        return None
    row = conn_of(db).execute(
        "SELECT id, name_en FROM participant WHERE employee_code = ? AND deleted = 0 "
        "AND id IS NOT ?",
        (code, other_than),
    ).fetchone()
    return Holder(row[0], row[1]) if row is not None else None
