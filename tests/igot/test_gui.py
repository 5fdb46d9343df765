"""The iGOT panel and settings dialog offscreen, against the fake Sunbird course service:
what is missing, Forward to iGOT with counts and lists, refusals and needed actions in both
languages, Test connection in words; every string has Hindi. Screenshots go to
$KD_SHOTS (or the test's temporary folder) at 1366×768 and 1024×768 in both languages."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.store import open_store
from tests.igot.conftest import configure
from tests.igot.helpers import COURSE, linked, make_workshop
from tests.tr_strings import tr_strings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def gui_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("KARMAYOGI_DESK_SETTINGS", str(tmp_path / "settings.ini"))


def _language(lang: str) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import Translations

    Translations.shared(QApplication.instance()).apply(lang)
    QApplication.processEvents()  # LanguageChange is delivered as a posted event


def _shots(widget, name: str, tmp_path) -> None:
    folder = Path(os.environ.get("KD_SHOTS") or tmp_path)
    for w, h in ((1366, 768), (1024, 768)):
        widget.resize(w, h)
        widget.show()
        pixmap = widget.grab()
        assert pixmap.width() == w
        assert pixmap.save(str(folder / f"{name}_{w}x{h}.png"))


def test_panel_forwards_and_shows_lists_in_both_languages(qtbot, db_path, fake, tmp_path,
                                                          gui_settings):
    from desktop.ui.context import AppContext
    from desktop.ui.igot.panel import IgotPanel
    from desktop.ui.tasks import SyncRunner

    store = open_store(db_path)
    link = linked(store, learners=4, sessions=2)
    store.update("session", link.sessions[1], {"igot_session_id": None})
    ctx = AppContext(store, db_path, SyncRunner())
    panel = IgotPanel(ctx, link.workshop)
    qtbot.addWidget(panel)
    try:
        missing = panel.missing_table
        cells = {(missing.item(r, 0).text(), missing.item(r, 2).text())
                 for r in range(missing.rowCount())}
        assert cells == {("Session", "iGOT session id"), ("Person", "iGOT user id")}
        assert "Waiting: 3" in panel.counts.text()

        panel.forward()  # no settings yet: the settings dialog opens instead
        assert panel._dialog.isVisible()
        panel._dialog.close()
        configure(store, fake.url, fake)
        panel.forward()
        assert panel.last_message == "Forwarded 3 marks to iGOT; 0 refused, 1 skipped."
        assert "Forwarded: 3" in panel.counts.text() and "Waiting: 0" in panel.counts.text()

        # a refusal, and a correction after forwarding
        fake.batches["01390000000000000001"]["status"] = 2
        store.update("session", link.sessions[1], {"igot_session_id": "do_late"})
        aid = store.conn.execute("SELECT id FROM attendance WHERE session_id = ? AND "
                                 "participant_id = ?",
                                 (link.sessions[0], link.people[1])).fetchone()[0]
        store.update("attendance", aid, {"status": "excused"})
        panel.forward()
        assert panel.refused_table.rowCount() == 3
        assert panel.refused_table.item(0, 2).text() == "The batch is not ongoing on iGOT"
        assert panel.action_table.rowCount() == 1
        assert "now marked excused" in panel.action_table.item(0, 2).text()
        assert "Learner 1" == panel.action_table.item(0, 0).text()
        for tab in range(3):
            panel.tabs.setCurrentIndex(tab)
            _shots(panel, f"igot_panel_en_tab{tab}", tmp_path)

        _language("hi")
        assert panel.title.text() == "iGOT कर्मयोगी"
        assert panel.refused_table.item(0, 2).text() == "iGOT पर यह बैच चालू नहीं है"
        assert "अब छूट प्राप्त चिह्नित" in panel.action_table.item(0, 2).text()
        assert "भेजी गईं: 3" in panel.counts.text()
        assert panel.message.text() == "iGOT को 0 उपस्थितियाँ भेजी गईं; 3 अस्वीकृत, 1 छोड़ी गईं।"
        for tab in range(3):
            panel.tabs.setCurrentIndex(tab)
            _shots(panel, f"igot_panel_hi_tab{tab}", tmp_path)
    finally:
        _language("en")
        panel.close()
        store.close()


def test_settings_dialog_tests_the_connection_in_words(qtbot, db_path, fake, tmp_path,
                                                       gui_settings):
    from desktop.core.igot import settings as igot_settings
    from desktop.ui.context import AppContext
    from desktop.ui.igot.settings_dialog import IgotSettingsDialog
    from desktop.ui.tasks import SyncRunner

    store = open_store(db_path)
    ws, _ = make_workshop(store)
    ctx = AppContext(store, db_path, SyncRunner())
    dialog = IgotSettingsDialog(ctx, ws)
    qtbot.addWidget(dialog)
    try:
        dialog.test_connection()
        assert dialog.message.text() == "Fill in the address, the API key and the access token."
        dialog.base.setText(fake.url)
        dialog.api_key.setText(fake.api_key)
        dialog.token.setText("WRONG-TOKEN-secret")
        dialog.test_connection()
        assert "enter a new token" in dialog.message.text()
        dialog.token.setText(next(iter(fake.tokens)))
        dialog.test_connection()
        assert dialog.message.text() == "Connected: the batch 01390000000000000001 is ongoing on iGOT."
        fake.add_batch("01390000000000000001", "do_other")
        dialog.test_connection()
        assert "belongs to another course" in dialog.message.text()
        fake.add_batch("01390000000000000001", COURSE)
        _shots(dialog, "igot_settings_en", tmp_path)
        _language("hi")
        dialog.test_connection()
        assert dialog.message.text() == "जुड़ गया: iGOT पर बैच 01390000000000000001 चालू है।"
        assert dialog.test_button.text() == "कनेक्शन जाँचें"
        _shots(dialog, "igot_settings_hi", tmp_path)
        _language("en")
        dialog.save()
        saved = igot_settings.load(store)
        assert saved is not None and saved.token == next(iter(fake.tokens))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for f in tmp_path.glob("desk.db*"):
            if f.is_file():
                assert saved.token.encode() not in f.read_bytes()
    finally:
        _language("en")
        store.close()




def test_every_igot_string_has_hindi():
    ts = ROOT / "resources" / "i18n" / "igot_hi.ts"
    have = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            have[(context.findtext("name"), message.findtext("source"))] = (
                message.find("translation").text or "")
    ui = ROOT / "desktop" / "ui" / "igot"
    wanted = (tr_strings(ui / "words.py", "IgotPanel") | tr_strings(ui / "panel.py", "IgotPanel")
              | tr_strings(ui / "link_dialog.py", "IgotPanel")
              | tr_strings(ui / "settings_dialog.py", "IgotSettings"))
    assert ("IgotPanel", "Forward to iGOT") in wanted and len(wanted) > 50
    missing = sorted(w for w in wanted if not have.get(w))
    assert not missing, missing
    for (_context, source), text in have.items():
        assert re.search("[\u0900-\u097f]", text), source
        assert set(re.findall(r"\{\d\}", source)) == set(re.findall(r"\{\d\}", text)), source
    assert not sorted(k for k in have if k not in wanted)


def test_forwards_by_itself_after_a_successful_portal_sync(qtbot, db_path, fake, gui_settings):
    from types import SimpleNamespace

    from PySide6.QtCore import QObject, Signal

    from desktop.ui.context import AppContext
    from desktop.ui.igot.auto import IgotAutoForward
    from desktop.ui.tasks import SyncRunner

    class Controller(QObject):
        finished = Signal(object)

    store = open_store(db_path)
    try:
        linked(store, learners=3, sessions=1)
        ctx = AppContext(store, db_path, SyncRunner())
        seen = []
        ctx.changed.connect(seen.append)
        controller = Controller()
        auto = IgotAutoForward.for_context(ctx)
        assert IgotAutoForward.for_context(ctx) is auto
        auto.follow(controller)
        controller.finished.emit(SimpleNamespace(outcome="ok"))
        assert auto.last_result is None and fake.requests == 0  # not set up: nothing runs
        configure(store, fake.url, fake)
        controller.finished.emit(SimpleNamespace(outcome="offline"))
        assert fake.requests == 0
        controller.finished.emit(SimpleNamespace(outcome="ok"))
        assert auto.last_result.forwarded == 2 and "igot" in seen
        assert not auto.running
    finally:
        store.close()


def test_desk_wide_panel_for_the_sync_area(qtbot, db_path, fake, gui_settings):
    from desktop.ui.context import AppContext
    from desktop.ui.igot.panel import IgotPanel
    from desktop.ui.igot.settings_dialog import IgotSettingsDialog
    from desktop.ui.tasks import SyncRunner

    store = open_store(db_path)
    try:
        linked(store, learners=3, sessions=2)
        make_workshop(store, sessions=1, course=None, batch=None)  # not linked: not counted
        configure(store, fake.url, fake)
        ctx = AppContext(store, db_path, SyncRunner())
        panel = IgotPanel(ctx, None)
        qtbot.addWidget(panel)
        assert panel.link.text() == "Workshops linked to iGOT: 1"
        assert panel.missing_table.rowCount() == 1  # learner 0 without an iGOT id
        panel.forward()
        assert panel.last_message == "Forwarded 4 marks to iGOT; 0 refused, 1 skipped."
        dialog = IgotSettingsDialog(ctx, None)
        qtbot.addWidget(dialog)
        dialog.test_connection()
        assert dialog.message.text().startswith("Connected: the batch")
    finally:
        store.close()


def test_the_started_app_forwards_after_its_own_portal_sync(qtbot, db_path, fake, gui_settings):
    """The app as started (desktop.ui.app.start) follows its sync controller: a sync that
    ended well forwards the marks to iGOT without anyone pressing a button."""
    from types import SimpleNamespace

    from desktop.ui import app as app_module
    from desktop.ui.igot.auto import IgotAutoForward
    from desktop.ui.sync.status import SyncController
    from desktop.ui.tasks import SyncRunner

    with open_store(db_path) as store:
        linked(store, learners=3, sessions=1)  # one has no iGOT id
        configure(store, fake.url, fake)
    window = app_module.start(db_path, runner=SyncRunner(), language="en")
    qtbot.addWidget(window)
    try:
        ctx = window.ctx
        SyncController.for_context(ctx).finished.emit(SimpleNamespace(outcome="ok"))
        auto = IgotAutoForward.for_context(ctx)
        assert auto.last_result is not None and auto.last_result.forwarded == 2
        assert fake.requests >= 1
    finally:
        window.close()
        window.ctx.store.close()


def test_link_dialog_links_the_workshop_and_its_sessions_or_says_why_not(qtbot, store):
    from desktop.ui.context import AppContext
    from desktop.ui.igot.link_dialog import IGOT_COLUMN, IgotLinkDialog
    from desktop.ui.tasks import SyncRunner

    ws, sids = make_workshop(store, sessions=2, course=None, batch=None)
    store.update("session", sids[1], {"igot_session_id": None})
    ctx = AppContext(store, None, SyncRunner())
    dialog = IgotLinkDialog(ctx, ws)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2 and dialog.course.text() == ""
    dialog.course.setText("not-a-course")
    dialog.batch.setText("01391234567")
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and "do_" in dialog.error.text()
    assert store.get("workshop", ws)["igot_course_id"] is None  # nothing written
    dialog.course.setText(COURSE)
    dialog.table.item(1, IGOT_COLUMN).setText("do_1139000000000077")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    row = store.get("workshop", ws)
    assert (row["igot_course_id"], row["igot_batch_id"]) == (COURSE, "01391234567")
    assert store.get("session", sids[1])["igot_session_id"] == "do_1139000000000077"
