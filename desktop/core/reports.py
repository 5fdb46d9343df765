"""The monthly department review: registered → enrolled → completed.

For a month, per department of the participants:
- registered: participants on the roster (not deleted) — the roster has no registration date,
  so this is the roster as it stands when the report is made;
- enrolled: distinct participants enrolled (not withdrawn) in workshops running in the month
  (start_date ≤ month end and end_date ≥ month start);
- completed: distinct participants the completion rule finds eligible in those workshops that
  had ended by the end of the month.
Rows are sorted by department; a last row totals them."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from desktop.core import lookups
from desktop.core.completion import evaluate_workshop
from desktop.store import Store

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
UNKNOWN_DEPARTMENT = "(no department)"


@dataclass
class DepartmentRow:
    department: str
    department_hi: str | None
    registered: int = 0
    enrolled: int = 0
    completed: int = 0

    @property
    def completion_pct(self) -> float:
        return round(self.completed * 100 / self.enrolled, 1) if self.enrolled else 0.0


@dataclass
class WorkshopRow:
    id: str
    title_en: str
    title_hi: str | None
    mode: str
    start_date: str
    end_date: str
    enrolled: int
    completed: int | None  # None while the workshop is still running


@dataclass
class MonthlyReport:
    month: str
    first_day: str
    last_day: str
    departments: list[DepartmentRow] = field(default_factory=list)
    workshops: list[WorkshopRow] = field(default_factory=list)

    @property
    def total(self) -> DepartmentRow:
        total = DepartmentRow("Total", "कुल")
        for row in self.departments:
            total.registered += row.registered
            total.enrolled += row.enrolled
            total.completed += row.completed
        return total


def month_bounds(month: str) -> tuple[str, str]:
    match = _MONTH.match(month or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"month {month!r}: expected YYYY-MM, e.g. 2026-11")
    year, mon = int(match.group(1)), int(match.group(2))
    last = calendar.monthrange(year, mon)[1]
    return date(year, mon, 1).isoformat(), date(year, mon, last).isoformat()


def monthly_report(store: Store, month: str) -> MonthlyReport:
    first, last = month_bounds(month)
    report = MonthlyReport(month, first, last)
    hindi = lookups.department_names_hi(store)
    rows: dict[str, DepartmentRow] = {}

    def row_for(department: str | None) -> DepartmentRow:
        key = department or UNKNOWN_DEPARTMENT
        if key not in rows:
            rows[key] = DepartmentRow(key, hindi.get(key))
        return rows[key]

    for department, count in store.conn.execute(
        "SELECT department, count(*) FROM participant WHERE deleted = 0 GROUP BY department"
    ):
        row_for(department).registered = count

    workshops = store.conn.execute(
        "SELECT id, title_en, title_hi, mode, start_date, end_date FROM workshop "
        "WHERE deleted = 0 AND start_date <= ? AND coalesce(end_date, start_date) >= ? "
        "ORDER BY start_date, title_en",
        (last, first),
    ).fetchall()
    enrolled_by_dept: dict[str, set[str]] = defaultdict(set)
    completed_by_dept: dict[str, set[str]] = defaultdict(set)
    departments_of: dict[str, str | None] = {}
    for w in workshops:
        enrolled = [
            (r[0], r[1])
            for r in store.conn.execute(
                "SELECT e.participant_id, p.department FROM enrolment e "
                "JOIN participant p ON p.id = e.participant_id "
                "WHERE e.workshop_id = ? AND e.deleted = 0 AND e.status = 'enrolled' "
                "AND p.deleted = 0",
                (w["id"],),
            )
        ]
        for pid, dept in enrolled:
            departments_of[pid] = dept
            enrolled_by_dept[dept or UNKNOWN_DEPARTMENT].add(pid)
        ended = (w["end_date"] or w["start_date"]) <= last
        completed_count: int | None = None
        if ended:
            eligible = {r.participant_id for r in evaluate_workshop(store, w["id"]) if r.eligible}
            completed_count = len(eligible & set(departments_of))
            for pid in eligible:
                if pid in departments_of:
                    completed_by_dept[departments_of[pid] or UNKNOWN_DEPARTMENT].add(pid)
        report.workshops.append(
            WorkshopRow(
                w["id"],
                w["title_en"] or "",
                w["title_hi"],
                w["mode"] or "",
                w["start_date"] or "",
                w["end_date"] or "",
                len(enrolled),
                completed_count,
            )
        )
    for dept, pids in enrolled_by_dept.items():
        row_for(None if dept == UNKNOWN_DEPARTMENT else dept).enrolled = len(pids)
    for dept, pids in completed_by_dept.items():
        row_for(None if dept == UNKNOWN_DEPARTMENT else dept).completed = len(pids)
    report.departments = sorted(rows.values(), key=lambda r: r.department.lower())
    return report
