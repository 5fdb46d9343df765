"""The visit form: create or edit one visit. Its widgets, wiring, language, loading and saving
are here; the team and people, action points, attachments, and field workshop and report
parts are mixins in the `form_*` modules."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from desktop.core import field_visits as fv
from desktop.core.dates import format_date
from desktop.core.field_workshops import (
    FieldWorkshopError,
    workshops_of_visit,
)
from desktop.ui.context import AppContext
from desktop.ui.field_visits.common import (
    ACTION_COLUMNS,
    CARRIED_COLUMNS,
    ID_ROLE,
    PROBLEMS,
    STATUS_TEXT,
    DueDateDelegate,
    hindi,
    set_headers,
    tr,
)
from desktop.ui.field_visits.form_actions import ActionPointsMixin
from desktop.ui.field_visits.form_attachments import AttachmentsMixin
from desktop.ui.field_visits.form_people import PeopleMixin
from desktop.ui.field_visits.form_workshop import WorkshopReportMixin
from desktop.ui.i18n import bind_form
from desktop.ui.said import say
from desktop.ui.uiload import child, embed_form, load_ui
from desktop.ui.workshops.problems import WORKSHOP_PROBLEMS


class VisitForm(PeopleMixin, ActionPointsMixin, AttachmentsMixin, WorkshopReportMixin, QWidget):
    """Create or edit one visit."""

    saved = Signal(str)
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("field_visit.ui", self)
        embed_form(self, self.ui)
        f = self.ui
        self.title: QLabel = child(f, QLabel, "titleLabel")
        self.error: QLabel = child(f, QLabel, "errorLabel")
        self.district: QComboBox = child(f, QComboBox, "districtCombo")
        self.office: QLineEdit = child(f, QLineEdit, "officeEdit")
        self.department: QComboBox = child(f, QComboBox, "departmentCombo")
        self.date: QDateEdit = child(f, QDateEdit, "dateEdit")
        self.purpose: QLineEdit = child(f, QLineEdit, "purposeEdit")
        self.people: QSpinBox = child(f, QSpinBox, "peopleSpin")
        self.team: QListWidget = child(f, QListWidget, "teamList")
        self.team_edit: QLineEdit = child(f, QLineEdit, "teamEdit")
        self.search: QLineEdit = child(f, QLineEdit, "participantSearch")
        self.results: QListWidget = child(f, QListWidget, "searchResults")
        self.linked: QListWidget = child(f, QListWidget, "participantList")
        self.findings: QPlainTextEdit = child(f, QPlainTextEdit, "findingsEdit")
        self.actions: QTableWidget = child(f, QTableWidget, "actionTable")
        self.carried_table: QTableWidget = child(f, QTableWidget, "carriedTable")
        self.carried_box: QGroupBox = child(f, QGroupBox, "carriedBox")
        self.attach_list: QListWidget = child(f, QListWidget, "attachList")
        self.keep_location: QCheckBox = child(f, QCheckBox, "keepLocationCheck")
        self.attach_note: QLabel = child(f, QLabel, "attachNote")
        self.save_button: QPushButton = child(f, QPushButton, "saveButton")
        self.plan_button: QPushButton = child(f, QPushButton, "planWorkshopButton")
        self.report_button: QPushButton = child(f, QPushButton, "reportButton")
        self.workshops_label: QLabel = child(f, QLabel, "workshopsLabel")
        self.workshops: list[dict[str, Any]] = []
        self.visit_id: str | None = None
        self.refs: list[dict[str, Any]] = []
        #: files this form stored that no saved visit names yet: sha256 -> staged_at
        self.staged: dict[str, str | None] = {}
        self.carried: list[fv.CarriedPoint] = []
        self.last_report: Path | None = None
        self.last_workshop: str | None = None
        for table in (self.actions, self.carried_table):
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.actions.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.carried_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.carried_table.horizontalHeader().setStretchLastSection(False)
        self.actions.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.carried_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.ResizeToContents
        )
        self.actions.horizontalHeader().setStretchLastSection(False)
        self.carried_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._due_delegate = DueDateDelegate(self.actions)
        self.actions.setItemDelegateForColumn(2, self._due_delegate)
        self.date.setMaximumDate(QDate(2100, 12, 31))
        bind_form(self.ui, "field_visit.ui", after=self._retranslate)
        set_headers(self.actions, "FieldVisitForm", ACTION_COLUMNS)
        set_headers(self.carried_table, "FieldVisitForm", CARRIED_COLUMNS)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self._run_search)
        self._fill_choices()
        self._wire()
        self.load(None)

    # -- set-up ----------------------------------------------------------------------------
    def _fill_choices(self, reread: bool = True) -> None:
        """Fill the district/department choices; `reread=False` (a language switch) uses the
        lists read last time, so an event never needs the database."""
        if reread or not hasattr(self, "_districts"):
            store = self.ctx.store
            self._districts = fv.districts(store)
            self._departments = fv.departments(store)
            completer = QCompleter(fv.offices(store), self.office)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.office.setCompleter(completer)
        self.district.clear()
        self.district.addItem(tr("— choose —"), None)
        for code, name_en, name_hi in self._districts:
            self.district.addItem(f"{name_hi if hindi() else name_en} ({code})", code)
        self.department.clear()
        self.department.addItem("", None)
        for name_en, name_hi in self._departments:
            self.department.addItem(name_hi if hindi() and name_hi else name_en, name_en)

    def _retranslate(self) -> None:
        """Texts set in code follow a language switch; what the user typed stays."""
        set_headers(self.actions, "FieldVisitForm", ACTION_COLUMNS)
        set_headers(self.carried_table, "FieldVisitForm", CARRIED_COLUMNS)
        district, department = self.district.currentData(), self.department.currentData()
        typed_department = self.department.currentText()
        for combo in (self.district, self.department):
            combo.blockSignals(True)
        self._fill_choices(reread=False)
        self.district.setCurrentIndex(max(0, self.district.findData(district)))
        index = self.department.findData(department)
        if index < 0 and typed_department:
            self.department.setEditText(typed_department)
        else:
            self.department.setCurrentIndex(max(0, index))
        for combo in (self.district, self.department):
            combo.blockSignals(False)
        if self.visit_id is None:
            self.title.setText(tr("New field visit"))
        else:
            self.title.setText(
                tr("Field visit: %1, %2")
                .replace("%1", self.office.text())
                .replace("%2", format_date(self.date.date().toString("yyyy-MM-dd")))
            )
        self.carried_box.setTitle(
            tr("From earlier visits (%1 open)").replace("%1", str(len(self.carried)))
        )
        self._show_workshops()
        for table, column in ((self.actions, 3), (self.carried_table, 4)):
            for row in range(table.rowCount()):
                combo = table.cellWidget(row, column)
                if isinstance(combo, QComboBox):
                    for i in range(combo.count()):
                        combo.setItemText(i, tr(STATUS_TEXT[combo.itemData(i)]))

    def _wire(self) -> None:
        f = self.ui
        child(f, QPushButton, "addTeamButton").clicked.connect(self._add_team)
        self.team_edit.returnPressed.connect(self._add_team)
        child(f, QPushButton, "removeTeamButton").clicked.connect(
            lambda: self._remove_selected(self.team)
        )
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        child(f, QPushButton, "linkButton").clicked.connect(self._link_selected)
        self.results.itemDoubleClicked.connect(lambda _i: self._link_selected())
        child(f, QPushButton, "unlinkButton").clicked.connect(
            lambda: self._remove_selected(self.linked)
        )
        child(f, QPushButton, "quickAddButton").clicked.connect(self._quick_add_dialog)
        child(f, QPushButton, "addActionButton").clicked.connect(lambda: self.add_action_row())
        child(f, QPushButton, "removeActionButton").clicked.connect(self._remove_action)
        child(f, QPushButton, "addFilesButton").clicked.connect(self._attach_dialog)
        child(f, QPushButton, "removeFileButton").clicked.connect(self._remove_attachment)
        child(f, QPushButton, "cancelButton").clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)
        self.plan_button.clicked.connect(self._plan_dialog)
        self.report_button.clicked.connect(self._report_dialog)
        self.office.editingFinished.connect(self.refresh_carried)
        self.district.currentIndexChanged.connect(lambda _i: self.refresh_carried())
        self.date.dateChanged.connect(lambda _d: self.refresh_carried())

    # -- loading ---------------------------------------------------------------------------
    def cancel(self) -> None:
        """Back to the list without saving: photos attached here go again."""
        self.discard_unsaved()
        self.closed.emit()

    def load(self, visit_id: str | None) -> None:
        """Show a visit (or an empty form for a new one); files attached to the visit shown
        before and not saved with it are discarded."""
        self.discard_unsaved()
        self.visit_id = visit_id
        self.show_error(None)
        self.attach_note.clear()
        self.last_report = None
        if visit_id is None:
            visit: dict[str, Any] = {
                "district_code": None,
                "office": "",
                "department": None,
                "visit_date": date.today().isoformat(),
                "purpose": "",
                "team": [],
                "people_met": 0,
                "participant_ids": [],
                "findings": "",
                "action_points": [],
                "attachments": [],
            }
            self.title.setText(tr("New field visit"))
        else:
            visit = fv.load_visit(self.ctx.store, visit_id)
            self.title.setText(
                tr("Field visit: %1, %2")
                .replace("%1", visit["office"] or "")
                .replace("%2", format_date(visit["visit_date"]))
            )
        self.district.blockSignals(True)
        self.date.blockSignals(True)
        self.district.setCurrentIndex(max(0, self.district.findData(visit["district_code"])))
        self.office.setText(visit["office"] or "")
        dept = visit["department"]
        index = self.department.findData(dept)
        if index < 0 and dept:
            self.department.addItem(dept, dept)
            index = self.department.count() - 1
        self.department.setCurrentIndex(max(0, index))
        self.date.setDate(QDate.fromString(visit["visit_date"] or "", "yyyy-MM-dd"))
        self.district.blockSignals(False)
        self.date.blockSignals(False)
        self.purpose.setText(visit["purpose"] or "")
        self.people.setValue(int(visit["people_met"] or 0))
        self.team.clear()
        self.team.addItems(visit["team"])
        self.linked.clear()
        for pid, label in fv.participant_labels(self.ctx.store, visit["participant_ids"]).items():
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, pid)
            self.linked.addItem(item)
        self.results.clear()
        self.search.clear()
        self.findings.setPlainText(visit["findings"] or "")
        self.actions.setRowCount(0)
        for point in visit["action_points"]:
            self.add_action_row(point)
        self.refs = list(visit["attachments"])
        self.keep_location.setChecked(False)
        self._show_attachments()
        self.plan_button.setEnabled(visit_id is not None)
        self.report_button.setEnabled(visit_id is not None)
        self.workshops = workshops_of_visit(self.ctx.store, visit_id) if visit_id else []
        self._show_workshops()
        self.refresh_carried()

    # -- saving ----------------------------------------------------------------------------
    def collect(self) -> dict[str, Any]:
        return {
            "district_code": self.district.currentData(),
            "office": self.office.text(),
            "department": self.department.currentData()
            or (self.department.currentText().strip() or None),
            "visit_date": self.date.date().toString("yyyy-MM-dd"),
            "purpose": self.purpose.text(),
            "team": [self.team.item(i).text() for i in range(self.team.count())],
            "people_met": self.people.value(),
            "participant_ids": self.linked_ids(),
            "findings": self.findings.toPlainText(),
            "action_points": self.action_points(),
            "attachments": list(self.refs),
        }

    def save(self) -> None:
        if self.team_edit.text().strip():
            self._add_team()  # a name typed but not yet added is meant to be kept
        data = self.collect()
        carried = self.carried_changes()
        visit_id = self.visit_id

        def task(_handle):
            return fv.save_visit(self.ctx.store, visit_id, data, carried=carried)

        def done(new_id: str):
            self.load(new_id)
            self.attach_note.setText(tr("Saved."))
            self.attach_note.setVisible(True)
            self.saved.emit(new_id)

        self.ctx.run(task, done, self._failed, changes=("field_visit",))

    def show_error(self, message: str | None, fields: list[str] | None = None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        marks = {
            "district_code": self.district,
            "office": self.office,
            "visit_date": self.date,
            "purpose": self.purpose,
            "people_met": self.people,
            "action_points": self.actions,
            "participant_ids": self.linked,
            "department": self.department,
        }
        for name, widget in marks.items():
            bad = bool(fields and name in fields)
            widget.setStyleSheet("border: 1px solid #b42318;" if bad else "")

    def _failed(self, exc: BaseException, _trace: str = "") -> None:
        if isinstance(exc, fv.VisitError):
            # A field workshop's problems come from the workshops core: its codes, its words.
            if isinstance(exc, FieldWorkshopError):
                texts, lead = WORKSHOP_PROBLEMS, tr("Workshop not planned — please correct:")
            else:
                texts, lead = PROBLEMS, tr("Not saved — please correct:")
            lines = [texts.line(p) for p in exc.problems]
            self.show_error(lead + " " + " · ".join(lines), exc.fields)
        else:
            self.show_error(say(exc))
