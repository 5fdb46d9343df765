"""First start on a database without a centre: the "Set up this centre" dialog.

OK runs the same core set-up as `karmayogi-desk init` (desktop.core.setup.set_up_centre):
the institute, this laptop's desk number and the certificate signing key, in one go. The
fields are checked with the core's own checks first so that each problem is shown next to
the form in the current language, naming its field; nothing is written until all pass."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.core.centre import DESK_MAX, DESK_MIN, check_code, check_desk, own_institute
from desktop.core.setup import set_up_centre
from desktop.store import Store, StoreError
from desktop.ui.i18n import translate_buttons
from desktop.ui.said import say
from desktop.ui.uiload import child, load_ui
from desktop.ui.users.first_admin import FirstAdminFields

FORM = "centre_setup.ui"


def tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def _is_devanagari(text: str) -> bool:
    return any("\u0900" <= c <= "\u097f" for c in text)


class CentreSetupDialog:
    """Wraps the loaded form (`self.dialog`, a QDialog); `exec()` returns True once the centre
    is set up, False when the user cancelled (then nothing was written)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        self.store = store
        dialog = load_ui(FORM, parent)
        assert isinstance(dialog, QDialog)
        self.dialog = dialog
        self.code: QLineEdit = child(dialog, QLineEdit, "codeEdit")
        self.name_en: QLineEdit = child(dialog, QLineEdit, "nameEnEdit")
        self.name_hi: QLineEdit = child(dialog, QLineEdit, "nameHiEdit")
        self.desk: QSpinBox = child(dialog, QSpinBox, "deskSpin")
        self.error: QLabel = child(dialog, QLabel, "errorLabel")
        self.buttons: QDialogButtonBox = child(dialog, QDialogButtonBox, "buttonBox")
        self.desk.setRange(DESK_MIN, DESK_MAX)
        self.first_admin = FirstAdminFields(child(dialog, QFormLayout, "formLayout"))
        translate_buttons(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(dialog.reject)
        self.desk_set_up: int | None = None

    def exec(self) -> bool:
        return self.dialog.exec() == QDialog.DialogCode.Accepted

    def show_problem(self, widget: QWidget, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        widget.setFocus()

    def submit(self) -> bool:
        """Check the fields, set the centre up and close; on a problem the dialog stays open
        with the message (naming the field) under the form."""
        code_text = self.code.text()
        name_en = self.name_en.text().strip()
        name_hi = self.name_hi.text().strip()
        try:
            code = check_code(code_text)
        except StoreError:
            self.show_problem(
                self.code,
                tr("Institute code: use 2 to 16 capital letters, digits or '-' (e.g. UPAAM)."),
            )
            return False
        if not name_en:
            self.show_problem(self.name_en, tr("Institute name (English) must not be empty."))
            return False
        if name_hi and not _is_devanagari(name_hi):
            self.show_problem(
                self.name_hi,
                tr("Institute name (Hindi): write it in Devanagari, or leave it empty."),
            )
            return False
        try:
            desk = check_desk(self.desk.value())
        except StoreError:
            self.show_problem(self.desk, tr("Desk number: use a whole number from 1 to 9."))
            return False
        admin_problem = self.first_admin.problem()
        if admin_problem is not None:
            self.show_problem(*admin_problem)
            return False
        try:
            self.desk_set_up = set_up_centre(self.store, code, name_en, name_hi or None, desk)
            self.first_admin.create(self.store)
        except (StoreError, OSError) as exc:  # e.g. the key folder cannot be written
            self.show_problem(
                self.code, tr("The centre could not be set up: {error}").format(error=say(exc))
            )
            return False
        self.error.setVisible(False)
        self.dialog.accept()
        return True


def needs_set_up(store: Store) -> bool:
    """True when the database has no own institute (never initialised)."""
    return own_institute(store) is None
