"""The Audit view: the desk's audit log, filtered by person, participant, workshop and date,
exported to XLSX, and its hash chain checked. A thin layer over desktop.core.audit."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import audit, people, workshops
from desktop.core.audit import view as audit_view
from desktop.protocol.ids import parse_ts
from desktop.store import Store
from desktop.ui.i18n import current_language, translate_buttons
from desktop.ui.said import say


def tr(text: str) -> str:
    return QCoreApplication.translate("AuditView", text)


def action_names() -> dict[str, str]:
    """The actions of desktop.core.audit.ACTIONS as the view names them."""
    return {
        "attendance.mark": tr("Attendance marked"),
        "attendance.undo": tr("Mark undone"),
        "attendance.close": tr("Session closed"),
        "attendance.reopen": tr("Session reopened"),
        "participant.edit": tr("Person added or edited"),
        "workshop.edit": tr("Workshop created or edited"),
        "session.edit": tr("Session edited"),
        "enrolment.edit": tr("Enrolment changed"),
        "certificate.issue": tr("Certificate issued"),
        "certificate.reissue": tr("Certificate re-issued"),
        "certificate.revoke": tr("Certificate revoked"),
        "roster.import": tr("Roster imported"),
        "sync.run": tr("Sync run"),
        "bundle.export": tr("Bundle exported"),
        "bundle.import": tr("Bundle imported"),
        "backup": tr("Backup written"),
        "restore": tr("Backup restored"),
        "settings.change": tr("Settings changed"),
    }


class AuditView(QDialog):
    """Who did what, newest first (at most 5,000 rows shown; the filters narrow it)."""

    LIMIT = 5000

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.store = store
        self._fit(1200, 640)
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.person_label, self.participant_label = QLabel(), QLabel()
        self.workshop_label, self.dates_label = QLabel(), QLabel()
        self.person = QComboBox()
        self.person.setObjectName("personFilter")
        self.participant = QLineEdit()
        self.participant.setObjectName("participantFilter")
        self.workshop = QComboBox()
        self.workshop.setObjectName("workshopFilter")
        self.workshop.setMinimumContentsLength(30)
        self.use_dates = QCheckBox()
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        today = date.today()
        self.date_to.setDate(QDate(today.year, today.month, today.day))
        start = today - timedelta(days=30)
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("applyFilters")
        dates = QHBoxLayout()
        for widget in (self.use_dates, self.date_from, QLabel("–"), self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        grid.addWidget(self.person_label, 0, 0)
        grid.addWidget(self.person, 0, 1)
        grid.addWidget(self.participant_label, 0, 2)
        grid.addWidget(self.participant, 0, 3)
        grid.addWidget(self.workshop_label, 1, 0)
        grid.addWidget(self.workshop, 1, 1)
        grid.addWidget(self.dates_label, 1, 2)
        grid.addLayout(dates, 1, 3)
        grid.addWidget(self.apply_button, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("auditTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        self.verify_button, self.export_button = QPushButton(), QPushButton()
        self.verify_button.setObjectName("verifyChain")
        self.export_button.setObjectName("exportXlsx")
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.apply_button.clicked.connect(self.refresh)
        self.participant.returnPressed.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        self.use_dates.toggled.connect(self._dates_enabled)
        self._dates_enabled(False)
        self.entries: list[audit.AuditEntry] = []
        self._ready = False
        self.retranslate()
        self._ready = True
        self.refresh()

    def _fit(self, width: int, height: int) -> None:
        """The preferred size, or the screen's free area less a frame (a 1024×768 laptop)."""
        screen = (self.parentWidget().screen() if self.parentWidget() else None) or \
            QGuiApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            width = min(width, free.width() - 24)
            height = min(height, free.height() - 64)
        self.resize(width, height)

    # -- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(tr("Audit log — who did what on this desk"))
        self.person_label.setText(tr("Person:"))
        self.participant_label.setText(tr("Participant:"))
        self.participant.setPlaceholderText(tr("Name, employee code or mobile"))
        self.workshop_label.setText(tr("Workshop:"))
        self.dates_label.setText(tr("Dates:"))
        self.use_dates.setText(tr("Only between"))
        self.apply_button.setText(tr("Show"))
        self.verify_button.setText(tr("Check the chain"))
        self.export_button.setText(tr("Export to XLSX…"))
        self.table.setHorizontalHeaderLabels([
            tr("No."), tr("When"), tr("Person"), tr("Action"), tr("Participant"),
            tr("Workshop"), tr("Details"),
        ])
        translate_buttons(self.buttons)
        self._fill_choices()
        if self._ready:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_choices(self) -> None:
        person, workshop = self.person.currentData(), self.workshop.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(tr("Everyone"), None)
        for name in audit.actors(self.store):
            self.person.addItem(name, name)
        self.person.setCurrentIndex(max(0, self.person.findData(person)))
        self.person.blockSignals(False)
        self.workshop.blockSignals(True)
        self.workshop.clear()
        self.workshop.addItem(tr("All workshops"), None)
        hindi = current_language() == "hi"
        for row in workshops.workshop_choices(self.store):
            title = (row["title_hi"] if hindi and row["title_hi"] else row["title_en"]) or ""
            self.workshop.addItem(f"{title} ({row['start_date']})", row["id"])
        self.workshop.setCurrentIndex(max(0, self.workshop.findData(workshop)))
        self.workshop.blockSignals(False)

    def _dates_enabled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    # -- filtering --------------------------------------------------------------------------
    def _participant_id(self) -> tuple[str | None, bool]:
        """(id, found) for what was typed: an id, an employee code, a mobile, or a name."""
        text = self.participant.text().strip()
        if not text:
            return None, True
        person = (people.by_id(self.store, text) if people.is_uuid(text) else None) or (
            people.by_code(self.store, text) if people.looks_like_code(text) else None
        ) or (people.by_mobile(self.store, text) if people.is_mobile(text) else None)
        if person is None:
            found = people.suggest(self.store, text, limit=1)
            person = found[0] if found else None
        return (person["id"], True) if person else (None, False)

    def refresh(self) -> None:
        participant_id, found = self._participant_id()
        if not found:
            self.entries = []
            self._show([])
            self.status.setText(tr("No participant matches “{0}”.").format(
                self.participant.text().strip()))
            return
        date_from = date_to = None
        if self.use_dates.isChecked():
            date_from = self.date_from.date().toString("yyyy-MM-dd")
            date_to = self.date_to.date().toString("yyyy-MM-dd")
        self.entries = audit.query(
            self.store, actor=self.person.currentData(), participant_id=participant_id,
            workshop_id=self.workshop.currentData(), date_from=date_from, date_to=date_to,
            limit=self.LIMIT,
        )
        self._show(self.entries)
        if len(self.entries) >= self.LIMIT:
            self.status.setText(tr("The newest {0} entries are shown; narrow the filters to "
                                   "see older ones.").format(self.LIMIT))
        else:
            self.status.setText(tr("{0} entries.").format(len(self.entries)))

    def _show(self, entries: list[audit.AuditEntry]) -> None:
        names = action_names()
        rows = audit_view.rows(self.store, entries)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            e = row.entry
            when = parse_ts(e.at).astimezone().strftime("%d-%m-%Y %H:%M:%S")
            values = [str(e.n), when, e.actor or tr("(nobody signed in)"),
                      names.get(e.action, e.action), row.participant, row.workshop,
                      row.details_text]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    # -- actions ----------------------------------------------------------------------------
    def verify(self) -> str:
        result = audit.verify(self.store)
        if result.intact:
            text = tr("The chain is intact: {0} entries, none changed or removed.").format(
                result.entries)
            QMessageBox.information(self, tr("Audit log"), text)
        else:
            text = tr("The chain is BROKEN at entry {0}: the database file was edited "
                      "outside the program.").format(result.bad_entry)
            QMessageBox.critical(self, tr("Audit log"), text)
        self.status.setText(text)
        return text

    def export(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, tr("Export the audit log"), "audit.xlsx", tr("Excel workbook (*.xlsx)"))
        if not target:
            return
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        try:
            audit_view.write_xlsx(self.store, self.entries, target)
        except OSError as exc:
            QMessageBox.critical(self, tr("Audit log"), say(exc))
            return
        self.status.setText(tr("{0} entries written to {1}").format(len(self.entries), target))
