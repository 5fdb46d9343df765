"""The monthly review as a bilingual A4 PDF, for the review meeting on paper.

Page 1: the funnel (table and bar chart) and the 12-month trend (line chart and table); then
the breakdown tables (department, service group, district, institute, programme), the
period's workshops, field-visit findings and the open or overdue action points with owners.

Text goes through `desktop.core.pdf` so Hindi is shaped and extracts as real Unicode; the
charts (reportlab.graphics) carry only digits and Latin labels, their bilingual titles are
drawn as text above them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor, black, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.core.dates import format_date, format_month, format_range, now_local
from desktop.core.pdf import BOLD, REGULAR, draw_text, fit_font_size, register_fonts, wrap_text
from desktop.core.report_xlsx import STEP_LABELS
from desktop.core.review import STEPS, FunnelRow, Review
from desktop.core.review_field import field_notes
from desktop.fileio import require_folder
from desktop.store import Store

MARGIN = 40.0
ROW = 18.0
HEAD = HexColor("#1F4E79")
BAND = HexColor("#EEF3F8")
RULE = HexColor("#B8C4D0")
SERIES = [HexColor(c) for c in ("#1F4E79", "#2E75B6", "#70AD47", "#ED7D31", "#7030A0")]
WIDTH, HEIGHT = A4
TEXT_WIDTH = WIDTH - 2 * MARGIN
#: below this size (pt) a bilingual name goes on two lines rather than shrink further
READABLE = 7.5

#: A workshop's mode, bilingual like every label on this paper.
MODE_LABEL = {"institute": "संस्थान / Institute", "field": "क्षेत्रीय / Field"}
GROUP_TITLE = {
    "by_department": ("विभागवार", "By department", "विभाग / Department"),
    "by_group": ("सेवा समूहवार", "By service group", "समूह / Group"),
    "by_district": ("जनपदवार", "By district", "जनपद / District"),
    "by_institute": ("संस्थानवार", "By institute", "संस्थान / Institute"),
    "by_programme": ("कार्यक्रमवार", "By programme", "कार्यक्रम / Programme"),
}
STEP_HEADERS = [f"{hi} / {en}" for en, hi in STEP_LABELS.values()]


class _Page:
    """A canvas and the y where the next thing goes; starts a new page when one is full."""

    def __init__(self, canvas: Canvas, footer: str) -> None:
        self.c, self.footer, self.y = canvas, footer, HEIGHT - MARGIN

    def need(self, height: float) -> bool:
        """Make room for `height` points; True when a new page was started."""
        if self.y - height < MARGIN + 14:
            self.new_page()
            return True
        return False

    def new_page(self) -> None:
        self._footer()
        self.c.showPage()
        self.y = HEIGHT - MARGIN

    def _footer(self) -> None:
        n = self.c.getPageNumber()
        draw_text(self.c, MARGIN, MARGIN - 14, self.footer, REGULAR, 7)
        draw_text(self.c, WIDTH - MARGIN, MARGIN - 14, f"{n}", REGULAR, 7, align="right")

    def finish(self) -> None:
        self._footer()
        self.c.save()

    def heading(self, hi: str, en: str, room: float = 80) -> None:
        self.need(22 + room)
        draw_text(self.c, MARGIN, self.y - 14, f"{hi} / {en}", BOLD, 12)
        self.y -= 22


class _Table:
    """Rows of cells under a header row, repeated at the top of each new page."""

    def __init__(
        self, page: _Page, headers: Sequence[str], widths: Sequence[float], numeric_from: int
    ):
        self.p, self.headers, self.widths, self.numeric_from = page, headers, widths, numeric_from
        self.band = False
        self._header()

    def _header(self) -> None:
        """The headers at one size for the whole row; a bilingual header (`हिन्दी / English`)
        on two lines, Hindi above, rather than each squeezed to its own tiny size."""
        c, x, y = self.p.c, MARGIN, self.p.y
        parts = [_two_lines(text) for text in self.headers]
        two = any(len(p) == 2 for p in parts)
        size = min(
            fit_font_size(part, BOLD, 8, width - 6, min_size=5)
            for lines, width in zip(parts, self.widths, strict=True)
            for part in lines
        )
        height = ROW + 4 + (size + 1.5 if two else 0)
        c.setFillColor(HEAD)
        c.rect(MARGIN, y - height, sum(self.widths), height, stroke=0, fill=1)
        c.setFillColor(white)
        for i, (lines, width) in enumerate(zip(parts, self.widths, strict=True)):
            for k, text in enumerate(lines):
                baseline = y - height + 6 + (size + 1.5) * (len(lines) - 1 - k)
                if i >= self.numeric_from:
                    draw_text(c, x + width - 3, baseline, text, BOLD, size, align="right")
                else:
                    draw_text(c, x + 3, baseline, text, BOLD, size)
            x += width
        c.setFillColor(black)
        self.p.y -= height

    def row(self, cells: Sequence[str], *, bold: bool = False) -> None:
        """One row; a bilingual name too long for its column at a readable size goes on two
        lines (Hindi above English) instead of shrinking to a size nobody can read."""
        font = BOLD if bold else REGULAR
        layout = []
        for i, (text, width) in enumerate(zip(cells, self.widths, strict=True)):
            size = fit_font_size(text, font, 8.5, width - 6, min_size=5)
            lines = [text]
            if size < READABLE and i < self.numeric_from and " / " in text:
                lines = _two_lines(text)
                size = min(fit_font_size(t, font, 8.5, width - 6, min_size=5) for t in lines)
            layout.append((lines, size))
        height = ROW + max((len(lines) - 1) * (size + 1) for lines, size in layout)
        if self.p.need(height):
            self._header()
        c, x, y = self.p.c, MARGIN, self.p.y
        if self.band:
            c.setFillColor(BAND)
            c.rect(MARGIN, y - height, sum(self.widths), height, stroke=0, fill=1)
            c.setFillColor(black)
        self.band = not self.band
        for i, ((lines, size), width) in enumerate(zip(layout, self.widths, strict=True)):
            for k, text in enumerate(lines):
                baseline = y - height + 5 + (size + 1) * (len(lines) - 1 - k)
                if i >= self.numeric_from:
                    draw_text(c, x + width - 3, baseline, text, font, size, align="right")
                else:
                    draw_text(c, x + 3, baseline, text, font, size)
            x += width
        c.setStrokeColor(RULE)
        c.line(MARGIN, y - height, MARGIN + sum(self.widths), y - height)
        self.p.y -= height


def _two_lines(text: str) -> list[str]:
    """`हिन्दी / English` as its two halves; other text as it is."""
    hi, sep, en = text.partition(" / ")
    return [hi, en] if sep and hi and en else [text]


def _n(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:g}%"


#: the funnel chart's plot area inside its drawing (its step names go left of FUNNEL_X)
FUNNEL_X, FUNNEL_Y, FUNNEL_H = 92, 10, 130


def _funnel_labels(c: Canvas, x: float, y: float) -> None:
    """The funnel chart's step names, bilingual, beside their bars (the chart draws bars
    bottom-up: the last step lowest)."""
    n = len(STEPS)
    for i, step in enumerate(reversed(STEPS)):
        en, hi = STEP_LABELS[step]
        text = f"{hi} / {en}"
        size = fit_font_size(text, REGULAR, 7.5, FUNNEL_X - 6, min_size=5)
        middle = y + FUNNEL_Y + (i + 0.5) * FUNNEL_H / n
        draw_text(c, x + FUNNEL_X - 4, middle - size / 3, text, REGULAR, size, align="right")


def _legend(c: Canvas, x: float, y: float, pairs: list[tuple[Any, str]]) -> None:
    """A chart's legend as shaped text (reportlab.graphics cannot shape Hindi)."""
    for colour, text in pairs:
        c.setFillColor(colour)
        c.rect(x, y - 1, 8, 8, stroke=0, fill=1)
        c.setFillColor(black)
        draw_text(c, x + 12, y, text, REGULAR, 7.5)
        y -= 14


def _funnel_chart(row: FunnelRow) -> Drawing:
    d = Drawing(250, 150)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = FUNNEL_X, FUNNEL_Y, 150, FUNNEL_H
    chart.data = [[getattr(row, s) or 0 for s in reversed(STEPS)]]
    # the step names are drawn beside the chart as shaped text, in both scripts
    chart.categoryAxis.categoryNames = ["" for _ in STEPS]
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = SERIES[0]
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 8
    d.add(chart)
    return d


def _trend_chart(rows: list[FunnelRow]) -> Drawing:
    d = Drawing(TEXT_WIDTH, 170)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, TEXT_WIDTH - 150, 130
    steps = STEPS[1:]  # the roster dwarfs the rest; it is in the table below
    chart.data = [[getattr(r, s) for r in rows] for s in steps]
    chart.categoryAxis.categoryNames = [format_month(r.key) for r in rows]
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    for i in range(len(steps)):
        chart.lines[i].strokeColor = SERIES[i + 1]
        chart.lines[i].strokeWidth = 1.5
    d.add(chart)
    return d


def _trend_legend() -> list[tuple[Any, str]]:
    return [
        (SERIES[i + 1], f"{STEP_LABELS[s][1]} / {STEP_LABELS[s][0]}")
        for i, s in enumerate(STEPS[1:])
    ]


def _title(page: _Page, review: Review, store: Store) -> None:
    c, y = page.c, page.y
    draw_text(c, WIDTH / 2, y - 16, "मासिक समीक्षा", BOLD, 18, align="center")
    draw_text(c, WIDTH / 2, y - 34, "Monthly review", BOLD, 14, align="center")
    period = (
        f"माह / Month: {format_month(review.month)}"
        if review.to_month == review.month
        else f"माह / Months: {format_month(review.month)} – {format_month(review.to_month)}"
    )
    draw_text(
        c,
        WIDTH / 2,
        y - 50,
        f"{period}  ({format_range(review.first_day, review.last_day)})",
        REGULAR,
        10,
        align="center",
    )
    page.y = y - 60
    f = review.filters
    parts = []
    if f.department:
        from desktop.core.lookups import department_names_hi

        hi = department_names_hi(store).get(f.department)
        parts.append(f"विभाग / Department: {hi + ' / ' if hi else ''}{f.department}")
    if f.district_code:
        from desktop.core.lookups import district_names

        en, hi = district_names(store).get(f.district_code, (f.district_code, ""))
        parts.append(f"जनपद / District: {hi} / {en}")
    if f.institute_code:
        parts.append(f"संस्थान / Institute: {f.institute_code}")
    if f.mode:
        parts.append(f"प्रकार / Mode: {MODE_LABEL[f.mode]}")
    if f.service_group:
        parts.append(f"समूह / Group: {f.service_group}")
    if f.department:
        for o in review.nodal_officers:
            who = ", ".join(x for x in (o.name, o.designation, o.phone, o.email) if x)
            parts.append(f"नोडल अधिकारी / Nodal officer: {who}")
    for text in parts:
        size = fit_font_size(text, REGULAR, 9, TEXT_WIDTH)
        draw_text(c, WIDTH / 2, page.y - 6, text, REGULAR, size, align="center")
        page.y -= 13
    page.y -= 3 if parts else 0


def _funnel(page: _Page, review: Review) -> None:
    page.heading("प्रगति", "The funnel", room=160)
    top = page.y
    table = _Table(page, ["चरण / Step", "संख्या / Count", "% पिछला / of before"], [110, 70, 80], 1)
    shares = review.funnel.shares()
    for step, header in zip(STEPS, STEP_HEADERS, strict=True):
        table.row([header, _n(getattr(review.funnel, step)), _pct(shares[step])])
    renderPDF.draw(_funnel_chart(review.funnel), page.c, MARGIN + 265, top - 150)
    _funnel_labels(page.c, MARGIN + 265, top - 150)
    page.y = min(page.y, top - 150) - 12


def _trend(page: _Page, review: Review) -> None:
    page.heading("पिछले 12 माह", "The last 12 months", room=170 + ROW * 4)
    renderPDF.draw(_trend_chart(review.trend), page.c, MARGIN, page.y - 170)
    _legend(page.c, MARGIN + TEXT_WIDTH - 100, page.y - 20, _trend_legend())
    page.y -= 176
    table = _Table(page, ["माह / Month", *STEP_HEADERS], [90] + [85] * len(STEPS), 1)
    for row in review.trend:
        table.row([format_month(row.key), *(_n(v) for v in row.counts().values())])
    page.y -= 12


def _breakdown(page: _Page, attr: str, rows: list[FunnelRow]) -> None:
    hi, en, header = GROUP_TITLE[attr]
    page.heading(hi, en)
    table = _Table(page, [header, *STEP_HEADERS], [190] + [65] * len(STEPS), 1)
    for row in rows:
        if row.label_hi and row.label_hi != row.label_en:
            name = f"{row.label_hi} / {row.label_en}"
        else:
            name = row.label_en
        table.row([name, *(_n(v) for v in row.counts().values())])
    if not rows:
        table.row(["— कोई नहीं / none —", *[""] * len(STEPS)])
    page.y -= 12


def _workshops(page: _Page, review: Review) -> None:
    page.heading("अवधि की कार्यशालाएँ", "Workshops in the period")
    table = _Table(
        page,
        [
            "कार्यशाला / Workshop",
            "प्रकार / Mode",
            "दिनांक / Dates",
            "नामांकित / Enrolled",
            "उपस्थित / Attended",
            "पूर्ण / Completed",
        ],
        [165, 70, 100, 60, 60, 60],
        3,
    )
    for w in review.workshops:
        table.row(
            [
                w.title_hi or w.title_en,
                MODE_LABEL.get(w.mode, w.mode),
                format_range(w.start_date, w.end_date),
                _n(w.enrolled),
                _n(w.attended),
                "जारी / running" if w.completed is None else _n(w.completed),
            ]
        )
    if not review.workshops:
        table.row(["— कोई नहीं / none —", "", "", "", "", ""])
    page.y -= 12


def _field(page: _Page, review: Review, store: Store) -> None:
    findings, points = field_notes(
        store, review.first_day, review.last_day, review.filters.department
    )
    page.heading("क्षेत्र भ्रमण के निष्कर्ष", "Field-visit findings", room=40)
    c = page.c
    if not findings:
        draw_text(c, MARGIN, page.y - 10, "— कोई नहीं / none —", REGULAR, 9)
        page.y -= 20
    for f in findings:
        place = f"{f.district_hi} / {f.district_en}" if f.district_hi else f.district_en
        head = f"{format_date(f.visit_date)} · {place} · {f.office}"
        lines = wrap_text(f.findings or "—", REGULAR, 9, TEXT_WIDTH - 12)
        page.need(14 + 12 * len(lines))
        draw_text(c, MARGIN, page.y - 10, head, BOLD, 9)
        page.y -= 14
        for line in lines:
            page.need(12)
            draw_text(c, MARGIN + 12, page.y - 9, line, REGULAR, 9)
            page.y -= 12
        page.y -= 4
    page.y -= 8
    page.heading("खुले एवं अतिदेय कार्य बिंदु", "Open and overdue action points")
    table = _Table(
        page,
        [
            "कार्य बिंदु / Action point",
            "ज़िम्मेदार / Owner",
            "नियत / Due",
            "स्थिति / Status",
            "भ्रमण / Visit",
        ],
        [205, 95, 60, 65, 90],
        5,
    )
    for p in points:
        table.row(
            [
                p.text,
                p.owner,
                format_date(p.due_date) if p.due_date else "—",
                "अतिदेय / overdue" if p.overdue else "खुला / open",
                f"{format_date(p.visit_date)} {p.office}",
            ]
        )
    if not points:
        table.row(["— कोई नहीं / none —", "", "", "", ""])


def _nodal_officers(page: _Page, review: Review) -> None:
    rows = review.nodal_officers
    if not rows:
        return
    page.y -= 12
    page.heading("नोडल अधिकारी", "Nodal officers")
    table = _Table(
        page,
        ["विभाग / Department", "नाम / Name", "पद / Designation", "फ़ोन / Phone", "ई-मेल / E-mail"],
        [120, 110, 100, 70, 115],
        5,
    )
    for o in rows:
        table.row([o.department, o.name, o.designation, o.phone, o.email])


def write_pdf(store: Store, review: Review, path: Path) -> Path:
    register_fonts()
    require_folder(path)  # a mistyped folder is refused, never created
    c = Canvas(str(path), pagesize=A4)
    c.setTitle(f"मासिक समीक्षा / Monthly review {review.month}")
    c.setAuthor("Karmayogi Desk")
    page = _Page(c, f"Karmayogi Desk · {now_local()}")  # the reader's local time
    _title(page, review, store)
    _funnel(page, review)
    _trend(page, review)
    for attr in ("by_department", "by_group", "by_district", "by_institute", "by_programme"):
        _breakdown(page, attr, getattr(review, attr))
    _workshops(page, review)
    _field(page, review, store)
    if not review.filters.department:
        _nodal_officers(page, review)
    page.finish()
    return path
