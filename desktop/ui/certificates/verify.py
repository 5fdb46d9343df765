"""The Verify tab: check a scanned QR text, a PDF or a photo of a certificate offline, and say
in plain words whether it is valid."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QTableWidgetItem,
)

from desktop.core.certificates.verify import Verification, verify_file, verify_text
from desktop.core.dates import format_date
from desktop.ui.certificates.common import tr

PAYLOAD_LABELS = (
    ("no", "Certificate No."),
    ("name_en", "Name"),
    ("name_hi", "Name (Hindi)"),
    ("employee_code", "Employee code"),
    ("programme", "Programme"),
    ("hours", "Hours"),
    ("from", "From"),
    ("to", "To"),
    ("institute", "Institute"),
    ("issued", "Issued"),
)

DATE_KEYS = {"from", "to", "issued"}  # ISO in the signed payload, shown in the one style


class VerifyMixin:
    """The Verify tab's behaviour; part of CertificatesPage, which owns the widgets."""

    def verify_input(self) -> Verification:
        result = verify_text(self.qr_edit.text(), store=self.ctx.store)
        self.show_verification(result)
        return result

    def verify_path(self, path: Path | None = None) -> Verification | None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, tr("Certificate PDF or photo"), "",
                tr("PDF or image") + " (*.pdf *.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)",
            )  # fmt: skip
            if not name:
                return None
            path = Path(name)
        result = verify_file(path, store=self.ctx.store)
        self.show_verification(result)
        return result

    def show_verification(self, result: Verification) -> None:
        self.last_verification = result
        if result.valid:
            self.verify_result.setText("✔ " + tr("Valid certificate"))
            self.verify_result.setStyleSheet(
                "font-size: 16pt; font-weight: 600; padding: 8px; color: white; "
                "background: #1E7B34;"
            )
        else:
            messages = {
                "invalid_signature": tr("NOT VALID: the certificate's details do not match its "
                                        "signature — it was changed after issue, or forged"),
                "unknown_key": tr("NOT VERIFIED: signed by a centre this desk does not know. "
                                  "Import that centre's trust list to check it."),
                "revoked": tr("REVOKED: this certificate was withdrawn by the issuing centre"),
                "malformed": tr("NOT VALID: this QR code is not a Karmayogi certificate"),
                "number_not_qr": tr("This is a certificate number, not its QR code. Scan the "
                                    "QR code, or find the number in the Register tab."),
                "not_a_file_type": tr("Only a PDF or a photo of a certificate can be checked."),
                "no_qr": tr("No QR code was found in this file. Try the certificate's PDF or "
                            "a sharper, straight photo of the whole QR code."),
            }  # fmt: skip
            text = "✘ " + messages.get(result.reason or "", tr("NOT VALID"))
            # Only what a person can act on: never the parser's technical detail.
            if result.reason == "revoked" and result.revocation:
                text += "\n" + tr("Revoked on {0}: {1}").format(
                    format_date(result.revocation.get("revoked_at")),
                    result.revocation.get("reason") or "",
                )
            elif result.reason == "unknown_key" and result.kid:
                text += "\n" + tr("Signing key: {0}").format(result.kid)
            self.verify_result.setText(text)
            self.verify_result.setStyleSheet(
                "font-size: 16pt; font-weight: 600; padding: 8px; color: white; "
                "background: #B03A2E;"
            )
        payload = result.payload or {}
        shown = [
            (tr(label), format_date(payload[key]) if key in DATE_KEYS else str(payload[key]))
            for key, label in PAYLOAD_LABELS
            if key in payload
        ]
        if result.kid:
            shown.append((tr("Signing key"), result.kid))
        self.verify_details.setRowCount(len(shown))
        for i, (label, value) in enumerate(shown):
            self.verify_details.setItem(i, 0, QTableWidgetItem(label))
            self.verify_details.setItem(i, 1, QTableWidgetItem(value))
        self.verify_details.resizeColumnsToContents()
