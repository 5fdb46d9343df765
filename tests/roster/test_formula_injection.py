"""Issue 13 item 7: text that a spreadsheet would run as a formula is exported as text, in
every CSV and XLSX the desk writes."""

from __future__ import annotations

import csv
import zipfile

import openpyxl
import pytest

from desktop.core.cells import csv_cell, unescape_csv_cell
from desktop.core.roster.export import export_roster
from desktop.core.roster.importer import import_roster

EVIL = '=HYPERLINK("http://evil.example/","Click")'


@pytest.fixture
def evil_roster(store, tmp_path):
    path = tmp_path / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name (English)", "Employee Code", "Designation", "Department"])
        writer.writerow(["Ramesh Kumar", "F1", EVIL, "@SUM(1+1)"])
        writer.writerow(["-Sita Devi", "F2", "+91 clerk", "Revenue"])
    result = import_roster(store, path)
    assert result.created == 2
    return store


def _sheet_xml(path):
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if "worksheets/" in n
        )


@pytest.mark.parametrize("layout", ["kd", "igot"])
def test_xlsx_export_has_no_formula(evil_roster, tmp_path, layout):
    out = tmp_path / f"out-{layout}.xlsx"
    export_roster(evil_roster, out, layout)
    assert "<f>" not in _sheet_xml(out)
    sheet = openpyxl.load_workbook(out).active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value]
    evil = [c for c in cells if c.value == EVIL]
    assert len(evil) == 1
    assert evil[0].data_type == "s"
    assert all(c.data_type == "s" for c in cells if str(c.value)[:1] in "=+-@")


@pytest.mark.parametrize("layout", ["kd", "igot"])
def test_csv_export_prefixes_formula_like_text(evil_roster, tmp_path, layout):
    out = tmp_path / f"out-{layout}.csv"
    export_roster(evil_roster, out, layout)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        cells = [c for row in list(csv.reader(handle))[1:] for c in row if c]
    assert "'" + EVIL in cells
    assert EVIL not in cells
    assert not any(c[:1] in "=+-@" for c in cells)


def test_kd_csv_round_trip_keeps_the_text(evil_roster, tmp_path, store):
    out = tmp_path / "out.csv"
    export_roster(evil_roster, out, "kd")
    evil_roster.conn.execute("UPDATE participant SET designation = 'x' WHERE employee_code='F1'")
    result = import_roster(evil_roster, out)
    assert result.updated == 1
    row = evil_roster.conn.execute(
        "SELECT designation FROM participant WHERE employee_code = 'F1' AND deleted = 0"
    ).fetchone()
    assert row[0] == EVIL


def test_import_report_is_safe(store, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(f'Name (English),Designation\n"{EVIL.replace(chr(34), 2 * chr(34))}",x\n')
    report = tmp_path / "report.csv"
    import_roster(store, path, report=report)
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][0] == "'" + EVIL


def test_certificate_register_is_safe(tmp_path):
    from desktop.core.certificates.register import write_register_xlsx

    out = write_register_xlsx([{"number": "C-1", "name_en": EVIL}], tmp_path / "reg.xlsx")
    assert "<f>" not in _sheet_xml(out)
    cell = openpyxl.load_workbook(out).active["B2"]
    assert (cell.value, cell.data_type) == (EVIL, "s")


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@x", "\t=1"])
def test_helper_round_trip(text):
    assert csv_cell(text) == "'" + text
    assert unescape_csv_cell(csv_cell(text)) == text
    assert csv_cell("Ramesh") == "Ramesh"
    assert csv_cell(42) == 42
