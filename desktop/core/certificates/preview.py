"""A specimen certificate for checking a template before issuing (Certificates → Issue).

The page is drawn by the same renderer as a real certificate, with the chosen workshop and
participant (or sample values), so what the user sees is what a batch will print. It is
never a certificate: no number is taken, nothing is stored or signed, the page carries a
SPECIMEN mark and its QR holds plain text that `verify` reports as "not a certificate".
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from desktop.core.certificates.render import CertificateRenderer
from desktop.core.certificates.template import load_template
from desktop.core.certificates.values import WorkshopContext, certificate_values
from desktop.store import Store

SPECIMEN_TEXT = "नमूना / SPECIMEN"
SPECIMEN_QR = "SPECIMEN: not a certificate / नमूना: प्रमाण-पत्र नहीं"

#: Stand-ins when there is no workshop or participant yet. The Hindi name has the conjuncts
#: and matras a template must get right (श्र, क्ष, ि before its consonant).
SAMPLE_PARTICIPANT = {
    "name_en": "Shraddha Kshitija Mishra",
    "name_hi": "श्रद्धा क्षितिजा मिश्रा",
    "employee_code": "EMP00001",
    "designation": "Block Development Officer",
    "department": None,
}


def _sample_context(store: Store) -> WorkshopContext:
    row = store.conn.execute("SELECT * FROM institute WHERE is_self = 1").fetchone()
    code = store.institute_code or "INST"
    institute = dict(row) if row else {"code": code, "name_en": code, "name_hi": None}
    today = date.today().isoformat()
    workshop = {
        "id": None,
        "title_en": "Training programme",
        "title_hi": "प्रशिक्षण कार्यक्रम",
        "venue": institute.get("name_en") or code,
        "start_date": today,
        "end_date": today,
        "district_code": None,
    }
    programme = {"title_en": "Training programme", "title_hi": "प्रशिक्षण कार्यक्रम", "hours": 6}
    return WorkshopContext(workshop, programme, institute, None)


def _first_participant(store: Store, workshop_id: str) -> dict[str, Any] | None:
    """Whoever would get the first certificate: an eligible participant, else anyone enrolled."""
    from desktop.core.completion import eligible_participants

    for pid in eligible_participants(store, workshop_id):
        row = store.get("participant", pid)
        if row is not None and not row["deleted"]:
            return dict(row)
    row = store.conn.execute(
        "SELECT p.* FROM participant p JOIN enrolment e ON e.participant_id = p.id "
        "WHERE e.workshop_id = ? AND e.deleted = 0 AND p.deleted = 0 ORDER BY p.name_en LIMIT 1",
        (workshop_id,),
    ).fetchone()
    return dict(row) if row else None


def preview_values(
    store: Store, workshop_id: str | None = None, participant_id: str | None = None
) -> dict[str, Any]:
    """The placeholder values the specimen shows (real ones where they exist)."""
    ctx = WorkshopContext.load(store, workshop_id) if workshop_id else _sample_context(store)
    participant = None
    if participant_id:
        participant = dict(store.require("participant", participant_id))
    elif workshop_id:
        participant = _first_participant(store, workshop_id)
    year = (ctx.workshop.get("end_date") or date.today().isoformat())[:4]
    number = f"{(store.institute_code or 'INST').upper()}/{year}/XXXXXX"
    return certificate_values(
        store, ctx, participant or SAMPLE_PARTICIPANT, number, date.today().isoformat()
    )


def preview_pdf(
    store: Store,
    template: str | Path | None = None,
    *,
    workshop_id: str | None = None,
    participant_id: str | None = None,
) -> bytes:
    """One specimen page as PDF bytes. Raises TemplateError (naming the bad entry) for a
    template that cannot be used — the point of previewing before a batch."""
    renderer = CertificateRenderer(load_template(template, store.path))
    values = preview_values(store, workshop_id, participant_id)
    buf = io.BytesIO()
    c = renderer.new_canvas(buf, {"title": f"{SPECIMEN_TEXT} — {renderer.t.name}"})
    renderer.draw_page(c, values, SPECIMEN_QR)
    renderer.mark(c, SPECIMEN_TEXT, "नमूना — जारी नहीं किया गया / Specimen — not issued")
    c.showPage()
    c.save()
    return buf.getvalue()
