"""The first user, made in the first-start dialog ("Set up this centre"): the desk's admin.

Rows added to that dialog's form in code (the dialog's own form stays the shell's). Leaving
the name empty makes no user: the desk then works as before users existed, with no roles,
until an admin is added (Users, or `karmayogi-desk users add`)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from desktop.core.users import Role, add_user, has_users
from desktop.core.users.pins import MIN_LENGTH
from desktop.store import Store
from desktop.ui.users.texts import tr


class FirstAdminFields:
    def __init__(self, form: QFormLayout) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("firstAdminHeading")
        self.heading.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("adminNameEdit")
        self.name.setMaxLength(60)
        self.pin = QLineEdit()
        self.pin.setObjectName("adminPinEdit")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_again = QLineEdit()
        self.pin_again.setObjectName("adminPinAgainEdit")
        self.pin_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.name_label, self.pin_label, self.again_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.heading)
        form.addRow(self.name_label, self.name)
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.again_label, self.pin_again)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(tr("The desk's first user is its admin (leave the name empty to "
                                "set up users later)."))
        self.name_label.setText(tr("Your name"))
        self.pin_label.setText(tr("PIN or password"))
        self.again_label.setText(tr("The same again"))

    def problem(self) -> tuple[QWidget, str] | None:
        """(field, message) when what is typed cannot make the admin; None when fine."""
        if not self.name.text().strip():
            return None
        pin = self.pin.text()
        if pin and len(pin) < MIN_LENGTH:
            return self.pin, tr("PIN: at least %1 characters.").replace("%1", str(MIN_LENGTH))
        if pin != pin.strip():
            return self.pin, tr("PIN: no space at the start or the end.")
        if self.pin_again.text() != pin:
            return self.pin_again, tr("PIN: the two entries differ.")
        return None

    def create(self, store: Store) -> bool:
        """Make the admin (after the centre is set up); False when no name was given."""
        name = self.name.text().strip()
        if not name or has_users(store):
            return False
        add_user(store, name, Role.ADMIN, self.pin.text() or None)
        self.pin.clear()
        self.pin_again.clear()
        return True
