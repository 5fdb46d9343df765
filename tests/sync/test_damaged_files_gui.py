"""The Sync page refuses a damaged bundle or receipt with the same plain message as the CLI,
in English and Hindi, without asking to trust its signer first, and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.sync.bundle import export_bundle
from tests.sync.helpers import participant
from tests.sync.test_bundle_trust_gui import relay_page
from tests.sync.test_damaged_files import db_dump, flip_inside_first_batch
from tests.sync.test_gui import _load_hindi, deliver_language_change
from tests.sync.test_receipt_trust_gui import Yes, answer, choose_file, field_page


def test_a_damaged_bundle_is_refused_in_both_languages(trip, qtbot, monkeypatch):
    page = relay_page(trip, qtbot)
    asked: list[dict] = []
    answer(monkeypatch, Yes, asked)
    for i in range(5):
        trip.field.insert("participant", participant(i))
    path = trip.tmp / "usb.kdbundle"
    export_bundle(trip.field, path)
    part = flip_inside_first_batch(path)
    before = db_dump(trip.relay.path)
    choose_file(monkeypatch, path)
    page.buttons["importBundleButton"].click()
    assert page.message.text() == (
        f"The bundle usb.kdbundle is damaged: its part {part} cannot be read (bad "
        "checksum). Copy it again from the other desk; nothing was changed.")
    assert db_dump(trip.relay.path) == before and asked == []  # damage before trust
    translator = _load_hindi()
    try:
        deliver_language_change()
        assert page.message.text() == (
            f"बंडल usb.kdbundle क्षतिग्रस्त है: उसका भाग {part} पढ़ा नहीं जा सकता (चेकसम ग़लत "
            "है)। इसे दूसरी डेस्क से फिर से कॉपी करें; यहाँ कुछ नहीं बदला।")
    finally:
        QCoreApplication.removeTranslator(translator)
        deliver_language_change()


def test_a_truncated_receipt_is_refused_in_both_languages(trip, qtbot, monkeypatch):
    trip.carry()
    path = trip.receipt()
    path.write_bytes(path.read_bytes()[:-40])  # the USB stick was pulled while copying
    page = field_page(trip, qtbot)
    before = db_dump(trip.field.path)
    choose_file(monkeypatch, path)
    page.buttons["importReceiptButton"].click()
    assert page.message.text() == (
        "The receipt back.kdreceipt is damaged: the file cannot be read (it is cut short or "
        "not valid JSON). Copy it again from the other desk; nothing was changed.")
    assert db_dump(trip.field.path) == before
    translator = _load_hindi()
    try:
        deliver_language_change()
        assert page.message.text().startswith(
            "रसीद back.kdreceipt क्षतिग्रस्त है: उसका पूरा पाठ पढ़ा नहीं जा सकता")
    finally:
        QCoreApplication.removeTranslator(translator)
        deliver_language_change()
