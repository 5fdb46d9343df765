"""File ▸ Settings… (admins): everything the first-run wizard chose, later — the centre's names,
this desk's number (the checks `init` makes, a new signing key when the number changes), the
signing key's fingerprint, the language (as the Language menu sets it), where the data lives
(and how to move it), and the ways to the automatic backups, portal enrolment and iGOT
settings. Users and the idle lock are Users…."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from desktop.core import desk_settings
from desktop.core.users import UserError
from desktop.store import StoreError
from desktop.ui.i18n import LANGUAGES, current_language, translate_buttons
from desktop.ui.said import say
from desktop.ui.uiload import child, embed_form, load_ui


def tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


class SettingsDialog(QDialog):
    def __init__(self, ctx: Any, window: Any = None) -> None:
        """`window`: the main window (the parent), which switches the language and opens the
        portal enrolment and iGOT settings (without it those two buttons are hidden)."""
        super().__init__(window)
        self.ctx = ctx
        self.window_ = window
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
        self.language: QComboBox = f(QComboBox, "languageCombo")
        self.language.setCurrentIndex(LANGUAGES.index(current_language()))
        path = ctx.store.path
        f(QLabel, "dataValue").setText(
            str(path) if path is not None else tr("a database in memory (not kept)"))
        f(QPushButton, "backupsButton").clicked.connect(self._backups)
        portal, igot = f(QPushButton, "portalButton"), f(QPushButton, "igotButton")
        portal.clicked.connect(self._portal)
        igot.clicked.connect(self._igot)
        portal.setVisible(window is not None)
        igot.setVisible(window is not None)
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
        lang = LANGUAGES[self.language.currentIndex()]
        if self.window_ is not None and lang != current_language():
            self.window_.set_language(lang)
        self.accept()

    def _backups(self) -> None:
        from desktop.ui.backups.dialog import BackupsDialog

        BackupsDialog(self.ctx, self).exec()

    def _portal(self) -> None:
        """The Sync page's enrolment (it checks the address and code, off the GUI thread)."""
        self.reject()
        self.window_.open_area("sync").enrol()

    def _igot(self) -> None:
        self.reject()
        self.window_.open_area("sync").igot_panel.open_settings()


def open_dialog(window: Any) -> None:
    """File ▸ Settings… (admins: desktop/ui/users/visibility.py)."""
    if SettingsDialog(window.ctx, window).exec():
        window._show_institute()  # the sidebar names the centre
