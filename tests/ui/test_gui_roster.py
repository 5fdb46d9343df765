"""The roster screen driven like a user: lazy table, search as you type, add, edit, delete."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.ui.roster.model import ID_ROLE, PAGE_SIZE
from tests.ui.conftest import DEMO_PARTICIPANTS


def type_text(widget, text: str) -> None:
    """Deliver each character as a key event carrying its text, the way a Hindi keyboard does
    (qtbot.keyClicks aborts on Devanagari: Qt's key table is ASCII-only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def roster(window):
    return window.page("roster")


def names(page) -> list[tuple[str, str]]:
    model = page.model
    return [(model.row_at(r).name_hi, model.row_at(r).name_en) for r in range(model.rowCount())]


def test_rows_arrive_lazily(window, qtbot):
    page = roster(window)
    model = page.model
    assert model.rowCount() == PAGE_SIZE < DEMO_PARTICIPANTS
    assert model.canFetchMore(model.index(-1, -1))
    page.table.scrollToBottom()  # the view asks for more when the user reaches the end
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE, timeout=2000)
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == DEMO_PARTICIPANTS
    seqs = [model.row_at(r).seq for r in range(model.rowCount())]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert "600" in page.status.text()


def test_search_as_you_type_latin_and_devanagari(window, qtbot):
    page = roster(window)
    store = window.ctx.store
    target = store.conn.execute(
        "SELECT name_hi, name_en, employee_code FROM participant ORDER BY seq LIMIT 1 OFFSET 17"
    ).fetchone()
    given_en = target["name_en"].split()[0]
    given_hi = target["name_hi"].split()[0]

    qtbot.keyClicks(page.search, given_en.lower())
    assert page.model.search_text == ""  # debounced: nothing ran yet
    qtbot.waitUntil(lambda: page.model.search_text == given_en.lower(), timeout=2000)
    found = names(page)
    assert found and all(given_en.lower() in en.lower() for _hi, en in found)
    assert (target["name_hi"], target["name_en"]) in found

    page.search.clear()
    type_text(page.search, given_hi)
    assert page.search.text() == given_hi
    qtbot.waitUntil(lambda: page.model.search_text == given_hi, timeout=2000)
    found = names(page)
    assert found and all(hi.startswith(given_hi) or f" {given_hi}" in hi for hi, _en in found)

    page.search.setText(target["employee_code"])
    page.apply_search()
    assert [en for _hi, en in names(page)] == [target["name_en"]]

    page.search.setText("zzzqqq")
    page.apply_search()
    assert page.model.rowCount() == 0 and "zzzqqq" in page.status.text()
    page.search.clear()
    page.apply_search()
    assert page.model.rowCount() == PAGE_SIZE


def test_latin_spelling_finds_hindi_only_names(window):
    store = window.ctx.store
    store.insert("participant", {"name_en": "", "name_hi": "रमेश चन्द्र", "employee_code": "HINDI1"})
    page = roster(window)
    page.search.setText("ramesh chandra")
    page.apply_search()
    assert ("रमेश चन्द्र", "") in names(page)


def _fill(dialog, **values):
    for field, value in values.items():
        dialog.edits[field].setText(value)


def test_add_person_validates_then_saves(window, qtbot):
    page = roster(window)
    store = window.ctx.store
    before = store.conn.execute("SELECT count(*) FROM participant").fetchone()[0]
    dialog = page.add_person()
    qtbot.addWidget(dialog)
    _fill(dialog, name_en="", mobile="12345", email="not-an-email", employee_code="AB 12")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    message = dialog.error_label.text()
    assert "Name (English): required" in message
    assert "Mobile: must be 10 digits" in message and "12345" in message
    assert "Email" in message and "Employee code: must not contain spaces" in message
    assert dialog.isVisible()
    assert store.conn.execute("SELECT count(*) FROM participant").fetchone()[0] == before

    _fill(
        dialog,
        name_en="Sita Verma",
        name_hi="सीता वर्मा",
        mobile="9876501234",
        email="sita@example.in",
        employee_code="NEW0001",
    )
    dialog.district.setCurrentIndex(dialog.district.findData("LKO"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible() and dialog.saved_id
    row = store.require("participant", dialog.saved_id)
    assert (row["name_hi"], row["mobile"], row["district_code"], row["employee_code"]) == (
        "सीता वर्मा",
        "9876501234",
        "LKO",
        "NEW0001",
    )
    logged = store.conn.execute(
        "SELECT count(*) FROM change_log WHERE record_id = ?", (dialog.saved_id,)
    ).fetchone()[0]
    assert logged == 1
    page.search.setText("sita verma")
    page.apply_search()
    assert ("सीता वर्मा", "Sita Verma") in names(page)


def test_duplicate_employee_code_is_refused(window, qtbot):
    store = window.ctx.store
    existing = store.conn.execute(
        "SELECT employee_code, name_en FROM participant LIMIT 1"
    ).fetchone()
    dialog = roster(window).add_person()
    qtbot.addWidget(dialog)
    _fill(dialog, name_en="Someone Else", employee_code=existing["employee_code"])
    dialog.save()
    assert existing["name_en"] in dialog.error_label.text() and dialog.saved_id is None


def test_edit_person_changes_only_that_person(window, qtbot):
    page = roster(window)
    store = window.ctx.store
    page.table.selectRow(3)
    record_id = page.selected_id()
    assert record_id == page.model.data(page.model.index(3, 0), ID_ROLE)
    before = store.require("participant", record_id)
    dialog = page.edit_person()
    qtbot.addWidget(dialog)
    assert dialog.edits["name_en"].text() == before["name_en"]
    assert dialog.district.currentData() == before["district_code"]
    dialog.edits["designation"].setText("Deputy Collector")
    dialog.save()
    after = store.require("participant", record_id)
    assert after["designation"] == "Deputy Collector"
    assert after["changed_by"] == "Admin"  # the demo's desk user made this version (issue 16)
    kept = ("designation", "updated_at", "changed_by")
    assert {k: after[k] for k in after if k not in kept} == {
        k: before[k] for k in before if k not in kept
    }
    assert page.model.row_at(3).designation == "Deputy Collector"  # the table redrew


def test_delete_asks_and_tombstones(window, monkeypatch):
    page = roster(window)
    store = window.ctx.store
    page.table.selectRow(0)
    record_id = page.selected_id()
    monkeypatch.setattr("desktop.ui.roster.page.ask_yes_no", lambda *a: False)
    assert page.delete_person() is False
    assert store.get("participant", record_id)["deleted"] == 0
    monkeypatch.setattr("desktop.ui.roster.page.ask_yes_no", lambda *a: True)
    assert page.delete_person() is True
    assert store.get("participant", record_id)["deleted"] == 1
    assert record_id not in {page.model.row_at(r).id for r in range(page.model.rowCount())}


def test_person_form_uses_the_roster_rules(window, qtbot):
    """The core's validator cleans values (mobile with +91 and dashes) and its messages show
    for rules the form has no translation of (a Hindi name typed in Latin letters)."""
    page = roster(window)
    store = window.ctx.store
    dialog = page.add_person()
    qtbot.addWidget(dialog)
    _fill(dialog, name_en="Kavita Rao", name_hi="Kavita Rao", mobile="+91 98765-01299")
    dialog.save()
    assert "not in Devanagari" in dialog.error_label.text() and dialog.saved_id is None
    _fill(dialog, name_hi="कविता राव")
    dialog.group.setCurrentIndex(dialog.group.findData("contractual"))
    dialog.save()
    row = store.require("participant", dialog.saved_id)
    assert (row["mobile"], row["name_hi"], row["service_group"]) == (
        "9876501299",
        "कविता राव",
        "contractual",
    )


def test_search_on_the_pool_thread_follows_the_typing(demo_db, qtbot):
    """With the real runner, a search typed on while another runs ends showing the newest text."""
    from desktop.ui import app as app_module
    from desktop.ui.tasks import ThreadRunner

    window = app_module.start(demo_db, runner=ThreadRunner(), language="en")
    qtbot.addWidget(window)
    try:
        page = roster(window)
        page.search.setText("ra")
        page.apply_search()
        page.search.setText("ramesh")
        page.apply_search()  # the first search may still run: this one follows it
        qtbot.waitUntil(lambda: page.model.search_text == "ramesh", timeout=5000)
        found = names(page)
        assert found and all("ramesh" in en.lower() or "रमेश" in hi for hi, en in found)
        page.search.clear()
        page.apply_search()
        assert page.model.rowCount() == PAGE_SIZE and page.model.search_text == ""
    finally:
        window.ctx.runner.wait()
        window.ctx.store.close()
