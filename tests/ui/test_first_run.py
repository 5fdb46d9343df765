"""The first-run wizard (issue 19): from an empty database to a usable main window, with
every check named on its page and nothing written before the centre page's commit."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from PySide6.QtWidgets import QApplication, QLabel

from desktop.core.certificates import keys
from desktop.core.users import Role, find_user
from desktop.store import open_store
from desktop.ui import app as app_module
from desktop.ui.i18n import Translations, saved_language
from tests.ui.first_run_helpers import (
    B,
    drive,
    fill_admin,
    fill_centre,
    press,
    set_up_and_finish,
    to_admin_page,
)


def rows(path, sql, *args):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def own_institute(path):
    return rows(path, "SELECT code, name_en, name_hi FROM institute WHERE is_self = 1")


def meta(path, key):
    found = rows(path, "SELECT value FROM meta WHERE key = ?", key)
    return found[0][0] if found else None


def devanagari(text: str) -> bool:
    return any("\u0900" <= c <= "\u097f" for c in text)


@pytest.fixture
def english_after():
    yield
    Translations.shared(QApplication.instance()).apply("en")


def test_empty_database_to_a_usable_main_window(monkeypatch, start_window, tmp_path):
    path = tmp_path / "new.db"
    shown = {}

    def steps(wizard):
        to_admin_page(wizard, hi="जनपद प्रशिक्षण केंद्र", desk=3)
        fill_admin(wizard)
        press(wizard, B.CommitButton)
        shown["kid"] = wizard.key_page.kid.text()
        shown["fingerprint"] = wizard.key_page.fingerprint.text()
        shown["cancel"] = wizard.button(B.CancelButton).isVisible()
        press(wizard, B.NextButton)
        press(wizard, B.NextButton)
        press(wizard, B.FinishButton)

    met = drive(monkeypatch, steps)
    window = start_window(path, language="en")
    assert len(met) == 1 and not isinstance(window, int)
    assert own_institute(path) == [
        ("UPDIST-7", "District Training Centre Kanpur", "जनपद प्रशिक्षण केंद्र")]
    assert meta(path, "desk_number") == "3"
    assert meta(path, "cert_signing_kid") == "UPDIST-7:201" == shown["kid"]  # desk 3's range
    # the fingerprint shown is the stored key's: SHA-256 of its public key, read here anew
    _kid, private = keys.signing_key(window.ctx.store)
    digest = hashlib.sha256(
        private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).hexdigest().upper()
    assert shown["fingerprint"].replace("-", "") == digest[:20]
    assert shown["cancel"] is False  # after the commit there is nothing left to cancel
    asha = find_user(window.ctx.store, "Asha Verma")
    assert asha is not None and asha.role is Role.ADMIN and asha.has_pin
    assert window.ctx.store.actor == "Asha Verma"  # one user: never asked
    assert "UPDIST-7" in window.institute_label.text()


def test_desk_defaults_to_1_and_the_code_is_capitalised(monkeypatch, start_window, tmp_path):
    path = tmp_path / "new.db"
    seen = []

    def steps(wizard):
        seen.append(wizard.centre_page.desk.value())
        set_up_and_finish(wizard, code="upaam")

    drive(monkeypatch, steps)
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
def test_a_bad_field_is_named_on_the_centre_page(monkeypatch, start_window, tmp_path, values,
                                                  field, words):
    path = tmp_path / "new.db"
    states = []

    def steps(wizard):
        press(wizard, B.NextButton)
        fill_centre(wizard, **values)
        press(wizard, B.NextButton)
        page = wizard.centre_page
        states.append((wizard.currentPage() is page, page.error.isVisible(), page.error.text(),
                       wizard.focusWidget() is getattr(page, field)))
        set_up_and_finish_from_centre(wizard)

    drive(monkeypatch, steps)
    window = start_window(path, language="en")
    (stayed, error_shown, text, focused), = states
    assert stayed and error_shown and words in text and focused
    assert not isinstance(window, int) and own_institute(path)[0][0] == "UPDIST-7"


def set_up_and_finish_from_centre(wizard):
    fill_centre(wizard)  # corrected: now it goes through
    press(wizard, B.NextButton)
    press(wizard, B.NextButton)
    fill_admin(wizard)
    press(wizard, B.CommitButton)
    press(wizard, B.NextButton)
    press(wizard, B.NextButton)
    press(wizard, B.FinishButton)


def test_the_desk_number_is_checked_on_the_page(monkeypatch, qtbot, start_window, tmp_path):
    """The box holds only 1–9 (typing 12 leaves a valid number); were the form ever to allow
    more, the core's check still names the desk number on the page."""
    path = tmp_path / "new.db"
    states = []

    def steps(wizard):
        press(wizard, B.NextButton)
        page = wizard.centre_page
        fill_centre(wizard)
        page.desk.lineEdit().selectAll()
        qtbot.keyClicks(page.desk, "12")
        states.append(page.desk.value())
        page.desk.setMaximum(99)  # a form changed in Designer by mistake
        page.desk.setValue(12)
        press(wizard, B.NextButton)
        states.append((wizard.currentPage() is page, page.error.text(),
                       wizard.focusWidget() is page.desk))
        page.desk.setValue(2)
        set_up_and_finish_from_centre(wizard)

    drive(monkeypatch, steps)
    start_window(path, language="en")
    typed, (stayed, text, focused) = states
    assert 1 <= typed <= 9
    assert stayed and "Desk number" in text and focused
    assert meta(path, "desk_number") == "2"  # the corrected number


def test_the_first_admin_pin_mismatch_is_named_and_nothing_is_written(monkeypatch, start_window,
                                                                       tmp_path):
    path = tmp_path / "new.db"
    states = []

    def steps(wizard):
        to_admin_page(wizard)
        fill_admin(wizard, again="2581")
        press(wizard, B.CommitButton)
        states.append((wizard.currentPage() is wizard.admin_page,
                       wizard.admin_page.error.text(), own_institute(path)))
        press(wizard, B.CancelButton)

    drive(monkeypatch, steps)
    assert start_window(path, language="en") == app_module.EXIT_NOT_SET_UP
    (stayed, text, institute), = states
    assert stayed and "differ" in text and institute == []


def test_cancel_leaves_nothing_behind_and_the_next_start_asks_again(monkeypatch, start_window,
                                                                     tmp_path):
    path = tmp_path / "new.db"

    def steps(wizard):
        to_admin_page(wizard)
        fill_admin(wizard)
        press(wizard, B.CancelButton)  # on the last page before the commit

    met = drive(monkeypatch, steps)
    assert start_window(path, language="en") == app_module.EXIT_NOT_SET_UP
    assert own_institute(path) == [] and rows(path, "SELECT name FROM desk_user") == []
    assert meta(path, "institute_code") is None and meta(path, "cert_signing_kid") is None
    assert not (tmp_path / "new-keys").exists() or not any((tmp_path / "new-keys").iterdir())
    with open_store(path) as store:  # the file itself is a usable (empty) database
        assert store.institute_code is None
    assert start_window(path, language="en") == app_module.EXIT_NOT_SET_UP
    assert len(met) == 2


def test_an_initialised_database_shows_no_wizard(monkeypatch, start_window, demo_db):
    met = drive(monkeypatch, lambda w: press(w, B.CancelButton))
    window = start_window(demo_db, language="en")
    assert not isinstance(window, int) and met == []


def test_switching_to_hindi_mid_wizard_retranslates_at_once_and_is_saved(
        monkeypatch, start_window, tmp_path, english_after):
    path = tmp_path / "new.db"
    seen = {}

    def steps(wizard):
        press(wizard, B.NextButton)
        fill_centre(wizard, code="UPAAM")
        seen["english"] = wizard.centre_page.find(QLabel, "codeLabel").text()
        press(wizard, B.BackButton)
        wizard.language_page.hindi.click()  # no event loop turn: it must be at once
        seen["title"] = wizard.windowTitle()
        seen["next"] = wizard.button(B.NextButton).text()
        seen["page"] = wizard.currentPage().title()
        seen["saved"] = saved_language()
        press(wizard, B.NextButton)
        page = wizard.centre_page
        seen["label"] = page.find(QLabel, "codeLabel").text()
        seen["kept"] = page.code.text()
        fill_centre(wizard, code="?")
        press(wizard, B.NextButton)
        seen["error"] = page.error.text()
        press(wizard, B.CancelButton)

    drive(monkeypatch, steps)
    assert start_window(path, language="en") == app_module.EXIT_NOT_SET_UP
    assert seen["english"] == "Institute code *"
    assert seen["title"] == "इस केंद्र को स्थापित करें" and seen["next"] == "आगे >"
    assert seen["page"] == "भाषा" and seen["saved"] == "hi"
    assert seen["label"] == "संस्थान कोड *" and seen["kept"] == "UPAAM"
    assert devanagari(seen["error"]) and "संस्थान कोड" in seen["error"]


def test_every_page_is_hindi_with_the_hindi_translator(monkeypatch, start_window, tmp_path,
                                                        english_after):
    path = tmp_path / "new.db"
    pages = []

    def look(wizard):
        page = wizard.currentPage()
        labels = [label.text() for label in page.findChildren(QLabel)
                  if label.isVisible() and label.text() and not label.objectName().endswith(
                      "Value")]
        pages.append((page.title(), labels))

    def steps(wizard):
        look(wizard)
        press(wizard, B.NextButton)
        fill_centre(wizard)
        look(wizard)
        press(wizard, B.NextButton)
        look(wizard)
        press(wizard, B.NextButton)
        fill_admin(wizard)
        look(wizard)
        press(wizard, B.CommitButton)
        look(wizard)
        press(wizard, B.NextButton)
        look(wizard)
        press(wizard, B.NextButton)
        look(wizard)
        press(wizard, B.FinishButton)

    drive(monkeypatch, steps)
    window = start_window(path, language="hi")
    assert not isinstance(window, int) and len(pages) == 7
    for title, labels in pages:
        assert devanagari(title), title
        assert labels and all(devanagari(text) for text in labels), labels


def test_the_language_chosen_in_the_wizard_is_the_main_windows(monkeypatch, start_window,
                                                               tmp_path, english_after):
    def steps(wizard):
        wizard.language_page.hindi.click()
        set_up_and_finish(wizard)

    drive(monkeypatch, steps)
    window = start_window(tmp_path / "new.db", language="en")
    assert not isinstance(window, int)
    assert window.translations.language == "hi" and saved_language() == "hi"
    assert devanagari(window.menuBar().actions()[0].text())
