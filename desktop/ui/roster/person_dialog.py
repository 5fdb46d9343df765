"""Add or edit one participant: a form, field checks with messages naming the field, one write.

The write goes through `Store.insert/update` on the database worker (so the change log and
the search key stay right); the dialog closes only when the write has committed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core import lookups, people
from desktop.core.roster import derived
from desktop.core.roster.listing import participant
from desktop.store import Connection
from desktop.ui.context import AppContext
from desktop.ui.i18n import bind_form, current_language, translate_buttons
from desktop.ui.roster import checks
from desktop.ui.said import say
from desktop.ui.uiload import child, load_ui

FORM = "roster_person.ui"
translate = QCoreApplication.translate

_EDITS = {
    "name_en": "nameEnEdit",
    "name_hi": "nameHiEdit",
    "employee_code": "employeeCodeEdit",
    "igot_user_id": "igotEdit",
    "designation": "designationEdit",
    "mobile": "mobileEdit",
    "email": "emailEdit",
}
GENDERS = ("", "female", "male", "other")
GROUPS = ("", "A", "B", "C", "D", "contractual", "other")


class PersonDialog(QDialog):
    """`record_id=None` adds a person; otherwise edits that person."""

    def __init__(
        self,
        ctx: AppContext,
        record_id: str | None = None,
        parent: QWidget | None = None,
        conn: Connection | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Reads on the GUI thread use the page's reader connection, never the writer's
        # (which may be inside a transaction on the database worker).
        self.conn = conn or ctx.store.conn
        self.record_id = record_id
        self.saved_id: str | None = None
        self.form = load_ui(FORM, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.edits: dict[str, QLineEdit] = {
            field: child(self.form, QLineEdit, name) for field, name in _EDITS.items()
        }
        self.department: QComboBox = child(self.form, QComboBox, "departmentCombo")
        self.district: QComboBox = child(self.form, QComboBox, "districtCombo")
        self.gender: QComboBox = child(self.form, QComboBox, "genderCombo")
        self.group: QComboBox = child(self.form, QComboBox, "groupCombo")
        self.error_label: QLabel = child(self.form, QLabel, "errorLabel")
        # Shown when the English name was written from the Hindi by an import.
        self.derived_label = QLabel(self.form)
        self.derived_label.setObjectName("derivedLabel")
        self.derived_label.setWordWrap(True)
        self.derived_label.setStyleSheet("color: #8a5a00;")
        self.derived_label.hide()
        person_layout = self.form.layout()
        person_layout.insertWidget(person_layout.indexOf(self.error_label), self.derived_label)
        self.buttons: QDialogButtonBox = child(self.form, QDialogButtonBox, "buttonBox")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._fill_choices()
        bind_form(self.form, FORM, after=self._retranslate)
        if record_id is not None:
            row = participant(self.conn, record_id)
            if row is None:
                raise LookupError(f"No participant with id {record_id}.")
            self._load(row)
            self.derived_label.setVisible(derived.is_marked(self.conn, record_id))
        self.resize(560, self.sizeHint().height())

    # -- choices -----------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        self._departments = lookups.departments(self.conn)
        self._districts = lookups.districts(self.conn)
        self._retranslate()

    def _retranslate(self) -> None:
        translate_buttons(self.buttons)
        self.derived_label.setText(
            translate(
                "PersonDialog",
                "The English name was written from the Hindi name by an import: check it. "
                "Saving marks it as checked.",
            )
        )
        hindi = current_language() == "hi"
        self.setWindowTitle(
            translate("PersonDialog", "Add person")
            if self.record_id is None
            else translate("PersonDialog", "Edit person")
        )
        department = self.department.currentText()
        self.department.clear()
        for name_en, name_hi in self._departments:
            self.department.addItem(
                f"{name_hi} / {name_en}" if hindi and name_hi else name_en, name_en
            )
        self._set_department(department)
        district = self.district.currentData()
        self.district.clear()
        self.district.addItem("—", "")
        for code, name_en, name_hi in self._districts:
            self.district.addItem(
                f"{name_hi} ({name_en})" if hindi else f"{name_en} ({name_hi})", code
            )
        self._select(self.district, district)
        gender = self.gender.currentData()
        self.gender.clear()
        labels = {
            "": "—",
            "female": translate("PersonDialog", "Female"),
            "male": translate("PersonDialog", "Male"),
            "other": translate("PersonDialog", "Other"),
        }
        for value in GENDERS:
            self.gender.addItem(labels[value], value)
        self._select(self.gender, gender)
        group = self.group.currentData()
        self.group.clear()
        group_labels = {
            "": "—",
            "contractual": translate("PersonDialog", "Contractual"),
            "other": translate("PersonDialog", "Other"),
        }
        for value in GROUPS:
            self.group.addItem(group_labels.get(value, value), value)
        self._select(self.group, group)

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value or "")
        combo.setCurrentIndex(max(index, 0))

    def _set_department(self, text: str | None) -> None:
        if not text:
            self.department.setCurrentIndex(-1)
            self.department.setEditText("")
            return
        index = self.department.findData(text)
        if index < 0:
            index = self.department.findText(text)
        if index >= 0:
            self.department.setCurrentIndex(index)
        else:
            self.department.setEditText(text)

    # -- values ------------------------------------------------------------------------------
    def _load(self, row: dict[str, Any]) -> None:
        for field, edit in self.edits.items():
            edit.setText(row.get(field) or "")
        self._set_department(row.get("department"))
        self._select(self.district, row.get("district_code"))
        self._select(self.gender, row.get("gender"))
        self._select(self.group, row.get("service_group"))

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {f: (e.text().strip() or None) for f, e in self.edits.items()}
        department_text = self.department.currentText().strip()
        index = self.department.findText(department_text)
        data["department"] = (
            self.department.itemData(index) if index >= 0 else department_text
        ) or None
        # "" (not None) marks "no choice" in the combos: a None item data trips a PySide6
        # reference-count bug that crashes the process later.
        data["district_code"] = self.district.currentData() or None
        data["gender"] = self.gender.currentData() or None
        data["service_group"] = self.group.currentData() or None
        if data["employee_code"]:
            data["employee_code"] = data["employee_code"].upper()
        return data

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        data, problems = checks.validate_person(self.conn, self.values())
        duplicate = checks.duplicate_of(self.conn, data, self.record_id)
        if duplicate:
            problems.append(duplicate)
        if problems:
            self.show_problems(problems)
            return
        store = self.ctx.store
        record_id = self.record_id

        def write(handle) -> str:
            changes = dict(data)
            if record_id is not None:
                changes["name_en"] = changes["name_en"] or ""
            return people.save_person(store, changes, record_id)

        self.buttons.setEnabled(False)
        self.ctx.run(write, on_done=self._saved, on_error=self._failed, changes=("participant",))

    def show_problems(self, problems: list[checks.Problem]) -> None:
        self.error_label.setText("\n".join(p.message() for p in problems))
        first = problems[0].field
        widget = self.edits.get(first) or {
            "department": self.department,
            "district_code": self.district,
        }.get(first)
        if widget is not None:
            widget.setFocus()

    def _saved(self, record_id: str) -> None:
        self.saved_id = record_id
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException, trace: str) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(
            translate("PersonDialog", "Could not save: %1").replace("%1", say(exc))
        )
