"""Users in the GUI: sign-in at start, what each role sees, switch, lock (Ctrl+L and idle),
the Users dialog, the first admin in the first-start dialog, and the Hindi of it all."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTabWidget, QWidget

from desktop.core.users import Role, add_user, find_user
from desktop.paths import resource_path
from desktop.store import open_store
from desktop.ui.users import session as session_module
from tests.tr_strings import tr_strings

ROOT = Path(__file__).resolve().parents[2]
PINS = {"Om Prakash": "1111", "Kavita Rao": "2222"}


@pytest.fixture
def team_db(demo_db):
    """The demo database (its PIN-less Admin) with an operator and a coordinator."""
    with open_store(demo_db) as s:
        s.actor = "Admin"
        add_user(s, "Om Prakash", Role.OPERATOR, PINS["Om Prakash"])
        add_user(s, "Kavita Rao", Role.COORDINATOR, PINS["Kavita Rao"])
    return demo_db


@pytest.fixture
def dialogs(monkeypatch):
    """Replace the modal exec() of the users dialogs by a script: each call takes the next
    step, a function(dialog) that fills and presses what a person would."""
    steps: list = []
    met: list = []

    def run(dialog):
        met.append(dialog)
        dialog.dialog.show()
        if not steps:
            raise AssertionError("a users dialog was shown that the test did not expect")
        steps.pop(0)(dialog)
        return dialog.dialog.result()

    monkeypatch.setattr(session_module, "run_dialog", run)
    return steps, met


def sign_in_as(name, pin=None):
    def step(dialog):
        index = [u.name for u in dialog._list].index(name)
        dialog.users.setCurrentIndex(index)
        if pin is not None:
            dialog.pin.setText(pin)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    return step


def visible_areas(window) -> set[str]:
    return {a for row, a in enumerate(window.area_names()) if not window.nav.isRowHidden(row)}


def test_a_desk_with_one_user_never_asks(start_window, demo_db, dialogs):
    window = start_window(demo_db, language="en")  # the demo's lone Admin: no dialog shown
    session = window.desk_session
    assert window.ctx.store.actor == "Admin"
    assert session.button.text() == "Admin (Admin)"
    assert not session.lock_action.isEnabled() and session.lock() is False
    assert not session.switch_action.isVisible()
    assert visible_areas(window) == set(window.area_names())


def test_sign_in_at_start_and_the_operator_sees_less(start_window, team_db, dialogs):
    steps, met = dialogs
    steps.append(sign_in_as("Om Prakash", "1111"))
    window = start_window(team_db, language="en")
    assert window.ctx.store.actor == "Om Prakash"
    assert visible_areas(window) == set(window.area_names()) - {"sync", "field_visits"}
    assert not window.action_restore.isVisible()
    assert window.findChild(QWidget, "syncNowButton").isHidden()
    roster = window.open_area("roster")
    assert not roster.findChild(object, "importButton").isVisible()
    certificates = window.open_area("certificates")
    assert certificates.findChild(object, "issueButton").isHidden()
    assert certificates.findChild(object, "revokeButton").isHidden()
    tabs = certificates.findChild(QTabWidget, "tabs")
    assert not tabs.isTabVisible(tabs.indexOf(certificates.findChild(object, "issueTab")))
    assert not window.desk_session.users_action.isVisible()
    workshops_page = window.open_area("workshops")
    assert not workshops_page.findChild(object, "lateCheck").isEnabled()
    assert workshops_page.findChild(object, "newButton").isHidden()

    # quick switch to the coordinator: sync and certificates come back, restore stays admin's
    steps.append(sign_in_as("Kavita Rao", "2222"))
    assert window.desk_session.switch()
    assert window.ctx.store.actor == "Kavita Rao"
    assert visible_areas(window) == set(window.area_names())
    assert not window.findChild(QWidget, "syncNowButton").isHidden()
    assert not certificates.findChild(object, "issueButton").isHidden()
    assert tabs.isTabVisible(tabs.indexOf(certificates.findChild(object, "issueTab")))
    assert not roster.findChild(object, "importButton").isHidden()
    assert workshops_page.findChild(object, "lateCheck").isEnabled()
    assert not window.action_restore.isVisible()
    steps.append(sign_in_as("Admin"))
    window.desk_session.switch()
    assert window.action_restore.isVisible() and window.desk_session.users_action.isVisible()


def test_cancel_at_start_closes(start_window, team_db, dialogs):
    steps, _ = dialogs
    steps.append(lambda d: d.buttons.button(QDialogButtonBox.StandardButton.Cancel).click())
    assert start_window(team_db) == 1


def test_ctrl_l_locks_and_a_wrong_pin_keeps_it_locked(start_window, team_db, dialogs, qtbot):
    steps, met = dialogs
    steps.append(sign_in_as("Om Prakash", "1111"))
    window = start_window(team_db, language="en")
    seen = {}

    def wrong_then_right(dialog):
        seen["actor"] = window.ctx.store.actor
        seen["hidden"] = window.centralWidget().isHidden()
        seen["cancel"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isVisible()
        seen["offered"] = dialog.users.currentData()  # the one who locked
        dialog.pin.setText("9999")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        seen["error"] = dialog.error.text()
        seen["still_open"] = dialog.dialog.isVisible()
        dialog.pin.setText("1111")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    steps.append(wrong_then_right)
    window.activateWindow()
    # through the window system, as a real key press (shortcuts are matched there)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert len(met) == 2, "Ctrl+L did not lock"
    assert seen == {"actor": None, "hidden": True, "cancel": False, "offered": "Om Prakash",
                    "error": "Wrong PIN. Try again.", "still_open": True}
    assert window.ctx.store.actor == "Om Prakash" and not window.centralWidget().isHidden()


def test_the_desk_locks_after_the_idle_minutes(start_window, team_db, dialogs):
    steps, met = dialogs
    steps.append(sign_in_as("Kavita Rao", "2222"))
    window = start_window(team_db)
    session = window.desk_session
    now = [1000.0]
    session.clock = lambda: now[0]
    session.last_input = now[0]
    now[0] += 10 * 60 - 1  # the default: 10 minutes
    assert session.check_idle() is False
    now[0] += 2
    steps.append(sign_in_as("Kavita Rao", "2222"))
    assert session.check_idle() is True
    assert len(met) == 2


def test_the_users_dialog_adds_a_trainer(start_window, team_db, dialogs):
    steps, met = dialogs
    steps.append(sign_in_as("Admin"))
    window = start_window(team_db)

    def manage(users_dialog):
        table = users_dialog.table
        assert table.rowCount() == 3
        assert [table.item(r, 0).text() for r in range(3)] == ["Admin", "Kavita Rao", "Om Prakash"]

        def fill(editor):
            editor.name.setText("Tara Singh")
            editor.role.setCurrentIndex(list(Role).index(Role.TRAINER))
            editor.pin.setText("3333")
            editor.pin_again.setText("3334")
            assert editor.submit() is False and "differ" in editor.error.text()
            editor.pin_again.setText("3333")
            assert editor.submit() is True

        def editor(mode, user):
            from desktop.ui.users.edit import UserEditDialog

            made = UserEditDialog(mode, user, users_dialog.dialog)
            made.exec = lambda: (fill(made), made.result)[1]
            return made

        users_dialog.editor = editor
        users_dialog.add_button.click()
        assert table.rowCount() == 4 and table.item(3, 1).text() == "Trainer"
        users_dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()

    steps.append(manage)
    window.desk_session.users_action.trigger()
    tara = find_user(window.ctx.store, "Tara Singh")
    assert tara is not None and tara.role is Role.TRAINER and tara.has_pin


def test_the_first_start_dialog_makes_the_admin(start_window, tmp_path, monkeypatch, qtbot):
    from tests.ui.first_run_helpers import B, drive, fill_admin, press, to_admin_page

    def steps(wizard):
        to_admin_page(wizard)
        fill_admin(wizard, again="2581")
        press(wizard, B.CommitButton)
        assert not wizard.set_up and "differ" in wizard.admin_page.error.text()
        fill_admin(wizard)
        press(wizard, B.CommitButton)
        press(wizard, B.NextButton)
        press(wizard, B.NextButton)
        press(wizard, B.FinishButton)

    drive(monkeypatch, steps)
    path = tmp_path / "new.db"
    window = start_window(path)
    assert not isinstance(window, int)
    asha = find_user(window.ctx.store, "Asha Verma")
    assert asha is not None and asha.role is Role.ADMIN and asha.has_pin
    assert window.ctx.store.actor == "Asha Verma"  # one user: never asked


def _ts_messages(name: str) -> set[tuple[str, str]]:
    root = ET.parse(resource_path("i18n", name)).getroot()
    return {
        (c.findtext("name"), m.findtext("source"))
        for c in root.iter("context")
        for m in c.iter("message")
        if (m.findtext("translation") or "").strip()
    }


def test_every_users_string_has_hindi():
    from desktop.ui.i18n import form_texts

    have = _ts_messages("users_hi.ts")
    wanted = set()
    for py in (ROOT / "desktop" / "ui" / "users").glob("*.py"):
        wanted |= tr_strings(py, "Users")
    for form in ("sign_in.ui", "user_edit.ui", "users_dialog.ui"):
        context, texts = form_texts(form)
        wanted |= {(context, t.source) for t in texts}
    assert wanted and wanted <= have, sorted(wanted - have)


def test_hindi_sign_in(start_window, team_db, dialogs):
    steps, met = dialogs
    shown = {}

    def look(dialog):
        shown["title"] = dialog.title.text()
        shown["ok"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text()
        shown["item"] = dialog.users.itemText(0)
        sign_in_as("Admin")(dialog)

    steps.append(look)
    window = start_window(team_db, language="hi")
    assert shown == {"title": "डेस्क पर कौन है? अपना नाम चुनें और पिन डालें।",
                     "ok": "ठीक है", "item": "Admin (प्रशासक)"}
    assert window.desk_session.button.text() == "Admin (प्रशासक)"


def test_demo_template_is_not_changed(demo_template, tmp_path):
    """(The fixtures copy the template; users added here never leak into other tests.)"""
    copy = tmp_path / "x.db"
    shutil.copyfile(demo_template, copy)
    with open_store(copy) as s:
        assert [u for u in ("Om Prakash",) if find_user(s, u)] == []


def test_the_cores_refusal_is_said_in_hindi(start_window, team_db, dialogs):
    """Disabling the desk's only admin is refused by the core; in Hindi the dialog says so in
    Hindi (the core's message through the "Said" catalogue), naming the admin."""
    steps, met = dialogs
    steps.append(sign_in_as("Admin"))
    window = start_window(team_db, language="hi")
    shown: list[str] = []

    def manage(users_dialog):
        users_dialog.table.selectRow(0)  # Admin, the only admin
        assert users_dialog.toggle_disabled() is False
        shown.append(users_dialog.error.text())
        users_dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()

    steps.append(manage)
    window.desk_session.users_action.trigger()
    assert shown == ["Admin इस डेस्क का एकमात्र प्रशासक है; पहले किसी और को प्रशासक बनाएँ।"]
