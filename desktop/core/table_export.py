"""Any list the desk shows, written to an XLSX workbook or a CSV file (issue 15, item 6).

One writer for every list, so every export is alike: the caller gives the headers and the rows
(already in the order and language the user sees), the file's suffix picks the format. Every
text cell goes through `cells` (a `=HYPERLINK(…)` typed as a designation comes back as text);
numbers stay numbers and dates stay dates — in XLSX as real date cells shown `dd-mm-yyyy`, in
CSV as ISO 8601, as every CSV the desk writes. The workbook is written in openpyxl's write-only
mode (constant memory: the 1.88 million roster rows stream through), into a temporary file
beside the target that replaces it only when complete, so a Cancel or a failure half-way leaves
no half-written file and an older file of that name untouched."""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.core.cells import csv_row, xlsx_row
from desktop.core.progress import Cancelled, Progress
from desktop.text.said import said

FORMATS = ("xlsx", "csv")
#: rows between two progress reports and Cancel checks
STEP = 2000
#: the widest a column is made in the workbook (characters)
MAX_WIDTH = 60
#: data rows per sheet: Excel's 1,048,576 rows less the header; a longer list (the 1.88
#: million roster) goes on into "Roster (2)", headers repeated
SHEET_ROWS = 1_048_575

_DAY = re.compile(r"^(\d{2})-(\d{2})-(\d{4})$")
_MOMENT = re.compile(r"^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_GROUPED = re.compile(r"^-?[1-9]\d{0,2}(,\d{2,3})+$")  # 1,234 and Indian 12,34,567
_PLAIN = re.compile(r"^(0|-?[1-9]\d{0,8})$")  # ≤ 9 digits: counts, not mobiles or ids
_DECIMAL = re.compile(r"^-?\d{1,9}\.\d+$")


class ExportCancelled(Exception):
    """The user pressed Cancel: nothing was written (an older file of the name is kept)."""


def export_format(path: Path) -> str:
    """`xlsx` or `csv`, from the file's suffix; anything else is refused, naming it."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(
            said(
                "{name}: cannot export to a .{suffix} file; name it .xlsx or .csv",
                name=path.name, suffix=suffix or "(no suffix)",
            )
        )
    return suffix


def typed(value: Any) -> Any:
    """A shown value as the cell it stands for: a count shown `1,234` is the number 1234, a
    day shown `05-12-2026` is that date, `05-12-2026 14:34` that moment; anything else
    (codes with leading zeros, 10-digit mobiles, names, `45%`) stays the text it is."""
    if value is None or isinstance(value, (int, float, date)):
        return value
    if not isinstance(value, str):
        return str(value)
    text = value.strip()
    if not text or not (text[0].isdigit() or text[0] == "-"):
        return value  # most cells (names, words): no pattern to try
    if _PLAIN.match(text):
        return int(text)
    if _GROUPED.match(text):
        return int(text.replace(",", ""))
    if _DECIMAL.match(text):
        return float(text)
    match = _DAY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return value
    match = _MOMENT.match(text)
    if match:
        day, month, year, hour, minute = (int(g) for g in match.groups())
        try:
            return datetime(year, month, day, hour, minute)
        except ValueError:
            return value
    if _ISO_DAY.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return value
    return value


def export_table(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    total: int = 0,
    title: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write `headers` and `rows` to `path` (.xlsx or .csv) and return how many rows were
    written. `total` (0 = unknown) is only for `progress`; `title` names the sheet.
    Raises ExportCancelled when `cancelled()` says so, ValueError for an unknown suffix, and
    FileNotFoundError when the folder does not exist (it is never made)."""
    fmt = export_format(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(said(
                "The folder {parent} does not exist; nothing was written.",
                parent=path.parent,
            ))
    fd, temp = tempfile.mkstemp(prefix=".export-", suffix="." + fmt, dir=path.parent)
    os.close(fd)
    try:
        writer = _write_xlsx if fmt == "xlsx" else _write_csv
        count = writer(Path(temp), headers, rows, total, title, progress, cancelled)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return count


def _checked(
    rows: Iterable[Sequence[Any]], total: int, progress: Progress | None,
    cancelled: Cancelled | None,
) -> Iterable[Sequence[Any]]:
    """The rows, with a progress report and a Cancel check every STEP rows."""
    count = 0
    for count, row in enumerate(rows, 1):
        if count % STEP == 0:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            if progress is not None:
                progress(count, total, "rows written")
        yield row
    if cancelled is not None and cancelled():
        raise ExportCancelled()
    if progress is not None:
        progress(count, total or count, "rows written")


def _csv_value(value: Any) -> Any:
    value = typed(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _write_csv(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], total: int, title: str,
    progress: Progress | None, cancelled: Cancelled | None,
) -> int:
    count = 0
    # UTF-8 with a BOM: Excel on Windows then reads the Hindi right
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(csv_row(headers))
        for row in _checked(rows, total, progress, cancelled):
            writer.writerow(csv_row([_csv_value(v) for v in row]))
            count += 1
    return count


def _write_xlsx(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], total: int, title: str,
    progress: Progress | None, cancelled: Cancelled | None,
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E79")
    base = _sheet_title(title)

    def new_sheet(number: int) -> Any:
        name = base if number == 1 else f"{base[:25]} ({number})"
        sheet = book.create_sheet(name)
        sheet.freeze_panes = "A2"
        for column, header in enumerate(headers, 1):  # widths before the first row
            width = min(MAX_WIDTH, max(10, len(str(header)) + 4))
            sheet.column_dimensions[get_column_letter(column)].width = width
        head = []
        for cell in xlsx_row(sheet, headers):
            if not isinstance(cell, Cell):
                cell = WriteOnlyCell(sheet, value=cell)
            cell.font, cell.fill = bold, fill
            head.append(cell)
        sheet.append(head)
        return sheet

    sheets = 1
    sheet = new_sheet(sheets)
    count = in_sheet = 0
    try:
        for row in _checked(rows, total, progress, cancelled):
            if in_sheet == SHEET_ROWS:
                sheets += 1
                sheet, in_sheet = new_sheet(sheets), 0
            values = [typed(v) for v in row]
            if any(isinstance(v, date) for v in values):
                values = [_date_cell(sheet, v) for v in values]
            sheet.append(xlsx_row(sheet, values))
            count += 1
            in_sheet += 1
    except BaseException:
        for each in book.worksheets:
            _discard(each)
        raise
    book.save(path)
    return count


def _discard(sheet: Any) -> None:
    """A write-only sheet stopped half-way: finish its stream and remove the temporary file
    openpyxl streams it to (else both linger until the process ends)."""
    try:
        sheet.close()
        Path(sheet._writer.out).unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 (already failing: the first error is the one to report)
        pass


def _date_cell(sheet: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if not isinstance(value, date):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = "dd-mm-yyyy hh:mm" if isinstance(value, datetime) else "dd-mm-yyyy"
    return cell


def _sheet_title(title: str) -> str:
    """A sheet name Excel accepts: ≤ 31 characters, none of []:*?/\\."""
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", title).strip() or "Export"
    return cleaned[:31]

