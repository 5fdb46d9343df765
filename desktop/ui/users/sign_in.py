"""The sign-in dialog: at start (a desk with several users), to switch user, and as the lock
screen (no Cancel: only a signed-in user opens the desk again).

The PIN is checked by the core (`desktop.core.users.sign_in`), which counts wrong PINs and
locks the account after five; the field is cleared after every try and never logged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.core.users import SignInError, User, active_users, sign_in
from desktop.store import Store
from desktop.ui.i18n import bind_form, translate_buttons
from desktop.ui.uiload import child, load_ui
from desktop.ui.users.texts import role_name, tr

FORM = "sign_in.ui"

START, SWITCH, LOCK = "start", "switch", "lock"


class SignInDialog:
    """Wraps the form (`self.dialog`); `exec()` returns the signed-in User or None."""

    def __init__(self, store: Store, mode: str = SWITCH, parent: QWidget | None = None,
                 *, preselect: str | None = None) -> None:
        self.store, self.mode = store, mode
        dialog = load_ui(FORM, parent)
        assert isinstance(dialog, QDialog)
        self.dialog = dialog
        self.title: QLabel = child(dialog, QLabel, "titleLabel")
        self.users: QComboBox = child(dialog, QComboBox, "userCombo")
        self.pin: QLineEdit = child(dialog, QLineEdit, "pinEdit")
        self.error: QLabel = child(dialog, QLabel, "errorLabel")
        self.buttons: QDialogButtonBox = child(dialog, QDialogButtonBox, "buttonBox")
        self.signed_in: User | None = None
        self._list: list[User] = active_users(store)
        if mode == LOCK:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setVisible(False)
            dialog.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
            dialog.reject = lambda: None  # Escape does not open a locked desk
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(dialog.reject)
        self.users.currentIndexChanged.connect(self._user_changed)
        bind_form(dialog, FORM, after=self._retranslate)
        self._retranslate()
        current = preselect or store.actor  # the lock screen offers the one who locked
        names = [u.name for u in self._list]
        if current in names:
            self.users.setCurrentIndex(names.index(current))
        self._user_changed()

    def _retranslate(self) -> None:
        translate_buttons(self.buttons)
        self.title.setText(
            {
                START: tr("Who is at the desk? Choose your name and enter your PIN."),
                SWITCH: tr("Switch user: choose your name and enter your PIN."),
                LOCK: tr("The desk is locked. Sign in to go on."),
            }[self.mode]
        )
        index = self.users.currentIndex()
        self.users.blockSignals(True)
        self.users.clear()
        for user in self._list:
            self.users.addItem(f"{user.name} ({role_name(user.role)})", user.name)
        self.users.setCurrentIndex(max(index, 0))
        self.users.blockSignals(False)

    def _user_changed(self) -> None:
        user = self._chosen()
        needs_pin = user is not None and user.has_pin
        self.pin.setEnabled(needs_pin)
        self.pin.clear()
        self.pin.setPlaceholderText("" if needs_pin else tr("no PIN"))
        self.error.setVisible(False)
        (self.pin if needs_pin else self.users).setFocus()

    def _chosen(self) -> User | None:
        index = self.users.currentIndex()
        return self._list[index] if 0 <= index < len(self._list) else None

    def exec(self) -> User | None:
        self.dialog.exec()
        return self.signed_in

    def submit(self) -> bool:
        user = self._chosen()
        if user is None:
            return False
        pin = self.pin.text() if user.has_pin else None
        self.pin.clear()
        try:
            self.signed_in = sign_in(self.store, user.name, pin)
        except SignInError as exc:
            self.error.setText(self._message(exc))
            self.error.setVisible(True)
            self.pin.setFocus()
            return False
        self.dialog.done(QDialog.DialogCode.Accepted)
        return True

    @staticmethod
    def _message(exc: SignInError) -> str:
        if exc.locked_until is not None:
            until = exc.locked_until.astimezone().strftime("%H:%M")
            return tr("Five wrong PINs: this user is locked until %1. An admin can set a new "
                      "PIN.").replace("%1", until)
        return tr("Wrong PIN. Try again.")
