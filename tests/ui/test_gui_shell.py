"""The main window: start-up, navigation, Hindi/English switch, bad database files."""

from __future__ import annotations

import os
import sqlite3
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMenu

from desktop.paths import forms_path, resource_path
from desktop.store import migrations, open_store
from desktop.ui import app as app_module
from desktop.ui import main_window as main_window_module
from desktop.ui.i18n import form_texts, saved_language
from desktop.ui.main_window import AREAS, PlaceholderPage


def nav_texts(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_window_opens_on_the_roster(window):
    assert window.isVisible()
    assert nav_texts(window) == [en for _area, en, _hi in AREAS]
    roster = window.page("roster")
    assert roster is not None and window.stack.currentWidget() is roster
    assert "UPAAM" in window.institute_label.text()
    # only the roster page exists at start: the others are made when first opened
    assert all(window.page(area) is None for area, _en, _hi in AREAS[1:])


def test_navigation_creates_pages_lazily_with_placeholders(window, qtbot):
    window.nav.setCurrentRow(1)
    page = window.page("workshops")
    assert page is not None and window.stack.currentWidget() is page
    assert not isinstance(page, PlaceholderPage)
    window.nav.setCurrentRow(0)
    assert window.stack.currentWidget() is window.page("roster")
    window.nav.setCurrentRow(1)
    assert window.page("workshops") is page  # made once, kept


def test_a_broken_page_shows_its_error_not_a_crash(window, monkeypatch, caplog):
    def broken(ctx):
        raise RuntimeError("boom in reports")

    monkeypatch.setitem(main_window_module.PAGES, "reports", broken)
    page = window.open_area("reports")
    assert isinstance(page, PlaceholderPage) and "boom in reports" in page.body.text()
    assert "could not be opened" in page.body.text()
    assert "boom in reports" in caplog.text  # and in the log, for whoever reads it


def test_every_area_has_a_page_factory_that_builds_a_real_page(window):
    assert set(main_window_module.PAGES) == {area for area, _en, _hi in AREAS}
    for area, _en, _hi in AREAS:
        assert not isinstance(window.open_area(area), PlaceholderPage), area


def test_language_switch_is_live_and_persists(start_window, demo_db, gui_settings):
    window = start_window(demo_db, language=None)
    assert saved_language() == "en"
    roster = window.page("roster")
    window.set_language("hi")
    assert nav_texts(window)[0] == "रोस्टर"
    assert nav_texts(window)[1] == "कार्यशालाएँ"
    assert window.windowTitle() == "कर्मयोगी डेस्क"
    assert window.menuBar().findChild(QMenu, "menuFile").title() == "फ़ाइल (&F)"
    assert roster.title.text() == "प्रतिभागियों का रोस्टर"
    assert roster.model.headerData(0, Qt.Orientation.Horizontal) == "नाम (हिन्दी)"
    assert roster.search.placeholderText().startswith("खोजें")
    assert window.action_hindi.isChecked()
    assert saved_language() == "hi" and gui_settings.exists()
    # a page made after the switch is in Hindi too
    page = window.open_area("sync")
    assert not isinstance(page, PlaceholderPage)
    window.close()

    again = start_window(demo_db, language=None)  # a restart keeps the choice
    assert nav_texts(again)[0] == "रोस्टर"
    assert again.action_hindi.isChecked()
    again.set_language("en")
    assert nav_texts(again)[0] == "Roster"
    assert again.page("roster").title.text() == "Roster of participants"
    assert saved_language() == "en"


def test_translations_compile_and_load(window):
    from desktop.ui.i18n import Translations, compiled_translations

    files = compiled_translations("hi")
    names = {p.name for p in files}
    assert {"shell_hi.qm", "roster_hi.qm"} <= names
    translations = Translations(QCoreApplication.instance())
    translations.apply("hi")
    try:
        assert QCoreApplication.translate("MainWindow", "Roster") == "रोस्टर"
    finally:
        translations.apply("en")
    assert QCoreApplication.translate("MainWindow", "Roster") == "Roster"


@pytest.mark.parametrize("ts", ["shell_hi.ts", "roster_hi.ts"])
def test_every_message_has_a_hindi_translation(ts):
    root = ET.parse(resource_path("i18n", ts)).getroot()
    messages = list(root.iter("message"))
    assert messages
    for message in messages:
        translation = message.find("translation")
        source = message.findtext("source")
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), source
        assert translation.text, source
        if source != "CSV (*.csv)":  # the same in both languages
            assert any("\u0900" <= c <= "\u097f" for c in translation.text), source


@pytest.mark.parametrize(
    "form, ts",
    [
        ("main_window.ui", "shell_hi.ts"),
        ("roster_page.ui", "roster_hi.ts"),
        ("roster_person.ui", "roster_hi.ts"),
        ("import_dialog.ui", "roster_hi.ts"),
    ],
)
def test_every_form_string_is_in_its_ts_file(form, ts):
    context, texts = form_texts(form)
    root = ET.parse(resource_path("i18n", ts)).getroot()
    known = {
        (c.findtext("name"), m.findtext("source"))
        for c in root.iter("context")
        for m in c.iter("message")
    }
    assert forms_path(form).exists()
    missing = [t.source for t in texts if (context, t.source) not in known]
    assert not missing


def test_add_status_widget(window):
    label = QLabel("3 pending")
    window.add_status_widget(label)
    assert label.parent() is not None and window.statusBar().isAncestorOf(label)


def _newer(path):
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES (?, ?, ?)",
        (migrations.MIGRATION_SET, "9999_from_the_future", "2030-01-01"),
    )
    conn.commit()
    conn.close()


def _corrupt(path):
    path.write_bytes(b"definitely not sqlite" * 200)


def _read_only(path):
    open_store(path).close()
    os.chmod(path, 0o444)


@pytest.mark.parametrize(
    "make, words",
    [
        (_newer, "newer version"),
        (_corrupt, "not a Karmayogi Desk database"),
        (_read_only, "cannot be written"),
    ],
)
def test_unusable_database_shows_message_and_exits_2(tmp_path, monkeypatch, make, words, qapp):
    path = tmp_path / "bad.db"
    make(path)
    if make is _read_only and os.geteuid() == 0:
        # root ignores file permissions; simulate what os.access reports for a normal user
        real_access = os.access
        monkeypatch.setattr(
            "desktop.store.database.os.access",
            lambda p, mode: False if mode == os.W_OK else real_access(p, mode),
        )
    before = path.read_bytes()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(app_module, "show_error", lambda title, text: shown.append((title, text)))
    assert app_module.run(path) == 2
    assert len(shown) == 1 and words in shown[0][1]
    assert path.read_bytes() == before


def test_file_backup_and_restore(window, tmp_path, monkeypatch):
    """File ▸ Backup writes a copy; File ▸ Restore brings it back and the pages reload."""
    import desktop.ui.main_window as mw

    store = window.ctx.store
    target = tmp_path / "copy.db"
    shown: list[str] = []
    monkeypatch.setattr(mw.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(mw.QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    window.action_backup.trigger()
    assert target.exists() and str(target) in shown[-1]
    before = store.conn.execute("SELECT count(*) FROM participant").fetchone()[0]

    store.insert("participant", {"name_en": "After Backup"})
    monkeypatch.setattr(mw.QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(mw, "ask_yes_no", lambda *a: True)
    window.action_restore.trigger()
    assert "restored" in shown[-1]
    assert window.ctx.store is not store  # reopened on the restored file
    count = window.ctx.store.conn.execute("SELECT count(*) FROM participant").fetchone()[0]
    assert count == before
    page = window.page("roster")
    assert page is not None and page.model.rowCount() > 0


def test_start_never_scans_the_roster(demo_db, monkeypatch, start_window):
    """Start-up stays fast on 1.88M people only if nothing counts or scans the roster: every
    statement touching `participant` at start must be bounded by a LIMIT."""
    import desktop.ui.roster.page as roster_page
    from desktop.store import open_store as real_open_store

    statements: list[str] = []

    def traced(conn):
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(
        app_module, "open_database", lambda path: _traced_store(real_open_store(path), traced)
    )
    real_reader = roster_page._reader
    monkeypatch.setattr(roster_page, "_reader", lambda ctx: traced(real_reader(ctx)))
    window = start_window(demo_db, language="en")
    assert window.page("roster").model.rowCount() > 0
    touching = [s for s in statements if "participant" in s.lower() and "select" in s.lower()]
    assert touching, "the roster page read nothing?"
    for sql in touching:
        assert "count(" not in sql.lower(), sql
        assert "limit" in sql.lower(), sql


def _traced_store(store, traced):
    traced(store.conn)
    return store


def test_sync_status_is_in_the_status_bar(window):
    from desktop.ui.sync.status import SyncStatusWidget

    widgets = window.statusBar().findChildren(SyncStatusWidget)
    assert len(widgets) == 1
    assert widgets[0].text.text()  # says something: pending count / not enrolled


def test_about_box_speaks_hindi(start_window, demo_db):
    from PySide6.QtWidgets import QMessageBox

    hindi = start_window(demo_db, language="hi")
    box = hindi.about_box()
    assert box.button(QMessageBox.StandardButton.Ok).text() == "ठीक है"
    assert any("\u0900" <= c <= "\u097f" for c in box.windowTitle())
    box.deleteLater()
