"""Field checks for the person form, with messages that name the field.

Interim rules matching the roster import's (mobile, email, employee code); once the roster
core's validators land, `check_person` delegates to them."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_MOBILE = re.compile(r"^[6-9][0-9]{9}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

FIELD_LABELS = {
    "name_en": QT_TRANSLATE_NOOP("PersonDialog", "Name (English)"),
    "name_hi": QT_TRANSLATE_NOOP("PersonDialog", "Name (Hindi)"),
    "employee_code": QT_TRANSLATE_NOOP("PersonDialog", "Employee code"),
    "mobile": QT_TRANSLATE_NOOP("PersonDialog", "Mobile"),
    "email": QT_TRANSLATE_NOOP("PersonDialog", "Email"),
}
MESSAGES = {
    "required": QT_TRANSLATE_NOOP("PersonDialog", "%1: required."),
    "mobile": QT_TRANSLATE_NOOP(
        "PersonDialog", "%1: must be 10 digits starting with 6, 7, 8 or 9 (got %2)."
    ),
    "email": QT_TRANSLATE_NOOP("PersonDialog", "%1: not a valid email address (got %2)."),
    "code_long": QT_TRANSLATE_NOOP("PersonDialog", "%1: at most 30 characters."),
    "code_space": QT_TRANSLATE_NOOP("PersonDialog", "%1: must not contain spaces."),
    "duplicate": QT_TRANSLATE_NOOP("PersonDialog", "%1: %2 already belongs to %3."),
}


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    args: tuple[str, ...] = ()

    def message(self) -> str:
        translate = QCoreApplication.translate
        label = translate("PersonDialog", FIELD_LABELS.get(self.field, self.field))
        text = translate("PersonDialog", MESSAGES[self.code]).replace("%1", label)
        for n, arg in enumerate(self.args, start=2):
            text = text.replace(f"%{n}", arg)
        return text


def check_person(data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    if not (data.get("name_en") or "").strip():
        problems.append(Problem("name_en", "required"))
    code = data.get("employee_code")
    if code:
        if len(code) > 30:
            problems.append(Problem("employee_code", "code_long"))
        if re.search(r"\s", code):
            problems.append(Problem("employee_code", "code_space"))
    mobile = data.get("mobile")
    if mobile and not _MOBILE.match(mobile):
        problems.append(Problem("mobile", "mobile", (mobile,)))
    email = data.get("email")
    if email and not _EMAIL.match(email):
        problems.append(Problem("email", "email", (email,)))
    return problems


def duplicate_of(
    conn: sqlite3.Connection, data: dict[str, Any], record_id: str | None
) -> Problem | None:
    """Another living person with the same employee code (codes identify people on import)."""
    code = data.get("employee_code")
    if not code:
        return None
    row = conn.execute(
        "SELECT id, name_en FROM participant WHERE employee_code = ? AND deleted = 0 AND id IS NOT ?",
        (code, record_id),
    ).fetchone()
    if row is None:
        return None
    return Problem("employee_code", "duplicate", (code, row["name_en"]))
