"""Reading field visits: one visit, the filtered list, carried-over action points, and
the lookups the form and filters offer (offices, districts, departments, people, months).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.core import lookups
from desktop.core.field_visits.rules import (
    _MONTH,
    AP_OPEN,
    OPEN_STATUSES,
    STATUS_FILTERS,
    VisitError,
    normalize_office,
    problem,
    today_iso,
)
from desktop.core.roster.search import search
from desktop.store import Store


def decode_visit(row: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for name in ("team", "participant_ids", "action_points", "attachments"):
        value = out.get(name)
        out[name] = json.loads(value) if isinstance(value, str) and value else (value or [])
    out["people_met"] = int(out.get("people_met") or 0)
    return out


def load_visit(store: Store, visit_id: str) -> dict[str, Any]:
    """The current visit as a dict with arrays decoded (raises RecordNotFound)."""
    return decode_visit(store.require("field_visit", visit_id))


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
    from desktop.core import lookups
    from desktop.core.roster.districts import DistrictMatcher

    if lookups.district_exists(store, text):  # a code, as the GUI's filter gives: no matcher
        return text
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
        visit = decode_visit(row)
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
        visit = decode_visit(row)
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
