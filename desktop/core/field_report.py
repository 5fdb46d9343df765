"""The field visit report PDF, bilingual (Hindi / English).

Two shapes: one visit, or every visit of one month in one district — what the monthly review
meeting reads, with a summary of action points first. All text goes through
`desktop.core.pdf.writer` so Devanagari is shaped on the page and extracts as real text."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.core import attachments as att
from desktop.core import lookups
from desktop.core.centre import own_institute
from desktop.core.dates import format_date
from desktop.core.field_visits import (
    VisitError,
    district_code,
    is_open,
    is_overdue,
    list_visits,
    load_visit,
    today_iso,
)
from desktop.core.field_workshops import workshops_of_visit
from desktop.core.pdf.writer import draw, ensure_fonts, width, wrap
from desktop.fileio import require_folder
from desktop.store import Store

PAGE_W, PAGE_H = A4
MARGIN = 42
BODY_W = PAGE_W - 2 * MARGIN
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#8a3b12")  # saffron-brown rule, readable in greyscale print
OVERDUE = colors.HexColor("#b42318")
SHADE = colors.HexColor("#f3efe9")

STATUS_LABEL = {
    "open": "खुला / Open",
    "in_progress": "प्रगति में / In progress",
    "done": "पूर्ण / Done",
    "dropped": "निरस्त / Dropped",
}
MONTHS_HI = (
    "जनवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्टूबर",
    "नवंबर",
    "दिसंबर",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{MONTHS_HI[int(number) - 1]} {year} / {MONTHS_EN[int(number) - 1]} {year}"


@dataclass
class ReportResult:
    path: Path
    visits: int
    pages: int
    missing_attachments: int


class _Page:
    """A cursor over pages: text flows down and breaks to a new page with a running footer."""

    def __init__(self, canvas: Canvas, footer: str) -> None:
        self.c = canvas
        self.footer = footer
        self.page = 1
        self.y = PAGE_H - MARGIN

    def finish_page(self) -> None:
        self.c.setStrokeColor(colors.lightgrey)
        self.c.line(MARGIN, MARGIN - 8, PAGE_W - MARGIN, MARGIN - 8)
        draw(self.c, MARGIN, MARGIN - 20, self.footer, 7.5, color=MUTED)
        label = f"पृष्ठ / Page {self.page}"
        draw(self.c, PAGE_W - MARGIN - width(label, 7.5), MARGIN - 20, label, 7.5, color=MUTED)

    def need(self, height: float) -> None:
        if self.y - height < MARGIN + 4:
            self.new_page()

    def new_page(self) -> None:
        self.finish_page()
        self.c.showPage()
        self.page += 1
        self.y = PAGE_H - MARGIN

    def text(
        self,
        text: str,
        *,
        bold: bool = False,
        size: float = 10,
        indent: float = 0,
        color=INK,
        leading: float | None = None,
        max_width: float | None = None,
    ) -> None:
        leading = leading or size * 1.45
        for line in wrap(text, (max_width or BODY_W) - indent, size, bold=bold):
            self.need(leading)
            self.y -= leading
            draw(self.c, MARGIN + indent, self.y + size * 0.3, line, size, bold=bold, color=color)

    def gap(self, height: float) -> None:
        self.y -= height

    def rule(self, color=ACCENT, weight: float = 1.2) -> None:
        self.need(6)
        self.y -= 4
        self.c.setStrokeColor(color)
        self.c.setLineWidth(weight)
        self.c.line(MARGIN, self.y, PAGE_W - MARGIN, self.y)
        self.c.setLineWidth(1)
        self.y -= 4

    def heading(self, text: str, size: float = 13) -> None:
        self.need(size * 3)
        self.text(text, bold=True, size=size, color=ACCENT)
        self.rule(weight=0.8)

    def fields(self, rows: Sequence[tuple[str, str]], label_w: float = 150) -> None:
        """Label / value pairs; values wrap in their column."""
        size, leading = 9.5, 13.5
        for label, value in rows:
            lines = wrap(value or "—", BODY_W - label_w, size)
            self.need(leading * min(len(lines), 3))
            top = self.y
            self.y -= leading
            draw(self.c, MARGIN, self.y + 4, label, size - 0.5, bold=True, color=MUTED)
            self.y = top
            for line in lines:
                self.need(leading)
                self.y -= leading
                draw(self.c, MARGIN + label_w, self.y + 4, line, size, color=INK)
            self.y -= 2

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        highlight: Sequence[bool] = (),
    ) -> None:
        """A simple ruled table; a highlighted row is drawn in the overdue colour."""
        size, leading, pad = 8.5, 11.5, 3
        scale = BODY_W / sum(widths)
        widths = [w * scale for w in widths]

        def row_lines(cells, bold):
            return [
                wrap(str(cell or "—"), w - 2 * pad, size, bold=bold)
                for cell, w in zip(cells, widths, strict=True)
            ]

        def draw_row(cells, bold, fill, color):
            wrapped = row_lines(cells, bold)
            height = max(len(lines) for lines in wrapped) * leading + 2 * pad
            if self.y - height < MARGIN + 4:
                self.new_page()
                draw_row(headers, True, SHADE, INK)
            top = self.y
            if fill is not None:
                self.c.setFillColor(fill)
                self.c.rect(MARGIN, top - height, BODY_W, height, stroke=0, fill=1)
                self.c.setFillColor(INK)
            self.c.setStrokeColor(colors.HexColor("#c8c2b8"))
            self.c.setLineWidth(0.5)
            self.c.line(MARGIN, top - height, PAGE_W - MARGIN, top - height)
            x = MARGIN
            for lines, w in zip(wrapped, widths, strict=True):
                ly = top - pad
                for line in lines:
                    ly -= leading
                    draw(self.c, x + pad, ly + 3, line, size, bold=bold, color=color)
                x += w
            self.y = top - height

        self.need(leading * 3)
        draw_row(headers, True, SHADE, INK)
        for i, cells in enumerate(rows):
            hot = i < len(highlight) and highlight[i]
            draw_row(
                cells, False, colors.HexColor("#fdecea") if hot else None, OVERDUE if hot else INK
            )
        self.y -= 6


def _district(store: Store, code: str | None) -> str:
    row = lookups.district(store, code)
    if row is None:
        return code or "—"
    return f"{row['name_hi']} / {row['name_en']} ({code})"


def _department(store: Store, name: str | None) -> str:
    if not name:
        return "—"
    row = store.conn.execute("SELECT name_hi FROM department WHERE name_en = ?", (name,)).fetchone()
    return f"{row[0]} / {name}" if row and row[0] else name


def _people(store: Store, visit: dict[str, Any]) -> str:
    names = []
    for pid in visit["participant_ids"]:
        row = store.get("participant", pid)
        if row is None:
            continue
        name = row["name_hi"] or row["name_en"]
        if row["name_hi"] and row["name_en"]:
            name = f"{row['name_hi']} ({row['name_en']})"
        if row["designation"]:
            name += f", {row['designation']}"
        names.append(name)
    text = str(visit["people_met"])
    return f"{text} — {'; '.join(names)}" if names else text


def _photo(store: Store, sha256: str, box: float, cache: dict) -> ImageReader | None:
    """A small JPEG of the photo for the page; the same photo in several visits of one report
    is decoded once."""
    from PIL import Image, ImageOps

    if sha256 in cache:
        data = cache[sha256]
        return None if data is None else ImageReader(io.BytesIO(data))
    cache[sha256] = None
    att.heif_supported()  # a HEIC stored by another client still draws (ours are JPEG)
    try:
        data = att.read_attachment(store, sha256, verify=False)
        with Image.open(io.BytesIO(data)) as img:
            img = ImageOps.exif_transpose(img).convert("RGB")
            img.thumbnail((int(box * 3), int(box * 3)))
            buffer = io.BytesIO()
            img.save(buffer, format="JPEG", quality=80)
        cache[sha256] = buffer.getvalue()
        return ImageReader(io.BytesIO(cache[sha256]))
    except Exception:
        return None


def _visit_section(
    page: _Page, store: Store, visit: dict[str, Any], today: str, cache: dict
) -> int:
    """One visit; returns how many of its attachments are missing from disk."""
    page.need(230)  # a visit starts on a fresh page rather than leave only its heading
    page.heading(f"{format_date(visit['visit_date'])} — {visit['office']}", size=12.5)
    page.fields(
        [
            ("जनपद / District", _district(store, visit["district_code"])),
            ("कार्यालय / Office", visit["office"] or "—"),
            ("विभाग / Department", _department(store, visit["department"])),
            ("भ्रमण तिथि / Visit date", format_date(visit["visit_date"]) or "—"),
            ("दल / Team", ", ".join(visit["team"]) or "—"),
            ("उद्देश्य / Purpose", visit["purpose"] or "—"),
            ("जिनसे भेंट हुई / People met", _people(store, visit)),
        ]
    )
    page.gap(4)
    page.text("निष्कर्ष / Findings", bold=True, size=10, color=MUTED)
    page.text(visit["findings"] or "—", size=9.5, indent=8)
    page.gap(6)
    points = visit["action_points"]
    page.text("कार्रवाई बिंदु / Action points", bold=True, size=10, color=MUTED)
    if points:
        rows, hot = [], []
        for i, p in enumerate(points):
            late = is_overdue(p, today)
            status = STATUS_LABEL.get(p["status"], p["status"])
            if late:
                status += " — समय-सीमा पार / Overdue"
            rows.append(
                [str(i + 1), p["text"], p["owner"], format_date(p.get("due_date")) or "—", status]
            )
            hot.append(late)
        page.gap(3)
        page.table(
            ["#", "कार्य / Action", "उत्तरदायी / Owner", "नियत तिथि / Due", "स्थिति / Status"],
            rows,
            [4, 42, 20, 13, 21],
            highlight=hot,
        )
    else:
        page.text("कोई नहीं / None", size=9.5, indent=8)
    workshops = workshops_of_visit(store, visit["id"])
    if workshops:
        page.text(
            "नियोजित क्षेत्रीय कार्यशालाएँ / Field workshops planned", bold=True, size=10, color=MUTED
        )
        for w in workshops:
            title = w["title_hi"] + " / " + w["title_en"] if w["title_hi"] else w["title_en"]
            page.text(f"• {format_date(w['start_date'])}: {title}", size=9.5, indent=8)
    missing = 0
    refs = visit["attachments"]
    if refs:
        page.gap(4)
        page.text("संलग्नक / Attachments", bold=True, size=10, color=MUTED)
        box, gapx = 112.0, 10.0
        photos = []
        for ref in refs:
            present = att.is_present(store, ref["sha256"])
            missing += not present
            image = (
                _photo(store, ref["sha256"], box, cache)
                if present and str(ref.get("media_type", "")).startswith("image/")
                else None
            )
            if image is not None:
                photos.append((ref, image))
                continue
            note = "" if present else " — फ़ाइल नहीं मिली / file missing"
            page.text(
                f"• {ref['filename']} ({ref.get('media_type', '')}){note}",
                size=9,
                indent=8,
                color=INK if present else OVERDUE,
            )
        x = MARGIN
        for ref, image in photos:
            if x + box > PAGE_W - MARGIN:
                x = MARGIN
                page.y -= box + 24
            if x == MARGIN:
                page.need(box + 24)
            iw, ih = image.getSize()
            scale = min(box / iw, box / ih)
            w, h = iw * scale, ih * scale
            top = page.y - 6
            page.c.drawImage(image, x, top - h, w, h)
            label = wrap(ref["filename"], box, 7)[0]
            draw(page.c, x, top - h - 10, label, 7, color=MUTED)
            x += box + gapx
        if x != MARGIN:
            page.y -= box + 24
    page.gap(10)
    return missing


def _header(page: _Page, store: Store, title: str, subtitle: str) -> None:
    inst = own_institute(store)
    if inst:
        name = f"{inst['name_hi']} / {inst['name_en']}" if inst["name_hi"] else inst["name_en"]
        page.text(name, size=9, color=MUTED)
    page.text(title, bold=True, size=17, color=INK, leading=24)
    page.text(subtitle, size=10.5, color=MUTED)
    page.rule(weight=2)
    page.gap(6)


def visit_report(
    store: Store,
    visit_ids: Sequence[str],
    out: Path | str,
    *,
    today: date | str | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    summary: bool = False,
) -> ReportResult:
    """Write the report of the given visits (in date order) to `out`."""
    ensure_fonts()
    today_s = today_iso(today)
    visits = sorted(
        (load_visit(store, vid) for vid in visit_ids),
        key=lambda v: (v["visit_date"] or "", v["id"]),
    )
    out = require_folder(out)  # a mistyped folder is refused, never created
    canvas = Canvas(str(out), pagesize=A4, pageCompression=1)
    canvas.setTitle("Field visit report / क्षेत्र भ्रमण प्रतिवेदन")
    canvas.setAuthor("Karmayogi Desk")
    footer = (
        f"Karmayogi Desk — क्षेत्र भ्रमण प्रतिवेदन / Field visit report — {format_date(today_s)}"
    )
    page = _Page(canvas, footer)
    _header(
        page,
        store,
        title or "क्षेत्र भ्रमण प्रतिवेदन / Field visit report",
        subtitle or (visits[0]["office"] if len(visits) == 1 else f"{len(visits)} visits"),
    )
    if summary:
        _summary(page, store, visits, today_s)
    missing = 0
    cache: dict[str, bytes | None] = {}
    for visit in visits:
        missing += _visit_section(page, store, visit, today_s, cache)
    page.finish_page()
    canvas.save()
    return ReportResult(out, len(visits), page.page, missing)


def _summary(page: _Page, store: Store, visits: list[dict[str, Any]], today: str) -> None:
    points = [p for v in visits for p in v["action_points"]]
    open_n = sum(1 for p in points if is_open(p))
    late = sum(1 for p in points if is_overdue(p, today))
    page.fields(
        [
            ("भ्रमण / Visits", str(len(visits))),
            ("भेंट की संख्या / People met", str(sum(v["people_met"] for v in visits))),
            (
                "कार्रवाई बिंदु / Action points",
                f"{len(points)} — खुले / open {open_n}, समय-सीमा पार / overdue {late}, "
                f"बंद / closed {len(points) - open_n}",
            ),
        ],
        label_w=170,
    )
    page.gap(4)
    rows = [
        [
            format_date(v["visit_date"]),
            v["office"],
            _department(store, v["department"]),
            str(v["people_met"]),
            str(sum(1 for p in v["action_points"] if is_open(p))),
            str(sum(1 for p in v["action_points"] if is_overdue(p, today))),
        ]
        for v in visits
    ]
    page.table(
        [
            "तिथि / Date",
            "कार्यालय / Office",
            "विभाग / Department",
            "भेंट / Met",
            "खुले / Open",
            "पार / Overdue",
        ],
        rows,
        [14, 30, 28, 9, 9, 10],
        highlight=[r[5] != "0" for r in rows],
    )
    page.gap(8)


def monthly_report(
    store: Store, district: str, month: str, out: Path | str, *, today: date | str | None = None
) -> ReportResult:
    """All visits of `month` (YYYY-MM) in `district`: the monthly review meeting's paper."""
    district = district_code(store, district)  # a code, or the English or Hindi name
    visits = list_visits(store, district=district, month=month, today=today)
    if not visits:
        raise VisitError([("visit_date", f"no field visits in {district} in {month}")])
    return visit_report(
        store,
        [v.id for v in visits],
        out,
        today=today,
        title="मासिक समीक्षा: क्षेत्र भ्रमण / Monthly review: field visits",
        subtitle=f"{_district(store, district)} — {month_label(month)}",
        summary=True,
    )
