"""The certificate register as a spreadsheet (XLSX), for the office file and audits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from desktop.core.cells import xlsx_row

COLUMNS = (
    ("number", "Certificate No."),
    ("name_en", "Name"),
    ("name_hi", "नाम"),
    ("employee_code", "Employee code"),
    ("workshop_en", "Workshop"),
    ("issued_at", "Issued at (UTC)"),
    ("status", "Status"),
    ("revoked_at", "Revoked at (UTC)"),
    ("revocation_reason", "Reason"),
    ("pdf_sha256", "PDF SHA-256"),
)


def write_register_xlsx(rows: list[dict[str, Any]], path: Path | str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Certificates"
    ws.append([title for _, title in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        values = dict(row, status="revoked" if row.get("revoked_at") else "valid")
        ws.append(xlsx_row(ws, [values.get(key) or "" for key, _ in COLUMNS]))
    widths = (20, 28, 28, 14, 30, 24, 9, 24, 30, 66)
    for i, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A2"
    path = Path(path)
    wb.save(path)
    return path
