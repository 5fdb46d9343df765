"""The monthly review on paper and for machines: XLSX read back, --json equal to it, the
PDF's text in both scripts, and the command's refusals."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from desktop.core.field_visits import create_visit
from desktop.core.report_pdf import write_pdf
from desktop.core.report_xlsx import write_xlsx
from desktop.core.review import build_review
from desktop.store import open_store
from tests.core.review_data import build_dataset

SHEETS = [
    "Funnel",
    "Departments",
    "Districts",
    "Groups",
    "Institutes",
    "Programmes",
    "Trend",
    "Workshops",
    "Nodal officers",
]


def _rows(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]


def test_workbook_read_back(dataset, tmp_path):
    store, _ = dataset
    path = write_xlsx(build_review(store, "2026-11"), tmp_path / "r.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == SHEETS
    assert _rows(book["Funnel"]) == [
        ["Registered", "पंजीकृत", 6, None],
        ["Enrolled", "नामांकित", 5, 83.3],
        ["Attended", "उपस्थित", 3, 60.0],
        ["Completed", "पूर्ण", 2, 66.7],
        ["Certified", "प्रमाणित", 1, 50.0],
    ]
    assert _rows(book["Departments"]) == [
        ["Basic Education", "बेसिक शिक्षा", 2, 2, 0, 0, 0],
        ["Health", "Health", 1, 0, 0, 0, 0],
        ["Revenue", "राजस्व", 3, 3, 3, 2, 1],
    ]
    districts = _rows(book["Districts"])
    assert len(districts) == 76
    assert ["LKO", "Lucknow", "लखनऊ", 3, 3, 2, 1, 1] in districts
    assert _rows(book["Groups"]) == [
        ["Officers (A/B)", "अधिकारी (A/B)", 2, 2, 1, 1, 1],
        ["Staff (C/D)", "कर्मचारी (C/D)", 3, 3, 2, 1, 0],
        ["(not given)", "(अनुल्लिखित)", 1, 0, 0, 0, 0],
    ]
    assert _rows(book["Institutes"]) == [
        ["TST", "Test Institute", "परीक्षण संस्थान", None, 4, 3, 2, 1],
        ["XYZ", "Xyz Centre", "एक्सवाईज़ेड", None, 2, 1, 0, 0],
    ]
    assert _rows(book["Programmes"]) == [
        ["Karma", "कर्म", None, 4, 3, 2, 1],
        ["Mission", "Mission", None, 2, 1, 0, 0],
    ]
    trend = _rows(book["Trend"])
    assert trend[0] == ["2025-12", 6, 0, 0, 0, 0]
    assert trend[-2:] == [["2026-10", 6, 2, 2, 2, 1], ["2026-11", 6, 5, 3, 2, 1]]
    assert [r[6:] for r in _rows(book["Workshops"])] == [[4, 3, 2], [2, 1, "running"]]
    # presentation: frozen headers, numbers stored as numbers, native charts
    assert book["Districts"].freeze_panes == "D2"
    assert book["Departments"]["C2"].data_type == "n"
    assert book["Funnel"]["A1"].font.bold
    assert len(book["Funnel"]._charts) == 1
    assert len(book["Trend"]._charts) == 1
    assert len(book["Departments"]._charts) == 1


def test_json_equals_the_workbook(cli, db_path, tmp_path):
    with open_store(db_path) as store:
        build_dataset(store)
    out = tmp_path / "m.xlsx"
    code, stdout, err = cli(
        "--db", db_path, "--json", "report", "monthly", "--month", "2026-11", "--out", out
    )
    assert code == 0, err
    data = json.loads(stdout)
    assert list(data) == ["month", "funnel", "by_department", "by_district", "by_group", "trend"]
    assert data["month"] == "2026-11"
    assert data["funnel"] == {
        "registered": 6,
        "enrolled": 5,
        "attended": 3,
        "completed": 2,
        "certified": 1,
    }
    book = load_workbook(out)
    steps = ["registered", "enrolled", "attended", "completed", "certified"]
    assert [r[2] for r in _rows(book["Funnel"])] == [data["funnel"][s] for s in steps]
    assert [[r["department"], *(r[s] for s in steps)] for r in data["by_department"]] == [
        [row[0], *row[2:]] for row in _rows(book["Departments"])
    ]
    assert [[r["district_code"], *(r[s] for s in steps)] for r in data["by_district"]] == [
        [row[0], *row[3:]] for row in _rows(book["Districts"])
    ]
    groups = {None: "(not given)", "A/B": "Officers (A/B)", "C/D": "Staff (C/D)"}
    assert [[groups[r["service_group"]], *(r[s] for s in steps)] for r in data["by_group"]] == [
        [row[0], *row[2:]] for row in _rows(book["Groups"])
    ]
    assert [[r["month"], *(r[s] for s in steps)] for r in data["trend"]] == _rows(book["Trend"])
    assert data["by_district"][-1]["district_code"] is None  # "not given" is null


def test_cli_filters_and_refusals(cli, db_path, tmp_path):
    with open_store(db_path) as store:
        build_dataset(store)
    out = tmp_path / "m.xlsx"
    base = ("--db", db_path, "--json", "report", "monthly", "--out", out)
    code, stdout, _ = cli(*base, "--month", "2026-10", "--to", "2026-11")
    assert code == 0 and json.loads(stdout)["funnel"]["completed"] == 4
    code, stdout, _ = cli(*base, "--month", "2026-11", "--department", "Revenue")
    assert code == 0
    assert [r["department"] for r in json.loads(stdout)["by_department"]] == ["Revenue"]
    code, stdout, _ = cli(*base, "--month", "2026-11", "--mode", "field", "--group", "A/B")
    assert code == 0 and json.loads(stdout)["funnel"]["enrolled"] == 1  # p1 in W2
    code, _, err = cli(*base, "--month", "2026-11", "--department", "Revenu")
    assert code == 2 and "--department 'Revenu'" in err
    code, _, err = cli(*base, "--month", "2026-11", "--district", "XXX")
    assert code == 2 and "--district 'XXX'" in err
    code, _, err = cli(*base, "--month", "2026-11", "--to", "2026-10")
    assert code == 2 and "before --month" in err


def test_pdf_text_in_both_scripts(dataset, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    store, _ = dataset
    create_visit(
        store,
        {
            "district_code": "LKO",
            "office": "Tehsil Sadar",
            "department": "Revenue",
            "visit_date": "2026-11-12",
            "purpose": "review",
            "findings": "Two clerks not yet enrolled. उपस्थिति पंजिका अद्यतन नहीं है।",
            "action_points": [
                {"text": "Enrol the clerks", "owner": "Tehsildar", "due_date": "2026-11-20"},
                {"text": "पंजिका अद्यतन करें", "owner": "नायब तहसीलदार", "due_date": "2099-01-10"},
                {"text": "Closed one", "owner": "Nobody", "status": "done"},
            ],
        },
        today="2026-11-12",
    )
    path = write_pdf(store, build_review(store, "2026-11"), tmp_path / "m.pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    for expected in (
        "मासिक समीक्षा",
        "Monthly review",
        "प्रमाणित / Certified",
        "83.3%",
        "लखनऊ / Lucknow",
        "अधिकारी (A/B) / Officers (A/B)",
        "एक्सवाईज़ेड / Xyz Centre",
        "कर्म / Karma",
        "कार्यशाला 2026-11-03",
        "Two clerks not yet enrolled. उपस्थिति पंजिका अद्यतन नहीं है।",
        "Enrol the clerks",
        "Tehsildar",
        "अतिदेय / overdue",
        "पंजिका अद्यतन करें",
        "नायब तहसीलदार",
        "खुला / open",
        "10-01-2099",
    ):
        assert expected in text, expected
    assert "Closed one" not in text
    assert text.count("\f") >= 3  # several pages: 75 districts do not fit on one


def test_workbook_keeps_a_formula_like_department_as_text(dataset, tmp_path):
    """A department name from a user's file that starts with '=' stays text in the review
    workbook: never a live formula (issue 13, formula injection)."""
    import zipfile

    store, _ = dataset
    evil = '=HYPERLINK("http://evil.example/","Click")'
    store.conn.execute("UPDATE participant SET department = ?", (evil,))
    path = write_xlsx(build_review(store, "2026-11"), tmp_path / "r.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any("<f>" in archive.read(n).decode() for n in sheets)
    cells = [c for row in load_workbook(path)["Departments"].iter_rows() for c in row]
    assert any(c.value == evil and c.data_type == "s" for c in cells)
