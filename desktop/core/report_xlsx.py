"""The monthly review as an XLSX workbook (openpyxl): one sheet per table, native charts.

Sheets: Funnel (with a bar chart), Departments, Districts, Groups, Institutes, Programmes,
Trend (with a line chart), Workshops, Nodal officers. Headers are bilingual and frozen; counts are numbers;
a step with no meaning for a row (the roster per institute) is left empty, not 0."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.cells import xlsx_row
from desktop.core.review import STEPS, FunnelRow, Review
from desktop.fileio import require_folder

_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_HEADER_FONT = Font(bold=True, color="FFFFFF")

#: step → (English, Hindi), the same words on every paper of the review.
STEP_LABELS = {
    "registered": ("Registered", "पंजीकृत"),
    "enrolled": ("Enrolled", "नामांकित"),
    "attended": ("Attended", "उपस्थित"),
    "completed": ("Completed", "पूर्ण"),
    "certified": ("Certified", "प्रमाणित"),
}
STEP_HEADERS = [f"{en} / {hi}" for en, hi in STEP_LABELS.values()]

#: sheet title → (the review's attribute, key header or None, name headers)
BREAKDOWNS: list[tuple[str, str, str | None]] = [
    ("Departments", "by_department", None),
    ("Districts", "by_district", "Code"),
    ("Groups", "by_group", None),
    ("Institutes", "by_institute", "Code"),
    ("Programmes", "by_programme", None),
]
NAME_HEADERS = {
    "by_department": ("Department", "विभाग"),
    "by_district": ("District", "जनपद"),
    "by_group": ("Group", "समूह"),
    "by_institute": ("Institute", "संस्थान"),
    "by_programme": ("Programme", "कार्यक्रम"),
}


def _header(sheet: Worksheet, titles: list[str], freeze: str = "A2") -> None:
    _append(sheet, titles)
    for cell in sheet[1]:
        cell.fill, cell.font = _HEADER_FILL, _HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = freeze


def _widths(sheet: Worksheet, widths: list[int]) -> None:
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


def _funnel_sheet(book: Workbook, review: Review) -> None:
    sheet = book.active
    sheet.title = "Funnel"
    _header(sheet, ["Step", "चरण", "Count / संख्या", "% of step before / पिछले चरण का %"])
    shares = review.funnel.shares()
    for step in STEPS:
        en, hi = STEP_LABELS[step]
        _append(sheet, [en, hi, getattr(review.funnel, step), shares[step]])
    _widths(sheet, [14, 14, 16, 22])
    chart = BarChart()
    chart.type = "bar"
    chart.title = f"Funnel {review.month}" + (
        f" – {review.to_month}" if review.to_month != review.month else ""
    )
    chart.y_axis.title = "Participants"
    chart.x_axis.scaling.orientation = "maxMin"  # registered on top, as a funnel reads
    chart.legend = None
    chart.add_data(
        Reference(sheet, min_col=3, min_row=1, max_row=len(STEPS) + 1), titles_from_data=True
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(STEPS) + 1))
    chart.height, chart.width = 8, 16
    sheet.add_chart(chart, "F2")


def _breakdown_sheet(
    book: Workbook, title: str, attr: str, code: str | None, rows: list[FunnelRow]
) -> None:
    sheet = book.create_sheet(title)
    en, hi = NAME_HEADERS[attr]
    head = ([code] if code else []) + [en, hi] + STEP_HEADERS
    _header(sheet, head, freeze=f"{get_column_letter(len(head) - len(STEPS) + 1)}2")
    for row in rows:
        key = [row.key or None] if code else []
        _append(sheet, key + [row.label_en, row.label_hi, *row.counts().values()])
    _widths(sheet, ([8] if code else []) + [34, 34] + [14] * len(STEPS))
    if attr == "by_department" and rows:
        chart = BarChart()
        chart.title = "Enrolled and completed by department"
        first = len(head) - len(STEPS) + 1
        for step in ("enrolled", "completed"):
            col = first + STEPS.index(step)
            chart.add_data(
                Reference(sheet, min_col=col, min_row=1, max_row=len(rows) + 1),
                titles_from_data=True,
            )
        chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(rows) + 1))
        chart.height, chart.width = 9, 20
        sheet.add_chart(chart, f"{get_column_letter(len(head) + 2)}2")


def _trend_sheet(book: Workbook, review: Review) -> None:
    sheet = book.create_sheet("Trend")
    _header(sheet, ["Month / माह", *STEP_HEADERS], freeze="B2")
    for row in review.trend:
        _append(sheet, [row.key, *row.counts().values()])
    _widths(sheet, [12] + [14] * len(STEPS))
    chart = LineChart()
    chart.title = "The funnel month by month"
    chart.y_axis.title = "Participants"
    n = len(review.trend)
    chart.add_data(
        Reference(sheet, min_col=3, max_col=6, min_row=1, max_row=n + 1), titles_from_data=True
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=n + 1))
    chart.height, chart.width = 9, 20
    sheet.add_chart(chart, "H2")


def _workshop_sheet(book: Workbook, review: Review) -> None:
    sheet = book.create_sheet("Workshops")
    _header(
        sheet,
        [
            "Workshop",
            "कार्यशाला",
            "Mode / प्रकार",
            "Institute / संस्थान",
            "From",
            "To",
            "Enrolled / नामांकित",
            "Attended / उपस्थित",
            "Completed / पूर्ण",
        ],
    )
    for w in review.workshops:
        _append(sheet,
            [
                w.title_en,
                w.title_hi or "",
                w.mode,
                w.institute_code,
                w.start_date,
                w.end_date,
                w.enrolled,
                w.attended,
                "running" if w.completed is None else w.completed,
            ]
        )
    _widths(sheet, [36, 36, 12, 12, 12, 12, 14, 14, 14])


def _nodal_sheet(book: Workbook, review: Review) -> None:
    sheet = book.create_sheet("Nodal officers")
    _header(
        sheet,
        ["Department / विभाग", "Name / नाम", "Designation / पद", "Phone / फ़ोन", "E-mail / ई-मेल"],
    )
    for o in review.nodal_officers:
        _append(sheet, [o.department, o.name, o.designation, o.phone, o.email])
    _widths(sheet, [30, 28, 26, 14, 30])


def write_xlsx(review: Review, path: Path) -> Path:
    book = Workbook()
    _funnel_sheet(book, review)
    for title, attr, code in BREAKDOWNS:
        _breakdown_sheet(book, title, attr, code, getattr(review, attr))
    _trend_sheet(book, review)
    _workshop_sheet(book, review)
    _nodal_sheet(book, review)
    book.properties.title = f"Monthly review {review.month}"
    require_folder(path)  # a mistyped folder is refused, never created
    book.save(path)
    return path


def _append(sheet, values) -> None:
    """Every row goes through the formula guard: department, workshop and officer names come
    from users' files (a name starting with = stays text, never a live formula)."""
    sheet.append(xlsx_row(sheet, values))
