"""The field visits page driven with qtbot: fill the form, add an action point, attach a photo,
save, close a carried-over point; the list highlights overdue visits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fv_helpers import jpeg, visit_data
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.core import attachments as att
from desktop.core import field_visits as fv
from desktop.store import open_store
from desktop.ui.context import AppContext
from desktop.ui.field_visits.common import OVERDUE_BG
from desktop.ui.field_visits.page import create_page
from desktop.ui.tasks import SyncRunner


@pytest.fixture
def page(qtbot, db_path):
    store = open_store(db_path)
    ctx = AppContext(store, db_path, SyncRunner())
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    yield widget
    store.close()


def type_hindi(widget, text: str) -> None:
    """How a Hindi keyboard delivers text (qtbot.keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_fill_attach_and_save(page, qtbot, tmp_path):
    store = page.ctx.store
    qtbot.mouseClick(
        page.list.findChild(type(page.form.save_button), "newButton"), Qt.MouseButton.LeftButton
    )
    form = page.form
    assert page.currentWidget() is form
    form.district.setCurrentIndex(form.district.findData("LKO"))
    qtbot.keyClicks(form.office, "Vikas Bhawan")
    form.department.setCurrentIndex(form.department.findData("Revenue"))
    form.date.setDate(QDate(2026, 10, 5))
    type_hindi(form.purpose, "प्रशिक्षण आवश्यकता का आकलन")
    form.people.setValue(12)
    qtbot.keyClicks(form.team_edit, "Anita Singh")
    qtbot.keyClick(form.team_edit, Qt.Key.Key_Return)
    type_hindi(form.findings, "iGOT पंजीकरण अधूरा है।")
    row = form.add_action_row()
    form.actions.item(row, 0).setText("iGOT पंजीकरण पूर्ण कराना")
    form.actions.item(row, 1).setText("DNO")
    form.actions.item(row, 2).setText("2026-10-20")
    photo = tmp_path / "site.jpg"
    photo.write_bytes(jpeg(gps=True))
    form.add_files([photo])
    assert form.attach_list.count() == 1
    assert not form.attach_list.item(0).icon().isNull()  # a thumbnail
    assert "Location data removed" in form.attach_note.text()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.error.isVisible(), form.error.text()
    visit = fv.load_visit(store, form.visit_id)
    assert visit["purpose"] == "प्रशिक्षण आवश्यकता का आकलन"
    assert visit["findings"] == "iGOT पंजीकरण अधूरा है।"
    assert visit["team"] == ["Anita Singh"]
    assert visit["action_points"] == [
        {
            "text": "iGOT पंजीकरण पूर्ण कराना",
            "owner": "DNO",
            "due_date": "2026-10-20",
            "status": "open",
        }
    ]
    ref = visit["attachments"][0]
    assert ref["filename"] == "site.jpg"
    assert not att.has_location(att.read_attachment(store, ref["sha256"]))
    # back to the list: the new visit is there and, being overdue, highlighted
    form.closed.emit()
    assert page.currentWidget() is page.list
    assert page.list.table.rowCount() == 1
    assert page.list.table.item(0, 0).background().color() == OVERDUE_BG


def test_keep_location_checkbox(page, tmp_path):
    form = page.form
    page.show_visit(None)
    form.keep_location.setChecked(True)
    photo = tmp_path / "keep.jpg"
    photo.write_bytes(jpeg(gps=True, color=(1, 2, 3)))
    form.add_files([photo])
    sha = form.refs[0]["sha256"]
    assert att.has_location(att.read_attachment(page.ctx.store, sha))


def test_errors_shown_and_nothing_saved(page, qtbot, tmp_path):
    form = page.form
    page.show_visit(None)
    future = date.today() + timedelta(days=30)
    form.date.setDate(QDate(future.year, future.month, future.day))
    form.people.setValue(5)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error.isVisible()
    text = form.error.text()
    for label in ("District", "Office", "Purpose", "Visit date"):
        assert label in text
    assert "future" in text
    assert form.office.styleSheet()  # the field is marked
    assert page.ctx.store.conn.execute("SELECT count(*) FROM field_visit").fetchone()[0] == 0
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8" + b"0" * (att.MAX_BYTES + 10))
    form.add_files([big])
    assert "10 MiB" in form.attach_note.text() and form.attach_list.count() == 0


def test_carried_point_closed_from_next_visit(page, qtbot):
    store = page.ctx.store
    first = fv.create_visit(store, visit_data())
    page.list.reload()
    page.show_visit(None)
    form = page.form
    form.district.setCurrentIndex(form.district.findData("LKO"))
    form.office.setText("  vikas  BHAWAN ")
    form.office.editingFinished.emit()
    form.date.setDate(QDate(2026, 11, 10))
    assert form.carried_table.rowCount() == 2
    assert form.carried_table.item(0, 1).text() == "iGOT पंजीकरण पूर्ण कराना"
    assert form.carried_table.item(0, 1).background().color() == OVERDUE_BG  # overdue
    combo = form.carried_table.cellWidget(0, 4)
    combo.setCurrentIndex(combo.findData("done"))
    form.purpose.setText("Follow-up")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.error.isVisible(), form.error.text()
    assert fv.load_visit(store, first)["action_points"][0]["status"] == "done"
    assert form.carried_table.rowCount() == 1  # only the still-open one is left


def test_quick_add_plan_workshop_and_report(page, tmp_path, monkeypatch):
    store = page.ctx.store
    vid = fv.create_visit(store, visit_data())
    prog = store.insert(
        "programme", {"code": "P1", "title_en": "e-Office", "hours": 3, "min_attendance_pct": 75}
    )
    page.list.reload()
    page.list.table.selectRow(0)
    page.list._open_current()
    form = page.form
    assert form.visit_id == vid
    form.quick_add_person("Sita Devi", "सीता देवी", "Clerk", "9876543210")
    assert form.linked.count() == 1 and "सीता देवी" in form.linked.item(0).text()
    assert form.workshops_label.text() == ""
    form.plan_workshop(prog)
    w = store.require("workshop", form.last_workshop)
    assert (w["mode"], w["district_code"], w["venue"]) == ("field", "LKO", "Vikas Bhawan")
    assert form.workshops_label.text() == f"Field workshops: 05-10-2026 {w['title_en']}"
    # Opening the visit again shows the workshops planned from it.
    page.show_list()
    page.show_visit(vid)
    assert w["title_en"] in form.workshops_label.text()
    page.show_visit(None)
    assert form.workshops_label.text() == ""
    page.show_visit(vid)
    form.make_report(tmp_path / "one.pdf")
    assert form.last_report and form.last_report.read_bytes().startswith(b"%PDF")
    # the list's monthly review needs a district and a month
    page.show_list()
    page.list.month_report(tmp_path / "m.pdf")
    assert "Choose a district" in page.list.count.text()
    page.list.district.setCurrentIndex(page.list.district.findData("LKO"))
    page.list.month.setCurrentIndex(page.list.month.findData("2026-10"))
    page.list.month_report(tmp_path / "m.pdf")
    assert page.list.last_report == tmp_path / "m.pdf"


def test_missing_attachment_shown_record_kept(page):
    store = page.ctx.store
    stored = att.add_bytes(store, jpeg(), "gone.jpg")
    vid = fv.create_visit(store, visit_data(attachments=[stored.ref()]))
    stored.path.unlink()
    page.show_visit(vid)
    assert "no longer on disk" in page.form.attach_note.text()
    assert page.form.attach_list.count() == 1
    assert fv.load_visit(store, vid)["attachments"] == [stored.ref()]


def test_due_date_edited_with_calendar(page):
    form = page.form
    page.show_visit(None)
    row = form.add_action_row(
        {"text": "x", "owner": "y", "due_date": "2026-12-01", "status": "open"}
    )
    index = form.actions.model().index(row, 2)
    delegate = form.actions.itemDelegateForColumn(2)
    editor = delegate.createEditor(form.actions.viewport(), None, index)
    delegate.setEditorData(editor, index)
    assert editor.date() == QDate(2026, 12, 1)
    editor.setDate(QDate(2027, 1, 15))
    delegate.setModelData(editor, form.actions.model(), index)
    assert form.action_points()[0]["due_date"] == "2027-01-15"
    editor.setDate(editor.minimumDate())  # "none"
    delegate.setModelData(editor, form.actions.model(), index)
    assert form.action_points()[0]["due_date"] is None


def test_many_refreshes_do_not_abort(db_path):
    """PySide6 6.12.0 drops a reference to None per void Qt call; the page guards against it
    (run in a child process: without the guard the interpreter aborts)."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(f"""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from desktop.core import field_visits as fv
        from desktop.store import open_store
        from desktop.ui.context import AppContext
        from desktop.ui.field_visits.page import create_page
        from desktop.ui.tasks import SyncRunner
        store = open_store({str(db_path)!r})
        for i in range(30):
            fv.create_visit(store, dict(district_code="LKO", office=f"Office {{i}}",
                visit_date="2026-10-05", purpose="p", action_points=[
                dict(text="t", owner="o", due_date="2026-10-06", status="open")]))
        page = create_page(AppContext(store, None, SyncRunner()))
        for _ in range(150):
            page.list.refresh()
        print("survived")
    """)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout


def test_heic_photo_attached_from_the_form(page, tmp_path):
    """A phone's HEIC is accepted: listed under its JPEG name with a thumbnail, the user is
    told it was converted and that the location was removed, and the saved visit names it."""
    from fv_helpers import heic

    form = page.form
    page.show_visit(None)
    photo = tmp_path / "IMG_0042.HEIC"
    photo.write_bytes(heic(gps=True))
    form.add_files([photo])
    assert form.attach_list.count() == 1
    item = form.attach_list.item(0)
    assert item.text() == "IMG_0042.jpg" and not item.icon().isNull()
    note = form.attach_note.text()
    assert "IMG_0042.HEIC (HEIC) is stored as the JPEG IMG_0042.jpg" in note
    assert "Location data removed from IMG_0042.jpg" in note
    assert form.refs[0]["media_type"] == "image/jpeg"
    assert not att.has_location(att.read_attachment(page.ctx.store, form.refs[0]["sha256"]))


def _fill_minimum(form) -> None:
    form.district.setCurrentIndex(form.district.findData("LKO"))
    form.office.setText("Vikas Bhawan")
    form.date.setDate(QDate(2026, 10, 5))
    form.purpose.setText("Review")


def test_cancelled_form_leaves_no_files_saved_ones_stay(page, qtbot, tmp_path):
    """Photos attached and then abandoned (Cancel, or removed before saving) are removed;
    the saved visit's photo, and any file a record names, stay."""
    from PySide6.QtWidgets import QPushButton

    store, form = page.ctx.store, page.form
    cancel = form.ui.findChild(QPushButton, "cancelButton")
    page.show_visit(None)
    left = tmp_path / "left.jpg"
    left.write_bytes(jpeg(color=(9, 9, 9)))
    form.add_files([left])
    left_path = att.attachment_path(store, form.refs[0]["sha256"])
    assert left_path.exists()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert page.currentWidget() is page.list
    assert not left_path.exists() and form.staged == {}

    # saved with one photo; a second attached and removed again before saving
    page.show_visit(None)
    _fill_minimum(form)
    keep, drop = tmp_path / "keep.jpg", tmp_path / "drop.jpg"
    keep.write_bytes(jpeg(color=(1, 2, 3)))
    drop.write_bytes(jpeg(color=(3, 2, 1)))
    form.add_files([keep, drop])
    keep_sha, drop_sha = (r["sha256"] for r in form.refs)
    form.attach_list.item(1).setSelected(True)
    form.ui.findChild(QPushButton, "removeFileButton").click()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.error.isVisible(), form.error.text()
    assert att.is_present(store, keep_sha) and not att.is_present(store, drop_sha)
    # opening the saved visit and cancelling removes nothing
    visit_id = form.visit_id
    page.show_visit(visit_id)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert att.is_present(store, keep_sha)
    assert fv.load_visit(store, visit_id)["attachments"][0]["sha256"] == keep_sha


def test_start_up_removes_day_old_abandoned_files(page):
    from datetime import datetime, timedelta, timezone

    from desktop.ui.app import clean_abandoned_attachments

    store = page.ctx.store
    old = att.add_bytes(store, jpeg(color=(5, 5, 5)), "old.jpg")
    new = att.add_bytes(store, jpeg(color=(6, 6, 6)), "new.jpg")
    day_ago = datetime.now(timezone.utc) - timedelta(hours=25)
    store.conn.execute(
        "UPDATE attachment SET staged_at = ? WHERE sha256 = ?",
        (day_ago.strftime("%Y-%m-%dT%H:%M:%S.000Z"), old.sha256),
    )
    clean_abandoned_attachments(page.ctx)  # the SyncRunner runs it at once
    assert not old.path.exists() and new.path.exists()
