"""Create or edit a programme (code, titles, hours, minimum attendance): the rule that decides
completion for every workshop of the programme."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.core import workshops
from desktop.store import Store
from desktop.ui.i18n import translate_buttons
from desktop.ui.uiload import child, embed_form, load_ui
from desktop.ui.workshops.problems import problem_lines


class ProgrammeDialog(QDialog):
    """Saves through `desktop.core.workshops.save_programme`; `saved_id` is set on success."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.saved_id: str | None = None
        self.form = load_ui("programme_dialog.ui", self)
        embed_form(self, self.form)
        self.setWindowTitle(self.form.windowTitle())
        self.resize(self.form.size().expandedTo(self.sizeHint()))
        f = partial(child, self.form)  # a renamed widget fails here, naming it
        self.existing: QComboBox = f(QComboBox, "existingCombo")
        self.code: QLineEdit = f(QLineEdit, "codeEdit")
        self.title_en: QLineEdit = f(QLineEdit, "titleEnEdit")
        self.title_hi: QLineEdit = f(QLineEdit, "titleHiEdit")
        self.hours: QDoubleSpinBox = f(QDoubleSpinBox, "hoursSpin")
        self.pct: QSpinBox = f(QSpinBox, "pctSpin")
        self.igot: QLineEdit = f(QLineEdit, "igotEdit")
        self.error: QLabel = f(QLabel, "errorLabel")
        buttons: QDialogButtonBox = f(QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        translate_buttons(buttons)  # Qt has no Hindi for Save / Cancel
        self.existing.addItem(self.tr("(new programme)"), None)
        self._rows = {p["id"]: p for p in workshops.list_programmes(store)}
        for p in self._rows.values():
            self.existing.addItem(f"{p['code']} — {p['title_en']}", p["id"])
        self.existing.currentIndexChanged.connect(self._load)

    def _load(self) -> None:
        row = self._rows.get(self.existing.currentData()) or {}
        self.code.setText(row.get("code") or "")
        self.title_en.setText(row.get("title_en") or "")
        self.title_hi.setText(row.get("title_hi") or "")
        self.hours.setValue(float(row.get("hours") or 6))
        self.pct.setValue(int(row.get("min_attendance_pct") if row else 75))
        programme = self.store.get("programme", row["id"]) if row else None
        self.igot.setText((programme or {}).get("igot_course_id") or "")
        self.error.clear()

    def save(self) -> None:
        data = {
            "code": self.code.text().strip(),
            "title_en": self.title_en.text().strip(),
            "title_hi": self.title_hi.text().strip() or None,
            "hours": self.hours.value(),
            "min_attendance_pct": self.pct.value(),
            "igot_course_id": self.igot.text().strip() or None,
        }
        try:
            self.saved_id = workshops.save_programme(self.store, data, self.existing.currentData())
        except workshops.ValidationError as exc:
            self.error.setText(problem_lines(exc.problems))
            return
        self.accept()
