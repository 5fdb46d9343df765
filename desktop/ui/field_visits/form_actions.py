"""The visit form's action points: its own (editable table) and the open ones carried over
from earlier visits to the same office."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTableWidgetItem

from desktop.core import field_visits as fv
from desktop.core.dates import format_date
from desktop.ui.field_visits.common import (
    OVERDUE_BG,
    OVERDUE_FG,
    status_combo,
    tr,
)


class ActionPointsMixin:
    """Action points of the visit form; part of VisitForm, which owns the widgets."""

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
