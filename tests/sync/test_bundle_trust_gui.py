"""The Sync page asks before importing a bundle from a desk key it does not trust, and lists
the trusted desk keys with a Remove action (offscreen; tasks run synchronously)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from desktop.core.sync import trust
from desktop.core.sync.bundle import export_bundle
from desktop.core.sync.keys import DeviceKeys
from desktop.core.sync.receipt import own_fingerprint
from desktop.ui.context import AppContext
from desktop.ui.sync import page as sync_page
from desktop.ui.sync.tables import TRUSTED_TAB
from desktop.ui.tasks import SyncRunner
from tests.sync.helpers import participant
from tests.sync.test_receipt_trust_gui import No, Yes, answer, choose_file

_made = [0]


def relay_page(trip, qtbot):
    ctx = AppContext(trip.relay, trip.relay.path, SyncRunner())
    page = sync_page.create_page(ctx)
    qtbot.addWidget(page)
    return page


def bundle(trip, keys=None):
    _made[0] += 1
    trip.field.insert("participant", participant(700 + _made[0]))
    path = trip.tmp / f"gui{_made[0]}.kdbundle"
    export_bundle(trip.field, path, keys=keys)
    return path


def people(store) -> int:
    return store.conn.execute("SELECT count(*) FROM participant").fetchone()[0]


def test_confirming_the_fingerprint_imports_and_later_bundles_need_no_question(
        trip, qtbot, monkeypatch):
    page = relay_page(trip, qtbot)
    seen: list[dict] = []
    answer(monkeypatch, Yes, seen)
    choose_file(monkeypatch, bundle(trip))
    page.buttons["importBundleButton"].click()
    [shown] = seen
    fp = own_fingerprint(trip.field)
    assert trip.field.device_id in shown["text"] and "TST" in shown["text"]
    assert "does not trust" in shown["text"] and "bundle" in shown["text"]
    assert fp in shown["info"] and "later bundles" in shown["info"] and shown["default_no"]
    assert shown["icon"] == QMessageBox.Icon.Question
    assert people(trip.relay) == 1 and page.message.text().startswith("Bundle imported")
    assert [r["fingerprint"] for r in trust.trusted_keys(trip.relay)] == [fp]
    assert page.trusted.rowCount() == 1 and page.trusted.item(0, 1).text() == fp
    assert page.trusted.item(0, 0).text() == trip.field.device_id
    assert page.trusted.item(0, 3).text() == "fingerprint confirmed"

    choose_file(monkeypatch, bundle(trip))
    page.buttons["importBundleButton"].click()
    assert len(seen) == 1  # trusted now: no question
    assert people(trip.relay) == 2


def test_declining_imports_nothing_and_trusts_nothing(trip, qtbot, monkeypatch):
    page = relay_page(trip, qtbot)
    seen: list[dict] = []
    answer(monkeypatch, No, seen)
    choose_file(monkeypatch, bundle(trip))
    page.buttons["importBundleButton"].click()
    assert len(seen) == 1
    assert people(trip.relay) == 0 and trust.trusted_keys(trip.relay) == []
    assert page.message.text() == "Bundle not imported; nothing changed."
    assert page.trusted.rowCount() == 0
    assert not page.buttons["removeTrustButton"].isEnabled()


def test_a_forged_bundle_is_a_warning_and_declining_applies_nothing(trip, qtbot, monkeypatch):
    trip.carry()
    page = relay_page(trip, qtbot)
    seen: list[dict] = []
    answer(monkeypatch, No, seen)
    forger = DeviceKeys(trip.tmp / "forger")
    choose_file(monkeypatch, bundle(trip, keys=forger))
    page.buttons["importBundleButton"].click()
    [shown] = seen
    assert shown["icon"] == QMessageBox.Icon.Warning and "forged" in shown["text"]
    assert trip.field.device_id in shown["text"] and "overwrite records" in shown["text"]
    assert forger.fingerprint() in shown["info"] and shown["default_no"]
    assert people(trip.relay) == 2  # the carried trip only


def test_remove_stops_trusting_and_the_next_bundle_asks_again(trip, qtbot, monkeypatch):
    trip.carry()
    page = relay_page(trip, qtbot)
    assert page.trusted.rowCount() == 1 and page.buttons["removeTrustButton"].isEnabled()
    asked: list[str] = []

    def reply(button):
        def fake_exec(box):
            asked.append(box.text())
            assert box.defaultButton() is box.button(No)
            box.button(button).click()
            return 0
        return fake_exec

    page.trusted.selectRow(0)
    monkeypatch.setattr(QMessageBox, "exec", reply(No))
    page.buttons["removeTrustButton"].click()
    assert len(trust.trusted_keys(trip.relay)) == 1 and page.trusted.rowCount() == 1

    page.trusted.selectRow(0)
    monkeypatch.setattr(QMessageBox, "exec", reply(Yes))
    page.buttons["removeTrustButton"].click()
    assert own_fingerprint(trip.field) in asked[-1] and trip.field.device_id in asked[-1]
    assert trust.trusted_keys(trip.relay) == [] and page.trusted.rowCount() == 0
    assert page.message.text() == f"Desk {trip.field.device_id} is no longer trusted."

    seen: list[dict] = []
    answer(monkeypatch, No, seen)
    choose_file(monkeypatch, bundle(trip))
    page.buttons["importBundleButton"].click()
    assert len(seen) == 1 and people(trip.relay) == 2


def test_the_question_and_the_list_are_in_hindi(trip, qtbot, monkeypatch):
    from tests.sync.test_gui import _load_hindi, deliver_language_change

    trip.carry()
    page = relay_page(trip, qtbot)
    seen: list[dict] = []
    answer(monkeypatch, No, seen)
    choose_file(monkeypatch, bundle(trip))
    translator = _load_hindi()
    try:
        deliver_language_change()
        assert page.tabs.tabText(TRUSTED_TAB) == "भरोसेमंद डेस्क"
        assert page.trusted.horizontalHeaderItem(1).text() == "कुंजी का फ़िंगरप्रिंट"
        assert page.trusted.item(0, 3).text() == "फ़िंगरप्रिंट की पुष्टि हुई"
        assert page.buttons["removeTrustButton"].text() == "हटाएँ…"
        trust.untrust(trip.relay, own_fingerprint(trip.field))  # so the next bundle asks
        page.buttons["importBundleButton"].click()
    finally:
        QCoreApplication.removeTranslator(translator)
    [shown] = seen
    assert "भरोसा" in shown["text"] and "बंडल" in shown["text"]
    assert trip.field.device_id in shown["text"] and "TST" in shown["text"]
    assert own_fingerprint(trip.field) in shown["info"] and "बंडल" in shown["info"]
    assert shown["yes"] == "फ़िंगरप्रिंट मिलते हैं: भरोसा करें"
    assert page.message.text() == "बंडल आयात नहीं हुआ; कुछ नहीं बदला।"

