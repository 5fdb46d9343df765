"""The Sync page asks before trusting a relay desk's receipt key, and shows its own key
fingerprint for the other desk to compare (offscreen; tasks run synchronously)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from desktop.core.sync import outbox
from desktop.core.sync.bundle import export_bundle
from desktop.core.sync.keys import DeviceKeys
from desktop.core.sync.receipt import own_fingerprint, trusted_signers
from desktop.ui.context import AppContext
from desktop.ui.sync import page as sync_page
from desktop.ui.sync.dialogs import TrustSignerDialog
from desktop.ui.tasks import SyncRunner
from tests.sync.helpers import participant
from tests.sync.receipt_helpers import forge, states

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def field_page(trip, qtbot):
    ctx = AppContext(trip.field, trip.field.path, SyncRunner())
    page = sync_page.create_page(ctx)
    qtbot.addWidget(page)
    return page


def answer(monkeypatch, button, seen):
    """Replace the dialog's exec: remember what it showed, then click `button` on it."""
    def fake_exec(dialog):
        seen.append({"text": dialog.text(), "info": dialog.informativeText(),
                     "icon": dialog.icon(), "default_no": dialog.defaultButton() is dialog.button(No),
                     "yes": dialog.button(Yes).text()})
        dialog.button(button).click()
        return 0

    monkeypatch.setattr(TrustSignerDialog, "exec", fake_exec)


def choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_page_shows_this_desks_key_fingerprint(trip, qtbot):
    page = field_page(trip, qtbot)
    assert page.key_value.text() == own_fingerprint(trip.field)
    assert page.ui.findChild(QLabel, "keyCaption").text() == (
        "This desk's key fingerprint:")


def test_confirming_the_fingerprint_imports_and_later_receipts_need_no_question(
        trip, qtbot, monkeypatch):
    ids = trip.carry()
    page = field_page(trip, qtbot)
    seen: list[dict] = []
    answer(monkeypatch, Yes, seen)
    choose_file(monkeypatch, trip.receipt())
    page.buttons["importReceiptButton"].click()
    [shown] = seen
    fp = own_fingerprint(trip.relay)
    assert trip.relay.device_id in shown["text"] and "does not trust" in shown["text"]
    assert fp in shown["info"] and shown["default_no"]
    assert shown["icon"] == QMessageBox.Icon.Question
    assert states(trip.field, ids) == {"acked"}
    assert f"{len(ids)} batch(es) confirmed" in page.message.text()
    assert [r["fingerprint"] for r in trusted_signers(trip.field)] == [fp]

    more = trip.carry()
    choose_file(monkeypatch, trip.receipt("second.kdreceipt"))
    page.buttons["importReceiptButton"].click()
    assert len(seen) == 1  # trusted now: no question
    assert states(trip.field, more) == {"acked"}


def test_declining_imports_nothing_and_trusts_nothing(trip, qtbot, monkeypatch):
    ids = trip.carry()
    page = field_page(trip, qtbot)
    seen: list[dict] = []
    answer(monkeypatch, No, seen)
    choose_file(monkeypatch, trip.receipt())
    page.buttons["importReceiptButton"].click()
    assert len(seen) == 1
    assert states(trip.field, ids) == {"queued"} and trusted_signers(trip.field) == []
    assert page.message.text() == "Receipt not imported; nothing changed."


def test_a_forged_receipt_is_a_warning_and_declining_acks_nothing(trip, qtbot, monkeypatch):
    trip.carry()
    page = field_page(trip, qtbot)
    seen: list[dict] = []
    answer(monkeypatch, Yes, seen)
    choose_file(monkeypatch, trip.receipt())
    page.buttons["importReceiptButton"].click()
    trip.field.insert("participant", participant(999))
    export_bundle(trip.field, trip.tmp / "lost.kdbundle")
    lost = [b.batch_id for b in outbox.sendable(trip.field)]
    forger = DeviceKeys(trip.tmp / "forger")
    choose_file(monkeypatch, forge(trip.tmp / "forged.kdreceipt", for_desk=trip.field.device_id,
                                   acked=lost, claims=trip.relay.device_id, keys=forger))
    answer(monkeypatch, No, seen)
    page.buttons["importReceiptButton"].click()
    shown = seen[-1]
    assert shown["icon"] == QMessageBox.Icon.Warning and "forged" in shown["text"]
    assert forger.fingerprint() in shown["info"] and shown["default_no"]
    assert states(trip.field, lost) == {"queued"}


def test_the_question_is_asked_in_hindi(trip, qtbot, monkeypatch):
    from tests.sync.test_gui import _load_hindi, deliver_language_change

    trip.carry()
    page = field_page(trip, qtbot)
    seen: list[dict] = []
    answer(monkeypatch, No, seen)
    choose_file(monkeypatch, trip.receipt())
    translator = _load_hindi()
    try:
        deliver_language_change()
        assert page.ui.findChild(QLabel, "keyCaption").text() == (
            "इस डेस्क की कुंजी का फ़िंगरप्रिंट:")
        page.buttons["importReceiptButton"].click()
    finally:
        QCoreApplication.removeTranslator(translator)
    [shown] = seen
    assert "भरोसा" in shown["text"] and trip.relay.device_id in shown["text"]
    assert own_fingerprint(trip.relay) in shown["info"] and "फ़िंगरप्रिंट" in shown["info"]
    assert shown["yes"] == "फ़िंगरप्रिंट मिलते हैं: भरोसा करें"
    assert page.message.text() == "रसीद आयात नहीं हुई; कुछ नहीं बदला।"
