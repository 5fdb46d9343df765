"""With Hindi chosen, the roster import preview, its error table and the person form show the
core's problems in Hindi (by code, with translated field labels); the report file keeps the
core's English."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from desktop.ui.roster.import_dialog import STEP_MAPPING, STEP_PREVIEW, STEP_SUMMARY

SMALL = Path(__file__).parent / "data" / "roster_small.csv"
DEVANAGARI = re.compile(r"[\u0900-\u097F]")


def test_import_preview_and_errors_in_hindi(start_window, demo_db, tmp_path):
    window = start_window(demo_db, language="hi")
    dialog = window.page("roster").open_import()
    dialog.file_edit.setText(str(SMALL))
    dialog.next_button.click()
    assert dialog.step == STEP_MAPPING
    dialog.next_button.click()  # the Remarks column holds data matching no field
    assert dialog.step == STEP_MAPPING
    assert dialog.mapping_error.text().startswith("कॉलम “Remarks” में डेटा है")
    remarks = dialog.mapping_combo(8)
    assert remarks.currentText() == "चुनें…"
    remarks.setCurrentIndex(remarks.findData(""))
    dialog.next_button.click()
    assert dialog.step == STEP_PREVIEW
    table = dialog.preview_table
    problems = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert problems[3] == "नाम (अंग्रेज़ी) आवश्यक है"
    assert problems[4].startswith("जनपद “Atlantis” पहचाना नहीं गया")
    assert problems[5] == (
        "मोबाइल “12345” 6 से 9 से शुरू होने वाला 10 अंकों का भारतीय मोबाइल नंबर नहीं है"
    )
    assert problems[6] == "कर्मचारी कोड “LKO-TR-0001” पंक्ति 2 के समान है (फ़ाइल में दोहराव)"
    for text in filter(None, problems):
        assert DEVANAGARI.search(text) and "name_en" not in text and " is " not in text

    dialog.next_button.click()  # Import
    assert dialog.step == STEP_SUMMARY
    errors = dialog.errors_table
    rows = [[errors.item(r, c).text() for c in range(3)] for r in range(errors.rowCount())]
    assert ["4", "ईमेल", "ईमेल “sunita@example” मान्य ईमेल पता नहीं है"] in rows
    assert ["5", "नाम (अंग्रेज़ी)", "नाम (अंग्रेज़ी) आवश्यक है"] in rows
    assert all(DEVANAGARI.search(row[2]) for row in rows)
    # the report (and CLI JSON) keep the core's English
    report = tmp_path / "report.csv"
    dialog.save_report(str(report))
    with report.open(encoding="utf-8-sig") as handle:
        written = list(csv.reader(handle))
    assert "Name (English) is required" in [row[-1] for row in written]
    assert {"row": 5, "field": "name_en", "message": "Name (English) is required"} in (
        dialog.summary.errors
    )
    dialog.close()


def test_person_form_core_rule_in_hindi(start_window, demo_db, qtbot):
    window = start_window(demo_db, language="hi")
    page = window.page("roster")
    dialog = page.add_person()
    qtbot.addWidget(dialog)
    dialog.edits["name_en"].setText("Kavita Rao")
    dialog.edits["name_hi"].setText("Kavita Rao")
    dialog.save()
    assert dialog.error_label.text() == "नाम (हिन्दी) “Kavita Rao” देवनागरी लिपि में नहीं है"
    assert dialog.saved_id is None
