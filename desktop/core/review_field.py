"""What the monthly review prints from the field: the period's visits with their findings,
and every action point still open (or overdue) with its owner."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.field_visits import decode_visit, is_open, is_overdue
from desktop.store import Store


@dataclass(frozen=True)
class Finding:
    visit_date: str
    district_en: str
    district_hi: str
    office: str
    department: str | None
    findings: str


@dataclass(frozen=True)
class OpenPoint:
    visit_date: str
    office: str
    text: str
    owner: str
    due_date: str | None
    overdue: bool


def field_notes(
    store: Store, first: str, last: str, department: str | None = None, today: str | None = None
) -> tuple[list[Finding], list[OpenPoint]]:
    """Visits dated in [first, last] (oldest first) and the open points of every visit up to
    `last` (overdue ones first, then by due date); `department` narrows both."""
    where, args = ["v.deleted = 0", "v.visit_date <= ?"], [last]
    if department is not None:
        where.append("v.department = ?")
        args.append(department)
    rows = store.conn.execute(
        "SELECT v.*, d.name_en AS district_en, d.name_hi AS district_hi FROM field_visit v "
        f"LEFT JOIN district d ON d.code = v.district_code WHERE {' AND '.join(where)} "
        "ORDER BY v.visit_date, v.id",
        args,
    ).fetchall()
    findings, points = [], []
    for row in rows:
        visit = decode_visit(row)
        if visit["visit_date"] >= first:
            findings.append(
                Finding(
                    visit["visit_date"],
                    row["district_en"] or visit["district_code"] or "",
                    row["district_hi"] or "",
                    visit["office"] or "",
                    visit["department"],
                    (visit.get("findings") or "").strip(),
                )
            )
        for point in visit["action_points"]:
            if is_open(point):
                points.append(
                    OpenPoint(
                        visit["visit_date"],
                        visit["office"] or "",
                        point.get("text") or "",
                        point.get("owner") or "",
                        point.get("due_date"),
                        is_overdue(point, today),
                    )
                )
    points.sort(key=lambda p: (not p.overdue, p.due_date or "9999", p.visit_date))
    return findings, points
