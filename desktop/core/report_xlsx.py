"""The monthly review as an XLSX workbook (openpyxl): departments and workshops sheets."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop.core.reports import MonthlyReport
from desktop.fileio import require_folder

_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_HEADER_FONT = Font(bold=True, color="FFFFFF")


def _header(sheet, titles: list[str]) -> None:
    sheet.append(titles)
    for cell in sheet[1]:
        cell.fill, cell.font = _HEADER_FILL, _HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = "A2"


def _widths(sheet, widths: list[int]) -> None:
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


def write_xlsx(report: MonthlyReport, path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Departments"
    _header(
        sheet,
        [
            "Department",
            "विभाग",
            "Registered / पंजीकृत",
            "Enrolled / नामांकित",
            "Completed / पूर्ण",
            "Completion % / पूर्णता %",
        ],
    )
    for row in [*report.departments, report.total]:
        sheet.append(
            [
                row.department,
                row.department_hi or "",
                row.registered,
                row.enrolled,
                row.completed,
                row.completion_pct,
            ]
        )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    _widths(sheet, [36, 36, 16, 16, 16, 18])

    ws = book.create_sheet("Workshops")
    _header(
        ws,
        ["Workshop", "कार्यशाला", "Mode", "From", "To", "Enrolled / नामांकित", "Completed / पूर्ण"],
    )
    for w in report.workshops:
        ws.append(
            [
                w.title_en,
                w.title_hi or "",
                w.mode,
                w.start_date,
                w.end_date,
                w.enrolled,
                "running" if w.completed is None else w.completed,
            ]
        )
    _widths(ws, [40, 40, 10, 12, 12, 16, 16])
    book.properties.title = f"Monthly review {report.month}"
    require_folder(path)  # a mistyped folder is refused, never created
    book.save(path)
    return path
