"""The Sync page's dialogs: enrolling the desk with a portal, fixing a rejected record, and
confirming the key fingerprint of a desk whose bundle or receipt is imported."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.sync import trust
from desktop.core.sync.bundle import UntrustedSigner as UntrustedBundleSigner
from desktop.protocol.records import JSON_FIELDS, KIND_FIELDS
from desktop.ui.i18n import translate_buttons
from desktop.ui.sync.words import tr
from desktop.ui.uiload import child, embed_form, load_ui


class EnrolDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.ui = load_ui("sync_enrol.ui", self)
        embed_form(self, self.ui)
        self.url: QLineEdit = child(self.ui, QLineEdit, "urlEdit")
        self.code: QLineEdit = child(self.ui, QLineEdit, "codeEdit")
        self.error: QLabel = child(self.ui, QLabel, "errorLabel")
        self.buttons: QDialogButtonBox = child(self.ui, QDialogButtonBox, "buttons")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        translate_buttons(self.buttons)  # Qt has no Hindi for OK / Cancel
        self.url.setText(url)
        self.setWindowTitle(tr("Enrol this desk"))
        child(self.ui, QLabel, "helpLabel").setText(tr(
            "Ask the portal administrator for the portal address and a one-time enrolment "
            "code."))
        child(self.ui, QLabel, "urlLabel").setText(tr("Portal address:"))
        child(self.ui, QLabel, "codeLabel").setText(tr("Enrolment code:"))
        self.resize(self.ui.size())

    def _accept(self) -> None:
        if not self.url.text().strip() or not self.code.text().strip():
            self.error.setText(tr("Enter both the portal address and the code."))
            return
        self.accept()


class FixDialog(QDialog):
    """Edit a rejected record's fields, with the portal's message on top. Saving makes a new
    version, which leaves quarantine and goes out at the next sync."""

    def __init__(self, parent: QWidget | None, kind: str, record: dict[str, Any],
                 message: str) -> None:
        super().__init__(parent)
        self.kind = kind
        self.record = record
        self.setWindowTitle(tr("Fix rejected record"))
        layout = QVBoxLayout(self)
        note = QLabel(tr("The portal said: {0}").format(message))
        note.setWordWrap(True)
        note.setStyleSheet("color: #b00020; font-weight: 600;")
        layout.addWidget(note)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for field in KIND_FIELDS[kind]:
            value = record["data"].get(field)
            if (kind, field) in JSON_FIELDS and value is not None:
                text = json.dumps(value, ensure_ascii=False)
            else:
                text = "" if value is None else str(value)
            edit = QLineEdit(text)
            self.edits[field] = edit
            form.addRow(field, edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field, edit in self.edits.items():
            text = edit.text().strip()
            old = self.record["data"].get(field)
            if (self.kind, field) in JSON_FIELDS:
                value: Any = json.loads(text) if text else None
            elif isinstance(old, int | float) and not isinstance(old, bool) and text:
                value = type(old)(float(text)) if isinstance(old, float) else int(text)
            else:
                value = text or None
            if value != old:
                out[field] = value
        return out


class TrustSignerDialog(QMessageBox):
    """Asks before a bundle or receipt from a desk this desk does not trust is imported:
    shows the signer's device id and key fingerprint, to compare with what that desk's
    operator reads out from their Sync page. A desk known under another key gets a warning
    (possible forgery). No is the default."""

    def __init__(self, parent: QWidget | None, error: trust.UntrustedSigner) -> None:
        super().__init__(parent)
        self.error = error
        bundle = isinstance(error, UntrustedBundleSigner)
        self.setWindowTitle(tr("Import bundle") if bundle else tr("Import receipt"))
        if error.changed:
            self.setIcon(QMessageBox.Icon.Warning)
            self.setText((tr(
                "Warning: this bundle says it comes from desk {0}, but it is signed with a "
                "different key than the one this desk knows for that desk. It may be forged: "
                "a forged bundle would overwrite records here and be passed on to the portal.")
                if bundle else tr(
                "Warning: this receipt says it comes from desk {0}, but it is signed with a "
                "different key than the one this desk knows for that desk. It may be forged: "
                "a forged receipt would make this desk believe its work reached the portal "
                "when it did not.")).format(error.device_id))
        else:
            self.setIcon(QMessageBox.Icon.Question)
            self.setText(tr(
                "This bundle is signed by desk {0} of institute {1}, which this desk does not "
                "trust yet.").format(error.device_id, error.institute_code or "")
                if bundle else tr(
                "This receipt is signed by desk {0}, which this desk does not trust yet.").format(
                    error.device_id))
        self.setInformativeText((tr(
            "Key fingerprint: {0}\n\nAsk the operator of that desk to read out “This desk's key "
            "fingerprint” from its Sync page. Trust it only if every character matches; "
            "later bundles from that desk are then imported without asking.") if bundle else tr(
            "Key fingerprint: {0}\n\nAsk the operator of that desk to read out “This desk's key "
            "fingerprint” from its Sync page. Trust it only if every character matches; "
            "later receipts from that desk are then imported without asking.")).format(
                error.fingerprint))
        self.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        self.setDefaultButton(QMessageBox.StandardButton.No)
        self.button(QMessageBox.StandardButton.Yes).setText(tr("Fingerprints match: trust"))
        self.button(QMessageBox.StandardButton.No).setText(tr("Do not import"))

    def confirmed(self) -> bool:
        self.exec()
        return self.clickedButton() is self.button(QMessageBox.StandardButton.Yes)
