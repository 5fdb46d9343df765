"""Roster problems carry a stable code, the field and params (for a translated GUI) while the
English text — in the report CSV and the CLI JSON — stays exactly as before."""

from __future__ import annotations

import json
import pickle

from desktop.core.problems import Problem
from desktop.core.roster.districts import DistrictMatcher
from desktop.core.roster.importer import import_roster
from desktop.core.roster.messages import MESSAGES
from desktop.core.roster.validate import RowValidator
from desktop.ui.roster.problems import TEMPLATES


def test_validator_problems_have_codes_params_and_the_old_english(store):
    validator = RowValidator(DistrictMatcher.from_store(store))
    _data, errors = validator.validate(
        {
            "mobile": "12345",
            "email": "a@b",
            "district_code": "Atlantis",
            "employee_code": "AB 12",
            "gender": "x",
            "name_hi": "Kavita",
        }
    )
    by_code = {p.code: p for p in errors}
    assert all(isinstance(p, Problem) for p in errors)
    assert by_code["mobile_invalid"] == (
        "mobile",
        "Mobile '12345' is not a 10-digit Indian mobile number starting 6-9",
    )
    assert by_code["mobile_invalid"].params == {"value": "12345"}
    assert by_code["email_invalid"].message == "Email 'a@b' is not a valid address"
    assert by_code["district_unknown"].message == (
        "unknown district 'Atlantis' (use a UP district name in English or Hindi, or its code)"
    )
    assert by_code["has_spaces"].message == "Employee code 'AB 12' contains spaces"
    assert by_code["gender_invalid"].message.startswith("Gender 'x' is not one of male")
    assert by_code["not_devanagari"].message == "Name (Hindi) 'Kavita' is not in Devanagari script"
    assert by_code["required"] == ("name_en", "Name (English) is required")
    # the cached result for a repeated value is the same problem
    assert validator.validate({"district_code": "Atlantis", "name_en": "A"})[1] == [
        by_code["district_unknown"]
    ]
    assert pickle.loads(pickle.dumps(by_code["mobile_invalid"])).code == "mobile_invalid"


def test_importer_keeps_english_in_report_and_json_and_codes_in_problems(store, tmp_path):
    source = tmp_path / "people.csv"
    source.write_text(
        "Employee code,Name (English),Mobile\n"
        "E1,Asha,9876543210\n"
        "E1,Asha again,9876543211\n"
        ",,12345\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.csv"
    result = import_roster(store, source, report=report)
    as_json = json.loads(json.dumps(result.as_dict()))
    assert "problems" not in as_json
    assert {e["message"] for e in as_json["errors"]} == {
        "same Employee code 'E1' as row 2 (duplicate in file)",
        "Mobile '12345' is not a 10-digit Indian mobile number starting 6-9",
        "Name (English) is required",
    }
    codes = {(row, p.code) for row, p in result.problems}
    assert codes == {(3, "duplicate_in_file"), (4, "mobile_invalid"), (4, "required")}
    duplicate = next(p for _row, p in result.problems if p.code == "duplicate_in_file")
    assert duplicate.params == {"value": "E1", "row": 2}
    assert "same Employee code 'E1' as row 2 (duplicate in file)" in report.read_text("utf-8-sig")


def test_every_code_has_a_gui_template():
    assert set(MESSAGES) == set(TEMPLATES)
