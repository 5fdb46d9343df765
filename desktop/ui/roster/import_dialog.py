"""Import a roster list: choose file → map columns → preview → import (progress, Cancel) →
summary and error report. The work happens in `import_flow` on the database worker; Cancel
rolls the single import transaction back, so nothing changes.

About 600 lines: one dialog of four steps that share the plan, the mapping and the preview
(file and sheet, mapping, preview with converted and derived values, summary)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date
from desktop.core.roster.readers import NoDataRows
from desktop.ui.context import AppContext
from desktop.ui.i18n import bind_form
from desktop.ui.roster import import_flow
from desktop.ui.roster.import_flow import Cancelled, ImportFileError, ImportPlan, ImportSummary
from desktop.ui.roster.problems import ROSTER_PROBLEMS, problem_text
from desktop.ui.said import say
from desktop.ui.uiload import child, load_ui

FORM = "import_dialog.ui"
PREVIEW_ROWS = 50
translate = QCoreApplication.translate

FIELD_LABELS = {
    "name_en": QT_TRANSLATE_NOOP("ImportDialog", "Name (English)"),
    "name_hi": QT_TRANSLATE_NOOP("ImportDialog", "Name (Hindi)"),
    "employee_code": QT_TRANSLATE_NOOP("ImportDialog", "Employee code"),
    "igot_user_id": QT_TRANSLATE_NOOP("ImportDialog", "iGOT user id"),
    "designation": QT_TRANSLATE_NOOP("ImportDialog", "Designation"),
    "department": QT_TRANSLATE_NOOP("ImportDialog", "Department"),
    "district_code": QT_TRANSLATE_NOOP("ImportDialog", "District"),
    "mobile": QT_TRANSLATE_NOOP("ImportDialog", "Mobile"),
    "email": QT_TRANSLATE_NOOP("ImportDialog", "Email"),
    "gender": QT_TRANSLATE_NOOP("ImportDialog", "Gender"),
    "service_group": QT_TRANSLATE_NOOP("ImportDialog", "Service group"),
}
STATUS_LABELS = {
    "new": QT_TRANSLATE_NOOP("ImportDialog", "New"),
    "update": QT_TRANSLATE_NOOP("ImportDialog", "In roster"),
    "error": QT_TRANSLATE_NOOP("ImportDialog", "Error"),
}
STATUS_COLOURS = {"new": "#e3f4e6", "update": "#e5eefb", "error": "#fbe3e3"}
#: a column that holds data but matches no field, until the user chooses
UNDECIDED_COLOUR = QColor("#ffe8a3")
STEP_FILE, STEP_MAPPING, STEP_PREVIEW, STEP_SUMMARY = range(4)


def _tr(text: str) -> str:
    return translate("ImportDialog", text)


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: ImportPlan | None = None
        self.mapping: list[str] = []
        self.preview: list[import_flow.RowResult] = []
        self.summary: ImportSummary | None = None
        self.outcome: str | None = None  # "done", "cancelled", "failed"
        self.running = False
        self.task_handle = None  # the running import's TaskHandle (Cancel goes through it)
        self.failure = ""
        self.form = load_ui(FORM, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.steps: QStackedWidget = child(self.form, QStackedWidget, "steps")
        self.step_label: QLabel = child(self.form, QLabel, "stepLabel")
        font = self.step_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.step_label.setFont(font)
        self.file_edit: QLineEdit = child(self.form, QLineEdit, "fileEdit")
        self.file_error: QLabel = child(self.form, QLabel, "fileError")
        self.browse_button: QPushButton = child(self.form, QPushButton, "browseButton")
        self.mapping_table: QTableWidget = child(self.form, QTableWidget, "mappingTable")
        self.mapping_error: QLabel = child(self.form, QLabel, "mappingError")
        self.preview_intro: QLabel = child(self.form, QLabel, "previewIntro")
        self.preview_table: QTableWidget = child(self.form, QTableWidget, "previewTable")
        self.progress_label: QLabel = child(self.form, QLabel, "progressLabel")
        self.progress_bar: QProgressBar = child(self.form, QProgressBar, "progressBar")
        self.summary_label: QLabel = child(self.form, QLabel, "summaryLabel")
        self.errors_table: QTableWidget = child(self.form, QTableWidget, "errorsTable")
        self.save_report_button: QPushButton = child(self.form, QPushButton, "saveReportButton")
        self.back_button: QPushButton = child(self.form, QPushButton, "backButton")
        self.next_button: QPushButton = child(self.form, QPushButton, "nextButton")
        self.cancel_button: QPushButton = child(self.form, QPushButton, "cancelButton")

        # A workbook with several sheets holding data: which one (shown only then).
        self.sheet_label = QLabel(self.form)
        self.sheet_label.setWordWrap(True)
        self.sheet_combo = QComboBox(self.form)
        self.sheet_combo.setObjectName("sheetCombo")
        file_layout = self.file_error.parentWidget().layout()
        at = file_layout.indexOf(self.file_error)
        file_layout.insertWidget(at, self.sheet_combo)  # type: ignore[attr-defined]
        file_layout.insertWidget(at, self.sheet_label)  # type: ignore[attr-defined]
        self._show_sheets([])
        self.file_edit.textEdited.connect(lambda _text: self._show_sheets([]))

        self.browse_button.clicked.connect(self.choose_file)
        self.file_edit.returnPressed.connect(self.next_step)
        self.next_button.clicked.connect(self.next_step)
        self.back_button.clicked.connect(self.back)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_report_button.clicked.connect(lambda: self.save_report())
        self.progress_bar.hide()
        self.progress_label.hide()
        bind_form(self.form, FORM, after=self._retranslate)
        self.resize(960, 620)
        self._show_step(STEP_FILE)

    # -- navigation --------------------------------------------------------------------------
    @property
    def step(self) -> int:
        return self.steps.currentIndex()

    def _show_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        running = self.running
        self.back_button.setVisible(step in (STEP_MAPPING, STEP_PREVIEW))
        self.back_button.setEnabled(not running)
        self.next_button.setVisible(step != STEP_SUMMARY)
        self.next_button.setEnabled(not running)
        self._retranslate()

    def _retranslate(self) -> None:
        titles = {
            STEP_FILE: translate("ImportDialog", "Step 1 of 4: choose the file"),
            STEP_MAPPING: translate("ImportDialog", "Step 2 of 4: match the columns"),
            STEP_PREVIEW: translate("ImportDialog", "Step 3 of 4: check and import"),
            STEP_SUMMARY: translate("ImportDialog", "Step 4 of 4: result"),
        }
        self.setWindowTitle(translate("ImportDialog", "Import a roster list"))
        self.sheet_label.setText(
            translate(
                "ImportDialog",
                "This workbook has several sheets: choose the one with the list, then Next.",
            )
        )
        self.step_label.setText(titles[self.step])
        self.next_button.setText(
            translate("ImportDialog", "Import")
            if self.step == STEP_PREVIEW
            else translate("ImportDialog", "Next")
        )
        self.cancel_button.setText(
            translate("ImportDialog", "Close")
            if self.step == STEP_SUMMARY
            else translate("ImportDialog", "Cancel")
        )
        if self.plan is not None:
            self._fill_mapping_labels()
        if self.preview:
            self._fill_preview()
        if self.step == STEP_SUMMARY:
            self._fill_summary()

    def next_step(self) -> None:
        if self.step == STEP_FILE:
            self.read_file()
        elif self.step == STEP_MAPPING:
            self.check_mapping()
        elif self.step == STEP_PREVIEW:
            self.start_import()

    def back(self) -> None:
        if not self.running and self.step in (STEP_MAPPING, STEP_PREVIEW):
            self._show_step(self.step - 1)

    def cancel(self) -> None:
        """Cancel a running import (rolls back), else close the dialog."""
        if self.running:
            if self.task_handle is not None:
                self.task_handle.cancel()
            self.progress_label.setText(
                translate("ImportDialog", "Cancelling… nothing will be changed.")
            )
            return
        if self.step == STEP_SUMMARY:
            self.accept()
        else:
            self.reject()

    # -- step 1: file ------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            translate("ImportDialog", "Choose a roster list"),
            str(Path.home()),
            translate("ImportDialog", "Roster lists (*.csv *.txt *.tsv *.xlsx *.xls)"),
        )
        if path:
            self.file_edit.setText(path)
            self._show_sheets([])
            self.read_file()

    def read_file(self) -> None:
        path = self.file_edit.text().strip()
        if not path:
            self.file_error.setText(translate("ImportDialog", "Choose a file first."))
            return
        self.file_error.setText("")
        sheet = self.sheet_combo.currentText() if self.sheet_combo.isVisible() else None
        store = self.ctx.store  # on the database worker: the remembered mapping is read too
        self.ctx.run(
            lambda handle: import_flow.open_import(path, sheet, store),
            on_done=self._file_read,
            on_error=self._file_failed,
        )

    def _file_read(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.mapping = plan.proposed_mapping()
        self._fill_mapping()
        self.mapping_error.setText(
            translate(
                "ImportDialog",
                "The columns are matched as you chose for a file with these headers on %1.",
            ).replace("%1", format_date(plan.remembered[1][:10]))
            if plan.remembered
            else ""
        )
        self._show_step(STEP_MAPPING)

    def _show_sheets(self, sheets: list[str]) -> None:
        self.sheet_combo.clear()
        self.sheet_combo.addItems(sheets)
        self.sheet_combo.setVisible(bool(sheets))
        self.sheet_label.setVisible(bool(sheets))

    def _file_failed(self, exc: BaseException, trace: str) -> None:
        if isinstance(exc, import_flow.ChooseSheet):
            self._show_sheets(exc.sheets)
            self.sheet_combo.setFocus()
        elif isinstance(exc, NoDataRows):
            self.file_error.setText(
                translate(
                    "ImportDialog", "%1 has a header but no data rows: nothing to import."
                ).replace("%1", exc.name)
            )
        elif isinstance(exc, (ImportFileError, OSError)):
            self.file_error.setText(say(exc))
        else:
            self.file_error.setText(
                translate("ImportDialog", "The file could not be read: %1").replace("%1", say(exc))
            )

    # -- step 2: mapping ---------------------------------------------------------------------
    def _fill_mapping(self) -> None:
        assert self.plan is not None
        table = self.mapping_table
        table.clear()
        table.setColumnCount(3)
        table.setRowCount(len(self.plan.headers))
        for column, header in enumerate(self.plan.headers):
            table.setItem(column, 0, QTableWidgetItem(header))
            table.setItem(column, 1, QTableWidgetItem(" · ".join(self.plan.samples(column))))
            self._mark_undecided(column)
            combo = QComboBox()
            combo.setObjectName(f"mapping{column}")
            combo.currentIndexChanged.connect(
                lambda _i, c=column, box=combo: self._mapping_changed(c, box)
            )
            table.setCellWidget(column, 2, combo)
        self._fill_mapping_labels()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(2, 240)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)

    def _fill_mapping_labels(self) -> None:
        table = self.mapping_table
        table.setHorizontalHeaderLabels(
            [
                translate("ImportDialog", "Column in the file"),
                translate("ImportDialog", "Examples"),
                translate("ImportDialog", "Imports into"),
            ]
        )
        for column in range(table.rowCount()):
            combo = table.cellWidget(column, 2)
            if not isinstance(combo, QComboBox):
                continue
            combo.blockSignals(True)
            combo.clear()
            if self.mapping[column] == import_flow.UNDECIDED:
                combo.addItem(translate("ImportDialog", "Choose…"), import_flow.UNDECIDED)
            combo.addItem(translate("ImportDialog", "Do not import"), import_flow.IGNORE)
            for field in import_flow.FIELDS:
                combo.addItem(_tr(FIELD_LABELS[field]), field)
            combo.setCurrentIndex(max(combo.findData(self.mapping[column]), 0))
            combo.blockSignals(False)
            self._mark_undecided(column)

    def mapping_combo(self, column: int) -> QComboBox:
        return self.mapping_table.cellWidget(column, 2)

    def _mapping_changed(self, column: int, combo: QComboBox) -> None:
        self.mapping[column] = combo.currentData() or import_flow.IGNORE
        self.mapping_error.setText("")
        self._mark_undecided(column)

    def _mark_undecided(self, column: int) -> None:
        """A column holding data that matches no field is highlighted until it is chosen."""
        undecided = self.mapping[column] == import_flow.UNDECIDED
        tip = (
            translate(
                "ImportDialog",
                "This column holds data that matches no field: choose a field for it, or "
                "“Do not import”.",
            )
            if undecided
            else ""
        )
        for part in (0, 1):
            item = self.mapping_table.item(column, part)
            if item is None:
                continue
            item.setBackground(QBrush(UNDECIDED_COLOUR) if undecided else QBrush())
            item.setToolTip(tip)
        combo = self.mapping_table.cellWidget(column, 2)
        if isinstance(combo, QComboBox):
            combo.setToolTip(tip)

    def check_mapping(self) -> None:
        assert self.plan is not None
        problems = []
        for header in self.plan.undecided(self.mapping):
            problems.append(
                translate(
                    "ImportDialog",
                    "Column “%1” holds data that matches no field: choose a field for it, or "
                    "“Do not import”.",
                ).replace("%1", header)
            )
        if "name_en" not in self.mapping:
            problems.append(
                translate("ImportDialog", "Choose the column that holds the name in English.")
            )
        for field in import_flow.FIELDS:
            if self.mapping.count(field) > 1:
                problems.append(
                    translate("ImportDialog", "Two columns import into “%1”; keep one.").replace(
                        "%1", _tr(FIELD_LABELS[field])
                    )
                )
        if problems:
            self.mapping_error.setText("\n".join(problems))
            return
        plan, mapping, store = self.plan, list(self.mapping), self.ctx.store
        self.ctx.run(
            lambda handle: plan.evaluate(store, mapping, PREVIEW_ROWS),
            on_done=self._previewed,
            on_error=lambda exc, trace: self.mapping_error.setText(say(exc)),
        )

    # -- step 3: preview and import ----------------------------------------------------------
    def _previewed(self, results: list[import_flow.RowResult]) -> None:
        self.preview = results
        self._fill_preview()
        self._show_step(STEP_PREVIEW)

    def _fill_preview(self) -> None:
        assert self.plan is not None
        results = self.preview
        counts = {status: sum(1 for r in results if r.status == status) for status in STATUS_LABELS}
        intro = translate(
            "ImportDialog",
            "The first %1 rows of the file: %2 new people, %3 already in the roster (their "
            "changed fields will be updated), %4 with errors. Import checks the whole file and "
            "writes every accepted row in one step; rows with errors are left out and listed "
            "in the report.",
        )
        for n, value in enumerate(
            (len(results), counts["new"], counts["update"], counts["error"]),
            start=1,
        ):
            intro = intro.replace(f"%{n}", f"{value:,}")
        self.preview_intro.setText(intro)
        fields = [f for f in import_flow.FIELDS if f in self.mapping]
        if "name_en" not in fields and any(r.derived for r in results):
            fields.insert(0, "name_en")  # written from the Hindi: shown, marked
        table = self.preview_table
        table.clear()
        table.setColumnCount(3 + len(fields))
        table.setRowCount(len(results))
        # Problems third: what the user must read should not be scrolled out of sight.
        table.setHorizontalHeaderLabels(
            [
                translate("ImportDialog", "Line"),
                translate("ImportDialog", "Status"),
                translate("ImportDialog", "Problems"),
                *(_tr(FIELD_LABELS[f]) for f in fields),
            ]
        )
        for r, result in enumerate(results):
            source = result.cells
            shown = {}
            for column, target in enumerate(self.mapping):
                if target and column < len(source):
                    shown[target] = source[column]
            problems = "; ".join(
                [problem_text(p) for p in result.problems] if result.problems else result.errors
            )
            cells = [str(result.line), _tr(STATUS_LABELS[result.status]), problems]
            cells += [self._preview_value(result, f, shown.get(f, "")) for f in fields]
            colour = QBrush(QColor(STATUS_COLOURS[result.status]))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setBackground(colour)
                if c == 2 and problems:
                    item.setToolTip(problems)
                elif c > 2 and len(text) > 30:
                    item.setToolTip(text)  # a converted or derived value beside the file's
                table.setItem(r, c, item)
        table.horizontalHeader().setStretchLastSection(False)
        table.resizeColumnsToContents()
        for c in range(table.columnCount()):
            table.setColumnWidth(c, min(table.columnWidth(c), 400 if c == 2 else 200))

    @staticmethod
    def _preview_value(result: import_flow.RowResult, field_name: str, source: str) -> str:
        """What the file holds, and beside it what will be stored when that differs in
        substance (a derived English name; a legacy-font cell converted to Unicode)."""
        if field_name == "name_en" and result.derived:
            return translate("ImportDialog", "%1 (written from the Hindi)").replace(
                "%1", result.data.get("name_en", "")
            )
        if field_name in result.converted:
            return (
                translate("ImportDialog", "%1 (legacy font: %2)")
                .replace("%1", result.data.get(field_name, ""))
                .replace("%2", source)
            )
        return source

    def start_import(self) -> None:
        assert self.plan is not None
        plan, mapping, store = self.plan, list(self.mapping), self.ctx.store
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.progress_label.setText(
            translate("ImportDialog", "Importing… Cancel leaves the roster as it was.")
        )
        self.progress_label.show()
        self.outcome = None
        self.running = True
        self._show_step(STEP_PREVIEW)

        def task(handle):
            self.task_handle = handle
            return plan.run(store, mapping, handle)

        self.ctx.run(
            task, on_done=self._imported, on_error=self._import_failed, progress=self._progress,
            changes=("participant",),
        )

    def _progress(self, done: int, total: int, text: str) -> None:
        """`done`: rows checked so far, of about `total` (the core's estimate, 0 = unknown)."""
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.progress_label.setText(
            translate("ImportDialog", "Checked %1 rows…").replace("%1", f"{done:,}")
        )

    def _imported(self, summary: ImportSummary) -> None:
        self.running, self.task_handle = False, None
        self.summary = summary
        self.outcome = "done"
        self._finish()

    def _import_failed(self, exc: BaseException, trace: str) -> None:
        self.running, self.task_handle = False, None
        self.summary = None
        if isinstance(exc, Cancelled):
            self.outcome = "cancelled"
        else:
            self.outcome = "failed"
            self.failure = say(exc)
        self._finish()

    def _finish(self) -> None:
        self.progress_bar.hide()
        self.progress_label.hide()
        self._show_step(STEP_SUMMARY)

    # -- step 4: summary ---------------------------------------------------------------------
    def _fill_summary(self) -> None:
        table = self.errors_table
        table.clear()
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(
            [
                translate("ImportDialog", "Line"),
                translate("ImportDialog", "Field"),
                translate("ImportDialog", "Problems"),
            ]
        )
        if self.outcome == "cancelled":
            self.summary_label.setText(
                translate("ImportDialog", "The import was cancelled. Nothing was changed.")
            )
            table.setRowCount(0)
            self.save_report_button.setEnabled(False)
            return
        if self.outcome == "failed" or self.summary is None:
            self.summary_label.setText(
                translate("ImportDialog", "The import failed and nothing was changed: %1").replace(
                    "%1", self.failure
                )
            )
            table.setRowCount(0)
            self.save_report_button.setEnabled(False)
            return
        s = self.summary
        text = translate(
            "ImportDialog",
            "%1 rows read: %2 people added, %3 updated, %4 already up to date. %5 rows had "
            "errors and were not imported.",
        )
        for n, value in enumerate((s.rows, s.created, s.updated, s.unchanged, s.rejected), start=1):
            text = text.replace(f"%{n}", f"{value:,}")
        if s.rejected:
            text += " " + translate(
                "ImportDialog", "Save the report, correct those rows and import it again."
            )
        if s.derived_names:
            text += "\n" + translate(
                "ImportDialog", "%1 English names were written from the Hindi: check them."
            ).replace("%1", f"{s.derived_names:,}")
        if s.converted_legacy:
            text += "\n" + translate(
                "ImportDialog",
                "%1 cells typed in a legacy font (Kruti Dev…) were turned into Unicode.",
            ).replace("%1", f"{s.converted_legacy:,}")
        if s.skipped:
            text += "\n" + translate(
                "ImportDialog", "%1 blank or numbered-only rows were skipped."
            ).replace("%1", f"{s.skipped:,}")
        self.summary_label.setText(text)
        table.setRowCount(len(s.errors))
        # The same errors with codes (translated); the report file keeps the core's English.
        found = s.problems if len(s.problems) == len(s.errors) else [None] * len(s.errors)
        for r, (error, problem) in enumerate(zip(s.errors, found, strict=True)):
            table.setItem(r, 0, QTableWidgetItem(str(error.get("row", ""))))
            field_name = error.get("field", "")
            table.setItem(r, 1, QTableWidgetItem(ROSTER_PROBLEMS.label(field_name)))
            message = problem_text(problem[1]) if problem else error.get("message", "")
            table.setItem(r, 2, QTableWidgetItem(message))
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(1)
        self.save_report_button.setEnabled(True)

    def save_report(self, path: str | None = None) -> str | None:
        if self.plan is None or self.summary is None:
            return None
        if not path:
            suggested = self.plan.path.with_name(self.plan.path.stem + "-report.csv")
            path, _filter = QFileDialog.getSaveFileName(
                self,
                translate("ImportDialog", "Save the import report"),
                str(suggested),
                translate("ImportDialog", "CSV (*.csv)"),
            )
        if not path:
            return None
        self.plan.write_report(path, self.summary)
        self.summary_label.setText(
            self.summary_label.text()
            + "\n"
            + translate("ImportDialog", "Report saved to %1").replace("%1", path)
        )
        return path

    def reject(self) -> None:
        # Closing the window while importing means Cancel: roll back, then show the result.
        if self.running:
            self.cancel()
            return
        super().reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Escape during an import means Cancel (roll back), not "close the window".
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)
