"""Issue 13 item 5: encodings and layouts seen in offices are read right or refused clearly
(Windows-1252 "ANSI" CSV, UTF-16 "Unicode text", old .xls with several sheets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.roster.importer import import_roster
from desktop.core.roster.readers import RosterFileError, open_table, sheet_names

FILES = Path(__file__).parent / "files"


def _people(store) -> dict[str, dict]:
    rows = store.conn.execute(
        "SELECT employee_code, name_en, name_hi, mobile, district_code FROM participant"
    )
    return {r[0]: dict(r) for r in rows}


def test_a_windows_1252_csv_is_read_right(store):
    with open_table(FILES / "cp1252.csv") as table:
        assert table.encoding == "cp1252"
    result = import_roster(store, FILES / "cp1252.csv")
    assert (result.created, result.rejected, result.converted_legacy) == (3, 0, 2)
    people = _people(store)
    assert people["UPA001"]["name_en"] == "José Peña"
    assert people["UPA003"]["name_en"] == "Smart “Quotes”"
    # Kruti Dev saved as ANSI: Å is a Windows-1252 byte, and converts
    assert people["UPA002"]["name_hi"] == "रमेश कुमार"
    assert people["UPA002"]["district_code"] == "LKO"


def test_a_file_in_another_code_page_is_refused_not_garbled(store):
    with pytest.raises(RosterFileError, match="neither UTF-8 nor Windows-1252") as caught:
        import_roster(store, FILES / "cp437.csv")
    assert "CSV UTF-8" in str(caught.value)
    assert _people(store) == {}


def test_utf16_unicode_text_is_read(store):
    result = import_roster(store, FILES / "utf16le_tab.txt")
    assert (result.created, result.rejected) == (4, 0)
    assert _people(store)["UP1001"]["name_hi"] == "रमेश कुमार"


def test_an_old_excel_workbook_is_read_from_the_chosen_sheet(store):
    assert sheet_names(FILES / "old_excel_real.xls") == ["Notes", "Staff"]
    result = import_roster(store, FILES / "old_excel_real.xls", sheet="Staff")
    assert (result.created, result.rejected, result.derived_names) == (2, 0, 1)
    people = _people(store)
    assert people["XLS001"]["mobile"] == "9876543210"  # a number cell, and मोबाइल नं.
    assert people["XLS002"]["name_en"] == "Shivam Mishra"
    assert people["XLS002"]["district_code"] == "VNS"


def test_a_damaged_xls_is_refused_plainly(store):
    with pytest.raises(RosterFileError, match=r"old Excel \(.xls\) workbook that cannot be read"):
        import_roster(store, FILES / "old_excel.xls")


def test_cli_names_the_sheets_when_a_workbook_has_several(cli, db_path):
    code, out, err = cli("--db", db_path, "roster", "import", FILES / "old_excel_real.xls")
    assert code == 2
    assert "'Notes', 'Staff'" in err and "--sheet" in err
    code, out, err = cli(
        "--db", db_path, "--json", "roster", "import", FILES / "old_excel_real.xls",
        "--sheet", "Staff",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["created"] == 2


def test_an_ansi_file_whose_top_is_plain_ascii_is_still_read_right(store, tmp_path):
    path = tmp_path / "long_ansi.csv"
    rows = [f"Person {i},UPL{i:05d},Lucknow\r\n" for i in range(12_000)]  # > 256 KiB of ASCII
    rows.append("Jos\u00e9 Pe\u00f1a,UPL99999,Agra\r\n")
    path.write_bytes(("Name (English),Employee Code,District\r\n" + "".join(rows)).encode("cp1252"))
    assert path.stat().st_size > 256 * 1024
    result = import_roster(store, path)
    assert (result.created, result.rejected) == (12_001, 0)
    assert _people(store)["UPL99999"]["name_en"] == "José Peña"


def test_utf8_hindi_with_one_damaged_byte_is_refused_not_read_as_ansi(store, tmp_path):
    path = tmp_path / "damaged.csv"
    path.write_bytes(
        "Name (English),Name (Hindi),Employee Code\nRam,राम,UPD001\n".encode()
        + b"Sham,\xe0\xa4 broken,UPD002\n"
    )
    with pytest.raises(RosterFileError, match="neither UTF-8 nor Windows-1252"):
        import_roster(store, path)
    assert _people(store) == {}
