"""What the field visit screens share: the "FieldVisits" translation context, the core's
problem codes in words, status choices, the due-date editor, column titles, where reports go."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QStyledItemDelegate,
    QTableWidget,
)

from desktop.core import field_visits as fv
from desktop.core.dates import QT_DATE_FORMAT, format_date
from desktop.paths import files_dir
from desktop.ui.context import AppContext
from desktop.ui.problems import ProblemText

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


def _reports_dir(ctx: AppContext) -> Path:
    base = files_dir(ctx.db_path) / "reports" if ctx.db_path else Path.home()
    base.mkdir(parents=True, exist_ok=True)
    return base

