"""With Hindi chosen, the core's messages about enrolment, sync, USB bundles, certificates and
iGOT reach the person in Hindi (desktop/ui/said.py over the said_*_hi.ts catalogues), through
the real pages against a real reference portal / a fake iGOT on loopback. The core's English
stays as it was (the CLI and the other tests read it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.core.centre import init_centre
from desktop.core.sync.engine import enrol
from desktop.portal.server import start_portal
from desktop.store import open_store
from desktop.ui.context import AppContext
from desktop.ui.tasks import SyncRunner

DEVANAGARI = re.compile(r"[\u0900-\u097F]")
#: Latin words a Hindi message may keep: names, codes, addresses, technical terms
LATIN = re.compile(r"[A-Za-z][A-Za-z_-]{2,}")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def hindi(qapp):
    from desktop.ui.i18n import Translations

    translations = Translations.shared(qapp)
    translations.apply("hi")
    yield
    translations.apply("en")
    for widget in QApplication.topLevelWidgets():  # before their store closes
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def portal(tmp_path):
    p = start_portal(tmp_path / "portal")
    yield p
    p.stop()


@pytest.fixture
def desk(tmp_path):
    store = open_store(tmp_path / "desk.db")
    init_centre(store, "TST", "Test Institute", "परीक्षण संस्थान")
    yield store
    store.close()


def _sync_page(store, qtbot):
    from desktop.ui.sync import page as sync_page

    page = sync_page.create_page(AppContext(store, store.path, SyncRunner()))
    qtbot.addWidget(page)
    return page


def _latin_words(text: str, *allowed: str) -> list[str]:
    for a in allowed:
        text = text.replace(a, "")
    return LATIN.findall(text)


def test_enrolling_with_a_wrong_code_is_refused_in_hindi(hindi, desk, portal, qtbot):
    page = _sync_page(desk, qtbot)
    portal.add_enrolment_code("RIGHT-1", "TST", "Test Institute")

    def fill_the_shown_dialog():
        dialog = QApplication.activeModalWidget()
        dialog.url.setText(portal.url)
        dialog.code.setText("WRONG-9")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_the_shown_dialog)
    page.buttons["enrolButton"].click()
    assert page.message.text() == "पंजीकरण कोड गलत है या पहले ही उपयोग हो चुका है।"
    assert desk.meta_get("sync.portal_url") is None  # not enrolled
    with pytest.raises(Exception, match="^The enrolment code is wrong or was already used.$"):
        enrol(desk, portal.url, "WRONG-9")  # the core's English, as the CLI prints it


def test_a_portal_that_is_down_and_an_unusable_address_are_said_in_hindi(
    hindi, desk, portal, qtbot
):
    portal.add_enrolment_code("GUI-1", "TST", "Test Institute")
    enrol(desk, portal.url, "GUI-1")
    page = _sync_page(desk, qtbot)
    portal.stop()
    desk.insert("participant", {"name_en": "Asha Verma", "mobile": "9876543210"})
    page.sync_now()
    text = page.message.text()
    assert text == "पोर्टल से संपर्क नहीं हो सका; कुछ भी खोया नहीं है, फिर से प्रयास होगा।"
    assert page.history.item(0, 1).text() == text
    # An address the desk refuses to send names over: the core's InsecureUrl, in Hindi.
    desk.meta_set("sync.portal_url", "http://portal.example.org/sync")
    page.sync_now()
    text = page.message.text()
    assert text == (
        "http://portal.example.org/sync: सादा http केवल इसी कंप्यूटर (127.0.0.1) के लिए अनुमत "
        "है; https:// का उपयोग करें, ताकि नाम और मोबाइल नंबर रास्ते में एन्क्रिप्ट रहें।"
    )
    _shoot(page, "said_hi_sync_address")
    _assert_not_clipped(page.message)


def test_the_current_runs_problem_is_said_in_hindi_and_a_stored_one_in_english(hindi):
    from desktop.core.sync.client import Refused
    from desktop.core.sync.engine import _said
    from desktop.ui.sync.history_tab import describe_run

    run = {"outcome": "error", "sent_batches": 0, "acked_records": 0, "rejected": 0,
           "pulled": 0, "pending": 0, "message": _said(Refused(422, {"error": "bad_batch"}))}
    assert run["message"] == "The portal refused the request (HTTP 422: bad_batch)."
    shown = describe_run(run)
    assert "पोर्टल ने अनुरोध अस्वीकार कर दिया (HTTP 422: bad_batch)।" in shown
    assert _latin_words(shown, "HTTP", "bad_batch") == []
    stored = dict(run, message=str(run["message"]))  # from sync_run: plain English
    assert "The portal refused the request" in describe_run(stored)


def test_a_bundle_this_desk_made_is_refused_in_hindi(hindi, desk, portal, qtbot, tmp_path,
                                                     monkeypatch):
    from desktop.ui.sync import usb

    portal.add_enrolment_code("GUI-2", "TST", "Test Institute")
    enrol(desk, portal.url, "GUI-2")
    desk.insert("participant", {"name_en": "Asha Verma", "mobile": "9876543210"})
    page = _sync_page(desk, qtbot)
    bundle = tmp_path / "own.kdbundle"
    monkeypatch.setattr(usb.QFileDialog, "getSaveFileName", lambda *a, **k: (str(bundle), ""))
    monkeypatch.setattr(usb.QInputDialog, "getText", lambda *a, **k: ("", True))
    page.export_bundle()
    assert bundle.is_file()
    monkeypatch.setattr(usb.QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    page.import_bundle()
    assert page.message.text() == (
        f"{bundle} इसी डेस्क पर बना है; इसे किसी दूसरे डेस्क पर आयात करें।"
    )
    missing = tmp_path / "गायब.kdbundle"
    monkeypatch.setattr(usb.QFileDialog, "getOpenFileName", lambda *a, **k: (str(missing), ""))
    page.import_bundle()
    assert page.message.text() == f"{missing} खोली नहीं जा सकी (ऐसी कोई फ़ाइल या फ़ोल्डर नहीं है)।"
    _shoot(page, "said_hi_sync_bundle")


def _shoot(widget, name: str) -> None:
    """The page at both screen sizes, for a person to look at (build/screenshots)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1366, 768), (1024, 768)):
        widget.resize(w, h)
        widget.show()
        QApplication.processEvents()
        assert widget.grab().save(str(SHOTS / f"{name}_{w}x{h}.png"))


def _assert_not_clipped(label) -> None:
    """Long Hindi wraps: the label is as tall as its text needs at its width."""
    assert label.wordWrap()
    assert label.height() >= label.heightForWidth(label.width())


def test_issuing_without_the_signing_key_is_said_in_hindi(hindi, db_path, qtbot):
    pytest.importorskip("PySide6.QtPrintSupport")
    from desktop.core.certificates import keys
    from desktop.ui.certificates import page as page_module
    from tests.certificates.certdata import make_workshop

    store = open_store(db_path)
    try:
        kid = keys.ensure_signing_key(store)
        workshop = make_workshop(store)
        folder = keys.keys_dir(store)
        key_files = [p for p in folder.iterdir() if kid.replace(":", "-") in p.name]
        assert key_files
        for p in key_files:
            p.unlink()
        page = page_module.create_page(AppContext(store, store.path, SyncRunner()))
        qtbot.addWidget(page)
        page.workshop_combo.setCurrentIndex(page.workshop_combo.findData(workshop["workshop"]))
        page.tabs.setCurrentIndex(1)
        assert page.tabs.tabText(1) == "जारी करें"
        page.issue_button.click()
        text = page.issue_status.text()
        assert text.startswith(f"हस्ताक्षर कुंजी {kid} ")
        assert "कुंजी फ़ोल्डर बैकअप से पुनर्स्थापित करें" in text and "keys rotate" in text
        _shoot(page, "said_hi_certificate_key")  # last at 1024 px: two lines there
        label = page.issue_status
        _assert_not_clipped(label)
        assert label.height() >= 2 * label.fontMetrics().lineSpacing()
    finally:
        store.close()


def test_igot_link_and_connection_problems_are_said_in_hindi(hindi, store, db_path, qtbot):
    from desktop.ui.igot.link_dialog import IgotLinkDialog
    from desktop.ui.igot.settings_dialog import IgotSettingsDialog
    from tests.igot.conftest import configure
    from tests.igot.fakeigot import FakeIgot
    from tests.igot.helpers import BATCH, COURSE, make_workshop
    from tests.sync.faultproxy import FaultProxy

    ws, _sids = make_workshop(store, sessions=1, course=None, batch=None)
    dialog = IgotLinkDialog(AppContext(store, None, SyncRunner()), ws)
    qtbot.addWidget(dialog)
    dialog.course.setText("not-a-course")
    dialog.batch.setText("01391234567")
    dialog.save()
    assert dialog.error.text().endswith(
        "iGOT पाठ्यक्रम आईडी: 'not-a-course' iGOT सामग्री आईडी नहीं है (ये do_ से शुरू होती हैं)।"
    )
    assert store.get("workshop", ws)["igot_course_id"] is None
    dialog.show()
    QApplication.processEvents()
    _assert_not_clipped(dialog.error)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "said_hi_igot_link.png"))

    # Test connection: iGOT refuses the batch read with an error the desk has no words for.
    fake = FakeIgot()
    fake.add_batch(BATCH, COURSE)
    proxy = FaultProxy(fake.url.rsplit("/api/course", 1)[0])
    disk = open_store(db_path)
    try:
        wid, _ = make_workshop(disk, sessions=1)
        configure(disk, proxy.url + "/api/course", fake)
        proxy.plan("GET", BATCH, "status:400")
        settings = IgotSettingsDialog(AppContext(disk, db_path, SyncRunner()), wid)
        qtbot.addWidget(settings)
        settings.test_connection()
        qtbot.waitUntil(lambda: "HTTP 400" in settings.message.text(), timeout=10_000)
        assert settings.message.text() == (
            "iGOT ने अनुरोध अस्वीकार कर दिया (HTTP 400: कोई कारण नहीं बताया गया)।"
        )
        settings.show()
        QApplication.processEvents()
        _assert_not_clipped(settings.message)
        assert settings.grab().save(str(SHOTS / "said_hi_igot_settings.png"))
    finally:
        disk.close()
        proxy.stop()
        fake.stop()


def test_why_certificates_were_not_issued_is_said_in_hindi(hindi, db_path, qtbot):
    pytest.importorskip("PySide6.QtPrintSupport")
    from desktop.core.certificates import keys
    from desktop.core.certificates.issue import issue_certificates
    from desktop.ui.certificates import page as page_module
    from tests.certificates.certdata import make_workshop

    store = open_store(db_path)
    try:
        keys.ensure_signing_key(store)
        workshop = make_workshop(store)
        done = issue_certificates(store, workshop["workshop"])
        assert len(done.issued) == 4
        page = page_module.create_page(AppContext(store, store.path, SyncRunner()))
        qtbot.addWidget(page)
        page.workshop_combo.setCurrentIndex(page.workshop_combo.findData(workshop["workshop"]))
        page.tabs.setCurrentIndex(1)
        page.issue_button.click()
        lines = page.issue_status.text().split("\n")
        assert len(lines) == 5  # the count, then one reason per person
        numbers = {c.number for c in done.issued}
        for line in lines[1:]:
            number = line.removeprefix("पहले से प्रमाण-पत्र ").split(" ", 1)[0]
            assert number in numbers
            assert line == f"पहले से प्रमाण-पत्र {number} (मान्य) है; पुनः जारी करना चुनें"
    finally:
        store.close()
