"""Reading roster files: encodings, delimiters, XLSX, header recognition, unusable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.roster.fields import detect_layout, propose_mapping
from desktop.core.roster.importer import preview_file
from desktop.core.roster.readers import RosterFileError, open_table

FILES = Path(__file__).parent / "files"


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter"),
    [
        ("utf8_bom.csv", "utf-8-sig", ","),
        ("utf8_no_bom.csv", "utf-8", ","),
        ("utf16le_tab.txt", "utf-16", "\t"),
        ("utf16be_tab.csv", "utf-16", "\t"),
        ("semicolon.csv", "utf-8", ";"),
    ],
)
def test_text_encodings_and_delimiters(name, encoding, delimiter):
    with open_table(FILES / name) as table:
        assert table.encoding == encoding
        assert table.delimiter == delimiter
        assert table.headers[0] == "Name (English)"  # no BOM left in the first header
        rows = list(table.rows())
    assert [n for n, _ in rows] == [2, 3, 4, 5]
    assert rows[0][1][:2] == ["Ramesh Kumar", "रमेश कुमार"]


def test_xlsx_numbers_become_digits_and_blank_rows_keep_numbering():
    with open_table(FILES / "roster.xlsx") as table:
        assert table.kind == "xlsx"
        rows = list(table.rows())
    assert [n for n, _ in rows] == [2, 3, 5]  # row 4 is blank and skipped, numbering kept
    assert rows[0][1][3] == "9876543210"
    assert rows[1][1][2:4] == ["12345", "9876543211"]


def test_title_row_above_header_is_skipped():
    with open_table(FILES / "title_above_header.csv") as table:
        assert table.header_row == 3
        assert table.headers == ["Name", "Employee Code", "Mobile"]
        assert [n for n, _ in table.rows()] == [4]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.csv", "empty"),
        ("binary_garbage.csv", "binary"),
        ("cp437.csv", "neither UTF-8 nor Windows-1252"),
        ("old_excel.xls", "cannot be read"),
        ("does_not_exist.csv", "no such file"),
    ],
)
def test_unusable_files_raise_a_clear_error(name, words):
    with pytest.raises(RosterFileError, match=words):
        open_table(FILES / name)


def test_hindi_headers_are_recognised():
    preview = preview_file(FILES / "hindi_headers.csv")
    assert preview.mapping == {
        "क्रम संख्या": "",
        "नाम (अंग्रेज़ी)": "name_en",
        "नाम हिंदी": "name_hi",
        "कर्मचारी कोड": "employee_code",
        "मोबाइल": "mobile",
        "जनपद/जिला": "district_code",
        "पदनाम": "designation",
        "विभाग": "department",
        "लिंग": "gender",
        "समूह": "service_group",
    }
    assert preview.missing == []
    assert len(preview.rows) == 3


def test_igot_layout_detected():
    preview = preview_file(FILES / "igot_layout.csv")
    assert preview.layout == "igot"
    assert preview.mapping["Full Name"] == "name_en"
    assert preview.mapping["Employee ID"] == "employee_code"
    assert preview.mapping["Mobile Number"] == "mobile"
    assert preview.mapping["Category"] == ""


def test_generic_name_goes_to_hindi_when_english_is_taken():
    mapping = propose_mapping(["नाम", "Name (English)", "Mobile"])
    assert mapping == {"नाम": "name_hi", "Name (English)": "name_en", "Mobile": "mobile"}


def test_explicit_layouts_share_one_vocabulary():
    # issue 13: the iGOT layout is one more set of names, never a reason to ignore columns.
    assert propose_mapping(["Full Name", "Name (Hindi)", "District"], "igot") == {
        "Full Name": "name_en",
        "Name (Hindi)": "name_hi",
        "District": "district_code",
    }
    assert detect_layout(["Name (English)", "Mobile"]) == "auto"
