"""The one writer of any shown list to XLSX and CSV: formula-safe, typed, all or nothing."""

from __future__ import annotations

import csv
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop.core.table_export import ExportCancelled, export_table, typed

EVIL = '=HYPERLINK("http://evil.example/","Click")'
HEADERS = ["Name", "Designation", "Enrolled", "Mobile", "Code", "Date", "Marked"]
ROWS = [
    ["सीता", EVIL, "1,234", "9876543210", "00123", "05-12-2026", "05-12-2026 14:34"],
    ["Ram", "+91 call", "7", "", "EMP0002", "2026-11-30", "—"],
]


@pytest.mark.parametrize(
    "shown, value",
    [
        ("1,234", 1234),
        ("12,34,567", 1234567),  # Indian grouping
        ("7", 7),
        ("0", 0),
        ("2.5", 2.5),
        ("05-12-2026", date(2026, 12, 5)),
        ("2026-11-30", date(2026, 11, 30)),
        ("05-12-2026 14:34", datetime(2026, 12, 5, 14, 34)),
        ("9876543210", "9876543210"),  # a mobile is an id, not a quantity
        ("00123", "00123"),  # a leading zero would be lost
        ("31-02-2026", "31-02-2026"),  # not a day: kept as typed
        ("45%", "45%"),
        ("EMP0002", "EMP0002"),
        (None, None),
        (12, 12),
    ],
)
def test_typed_cells(shown, value):
    assert typed(shown) == value
    assert type(typed(shown)) is type(value)


def test_xlsx_keeps_numbers_dates_and_formula_text(tmp_path):
    path = tmp_path / "list.xlsx"
    assert export_table(path, HEADERS, ROWS, title="Roster") == 2
    book = load_workbook(path)
    sheet = book["Roster"]
    assert [c.value for c in sheet[1]] == HEADERS
    assert sheet.freeze_panes == "A2"
    first = sheet[2]
    assert first[0].value == "सीता"
    assert first[1].value == EVIL and first[1].data_type == "s"  # text, never a formula
    assert first[2].value == 1234 and first[2].data_type == "n"
    assert first[3].value == "9876543210" and first[3].data_type == "s"
    assert first[4].value == "00123"
    assert first[5].value == datetime(2026, 12, 5) and first[5].is_date
    assert first[5].number_format == "dd-mm-yyyy"
    assert first[6].value == datetime(2026, 12, 5, 14, 34)
    second = sheet[3]
    assert second[1].value == "+91 call" and second[1].data_type == "s"
    assert second[5].value == datetime(2026, 11, 30) and second[5].is_date
    # nothing anywhere became a formula
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_csv_is_utf8_with_bom_and_defuses_formulas(tmp_path):
    path = tmp_path / "list.csv"
    export_table(path, HEADERS, ROWS)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == HEADERS
    assert rows[1] == ["सीता", "'" + EVIL, "1234", "9876543210", "00123", "2026-12-05",
                       "2026-12-05 14:34"]
    assert rows[2][1] == "'+91 call"


def test_cancel_writes_nothing_and_keeps_an_older_file(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"older")
    seen = []

    def rows():
        for i in range(10_000):
            yield [f"P{i}", i]

    with pytest.raises(ExportCancelled):
        export_table(
            path, ["Name", "N"], rows(), total=10_000,
            progress=lambda done, total, what: seen.append((done, total)),
            cancelled=lambda: len(seen) >= 2,
        )
    assert path.read_bytes() == b"older"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.xlsx"]  # no temp file left
    assert seen[:2] == [(2000, 10_000), (4000, 10_000)]


def test_progress_reaches_the_end(tmp_path):
    seen = []
    n = export_table(tmp_path / "l.csv", ["N"], ([i] for i in range(4500)), total=4500,
                     progress=lambda done, total, what: seen.append(done))
    assert n == 4500 and seen == [2000, 4000, 4500]


def test_unknown_suffix_and_missing_folder_are_refused(tmp_path):
    with pytest.raises(ValueError, match=r"list\.ods.*\.xlsx or \.csv"):
        export_table(tmp_path / "list.ods", ["A"], [])
    with pytest.raises(FileNotFoundError, match="does not exist"):
        export_table(tmp_path / "nowhere" / "list.csv", ["A"], [])
    assert list(tmp_path.iterdir()) == []


def test_a_list_longer_than_a_sheet_goes_on_in_the_next(tmp_path, monkeypatch):
    from desktop.core import table_export

    monkeypatch.setattr(table_export, "SHEET_ROWS", 3)  # Excel's 1,048,575 in small
    path = tmp_path / "long.xlsx"
    assert export_table(path, ["N"], ([i] for i in range(1, 8)), title="Roster") == 7
    book = load_workbook(path)
    assert book.sheetnames == ["Roster", "Roster (2)", "Roster (3)"]
    assert [[c.value for c in r] for r in book["Roster (2)"].iter_rows()] == [["N"], [4], [5], [6]]
    assert [[c.value for c in r] for r in book["Roster (3)"].iter_rows()] == [["N"], [7]]
