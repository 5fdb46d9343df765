"""The Sync page and status-bar widget, offscreen, against the reference portal (tasks run
synchronously through SyncRunner)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from desktop.core.sync import outbox
from desktop.paths import resource_path
from desktop.ui.context import AppContext
from desktop.ui.pages import sync as sync_page
from desktop.ui.sync_status import SyncController, SyncStatusWidget
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

    monkeypatch.setattr(sync_page.FixDialog, "exec", fake_exec)
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

    def fake_exec(dialog):
        dialog.url.setText(ref_portal.url)
        dialog.code.setText("GUI-1")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sync_page.EnrolDialog, "exec", fake_exec)
    page.buttons["enrolButton"].click()
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

    from desktop.core.ids import format_ts

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


def test_held_update_from_the_portal_is_listed_with_its_reason(ctx, qtbot):
    from desktop.core.sync import engine as sync_engine

    ctx.store.insert("certificate", {"number": "TST/2026/0001", "participant_id": "p",
                                     "workshop_id": "w"})
    pulled = {"kind": "certificate", "id": "01900000-0000-7000-8000-0000000003ff",
              "updated_at": "2026-11-02T00:00:00.000Z", "origin": "other-desk",
              "deleted": False, "data": {"number": "TST/2026/0001", "participant_id": "p",
                                         "workshop_id": "w", "revoked_at": None}}
    assert sync_engine.apply_pulled(ctx.store, pulled) == "held"
    page = sync_page.create_page(ctx)
    qtbot.addWidget(page)
    assert page.rejected.rowCount() == 1
    assert page.rejected.item(0, 0).text() == "Certificate"
    assert page.rejected.item(0, 1).text() == "TST/2026/0001"
    assert page.rejected.item(0, 2).text() == "Update from the portal not applied here"
    assert "UNIQUE" in page.rejected.item(0, 3).text()
    assert page.tabs.tabText(0) == "Rejected records (1)"
    assert not page.buttons["editButton"].isEnabled()  # fix the local record instead


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
        page.retranslate()
        status.refresh()
        assert page.buttons["syncButton"].text() == "अभी सिंक करें"
        assert page.findChild(QPushButton, "exportBundleButton").text() == "बंडल निर्यात करें…"
        assert "पोर्टल" in status.text.text()
        assert "पोर्टल तक पहुँचे" in page.history.item(0, 1).text()
        assert "पोर्टल तक पहुँचे" in page.message.text()
        assert sync_page.describe_run({"outcome": "wait", "sent_batches": 0,
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
    from desktop.ui import sync_status

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
