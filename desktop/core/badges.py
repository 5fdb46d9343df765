"""Printable badge sheets: ten badges per A4 page, each with a QR of the participant id.

The desk reads the QR (a keyboard-wedge scanner types the id and Enter). The QR is drawn as
one path from segno's matrix and text runs are shaped once per distinct string, which keeps
400 badges well under the 10-second budget."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.core import lookups
from desktop.core.enrolment import enrolled
from desktop.core.pdf import writer
from desktop.core.progress import Progress
from desktop.store import Store

COLUMNS, ROWS = 2, 5
BADGE_W, BADGE_H = 95 * mm, 54 * mm
#: Printed before the employee code, Hindi first like the registers' column headings.
EMPLOYEE_CODE_LABEL = "कर्मचारी कोड / Emp. code:"


def _layout() -> list[tuple[float, float]]:
    """Bottom-left corners of the badges on a page, row by row from the top."""
    page_w, page_h = A4
    margin_x = (page_w - COLUMNS * BADGE_W) / 2
    margin_y = (page_h - ROWS * BADGE_H) / 2
    return [
        (margin_x + c * BADGE_W, page_h - margin_y - (r + 1) * BADGE_H)
        for r in range(ROWS)
        for c in range(COLUMNS)
    ]


def _cut_marks(canvas: Canvas) -> None:
    page_w, page_h = A4
    margin_x = (page_w - COLUMNS * BADGE_W) / 2
    margin_y = (page_h - ROWS * BADGE_H) / 2
    canvas.saveState()
    canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
    canvas.setDash(2, 3)
    canvas.setLineWidth(0.4)
    for c in range(COLUMNS + 1):
        x = margin_x + c * BADGE_W
        canvas.line(x, margin_y, x, page_h - margin_y)
    for r in range(ROWS + 1):
        y = margin_y + r * BADGE_H
        canvas.line(margin_x, y, page_w - margin_x, y)
    canvas.restoreState()


def _badge(
    canvas: Canvas, x: float, y: float, person: dict[str, Any], header: tuple[str, str]
) -> None:
    pad = 4 * mm
    qr_size = 30 * mm
    text_w = BADGE_W - 2 * pad - qr_size - 2 * mm
    top = y + BADGE_H - pad
    # Header band: workshop title in both languages.
    canvas.saveState()
    canvas.setFillColorRGB(0.07, 0.27, 0.47)
    canvas.rect(x + 1.5 * mm, top - 9 * mm, BADGE_W - 3 * mm, 10.5 * mm, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    writer.draw(
        canvas, x + pad, top - 3.2 * mm, header[1], 8, bold=True, max_width=BADGE_W - 2 * pad
    )
    writer.draw(canvas, x + pad, top - 7.3 * mm, header[0], 7, max_width=BADGE_W - 2 * pad)
    canvas.restoreState()
    line = top - 16 * mm
    writer.draw(
        canvas,
        x + pad,
        line,
        person.get("name_hi") or person.get("name_en"),
        15,
        bold=True,
        max_width=text_w,
    )
    line -= 6 * mm
    if person.get("name_hi"):
        writer.draw(canvas, x + pad, line, person.get("name_en"), 11, bold=True, max_width=text_w)
        line -= 5.5 * mm
    for value in (person.get("designation"), person.get("department")):
        if value:
            writer.draw(canvas, x + pad, line, value, 8.5, max_width=text_w)
            line -= 4.3 * mm
    code = person.get("employee_code")
    if code:
        # The label in both languages, small; the code itself bold and large enough to read.
        label_w = writer.draw(
            canvas, x + pad, y + pad, EMPLOYEE_CODE_LABEL, 7.5, max_width=text_w * 0.6
        )
        gap = 1.5 * mm
        writer.draw(
            canvas,
            x + pad + label_w + gap,
            y + pad,
            code,
            10,
            bold=True,
            max_width=text_w - label_w - gap,
        )
    writer.draw_qr(
        canvas, person["id"], x + BADGE_W - pad - qr_size, y + pad - 1 * mm, qr_size, border=1
    )


def badges_pdf(
    store: Store,
    workshop_id: str,
    path: Path | str,
    participant_ids: list[str] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the badge sheet for the workshop's enrolled (or the given) people; returns the
    number of badges."""
    workshop = store.require("workshop", workshop_id)
    people = enrolled(store, workshop_id)
    if participant_ids is not None:
        wanted = set(participant_ids)
        people = [p for p in people if p["id"] in wanted]
    header = (workshop["title_en"] or "", workshop["title_hi"] or workshop["title_en"] or "")
    hindi = department_names_hi(store)
    people = [{**p, "department": bilingual_department(p.get("department"), hindi)} for p in people]
    return draw_badges(people, header, path, progress=progress)


def department_names_hi(store: Store) -> dict[str, str]:
    return lookups.department_names_hi(store)


def bilingual_department(name: str | None, hindi: dict[str, str]) -> str | None:
    """'Revenue / राजस्व' when the department list knows the Hindi name."""
    if name and hindi.get(name):
        return f"{name} / {hindi[name]}"
    return name


def draw_badges(
    people: list[dict[str, Any]],
    header: tuple[str, str],
    path: Path | str,
    *,
    progress: Progress | None = None,
) -> int:
    canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Badges — {header[0]}")
    canvas.setSubject(header[1])
    canvas.setCreator("Karmayogi Desk")
    slots = _layout()
    for n, person in enumerate(people):
        slot = n % len(slots)
        if slot == 0:
            if n:
                canvas.showPage()
            _cut_marks(canvas)
        _badge(canvas, *slots[slot], person, header)
        if progress and (n + 1) % 20 == 0:
            progress(n + 1, len(people), f"{n + 1} of {len(people)} badges drawn")
    if not people:
        writer.draw(canvas, 20 * mm, A4[1] - 30 * mm, "No one is enrolled yet.", 14)
    canvas.save()
    if progress:
        progress(len(people), len(people), f"{len(people)} badges drawn")
    return len(people)
