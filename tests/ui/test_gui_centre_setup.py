"""First start on a database without a centre: the "Set up this centre" dialog."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop.store import open_store
from desktop.ui import app as app_module


def own_institute(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT code, name_en, name_hi FROM institute WHERE is_self = 1"
        ).fetchall()
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
def drive(monkeypatch, qtbot):
    """Replace the modal exec() with `steps(setup)` run on the shown dialog; records each
    dialog met. The steps press the buttons; the result is whether the dialog accepted."""
    met = []

    def install(steps):
        def run(setup):
            met.append(setup)
            setup.dialog.show()
            steps(setup)
            return setup.dialog.result() == setup.dialog.DialogCode.Accepted

        monkeypatch.setattr(app_module, "run_setup_dialog", run)
        return met

    return install


def fill(setup, code="UPDIST-7", en="District Training Centre Kanpur", hi="", desk=None):
    setup.code.setText(code)
    setup.name_en.setText(en)
    setup.name_hi.setText(hi)
    if desk is not None:
        setup.desk.setValue(desk)


def press(setup, which):
    setup.buttons.button(which).click()


OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def test_fresh_database_asks_and_ok_sets_the_centre_up(drive, start_window, tmp_path):
    path = tmp_path / "new.db"
    met = drive(lambda s: (fill(s, hi="जनपद प्रशिक्षण केंद्र", desk=3), press(s, OK)))
    window = start_window(path, language="en")
    assert len(met) == 1
    assert not isinstance(window, int)
    assert own_institute(path) == [
        ("UPDIST-7", "District Training Centre Kanpur", "जनपद प्रशिक्षण केंद्र")
    ]
    assert meta(path, "desk_number") == "3"
    assert meta(path, "cert_signing_kid") == "UPDIST-7:201"  # desk 3: keys 201-300, as init makes
    assert "District Training Centre Kanpur" in window.institute_label.text()
    assert "UPDIST-7" in window.institute_label.text()


def test_desk_defaults_to_1_and_code_is_capitalised(drive, start_window, tmp_path):
    path = tmp_path / "new.db"
    seen = []
    drive(lambda s: (seen.append(s.desk.value()), fill(s, code="upaam"), press(s, OK)))
    start_window(path, language="en")
    assert seen == [1]
    assert own_institute(path)[0][0] == "UPAAM" and meta(path, "desk_number") == "1"


@pytest.mark.parametrize(
    "values, field, words",
    [
        ({"code": "A"}, "code", "Institute code"),
        ({"code": "UP AAM"}, "code", "Institute code"),
        ({"en": "  "}, "name_en", "Institute name (English)"),
        ({"hi": "Kanpur"}, "name_hi", "Institute name (Hindi)"),
    ],
)
def test_invalid_input_keeps_the_dialog_open_and_names_the_field(
    drive, start_window, tmp_path, values, field, words
):
    path = tmp_path / "new.db"
    states = []

    def steps(setup):
        fill(setup, **values)
        press(setup, OK)
        error = setup.dialog.findChild(QLabel, "errorLabel")
        states.append((setup.dialog.isVisible(), error.isVisible(), error.text()))
        states.append(setup.dialog.focusWidget() is getattr(setup, field))
        fill(setup)  # corrected: now it goes through
        press(setup, OK)

    drive(steps)
    window = start_window(path, language="en")
    (visible, error_shown, text), focused = states
    assert visible and error_shown and words in text
    assert focused  # the cursor is put into the field to correct
    assert not isinstance(window, int)
    assert own_institute(path)[0][0] == "UPDIST-7"


def test_cancel_leaves_the_database_uninitialised_and_asks_again(drive, start_window, tmp_path):
    path = tmp_path / "new.db"
    met = drive(lambda s: (fill(s), press(s, CANCEL)))
    assert start_window(path, language="en") == app_module.EXIT_NOT_SET_UP
    assert own_institute(path) == []
    assert meta(path, "institute_code") is None and meta(path, "cert_signing_kid") is None
    assert not (tmp_path / "new-keys").exists() or not any((tmp_path / "new-keys").iterdir())
    with open_store(path) as store:  # the file itself is a usable (empty) database
        assert store.institute_code is None
    assert start_window(path, language="en") == app_module.EXIT_NOT_SET_UP
    assert len(met) == 2  # the next start asks again


def test_initialised_database_shows_no_dialog(drive, start_window, demo_db):
    met = drive(lambda s: press(s, CANCEL))
    window = start_window(demo_db, language="en")
    assert not isinstance(window, int) and met == []


def test_labels_are_hindi_with_the_hindi_translator(drive, start_window, tmp_path):
    path = tmp_path / "new.db"
    texts = []

    def steps(setup):
        labels = setup.dialog.findChildren(QLabel)
        texts.append({label.objectName(): label.text() for label in labels})
        texts.append(setup.dialog.windowTitle())
        texts.append(setup.buttons.button(OK).text())
        fill(setup, code="?")
        press(setup, OK)
        texts.append(setup.error.text())
        press(setup, CANCEL)

    drive(steps)
    try:
        assert start_window(path, language="hi") == app_module.EXIT_NOT_SET_UP
    finally:
        from PySide6.QtWidgets import QApplication

        from desktop.ui.i18n import Translations

        Translations.shared(QApplication.instance()).apply("en")
    labels, title, ok, error = texts
    devanagari = lambda t: any("\u0900" <= c <= "\u097f" for c in t)  # noqa: E731
    for name in (
        "introLabel",
        "codeLabel",
        "nameEnLabel",
        "nameHiLabel",
        "deskLabel",
        "deskHelpLabel",
    ):
        assert devanagari(labels[name]), name
    assert devanagari(title) and devanagari(ok) and devanagari(error)
    assert labels["codeLabel"].rstrip(" *") in error  # the message names the field
