"""Who takes part in a workshop: enrol from the roster, nomination lists, walk-ins, withdraw.

One enrolment row per (workshop, participant): enrolling someone who withdrew re-activates the
same row as a new version instead of making a second one, so sync and counts stay simple."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import people
from desktop.store import RecordNotFound, Store

SOURCES = ("nominated", "walk_in", "imported")


class EnrolmentError(ValueError):
    """A walk-in or enrolment that cannot be made; the message names the field."""

    def __init__(self, field_name: str, message: str) -> None:
        self.field = field_name
        super().__init__(f"{field_name}: {message}")


def enrolment_of(store: Store, workshop_id: str, participant_id: str) -> dict[str, Any] | None:
    row = store.conn.execute(
        "SELECT * FROM enrolment WHERE workshop_id = ? AND participant_id = ? AND deleted = 0 "
        "ORDER BY updated_at DESC LIMIT 1",
        (workshop_id, participant_id),
    ).fetchone()
    return None if row is None else dict(row)


def enrol(store: Store, workshop_id: str, participant_id: str, source: str = "nominated") -> str:
    """Enrol (or re-enrol) a person; returns 'created', 'reactivated' or 'already'."""
    if source not in SOURCES:
        raise ValueError(f"source must be one of {', '.join(SOURCES)}")
    with store.transaction():
        store.require("workshop", workshop_id)
        store.require("participant", participant_id)
        current = enrolment_of(store, workshop_id, participant_id)
        if current is None:
            store.insert(
                "enrolment",
                {
                    "workshop_id": workshop_id,
                    "participant_id": participant_id,
                    "source": source,
                    "status": "enrolled",
                },
            )
            return "created"
        if current["status"] == "enrolled":
            return "already"
        store.update("enrolment", current["id"], {"status": "enrolled"})
        return "reactivated"


def withdraw(store: Store, workshop_id: str, participant_id: str) -> bool:
    """Withdraw a person; their marks stay (history is never rewritten)."""
    with store.transaction():
        current = enrolment_of(store, workshop_id, participant_id)
        if current is None:
            raise RecordNotFound("This person is not enrolled in the workshop.")
        return store.update("enrolment", current["id"], {"status": "withdrawn"})


def enrolled(store: Store, workshop_id: str, *, include_withdrawn: bool = False) -> list[dict]:
    """Enrolled people with their roster fields, sorted by English name."""
    status = "" if include_withdrawn else "AND e.status = 'enrolled' "
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT p.id, p.name_en, p.name_hi, p.employee_code, p.designation, p.department, "
            "p.district_code, p.mobile, e.source, e.status AS enrolment_status "
            "FROM enrolment e JOIN participant p ON p.id = e.participant_id "
            f"WHERE e.workshop_id = ? AND e.deleted = 0 {status}AND p.deleted = 0 "
            "ORDER BY p.name_en COLLATE NOCASE, p.employee_code",
            (workshop_id,),
        )
    ]


# -- walk-ins --------------------------------------------------------------------------------
@dataclass
class WalkIn:
    name_en: str
    name_hi: str | None = None
    employee_code: str | None = None
    mobile: str | None = None
    designation: str | None = None
    department: str | None = None
    district_code: str | None = None


def validate_walk_in(w: WalkIn) -> None:
    if not w.name_en or not w.name_en.strip():
        raise EnrolmentError("name_en", "type the person's name in English")
    if w.employee_code and not people.looks_like_code(w.employee_code.strip()):
        raise EnrolmentError(
            "employee_code", "an employee code is up to 30 letters/digits, without spaces"
        )
    if w.mobile and not people.is_mobile(w.mobile.strip()):
        raise EnrolmentError("mobile", "a mobile number has 10 digits and starts with 6–9")
    if not (w.employee_code or w.mobile):
        raise EnrolmentError(
            "employee_code",
            "give an employee code or a mobile number, so the person can be matched later",
        )


def register_walk_in(store: Store, workshop_id: str, walk_in: WalkIn) -> tuple[str, str]:
    """Match the person by employee code, then mobile, else create them; enrol as walk_in.

    Returns (participant_id, 'matched' | 'created'). One transaction: a half-registered
    walk-in never exists."""
    validate_walk_in(walk_in)
    code = (walk_in.employee_code or "").strip().upper() or None
    mobile = (walk_in.mobile or "").strip() or None
    with store.transaction():
        person = (people.by_code(store, code) if code else None) or (
            people.by_mobile(store, mobile) if mobile else None
        )
        if person is not None:
            participant_id, how = person["id"], "matched"
            missing = {
                k: v
                for k, v in (
                    ("name_hi", walk_in.name_hi),
                    ("mobile", mobile),
                    ("employee_code", code),
                    ("designation", walk_in.designation),
                    ("department", walk_in.department),
                )
                if v and not person.get(k)
            }
            if missing:
                store.update("participant", participant_id, missing)
        else:
            participant_id = store.insert(
                "participant",
                {
                    "name_en": walk_in.name_en.strip(),
                    "name_hi": (walk_in.name_hi or "").strip() or None,
                    "employee_code": code,
                    "mobile": mobile,
                    "designation": (walk_in.designation or "").strip() or None,
                    "department": (walk_in.department or "").strip() or None,
                    "district_code": walk_in.district_code,
                },
            )
            how = "created"
        current = enrolment_of(store, workshop_id, participant_id)
        if current is None:
            store.insert(
                "enrolment",
                {
                    "workshop_id": workshop_id,
                    "participant_id": participant_id,
                    "source": "walk_in",
                    "status": "enrolled",
                },
            )
        elif current["status"] != "enrolled":
            store.update("enrolment", current["id"], {"status": "enrolled"})
    return participant_id, how


# -- nomination lists ------------------------------------------------------------------------
_CODE_HEADERS = {
    "employee_code",
    "employee code",
    "employee id",
    "employeeid",
    "emp code",
    "emp_code",
    "code",
    "कर्मचारी कोड",
    "कर्मचारी संख्या",
    "कोड",
}
_MOBILE_HEADERS = {"mobile", "mobile number", "mobile no", "मोबाइल", "मोबाइल नंबर"}
_NAME_HEADERS = {"name", "name_en", "full name", "name (english)", "नाम (अंग्रेज़ी)"}
_NAME_HI_HEADERS = {"name_hi", "name (hindi)", "नाम", "नाम (हिंदी)", "हिंदी नाम"}
_DESIGNATION_HEADERS = {"designation", "पदनाम"}
_DEPARTMENT_HEADERS = {"department", "विभाग", "group"}


@dataclass
class NominationResult:
    enrolled: int = 0
    already: int = 0
    created_people: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)  # {"row", "field", "message"}


def _read_rows(path: Path) -> list[list[str]]:
    """Rows of a CSV (UTF-8 with/without BOM, UTF-16) or XLSX file, as text."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = [
            ["" if v is None else str(v).strip() for v in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        book.close()
        return rows
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise EnrolmentError(
                "file", f"{path.name} is not UTF-8 or UTF-16 text; save it as CSV UTF-8"
            ) from exc
    dialect = csv.excel_tab if "\t" in text.split("\n", 1)[0] else csv.excel
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]


def _column(header: list[str], names: set[str]) -> int | None:
    for i, h in enumerate(header):
        if re.sub(r"\s+", " ", h.strip().lower()) in names:
            return i
    return None


def import_nominations(
    store: Store, workshop_id: str, path: Path | str, *, dry_run: bool = False
) -> NominationResult:
    """Enrol everyone on a nomination list: a column of employee codes, or full rows.

    A row whose code (or mobile) is in the roster enrols that person; a full row (with a name)
    for someone unknown creates them first. Rows that cannot be matched are reported with
    their spreadsheet row number (header = row 1). All accepted rows commit together."""
    path = Path(path)
    store.require("workshop", workshop_id)
    try:
        rows = _read_rows(path)
    except OSError as exc:
        raise EnrolmentError("file", f"cannot read {path}: {exc.strerror or exc}") from exc
    rows = [r for r in rows if any(c for c in r)]
    if not rows:
        raise EnrolmentError("file", f"{path.name} is empty")
    header = rows[0]
    code_col = _column(header, _CODE_HEADERS)
    mobile_col = _column(header, _MOBILE_HEADERS)
    name_col = _column(header, _NAME_HEADERS)
    body = rows[1:]
    if code_col is None and mobile_col is None:
        if len(header) == 1 and people.looks_like_code(header[0]):
            code_col, body = 0, rows  # a bare list of codes without a header
        else:
            raise EnrolmentError(
                "file", "no column of employee codes (e.g. 'Employee ID') or mobile numbers"
            )
    hi_col = _column(header, _NAME_HI_HEADERS)
    desig_col = _column(header, _DESIGNATION_HEADERS)
    dept_col = _column(header, _DEPARTMENT_HEADERS)
    result = NominationResult()
    seen: set[str] = set()
    first_row = 1 if body is rows else 2

    def cell(row: list[str], col: int | None) -> str:
        return row[col].strip() if col is not None and col < len(row) else ""

    with store.transaction():
        for offset, row in enumerate(body):
            number = first_row + offset
            code, mobile = cell(row, code_col).upper(), cell(row, mobile_col)
            if code and not people.looks_like_code(code):
                result.rejected.append(
                    {"row": number, "field": "employee_code", "message": f"{code!r} is not a code"}
                )
                continue
            person = (people.by_code(store, code) if code else None) or (
                people.by_mobile(store, mobile) if mobile else None
            )
            if person is None:
                name = cell(row, name_col)
                if not name:
                    what = f"employee code {code}" if code else f"mobile {mobile}"
                    result.rejected.append(
                        {
                            "row": number,
                            "field": "employee_code" if code else "mobile",
                            "message": f"{what} is not in the roster and the row has no name",
                        }
                    )
                    continue
                if mobile and not people.is_mobile(mobile):
                    result.rejected.append(
                        {
                            "row": number,
                            "field": "mobile",
                            "message": "a mobile number has 10 digits and starts with 6–9",
                        }
                    )
                    continue
                pid = store.insert(
                    "participant",
                    {
                        "name_en": name,
                        "name_hi": cell(row, hi_col) or None,
                        "employee_code": code or None,
                        "mobile": mobile or None,
                        "designation": cell(row, desig_col) or None,
                        "department": cell(row, dept_col) or None,
                    },
                )
                result.created_people += 1
            else:
                pid = person["id"]
            if pid in seen:
                result.rejected.append(
                    {
                        "row": number,
                        "field": "employee_code",
                        "message": "this person is already listed earlier in the file",
                    }
                )
                continue
            seen.add(pid)
            outcome = enrol(store, workshop_id, pid, "imported")
            if outcome == "already":
                result.already += 1
            else:
                result.enrolled += 1
        if dry_run:
            raise _DryRun(result)
    return result


class _DryRun(Exception):
    def __init__(self, result: NominationResult) -> None:
        self.result = result


def preview_nominations(store: Store, workshop_id: str, path: Path | str) -> NominationResult:
    """What `import_nominations` would do, with nothing changed (rolled back)."""
    try:
        import_nominations(store, workshop_id, path, dry_run=True)
    except _DryRun as done:
        return done.result
    raise AssertionError("unreachable")  # pragma: no cover
