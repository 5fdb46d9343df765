"""Issue 13 in the import dialog: derived English names and converted Kruti Dev cells shown
in the preview and counted in the summary; a workbook with several sheets asks which one;
the person form shows a derived name."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.ui.roster.import_dialog import STEP_FILE, STEP_MAPPING, STEP_PREVIEW, STEP_SUMMARY
from desktop.ui.roster.person_dialog import PersonDialog

DATA = Path(__file__).parent / "data"
OFFICE = DATA / "roster_office.csv"
XLS = Path(__file__).parents[1] / "roster" / "files" / "old_excel_real.xls"


@pytest.fixture
def dialog(window, qtbot):
    dialog = window.page("roster").open_import()
    qtbot.addWidget(dialog)
    return dialog


def preview_column(dialog, header: str) -> list[str]:
    table = dialog.preview_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    column = headers.index(header)
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_preview_shows_derived_names_and_converted_cells(dialog):
    dialog.file_edit.setText(str(OFFICE))
    dialog.next_button.click()
    assert dialog.step == STEP_MAPPING, dialog.file_error.text()
    dialog.next_button.click()
    assert dialog.step == STEP_PREVIEW, dialog.mapping_error.text()
    names = preview_column(dialog, "Name (English)")
    assert names[0] == "Ramesh Kumar (written from the Hindi)"
    assert names[1] == "Gyanendra Tripathi (written from the Hindi)"
    assert names[2] == "Ramesh Kumar Verma"
    hindi = preview_column(dialog, "Name (Hindi)")
    assert hindi[2] == "रमेश कुमार वर्मा (legacy font: jes'k dqekj oekZ)"
    posts = preview_column(dialog, "Designation")
    assert posts[3] == "सहायक (legacy font: lgk;d)"
    problems = preview_column(dialog, "Problems")
    assert "does not convert cleanly" in problems[4]
    dialog.next_button.click()  # import
    assert dialog.step == STEP_SUMMARY
    text = dialog.summary_label.text()
    assert "3 English names were written from the Hindi: check them." in text
    assert "4 cells typed in a legacy font (Kruti Dev…) were turned into Unicode." in text


def test_a_workbook_with_several_sheets_asks_which(dialog):
    dialog.file_edit.setText(str(XLS))
    dialog.next_button.click()
    assert dialog.step == STEP_FILE
    assert dialog.sheet_combo.isVisibleTo(dialog)
    assert [dialog.sheet_combo.itemText(i) for i in range(2)] == ["Notes", "Staff"]
    dialog.sheet_combo.setCurrentIndex(1)
    dialog.next_button.click()
    assert dialog.step == STEP_MAPPING, dialog.file_error.text()
    assert dialog.plan.sheet == "Staff"
    assert "मोबाइल नं." in dialog.plan.headers


def test_the_person_form_shows_a_derived_name_until_saved(window, dialog, qtbot):
    dialog.file_edit.setText(str(OFFICE))
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.step == STEP_SUMMARY
    conn = window.ctx.store.conn
    pid = conn.execute("SELECT id FROM participant WHERE employee_code = 'OF001'").fetchone()[0]
    other = conn.execute("SELECT id FROM participant WHERE employee_code = 'OF003'").fetchone()[0]
    plain = PersonDialog(window.ctx, other, window)
    qtbot.addWidget(plain)
    assert not plain.derived_label.isVisibleTo(plain)
    form = PersonDialog(window.ctx, pid, window)
    qtbot.addWidget(form)
    assert form.derived_label.isVisibleTo(form)
    assert "written from the Hindi" in form.derived_label.text()
    form.save()
    qtbot.waitUntil(lambda: form.saved_id == pid)
    marked = conn.execute(
        "SELECT count(*) FROM participant_derived WHERE participant_id = ?", (pid,)
    ).fetchone()[0]
    assert marked == 0


def test_the_mapping_chosen_is_offered_for_the_next_file_with_those_headers(window, qtbot):
    first = window.page("roster").open_import()
    qtbot.addWidget(first)
    first.file_edit.setText(str(OFFICE))
    first.next_button.click()
    assert first.step == STEP_MAPPING
    assert first.mapping_error.text() == ""
    post = first.mapping_combo(4)  # पदनाम: the user leaves it out this time
    post.setCurrentIndex(post.findData(""))
    first.next_button.click()
    first.next_button.click()
    assert first.step == STEP_SUMMARY
    again = window.page("roster").open_import()
    qtbot.addWidget(again)
    again.file_edit.setText(str(OFFICE))
    again.next_button.click()
    assert again.step == STEP_MAPPING
    assert again.mapping_error.text().startswith("The columns are matched as you chose")
    assert again.mapping_combo(4).currentData() == ""
    assert again.mapping_combo(1).currentData() == "name_hi"
