"""File ▸ Settings… (issue 19, item 2): the centre's names and this desk's number changed
with the checks `init` makes, the signing key's fingerprint shown, admins only."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop.core import desk_settings
from desktop.core.centre import desk_number, own_institute
from desktop.core.certificates import keys
from desktop.ui.settings_dialog import SettingsDialog
from tests.tr_strings import tr_strings

ROOT = Path(__file__).resolve().parents[2]


def _with_dialog(window, act):
    seen = {}

    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SettingsDialog) and w.isVisible())
        act(dialog, seen)

    QTimer.singleShot(0, run)
    window.findChild(QAction, "actionSettings").trigger()
    return seen


def test_names_and_desk_number_through_the_menu_and_a_new_key(tmp_path, start_window):
    from tests.ui.test_ship_gui import make_centre

    window = start_window(make_centre(tmp_path / "desk.db"), language="en")
    store = window.ctx.store
    before = desk_settings.current(store)

    def act(dialog, seen):
        seen["fingerprint"] = dialog.fingerprint.text()
        dialog.name_hi.setText("उ.प्र. प्रशासन अकादमी")
        dialog.desk.setValue(3)
        dialog.save()

    seen = _with_dialog(window, act)
    assert seen["fingerprint"] == before.signing_fingerprint
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){4}", seen["fingerprint"])
    assert own_institute(store)["name_hi"] == "उ.प्र. प्रशासन अकादमी"
    assert desk_number(store) == 3
    after = desk_settings.current(store)
    assert after.signing_kid != before.signing_kid and keys.in_desk_range(store, after.signing_kid)



def test_a_refused_name_is_said_and_nothing_changes(window):
    store = window.ctx.store
    before = desk_settings.current(store)

    def act(dialog, seen):
        seen["fingerprint"] = dialog.fingerprint.text()
        dialog.name_en.setText("   ")
        dialog.save()
        seen["error"] = dialog.error.text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    seen = _with_dialog(window, act)
    assert "must not be empty" in seen["error"] and seen["open"]
    assert "is missing" in seen["fingerprint"]  # this copy has no keys folder: said, no crash
    assert desk_settings.current(store) == before


def test_only_admins_see_it(window):
    from desktop.core.users import Role, add_user
    from desktop.ui.users.visibility import apply_to_window

    store = window.ctx.store
    add_user(store, "Tara", Role.TRAINER, pin="3333")
    store.actor = "Tara"
    apply_to_window(store, window)
    assert not window.findChild(QAction, "actionSettings").isVisible()


def test_every_string_has_hindi():
    root = ET.parse(ROOT / "resources" / "i18n" / "settings_hi.ts").getroot()
    have = {(c.findtext("name"), m.findtext("source")): m.findtext("translation")
            for c in root.iter("context") for m in c.iter("message")}
    wanted = tr_strings(ROOT / "desktop" / "ui" / "settings_dialog.py", "SettingsDialog")
    form = ET.parse(ROOT / "forms" / "settings_dialog.ui").getroot()
    wanted |= {("SettingsDialog", s.text) for s in form.iter("string")
               if s.text and s.get("notr") != "true"}
    assert len(wanted) >= 11
    assert not sorted(w for w in wanted if not have.get(w))


def test_the_first_starts_choices_are_reached_later(tmp_path, start_window, qtbot):
    """Language (switched as the Language menu does), where the data lives, and the ways to
    portal enrolment and iGOT settings — each through File ▸ Settings…."""
    from desktop.ui.i18n import current_language
    from desktop.ui.igot.settings_dialog import IgotSettingsDialog
    from desktop.ui.sync.dialogs import EnrolDialog
    from tests.ui.test_ship_gui import make_centre

    db = make_centre(tmp_path / "desk.db")
    window = start_window(db, language="en")

    def switch(dialog, seen):
        seen["data"] = dialog.findChild(QLabel, "dataValue").text()
        seen["language"] = dialog.language.currentText()
        dialog.language.setCurrentIndex(1)
        dialog.save()

    seen = _with_dialog(window, switch)
    assert seen["data"] == str(db) and seen["language"] == "English"
    assert current_language() == "hi"
    assert window.findChild(QAction, "actionSettings").text().startswith("सेटिंग्स")

    def back(dialog, seen):
        seen["language"] = dialog.language.currentText()
        seen["title"] = dialog.windowTitle()
        dialog.language.setCurrentIndex(0)
        dialog.save()

    seen = _with_dialog(window, back)
    assert seen == {"language": "हिन्दी", "title": "सेटिंग्स"}
    assert current_language() == "en"

    for button, wanted in (("portalButton", EnrolDialog), ("igotButton", IgotSettingsDialog)):
        opened = {}

        def press(dialog, seen, button=button):
            dialog.findChild(QPushButton, button).click()

        def look(wanted=wanted, opened=opened):
            found = [w for w in QApplication.topLevelWidgets()
                     if isinstance(w, wanted) and w.isVisible()]
            opened["found"] = bool(found)
            for w in found:
                w.reject()

        QTimer.singleShot(50, look)
        _with_dialog(window, press)  # enrolment is modal (exec), iGOT's settings window-modal
        qtbot.waitUntil(lambda opened=opened: "found" in opened)
        assert opened["found"], button
    assert not any(isinstance(w, SettingsDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())
