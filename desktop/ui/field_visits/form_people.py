"""The visit form's team and people met: team names, roster search, linking participants and
the quick-add dialog for someone not yet on the roster (forms/field_quick_person.ui)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
)

from desktop.core import field_visits as fv
from desktop.ui.field_visits.common import (
    ID_ROLE,
)
from desktop.ui.i18n import translate_buttons
from desktop.ui.uiload import child, load_ui


class PeopleMixin:
    """Team and participants of the visit form; part of VisitForm, which owns the widgets."""

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

        self.ctx.run(task, done, self._failed, changes=("participant",))

    def _quick_add_dialog(self) -> None:
        dialog = load_ui("field_quick_person.ui", self)
        assert isinstance(dialog, QDialog)
        box = child(dialog, QDialogButtonBox, "buttonBox")
        translate_buttons(box)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        name = self.search.text().strip()
        edit = "nameHiEdit" if any("\u0900" <= c <= "\u097f" for c in name) else "nameEnEdit"
        child(dialog, QLineEdit, edit).setText(name)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.quick_add_person(
                child(dialog, QLineEdit, "nameEnEdit").text(),
                child(dialog, QLineEdit, "nameHiEdit").text(),
                child(dialog, QLineEdit, "designationEdit").text(),
                child(dialog, QLineEdit, "mobileEdit").text(),
            )
