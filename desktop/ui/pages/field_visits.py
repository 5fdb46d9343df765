"""Field visits screen: the list (filters, overdue highlighted) and the visit form.

Thin over `desktop.core.field_visits`, `attachments`, `field_workshops` and `field_report`:
widgets collect input and show results; writes and PDFs run through `ctx.run` (the single
database worker); every write ends with `ctx.notify(...)`. Layouts are the Designer files
`forms/field_visits.ui`, `forms/field_visit.ui` and two small dialogs."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.core import attachments as att
from desktop.core import field_report
from desktop.core import field_visits as fv
from desktop.core.dates import QT_DATE_FORMAT, format_date, format_month
from desktop.core.field_workshops import (
    FieldWorkshopError,
    plan_field_workshop,
    programmes,
    workshops_of_visit,
)
from desktop.paths import files_dir
from desktop.ui.columns import ColumnFitter
from desktop.ui.context import AppContext
from desktop.ui.i18n import bind_form, translate_buttons
from desktop.ui.pages.workshop_problems import WORKSHOP_PROBLEMS
from desktop.ui.problems import ProblemText
from desktop.ui.uiload import embed_form, load_ui

CONTEXT = "FieldVisits"
OVERDUE_BG = QColor("#fdecea")
OVERDUE_FG = QColor("#b42318")
ID_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def hindi() -> bool:
    """Whether the Hindi translation is active (the .ts maps this marker to "hi")."""
    return tr("LANG") == "hi"


# The core's problem codes (fv.MESSAGES) in the GUI's language; "{value}" is what was typed.
PROBLEM_TEMPLATES = {
    "required": QT_TRANSLATE_NOOP("FieldVisits", "required"),
    "district_unknown": QT_TRANSLATE_NOOP("FieldVisits", "{value} is not a UP district code"),
    "district_not_found": QT_TRANSLATE_NOOP(
        "FieldVisits", "{value} is not a UP district (give its code, or its English or Hindi name)"
    ),
    "district_ambiguous": QT_TRANSLATE_NOOP(
        "FieldVisits", "district {value} could be {options}; give the full name or code"
    ),
    "not_whole_number": QT_TRANSLATE_NOOP("FieldVisits", "{value} is not a whole number"),
    "negative": QT_TRANSLATE_NOOP("FieldVisits", "cannot be negative"),
    "not_a_date": QT_TRANSLATE_NOOP("FieldVisits", "{value} is not a date (YYYY-MM-DD)"),
    "future_but_done": QT_TRANSLATE_NOOP(
        "FieldVisits",
        "{value} is in the future, but the visit already has findings, people met or "
        "participants: a completed visit cannot be dated after today ({today})",
    ),
    "ap_text_missing": QT_TRANSLATE_NOOP("FieldVisits", "row {row}: the text is missing"),
    "ap_owner_missing": QT_TRANSLATE_NOOP("FieldVisits", "row {row}: the owner is missing"),
    "ap_due_invalid": QT_TRANSLATE_NOOP(
        "FieldVisits", "row {row}: due date {value} is not a date (YYYY-MM-DD)"
    ),
    "ap_status_invalid": QT_TRANSLATE_NOOP(
        "FieldVisits", "row {row}: status {value} is not one of {options}"
    ),
    "attachment_invalid": QT_TRANSLATE_NOOP("FieldVisits", "row {row}: not a SHA-256 reference"),
    "participants_unknown": QT_TRANSLATE_NOOP("FieldVisits", "unknown participant(s) {ids}"),
    "no_action_point": QT_TRANSLATE_NOOP("FieldVisits", "the visit has no action point {n}"),
    "new_person_name": QT_TRANSLATE_NOOP(
        "FieldVisits", "the new person's name (English) is required"
    ),
    "new_person_mobile": QT_TRANSLATE_NOOP("FieldVisits", "mobile {value}: 10 digits starting 6–9"),
    "month_invalid": QT_TRANSLATE_NOOP("FieldVisits", "month {value} is not YYYY-MM"),
    "status_filter_invalid": QT_TRANSLATE_NOOP(
        "FieldVisits", "status filter {value} is not one of {options}"
    ),
    "no_institute": QT_TRANSLATE_NOOP("FieldVisits", "this desk has no institute yet (run init)"),
    "programme_required": QT_TRANSLATE_NOOP(
        "FieldVisits", "choose the programme the field workshop belongs to"
    ),
    "days_invalid": QT_TRANSLATE_NOOP("FieldVisits", "a workshop lasts at least one day"),
}
PROBLEM_LABELS = {
    **fv.FIELD_LABELS,  # their source texts are translated in this context
    "workshop": QT_TRANSLATE_NOOP("FieldVisits", "Workshop"),
    "programme": QT_TRANSLATE_NOOP("FieldVisits", "Programme"),
    "days": QT_TRANSLATE_NOOP("FieldVisits", "Days"),
}
PROBLEMS = ProblemText(CONTEXT, PROBLEM_TEMPLATES, PROBLEM_LABELS)

STATUS_TEXT = {
    "open": "Open",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}


def status_combo(current: str) -> QComboBox:
    combo = QComboBox()
    for code in fv.AP_STATUSES:
        combo.addItem(tr(STATUS_TEXT[code]), code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class DueDateDelegate(QStyledItemDelegate):
    """Edits a due-date cell with a calendar; the lowest date stands for "no due date"."""

    NONE = QDate(2000, 1, 1)

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt's name)
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat(QT_DATE_FORMAT)
        editor.setMinimumDate(self.NONE)
        editor.setSpecialValueText(tr("none"))
        return editor

    def displayText(self, value, locale):  # noqa: N802 - the model keeps ISO, people see 05-12-2026
        return format_date(value) if isinstance(value, str) else super().displayText(value, locale)

    def setEditorData(self, editor, index):  # noqa: N802
        text = index.data() or ""
        day = QDate.fromString(text, "yyyy-MM-dd")
        editor.setDate(day if day.isValid() else QDate.currentDate())

    def setModelData(self, editor, model, index):  # noqa: N802
        day = editor.date()
        model.setData(index, "" if day == self.NONE else day.toString("yyyy-MM-dd"))


LIST_COLUMNS = (
    "Date",
    "District",
    "Office",
    "Department",
    "Purpose",
    "People met",
    "Action points",
    "Attachments",
)
ACTION_COLUMNS = ("Action", "Owner", "Due date", "Status")
CARRIED_COLUMNS = ("Visit", "Action", "Owner", "Due date", "Status")


def set_headers(table: QTableWidget, context: str, sources: tuple[str, ...]) -> None:
    """Column titles in the current language (bind_form does not reach table headers); the
    sources are the .ui's own strings, so the form's translation context applies."""
    table.setHorizontalHeaderLabels([QCoreApplication.translate(context, s) for s in sources])


def _child(root: QWidget, cls, name: str):
    widget = root.findChild(cls, name)
    if widget is None:  # a renamed widget in the .ui must fail loudly, not silently
        raise LookupError(f"{name} ({cls.__name__}) missing from the form")
    return widget


class VisitForm(QWidget):
    """Create or edit one visit."""

    saved = Signal(str)
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("field_visit.ui", self)
        embed_form(self, self.ui)
        f = self.ui
        self.title: QLabel = _child(f, QLabel, "titleLabel")
        self.error: QLabel = _child(f, QLabel, "errorLabel")
        self.district: QComboBox = _child(f, QComboBox, "districtCombo")
        self.office: QLineEdit = _child(f, QLineEdit, "officeEdit")
        self.department: QComboBox = _child(f, QComboBox, "departmentCombo")
        self.date: QDateEdit = _child(f, QDateEdit, "dateEdit")
        self.purpose: QLineEdit = _child(f, QLineEdit, "purposeEdit")
        self.people: QSpinBox = _child(f, QSpinBox, "peopleSpin")
        self.team: QListWidget = _child(f, QListWidget, "teamList")
        self.team_edit: QLineEdit = _child(f, QLineEdit, "teamEdit")
        self.search: QLineEdit = _child(f, QLineEdit, "participantSearch")
        self.results: QListWidget = _child(f, QListWidget, "searchResults")
        self.linked: QListWidget = _child(f, QListWidget, "participantList")
        self.findings: QPlainTextEdit = _child(f, QPlainTextEdit, "findingsEdit")
        self.actions: QTableWidget = _child(f, QTableWidget, "actionTable")
        self.carried_table: QTableWidget = _child(f, QTableWidget, "carriedTable")
        self.carried_box: QGroupBox = _child(f, QGroupBox, "carriedBox")
        self.attach_list: QListWidget = _child(f, QListWidget, "attachList")
        self.keep_location: QCheckBox = _child(f, QCheckBox, "keepLocationCheck")
        self.attach_note: QLabel = _child(f, QLabel, "attachNote")
        self.save_button: QPushButton = _child(f, QPushButton, "saveButton")
        self.plan_button: QPushButton = _child(f, QPushButton, "planWorkshopButton")
        self.report_button: QPushButton = _child(f, QPushButton, "reportButton")
        self.workshops_label: QLabel = _child(f, QLabel, "workshopsLabel")
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
        _child(f, QPushButton, "addTeamButton").clicked.connect(self._add_team)
        self.team_edit.returnPressed.connect(self._add_team)
        _child(f, QPushButton, "removeTeamButton").clicked.connect(
            lambda: self._remove_selected(self.team)
        )
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        _child(f, QPushButton, "linkButton").clicked.connect(self._link_selected)
        self.results.itemDoubleClicked.connect(lambda _i: self._link_selected())
        _child(f, QPushButton, "unlinkButton").clicked.connect(
            lambda: self._remove_selected(self.linked)
        )
        _child(f, QPushButton, "quickAddButton").clicked.connect(self._quick_add_dialog)
        _child(f, QPushButton, "addActionButton").clicked.connect(lambda: self.add_action_row())
        _child(f, QPushButton, "removeActionButton").clicked.connect(self._remove_action)
        _child(f, QPushButton, "addFilesButton").clicked.connect(self._attach_dialog)
        _child(f, QPushButton, "removeFileButton").clicked.connect(self._remove_attachment)
        _child(f, QPushButton, "cancelButton").clicked.connect(self.cancel)
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

    def discard_unsaved(self) -> None:
        """Remove (in the background) the files this form stored that no saved visit names:
        attached and then left, or removed from the visit before saving. A file that some
        record names after all is kept; see `attachments.discard_unsaved`."""
        staged, self.staged = self.staged, {}
        if not staged:
            return
        store = self.ctx.store

        def task(_handle):
            return att.discard_unsaved(store, staged)

        self.ctx.run(task, None, lambda exc, trace: None)  # at worst removed a day later

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

    def _show_workshops(self) -> None:
        """The field workshops planned from this visit (they live under Workshops)."""
        names = ", ".join(
            f"{format_date(w['start_date'])} "
            + (w["title_hi"] if hindi() and w.get("title_hi") else w["title_en"])
            for w in self.workshops
        )
        self.workshops_label.setText(
            tr("Field workshops: %1").replace("%1", names) if names else ""
        )
        self.workshops_label.setToolTip(names)

    def refresh_carried(self) -> None:
        """Open points of earlier visits to the same office (district + office name)."""
        code = self.district.currentData()
        office = self.office.text().strip()
        day = self.date.date().toString("yyyy-MM-dd")
        self.carried = (
            fv.carried_over_points(
                self.ctx.store, code or "", office, before=day, exclude_visit=self.visit_id
            )
            if code and office
            else []
        )
        table = self.carried_table
        table.setRowCount(len(self.carried))
        for row, point in enumerate(self.carried):
            p = point.point
            cells = [
                format_date(point.visit_date),
                p["text"],
                p["owner"],
                format_date(p.get("due_date")) or "—",
            ]
            late = point.overdue()
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if late:
                    item.setBackground(QBrush(OVERDUE_BG))
                    item.setForeground(QBrush(OVERDUE_FG))
                    item.setToolTip(tr("Overdue"))
                table.setItem(row, col, item)
            table.setCellWidget(row, 4, status_combo(p["status"]))
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(3)
        self.carried_box.setTitle(
            tr("From earlier visits (%1 open)").replace("%1", str(len(self.carried)))
        )

    # -- team, people ----------------------------------------------------------------------
    def _add_team(self) -> None:
        name = self.team_edit.text().strip()
        if name and not self.team.findItems(name, Qt.MatchFlag.MatchExactly):
            self.team.addItem(name)
        self.team_edit.clear()

    @staticmethod
    def _remove_selected(widget: QListWidget) -> None:
        for item in widget.selectedItems():
            widget.takeItem(widget.row(item))

    def _run_search(self) -> None:
        self.results.clear()
        for row in fv.search_participants(self.ctx.store, self.search.text(), limit=15):
            item = QListWidgetItem(fv.participant_label(row))
            item.setData(ID_ROLE, row["id"])
            self.results.addItem(item)

    def linked_ids(self) -> list[str]:
        return [self.linked.item(i).data(ID_ROLE) for i in range(self.linked.count())]

    def link_participant(self, pid: str, label: str) -> None:
        if pid in self.linked_ids():
            return
        item = QListWidgetItem(label)
        item.setData(ID_ROLE, pid)
        self.linked.addItem(item)
        if self.people.value() < self.linked.count():
            self.people.setValue(self.linked.count())

    def _link_selected(self) -> None:
        for item in self.results.selectedItems() or (
            [self.results.item(0)] if self.results.count() == 1 else []
        ):
            self.link_participant(item.data(ID_ROLE), item.text())

    def quick_add_person(
        self, name_en: str, name_hi: str = "", designation: str = "", mobile: str = ""
    ) -> None:
        """Create a roster entry for someone met and link them (a write: runs on the worker)."""
        district = self.district.currentData()
        department = self.department.currentData()

        def task(_handle):
            pid = fv.quick_add_participant(
                self.ctx.store,
                name_en,
                name_hi=name_hi,
                district_code=district,
                department=department,
                designation=designation,
                mobile=mobile,
            )
            return pid, fv.participant_labels(self.ctx.store, [pid])[pid]

        def done(result):
            self.link_participant(*result)
            self.ctx.notify("participant")

        self.ctx.run(task, done, self._failed)

    def _quick_add_dialog(self) -> None:
        dialog = load_ui("field_quick_person.ui", self)
        assert isinstance(dialog, QDialog)
        box = _child(dialog, QDialogButtonBox, "buttonBox")
        translate_buttons(box)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        name = self.search.text().strip()
        edit = "nameHiEdit" if any("\u0900" <= c <= "\u097f" for c in name) else "nameEnEdit"
        _child(dialog, QLineEdit, edit).setText(name)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.quick_add_person(
                _child(dialog, QLineEdit, "nameEnEdit").text(),
                _child(dialog, QLineEdit, "nameHiEdit").text(),
                _child(dialog, QLineEdit, "designationEdit").text(),
                _child(dialog, QLineEdit, "mobileEdit").text(),
            )

    # -- action points ---------------------------------------------------------------------
    def add_action_row(self, point: dict[str, Any] | None = None) -> int:
        point = point or {"text": "", "owner": "", "due_date": None, "status": "open"}
        row = self.actions.rowCount()
        self.actions.insertRow(row)
        self.actions.setItem(row, 0, QTableWidgetItem(point.get("text") or ""))
        self.actions.setItem(row, 1, QTableWidgetItem(point.get("owner") or ""))
        self.actions.setItem(row, 2, QTableWidgetItem(point.get("due_date") or ""))
        self.actions.setCellWidget(row, 3, status_combo(point.get("status") or "open"))
        if fv.is_overdue(point):
            for col in range(3):
                self.actions.item(row, col).setForeground(QBrush(OVERDUE_FG))
                self.actions.item(row, col).setBackground(QBrush(OVERDUE_BG))
        self.actions.resizeColumnToContents(2)
        return row

    def _remove_action(self) -> None:
        rows = sorted({i.row() for i in self.actions.selectedIndexes()}, reverse=True)
        if not rows and self.actions.currentRow() >= 0:
            rows = [self.actions.currentRow()]
        for row in rows:
            self.actions.removeRow(row)

    def action_points(self) -> list[dict[str, Any]]:
        points = []
        for row in range(self.actions.rowCount()):
            cells = [self.actions.item(row, c) for c in range(3)]
            text, owner, due = (c.text().strip() if c else "" for c in cells)
            if not (text or owner or due):
                continue  # an empty row left over is not an action point
            combo = self.actions.cellWidget(row, 3)
            points.append(
                {
                    "text": text,
                    "owner": owner,
                    "due_date": due or None,
                    "status": combo.currentData() if combo else "open",
                }
            )
        return points

    def carried_changes(self) -> list[fv.CarriedPoint]:
        """Carried-over points whose status the user changed."""
        changed = []
        for row, point in enumerate(self.carried):
            combo = self.carried_table.cellWidget(row, 4)
            status = combo.currentData() if combo else point.point["status"]
            if status != point.point["status"]:
                changed.append(
                    fv.CarriedPoint(
                        point.visit_id,
                        point.visit_date,
                        point.index,
                        {**point.point, "status": status},
                    )
                )
        return changed

    # -- attachments -----------------------------------------------------------------------
    def _attach_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            tr("Attach photos or documents"),
            "",
            tr("Photos and documents (*.jpg *.jpeg *.heic *.heif *.png *.webp *.pdf *.docx *.xlsx)")
            + ";;"
            + tr("All files (*)"),
        )
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str | Path]) -> None:
        """Store the files by hash now (stripping location unless kept); the visit names them
        when it is saved."""
        keep = self.keep_location.isChecked()

        def task(_handle):
            stored, errors = [], []
            for path in paths:
                try:
                    stored.append(att.add_attachment(self.ctx.store, path, keep_location=keep))
                except att.AttachmentError as exc:
                    errors.append(str(exc))
            return stored, errors

        def done(result):
            stored, errors = result
            known = {r["sha256"] for r in self.refs}
            notes = []
            for item in stored:
                if item.staged_at is not None:
                    self.staged[item.sha256] = item.staged_at
                if item.sha256 in known:
                    notes.append(tr("%1 is already attached.").replace("%1", item.filename))
                    continue
                self.refs.append(item.ref())
                known.add(item.sha256)
                if item.converted_from:
                    notes.append(
                        tr("%1 (HEIC) is stored as the JPEG %2, which every computer can show.")
                        .replace("%1", item.converted_from)
                        .replace("%2", item.filename)
                    )
                if item.location_removed:
                    notes.append(tr("Location data removed from %1.").replace("%1", item.filename))
            self._show_attachments(extra=errors + notes)

        self.ctx.run(task, done, self._failed)

    def _remove_attachment(self) -> None:
        for item in self.attach_list.selectedItems():
            sha = item.data(ID_ROLE)
            self.refs = [r for r in self.refs if r["sha256"] != sha]
        self._show_attachments()

    def _show_attachments(self, extra: list[str] | None = None) -> None:
        self.attach_list.clear()
        notes = list(extra or [])
        for ref in self.refs:
            item = QListWidgetItem(ref["filename"])
            item.setData(ID_ROLE, ref["sha256"])
            item.setToolTip(f"{ref['filename']}\n{ref['media_type']}, {ref['size']:,} B")
            try:
                png = att.thumbnail_png(self.ctx.store, ref["sha256"], size=160)
            except att.MissingAttachment as exc:
                notes.append(str(exc))
                item.setText(ref["filename"] + "\n(" + tr("missing") + ")")
                item.setForeground(QBrush(OVERDUE_FG))
                png = None
            if png:
                pixmap = QPixmap()
                pixmap.loadFromData(png, "PNG")
                item.setIcon(QIcon(pixmap))
            else:
                item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
            self.attach_list.addItem(item)
        self.attach_note.setText("\n".join(notes))
        self.attach_note.setVisible(bool(notes))

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
            self.ctx.notify("field_visit")
            self.load(new_id)
            self.attach_note.setText(tr("Saved."))
            self.attach_note.setVisible(True)
            self.saved.emit(new_id)

        self.ctx.run(task, done, self._failed)

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
            self.show_error(str(exc))

    # -- workshop and report ---------------------------------------------------------------
    def plan_workshop(
        self,
        programme_id: str,
        start_date: str | None = None,
        days: int = 1,
        title_en: str | None = None,
    ) -> None:
        visit_id = self.visit_id
        if visit_id is None:
            self.show_error(tr("Save the visit first."))
            return

        def task(_handle):
            return plan_field_workshop(
                self.ctx.store,
                visit_id,
                programme_id,
                start_date=start_date,
                days=days,
                title_en=title_en,
            )

        def done(workshop_id: str):
            self.last_workshop = workshop_id
            self.ctx.notify("workshop")
            self.workshops = workshops_of_visit(self.ctx.store, visit_id)
            self._show_workshops()
            planned = next((w for w in self.workshops if w["id"] == workshop_id), None)
            name = planned["title_en"] if planned else workshop_id
            self.attach_note.setText(tr("Field workshop planned: %1").replace("%1", name))
            self.attach_note.setVisible(True)

        self.ctx.run(task, done, self._failed)

    def _plan_dialog(self) -> None:
        choices = programmes(self.ctx.store)
        if not choices:
            self.show_error(tr("There is no programme yet: add one under Workshops first."))
            return
        dialog = load_ui("field_plan_workshop.ui", self)
        combo = _child(dialog, QComboBox, "programmeCombo")
        for p in choices:
            title = p["title_hi"] if hindi() and p["title_hi"] else p["title_en"]
            combo.addItem(f"{p['code']} — {title}", p["id"])
        start = _child(dialog, QDateEdit, "startDateEdit")
        start.setDate(self.date.date())
        box = _child(dialog, QDialogButtonBox, "buttonBox")
        translate_buttons(box)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.plan_workshop(
                combo.currentData(),
                start.date().toString("yyyy-MM-dd"),
                _child(dialog, QSpinBox, "daysSpin").value(),
                _child(dialog, QLineEdit, "titleEdit").text().strip() or None,
            )

    def make_report(self, out: Path | str) -> None:
        visit_id = self.visit_id
        if visit_id is None:
            self.show_error(tr("Save the visit first."))
            return

        def task(_handle):
            return field_report.visit_report(self.ctx.store, [visit_id], out)

        def done(result):
            self.last_report = result.path
            text = tr("Report written: %1").replace("%1", str(result.path))
            if result.missing_attachments:
                text += "\n" + tr("%1 attachment(s) are missing from disk.").replace(
                    "%1", str(result.missing_attachments)
                )
            self.attach_note.setText(text)
            self.attach_note.setVisible(True)

        self.ctx.run(task, done, self._failed)

    def _report_dialog(self) -> None:
        suggested = _reports_dir(self.ctx) / (
            f"field-visit-{self.date.date().toString('yyyy-MM-dd')}.pdf"
        )
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save report"), str(suggested), "PDF (*.pdf)"
        )
        if path:
            self.make_report(path)


def _reports_dir(ctx: AppContext) -> Path:
    base = files_dir(ctx.db_path) / "reports" if ctx.db_path else Path.home()
    base.mkdir(parents=True, exist_ok=True)
    return base


class VisitList(QWidget):
    """All visits with filters; rows with overdue action points are highlighted."""

    open_visit = Signal(object)  # a visit id, or None for a new visit

    COLUMNS = 8

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("field_visits.ui", self)
        embed_form(self, self.ui)
        self.table: QTableWidget = _child(self.ui, QTableWidget, "visitTable")
        bind_form(
            self.ui,
            "field_visits.ui",
            after=lambda: set_headers(self.table, "FieldVisitList", LIST_COLUMNS),
        )
        self.district: QComboBox = _child(self.ui, QComboBox, "districtFilter")
        self.department: QComboBox = _child(self.ui, QComboBox, "departmentFilter")
        self.month: QComboBox = _child(self.ui, QComboBox, "monthFilter")
        self.status: QComboBox = _child(self.ui, QComboBox, "statusFilter")
        self.count: QLabel = _child(self.ui, QLabel, "countLabel")
        self.rows: list[fv.VisitSummary] = []
        self.last_report: Path | None = None
        # The purpose takes the spare width; at 1024 px the attachment count, then the
        # office, step aside rather than squeeze it to a few letters.
        self.list_columns = ColumnFitter(self.table, 4, optional=(7, 2), minimum=120)
        self._fill_filters()
        for combo in (self.district, self.department, self.month, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.itemDoubleClicked.connect(lambda _i: self._open_current())
        _child(self.ui, QPushButton, "openButton").clicked.connect(self._open_current)
        _child(self.ui, QPushButton, "newButton").clicked.connect(
            lambda: self.open_visit.emit(None)
        )
        _child(self.ui, QPushButton, "monthReportButton").clicked.connect(self._report_dialog)
        self.refresh()

    def _fill_filters(self) -> None:
        store = self.ctx.store
        keep = [c.currentData() for c in (self.district, self.department, self.month, self.status)]
        for combo in (self.district, self.department, self.month, self.status):
            combo.blockSignals(True)
            combo.clear()
        self.district.addItem(tr("All districts"), None)
        used = fv.visited_districts(store)
        for code, name_en, name_hi in fv.districts(store):
            if code in used:
                self.district.addItem(f"{name_hi if hindi() else name_en} ({code})", code)
        self.department.addItem(tr("All departments"), None)
        for name_en, name_hi in fv.departments(store):
            self.department.addItem(name_hi if hindi() and name_hi else name_en, name_en)
        self.month.addItem(tr("All months"), None)
        for month in fv.visit_months(store):
            self.month.addItem(format_month(month), month)  # 10-2026, kept as 2026-10
        self.status.addItem(tr("All"), None)
        for code, text in (("open", "Open"), ("overdue", "Overdue"), ("closed", "Closed")):
            self.status.addItem(tr(text), code)
        for combo, value in zip(
            (self.district, self.department, self.month, self.status), keep, strict=True
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    def refresh(self) -> None:
        self.rows = fv.list_visits(
            self.ctx.store,
            district=self.district.currentData(),
            department=self.department.currentData(),
            month=self.month.currentData(),
            status=self.status.currentData(),
        )
        table = self.table
        table.setRowCount(len(self.rows))
        bold = QFont()
        bold.setBold(True)
        for r, v in enumerate(self.rows):
            district = f"{v.district_hi if hindi() else v.district_en} ({v.district_code})"
            department = v.department or ""
            if hindi() and department:
                department = _department_hi(self.ctx, department)
            if v.total_points:
                points = (
                    tr("%1 open of %2")
                    .replace("%1", str(v.open_points))
                    .replace("%2", str(v.total_points))
                )
                if v.overdue_points:
                    points += " · " + tr("%1 overdue").replace("%1", str(v.overdue_points))
            else:
                points = "—"
            cells = [
                format_date(v.visit_date),
                district,
                v.office,
                department,
                v.purpose,
                str(v.people_met),
                points,
                str(v.attachments) if v.attachments else "",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, v.id)
                if c in (5, 7):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if v.status == "overdue":
                    item.setBackground(QBrush(OVERDUE_BG))
                    if c == 6:
                        item.setForeground(QBrush(OVERDUE_FG))
                        item.setFont(bold)
                    item.setToolTip(tr("Has overdue action points"))
                table.setItem(r, c, item)
        self.list_columns.fit()
        overdue = sum(1 for v in self.rows if v.status == "overdue")
        self.count.setText(
            tr("%1 visits, %2 with overdue action points")
            .replace("%1", str(len(self.rows)))
            .replace("%2", str(overdue))
        )

    def reload(self) -> None:
        self._fill_filters()
        self.refresh()

    def select_visit(self, visit_id: str) -> None:
        for r, v in enumerate(self.rows):
            if v.id == visit_id:
                self.table.selectRow(r)
                return

    def _open_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.open_visit.emit(self.rows[row].id)

    def month_report(self, out: Path | str) -> None:
        """The monthly review PDF for the chosen district and month."""
        district, month = self.district.currentData(), self.month.currentData()
        if not district or not month:
            self.count.setText(tr("Choose a district and a month for the monthly review."))
            return

        def task(_handle):
            return field_report.monthly_report(self.ctx.store, district, month, out)

        def done(result):
            self.last_report = result.path
            self.count.setText(tr("Report written: %1").replace("%1", str(result.path)))

        def failed(exc, _trace=""):
            self.count.setText(str(exc))

        self.ctx.run(task, done, failed)

    def _report_dialog(self) -> None:
        district, month = self.district.currentData(), self.month.currentData()
        if not district or not month:
            self.month_report("")
            return
        suggested = _reports_dir(self.ctx) / f"field-visits-{district}-{month}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save monthly review"), str(suggested), "PDF (*.pdf)"
        )
        if path:
            self.month_report(path)


def _department_hi(ctx: AppContext, name_en: str) -> str:
    for en, hi in fv.departments(ctx.store):
        if en == name_en and hi:
            return hi
    return name_en


class FieldVisitsPage(QStackedWidget):
    """List and form on one page: opening a visit shows the form, Back shows the list."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("fieldVisitsPage")
        self.list = VisitList(ctx, self)
        self.form = VisitForm(ctx, self)
        self.addWidget(self.list)
        self.addWidget(self.form)
        self.list.open_visit.connect(self.show_visit)
        self.form.closed.connect(self.show_list)
        self.form.saved.connect(lambda vid: self.list.reload())
        ctx.changed.connect(self._changed)

    def show_visit(self, visit_id: str | None) -> None:
        self.form._fill_choices()
        self.form.load(visit_id)
        self.setCurrentWidget(self.form)

    def show_list(self) -> None:
        self.list.reload()
        if self.form.visit_id:
            self.list.select_visit(self.form.visit_id)
        self.setCurrentWidget(self.list)

    def _changed(self, kind: str) -> None:
        if (
            kind in ("field_visit", "participant", "sync", "all")
            and self.currentWidget() is self.list
        ):
            self.list.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        # Texts built in code (district names, counts) follow the language; redraw them the
        # next time the page is shown rather than touching the database from an event.
        if event.type() == QEvent.Type.LanguageChange:
            self._stale = True
            if self.isVisible():
                QTimer.singleShot(0, self._redraw_if_stale)
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._redraw_if_stale()
        super().showEvent(event)

    def _redraw_if_stale(self) -> None:
        if getattr(self, "_stale", False) and self.isVisible():
            self._stale = False
            self.list.reload()


def create_page(ctx: AppContext) -> QWidget:
    return FieldVisitsPage(ctx)
