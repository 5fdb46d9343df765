"""Importing: validation messages, matching and updating, duplicates, dry run, report."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.core.roster.importer import ImportCancelled, import_roster
from desktop.core.roster.readers import RosterFileError

FILES = Path(__file__).parent / "files"


def people(store):
    return {
        r["employee_code"]: dict(r)
        for r in store.conn.execute("SELECT * FROM participant WHERE deleted = 0")
    }


def log_count(store):
    return store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]


def errors_by_row(result):
    out: dict[int, set[str]] = {}
    for e in result.errors:
        out.setdefault(e["row"], set()).add(e["field"])
    return out


@pytest.mark.parametrize(
    "name",
    ["utf8_bom.csv", "utf8_no_bom.csv", "utf16le_tab.txt", "utf16be_tab.csv", "semicolon.csv"],
)
def test_good_files_import_fully(store, name):
    result = import_roster(store, FILES / name)
    assert (result.created, result.rejected, result.errors) == (4, 0, [])
    rows = people(store)
    assert rows["UP1001"]["name_hi"] == "रमेश कुमार"
    assert rows["UP1002"]["mobile"] == "9876543211"  # +91 and dash removed
    assert rows["UP1003"]["mobile"] == "9876543212"  # leading 0 removed
    assert rows["UP1002"]["district_code"] == "PRY"  # Allahabad
    assert rows["UP1003"]["district_code"] == "AYO"  # Faizabad
    assert rows["UP1004"]["district_code"] == "BBK"  # Bara Banki
    assert rows["UP1003"]["service_group"] == "C"  # ग
    assert rows["UP1003"]["gender"] == "female"
    # Every created person is in the change log and the search index.
    assert log_count(store) == 4
    hit = store.conn.execute(
        "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH 'ramesh'"
    ).fetchone()[0]
    assert hit == 1


def test_hindi_headers_file(store):
    result = import_roster(store, FILES / "hindi_headers.csv")
    assert (result.created, result.rejected) == (3, 0)
    rows = people(store)
    assert rows["UP2001"]["district_code"] == "LKO"
    assert rows["UP2002"]["department"] == "बेसिक शिक्षा"
    assert rows["UP2003"]["district_code"] == "BAN"  # बाँदा
    assert rows["UP2003"]["service_group"] == "C"  # "समूह ग"


def test_igot_layout_file(store):
    result = import_roster(store, FILES / "igot_layout.csv", layout="igot")
    assert (result.created, result.rejected) == (2, 0)
    rows = people(store)
    assert rows["IG3001"]["service_group"] == "A"
    assert rows["IG3002"]["email"] == "rakesh.g@up.gov.in"
    assert rows["IG3001"]["designation"] == "Deputy Collector"


def test_xlsx_file(store):
    result = import_roster(store, FILES / "roster.xlsx")
    assert (result.created, result.rejected) == (2, 1)
    assert result.errors == [{"row": 5, "field": "mobile", "message": result.errors[0]["message"]}]
    rows = people(store)
    assert rows["12345"]["mobile"] == "9876543211"
    assert rows["12345"]["district_code"] == "GKP"


def test_kruti_dev_in_the_english_name_is_reported_not_stored(store):
    # the Hindi and designation cells are converted (tests/roster/test_krutidev.py)
    result = import_roster(store, FILES / "kruti_dev.csv")
    assert result.created == 3 and result.rejected == 1
    assert errors_by_row(result) == {4: {"name_en"}}
    assert all("Kruti Dev" in e["message"] for e in result.errors)
    assert "UP4003" not in people(store)


def test_english_words_that_resemble_kruti_dev_are_accepted(store, tmp_path):
    # "Works" has consonant-k-consonant, one sign of Kruti Dev; an English field needs two.
    path = tmp_path / "pwd.csv"
    path.write_text(
        "Name (English),Name (Hindi),Employee Code,Designation,Department\n"
        "Anil Verma,अनिल वर्मा,UP5001,Junior Engineer,Public Works\n",
        encoding="utf-8",
    )
    result = import_roster(store, path)
    assert (result.created, result.rejected) == (1, 0), result.errors
    assert people(store)["UP5001"]["department"] == "Public Works"


def test_bad_values_name_row_and_field(store):
    result = import_roster(store, FILES / "bad_values.csv")
    assert errors_by_row(result) == {
        3: {"mobile"},
        4: {"mobile"},
        6: {"email"},
        7: {"district_code"},
        8: {"employee_code"},
        9: {"employee_code"},
        10: {"name_en"},
    }
    assert result.created == 4 and result.rejected == 7
    rows = people(store)
    assert rows["UP5004"]["mobile"] == "9876541004"  # Excel's 9876541004.0
    assert rows["UP5010"]["district_code"] == "KNP"  # "Kanpur" means Kanpur Nagar
    assert rows["UP5011"]["district_code"] == "LKH"  # Kheri
    message = next(e["message"] for e in result.errors if e["row"] == 7)
    assert "Atlantis" in message


def test_duplicates_inside_the_file(store):
    result = import_roster(store, FILES / "duplicates.csv")
    assert result.created == 2 and result.rejected == 2
    messages = {e["row"]: e["message"] for e in result.errors}
    assert "row 2" in messages[3] and "Employee code" in messages[3]
    assert "row 2" in messages[4] and "Mobile" in messages[4]


def test_duplicates_across_chunks(store):
    result = import_roster(store, FILES / "duplicates.csv", chunk_rows=1)
    assert result.created == 2 and result.rejected == 2


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.csv", "empty"),
        ("header_only.csv", "has a header but no data rows"),
        ("missing_required.csv", "missing required column.*Name \\(English\\)"),
        ("binary_garbage.csv", "binary"),
    ],
)
def test_unusable_files_change_nothing(store, name, words):
    store.insert("participant", {"name_en": "Already Here", "employee_code": "X1"})
    before = log_count(store)
    with pytest.raises(RosterFileError, match=words):
        import_roster(store, FILES / name)
    assert log_count(store) == before
    assert list(people(store)) == ["X1"]


def test_matching_updates_only_changed_fields_and_logs_one_version(store, tmp_path):
    import_roster(store, FILES / "utf8_bom.csv")
    before = people(store)
    log_before = log_count(store)
    changed = tmp_path / "changed.csv"
    changed.write_text(
        "Employee Code,Name (English),Mobile,Designation\n"
        "UP1001,Ramesh Kumar,9876543210,Senior Clerk\n"  # designation changed
        "UP1002,Sita Devi,,\n"  # blanks never clear stored values
        ",Rima Singh,9876543212,Lekhpal\n",  # matched by mobile, nothing changed
        encoding="utf-8",
    )
    result = import_roster(store, changed)
    assert (result.created, result.updated, result.unchanged, result.rejected) == (0, 1, 2, 0)
    after = people(store)
    assert after["UP1001"]["designation"] == "Senior Clerk"
    assert after["UP1001"]["id"] == before["UP1001"]["id"]
    assert after["UP1001"]["updated_at"] > before["UP1001"]["updated_at"]
    assert after["UP1002"] == before["UP1002"]
    assert after["UP1003"] == before["UP1003"]
    assert log_count(store) == log_before + 1
    assert store.conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 4


def test_match_by_igot_id_then_mobile(store, tmp_path):
    pid = store.insert(
        "participant", {"name_en": "Asha Rani", "igot_user_id": "igot-1", "mobile": "9000000001"}
    )
    other = store.insert("participant", {"name_en": "Ravi", "mobile": "9000000002"})
    f = tmp_path / "m.csv"
    f.write_text(
        "Name,iGOT User ID,Mobile,Employee Code\n"
        "Asha Rani,igot-1,9000000009,EMP1\n"  # by iGOT id: mobile and code added
        "Ravi Kumar,,9000000002,\n",  # by mobile: name changed
        encoding="utf-8",
    )
    result = import_roster(store, f)
    assert (result.created, result.updated) == (0, 2)
    assert store.require("participant", pid)["mobile"] == "9000000009"
    assert store.require("participant", pid)["employee_code"] == "EMP1"
    assert store.require("participant", other)["name_en"] == "Ravi Kumar"


def test_mobile_match_with_a_different_code_is_a_conflict(store, tmp_path):
    store.insert("participant", {"name_en": "Asha", "employee_code": "A1", "mobile": "9000000001"})
    f = tmp_path / "c.csv"
    f.write_text("Name,Employee Code,Mobile\nSomeone,B2,9000000001\n", encoding="utf-8")
    result = import_roster(store, f)
    assert result.rejected == 1 and result.created == 0
    assert "A1" in result.errors[0]["message"]


def test_tombstoned_people_are_not_matched(store, tmp_path):
    pid = store.insert("participant", {"name_en": "Gone", "employee_code": "G1"})
    store.delete("participant", pid)
    f = tmp_path / "g.csv"
    f.write_text("Name,Employee Code\nBack Again,G1\n", encoding="utf-8")
    assert import_roster(store, f).created == 1


def test_dry_run_writes_nothing_but_counts_the_same(store):
    store.insert("participant", {"name_en": "Ramesh K", "employee_code": "UP1001"})
    log_before = log_count(store)
    before = people(store)
    dry = import_roster(store, FILES / "utf8_bom.csv", dry_run=True)
    assert people(store) == before and log_count(store) == log_before
    real = import_roster(store, FILES / "utf8_bom.csv")
    assert dry.as_dict() | {"dry_run": False} == real.as_dict()
    assert (real.created, real.updated) == (3, 1)


def test_report_file_has_status_and_error_columns(store, tmp_path):
    report = tmp_path / "out.csv"
    import_roster(store, FILES / "duplicates.csv", report=report)
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Name (English)", "Employee Code", "Mobile", "Status", "Error"]
    assert [r[3] for r in rows[1:]] == ["created", "rejected", "rejected", "created"]
    assert rows[1][:3] == ["First One", "UP6001", "9876542001"]
    assert "row 2" in rows[2][4]
    assert rows[4][4] == ""


def test_cancel_rolls_back_everything(store, tmp_path):
    big = tmp_path / "big.csv"
    lines = ["Name,Employee Code"] + [f"Person {i},C{i}" for i in range(50)]
    big.write_text("\n".join(lines), encoding="utf-8")
    report = tmp_path / "r.csv"
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(ImportCancelled):
        import_roster(store, big, cancelled=cancel, chunk_rows=10, report=report)
    assert people(store) == {} and log_count(store) == 0
    assert not report.exists()
    # The triggers dropped for the bulk insert are back: a normal insert is indexed and logged.
    store.insert("participant", {"name_en": "After Cancel"})
    assert log_count(store) == 1
    assert (
        store.conn.execute(
            "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH 'cancel'"
        ).fetchone()[0]
        == 1
    )


def test_progress_is_reported(store):
    seen = []
    import_roster(store, FILES / "utf8_bom.csv", progress=lambda *a: seen.append(a))
    assert seen[-1] == (4, 4, "4 rows checked")


def test_progress_total_is_an_estimate_that_ends_exact(store, tmp_path):
    big = tmp_path / "big.csv"
    lines = ["Name,Employee Code"] + [f"Person {i},C{i}" for i in range(50)]
    big.write_text("\n".join(lines), encoding="utf-8")
    seen = []
    import_roster(store, big, chunk_rows=10, progress=lambda *a: seen.append(a))
    assert len(seen) >= 5
    assert all(0 < done <= total for done, total, _ in seen)
    assert [done for done, _, _ in seen] == sorted(done for done, _, _ in seen)
    assert seen[-1][:2] == (50, 50)


def test_explicit_mapping(store, tmp_path):
    f = tmp_path / "odd.csv"
    f.write_text("Karmchari,Phone no.,Zila\nVijay Kumar,9876500011,Agra\n", encoding="utf-8")
    with pytest.raises(RosterFileError, match="missing required"):
        import_roster(store, f)
    mapping = {"Karmchari": "name_en", "Phone no.": "mobile", "Zila": "district_code"}
    result = import_roster(store, f, mapping=mapping)
    assert result.created == 1
    assert people(store)[None]["district_code"] == "AGR"


def test_preview_with_limit_and_row_outcomes_writes_nothing(store):
    seen = []
    result = import_roster(
        store, FILES / "bad_values.csv", dry_run=True, limit=3, on_row=seen.append
    )
    assert [(o.row, o.status) for o in seen] == [(2, "created"), (3, "rejected"), (4, "rejected")]
    assert seen[1].errors[0][0] == "mobile"
    assert seen[0].data["district_code"] == "LKO"
    assert result.rows == 3
    assert people(store) == {}


def test_mapping_as_one_field_per_column(store, tmp_path):
    f = tmp_path / "same_headers.csv"
    f.write_text("Name,Name,Code\nVijay Kumar,विजय कुमार,V1\n", encoding="utf-8")
    result = import_roster(store, f, mapping=["name_en", "name_hi", "employee_code"])
    assert result.created == 1
    assert people(store)["V1"]["name_hi"] == "विजय कुमार"
    with pytest.raises(RosterFileError, match="more than one column"):
        import_roster(store, f, mapping=["name_en", "name_en", ""])


def test_scientific_mobile_and_kruti_district_have_specific_messages(store, tmp_path):
    f = tmp_path / "sci.csv"
    f.write_text("Name,Mobile,District\nA,9.87654E+09,Lucknow\nB,9876500099,ky[kuÅ\n", "utf-8")
    result = import_roster(store, f)
    messages = {e["row"]: e["message"] for e in result.errors}
    assert "Excel" in messages[2] and "Text" in messages[2]
    assert "Kruti Dev" in messages[3]  # does not convert cleanly
