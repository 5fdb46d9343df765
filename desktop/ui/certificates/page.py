"""The Certificates page: its form, widgets and wiring, language switching and what it redraws
when data changes; each tab's behaviour comes from its own module."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from desktop.core.certificates.verify import Verification
from desktop.core.dates import format_range
from desktop.ui.certificates.common import (
    CODE_COLUMN,
    ISSUED_COLUMN,
    WORKSHOP_COLUMN,
    _title,
    tr,
)
from desktop.ui.certificates.issue import IssueMixin
from desktop.ui.certificates.register import RegisterMixin
from desktop.ui.certificates.verify import VerifyMixin
from desktop.ui.columns import ColumnFitter
from desktop.ui.context import AppContext
from desktop.ui.i18n import bind_form
from desktop.ui.said import say
from desktop.ui.table_export import add_export
from desktop.ui.uiload import child, embed_form, load_ui

FORM = "certificates.ui"


class CertificatesPage(RegisterMixin, IssueMixin, VerifyMixin, QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[dict] = []
        self.suggestions: list[str] = []
        self.handle = None
        self.last_batch: Path | None = None
        self.last_verification: Verification | None = None
        self.ui = load_ui(FORM, self)
        embed_form(self, self.ui)
        self.tabs: QTabWidget = child(self.ui, QTabWidget, "tabs")
        self.search: QLineEdit = child(self.ui, QLineEdit, "searchEdit")
        self.status_combo: QComboBox = child(self.ui, QComboBox, "statusCombo")
        self.workshop_filter: QComboBox = child(self.ui, QComboBox, "workshopFilterCombo")
        self.table: QTableWidget = child(self.ui, QTableWidget, "registerTable")
        add_export(self.table, ctx, "Certificates register")
        self.preview: QLabel = child(self.ui, QLabel, "previewLabel")
        self.register_status: QLabel = child(self.ui, QLabel, "registerStatus")
        self.workshop_combo: QComboBox = child(self.ui, QComboBox, "workshopCombo")
        self.template_combo: QComboBox = child(self.ui, QComboBox, "templateCombo")
        self.participant_combo: QComboBox = child(self.ui, QComboBox, "participantCombo")
        self.reissue: QCheckBox = child(self.ui, QCheckBox, "reissueCheck")
        self.reason: QLineEdit = child(self.ui, QLineEdit, "reissueReasonEdit")
        self.eligible_label: QLabel = child(self.ui, QLabel, "eligibleLabel")
        self.progress: QProgressBar = child(self.ui, QProgressBar, "issueProgress")
        self.issue_status: QLabel = child(self.ui, QLabel, "issueStatus")
        self.issue_button: QPushButton = child(self.ui, QPushButton, "issueButton")
        self.cancel_button: QPushButton = child(self.ui, QPushButton, "cancelButton")
        self.qr_edit: QLineEdit = child(self.ui, QLineEdit, "qrEdit")
        self.verify_result: QLabel = child(self.ui, QLabel, "verifyResult")
        self.verify_details: QTableWidget = child(self.ui, QTableWidget, "verifyDetails")
        self.template_preview: QLabel = child(self.ui, QLabel, "templatePreview")
        self.last_template_preview: bytes | None = None

        self.search.textChanged.connect(self.refresh)
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.workshop_filter.currentIndexChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self.show_preview)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())
        child(self.ui, QPushButton, "exportButton").clicked.connect(lambda: self.export_register())
        child(self.ui, QPushButton, "openButton").clicked.connect(self.open_selected)
        child(self.ui, QPushButton, "printButton").clicked.connect(lambda: self.print_selected())
        child(self.ui, QPushButton, "revokeButton").clicked.connect(lambda: self.revoke_selected())
        self.workshop_combo.currentIndexChanged.connect(self.update_eligible)
        self.reissue.toggled.connect(self.reason.setEnabled)
        self.reason.setEnabled(False)
        self.issue_button.clicked.connect(self.issue)
        self.cancel_button.clicked.connect(self.cancel_issue)
        self.cancel_button.setEnabled(False)
        child(self.ui, QPushButton, "openBatchButton").clicked.connect(self.open_batch)
        child(self.ui, QPushButton, "printBatchButton").clicked.connect(lambda: self.print_batch())
        child(self.ui, QPushButton, "previewTemplateButton").clicked.connect(self.preview_template)
        self.qr_edit.returnPressed.connect(self.verify_input)
        child(self.ui, QPushButton, "verifyButton").clicked.connect(self.verify_input)
        child(self.ui, QPushButton, "verifyFileButton").clicked.connect(lambda: self.verify_path())
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
        splitter = child(self.ui, QSplitter, "registerSplitter")
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([680, 320])
        ctx.changed.connect(self._on_changed)
        bind_form(self.ui, FORM, after=self._retranslate)
        self._retranslate()
        self.load_workshops()
        self.refresh()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_preview()
        self._fit_template_preview()

    # -- housekeeping ----------------------------------------------------------------------
    def _error(self, exc: BaseException, trace: str) -> None:
        QMessageBox.warning(self, tr("Certificates"), say(exc))

    def _on_changed(self, kind: str) -> None:
        if kind in ("workshop", "programme"):
            self.load_workshops()
        if kind in ("certificate", "participant", "workshop"):
            self.refresh()
        if kind in ("attendance", "enrolment", "session"):
            self.update_eligible()

    def _retranslate(self) -> None:
        """Texts set in code (the form's own are re-applied by bind_form)."""
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


def create_page(ctx: AppContext) -> QWidget:
    return CertificatesPage(ctx)
