"""The Workshops page's list: the workshops filtered by phase, mode and text, one row
each, the running ones tinted; choosing one shows it in the tabs. A mixin of
WorkshopsPage (page.py), which owns the widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QTableWidgetItem,
)

from desktop.core import workshops
from desktop.core.dates import format_range

#: These methods are WorkshopsPage's: their texts keep its translation context in
#: resources/i18n/workshops_hi.ts (lupdate reads the literal context).
translate = QCoreApplication.translate

PHASE_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_COLUMN, MODE_COLUMN, SESSIONS_COLUMN = 1, 2, 3  # in the workshop list


def date_range(start: str | None, end: str | None) -> str:
    """A workshop's dates in one short cell, in the one date style: '30-11-2026',
    '30-11 – 01-12-2026' (same year) or both dates in full."""
    return format_range(start, end, short=True)


class WorkshopListMixin:
    """The workshop list and the choice of a workshop (WorkshopsPage)."""

    # -- list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        rows = workshops.list_workshops(
            self.reader,
            when=self.when.currentData(),
            mode=self.mode_filter.currentData(),
            today=self.today(),
            text=self.search.text().strip() or None,
            with_sessions=False,
        )
        phases = {
            "upcoming": translate("WorkshopsPage", "upcoming"),
            "running": translate("WorkshopsPage", "running"),
            "past": translate("WorkshopsPage", "past"),
        }
        modes = {
            "institute": translate("WorkshopsPage", "Institute"),
            "field": translate("WorkshopsPage", "Field"),
        }
        hindi = QLocale().language() == QLocale.Language.Hindi
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            title = (row["title_hi"] if hindi else row["title_en"]) or row["title_en"]
            values = [
                date_range(row["start_date"], row["end_date"]),
                title,
                modes.get(row["mode"], ""),
                str(row["session_count"]),
                str(row["enrolled"]),
                phases[row["phase"]],
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row["id"])
                item.setData(PHASE_ROLE, row["phase"])
                if c == TITLE_COLUMN:
                    item.setToolTip(f"{row['title_en']}\n{row['title_hi'] or ''}".strip())
                if row["phase"] == "running":
                    item.setBackground(QColor("#e3f2e6"))
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.list_columns.fit()
        if self.workshop_id:
            for r in range(self.table.rowCount()):
                if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == self.workshop_id:
                    self.table.selectRow(r)
                    break
        self._show_detail()

    def _select_first(self) -> None:
        """Open on a running workshop (else the newest), never on an empty form; with no
        workshops at all, on a new one."""
        if self.table.rowCount() == 0:
            self.new_workshop()
            return
        row = 0
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(PHASE_ROLE) == "running":
                row = r
                break
        self.table.selectRow(row)

    def _on_selected(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.workshop_id = items[0].data(Qt.ItemDataRole.UserRole)
            self._show_detail()

    def select_workshop(self, workshop_id: str) -> None:
        self.workshop_id = workshop_id
        self.refresh()
