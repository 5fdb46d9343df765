"""From a saved visit: plan a field workshop (dialog forms/field_plan_workshop.ui) and write
the visit's PDF report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QSpinBox,
)

from desktop.core import field_report
from desktop.core.dates import format_date
from desktop.core.field_workshops import (
    plan_field_workshop,
    programmes,
    workshops_of_visit,
)
from desktop.ui.field_visits.common import (
    _reports_dir,
    hindi,
    tr,
)
from desktop.ui.i18n import translate_buttons
from desktop.ui.uiload import child, load_ui


class WorkshopReportMixin:
    """Field workshop and report of the visit form; part of VisitForm, which owns the widgets."""

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
            self.workshops = workshops_of_visit(self.ctx.store, visit_id)
            self._show_workshops()
            planned = next((w for w in self.workshops if w["id"] == workshop_id), None)
            name = planned["title_en"] if planned else workshop_id
            self.attach_note.setText(tr("Field workshop planned: %1").replace("%1", name))
            self.attach_note.setVisible(True)

        self.ctx.run(task, done, self._failed, changes=("workshop",))

    def _plan_dialog(self) -> None:
        choices = programmes(self.ctx.store)
        if not choices:
            self.show_error(tr("There is no programme yet: add one under Workshops first."))
            return
        dialog = load_ui("field_plan_workshop.ui", self)
        combo = child(dialog, QComboBox, "programmeCombo")
        for p in choices:
            title = p["title_hi"] if hindi() and p["title_hi"] else p["title_en"]
            combo.addItem(f"{p['code']} — {title}", p["id"])
        start = child(dialog, QDateEdit, "startDateEdit")
        start.setDate(self.date.date())
        box = child(dialog, QDialogButtonBox, "buttonBox")
        translate_buttons(box)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.plan_workshop(
                combo.currentData(),
                start.date().toString("yyyy-MM-dd"),
                child(dialog, QSpinBox, "daysSpin").value(),
                child(dialog, QLineEdit, "titleEdit").text().strip() or None,
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
