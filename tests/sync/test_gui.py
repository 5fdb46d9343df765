"""The Sync page and status-bar widget, offscreen, against the reference portal (tasks run
synchronously through SyncRunner)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from desktop.core.sync import outbox
from desktop.paths import resource_path
from desktop.ui.context import AppContext
from desktop.ui.sync import page as sync_page
from desktop.ui.sync.dialogs import FixDialog
from desktop.ui.sync.held_tab import held_text
from desktop.ui.sync.history_tab import describe_run
from desktop.ui.sync.status import SyncController, SyncStatusWidget
from desktop.ui.sync.tables import HELD_TAB, REJECTED_TAB
from desktop.ui.tasks import SyncRunner
from tests.sync.conftest import make_desk
from tests.sync.helpers import participant

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def ctx(qtbot, tmp_path, ref_portal):
    store = make_desk(tmp_path / "desk.db", ref_portal, ref_portal.url)
    context = AppContext(store, store.path, SyncRunner())
    yield context
    _drop_widgets()
    store.close()


def _drop_widgets() -> None:
    """Delete this test's widgets before their store closes (a later language change would
    otherwise reach them)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_sync_now_from_the_page_and_status_widget(ctx, qtbot, ref_portal):
    page = sync_page.create_page(ctx)
    widget = SyncStatusWidget(ctx, auto=False)
    qtbot.addWidget(page)
    qtbot.addWidget(widget)
    for i in range(5):
        ctx.store.insert("participant", participant(i))
    ctx.notify("participant")
    assert "5" in page.pending_value.text()
    assert "5 waiting" in widget.text.text()
    page.buttons["syncButton"].click()
    assert page.pending_value.text() == "0 record(s)"
    assert "5 record(s) reached the portal." in page.message.text()
    assert page.history.rowCount() == 1
    assert "reached the portal" in page.history.item(0, 1).text()
    assert "Portal reachable" in widget.text.text() and "0 waiting" in widget.text.text()
    assert len([r for r in ref_portal.records() if r["kind"] == "participant"]) == 5


def test_rejected_record_shown_fixed_and_discarded(ctx, qtbot, monkeypatch):
    page = sync_page.create_page(ctx)
    qtbot.addWidget(page)
    bad = ctx.store.insert("participant", {"name_en": "Asha Verma", "mobile": "12345"})
    bad2 = ctx.store.insert("participant", {"name_en": "Ravi", "mobile": "1"})
    page.sync_now()
    assert page.rejected.rowCount() == 2
    assert page.rejected.item(0, 1).text() == "Asha Verma"
    assert "mobile" in page.rejected.item(0, 3).text()
    assert page.rejected.item(0, 2).text() == "Invalid value"
    assert page.tabs.tabText(0) == "Rejected records (2)"

    def fake_exec(dialog):
        dialog.edits["mobile"].setText("9876543210")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FixDialog, "exec", fake_exec)
    page.rejected.selectRow(0)
    page.buttons["editButton"].click()
    assert page.rejected.rowCount() == 1  # edited: left quarantine
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.buttons["discardButton"].click()
    assert page.rejected.rowCount() == 0
    page.sync_now()
    assert outbox.pending_count(ctx.store) == 0 and page.rejected.rowCount() == 0
    assert ctx.store.get("participant", bad)["mobile"] == "9876543210"
    assert ctx.store.get("participant", bad2)["deleted"] == 1


def test_enrol_dialog_and_offline_status(qtbot, tmp_path, ref_portal, monkeypatch):
    from desktop.core.centre import init_centre
    from desktop.store import open_store

    store = open_store(tmp_path / "fresh.db")
    init_centre(store, "TST", "Test Institute")
    ctx = AppContext(store, store.path, SyncRunner())
    page = sync_page.create_page(ctx)
    qtbot.addWidget(page)
    assert page.portal_value.text() == "not enrolled yet"
    assert not page.buttons["syncButton"].isEnabled()
    ref_portal.add_enrolment_code("GUI-1", "TST", "Test Institute")

    seen = []

    def fill_the_shown_dialog():
        # The real modal dialog, as a trainer meets it: its fields and OK are on screen.
        dialog = QApplication.activeModalWidget()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen.append((dialog.url.isVisible(), dialog.code.isVisible(), ok.isVisible(),
                     dialog.width() >= 300 and dialog.height() >= 120))
        dialog.url.setText(ref_portal.url)
        dialog.code.setText("GUI-1")
        if ok.isVisible():
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        if dialog.isVisible():
            dialog.reject()  # never left hanging when the form is not there

    QTimer.singleShot(0, fill_the_shown_dialog)
    page.buttons["enrolButton"].click()
    assert seen == [(True, True, True, True)]  # fields, OK on screen; a real size
    assert page.message.text() == "Everything was already up to date."  # enrolled, synced
    assert page.history.rowCount() == 1
    assert page.portal_value.text() == ref_portal.url
    assert page.buttons["syncButton"].isEnabled()
    ref_portal.stop()
    store.insert("participant", participant(1))
    page.sync_now()
    assert "could not be reached" in page.message.text()
    assert "not reachable" in page.reachable_value.text()
    _drop_widgets()
    store.close()


def test_auto_sync_when_portal_becomes_reachable(ctx, qtbot):
    controller = SyncController.for_context(ctx)
    ctx.store.insert("participant", participant(1))
    controller.reachable = False
    controller.probe()  # reachable now: a sync starts by itself
    assert controller.reachable is True
    assert outbox.pending_count(ctx.store) == 0
    ctx.store.meta_set("sync.auth_failed", "1")
    ctx.store.insert("participant", participant(2))
    assert controller.sync_now("auto") is False  # never loops after a 401


def test_retry_after_keeps_auto_sync_quiet_and_resumes_by_itself(ctx, qtbot):
    """§6: after the portal said Retry-After, neither the probe nor the timer knocks early;
    the page says why, and a one-shot timer resumes when the wait is over."""
    from datetime import datetime, timedelta, timezone

    from desktop.protocol.ids import format_ts

    page = sync_page.create_page(ctx)
    widget = SyncStatusWidget(ctx, auto=False)
    qtbot.addWidget(page)
    qtbot.addWidget(widget)
    controller = SyncController.for_context(ctx)
    ctx.store.insert("participant", participant(1))
    later = format_ts(datetime.now(timezone.utc) + timedelta(minutes=10))
    ctx.store.meta_set("sync.retry_at", later)
    controller.reachable = False
    controller.probe()  # the portal answers /info, but asked batches to wait
    assert controller.reachable is True
    assert outbox.pending_count(ctx.store) == 1
    assert controller.sync_now("auto") is False
    assert "Portal busy: next try at" in widget.text.text()
    assert "portal busy" in page.reachable_value.text()
    page.buttons["syncButton"].click()  # a click is told, not sent
    assert outbox.pending_count(ctx.store) == 1
    assert "asked the desk to wait" in page.message.text()
    assert "asked the desk to wait" in page.history.item(0, 1).text()
    assert controller.resume_timer.isActive()
    assert 9 * 60_000 < controller.resume_timer.remainingTime() <= 10 * 60_000 + 1000
    ctx.store.meta_set("sync.retry_at", format_ts(datetime.now(timezone.utc)))
    controller.resume_timer.timeout.emit()  # the wait is over
    assert outbox.pending_count(ctx.store) == 0
    assert "reached the portal" in page.message.text()


HELD_NUMBER = "TST/2026/0001"


def _hold_a_certificate(store) -> None:
    """A certificate number issued here offline that the portal meanwhile gave another
    desk's certificate: the pulled one is held."""
    from desktop.core.sync import engine as sync_engine

    store.insert("certificate", {"number": HELD_NUMBER, "participant_id": "p",
                                 "workshop_id": "w"})
    pulled = {"kind": "certificate", "id": "01900000-0000-7000-8000-0000000003ff",
              "updated_at": "2026-11-02T00:00:00.000Z", "origin": "other-desk",
              "deleted": False, "data": {"number": HELD_NUMBER, "participant_id": "p",
                                         "workshop_id": "w", "revoked_at": None}}
    assert sync_engine.apply_pulled(store, pulled) == "held"


def test_held_update_from_the_portal_is_listed_with_its_reason(ctx, qtbot):
    """Held updates have their own tab and help line, and say why in words a clerk
    understands; the database's message stays available as the tooltip."""
    _hold_a_certificate(ctx.store)
    ctx.store.insert("participant", {"name_en": "Asha Verma", "mobile": "12345"})
    page = sync_page.create_page(ctx)
    qtbot.addWidget(page)
    page.sync_now()  # both local records are rejected; the held update is tried again
    names = {page.rejected.item(i, 1).text() for i in range(page.rejected.rowCount())}
    assert names == {"Asha Verma", HELD_NUMBER}  # the local certificate; no held row here
    assert page.held.rowCount() == 1
    assert page.held.item(0, 0).text() == "Certificate"
    assert page.held.item(0, 1).text() == HELD_NUMBER
    reason = page.held.item(0, 2)
    assert reason.text() == f"Another certificate here already has number {HELD_NUMBER}."
    assert "UNIQUE" not in reason.text() and "Error" not in reason.text()
    assert reason.toolTip() == "IntegrityError: UNIQUE constraint failed: certificate.number"
    assert page.tabs.tabText(REJECTED_TAB) == "Rejected records (2)"
    assert page.tabs.tabText(HELD_TAB) == "Portal updates not applied (1)"
    held_help = page.findChild(QLabel, "heldHelp").text()
    rejected_help = page.findChild(QLabel, "rejectedHelp").text()
    assert "clash with records on this desk" in held_help
    assert "did not accept" not in held_help and "did not accept" in rejected_help
    held_tab = page.tabs.widget(HELD_TAB)
    assert held_tab.isAncestorOf(page.held)
    assert held_tab.isAncestorOf(page.findChild(QLabel, "heldHelp"))
    assert not held_tab.isAncestorOf(page.rejected)
    translator = _load_hindi()
    try:
        deliver_language_change()
        assert page.held.item(0, 2).text() == (
            f"यहाँ पहले से एक और प्रमाण-पत्र का नंबर {HELD_NUMBER} है।")
        assert page.held.item(0, 2).toolTip().startswith("IntegrityError")
        assert page.tabs.tabText(HELD_TAB) == "लागू न हुए पोर्टल अद्यतन (1)"
        assert page.findChild(QLabel, "heldHelp").text().startswith("पोर्टल ने ये अद्यतन")
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(("error", "data", "kind", "expected"), [
    ("IntegrityError: UNIQUE constraint failed: attendance.session_id, "
     "attendance.participant_id", {}, "attendance",
     "This participant's attendance at this session is already recorded here."),
    ("IntegrityError: NOT NULL constraint failed: participant.name_en", {}, "participant",
     "The portal's version has no name_en, which this desk needs."),
    ("IntegrityError: UNIQUE constraint failed: workshop.code", {"code": "W1"}, "workshop",
     "Another record here already has the same code (W1)."),
    ("IntegrityError: FOREIGN KEY constraint failed", {}, "participant",
     "It refers to a record this desk does not have."),
    ("KeyError: 'data'", {}, "participant",
     "This desk could not read the portal's version; a newer Karmayogi Desk may be needed."),
])
def test_every_held_reason_is_in_words(error, data, kind, expected):
    assert held_text({"kind": kind, "error": error, "data": data}) == expected


def test_send_again_queues_a_rejected_record_without_editing_it(ctx, qtbot, ref_portal):
    """The portal said missing_attachment; the photo is put back on this desk; Send again
    queues the visit's current version (no pretend edit) and the next sync delivers it."""
    import hashlib

    from desktop.core import attachments

    photo = b"\xff\xd8\xff\xe0 photo that was missing " * 50
    sha = hashlib.sha256(photo).hexdigest()
    ref = {"sha256": sha, "filename": "visit.jpg", "media_type": "image/jpeg",
           "size": len(photo)}
    vid = ctx.store.insert("field_visit", {
        "district_code": "LKO", "office": "Block office", "department": None,
        "visit_date": "2026-11-20", "purpose": "Follow-up", "team": ["Asha"],
        "people_met": 4, "participant_ids": [], "findings": "", "action_points": [],
        "attachments": [ref]})
    page = sync_page.create_page(ctx)
    qtbot.addWidget(page)
    assert not page.buttons["sendAgainButton"].isEnabled()
    page.sync_now()
    assert page.rejected.rowCount() == 1
    assert page.rejected.item(0, 2).text() == "Photo or document missing"
    assert page.buttons["sendAgainButton"].isEnabled()
    before = ctx.store.get("field_visit", vid)
    attachments.keep_received(ctx.store, sha, photo)  # the user put the photo back
    page.rejected.selectRow(0)
    page.buttons["sendAgainButton"].click()
    assert page.rejected.rowCount() == 0
    assert page.tabs.tabText(REJECTED_TAB) == "Rejected records"
    assert page.pending_value.text() == "1 record(s)"
    assert "will be sent again at the next sync" in page.message.text()
    after = ctx.store.get("field_visit", vid)
    assert after["updated_at"] > before["updated_at"] and after["office"] == "Block office"
    page.sync_now()
    assert page.rejected.rowCount() == 0 and outbox.pending_count(ctx.store) == 0
    [held] = [r for r in ref_portal.records() if r["id"] == vid]
    assert held["updated_at"] == after["updated_at"]


def test_page_has_the_margins_of_the_other_pages_from_its_form(ctx, qtbot):
    """The content does not touch the window's edge; the margins come from the .ui form
    (the same as the roster page's form), not from code."""
    from desktop.ui.uiload import load_ui

    page = sync_page.create_page(ctx)
    page.resize(1000, 700)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    form = page.ui.layout().contentsMargins()
    holder = QWidget()
    roster = load_ui("roster_page.ui", holder).layout().contentsMargins()
    assert (form.left(), form.top(), form.right(), form.bottom()) == (
        roster.left(), roster.top(), roster.right(), roster.bottom())
    title = page.findChild(QLabel, "titleLabel")
    assert title.mapTo(page, title.rect().topLeft()).x() >= 12
    assert page.tabs.mapTo(page, page.tabs.rect().topRight()).x() <= page.width() - 12


def test_table_headers_are_as_tall_in_hindi_as_in_english(ctx, qtbot):
    """Devanagari header text asked Qt for a shorter header than Latin, so Hindi headers
    sat cramped against the top; the form gives every header the same room."""
    _hold_a_certificate(ctx.store)
    page = sync_page.create_page(ctx)
    qtbot.addWidget(page)
    tables = (page.rejected, page.held, page.history)
    english = [t.horizontalHeader().sizeHint().height() for t in tables]
    translator = _load_hindi()
    try:
        deliver_language_change()
        hindi = [t.horizontalHeader().sizeHint().height() for t in tables]
    finally:
        QCoreApplication.removeTranslator(translator)
    assert hindi == english
    line = page.rejected.fontMetrics().height()
    assert all(h >= line + 8 for h in english)


def deliver_language_change() -> None:
    """Deliver the LanguageChange that installing or removing a translator posts, the way the
    main window does (the page's bind_form then re-applies its form and code texts)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def _load_hindi():
    qm = SHOTS.parent / "sync_hi.qm"
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pyside6-lrelease", "-silent", str(resource_path("i18n", "sync_hi.ts")),
                    "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    return translator


def test_hindi_and_screenshots(ctx, qtbot):
    from PySide6.QtGui import QFontDatabase

    for name in ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
    SHOTS.mkdir(parents=True, exist_ok=True)
    ctx.store.insert("participant", {"name_en": "Asha Verma", "mobile": "12345"})
    for i in range(3):
        ctx.store.insert("participant", participant(i))
    page = sync_page.create_page(ctx)
    page.resize(1000, 700)
    qtbot.addWidget(page)
    page.sync_now()
    status = SyncStatusWidget(ctx, auto=False)
    qtbot.addWidget(status)
    page.grab().save(str(SHOTS / "sync_en.png"))
    status.grab().save(str(SHOTS / "sync_status_en.png"))
    translator = _load_hindi()
    try:
        deliver_language_change()
        status.refresh()
        assert page.buttons["syncButton"].text() == "अभी सिंक करें"
        assert page.findChild(QPushButton, "exportBundleButton").text() == "बंडल निर्यात करें…"
        assert "पोर्टल" in status.text.text()
        assert "पोर्टल तक पहुँचे" in page.history.item(0, 1).text()
        assert "पोर्टल तक पहुँचे" in page.message.text()
        assert describe_run({"outcome": "wait", "sent_batches": 0,
                                       "acked_records": 0, "rejected": 0, "pulled": 0,
                                       "pending": 1}).startswith("पोर्टल ने")
        page.grab().save(str(SHOTS / "sync_hi.png"))
        status.grab().save(str(SHOTS / "sync_status_hi.png"))
    finally:
        QCoreApplication.removeTranslator(translator)


def test_waiting_count_is_capped_on_the_gui_thread(ctx, qtbot, monkeypatch):
    """After a big roster import the status bar shows "N+" instead of counting lakhs of
    pending versions at every change; the core still counts exactly without a cap."""
    from desktop.core.sync import outbox
    from desktop.ui.sync import status as sync_status

    monkeypatch.setattr(sync_status, "PENDING_CAP", 3)
    ids = [ctx.store.insert("participant", participant(i)) for i in range(5)]
    ctx.store.update("participant", ids[0], {"designation": "Clerk"})
    assert outbox.pending_count(ctx.store) == 5  # two versions of one record count once
    assert outbox.pending_count(ctx.store, cap=3) == 4  # stopped after cap + 1
    widget = SyncStatusWidget(ctx, auto=False)
    qtbot.addWidget(widget)
    assert "3+ waiting" in widget.text.text()
    page = sync_page.create_page(ctx)
    qtbot.addWidget(page)
    assert page.pending_value.text() == "3+ record(s)"
    monkeypatch.setattr(sync_status, "PENDING_CAP", 10)
    widget.refresh()
    assert "5 waiting" in widget.text.text()


def test_sync_page_warns_when_another_laptop_uses_this_desk_number(ctx, qtbot):
    """A certificate from another device numbered in this desk's range means two laptops
    were set up with the same desk number: the page says so, in Hindi too."""
    from desktop.core.certificates.numbering import format_number

    page = sync_page.create_page(ctx)
    qtbot.addWidget(page)
    assert page.desk_warning.isHidden()
    number = format_number(ctx.store.institute_code, 2026, 42)  # desk 1's range
    ctx.store.apply_record(
        {"kind": "certificate", "id": "01900000-0000-7000-8000-0000000004aa",
         "updated_at": "2026-11-02T00:00:00.000Z",
         "origin": "laptop-two", "deleted": False,
         "data": {"number": number, "participant_id": "p", "workshop_id": "w"}}
    )  # fmt: skip
    ctx.notify("certificate")
    assert not page.desk_warning.isHidden()
    text = page.desk_warning.text()
    assert "desk number 1" in text and number in text and "laptop-two" in text
    translator = _load_hindi()
    try:
        deliver_language_change()
        assert "डेस्क संख्या 1" in page.desk_warning.text()
    finally:
        QCoreApplication.removeTranslator(translator)
