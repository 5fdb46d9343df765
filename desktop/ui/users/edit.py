"""Add a user, change a role or set a new PIN: one small form in three modes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.core.users import Role, User
from desktop.core.users.pins import MIN_LENGTH
from desktop.ui.i18n import bind_form, translate_buttons
from desktop.ui.uiload import child, load_ui
from desktop.ui.users.texts import role_name, tr

FORM = "user_edit.ui"
ADD, ROLE, PIN = "add", "role", "pin"


class UserEditDialog:
    """`exec()` returns (name, role, pin) — pin None for "no PIN" — or None on Cancel. The
    checks here are the form's (two PINs the same, long enough); the core checks again."""

    def __init__(self, mode: str, user: User | None = None, parent: QWidget | None = None,
                 *, first: bool = False) -> None:
        self.mode = mode
        dialog = load_ui(FORM, parent)
        assert isinstance(dialog, QDialog)
        self.dialog = dialog
        self.name: QLineEdit = child(dialog, QLineEdit, "nameEdit")
        self.role: QComboBox = child(dialog, QComboBox, "roleCombo")
        self.pin: QLineEdit = child(dialog, QLineEdit, "pinEdit")
        self.pin_again: QLineEdit = child(dialog, QLineEdit, "pinAgainEdit")
        self.no_pin: QCheckBox = child(dialog, QCheckBox, "noPinCheck")
        self.error: QLabel = child(dialog, QLabel, "errorLabel")
        self.buttons: QDialogButtonBox = child(dialog, QDialogButtonBox, "buttonBox")
        self.result: tuple[str, Role, str | None] | None = None
        if user is not None:
            self.name.setText(user.name)
            self.name.setReadOnly(True)
        show_role = mode in (ADD, ROLE)
        show_pin = mode in (ADD, PIN)
        for widget in (self.role, child(dialog, QLabel, "roleLabel")):
            widget.setVisible(show_role)
        for widget in (self.pin, self.pin_again, self.no_pin, child(dialog, QLabel, "pinLabel"),
                       child(dialog, QLabel, "pinAgainLabel")):
            widget.setVisible(show_pin)
        if first:
            self.role.setEnabled(False)  # the first user of a desk is its admin
        self.no_pin.toggled.connect(self._no_pin_toggled)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(dialog.reject)
        bind_form(dialog, FORM, after=self._retranslate)
        self._retranslate()
        start = user.role if user is not None else (Role.ADMIN if first else Role.OPERATOR)
        self.role.setCurrentIndex(list(Role).index(start))

    def _retranslate(self) -> None:
        translate_buttons(self.buttons)
        self.dialog.setWindowTitle(
            {ADD: tr("Add a user"), ROLE: tr("Change role"), PIN: tr("New PIN")}[self.mode]
        )
        index = self.role.currentIndex()
        self.role.clear()
        for role in Role:
            self.role.addItem(role_name(role), role.label)
        self.role.setCurrentIndex(max(index, 0))

    def _no_pin_toggled(self, on: bool) -> None:
        self.pin.setEnabled(not on)
        self.pin_again.setEnabled(not on)

    def exec(self) -> tuple[str, Role, str | None] | None:
        self.dialog.exec()
        return self.result

    def _problem(self, widget: QWidget, text: str) -> bool:
        self.error.setText(text)
        self.error.setVisible(True)
        widget.setFocus()
        return False

    def submit(self) -> bool:
        name = " ".join(self.name.text().split())
        if not name:
            return self._problem(self.name, tr("Name: a user needs a name."))
        role = list(Role)[self.role.currentIndex()]
        pin: str | None = None
        if self.mode in (ADD, PIN) and not self.no_pin.isChecked():
            pin = self.pin.text()
            if len(pin) < MIN_LENGTH:
                return self._problem(
                    self.pin, tr("PIN: at least %1 characters.").replace("%1", str(MIN_LENGTH))
                )
            if pin.strip() != pin:
                return self._problem(self.pin, tr("PIN: no space at the start or the end."))
            if self.pin_again.text() != pin:
                self.pin_again.clear()
                return self._problem(self.pin_again, tr("PIN: the two entries differ."))
        self.result = (name, role, pin)
        self.dialog.done(QDialog.DialogCode.Accepted)
        return True
