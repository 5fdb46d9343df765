"""The Workshops page's Participants tab: who is enrolled (and withdrawn), roster search
to enrol, withdraw, a nomination list to import, a person's attendance detail. A mixin
of WorkshopsPage."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidgetItem,
    QTableWidgetItem,
)

from desktop.core import enrolment, people
from desktop.ui.said import say

#: These methods are WorkshopsPage's: their texts keep its translation context in
#: resources/i18n/workshops_hi.ts (lupdate reads the literal context).
translate = QCoreApplication.translate


class PeopleTabMixin:
    """Enrolment of a workshop's participants (WorkshopsPage)."""

    def _enrolled_labels(self) -> list[str]:
        return [
            translate("WorkshopsPage", "Name"),
            translate("WorkshopsPage", "Employee code"),
            translate("WorkshopsPage", "Designation"),
            translate("WorkshopsPage", "Source"),
            translate("WorkshopsPage", "Status"),
        ]

    # -- participants ----------------------------------------------------------------------
    def _show_people(self) -> None:
        rows = enrolment.enrolled(self.reader, self.workshop_id, include_withdrawn=True)
        sources = {
            "nominated": translate("WorkshopsPage", "nominated"),
            "walk_in": translate("WorkshopsPage", "walk-in"),
            "imported": translate("WorkshopsPage", "imported"),
        }
        statuses = {
            "enrolled": translate("WorkshopsPage", "enrolled"),
            "withdrawn": translate("WorkshopsPage", "withdrawn"),
        }
        self.enrolled_table.setRowCount(len(rows))
        active = 0
        for r, p in enumerate(rows):
            active += p["enrolment_status"] == "enrolled"
            name = " / ".join(n for n in (p["name_hi"], p["name_en"]) if n)
            values = [
                name,
                p["employee_code"] or "",
                p["designation"] or "",
                sources.get(p["source"], p["source"]),
                statuses.get(p["enrolment_status"], p["enrolment_status"]),
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, p["id"])
                if p["enrolment_status"] == "withdrawn":
                    item.setForeground(QColor("#9e9e9e"))
                self.enrolled_table.setItem(r, c, item)
        self.enrolled_label.setText(translate("WorkshopsPage", "{n} enrolled").format(n=active))
        self.enrolled_columns.fit()

    def open_detail(self, participant_id: str):
        """A participant's attendance history in this workshop (who, when, desk, method)."""
        from desktop.ui.attendance.detail import AttendanceDetail
        from desktop.ui.table_export import add_export

        if not participant_id or not self.workshop_id:
            return None
        dialog = AttendanceDetail(self.reader, participant_id, self.workshop_id, self)
        add_export(dialog.table, self.ctx, "Attendance history")
        dialog.open()
        return dialog

    def search_roster(self) -> None:
        if not self.isVisible():
            return
        text = self.roster_search.text().strip()
        self.roster_results.clear()
        if len(text) < 2:
            return
        found = people.suggest(self.reader, text, limit=20)
        if not found and people.looks_like_code(text):
            person = people.by_code(self.reader, text)
            found = [person] if person else []
        for person in found:
            item = QListWidgetItem(people.label(person))
            item.setData(Qt.ItemDataRole.UserRole, person["id"])
            self.roster_results.addItem(item)

    def enrol_selected(self) -> None:
        ids = [i.data(Qt.ItemDataRole.UserRole) for i in self.roster_results.selectedItems()]
        if not ids and self.roster_results.count() == 1:
            ids = [self.roster_results.item(0).data(Qt.ItemDataRole.UserRole)]
        if not ids or not self.workshop_id:
            return
        workshop_id = self.workshop_id

        def task(_h):
            with self.store.transaction():
                return [enrolment.enrol(self.store, workshop_id, pid) for pid in ids]

        self.ctx.run(task, on_done=lambda _r: self._people_changed(), changes=("enrolment",))

    def withdraw_selected(self) -> None:
        rows = {i.row() for i in self.enrolled_table.selectedIndexes()}
        ids = [self.enrolled_table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]
        if not ids or not self.workshop_id:
            return
        workshop_id = self.workshop_id

        def task(_h):
            with self.store.transaction():
                for pid in ids:
                    enrolment.withdraw(self.store, workshop_id, pid)

        self.ctx.run(task, on_done=lambda _r: self._people_changed(), changes=("enrolment",))

    def _people_changed(self) -> None:
        self._show_people()
        self._show_completion()

    def import_nominations(self, path: str | None = None) -> enrolment.NominationResult | None:
        if not self.workshop_id:
            return None
        if not isinstance(path, str):
            path, _ = QFileDialog.getOpenFileName(
                self,
                translate("WorkshopsPage", "Nomination list"),
                "",
                translate("WorkshopsPage", "Lists (*.csv *.xlsx *.txt);;All files (*)"),
            )
        if not path:
            return None
        workshop_id, outcome = self.workshop_id, {}

        def task(_h):
            return enrolment.import_nominations(self.store, workshop_id, path)

        def failed(exc, _trace):
            self.enrolled_label.setText(say(exc))

        def done(result):
            outcome["result"] = result
            self._people_changed()
            text = translate(
                "WorkshopsPage",
                "{enrolled} enrolled, {already} already enrolled, {new} new in the "
                "roster, {rejected} rejected",
            ).format(
                enrolled=result.enrolled,
                already=result.already,
                new=result.created_people,
                rejected=len(result.rejected),
            )
            if result.rejected:
                text += "\n" + "\n".join(
                    translate("WorkshopsPage", "row {row}: {message}").format(**e)
                    for e in result.rejected[:8]
                )
            self.enrolled_label.setText(text)

        self.ctx.run(task, on_done=done, on_error=failed)
        return outcome.get("result")  # filled at once by the synchronous test runner
