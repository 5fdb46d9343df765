"""File ▸ Settings… (admins): the centre's names, this desk's number (the checks `init` makes,
a new signing key when the number changes), the signing key's fingerprint, and the way to the
automatic backups. Language is the Language menu's; users and the idle lock are Users…."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core import desk_settings
from desktop.core.users import UserError
from desktop.store import StoreError
from desktop.ui.i18n import translate_buttons
from desktop.ui.said import say
from desktop.ui.uiload import child, embed_form, load_ui


def tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


class SettingsDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = load_ui("settings_dialog.ui", self)
        embed_form(self, self.form)
        self.setWindowTitle(self.form.windowTitle())
        self.resize(self.form.size().expandedTo(self.sizeHint()))
        f = partial(child, self.form)
        self.code: QLabel = f(QLabel, "codeValue")
        self.name_en: QLineEdit = f(QLineEdit, "nameEnEdit")
        self.name_hi: QLineEdit = f(QLineEdit, "nameHiEdit")
        self.desk: QSpinBox = f(QSpinBox, "deskSpin")
        self.kid: QLabel = f(QLabel, "kidValue")
        self.fingerprint: QLabel = f(QLabel, "fingerprintValue")
        self.error: QLabel = f(QLabel, "errorLabel")
        f(QPushButton, "backupsButton").clicked.connect(self._backups)
        buttons: QDialogButtonBox = f(QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        translate_buttons(buttons)
        self._show(desk_settings.current(ctx.store))

    def _show(self, settings: desk_settings.DeskSettings) -> None:
        self.code.setText(settings.institute_code)
        self.name_en.setText(settings.name_en)
        self.name_hi.setText(settings.name_hi)
        self.desk.setValue(settings.desk)
        self.kid.setText(settings.signing_kid or tr("none yet"))
        self.fingerprint.setText(settings.signing_fingerprint or "")
        self.fingerprint.setWordWrap(True)

    def save(self) -> None:
        try:
            saved = desk_settings.save(self.ctx.store, self.name_en.text(),
                                       self.name_hi.text(), self.desk.value())
        except (StoreError, UserError) as exc:
            self.error.setText(say(exc))
            return
        self._show(saved)
        self.ctx.notify("centre")  # a settings save, not a page's operation
        self.accept()

    def _backups(self) -> None:
        from desktop.ui.backups.dialog import BackupsDialog

        BackupsDialog(self.ctx, self).exec()


def open_dialog(window: Any) -> None:
    """File ▸ Settings… (admins: desktop/ui/users/visibility.py)."""
    if SettingsDialog(window.ctx, window).exec():
        window._show_institute()  # the sidebar names the centre
