"""Paper records departments file: the attendance register of a session (with a signature
column) and the workshop summary (who completed and why not). Bilingual, drawn with
`desktop.core.pdf.writer` so Hindi is shaped on the page and extracts as real text."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.core.attendance import session_counts, session_marks
from desktop.core.badges import bilingual_department, department_names_hi
from desktop.core.centre import own_institute
from desktop.core.completion import evaluate_workshop, rule_for_programme
from desktop.core.dates import format_date, format_range, format_time, now_local
from desktop.core.enrolment import enrolled
from desktop.core.pdf import writer
from desktop.core.workshops import sessions_of
from desktop.store import Store

STATUS_LABEL = {
    "present": ("Present", "उपस्थित"),
    "late": ("Late", "विलंब से"),
    "excused": ("Excused", "अवकाश स्वीकृत"),
    "absent": ("Absent", "अनुपस्थित"),
}
STATUS_LETTER = {"present": "P", "late": "L", "excused": "E", "absent": "A", None: "–"}
MARGIN = 14 * mm


@dataclass
class Column:
    title_hi: str
    title_en: str
    width: float  # share of the table width
    align: str = "left"
    bold_first: bool = True  # a two-line cell's first line in bold (names)


def _wrap(text: str, size: float, max_width: float, minimum: float = 7.0) -> list[str]:
    """`text` as one line when it fits at `minimum` points or more, else broken at spaces
    into lines that fit at `size` (the last one may still be shrunk by `writer.draw`)."""
    if writer.width(text, minimum) <= max_width:
        return [text]
    if " / " in text:  # "English / हिन्दी": one language a line reads best
        first, second = text.split(" / ", 1)
        return [f"{first} /", second]
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and writer.width(trial, size) > max_width:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    if len(lines) > 2:  # two lines at most in a row: the rest joins the second
        lines = [lines[0], " ".join(lines[1:])]
    return lines


class _Table:
    """Draws a header block, a two-line column header and rows, breaking pages as needed."""

    def __init__(
        self,
        canvas: Canvas,
        pagesize: tuple[float, float],
        columns: list[Column],
        header: Callable,
        row_height: float,
        footer: str,
    ) -> None:
        self.canvas, self.pagesize, self.columns = canvas, pagesize, columns
        self.header, self.row_height, self.footer = header, row_height, footer
        self.table_w = pagesize[0] - 2 * MARGIN
        total = sum(c.width for c in columns)
        self.widths = [c.width / total * self.table_w for c in columns]
        self.page = 0
        self.y = 0.0

    def _column_header(self) -> None:
        c = self.canvas
        h = 11 * mm
        c.setFillColorRGB(0.88, 0.92, 0.96)
        c.rect(MARGIN, self.y - h, self.table_w, h, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0)
        x = MARGIN
        for col, w in zip(self.columns, self.widths, strict=True):
            cx = x + (w / 2 if col.align == "centre" else 1.5 * mm)
            writer.draw(
                c,
                cx,
                self.y - 4.5 * mm,
                col.title_hi,
                8.5,
                bold=True,
                align="centre" if col.align == "centre" else "left",
                max_width=w - 3 * mm,
            )
            writer.draw(
                c,
                cx,
                self.y - 8.8 * mm,
                col.title_en,
                7.5,
                align="centre" if col.align == "centre" else "left",
                max_width=w - 3 * mm,
            )
            x += w
        self.y -= h

    def new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.y = self.pagesize[1] - MARGIN
        self.y = self.header(self.canvas, self.y, self.page)
        self._column_header()

    def row(self, cells: Sequence[Sequence[str] | str]) -> None:
        """One row; a cell is a string or up to two lines (first line larger)."""
        if self.page == 0 or self.y - self.row_height < MARGIN + 12 * mm:
            self.new_page()
        c = self.canvas
        c.setLineWidth(0.5)
        c.rect(MARGIN, self.y - self.row_height, self.table_w, self.row_height, stroke=1, fill=0)
        x = MARGIN
        for col, w, cell in zip(self.columns, self.widths, cells, strict=True):
            lines = [cell] if isinstance(cell, str) else list(cell)
            lines = [t for t in lines if t]
            cx = x + (w / 2 if col.align == "centre" else 1.5 * mm)
            align = "centre" if col.align == "centre" else "left"
            if len(lines) == 1:
                writer.draw(
                    c,
                    cx,
                    self.y - self.row_height / 2 - 1.3 * mm,
                    lines[0],
                    9,
                    align=align,
                    max_width=w - 3 * mm,
                )
            elif lines:
                rest = _wrap(lines[1], 8, w - 3 * mm)
                if len(rest) > 1:
                    # A long second line (e.g. "Rural Development / ग्राम्य विकास विभाग") is
                    # wrapped onto a third line, never shrunk away or cut off.
                    steps, sizes = (0.32, 0.62, 0.90), (8.5, 7.5, 7.5)
                else:
                    steps, sizes = (0.43, 0.82), (9.5, 8)
                for i, (text, step, size) in enumerate(
                    zip([lines[0], *rest[:2]], steps, sizes, strict=False)
                ):
                    writer.draw(
                        c,
                        cx,
                        self.y - self.row_height * step,
                        text,
                        size,
                        align=align,
                        max_width=w - 3 * mm,
                        bold=col.bold_first and i == 0,
                    )
            x += w
        x = MARGIN
        for w in self.widths[:-1]:
            x += w
            c.line(x, self.y, x, self.y - self.row_height)
        self.y -= self.row_height

    def finish_pages(self) -> None:
        pass


def _titles(store: Store, workshop: dict[str, Any]) -> tuple[str, str]:
    institute = own_institute(store) or {}
    return (
        institute.get("name_hi") or institute.get("name_en") or "",
        institute.get("name_en") or "",
    )


def _page_footer(canvas: Canvas, pagesize, page: int, text: str) -> None:
    writer.draw(canvas, MARGIN, 8 * mm, text, 7.5)
    writer.draw(canvas, pagesize[0] - MARGIN, 8 * mm, f"पृष्ठ / Page {page}", 7.5, align="right")


def short_reason(result, rule) -> str:
    """Why not eligible, short enough for a table cell, in both languages."""
    if result.reason_code == "below_minimum":
        return (
            f"न्यूनतम {rule.min_attendance_pct}% से कम / below the {rule.min_attendance_pct}% minimum"
        )
    if result.reason_code == "all_excused":
        return "सभी सत्रों से अवकाश / excused from every session"
    if result.reason_code == "no_sessions":
        return "कोई सत्र नहीं / no sessions"
    return result.reason


def session_register_pdf(store: Store, session_id: str, path: Path | str) -> int:
    """The attendance register of one session: everyone enrolled, their mark, and an empty
    signature box. Returns the number of rows."""
    session = store.require("session", session_id)
    workshop = store.require("workshop", session["workshop_id"])
    people = enrolled(store, workshop["id"])
    marks = session_marks(store, session_id)
    counts = session_counts(store, session_id)
    hindi = department_names_hi(store)
    inst_hi, inst_en = _titles(store, workshop)
    pagesize = A4
    canvas = Canvas(str(path), pagesize=pagesize, pageCompression=1)
    canvas.setTitle(
        f"Attendance register — {workshop['title_en']} — {session['date']} {session['start_time']}"
    )
    canvas.setSubject(workshop["title_hi"] or "")
    canvas.setCreator("Karmayogi Desk")
    generated = now_local()

    def header(c: Canvas, y: float, page: int) -> float:
        w = pagesize[0]
        writer.draw(c, w / 2, y - 5 * mm, inst_hi, 12, bold=True, align="centre")
        writer.draw(c, w / 2, y - 10 * mm, inst_en, 9.5, align="centre")
        writer.draw(
            c,
            w / 2,
            y - 17 * mm,
            "उपस्थिति पंजिका / Attendance Register",
            13,
            bold=True,
            align="centre",
        )
        y -= 25 * mm
        rows = [
            (
                "कार्यशाला / Workshop",
                workshop["title_hi"] or workshop["title_en"],
                workshop["title_en"] if workshop["title_hi"] else "",
            ),
            (
                "सत्र / Session",
                session["topic_hi"] or session["topic_en"] or "",
                session["topic_en"] if session["topic_hi"] else "",
            ),
            (
                "दिनांक व समय / Date and time",
                f"{format_date(session['date'])}, {session['start_time']}–{session['end_time']}",
                "",
            ),
            (
                "स्थान / Venue",
                workshop["venue"] or "",
                session["trainer"] and f"प्रशिक्षक / Trainer: {session['trainer']}" or "",
            ),
        ]
        for label, value, extra in rows:
            writer.draw(c, MARGIN, y, label, 8.5, bold=True)
            text = value + (f"  ({extra})" if extra else "")
            writer.draw(
                c, MARGIN + 48 * mm, y, text, 9, max_width=pagesize[0] - 2 * MARGIN - 48 * mm
            )
            y -= 5.2 * mm
        _page_footer(c, pagesize, page, f"Karmayogi Desk, {generated}")
        return y - 2 * mm

    columns = [
        Column("क्र.", "S.No.", 6, "centre"),
        Column("नाम", "Name", 30),
        Column("पदनाम / विभाग", "Designation / Department", 27, bold_first=False),
        Column("कर्मचारी कोड", "Employee code", 15),
        Column("उपस्थिति", "Attendance", 13, "centre", bold_first=False),
        Column("हस्ताक्षर", "Signature", 20),
    ]
    table = _Table(canvas, pagesize, columns, header, 11 * mm, "")
    for n, person in enumerate(people, start=1):
        mark = marks.get(person["id"])
        if mark:
            en, hi = STATUS_LABEL.get(mark["status"], (mark["status"], ""))
            time = format_time(mark["marked_at"]) if mark["status"] in ("present", "late") else ""
            status = (hi, f"{en} {time}".strip())
        else:
            status = ("", "")
        table.row(
            [
                str(n),
                (
                    person["name_hi"] or person["name_en"],
                    person["name_en"] if person["name_hi"] else "",
                ),
                (
                    person["designation"] or "",
                    bilingual_department(person["department"], hindi) or "",
                ),
                person["employee_code"] or "",
                status,
                "",
            ]
        )
    if not people:
        table.new_page()
    # Totals and the trainer's signature under the table.
    y = table.y - 8 * mm
    if y < MARGIN + 25 * mm:
        table.new_page()
        y = table.y - 8 * mm
    summary = (
        f"नामांकित / Enrolled: {counts['enrolled']}    उपस्थित / Present: "
        f"{counts['present']}    विलंब / Late: {counts['late']}    अवकाश / Excused: "
        f"{counts['excused']}    अनुपस्थित / Absent: {counts['absent']}"
    )
    writer.draw(canvas, MARGIN, y, summary, 8.5, max_width=pagesize[0] - 2 * MARGIN)
    y -= 16 * mm
    for x, label in (
        (MARGIN, "प्रशिक्षक के हस्ताक्षर / Trainer's signature"),
        (pagesize[0] / 2 + 10 * mm, "पाठ्यक्रम निदेशक / Course director"),
    ):
        canvas.line(x, y + 4 * mm, x + 70 * mm, y + 4 * mm)
        writer.draw(canvas, x, y, label, 8)
    canvas.save()
    return len(people)


def workshop_summary_pdf(store: Store, workshop_id: str, path: Path | str) -> int:
    """Per participant: a mark letter per session, attended / counted, %, eligible and why
    not. Landscape, so a three-day workshop's sessions fit across."""
    workshop = store.require("workshop", workshop_id)
    programme = store.get("programme", workshop["programme_id"]) or {}
    rule = rule_for_programme(store, workshop["programme_id"])
    sessions = sessions_of(store, workshop_id)
    results = {r.participant_id: r for r in evaluate_workshop(store, workshop_id)}
    people = [p for p in enrolled(store, workshop_id) if p["id"] in results]
    marks: dict[tuple[str, str], str] = {}
    for s in sessions:
        for pid, row in session_marks(store, s["id"]).items():
            marks[(s["id"], pid)] = row["status"]
    inst_hi, inst_en = _titles(store, workshop)
    pagesize = landscape(A4)
    canvas = Canvas(str(path), pagesize=pagesize, pageCompression=1)
    canvas.setTitle(f"Workshop summary — {workshop['title_en']}")
    canvas.setSubject(workshop["title_hi"] or "")
    canvas.setCreator("Karmayogi Desk")
    eligible_n = sum(1 for r in results.values() if r.eligible)
    trainers = ", ".join(json.loads(workshop["trainers"] or "[]"))
    generated = now_local()
    rule_text = (
        f"न्यूनतम उपस्थिति / Minimum attendance {rule.min_attendance_pct}%; "
        + (
            "अवकाश वाले सत्र गिने नहीं जाते / excused sessions not counted; "
            if rule.excused_excluded
            else "अवकाश वाले सत्र गिने जाते हैं / excused sessions counted; "
        )
        + (
            "विलंब = उपस्थित / late counts as present"
            if rule.late_counts_present
            else "विलंब उपस्थित नहीं गिना जाता / late does not count as present"
        )
    )

    def header(c: Canvas, y: float, page: int) -> float:
        w = pagesize[0]
        writer.draw(c, w / 2, y - 5 * mm, inst_hi, 12, bold=True, align="centre")
        writer.draw(c, w / 2, y - 10 * mm, inst_en, 9.5, align="centre")
        writer.draw(
            c,
            w / 2,
            y - 17 * mm,
            "कार्यशाला सारांश / Workshop Summary",
            13,
            bold=True,
            align="centre",
        )
        y -= 24 * mm
        title = workshop["title_hi"] or workshop["title_en"]
        if workshop["title_hi"]:
            title += f" ({workshop['title_en']})"
        writer.draw(c, MARGIN, y, title, 10, bold=True, max_width=w - 2 * MARGIN)
        y -= 5 * mm
        line = (
            f"{format_range(workshop['start_date'], workshop['end_date'])}"
            f", {workshop['venue'] or ''}; {programme.get('code') or ''}; "
            f"प्रशिक्षक / Trainers: {trainers}"
        )
        writer.draw(c, MARGIN, y, line, 8.5, max_width=w - 2 * MARGIN)
        y -= 4.6 * mm
        writer.draw(c, MARGIN, y, rule_text, 8.5, max_width=w - 2 * MARGIN)
        y -= 4.6 * mm
        writer.draw(
            c, MARGIN, y, f"पात्र / Eligible: {eligible_n} of {len(people)}", 8.5, bold=True
        )
        _page_footer(
            c,
            pagesize,
            page,
            "P उपस्थित/present  L विलंब/late  E अवकाश/excused  "
            f"A अनुपस्थित/absent  – not marked   ·   Karmayogi Desk, {generated}",
        )
        return y - 3 * mm

    columns = [
        Column("क्र.", "S.No.", 5, "centre"),
        Column("नाम", "Name", 30),
        Column("कोड", "Code", 13),
    ]
    for n, s in enumerate(sessions, start=1):
        columns.append(
            Column(f"S{n}", format_date(s["date"])[:5], 6.5, "centre")  # dd-mm
        )
    columns += [
        Column("उपस्थिति", "Attended", 9, "centre"),
        Column("%", "%", 6, "centre"),
        Column("पात्रता", "Eligible", 34, bold_first=False),
    ]
    table = _Table(canvas, pagesize, columns, header, 9 * mm, "")
    for n, person in enumerate(people, start=1):
        r = results[person["id"]]
        verdict = ("हाँ / Yes", "") if r.eligible else ("नहीं / No", short_reason(r, rule))
        table.row(
            [
                str(n),
                (
                    person["name_hi"] or person["name_en"],
                    person["name_en"] if person["name_hi"] else "",
                ),
                person["employee_code"] or "",
                *[STATUS_LETTER.get(marks.get((s["id"], person["id"])), "?") for s in sessions],
                f"{r.attended}/{r.counted}",
                f"{r.pct:g}",
                verdict,
            ]
        )
    if not people:
        table.new_page()
    canvas.save()
    return len(people)
