"""Issue 13 item 1: every column with data is used or named (one header vocabulary for every
layout; an unknown column holding data refuses the import until --map/--ignore decide)."""

from __future__ import annotations

import csv
import json

import openpyxl
import pytest

from desktop.core.roster.fields import HEADER_ALIASES, normalise_header, propose_mapping
from desktop.core.roster.importer import import_roster, preview_file
from desktop.core.roster.readers import UnmappedColumns

DEPT_HEADER = [
    "Full Name",
    "Name (Hindi)",
    "Employee ID",
    "Mobile Number",
    "Email",
    "Designation",
    "Department",
    "District",
    "Group",
]
DEPT_ROWS = [
    ["Ramesh Kumar", "रमेश कुमार", "E1001", "9876500001", "r1@up.gov.in", "Clerk", "Revenue",
     "Lucknow", "Group C"],
    ["Sita Devi", "सीता देवी", "E1002", "9876500002", "", "Lekhpal", "Revenue", "Kanpur Nagar",
     "Group C"],
    ["Mohan Lal", "मोहन लाल", "E1003", "9876500003", "", "Teacher", "Education", "Agra",
     "Group B"],
    ["Gita Singh", "गीता सिंह", "E1004", "9876500004", "", "Nurse", "Health", "Varanasi",
     "Group C"],
    ["Anil Verma", "अनिल वर्मा", "E1005", "9876500005", "", "Clerk", "Revenue", "Lucknow",
     "Group C"],
    ["Ravi Shukla", "रवि शुक्ला", "E1006", "9876500006", "", "Driver", "Transport", "Atlantis",
     "Group D"],
    ["Usha Yadav", "उषा यादव", "E1007", "9876500007", "", "Clerk", "Revenue", "Prayagraj",
     "Group C"],
]

HINDI_HEADER = [
    "क्रम सं.",
    "नाम (हिंदी)",
    "Name (English)",
    "कर्मचारी कोड",
    "पदनाम",
    "मोबाइल नं.",
    "ई-मेल",
    "जनपद",
]
HINDI_ROWS = [
    [1, "रमेश कुमार", "Ramesh Kumar", "H2001", "लिपिक", "9876510001", "", "लखनऊ"],
    [2, "सीता देवी", "Sita Devi", "H2002", "लेखपाल", "9876510002", "", "आगरा"],
    [3, "मोहन लाल", "Mohan Lal", "H2003", "शिक्षक", "9876510003", "", "लखनऊ"],
    [4, "गीता सिंह", "Gita Singh", "H2004", "नर्स", "9876510004", "", "वाराणसी"],
    [5, "अनिल वर्मा", "Anil Verma", "H2005", "लिपिक", "9876510005", "", "लखनऊ"],
]


def write_csv(path, header, rows):
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def people(store):
    return {
        r["employee_code"]: dict(r)
        for r in store.conn.execute("SELECT * FROM participant WHERE deleted = 0")
    }


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("मोबाइल नं.", "mobile"),
        ("मो0", "mobile"),
        ("मो०", "mobile"),
        ("Mob. No.", "mobile"),
        ("MOBILE  NO", "mobile"),
        ("नाम (हिंदी)", "name_hi"),
        ("नाम (हिन्दी)", "name_hi"),
        ("Name in Hindi", "name_hi"),
        ("जनपद", "district_code"),
        ("जिला", "district_code"),
        ("विभाग", "department"),
        ("पदनाम", "designation"),
        ("कर्मचारी कोड", "employee_code"),
        ("नाम (अंग्रेज़ी)", "name_en"),  # nukta
        ("नाम (अंग्रेजी)", "name_en"),
        ("मोबाइल\u200c नं॰", "mobile"),  # zero-width non-joiner, abbreviation sign
        ("ई-मेल", "email"),
        ("Employee ID", "employee_code"),
        ("Full Name", "name_en"),
        ("District Code", "district_code"),
    ],
)
def test_header_variants(header, field):
    assert HEADER_ALIASES.get(normalise_header(header)) == field


@pytest.mark.parametrize("header", ["S.No.", "Sr. No.", "क्रम सं.", "क्र.सं.", "क्र०सं०", "Sl No"])
def test_serial_columns_known_and_left_out(header):
    assert HEADER_ALIASES.get(normalise_header(header)) == ""


@pytest.mark.parametrize("layout", ["auto", "igot", "kd"])
def test_igot_headers_never_hide_other_columns(layout):
    mapping = propose_mapping(DEPT_HEADER, layout)
    assert mapping == {
        "Full Name": "name_en",
        "Name (Hindi)": "name_hi",
        "Employee ID": "employee_code",
        "Mobile Number": "mobile",
        "Email": "email",
        "Designation": "designation",
        "Department": "department",
        "District": "district_code",
        "Group": "service_group",
    }


def test_department_csv_keeps_every_column(store, tmp_path):
    path = write_csv(tmp_path / "dept.csv", DEPT_HEADER, DEPT_ROWS)
    result = import_roster(store, path)
    assert (result.created, result.rejected) == (6, 1)
    # The unknown district is reported, by row and field, because its column is read.
    assert [(e["row"], e["field"]) for e in result.errors] == [(7, "district_code")]
    assert "Atlantis" in result.errors[0]["message"]
    saved = people(store)
    assert saved["E1001"]["name_hi"] == "रमेश कुमार"
    assert saved["E1001"]["department"] == "Revenue"
    assert saved["E1001"]["district_code"]
    assert all(p["name_hi"] and p["department"] and p["district_code"] for p in saved.values())


def test_hindi_xlsx_with_titles_keeps_mobiles(store, tmp_path):
    path = write_xlsx(
        tmp_path / "hindi.xlsx",
        [["कार्यालय जिलाधिकारी, लखनऊ"], ["प्रशिक्षण हेतु कर्मचारियों की सूची"], [],
         HINDI_HEADER, *HINDI_ROWS],
    )
    preview = preview_file(path)
    assert preview.header_row == 4
    assert preview.unmapped == []
    result = import_roster(store, path)
    assert (result.created, result.rejected) == (5, 0)
    saved = people(store)
    assert {p["mobile"] for p in saved.values()} == {f"987651000{i}" for i in range(1, 6)}
    assert saved["H2001"]["name_hi"] == "रमेश कुमार"
    assert saved["H2001"]["designation"] == "लिपिक"
    assert saved["H2001"]["district_code"]


def _with_unknown(tmp_path):
    header = ["Name (English)", "Mobile", "Remarks", "Blood Group", "Empty One"]
    rows = [
        ["Ramesh Kumar", "9876520001", "on leave", "B+", ""],
        ["Sita Devi", "9876520002", "", "", ""],
    ]
    return write_csv(tmp_path / "unknown.csv", header, rows)


def test_unmapped_data_columns_refused_by_name(store, tmp_path):
    path = _with_unknown(tmp_path)
    assert preview_file(path).unmapped == ["Remarks", "Blood Group"]
    with pytest.raises(UnmappedColumns) as caught:
        import_roster(store, path)
    assert caught.value.columns == ["Remarks", "Blood Group"]
    assert people(store) == {}
    result = import_roster(store, path, extra_mapping={"Remarks": "designation"},
                           ignore=["blood group"])
    assert result.created == 2
    rows = store.conn.execute("SELECT designation FROM participant ORDER BY seq").fetchall()
    assert [r[0] for r in rows] == ["on leave", None]


def test_cli_unmapped_exit_2_then_map_and_ignore(cli, db_path, tmp_path):
    path = _with_unknown(tmp_path)
    code, out, err = cli("--db", db_path, "--json", "roster", "import", path)
    assert code == 2
    payload = json.loads(out)
    assert payload["unmapped_columns"] == ["Remarks", "Blood Group"]
    assert payload["created"] == 0
    assert "'Remarks'" in err and "'Blood Group'" in err
    code, out, err = cli("--db", db_path, "roster", "import", path, "--ignore", "Remarks")
    assert code == 2
    assert "'Blood Group'" in err and "'Remarks'" not in err
    code, out, _ = cli(
        "--db", db_path, "--json", "roster", "import", path,
        "--map", "Remarks=designation", "--ignore", "Blood Group",
    )
    assert code == 0
    payload = json.loads(out)
    assert (payload["created"], payload["unmapped_columns"]) == (2, [])


def test_cli_map_names_unknown_column_or_field(cli, db_path, tmp_path):
    path = _with_unknown(tmp_path)
    code, _, err = cli("--db", db_path, "roster", "import", path, "--map", "Nope=mobile")
    assert code == 2 and "'Nope'" in err
    code, _, err = cli("--db", db_path, "roster", "import", path, "--map", "Remarks=shoe_size")
    assert code == 2 and "shoe_size" in err


def test_cli_department_csv_any_format(cli, db_path, tmp_path):
    path = write_csv(tmp_path / "dept.csv", DEPT_HEADER, DEPT_ROWS)
    for layout in ("kd", "igot"):
        code, out, _ = cli(
            "--db", db_path, "--json", "roster", "import", path, "--format", layout, "--dry-run"
        )
        assert code == 1, layout
        assert json.loads(out)["rejected"] == 1


def test_sheet_by_name(cli, db_path, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["This workbook lists trainees on the second sheet"])
    second = book.create_sheet("Trainees")
    second.append(["Name (English)", "Mobile"])
    second.append(["Ramesh Kumar", "9876530001"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    code, out, _ = cli("--db", db_path, "--json", "roster", "import", path, "--sheet", "Trainees")
    assert code == 0 and json.loads(out)["created"] == 1
    code, _, err = cli("--db", db_path, "roster", "import", path, "--sheet", "Nope")
    assert code == 2 and "'Trainees'" in err


def test_blank_and_numbered_only_rows_skipped_and_counted(store, tmp_path):
    # issue 13 item 2: the Hindi sheet with a numbered blank line and a fully blank line.
    rows = [
        HINDI_ROWS[0],
        [2, None, None, None, None, None, None, None],  # only its serial number
        HINDI_ROWS[1],
        [None] * 8,  # a blank line inside the table
        HINDI_ROWS[2],
    ]
    path = write_xlsx(tmp_path / "gaps.xlsx", [["सूची"], HINDI_HEADER, *rows, [None] * 8])
    result = import_roster(store, path)
    assert (result.created, result.rejected, result.skipped) == (3, 0, 2)
    assert result.errors == []


def test_blank_rows_counted_in_cli_json(cli, db_path, tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text(
        "S.No.,Name (English),Mobile\n1,Ramesh Kumar,9876540001\n2,,\n\n,,\n"
        "3,Sita Devi,9876540002\n\n\n",
        encoding="utf-8",
    )
    code, out, _ = cli("--db", db_path, "--json", "roster", "import", path)
    assert code == 0
    payload = json.loads(out)
    assert (payload["created"], payload["rejected"], payload["skipped"]) == (2, 0, 3)


def test_skipped_counted_through_reader_process(store, tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text(
        "Sr. No.,Name (English),Mobile\n1,Ramesh Kumar,9876540001\n2,,\n\n"
        "3,Sita Devi,9876540002\n",
        encoding="utf-8",
    )
    result = import_roster(store, path, reader_process=True, chunk_rows=1)
    assert (result.created, result.skipped) == (2, 2)
