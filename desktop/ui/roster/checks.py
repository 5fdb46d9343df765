"""Field checks for the person form, with messages that name the field.

The roster core's `RowValidator` (the importer's rules) decides what is acceptable and cleans
the values (mobile `+91 98765-43210` → `9876543210`). For the common cases the form shows its
own wording (the translated rules below mirror the core's); anything else is the core's
problem, shown by its code in the GUI's language (desktop.ui.roster.problems)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.core.roster.person_checks import code_holder
from desktop.protocol.fields import is_email, is_mobile
from desktop.store import Connection
from desktop.ui.roster.problems import problem_text

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
    text: str = ""  # the core's own message, for problems without a form rule
    core: tuple[str, str] | None = None  # the core's Problem (code and params) behind `text`

    def message(self) -> str:
        if self.code == "core":
            return problem_text(self.core) if self.core is not None else self.text
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
    if mobile and not is_mobile(mobile):  # the rule desk and portal share
        problems.append(Problem("mobile", "mobile", (mobile,)))
    email = data.get("email")
    if email and not is_email(email):
        problems.append(Problem("email", "email", (email,)))
    return problems


def duplicate_of(
    conn: Connection, data: dict[str, Any], record_id: str | None
) -> Problem | None:
    """Another living person with the same employee code (codes identify people on import)."""
    code = data.get("employee_code")
    holder = code_holder(conn, code, other_than=record_id)
    if holder is None:
        return None
    return Problem("employee_code", "duplicate", (code, holder.name_en))


def validate_person(
    conn: Connection, values: dict[str, Any]
) -> tuple[dict[str, Any], list[Problem]]:
    """Clean and check the form's values with the roster core's validator.

    Returns (clean values, problems). Blank fields come back as None: in the form, emptying a
    field means "clear it" (an import's blank cell means "leave it")."""
    from desktop.core.roster.districts import DistrictMatcher
    from desktop.core.roster.validate import RowValidator

    validator = RowValidator(DistrictMatcher.from_store(conn))
    raw = {k: (v or "") for k, v in values.items()}
    clean, errors = validator.validate(raw)
    mine = {p.field: p for p in check_person(values)}
    problems: list[Problem] = []
    for core in errors:
        field_name, message = core
        problems.append(
            mine.get(field_name) or Problem(field_name, "core", text=message, core=core)
        )
    out = {k: clean.get(k) for k in values}
    return out, problems
