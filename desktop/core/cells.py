"""Cells the desk writes into CSV and XLSX files, made safe for spreadsheets.

A cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return, which Excel skips
before one) is taken by Excel and LibreOffice as a formula: a designation typed as
`=HYPERLINK("http://evil.example/","Click")` would come back out as a live link. Every export
goes through these helpers so such a cell is shown as the text it is: in CSV with a leading
apostrophe (what spreadsheets themselves use to mark text), in XLSX as a string cell."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    """True for text a spreadsheet would evaluate as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_cell(value: Any) -> Any:
    """A CSV cell: formula-like text gets a leading apostrophe, anything else is unchanged."""
    return "'" + value if is_formula_like(value) else value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


def unescape_csv_cell(value: str) -> str:
    """The reverse of `csv_cell`, for reading our own exports back in."""
    if value[:1] == "'" and value[1:2] and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def xlsx_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """Values for `sheet.append`: formula-like text becomes a string cell (never a formula);
    works for normal and write-only sheets."""
    from openpyxl.cell import WriteOnlyCell

    out: list[Any] = []
    for value in values:
        if is_formula_like(value):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            cell.quotePrefix = True  # Excel's own "typed with an apostrophe": stays text on edit
            out.append(cell)
        else:
            out.append(value)
    return out
