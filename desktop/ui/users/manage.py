"""The Users dialog (admins): the desk's users, their roles and state; add, change role,
new PIN, disable or enable; the idle-lock minutes. Every change goes through the core, which
refuses it for anyone but an admin and keeps the last admin."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.core.users import (
    User,
    UserError,
    add_user,
    list_users,
    reset_pin,
    set_disabled,
    set_role,
)
from desktop.core.users.desk_lock import lock_minutes, set_lock_minutes
from desktop.protocol.ids import parse_ts
from desktop.store import Store
from desktop.ui.i18n import bind_form, translate_buttons
from desktop.ui.said import say
from desktop.ui.uiload import child, load_ui
from desktop.ui.users.edit import ADD, PIN, ROLE, UserEditDialog
from desktop.ui.users.texts import role_name, tr

FORM = "users_dialog.ui"


class UsersDialog:
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        self.store = store
        dialog = load_ui(FORM, parent)
        assert isinstance(dialog, QDialog)
        self.dialog = dialog
        self.table: QTableWidget = child(dialog, QTableWidget, "usersTable")
        self.add_button: QPushButton = child(dialog, QPushButton, "addButton")
        self.role_button: QPushButton = child(dialog, QPushButton, "roleButton")
        self.pin_button: QPushButton = child(dialog, QPushButton, "pinButton")
        self.disable_button: QPushButton = child(dialog, QPushButton, "disableButton")
        self.lock_spin: QSpinBox = child(dialog, QSpinBox, "lockSpin")
        self.error: QLabel = child(dialog, QLabel, "errorLabel")
        self.buttons: QDialogButtonBox = child(dialog, QDialogButtonBox, "buttonBox")
        self.users: list[User] = []
        self.buttons.rejected.connect(dialog.reject)
        self.add_button.clicked.connect(self.add)
        self.role_button.clicked.connect(self.change_role)
        self.pin_button.clicked.connect(self.new_pin)
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.lock_spin.setValue(lock_minutes(store))
        self.lock_spin.editingFinished.connect(self._lock_changed)
        #: a dialog factory, replaced in tests: (mode, user) -> UserEditDialog
        self.editor = lambda mode, user: UserEditDialog(mode, user, dialog)
        bind_form(dialog, FORM, after=self._retranslate)
        self._retranslate()
        self.refresh()

    def exec(self) -> int:
        return self.dialog.exec()

    def _retranslate(self) -> None:
        translate_buttons(self.buttons)
        self.table.setColumnCount(4)
        self.table.setHorizontalHeaderLabels(
            [tr("Name"), tr("Role"), tr("PIN"), tr("State")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        if self.users:
            self._fill()

    def refresh(self, select: str | None = None) -> None:
        self.users = list_users(self.store)
        self._fill()
        names = [u.name for u in self.users]
        if select in names:
            self.table.selectRow(names.index(select))
        self._selection_changed()

    def _state(self, user: User) -> str:
        if user.disabled:
            return tr("disabled")
        if user.locked_until and parse_ts(user.locked_until).timestamp() > _now():
            return tr("locked until %1").replace(
                "%1", parse_ts(user.locked_until).astimezone().strftime("%H:%M")
            )
        return tr("active")

    def _fill(self) -> None:
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            cells = (user.name, role_name(user.role), tr("yes") if user.has_pin else tr("no"),
                     self._state(user))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.users[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        user = self.selected()
        for button in (self.role_button, self.pin_button, self.disable_button):
            button.setEnabled(user is not None)
        self.disable_button.setText(tr("Enable") if user and user.disabled else tr("Disable"))

    def _do(self, action, select: str | None) -> bool:
        try:
            action()
        except (UserError, ValueError) as exc:
            self.error.setText(say(exc))
            self.error.setVisible(True)
            return False
        self.error.setVisible(False)
        self.refresh(select)
        return True

    def add(self) -> bool:
        answer = self.editor(ADD, None).exec()
        if answer is None:
            return False
        name, role, pin = answer
        return self._do(lambda: add_user(self.store, name, role, pin), name)

    def change_role(self) -> bool:
        user = self.selected()
        answer = self.editor(ROLE, user).exec() if user else None
        if answer is None:
            return False
        return self._do(lambda: set_role(self.store, user.name, answer[1]), user.name)

    def new_pin(self) -> bool:
        user = self.selected()
        answer = self.editor(PIN, user).exec() if user else None
        if answer is None:
            return False
        return self._do(lambda: reset_pin(self.store, user.name, answer[2]), user.name)

    def toggle_disabled(self) -> bool:
        user = self.selected()
        if user is None:
            return False
        return self._do(lambda: set_disabled(self.store, user.name, not user.disabled),
                        user.name)

    def _lock_changed(self) -> None:
        if self.lock_spin.value() != lock_minutes(self.store):
            self._do(lambda: set_lock_minutes(self.store, self.lock_spin.value()), None)


def _now() -> float:
    import time

    return time.time()
