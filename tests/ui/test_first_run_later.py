"""The first-run wizard's data folder, portal enrolment (against the reference portal on
loopback) and iGOT pages, with real SQLite files."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from desktop.cli.base import db_path as cli_db_path
from desktop.core.data_folder import can_choose_folder
from desktop.core.igot import settings as igot_settings
from desktop.paths import DB_ENV_VAR, DB_FILE_NAME, data_dir, default_db_path
from desktop.portal.server import start_portal
from desktop.ui import app as app_module
from desktop.ui.first_run.later_pages import IgotPage
from desktop.ui.tasks import SyncRunner
from tests.ui.first_run_helpers import B, drive, fill_admin, fill_centre, press, to_admin_page


def institute_code(path):
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT code FROM institute WHERE is_self = 1").fetchone()
        return None if row is None else row[0]
    finally:
        conn.close()


def meta(path, key):
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]
    finally:
        conn.close()


@pytest.fixture
def own_data_folder(tmp_path, monkeypatch):
    """A per-user data folder of the test's own, and no database named by the environment."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(DB_ENV_VAR, raising=False)
    return data_dir()


@pytest.fixture
def start_unnamed(qtbot):
    """start() as `karmayogi-desk gui` without --db does it (db_named=False)."""
    windows = []

    def start(path, db_named=False):
        window = app_module.start(path, runner=SyncRunner(), language="en", db_named=db_named)
        if not isinstance(window, int):
            qtbot.addWidget(window)
            windows.append(window)
        return window

    yield start
    for window in windows:
        window.ctx.store.close()


def to_data_page(wizard):
    press(wizard, B.NextButton)
    fill_centre(wizard)
    press(wizard, B.NextButton)
    assert wizard.currentPage() is wizard.data_page
    return wizard.data_page


def finish_from_data_page(wizard):
    press(wizard, B.NextButton)
    fill_admin(wizard)
    press(wizard, B.CommitButton)
    press(wizard, B.NextButton)
    press(wizard, B.NextButton)
    press(wizard, B.FinishButton)


def test_a_chosen_folder_gets_the_database_and_later_starts_open_it(
        monkeypatch, own_data_folder, start_unnamed, tmp_path):
    default = default_db_path()
    assert default == own_data_folder / DB_FILE_NAME and not default.exists()
    chosen = tmp_path / "D-drive" / "centre data"
    chosen.mkdir(parents=True)
    seen = {}

    def steps(wizard):
        page = to_data_page(wizard)
        seen["default shown"] = page.default.text()
        seen["where before"] = page.where.text()
        assert page.choose.isVisible()
        monkeypatch.setattr(page, "ask_folder", lambda: chosen)
        page.choose.click()
        seen["where after"] = page.where.text()
        seen["error"] = page.error.isVisible()
        finish_from_data_page(wizard)

    drive(monkeypatch, steps)
    window = start_unnamed(default)
    assert not isinstance(window, int)
    moved = chosen / DB_FILE_NAME
    assert seen == {"default shown": str(default), "where before": str(default),
                    "where after": str(moved), "error": False}
    assert window.ctx.db_path == moved and window.ctx.store.path == moved
    assert institute_code(moved) == "UPDIST-7"
    assert not default.exists()  # the empty file made in the default place is gone
    # remembered for the GUI and the CLI alike; --db and the environment variable still win
    assert default_db_path() == moved
    assert cli_db_path(argparse.Namespace(db=None)) == moved
    assert cli_db_path(argparse.Namespace(db=str(tmp_path / "other.db"))) == tmp_path / "other.db"
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"


@pytest.mark.parametrize("kind", ["unwritable", "a file", "missing"])
def test_a_folder_that_cannot_take_the_database_is_refused_in_words(
        monkeypatch, own_data_folder, start_unnamed, tmp_path, kind):
    if kind == "unwritable":
        # /sys refuses new files to everyone, root included (a chmod would not stop root)
        folder, words = Path("/sys"), "cannot be written to"
    elif kind == "a file":
        folder = tmp_path / "notes.txt"
        folder.write_text("x")
        words = "is a file, not a folder"
    else:
        folder, words = tmp_path / "gone", "does not exist"
    default = default_db_path()
    seen = {}

    def steps(wizard):
        page = to_data_page(wizard)
        monkeypatch.setattr(page, "ask_folder", lambda: folder)
        page.choose.click()
        seen["error"] = (page.error.isVisible(), page.error.text())
        seen["where"] = page.where.text()
        seen["chosen"] = wizard.chosen_folder
        finish_from_data_page(wizard)

    drive(monkeypatch, steps)
    window = start_unnamed(default)
    shown, text = seen["error"]
    assert shown and words in text and str(folder) in text
    assert seen["where"] == str(default) and seen["chosen"] is None
    assert window.ctx.db_path == default and institute_code(default) == "UPDIST-7"
    assert not (own_data_folder / "database-location.txt").exists()


def test_cancel_after_choosing_a_folder_leaves_nothing_there(
        monkeypatch, own_data_folder, start_unnamed, tmp_path):
    chosen = tmp_path / "elsewhere"
    chosen.mkdir()

    def steps(wizard):
        page = to_data_page(wizard)
        monkeypatch.setattr(page, "ask_folder", lambda: chosen)
        page.choose.click()
        press(wizard, B.NextButton)
        fill_admin(wizard)
        press(wizard, B.CancelButton)

    drive(monkeypatch, steps)
    assert start_unnamed(default_db_path()) == app_module.EXIT_NOT_SET_UP
    assert list(chosen.iterdir()) == []
    assert default_db_path() == own_data_folder / DB_FILE_NAME  # nothing remembered
    assert institute_code(default_db_path()) is None


def test_a_named_database_stays_where_it_is(monkeypatch, own_data_folder, start_unnamed,
                                            tmp_path):
    path = tmp_path / "given-with-db.db"
    seen = {}

    def steps(wizard):
        page = to_data_page(wizard)
        seen["choose"] = page.choose.isVisible()
        seen["note"] = page.note.text()
        seen["where"] = page.where.text()
        finish_from_data_page(wizard)

    drive(monkeypatch, steps)
    window = start_unnamed(path, db_named=True)
    assert window.ctx.db_path == path
    assert seen["choose"] is False and seen["where"] == str(path)
    assert "--db" in seen["note"] and "backup" in seen["note"]


def test_only_a_new_unnamed_database_may_move(tmp_path, monkeypatch):
    monkeypatch.delenv(DB_ENV_VAR, raising=False)
    path = tmp_path / "k.db"
    assert can_choose_folder(path, existed=False, explicit=False)
    assert not can_choose_folder(path, existed=True, explicit=False)
    assert not can_choose_folder(path, existed=False, explicit=True)
    assert not can_choose_folder(None, existed=False, explicit=False)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    assert not can_choose_folder(path, existed=False, explicit=False)


# -- the portal ------------------------------------------------------------------------------
@pytest.fixture
def ref_portal(tmp_path):
    portal = start_portal(tmp_path / "portal")
    portal.add_enrolment_code("ENROL-1", "UPDIST-7", "District Training Centre Kanpur",
                              "जनपद प्रशिक्षण केंद्र कानपुर")
    yield portal
    portal.stop()


def to_portal_page(wizard):
    to_admin_page(wizard)
    fill_admin(wizard)
    press(wizard, B.CommitButton)
    press(wizard, B.NextButton)
    assert wizard.currentPage() is wizard.portal_page
    return wizard.portal_page


def test_enrolment_on_the_portal_page_against_the_reference_portal(
        monkeypatch, start_window, tmp_path, ref_portal):
    path = tmp_path / "new.db"
    seen = {}

    def steps(wizard):
        page = to_portal_page(wizard)
        page.url.setText(ref_portal.url)
        page.code.setText("ENROL-1")
        page.button.click()  # SyncRunner: the network task has run when click() returns
        seen["result"] = page.result.text()
        press(wizard, B.NextButton)
        press(wizard, B.FinishButton)

    drive(monkeypatch, steps)
    window = start_window(path, language="en")
    assert not isinstance(window, int)
    assert seen["result"].startswith("Enrolled with ") and "District Training" in seen["result"]
    assert meta(path, "sync.portal_url") and ref_portal.url.startswith(meta(path, "sync.portal_url")
                                                                       .rstrip("/"))
    assert "UPDIST-7" in meta(path, "sync.institute")


def test_a_failed_enrolment_is_said_on_the_page_and_loses_nothing(
        monkeypatch, start_window, tmp_path, ref_portal):
    path = tmp_path / "new.db"
    seen = {}

    def steps(wizard):
        page = to_portal_page(wizard)
        page.button.click()  # nothing typed
        seen["empty"] = page.result.text()
        page.url.setText(ref_portal.url)
        page.code.setText("NOT-A-CODE")
        page.button.click()
        seen["refused"] = page.result.text()
        seen["button"] = page.button.isEnabled()
        seen["institute"] = institute_code(path)
        page.code.setText("ENROL-1")  # the right code now: it goes through
        page.button.click()
        seen["again"] = page.result.text()
        press(wizard, B.NextButton)
        press(wizard, B.FinishButton)

    drive(monkeypatch, steps)
    window = start_window(path, language="en")
    assert not isinstance(window, int)
    assert "Enter both the portal address and the code" in seen["empty"]
    assert seen["refused"].startswith("Enrolment did not work:") and seen["button"]
    assert seen["institute"] == "UPDIST-7"  # the centre written before stays
    assert seen["again"].startswith("Enrolled with ")
    assert window.ctx.store.actor == "Asha Verma"


def test_an_unreachable_portal_is_said_on_the_page(monkeypatch, start_window, tmp_path):
    path = tmp_path / "new.db"
    seen = {}

    def steps(wizard):
        page = to_portal_page(wizard)
        page.url.setText("http://127.0.0.1:9/offline/v1")  # nothing listens on port 9
        page.code.setText("ENROL-1")
        page.button.click()
        seen["result"] = page.result.text()
        press(wizard, B.NextButton)
        press(wizard, B.FinishButton)

    drive(monkeypatch, steps)
    window = start_window(path, language="en")
    assert not isinstance(window, int)
    assert seen["result"].startswith("Enrolment did not work:")
    assert meta(path, "sync.portal_url") is None and institute_code(path) == "UPDIST-7"


# -- iGOT --------------------------------------------------------------------------------------
def to_igot_page(wizard):
    to_portal_page(wizard)
    press(wizard, B.NextButton)
    assert wizard.currentPage() is wizard.igot_page
    return wizard.igot_page


def test_igot_skipped(monkeypatch, start_window, tmp_path):
    path = tmp_path / "new.db"
    seen = {}

    def steps(wizard):
        page = to_igot_page(wizard)
        seen["status"] = page.status.text()
        press(wizard, B.FinishButton)

    drive(monkeypatch, steps)
    window = start_window(path, language="en")
    assert seen["status"].startswith("Not set")
    assert igot_settings.load(window.ctx.store) is None


def test_igot_set_through_its_settings_dialog(monkeypatch, start_window, tmp_path):
    path = tmp_path / "new.db"
    seen = {}

    def fill_and_save(dialog):
        dialog.base.setText("https://igot.example/api")
        dialog.api_key.setText("key-123")
        dialog.token.setText("token-456")
        dialog.save_button.click()
        seen["accepted"] = dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(IgotPage, "run_dialog", staticmethod(fill_and_save))

    def steps(wizard):
        page = to_igot_page(wizard)
        page.find(QPushButton, "igotButton").click()
        seen["status"] = page.status.text()
        press(wizard, B.FinishButton)

    drive(monkeypatch, steps)
    window = start_window(path, language="en")
    stored = igot_settings.load(window.ctx.store)
    assert seen["accepted"] and stored is not None
    assert stored.base_url.startswith("https://igot.example/api")
    assert stored.api_key == "key-123" and stored.token == "token-456"
    assert seen["status"] == f"iGOT is set: {stored.base_url}"
    conn = sqlite3.connect(path)
    try:  # the secrets are in private files, never in the database
        values = " ".join(str(v) for (v,) in conn.execute("SELECT value FROM meta"))
    finally:
        conn.close()
    assert "key-123" not in values and "token-456" not in values


def test_next_waits_for_the_enrolment_answer(qtbot, tmp_path, ref_portal):
    """On a real thread the answer comes later: the page must not be left (and deleted with
    the wizard) before it arrives."""
    from desktop.store import open_store
    from desktop.ui.first_run import FirstRunWizard

    class HeldRunner(SyncRunner):
        held: list = []

        def run(self, *args, **kwargs):
            self.held.append((args, kwargs))

        def release(self):
            while self.held:
                args, kwargs = self.held.pop(0)
                SyncRunner.run(self, *args, **kwargs)

    runner = HeldRunner()
    store = open_store(tmp_path / "new.db")
    wizard = FirstRunWizard(store, runner=runner)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        page = to_portal_page(wizard)
        page.url.setText(ref_portal.url)
        page.code.setText("ENROL-1")
        page.button.click()
        assert page.result.text() == "Enrolling…"
        assert not wizard.button(B.NextButton).isEnabled() and not page.button.isEnabled()
        runner.release()
        assert page.result.text().startswith("Enrolled with ")
        assert wizard.button(B.NextButton).isEnabled()
    finally:
        store.close()


@pytest.mark.parametrize("argv, env, named", [
    ([], False, False),
    (["--db", "given.db"], False, True),
    ([], True, True),
])
def test_gui_tells_start_whether_the_database_was_named(monkeypatch, own_data_folder, tmp_path,
                                                        argv, env, named):
    from desktop.cli.commands import gui

    if env:
        monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "env.db"))
    calls = []
    monkeypatch.setattr(app_module, "run", lambda path, **kw: calls.append((path, kw)) or 0)
    monkeypatch.setattr(gui, "missing_packages", lambda: [])
    db = argv[1] if argv else None
    assert gui.run_gui(argparse.Namespace(db=db, demo=False)) == 0
    assert calls == [(default_db_path() if db is None else Path(db), {"db_named": named})]
