"""What goes on a certificate: placeholder values and the signed §8 payload, gathered from
the participant, workshop, programme and institute records at issue time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core import lookups
from desktop.core.certificates.jws import make_payload
from desktop.core.dates import format_date
from desktop.store import Store


def display_date(iso: str | None) -> str:
    """`2026-11-20` → `20-11-2026`: the one date style of every screen and paper."""
    return format_date(iso)


def _hours(value: Any) -> int | float:
    number = float(value or 0)
    return int(number) if number.is_integer() else number


@dataclass
class WorkshopContext:
    """The per-workshop part of every certificate (read once per batch)."""

    workshop: dict
    programme: dict
    institute: dict
    district: dict | None

    @classmethod
    def load(cls, store: Store, workshop_id: str) -> WorkshopContext:
        workshop = store.require("workshop", workshop_id)
        programme = store.require("programme", workshop["programme_id"])
        code = workshop.get("institute_code") or store.institute_code
        row = store.conn.execute("SELECT * FROM institute WHERE code = ?", (code,)).fetchone()
        if row is None:
            row = store.conn.execute("SELECT * FROM institute WHERE is_self = 1").fetchone()
        institute = dict(row) if row else {"code": code, "name_en": code, "name_hi": None}
        d = lookups.district(store, workshop.get("district_code"))
        return cls(workshop, programme, institute, d)


def _department_names(store: Store, department: str | None) -> tuple[str, str]:
    if not department:
        return "", ""
    row = store.conn.execute(
        "SELECT name_en, name_hi FROM department WHERE name_en = ? OR code = ? OR name_hi = ?",
        (department, department, department),
    ).fetchone()
    return (row[0], row[1]) if row else (department, department)


def certificate_values(
    store: Store, ctx: WorkshopContext, participant: dict, number: str, issued: str
) -> dict[str, Any]:
    """Placeholder values for the template (see template.PLACEHOLDERS)."""
    w, p, inst = ctx.workshop, ctx.programme, ctx.institute
    dept_en, dept_hi = _department_names(store, participant.get("department"))
    designation = participant.get("designation") or ""
    dept = " / ".join(dict.fromkeys(v for v in (dept_hi, dept_en) if v))
    line = " — ".join(v for v in (designation, dept) if v)
    return {
        "name_en": participant.get("name_en") or "",
        "name_hi": participant.get("name_hi") or "",
        "employee_code": participant.get("employee_code") or "",
        "designation": designation,
        "designation_line": line,
        "department_en": dept_en,
        "department_hi": dept_hi,
        "programme_en": p.get("title_en") or w.get("title_en") or "",
        "programme_hi": p.get("title_hi") or w.get("title_hi") or p.get("title_en") or "",
        "hours": f"{_hours(p.get('hours')):g}",
        "from": display_date(w.get("start_date")),
        "to": display_date(w.get("end_date")),
        "venue": w.get("venue") or "",
        "venue_hi": w.get("venue") or "",
        "district_en": (ctx.district or {}).get("name_en", ""),
        "district_hi": (ctx.district or {}).get("name_hi", ""),
        "institute_en": inst.get("name_en") or "",
        "institute_hi": inst.get("name_hi") or inst.get("name_en") or "",
        "number": number,
        "issued": display_date(issued),
        "workshop_en": w.get("title_en") or "",
        "workshop_hi": w.get("title_hi") or w.get("title_en") or "",
    }


def certificate_payload(
    ctx: WorkshopContext, participant: dict, number: str, issued: str
) -> dict[str, Any]:
    """The signed payload, fields exactly as SYNC-PROTOCOL §8."""
    w, p = ctx.workshop, ctx.programme
    return make_payload(
        v=1,
        no=number,
        name_en=participant.get("name_en"),
        name_hi=participant.get("name_hi"),
        employee_code=participant.get("employee_code"),
        programme=p.get("title_en") or w.get("title_en"),
        hours=_hours(p.get("hours")),
        **{"from": w.get("start_date"), "to": w.get("end_date")},
        institute=ctx.institute.get("code"),
        issued=issued[:10],
    )


def pdf_meta(values: dict[str, Any], qr: str) -> dict[str, str]:
    """PDF document info: the Unicode name in the title, the QR text in keywords."""
    name = " / ".join(v for v in (values["name_hi"], values["name_en"]) if v)
    return {
        "title": f"प्रमाण-पत्र / Certificate {values['number']} — {name}",
        "author": " / ".join(v for v in (values["institute_hi"], values["institute_en"]) if v),
        "subject": " / ".join(v for v in (values["programme_hi"], values["programme_en"]) if v),
        "keywords": qr,
    }
