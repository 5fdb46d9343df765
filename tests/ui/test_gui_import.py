"""The import dialog end to end: file → mapping → preview → import → summary and report;
Cancel leaves the database unchanged; unreadable files get a message."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.ui.roster.import_dialog import STEP_FILE, STEP_MAPPING, STEP_PREVIEW, STEP_SUMMARY

DATA = Path(__file__).parent / "data"
SMALL = DATA / "roster_small.csv"


def counts(store) -> tuple[int, int]:
    conn = store.conn
    return (
        conn.execute("SELECT count(*) FROM participant").fetchone()[0],
        conn.execute("SELECT count(*) FROM change_log").fetchone()[0],
    )


def leave_out_unmatched(dialog):
    """Answer the mapping step's question for a column holding data that matches no field
    (the Remarks column of roster_small.csv): "Do not import"."""
    for column in range(len(dialog.plan.headers)):
        combo = dialog.mapping_combo(column)
        if combo.currentData() == "?":
            combo.setCurrentIndex(combo.findData(""))


@pytest.fixture
def dialog(window, qtbot):
    dialog = window.page("roster").open_import()
    qtbot.addWidget(dialog)
    return dialog


def to_preview(dialog, path=SMALL):
    dialog.file_edit.setText(str(path))
    dialog.next_button.click()
    assert dialog.step == STEP_MAPPING, dialog.file_error.text()
    leave_out_unmatched(dialog)
    dialog.next_button.click()
    assert dialog.step == STEP_PREVIEW, dialog.mapping_error.text()


def test_import_end_to_end(window, dialog, tmp_path):
    store = window.ctx.store
    before = counts(store)
    dialog.file_edit.setText(str(SMALL))
    dialog.next_button.click()
    assert dialog.step == STEP_MAPPING
    # proposed from English and Hindi headers; the Remarks column holds data matching no
    # field: highlighted, and the dialog will not go on until the user has chosen
    proposed = [dialog.mapping_combo(c).currentData() for c in range(len(dialog.plan.headers))]
    assert proposed == [
        "employee_code",
        "name_en",
        "name_hi",
        "designation",
        "department",
        "district_code",
        "mobile",
        "email",
        "?",
    ]
    remarks = dialog.mapping_table.item(8, 0)
    assert remarks.background().color().name() == "#ffe8a3"
    assert "matches no field" in remarks.toolTip()
    dialog.next_button.click()
    assert dialog.step == STEP_MAPPING
    assert "Column “Remarks” holds data that matches no field" in dialog.mapping_error.text()
    leave_out_unmatched(dialog)
    assert remarks.toolTip() == ""
    # the user can change a column: leave the email out
    email = dialog.mapping_combo(7)
    email.setCurrentIndex(email.findData(""))
    dialog.next_button.click()
    assert dialog.step == STEP_PREVIEW
    table = dialog.preview_table
    assert table.rowCount() == 8
    statuses = [table.item(r, 1).text() for r in range(8)]
    assert statuses == ["New", "New", "New", "Error", "Error", "Error", "Error", "New"]
    problems = [table.item(r, 2).text() for r in range(8)]
    assert "Name (English) is required" in problems[3]
    assert "unknown district 'Atlantis'" in problems[4]
    assert "'12345'" in problems[5] and "as row 2 (duplicate in file)" in problems[6]
    assert "first 8 rows" in dialog.preview_intro.text() and "4 new" in dialog.preview_intro.text()

    dialog.next_button.click()  # Import
    assert dialog.step == STEP_SUMMARY and dialog.outcome == "done"
    summary = dialog.summary
    assert (summary.created, summary.updated, summary.rejected) == (4, 0, 4)
    assert "4 people added" in dialog.summary_label.text()
    assert dialog.errors_table.rowCount() == 4
    assert [dialog.errors_table.item(r, 0).text() for r in range(4)] == ["5", "6", "7", "8"]
    assert dialog.errors_table.item(1, 1).text() == "District"
    assert counts(store)[0] == before[0] + 4
    row = store.conn.execute(
        "SELECT * FROM participant WHERE employee_code = 'LKO-TR-0002'"
    ).fetchone()
    assert (row["name_hi"], row["district_code"], row["mobile"], row["email"]) == (
        "राजेन्द्र प्रसाद",
        "LKO",
        "8765432109",
        None,
    )
    # the roster table shows the newcomers at once
    page = window.page("roster")
    page.search.setText("राजेन्द्र प्रसाद")
    page.apply_search()
    assert any(
        page.model.row_at(r).employee_code == "LKO-TR-0002" for r in range(page.model.rowCount())
    )

    report = dialog.save_report(str(tmp_path / "report.csv"))
    with open(report, encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][-2:] == ["Status", "Error"] and len(rows) == 9
    assert rows[4][-2] == "rejected" and "required" in rows[4][-1]
    assert rows[1][-2] == "created"
    dialog.cancel_button.click()  # "Close"
    assert not dialog.isVisible()


def test_reimport_updates_only_what_changed(window, dialog, qtbot, tmp_path):
    store = window.ctx.store
    to_preview(dialog)
    dialog.next_button.click()
    again = window.page("roster").open_import()
    qtbot.addWidget(again)
    changed = tmp_path / "changed.csv"
    changed.write_text(
        SMALL.read_text(encoding="utf-8").replace("Head Clerk", "Office Superintendent"),
        encoding="utf-8",
    )
    to_preview(again, changed)
    statuses = [
        again.preview_table.item(r, 1).text() for r in range(again.preview_table.rowCount())
    ]
    assert statuses[:3] == ["In roster", "In roster", "Error"]  # line 4 has a bad email
    before = counts(store)
    again.next_button.click()
    assert (again.summary.created, again.summary.updated, again.summary.unchanged) == (0, 1, 2)
    assert counts(store) == (before[0], before[1] + 1)


def test_cancel_leaves_the_database_unchanged(window, dialog):
    store = window.ctx.store
    before = counts(store)
    to_preview(dialog)
    # press Cancel while the import runs (the synchronous runner reports progress inline)
    dialog.progress_bar.valueChanged.connect(lambda _v: dialog.cancel_button.click())
    dialog.next_button.click()
    assert dialog.outcome == "cancelled" and dialog.step == STEP_SUMMARY
    assert "Nothing was changed" in dialog.summary_label.text()
    assert counts(store) == before
    assert (
        store.conn.execute(
            "SELECT count(*) FROM participant WHERE employee_code LIKE 'LKO-TR-%'"
        ).fetchone()[0]
        == 0
    )


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"Name,Mobile\n", "no data rows"),
        (bytes(range(256)) * 8, "not"),
    ],
)
def test_unreadable_files_get_a_message(dialog, tmp_path, content, words):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    dialog.file_edit.setText(str(path))
    dialog.next_button.click()
    assert dialog.step == STEP_FILE
    assert words in dialog.file_error.text()


def test_missing_name_column_is_stopped_at_mapping(dialog):
    dialog.file_edit.setText(str(SMALL))
    dialog.next_button.click()
    name = dialog.mapping_combo(1)
    name.setCurrentIndex(name.findData(""))
    dialog.next_button.click()
    assert dialog.step == STEP_MAPPING
    assert "name in English" in dialog.mapping_error.text()


def test_import_on_the_real_worker_thread(demo_db, qtbot):
    """The same flow with ThreadRunner: progress and results cross threads by signals, and
    the roster page (reading through its own connection) shows the result."""
    from desktop.ui import app as app_module
    from desktop.ui.tasks import ThreadRunner

    window = app_module.start(demo_db, runner=ThreadRunner(), language="en")
    qtbot.addWidget(window)
    try:
        dialog = window.page("roster").open_import()
        qtbot.addWidget(dialog)
        dialog.file_edit.setText(str(SMALL))
        dialog.next_button.click()
        qtbot.waitUntil(lambda: dialog.step == STEP_MAPPING, timeout=5000)
        leave_out_unmatched(dialog)
        dialog.next_button.click()
        qtbot.waitUntil(lambda: dialog.step == STEP_PREVIEW, timeout=5000)
        dialog.next_button.click()
        assert not dialog.next_button.isEnabled() or dialog.step == STEP_SUMMARY
        qtbot.waitUntil(lambda: dialog.step == STEP_SUMMARY, timeout=10000)
        assert dialog.outcome == "done" and dialog.summary.created == 3
        page = window.page("roster")
        page.search.setText("LKO-TR-0008")
        page.apply_search()  # runs on a pool thread now
        qtbot.waitUntil(lambda: page.model.search_text == "LKO-TR-0008", timeout=5000)
        assert [page.model.row_at(r).name_en for r in range(page.model.rowCount())] == [
            "Arvind Kumar"
        ]
    finally:
        window.ctx.runner.wait()
        window.ctx.store.close()


def test_cancel_mid_import_on_the_worker_thread(demo_db, qtbot, tmp_path):
    """A bigger file on the real worker: Cancel at the first progress report rolls back."""
    from desktop.ui import app as app_module
    from desktop.ui.tasks import ThreadRunner

    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Employee Code", "Name (English)", "Name (Hindi)", "Mobile"])
        for n in range(20_000):
            writer.writerow([f"BIG{n:06d}", f"Person {n}", "व्यक्ति", f"9{n:09d}"])
    window = app_module.start(demo_db, runner=ThreadRunner(), language="en")
    qtbot.addWidget(window)
    try:
        store = window.ctx.store
        before = counts(store)
        dialog = window.page("roster").open_import()
        qtbot.addWidget(dialog)
        dialog.file_edit.setText(str(big))
        dialog.next_button.click()
        qtbot.waitUntil(lambda: dialog.step == STEP_MAPPING, timeout=5000)
        dialog.next_button.click()
        qtbot.waitUntil(lambda: dialog.step == STEP_PREVIEW, timeout=5000)
        dialog.progress_bar.valueChanged.connect(lambda _v: dialog.cancel_button.click())
        dialog.next_button.click()
        assert dialog.running and not dialog.next_button.isEnabled()
        qtbot.waitUntil(lambda: dialog.step == STEP_SUMMARY, timeout=30000)
        assert dialog.outcome == "cancelled", dialog.summary_label.text()
        window.ctx.runner.wait()
        assert counts(store) == before
    finally:
        window.ctx.runner.wait()
        window.ctx.store.close()


def test_header_only_file_is_refused_in_hindi_too(start_window, demo_db, qtbot, tmp_path):
    hindi = start_window(demo_db, language="hi")
    dialog = hindi.page("roster").open_import()
    qtbot.addWidget(dialog)
    path = tmp_path / "सूची.csv"
    path.write_bytes("कर्मचारी कोड,नाम\n".encode())
    dialog.file_edit.setText(str(path))
    dialog.next_button.click()
    assert dialog.step == STEP_FILE
    assert dialog.file_error.text() == (
        "सूची.csv में शीर्ष-पंक्ति तो है, पर डेटा की कोई पंक्ति नहीं: आयात करने को कुछ नहीं है।"
    )
