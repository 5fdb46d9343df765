"""The monthly review as a bilingual A4 PDF: a department table and a workshop table.

Text goes through `desktop.core.pdf` so Hindi is shaped and extracts as real Unicode."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.core.dates import format_month, format_range, now_local
from desktop.core.pdf import BOLD, REGULAR, draw_text, fit_font_size, register_fonts
from desktop.core.reports import MonthlyReport
from desktop.fileio import require_folder

MARGIN = 40.0
ROW = 26.0
HEAD = HexColor("#1F4E79")
BAND = HexColor("#EEF3F8")
RULE = HexColor("#B8C4D0")


class _Table:
    """Draws rows of cells, starting a new page (with the header again) when one is full."""

    def __init__(self, canvas: Canvas, headers: list[str], widths: list[float], numeric_from: int):
        self.c, self.headers, self.widths, self.numeric_from = canvas, headers, widths, numeric_from
        self.y = 0.0
        self.band = False

    def start(self, y: float) -> None:
        self.y = y
        self._header()

    def _header(self) -> None:
        c, x = self.c, MARGIN
        c.setFillColor(HEAD)
        c.rect(MARGIN, self.y - ROW, sum(self.widths), ROW, stroke=0, fill=1)
        c.setFillColor(white)
        for text, width in zip(self.headers, self.widths, strict=True):
            size = fit_font_size(text, BOLD, 9, width - 8)
            draw_text(c, x + 4, self.y - ROW + 9, text, BOLD, size)
            x += width
        c.setFillColor(HexColor("#000000"))
        self.y -= ROW

    def row(self, cells: list[str], *, bold: bool = False) -> None:
        if self.y - ROW < MARGIN + 20:
            self.c.showPage()
            self.y = A4[1] - MARGIN
            self._header()
        c, x = self.c, MARGIN
        if self.band:
            c.setFillColor(BAND)
            c.rect(MARGIN, self.y - ROW, sum(self.widths), ROW, stroke=0, fill=1)
            c.setFillColor(HexColor("#000000"))
        self.band = not self.band
        font = BOLD if bold else REGULAR
        for i, (text, width) in enumerate(zip(cells, self.widths, strict=True)):
            size = fit_font_size(text, font, 9, width - 8, min_size=6)
            if i >= self.numeric_from:
                draw_text(c, x + width - 4, self.y - ROW + 9, text, font, size, align="right")
            else:
                draw_text(c, x + 4, self.y - ROW + 9, text, font, size)
            x += width
        c.setStrokeColor(RULE)
        c.line(MARGIN, self.y - ROW, MARGIN + sum(self.widths), self.y - ROW)
        self.y -= ROW


#: A workshop's mode, bilingual like every label on this paper.
MODE_LABEL = {"institute": "संस्थान / Institute", "field": "क्षेत्रीय / Field"}

def write_pdf(report: MonthlyReport, path: Path) -> Path:
    register_fonts()
    require_folder(path)  # a mistyped folder is refused, never created
    c = Canvas(str(path), pagesize=A4)
    c.setTitle(f"मासिक विभागीय समीक्षा / Monthly department review {report.month}")
    c.setAuthor("Karmayogi Desk")
    width, height = A4
    y = height - MARGIN
    draw_text(c, width / 2, y - 16, "मासिक विभागीय समीक्षा", BOLD, 18, align="center")
    draw_text(c, width / 2, y - 36, "Monthly department review", BOLD, 14, align="center")
    draw_text(
        c,
        width / 2,
        y - 54,
        f"माह / Month: {format_month(report.month)}  "
        f"({format_range(report.first_day, report.last_day)})",
        REGULAR,
        10,
        align="center",
    )
    total = report.total
    draw_text(
        c,
        width / 2,
        y - 74,
        # » rather than →: the bundled font has no arrows
        f"पंजीकृत / Registered {total.registered}  »  नामांकित / Enrolled {total.enrolled}"
        f"  »  पूर्ण / Completed {total.completed}",
        BOLD,
        11,
        align="center",
    )
    table = _Table(
        c,
        [
            "विभाग / Department",
            "पंजीकृत / Registered",
            "नामांकित / Enrolled",
            "पूर्ण / Completed",
            "% पूर्ण",
        ],
        [251, 75, 70, 70, 49],
        numeric_from=1,
    )
    table.start(y - 92)
    for row in report.departments:
        name = f"{row.department_hi} / {row.department}" if row.department_hi else row.department
        table.row(
            [
                name,
                str(row.registered),
                str(row.enrolled),
                str(row.completed),
                f"{row.completion_pct:g}%",
            ]
        )
    table.row(
        [
            "कुल / Total",
            str(total.registered),
            str(total.enrolled),
            str(total.completed),
            f"{total.completion_pct:g}%",
        ],
        bold=True,
    )

    y = table.y - 30
    if y < MARGIN + 120:
        c.showPage()
        y = height - MARGIN
    draw_text(c, MARGIN, y, "माह की कार्यशालाएँ / Workshops in the month", BOLD, 12)
    workshops = _Table(
        c,
        [
            "कार्यशाला / Workshop",
            "प्रकार / Mode",
            "दिनांक / Dates",
            "नामांकित / Enrolled",
            "पूर्ण / Completed",
        ],
        [185, 75, 120, 70, 65],
        numeric_from=3,
    )
    workshops.start(y - 8)
    for w in report.workshops:
        title = w.title_hi or w.title_en
        workshops.row(
            [
                title,
                MODE_LABEL.get(w.mode, w.mode),
                format_range(w.start_date, w.end_date),
                str(w.enrolled),
                "जारी / running" if w.completed is None else str(w.completed),
            ]
        )
    if not report.workshops:
        workshops.row(["— कोई नहीं / none —", "", "", "", ""])
    stamp = now_local()  # the reader's local time, in the one date style
    draw_text(c, MARGIN, MARGIN - 10, f"Karmayogi Desk · {stamp}", REGULAR, 7)
    c.save()
    return path
