"""Who takes part in a workshop: enrol from the roster, nomination lists, walk-ins, withdraw.

One enrolment row per (workshop, participant): enrolling someone who withdrew re-activates the
same row as a new version instead of making a second one, so sync and counts stay simple."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import people
from desktop.core.users import Permission, require
from desktop.protocol.fields import normalise_mobile
from desktop.store import RecordNotFound, Store
from desktop.text.said import said

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
    require(store, Permission.ENROL)
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
    require(store, Permission.ENROL)
    with store.transaction():
        current = enrolment_of(store, workshop_id, participant_id)
        if current is None:
            raise RecordNotFound(said("This person is not enrolled in the workshop."))
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
    if w.mobile and normalise_mobile(w.mobile) is None:
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
    require(store, Permission.WALK_IN)
    validate_walk_in(walk_in)
    code = (walk_in.employee_code or "").strip().upper() or None
    # +91 98765-43210 is stored, matched and sent as 9876543210 (the shared rule).
    mobile = normalise_mobile(walk_in.mobile) if walk_in.mobile else None
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
@dataclass
class NominationResult:
    enrolled: int = 0
    already: int = 0
    created_people: int = 0
    updated_people: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)  # {"row", "field", "message"}


def _nomination_columns(headers: list[str]) -> dict[str, int]:
    """Which column holds the employee code, mobile and name: the roster's own header
    recognition (English, Hindi and iGOT headers)."""
    from desktop.core.roster.fields import propose_mapping

    mapping = propose_mapping(headers)
    out: dict[str, int] = {}
    for index, header in enumerate(headers):
        target = mapping.get(header)
        if target in ("employee_code", "mobile", "name_en") and target not in out:
            out[target] = index
    return out


def import_nominations(
    store: Store, workshop_id: str, path: Path | str, *, dry_run: bool = False
) -> NominationResult:
    """Enrol everyone on a nomination list: a column of employee codes (or mobiles), or full
    rows in any layout the roster importer reads.

    Full rows first go through the roster importer (same validation, and matching by code,
    iGOT id, mobile: a known person is updated, never duplicated); then every row's person is
    looked up by code or mobile and enrolled (source `imported`). Problems are reported with
    the spreadsheet row number (header = row 1). Everything commits in one transaction."""
    require(store, Permission.ENROL)
    from desktop.core.roster.importer import import_roster
    from desktop.core.roster.readers import RosterFileError, open_table

    path = Path(path)
    store.require("workshop", workshop_id)
    try:
        with open_table(path) as table:
            headers = list(table.headers)
            header_row = table.header_row
            body = [(number, list(cells)) for number, cells in table.rows()]
    except RosterFileError as exc:
        raise EnrolmentError("file", str(exc)) from exc
    columns = _nomination_columns(headers)
    if "employee_code" not in columns and "mobile" not in columns:
        if len(headers) == 1 and people.looks_like_code(headers[0].strip()):
            columns = {"employee_code": 0}  # a bare list of codes: the "header" is a code
            body.insert(0, (header_row, headers))
        else:
            raise EnrolmentError(
                "file", "no column of employee codes (e.g. 'Employee ID') or mobile numbers"
            )
    code_col, mobile_col = columns.get("employee_code"), columns.get("mobile")
    name_col = columns.get("name_en")

    def cell(row: list[str], col: int | None) -> str:
        return row[col].strip() if col is not None and col < len(row) else ""

    result = NominationResult()
    seen: set[str] = set()
    named_rows = {n for n, row in body if cell(row, name_col)}
    with store.transaction():
        if named_rows:
            roster = import_roster(store, path)
            result.created_people, result.updated_people = roster.created, roster.updated
            for error in roster.errors:
                if error.get("row") in named_rows:
                    result.rejected.append(dict(error))
        refused = {e["row"] for e in result.rejected}
        for number, row in body:
            if number in refused:
                continue
            code, mobile = cell(row, code_col).upper(), cell(row, mobile_col)
            mobile = (normalise_mobile(mobile) or mobile) if mobile else mobile
            if not code and not mobile:
                result.rejected.append(
                    {
                        "row": number,
                        "field": "employee_code",
                        "message": "no employee code or mobile number in this row",
                    }
                )
                continue
            if code and not people.looks_like_code(code):
                result.rejected.append(
                    {
                        "row": number,
                        "field": "employee_code",
                        "message": f"{code!r} is not an employee code (up to 30 letters/digits, "
                        "no spaces)",
                    }
                )
                continue
            person = (people.by_code(store, code) if code else None) or (
                people.by_mobile(store, mobile) if mobile else None
            )
            if person is None:
                what = f"employee code {code}" if code else f"mobile {mobile}"
                result.rejected.append(
                    {
                        "row": number,
                        "field": "employee_code" if code else "mobile",
                        "message": f"{what} is not in the roster and the row has no name",
                    }
                )
                continue
            if person["id"] in seen:
                result.rejected.append(
                    {
                        "row": number,
                        "field": "employee_code",
                        "message": "this person is already listed earlier in the file",
                    }
                )
                continue
            seen.add(person["id"])
            if enrol(store, workshop_id, person["id"], "imported") == "already":
                result.already += 1
            else:
                result.enrolled += 1
        result.rejected.sort(key=lambda e: e["row"])
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
