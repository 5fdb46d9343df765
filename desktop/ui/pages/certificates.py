"""Certificates area: the register (search, filter, preview, open, print, revoke, XLSX), issuing
for a workshop in the background with progress and cancel, and the offline Verify screen."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from desktop.core.certificates.issue import (
    current_certificate,
    issue_certificates,
    list_certificates,
    reprint_bytes,
    revoke,
)
from desktop.core.certificates.numbering import suggest_numbers
from desktop.core.certificates.preview import preview_pdf
from desktop.core.certificates.register import write_register_xlsx
from desktop.core.certificates.template import available_templates
from desktop.core.certificates.verify import Verification, verify_file, verify_text
from desktop.core.dates import format_date, format_range
from desktop.core.enrolment import enrolled
from desktop.core.workshops import workshop_choices
from desktop.ui.columns import ColumnFitter
from desktop.ui.context import AppContext
from desktop.ui.i18n import current_language
from desktop.ui.uiload import embed_form, load_ui

CONTEXT = "CertificatesPage"
CODE_COLUMN, WORKSHOP_COLUMN, ISSUED_COLUMN = 3, 4, 5  # in the register
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


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _title(row, en: str = "title_en", hi: str = "title_hi") -> str:
    """A workshop's title in the language the GUI shows (English when there is no Hindi)."""
    if current_language() == "hi" and row[hi]:
        return row[hi]
    return row[en] or ""


def open_in_viewer(path: Path) -> bool:
    """The system's default PDF viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def pdf_page_image(data: bytes | Path, page: int = 0, width: int = 900) -> QImage:
    """Render one PDF page (pdfium) as a QImage `width` pixels wide."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data if isinstance(data, bytes) else str(data))
    try:
        p = doc[page]
        scale = width / p.get_width()
        pil = p.render(scale=scale).to_pil().convert("RGB")
    finally:
        doc.close()
    raw = pil.tobytes("raw", "RGB")
    return QImage(raw, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888).copy()


def print_pdf(data: bytes | Path, printer) -> int:
    """Paint every page of a PDF on a QPrinter at its resolution; returns pages printed."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data if isinstance(data, bytes) else str(data))
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("The printer could not be started.")
    try:
        for i in range(len(doc)):
            if i:
                printer.newPage()
            rect = painter.viewport()
            page = doc[i]
            scale = max(rect.width() / page.get_width(), rect.height() / page.get_height())
            pil = page.render(scale=min(scale, 300 / 72)).to_pil().convert("RGB")
            img = QImage(
                pil.tobytes("raw", "RGB"), pil.width, pil.height, 3 * pil.width,
                QImage.Format.Format_RGB888,
            )  # fmt: skip
            size = img.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(
                rect.x() + (rect.width() - size.width()) // 2,
                rect.y() + (rect.height() - size.height()) // 2,
                img.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                           Qt.TransformationMode.SmoothTransformation),
            )  # fmt: skip
        return len(doc)
    finally:
        painter.end()
        doc.close()


class CertificatesPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[dict] = []
        self.suggestions: list[str] = []
        self.handle = None
        self.last_batch: Path | None = None
        self.last_verification: Verification | None = None
        self.ui = load_ui("certificates.ui", self)
        embed_form(self, self.ui)
        f = self.ui.findChild
        self.tabs: QTabWidget = f(QTabWidget, "tabs")
        self.search: QLineEdit = f(QLineEdit, "searchEdit")
        self.status_combo: QComboBox = f(QComboBox, "statusCombo")
        self.workshop_filter: QComboBox = f(QComboBox, "workshopFilterCombo")
        self.table: QTableWidget = f(QTableWidget, "registerTable")
        self.preview: QLabel = f(QLabel, "previewLabel")
        self.register_status: QLabel = f(QLabel, "registerStatus")
        self.workshop_combo: QComboBox = f(QComboBox, "workshopCombo")
        self.template_combo: QComboBox = f(QComboBox, "templateCombo")
        self.participant_combo: QComboBox = f(QComboBox, "participantCombo")
        self.reissue: QCheckBox = f(QCheckBox, "reissueCheck")
        self.reason: QLineEdit = f(QLineEdit, "reissueReasonEdit")
        self.eligible_label: QLabel = f(QLabel, "eligibleLabel")
        self.progress: QProgressBar = f(QProgressBar, "issueProgress")
        self.issue_status: QLabel = f(QLabel, "issueStatus")
        self.issue_button: QPushButton = f(QPushButton, "issueButton")
        self.cancel_button: QPushButton = f(QPushButton, "cancelButton")
        self.qr_edit: QLineEdit = f(QLineEdit, "qrEdit")
        self.verify_result: QLabel = f(QLabel, "verifyResult")
        self.verify_details: QTableWidget = f(QTableWidget, "verifyDetails")
        self.template_preview: QLabel = f(QLabel, "templatePreview")
        self.last_template_preview: bytes | None = None

        self.search.textChanged.connect(self.refresh)
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.workshop_filter.currentIndexChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self.show_preview)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())
        f(QPushButton, "exportButton").clicked.connect(lambda: self.export_register())
        f(QPushButton, "openButton").clicked.connect(self.open_selected)
        f(QPushButton, "printButton").clicked.connect(lambda: self.print_selected())
        f(QPushButton, "revokeButton").clicked.connect(lambda: self.revoke_selected())
        self.workshop_combo.currentIndexChanged.connect(self.update_eligible)
        self.reissue.toggled.connect(self.reason.setEnabled)
        self.reason.setEnabled(False)
        self.issue_button.clicked.connect(self.issue)
        self.cancel_button.clicked.connect(self.cancel_issue)
        self.cancel_button.setEnabled(False)
        f(QPushButton, "openBatchButton").clicked.connect(self.open_batch)
        f(QPushButton, "printBatchButton").clicked.connect(lambda: self.print_batch())
        f(QPushButton, "previewTemplateButton").clicked.connect(self.preview_template)
        self.qr_edit.returnPressed.connect(self.verify_input)
        f(QPushButton, "verifyButton").clicked.connect(self.verify_input)
        f(QPushButton, "verifyFileButton").clicked.connect(lambda: self.verify_path())
        for table in (self.table, self.verify_details):
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
        # The register fits its half of a 1366 px window without sideways scrolling: the
        # workshop title takes the spare width (whole in its tooltip); on a narrower screen the
        # employee code, then the date of issue, step aside (both are on the preview).
        self.register_columns = ColumnFitter(
            self.table, WORKSHOP_COLUMN, optional=(CODE_COLUMN, ISSUED_COLUMN), minimum=120
        )
        self.preview.setWordWrap(True)
        splitter = f(QSplitter, "registerSplitter")
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([680, 320])
        ctx.changed.connect(self._on_changed)
        self.retranslate()
        self.load_workshops()
        self.refresh()

    # -- register --------------------------------------------------------------------------
    def load_workshops(self) -> None:
        rows = self._workshop_rows = workshop_choices(self.ctx.store)
        for combo, with_all in ((self.workshop_filter, True), (self.workshop_combo, False)):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            if with_all:
                combo.addItem(tr("All workshops"), None)
            for r in rows:
                combo.addItem(f"{format_range(r['start_date'], r['end_date'])}  {_title(r)}", r["id"])
            if current is not None:
                index = combo.findData(current)
                if index >= 0:
                    combo.setCurrentIndex(index)
            elif not with_all:
                # Certificates are for workshops that are over: start at the latest finished.
                today = date.today().isoformat()
                finished = [i for i, r in enumerate(rows) if (r["end_date"] or "") <= today]
                if finished:
                    combo.setCurrentIndex(finished[0])
            combo.blockSignals(False)
        self.template_combo.clear()
        for name in available_templates(self.ctx.db_path):
            self.template_combo.addItem(name, name)
        self.update_eligible()

    def filters(self) -> dict:
        status = self.status_combo.currentData()
        return {
            "search": self.search.text().strip() or None,
            "workshop_id": self.workshop_filter.currentData(),
            "status": status,
        }

    def refresh(self) -> None:
        filters = self.filters()
        def load(_handle) -> tuple[list[dict], list[str]]:
            rows = list_certificates(self.ctx.store, limit=5000, **filters)
            typed = filters["search"]
            # A number typed with 0 for O or 1 for I finds nothing: offer what it meant.
            hints = suggest_numbers(self.ctx.store, typed) if typed and not rows else []
            return rows, hints

        self.ctx.run(load, on_done=lambda found: self.show_rows(*found), on_error=self._error)

    def show_rows(self, rows: list[dict], suggestions: list[str] | None = None) -> None:
        self.rows = rows
        self.suggestions = suggestions or []
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            status = tr("Revoked") if r["revoked_at"] else tr("Valid")
            values = [r["number"], r["name_en"] or "", r["name_hi"] or "", r["employee_code"] or "",
                      _title(r, "workshop_en", "workshop_hi"), format_date(r["issued_at"]),
                      status]  # fmt: skip
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if j == 0:
                    item.setData(Qt.ItemDataRole.UserRole, r["number"])
                if j == 6 and r["revoked_at"]:
                    item.setForeground(Qt.GlobalColor.red)
                if j == WORKSHOP_COLUMN:
                    item.setToolTip(value)
                self.table.setItem(i, j, item)
        self.register_columns.fit()
        self.register_status.setText(tr("{0} certificates").format(len(rows)))
        if self.suggestions:
            self.register_status.setText(
                tr("No certificate has this number. Did you mean {0}?").format(
                    tr(" or ").join(self.suggestions)
                )
            )
        if not self.selected_number():
            self._preview_hint()

    def _preview_hint(self) -> None:
        """The preview half says what it is for until a certificate is chosen."""
        self._preview_pix = None
        self.preview.clear()
        self.preview.setText(tr("Select a certificate to preview it"))

    def selected_number(self) -> str | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return self.table.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def select_number(self, number: str) -> None:
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == number:
                self.table.selectRow(i)
                return

    def show_preview(self) -> None:
        number = self.selected_number()
        if not number:
            self._preview_hint()
            return
        try:
            image = pdf_page_image(reprint_bytes(self.ctx.store, number), width=720)
        except Exception as exc:  # noqa: BLE001 - shown in place, the register stays usable
            self.preview.setText(str(exc))
            return
        self._preview_pix = QPixmap.fromImage(image)
        self._fit_preview()

    def _fit_preview(self) -> None:
        _show_scaled(self.preview, getattr(self, "_preview_pix", None))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_preview()
        self._fit_template_preview()

    def _reprint_file(self, number: str) -> Path:
        data = reprint_bytes(self.ctx.store, number)
        out = Path(tempfile.gettempdir()) / f"certificate-{number.replace('/', '-')}.pdf"
        out.write_bytes(data)
        return out

    def open_selected(self) -> Path | None:
        number = self.selected_number()
        if not number:
            return None
        try:
            path = self._reprint_file(number)
        except Exception as exc:  # noqa: BLE001
            self._error(exc, "")
            return None
        open_in_viewer(path)
        return path

    def print_selected(self, printer=None) -> int:
        number = self.selected_number()
        if not number:
            return 0
        return self._print(reprint_bytes(self.ctx.store, number), printer)

    def _print(self, data: bytes | Path, printer=None) -> int:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return 0
        return print_pdf(data, printer)

    def revoke_selected(self, reason: str | None = None) -> bool:
        number = self.selected_number()
        if not number:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, tr("Revoke certificate"),
                tr("Why is certificate {0} revoked?").format(number),
            )  # fmt: skip
            if not ok:
                return False
        try:
            revoke(self.ctx.store, number, reason)
        except Exception as exc:  # noqa: BLE001
            self._error(exc, "")
            return False
        self.ctx.notify("certificate")
        self.refresh()
        self.select_number(number)
        self.register_status.setText(tr("Certificate {0} revoked.").format(number))
        return True

    def export_register(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, tr("Export register"), "certificates.xlsx", "*.xlsx"
            )
            if not name:
                return None
            path = Path(name)
        rows = list_certificates(self.ctx.store, **self.filters())
        write_register_xlsx(rows, path)
        self.register_status.setText(tr("Saved {0}").format(path))
        return path

    # -- issue -----------------------------------------------------------------------------
    def update_eligible(self) -> None:
        workshop_id = self.workshop_combo.currentData()
        if not workshop_id:
            self.eligible_label.setText("")
            return
        from desktop.core.completion import evaluate_workshop

        try:
            results = evaluate_workshop(self.ctx.store, workshop_id)
        except Exception as exc:  # noqa: BLE001
            self.eligible_label.setText(str(exc))
            return
        eligible = [r.participant_id for r in results if r.eligible]
        holding = sum(
            1 for p in eligible if current_certificate(self.ctx.store, p, workshop_id) is not None
        )
        self.holding = holding
        self.participant_combo.clear()
        self.participant_combo.addItem(tr("Everyone who completed the workshop"), None)
        people = {
            r["id"]: r for r in enrolled(self.ctx.store, workshop_id, include_withdrawn=True)
        }
        for pid in sorted(eligible, key=lambda p: (people.get(p) or {"name_en": ""})["name_en"]):
            r = people.get(pid)
            if r is not None:
                label = " / ".join(v for v in (r["name_en"], r["name_hi"]) if v)
                if r["employee_code"]:
                    label += f" ({r['employee_code']})"
                self.participant_combo.addItem(label, pid)
        self.eligible_label.setText(
            tr("{0} enrolled, {1} completed the workshop, {2} already hold a certificate.").format(
                len(results), len(eligible), holding
            )
        )

    def issue(self) -> None:
        workshop_id = self.workshop_combo.currentData()
        if not workshop_id:
            return
        reason = self.reason.text().strip() if self.reissue.isChecked() else None
        if self.reissue.isChecked() and not reason:
            self.issue_status.setText(tr("A re-issue needs a reason."))
            return
        template = self.template_combo.currentData()
        chosen = self.participant_combo.currentData()
        participant_ids = [chosen] if chosen else None
        if reason and chosen is None and getattr(self, "holding", 0) > 1:
            # Bulk re-issue by accident is what users of other tools complain about: every
            # holder would get a new number and lose the old one. Ask first.
            if not self.confirm_bulk_reissue(self.holding):
                self.issue_status.setText(tr("Nothing was re-issued."))
                return
        self.issue_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.issue_status.setText(tr("Issuing…"))

        def task(handle):
            return issue_certificates(
                self.ctx.store, workshop_id, participant_ids=participant_ids,
                reissue_reason=reason, template=template,
                progress=handle.progress, cancel=lambda: handle.cancelled,
            )  # fmt: skip

        self.handle = self.ctx.run(
            task, on_done=self.issue_done, on_error=self.issue_failed, progress=self.issue_progress
        )

    def confirm_bulk_reissue(self, count: int) -> bool:
        answer = QMessageBox.question(
            self,
            tr("Re-issue certificates"),
            tr(
                "Re-issue all {0} certificates of this workshop? Each holder gets a new number "
                "and the old certificate is revoked."
            ).format(count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def issue_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.issue_status.setText(tr("{0} of {1} certificates issued").format(done, total))

    def cancel_issue(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.issue_status.setText(tr("Stopping after the current group…"))

    def issue_done(self, result) -> None:
        self.issue_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.handle = None
        self.last_batch = result.batch_pdf
        text = tr("{0} issued, {1} skipped.").format(len(result.issued), len(result.skipped))
        if result.cancelled:
            text += " " + tr("Cancelled: the rest were not issued.")
        if result.skipped:
            text += "\n" + "\n".join(reason for _, reason in result.skipped[:5])
        self.issue_status.setText(text)
        self.ctx.notify("certificate")
        self.refresh()
        self.update_eligible()

    def issue_failed(self, exc: BaseException, trace: str) -> None:
        self.issue_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.handle = None
        self.issue_status.setText(str(exc))

    def open_batch(self) -> None:
        if self.last_batch:
            open_in_viewer(self.last_batch)

    def print_batch(self, printer=None) -> int:
        if not self.last_batch:
            return 0
        return self._print(self.last_batch, printer)

    def preview_template(self) -> None:
        """A specimen page of the chosen template with this workshop's details and the chosen
        (or first eligible) participant: nothing is numbered, signed or stored."""
        template = self.template_combo.currentData()
        workshop_id = self.workshop_combo.currentData()
        participant_id = self.participant_combo.currentData()
        self.template_preview.setText(tr("Preparing the preview…"))

        def task(_handle):
            return preview_pdf(
                self.ctx.store, template, workshop_id=workshop_id, participant_id=participant_id
            )

        self.ctx.run(task, on_done=self._show_template_preview, on_error=self._preview_failed)

    def _show_template_preview(self, data: bytes) -> None:
        self.last_template_preview = data
        self._template_pix = QPixmap.fromImage(pdf_page_image(data, width=900))
        self._fit_template_preview()

    def _preview_failed(self, exc: BaseException, _trace: str = "") -> None:
        self.last_template_preview = None
        self._template_pix = None
        self.template_preview.clear()
        self.template_preview.setText(tr("This template cannot be used: {0}").format(exc))

    def _fit_template_preview(self) -> None:
        _show_scaled(self.template_preview, getattr(self, "_template_pix", None))

    # -- verify ----------------------------------------------------------------------------
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

    # -- housekeeping ----------------------------------------------------------------------
    def _error(self, exc: BaseException, trace: str) -> None:
        QMessageBox.warning(self, tr("Certificates"), str(exc))

    def _on_changed(self, kind: str) -> None:
        if kind in ("workshop", "programme"):
            self.load_workshops()
        if kind in ("certificate", "participant", "workshop"):
            self.refresh()
        if kind in ("attendance", "enrolment", "session"):
            self.update_eligible()

    def retranslate(self) -> None:
        f = self.ui.findChild
        f(QLabel, "titleLabel").setText(tr("Certificates"))
        self.tabs.setTabText(0, tr("Register"))
        self.tabs.setTabText(1, tr("Issue"))
        self.tabs.setTabText(2, tr("Verify"))
        self.search.setPlaceholderText(tr("Search number, name or employee code"))
        current = self.status_combo.currentIndex()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(tr("All"), None)
        self.status_combo.addItem(tr("Valid"), "valid")
        self.status_combo.addItem(tr("Revoked"), "revoked")
        self.status_combo.setCurrentIndex(max(current, 0))
        self.status_combo.blockSignals(False)
        if self.workshop_filter.count():
            self.workshop_filter.setItemText(0, tr("All workshops"))
        if self.participant_combo.count():
            self.participant_combo.setItemText(0, tr("Everyone who completed the workshop"))
        for name, text in (
            ("exportButton", "Export XLSX…"), ("openButton", "Open"), ("printButton", "Print…"),
            ("revokeButton", "Revoke…"), ("issueButton", "Issue certificates"),
            ("cancelButton", "Cancel"), ("openBatchButton", "Open print file"),
            ("printBatchButton", "Print all…"), ("verifyButton", "Verify"),
            ("verifyFileButton", "PDF or photo…"), ("previewTemplateButton", "Preview template"),
        ):  # fmt: skip
            f(QPushButton, name).setText(tr(text))
        for name, text in (
            ("workshopLabel", "Workshop:"), ("templateLabel", "Template:"),
            ("participantLabel", "Issue to:"),
            ("reasonLabel", "Reason:"),
            ("verifyHelp", "Scan the certificate's QR code (the scanner types it here), paste "
                           "its text, or choose a PDF or a photo of the certificate."),
        ):  # fmt: skip
            f(QLabel, name).setText(tr(text))
        self.reissue.setText(tr("Re-issue to those who already hold one (new number)"))
        self.qr_edit.setPlaceholderText(tr("QR text"))
        self.table.setColumnCount(7)
        self.table.setHorizontalHeaderLabels(
            [tr("Certificate No."), tr("Name"), tr("Name (Hindi)"), tr("Employee code"),
             tr("Workshop"), tr("Issued"), tr("Status")]
        )  # fmt: skip
        self.verify_details.setColumnCount(2)
        self.verify_details.setHorizontalHeaderLabels([tr("Field"), tr("Value")])
        if getattr(self, "_preview_pix", None) is None:
            self._preview_hint()
        if self.rows or self.suggestions:
            self.show_rows(self.rows, self.suggestions)
        # Workshop titles in the new language, choices kept (no database read in an event).
        titles = {
            r["id"]: f"{format_range(r['start_date'], r['end_date'])}  {_title(r)}"
            for r in getattr(self, "_workshop_rows", [])
        }
        for combo in (self.workshop_filter, self.workshop_combo):
            for i in range(combo.count()):
                if combo.itemData(i) in titles:
                    combo.setItemText(i, titles[combo.itemData(i)])
        if self.last_verification is not None:
            self.show_verification(self.last_verification)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tabs"):
            self.retranslate()
        super().changeEvent(event)


def create_page(ctx: AppContext) -> QWidget:
    return CertificatesPage(ctx)


def _show_scaled(label: QLabel, pix: QPixmap | None) -> None:
    """A page image fitted to its label (kept as is while the label is still tiny)."""
    if pix is None:
        return
    target = label.size()
    if target.width() > 50:
        pix = pix.scaled(target, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    label.setPixmap(pix)
