"""Field visits: validating, saving, listing, and action points that carry over.

A field visit is the academy team's record of a day in a district office. The record itself
is the synced `field_visit` kind (SYNC-PROTOCOL.md §4); this module is the only place that
decides what a valid one is, so the form, the CLI and the demo refuse the same things with the
same messages. Action points live inside the visit that raised them; when a later visit to the
same office closes one, the earlier visit gets a new version (that is what syncs)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.core import lookups
from desktop.core.attachments import mark_kept
from desktop.core.problems import Catalogue, Problem
from desktop.core.roster.search import search
from desktop.protocol.fields import is_date, normalise_mobile
from desktop.store import Store

#: Action point states; the first two are "open" (still to do).
AP_OPEN = "open"
AP_IN_PROGRESS = "in_progress"
AP_DONE = "done"
AP_DROPPED = "dropped"
AP_STATUSES = (AP_OPEN, AP_IN_PROGRESS, AP_DONE, AP_DROPPED)
OPEN_STATUSES = frozenset({AP_OPEN, AP_IN_PROGRESS})

#: List filter on a visit's action points.
STATUS_FILTERS = ("open", "overdue", "closed")

REQUIRED = ("district_code", "office", "visit_date", "purpose")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

FIELD_LABELS = {
    "district_code": "District",
    "office": "Office",
    "department": "Department",
    "visit_date": "Visit date",
    "purpose": "Purpose",
    "team": "Team",
    "people_met": "People met",
    "participant_ids": "Participants met",
    "findings": "Findings",
    "action_points": "Action points",
    "attachments": "Attachments",
}


#: English messages by code (the GUI translates by code: desktop/ui/field_visits/common.py).
MESSAGES = {
    "required": "required",
    "district_unknown": "{value!r} is not a UP district code",
    "district_not_found": "{value!r} is not a UP district (give its code, or its English or "
    "Hindi name)",
    "district_ambiguous": "district {value!r} could be {options}; give the full name or code",
    "not_whole_number": "{value!r} is not a whole number",
    "negative": "cannot be negative",
    "not_a_date": "{value!r} is not a date (YYYY-MM-DD)",
    "future_but_done": (
        "{value} is in the future, but the visit already has {done}: a completed visit cannot "
        "be dated after today ({today})"
    ),
    "ap_text_missing": "row {row}: the text is missing",
    "ap_owner_missing": "row {row}: the owner is missing",
    "ap_due_invalid": "row {row}: due date {value!r} is not a date (YYYY-MM-DD)",
    "ap_status_invalid": "row {row}: status {value!r} is not one of {options}",
    "attachment_invalid": "row {row}: not a SHA-256 reference",
    "participants_unknown": "unknown participant(s) {ids}",
    "no_action_point": "the visit has no action point {n}",
    "new_person_name": "the new person's name (English) is required",
    "new_person_mobile": "mobile {value!r}: 10 digits starting 6–9",
    "month_invalid": "month {value!r} is not YYYY-MM",
    "status_filter_invalid": "status filter {value!r} is not one of {options}",
    "no_institute": "this desk has no institute yet (run init)",
    "programme_required": "choose the programme the field workshop belongs to",
    "days_invalid": "a workshop lasts at least one day",
}
problem = Catalogue(MESSAGES, FIELD_LABELS)


class VisitError(ValueError):
    """Bad input for a field visit. `problems` holds (field, message) pairs — `Problem`s with
    a `code` and `params` — so a form can mark each field and word the message in its own
    language; str() is one readable English message naming every field."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{FIELD_LABELS.get(f, f)}: {m}" for f, m in problems))

    @property
    def fields(self) -> list[str]:
        return [f for f, _ in self.problems]


def normalize_office(name: str | None) -> str:
    """The key that says two visits went to the same office: case, spacing and punctuation
    differences ("Vikas Bhawan ", "vikas  bhawan.") do not make a new office."""
    text = unicodedata.normalize("NFC", name or "").casefold()
    text = re.sub(r"[\s.,;:()\-_/]+", " ", text)
    return text.strip()


def today_iso(today: date | str | None = None) -> str:
    if today is None:
        return date.today().isoformat()
    return today if isinstance(today, str) else today.isoformat()


def _clean_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _clean_names(values: Any) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        values = re.split(r"[,\n;]+", values)
    return [str(v).strip() for v in values if str(v).strip()]


def clean_action_point(point: Mapping[str, Any], index: int) -> tuple[dict, list]:
    """One action point in protocol shape, and the problems found (naming its row)."""
    problems: list[Problem] = []
    row = index + 1
    text = _clean_str(point.get("text"))
    owner = _clean_str(point.get("owner"))
    due = _clean_str(point.get("due_date"))
    status = _clean_str(point.get("status")) or AP_OPEN
    if not text:
        problems.append(problem("action_points", "ap_text_missing", row=row))
    if not owner:
        problems.append(problem("action_points", "ap_owner_missing", row=row))
    if due is not None and not is_date(due):
        problems.append(problem("action_points", "ap_due_invalid", row=row, value=due))
    if status not in AP_STATUSES:
        problems.append(
            problem(
                "action_points",
                "ap_status_invalid",
                row=row,
                value=status,
                options=", ".join(AP_STATUSES),
            )
        )
    return {"text": text, "owner": owner, "due_date": due, "status": status}, problems


def validate_visit(
    store: Store | None, data: Mapping[str, Any], *, today: date | str | None = None
) -> dict[str, Any]:
    """Clean and check a whole visit; returns the data to store or raises VisitError.

    A visit dated after today is a *planned* visit: allowed, but it cannot yet hold what only
    a completed visit has (findings, people met, participants) — that combination is what a
    mistyped year looks like."""
    problems: list[Problem] = []
    unknown = sorted(set(data) - set(FIELD_LABELS))
    if unknown:
        raise ValueError(f"field_visit has no field(s) {', '.join(unknown)}")
    out: dict[str, Any] = {
        "district_code": (_clean_str(data.get("district_code")) or "").upper() or None,
        "office": _clean_str(data.get("office")),
        "department": _clean_str(data.get("department")),
        "visit_date": _clean_str(data.get("visit_date")),
        "purpose": _clean_str(data.get("purpose")),
        "team": _clean_names(data.get("team")),
        "findings": _clean_str(data.get("findings")) or "",
        "participant_ids": list(dict.fromkeys(data.get("participant_ids") or [])),
        "attachments": list(data.get("attachments") or []),
    }
    for name in REQUIRED:
        if not out[name]:
            problems.append(problem(name, "required"))
    code = out["district_code"]
    if code and store is not None:
        if not lookups.district_exists(store, code):
            problems.append(problem("district_code", "district_unknown", value=code))
    people = data.get("people_met")
    try:
        people_n = int(people) if people not in (None, "") else 0
        if isinstance(people, float) and people != int(people):
            raise ValueError
    except (TypeError, ValueError):
        problems.append(problem("people_met", "not_whole_number", value=people))
        people_n = 0
    if people_n < 0:
        problems.append(problem("people_met", "negative"))
    out["people_met"] = people_n
    visit_date = out["visit_date"]
    if visit_date and not is_date(visit_date):
        problems.append(problem("visit_date", "not_a_date", value=visit_date))
    elif visit_date and visit_date > today_iso(today):
        done = [
            k
            for k, filled in (
                ("findings", bool(out["findings"])),
                ("people_met", people_n > 0),
                ("participant_ids", bool(out["participant_ids"])),
            )
            if filled
        ]
        if done:
            problems.append(
                problem(
                    "visit_date",
                    "future_but_done",
                    value=visit_date,
                    done=", ".join(FIELD_LABELS[k] for k in done).lower(),
                    done_fields=done,
                    today=today_iso(today),
                )
            )
    points = []
    for i, point in enumerate(data.get("action_points") or []):
        cleaned, point_problems = clean_action_point(point, i)
        points.append(cleaned)
        problems.extend(point_problems)
    out["action_points"] = points
    for i, att in enumerate(out["attachments"]):
        sha = str(att.get("sha256") or "")
        if not re.fullmatch(r"[0-9a-f]{64}", sha):
            problems.append(problem("attachments", "attachment_invalid", row=i + 1))
    if store is not None and out["participant_ids"]:
        marks = ",".join("?" for _ in out["participant_ids"])
        found = {
            r[0]
            for r in store.conn.execute(
                f"SELECT id FROM participant WHERE deleted = 0 AND id IN ({marks})",
                out["participant_ids"],
            )
        }
        missing = [p for p in out["participant_ids"] if p not in found]
        if missing:
            problems.append(
                problem("participant_ids", "participants_unknown", ids=", ".join(missing))
            )
    if problems:
        raise VisitError(problems)
    return out


# -- writing ------------------------------------------------------------------------------
def create_visit(store: Store, data: Mapping[str, Any], *, today: date | str | None = None) -> str:
    """Validate and store a new visit; returns its id."""
    cleaned = validate_visit(store, data, today=today)
    with store.transaction():
        visit_id = store.insert("field_visit", cleaned)
        mark_kept(store, cleaned["attachments"])
    return visit_id


def update_visit(
    store: Store, visit_id: str, changes: Mapping[str, Any], *, today: date | str | None = None
) -> bool:
    """Edit a visit (a new version); the whole merged record is validated again."""
    with store.transaction():
        current = load_visit(store, visit_id)
        merged = {k: current[k] for k in FIELD_LABELS}
        merged.update(changes)
        cleaned = validate_visit(store, merged, today=today)
        mark_kept(store, cleaned["attachments"])
        return store.update("field_visit", visit_id, cleaned)


def save_visit(
    store: Store,
    visit_id: str | None,
    data: Mapping[str, Any],
    *,
    carried: Iterable[CarriedPoint] = (),
    today: date | str | None = None,
) -> str:
    """What the form's Save does: the visit and any carried-over action points it closed or
    updated, in one transaction (all or nothing)."""
    with store.transaction():
        if visit_id is None:
            visit_id = create_visit(store, data, today=today)
        else:
            update_visit(store, visit_id, data, today=today)
        for point in carried:
            update_action_point(store, point.visit_id, point.index, point.point)
    return visit_id


def update_action_point(
    store: Store,
    visit_id: str,
    index: int,
    changes: Mapping[str, Any],
) -> bool:
    """Close or edit one action point of a (usually earlier) visit: writes a new version of
    that visit, which is what carries the change to the portal."""
    with store.transaction():
        visit = load_visit(store, visit_id)
        points = [dict(p) for p in visit["action_points"]]
        if not 0 <= index < len(points):
            raise VisitError([problem("action_points", "no_action_point", n=index + 1)])
        allowed = ("text", "owner", "due_date", "status")
        points[index].update({k: v for k, v in changes.items() if k in allowed})
        # Only the action points are checked: an older record that would fail today's rules
        # (e.g. synced from elsewhere) must still be closable.
        cleaned, problems = [], []
        for i, point in enumerate(points):
            one, found = clean_action_point(point, i)
            cleaned.append(one)
            problems.extend(found)
        if problems:
            raise VisitError(problems)
        return store.update("field_visit", visit_id, {"action_points": cleaned})


def quick_add_participant(
    store: Store,
    name_en: str,
    *,
    name_hi: str | None = None,
    district_code: str | None = None,
    department: str | None = None,
    designation: str | None = None,
    mobile: str | None = None,
) -> str:
    """A person met who is not on the roster yet: just enough to link them to the visit."""
    problems = []
    name_en = (name_en or "").strip()
    if not name_en:
        problems.append(problem("participant_ids", "new_person_name"))
    typed = (mobile or "").strip() or None
    mobile = normalise_mobile(typed) if typed else None  # the shared rule: +91 … → 10 digits
    if typed and mobile is None:
        problems.append(problem("participant_ids", "new_person_mobile", value=typed))
    if problems:
        raise VisitError(problems)
    return store.insert(
        "participant",
        {
            "name_en": name_en,
            "name_hi": (name_hi or "").strip() or None,
            "district_code": district_code,
            "department": department,
            "designation": (designation or "").strip() or None,
            "mobile": mobile,
        },
    )


def delete_visit(store: Store, visit_id: str) -> bool:
    return store.delete("field_visit", visit_id)


# -- reading ------------------------------------------------------------------------------
def _decode(row: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for name in ("team", "participant_ids", "action_points", "attachments"):
        value = out.get(name)
        out[name] = json.loads(value) if isinstance(value, str) and value else (value or [])
    out["people_met"] = int(out.get("people_met") or 0)
    return out


def load_visit(store: Store, visit_id: str) -> dict[str, Any]:
    """The current visit as a dict with arrays decoded (raises RecordNotFound)."""
    return _decode(store.require("field_visit", visit_id))


def is_open(point: Mapping[str, Any]) -> bool:
    return point.get("status", AP_OPEN) in OPEN_STATUSES


def is_overdue(point: Mapping[str, Any], today: date | str | None = None) -> bool:
    due = point.get("due_date")
    return bool(is_open(point) and due and due < today_iso(today))


@dataclass
class VisitSummary:
    """A row of the visit list."""

    id: str
    visit_date: str
    district_code: str
    district_en: str
    district_hi: str
    office: str
    department: str | None
    purpose: str
    people_met: int
    open_points: int
    overdue_points: int
    total_points: int
    attachments: int
    workshops: int = 0

    @property
    def status(self) -> str:
        if self.overdue_points:
            return "overdue"
        if self.open_points:
            return "open"
        return "closed"


def district_code(store: Store, text: str) -> str:
    """The district code for a code, or an English or Hindi name (old spellings too: the
    roster import's matcher), so `--district Lucknow`, `LKO` and `लखनऊ` are one district."""
    from desktop.core.roster.districts import DistrictMatcher

    code, found = DistrictMatcher.from_store(store).match(text or "")
    if code:
        return code
    if found is not None and found.code == "district_ambiguous":
        options = found.params.get("options", "")
        raise VisitError([problem("district_code", "district_ambiguous", value=text, options=options)])
    raise VisitError([problem("district_code", "district_not_found", value=text)])


def list_visits(
    store: Store,
    *,
    district: str | None = None,
    department: str | None = None,
    month: str | None = None,
    status: str | None = None,
    office: str | None = None,
    today: date | str | None = None,
) -> list[VisitSummary]:
    """Visits newest first, filtered. `status`: 'open' (any open point), 'overdue' (any open
    point past its due date), 'closed' (no open point)."""
    if month is not None and not _MONTH.match(month):
        raise VisitError([problem("visit_date", "month_invalid", value=month)])
    if status is not None and status not in STATUS_FILTERS:
        raise VisitError(
            [
                problem(
                    "action_points",
                    "status_filter_invalid",
                    value=status,
                    options=", ".join(STATUS_FILTERS),
                )
            ]
        )
    where = ["v.deleted = 0"]
    args: list[Any] = []
    if district:
        where.append("v.district_code = ?")
        args.append(district_code(store, district))
    if department:
        where.append("v.department = ?")
        args.append(department)
    if month:
        where.append("v.visit_date >= ? AND v.visit_date < ?")
        args.extend([f"{month}-01", f"{month}-99"])
    sql = (
        "SELECT v.*, d.name_en AS district_en, d.name_hi AS district_hi, "
        "(SELECT count(*) FROM field_visit_workshop l WHERE l.visit_id = v.id) AS n_workshops "
        "FROM field_visit v LEFT JOIN district d ON d.code = v.district_code "
        f"WHERE {' AND '.join(where)} ORDER BY v.visit_date DESC, v.id DESC"
    )
    key = normalize_office(office) if office else None
    out = []
    for row in store.conn.execute(sql, args):
        visit = _decode(row)
        if key is not None and normalize_office(visit["office"]) != key:
            continue
        points = visit["action_points"]
        summary = VisitSummary(
            id=visit["id"],
            visit_date=visit["visit_date"] or "",
            district_code=visit["district_code"] or "",
            district_en=row["district_en"] or "",
            district_hi=row["district_hi"] or "",
            office=visit["office"] or "",
            department=visit["department"],
            purpose=visit["purpose"] or "",
            people_met=visit["people_met"],
            open_points=sum(1 for p in points if is_open(p)),
            overdue_points=sum(1 for p in points if is_overdue(p, today)),
            total_points=len(points),
            attachments=len(visit["attachments"]),
            workshops=row["n_workshops"],
        )
        if (
            status is None
            or summary.status == status
            or (status == "open" and summary.status == "overdue")
        ):
            out.append(summary)
    return out


@dataclass
class CarriedPoint:
    """An open action point of an earlier visit to the same office, shown on a later one."""

    visit_id: str
    visit_date: str
    index: int
    point: dict[str, Any] = field(default_factory=dict)

    def overdue(self, today: date | str | None = None) -> bool:
        return is_overdue(self.point, today)


def carried_over_points(
    store: Store,
    district_code: str,
    office: str,
    *,
    before: str | None = None,
    exclude_visit: str | None = None,
) -> list[CarriedPoint]:
    """Open action points of earlier visits to this office (same district, same office name
    after normalising case and spaces), oldest first. `before`: only visits up to that date
    (a new visit on date D sees everything on or before D except itself)."""
    key = normalize_office(office)
    if not district_code or not key:
        return []
    args: list[Any] = [district_code.upper()]
    sql = "SELECT * FROM field_visit WHERE deleted = 0 AND district_code = ?"
    if before:
        sql += " AND visit_date <= ?"
        args.append(before)
    sql += " ORDER BY visit_date, id"
    out = []
    for row in store.conn.execute(sql, args):
        if row["id"] == exclude_visit or normalize_office(row["office"]) != key:
            continue
        visit = _decode(row)
        for i, point in enumerate(visit["action_points"]):
            if is_open(point):
                out.append(CarriedPoint(visit["id"], visit["visit_date"], i, dict(point)))
    return out


def offices(store: Store, district_code: str | None = None) -> list[str]:
    """Office names already used (one spelling per normalised office), for completion."""
    sql = "SELECT office FROM field_visit WHERE deleted = 0 AND office IS NOT NULL"
    args: list[Any] = []
    if district_code:
        sql += " AND district_code = ?"
        args.append(district_code)
    seen: dict[str, str] = {}
    for (name,) in store.conn.execute(sql + " ORDER BY visit_date DESC", args):
        seen.setdefault(normalize_office(name), name)
    return sorted(seen.values(), key=str.casefold)


def districts(store: Store) -> list[tuple[str, str, str]]:
    return [tuple(d) for d in lookups.districts(store)]


def departments(store: Store) -> list[tuple[str, str]]:
    return lookups.departments(store)


def visited_districts(store: Store) -> set[str]:
    """Codes of the districts that have at least one (living) visit, for the filter."""
    return {
        r[0]
        for r in store.conn.execute(
            "SELECT DISTINCT district_code FROM field_visit WHERE deleted = 0"
        )
    }


def search_participants(store: Store, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """People on the roster matching what was typed (either script, Latin spelling of Hindi
    names, employee code, mobile), for linking to a visit: the roster's own search."""
    fields = ("id", "name_en", "name_hi", "employee_code", "designation", "district_code")
    return [{f: row[f] for f in fields} for row in search(store, text, limit)]


def participant_labels(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """A short label per participant id ("रमेश कुमार (Ramesh Kumar), EMP01")."""
    out: dict[str, str] = {}
    for pid in ids:
        row = store.get("participant", pid)
        if row is None:
            out[pid] = pid
            continue
        out[pid] = participant_label(row)
    return out


def participant_label(row: Mapping[str, Any]) -> str:
    name = row.get("name_en") or ""
    if row.get("name_hi"):
        name = f"{row['name_hi']} ({name})" if name else row["name_hi"]
    if row.get("employee_code"):
        name += f", {row['employee_code']}"
    return name


def visit_months(store: Store) -> list[str]:
    """Months (YYYY-MM) that have visits, newest first, for the month filter."""
    return [
        r[0]
        for r in store.conn.execute(
            "SELECT DISTINCT substr(visit_date, 1, 7) FROM field_visit WHERE deleted = 0 "
            "AND visit_date IS NOT NULL ORDER BY 1 DESC"
        )
    ]
