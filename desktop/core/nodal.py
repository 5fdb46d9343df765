"""Each department's nodal officer, kept on the desk (synced kind `nodal_officer`) and
printed on that department's monthly review. A department may have more than one on
record over time; the review shows those not deleted, newest first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core import lookups
from desktop.core.users import Permission, require
from desktop.store import Store

_MOBILE = re.compile(r"^[0-9]{10}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class NodalError(ValueError):
    """Bad input, with a message naming the field."""


@dataclass(frozen=True)
class NodalOfficer:
    id: str
    department: str
    name: str
    designation: str
    phone: str
    email: str


def _phone(value: str | None) -> str | None:
    """10 digits; spaces, dashes and a +91 or 0 prefix are dropped."""
    if not value or not value.strip():
        return None
    digits = re.sub(r"[\s-]", "", value.strip())
    if digits.startswith("+91"):
        digits = digits[3:]
    elif len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    if not _MOBILE.match(digits):
        raise NodalError(f"phone {value!r}: expected a 10-digit mobile number")
    return digits


def add_officer(
    store: Store,
    department: str,
    name: str,
    designation: str | None = None,
    phone: str | None = None,
    email: str | None = None,
) -> str:
    """Record a nodal officer; the department must be one the desk knows (English name)."""
    require(store, Permission.NODAL_OFFICERS)
    department = (department or "").strip()
    if department not in {en for en, _ in lookups.departments(store, active_only=False)}:
        raise NodalError(f"department {department!r}: no such department")
    name = (name or "").strip()
    if not name:
        raise NodalError("name: is required")
    email = (email or "").strip() or None
    if email is not None and not _EMAIL.match(email):
        raise NodalError(f"email {email!r}: not an e-mail address")
    data = {
        "department": department,
        "name": name,
        "designation": (designation or "").strip() or None,
        "phone": _phone(phone),
        "email": email,
    }
    with store.transaction():
        return store.insert("nodal_officer", data)


def officers(store: Store, department: str | None = None) -> list[NodalOfficer]:
    """Nodal officers (not deleted), by department then newest first."""
    where, args = "deleted = 0", []
    if department is not None:
        where += " AND department = ?"
        args.append(department)
    return [
        NodalOfficer(r[0], r[1] or "", r[2] or "", r[3] or "", r[4] or "", r[5] or "")
        for r in store.conn.execute(
            "SELECT id, department, name, designation, phone, email FROM nodal_officer "
            f"WHERE {where} ORDER BY department, updated_at DESC",
            args,
        )
    ]
