"""Asking for a backup's passphrase: twice for a new backup (with "do not encrypt" said in
words), once to restore one. The passphrase goes straight into a `Protection`; it is never
shown, stored or logged."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.backup_crypto import MIN_PASSPHRASE, Protection
from desktop.ui.i18n import translate_buttons


def tr(text: str) -> str:
    return QCoreApplication.translate("BackupPassphrase", text)


@dataclass(frozen=True)
class Choice:
    """What the user chose for a new backup: a passphrase, or plain (`protection` None)."""

    protection: Protection | None


class PassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, new: bool, file_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.new = new
        self.setWindowTitle(tr("Backup passphrase"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr("The backup will be encrypted: without this passphrase nobody can read it, "
               "and neither can you. Keep it somewhere safe, away from the backup.")
            if new else
            tr("{0} is encrypted. Type its passphrase.").format(file_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("Passphrase:"), self.first)
        self.second = QLineEdit()
        self.second.setObjectName("passphraseAgain")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.plain = QCheckBox(tr("Do not encrypt this backup (anyone holding the file can read "
                                  "every name and mobile in it)"))
        self.plain.setObjectName("noEncryption")
        if new:
            form.addRow(tr("Again:"), self.second)
        layout.addLayout(form)
        if new:
            layout.addWidget(self.plain)
            self.plain.toggled.connect(self._plain_toggled)
        self.problem = QLabel()
        self.problem.setObjectName("passphraseProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _plain_toggled(self, on: bool) -> None:
        self.first.setEnabled(not on)
        self.second.setEnabled(not on)

    def _accept(self) -> None:
        if self.new and self.plain.isChecked():
            self.accept()
            return
        text = self.first.text()
        if self.new and len(text) < MIN_PASSPHRASE:
            self.problem.setText(tr("The passphrase must be at least {0} characters long.")
                                 .format(MIN_PASSPHRASE))
            return
        if self.new and text != self.second.text():
            self.problem.setText(tr("The two passphrases differ."))
            return
        if not text:
            self.problem.setText(tr("Type the passphrase."))
            return
        self.accept()

    def protection(self) -> Protection | None:
        if self.new and self.plain.isChecked():
            return None
        return Protection(passphrase=self.first.text())


def written_note(encrypted: bool) -> str:
    """Said after a full backup was written: encrypted or not."""
    if encrypted:
        return tr("It is encrypted with your passphrase: without the passphrase it cannot be "
                  "restored.")
    return tr("It is NOT encrypted: whoever holds the file can read every name, mobile and "
              "e-mail in it.")


def ask_new(parent: QWidget | None) -> Choice | None:
    """For a new full backup: a Choice, or None when cancelled."""
    dialog = PassphraseDialog(parent, new=True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return Choice(dialog.protection())


def ask_existing(parent: QWidget | None, file_name: str) -> Protection | None:
    """The passphrase of an encrypted backup, or None when cancelled."""
    dialog = PassphraseDialog(parent, new=False, file_name=file_name)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.protection()
