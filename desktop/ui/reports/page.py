"""Reports area: the monthly review per department (registered → enrolled → attended →
completed → certified), and the workbook and PDF of the whole review."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.core.review import Review, build_review
from desktop.ui.context import AppContext
from desktop.ui.said import say
from desktop.ui.table_export import add_export
from desktop.ui.uiload import child, embed_form, load_ui

CONTEXT = "ReportsPage"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.report: Review | None = None
        self.ui = load_ui("reports.ui", self)
        embed_form(self, self.ui)
        self.month_edit: QDateEdit = child(self.ui, QDateEdit, "monthEdit")
        self.table: QTableWidget = child(self.ui, QTableWidget, "departmentTable")
        add_export(self.table, ctx, "Departments")
        self.totals: QLabel = child(self.ui, QLabel, "totalsLabel")
        # Success is said in place, not in a modal box the user must dismiss.
        self.status: QLabel = child(self.ui, QLabel, "statusLabel")
        self.month_edit.setDate(QDate.currentDate())
        child(self.ui, QPushButton, "refreshButton").clicked.connect(self.refresh)
        child(self.ui, QPushButton, "exportXlsxButton").clicked.connect(
            lambda: self.export(".xlsx")
        )
        child(self.ui, QPushButton, "exportPdfButton").clicked.connect(
            lambda: self.export(".pdf")
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        ctx.changed.connect(self._on_changed)
        self.retranslate()

    @property
    def month(self) -> str:
        return self.month_edit.date().toString("yyyy-MM")

    def refresh(self) -> None:
        month = self.month
        self.ctx.run(
            lambda handle: build_review(
                self.ctx.store, month, trend_months=0, breakdowns=("by_department",)
            ),
            on_done=self.show_report,
            on_error=lambda exc, trace: QMessageBox.warning(self, tr("Report"), say(exc)),
        )

    def show_report(self, report: Review) -> None:
        self.report = report
        rows = [*report.by_department, report.funnel]
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            rate = row.completed * 100 / row.enrolled if row.enrolled else 0.0
            values = [
                row.label_en,
                row.label_hi if row.label_hi != row.label_en else "",
                row.registered,
                row.enrolled,
                row.attended,
                row.completed,
                row.certified,
                f"{round(rate, 1):g}%",
            ]
            for j, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if j >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        f = report.funnel
        self.totals.setText(
            tr(
                "Registered {0} → enrolled {1} → attended {2} → completed {3} → certified {4}"
            ).format(f.registered, f.enrolled, f.attended, f.completed, f.certified)
        )

    def export(self, suffix: str) -> None:
        if self.report is None or self.report.month != self.month:
            self.show_report(
                build_review(
                    self.ctx.store, self.month, trend_months=0, breakdowns=("by_department",)
                )
            )
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Save report"), f"monthly-review-{self.month}{suffix}", f"*{suffix}"
        )
        if name:
            self.write(Path(name))

    def write(self, path: Path) -> None:
        """The whole monthly review (funnel, breakdowns, trend, field notes) to `path`."""
        assert self.report is not None
        month, store = self.report.month, self.ctx.store

        def task(handle):
            review = build_review(store, month)
            if path.suffix.lower() == ".pdf":
                from desktop.core.report_pdf import write_pdf

                return write_pdf(store, review, path)
            from desktop.core.report_xlsx import write_xlsx

            return write_xlsx(review, path)

        self.ctx.run(
            task,
            on_done=lambda p: self.status.setText(tr("Saved {0}").format(p)),
            on_error=lambda exc, trace: QMessageBox.warning(self, tr("Report"), say(exc)),
            kind="pdf",
        )

    def _on_changed(self, kind: str) -> None:
        if self.report is not None and kind in (
            "participant",
            "enrolment",
            "attendance",
            "workshop",
            "certificate",
        ):
            self.refresh()

    def retranslate(self) -> None:
        self.table.setColumnCount(8)
        self.table.setHorizontalHeaderLabels(
            [
                tr("Department"),
                tr("Department (Hindi)"),
                tr("Registered"),
                tr("Enrolled"),
                tr("Attended"),
                tr("Completed"),
                tr("Certified"),
                tr("Completion %"),
            ]
        )
        child(self.ui, QLabel, "titleLabel").setText(tr("Monthly department review"))
        child(self.ui, QLabel, "monthLabel").setText(tr("Month:"))
        child(self.ui, QPushButton, "refreshButton").setText(tr("Show"))
        child(self.ui, QPushButton, "exportXlsxButton").setText(tr("Export XLSX…"))
        child(self.ui, QPushButton, "exportPdfButton").setText(tr("Export PDF…"))
        if self.report is not None:
            self.show_report(self.report)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.report is None:  # the current month's numbers as soon as the page opens
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def create_page(ctx: AppContext) -> QWidget:
    return ReportsPage(ctx)
