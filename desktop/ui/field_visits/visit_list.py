"""The list of visits: filters by district, department, month and status, overdue rows
highlighted, and the monthly review PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.core import field_report
from desktop.core import field_visits as fv
from desktop.core.dates import format_date, format_month
from desktop.ui.columns import ColumnFitter
from desktop.ui.context import AppContext
from desktop.ui.field_visits.common import (
    ID_ROLE,
    LIST_COLUMNS,
    OVERDUE_BG,
    OVERDUE_FG,
    _reports_dir,
    hindi,
    set_headers,
    tr,
)
from desktop.ui.i18n import bind_form
from desktop.ui.said import say
from desktop.ui.table_export import add_export
from desktop.ui.uiload import child, embed_form, load_ui


class VisitList(QWidget):
    """All visits with filters; rows with overdue action points are highlighted."""

    open_visit = Signal(object)  # a visit id, or None for a new visit

    COLUMNS = 8

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("field_visits.ui", self)
        embed_form(self, self.ui)
        self.table: QTableWidget = child(self.ui, QTableWidget, "visitTable")
        add_export(self.table, ctx, "Field visits")
        bind_form(
            self.ui,
            "field_visits.ui",
            after=lambda: set_headers(self.table, "FieldVisitList", LIST_COLUMNS),
        )
        self.district: QComboBox = child(self.ui, QComboBox, "districtFilter")
        self.department: QComboBox = child(self.ui, QComboBox, "departmentFilter")
        self.month: QComboBox = child(self.ui, QComboBox, "monthFilter")
        self.status: QComboBox = child(self.ui, QComboBox, "statusFilter")
        self.count: QLabel = child(self.ui, QLabel, "countLabel")
        self.rows: list[fv.VisitSummary] = []
        self.last_report: Path | None = None
        # The purpose takes the spare width; at 1024 px the attachment count, then the
        # office, step aside rather than squeeze it to a few letters.
        self.list_columns = ColumnFitter(self.table, 4, optional=(7, 2), minimum=120)
        self._fill_filters()
        for combo in (self.district, self.department, self.month, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.itemDoubleClicked.connect(lambda _i: self._open_current())
        child(self.ui, QPushButton, "openButton").clicked.connect(self._open_current)
        child(self.ui, QPushButton, "newButton").clicked.connect(
            lambda: self.open_visit.emit(None)
        )
        child(self.ui, QPushButton, "monthReportButton").clicked.connect(self._report_dialog)
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
            self.count.setText(say(exc))

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

