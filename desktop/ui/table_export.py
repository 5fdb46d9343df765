"""The one "Export…" action every list of the desk carries (issue 15, item 6).

`add_export(view, ctx, name)` puts "Export…" (Ctrl+E) on the view's right-click menu. It
writes what the user sees: the visible columns in their visible order under their shown
(translated) headers, the rows the current filter or search shows, through the core's one
writer (`desktop.core.table_export`: XLSX or CSV, formula-safe). A list that shows only part of
what it holds (the roster reads 200 rows at a time) gives a `full` reader instead, run off the
GUI thread with progress and Cancel, so 1.88 million rows never freeze the window."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QTableView,
    QWidget,
)

from desktop.core.table_export import ExportCancelled, export_format, export_table
from desktop.ui.context import AppContext
from desktop.ui.progress import TaskProgress
from desktop.ui.tasks import TaskHandle

CONTEXT = "TableExport"
#: a reader of the whole list, run on a worker thread: (row count or 0, rows with every
#: column of the model, in the model's column order)
FullReader = Callable[[], tuple[int, Iterable[Sequence[Any]]]]
#: the lists that carry the action, by the English name that also names the file and sheet
LIST_NAMES = (
    QT_TRANSLATE_NOOP("TableExport", "Roster"),
    QT_TRANSLATE_NOOP("TableExport", "Workshops"),
    QT_TRANSLATE_NOOP("TableExport", "Sessions"),
    QT_TRANSLATE_NOOP("TableExport", "Enrolled people"),
    QT_TRANSLATE_NOOP("TableExport", "Completion"),
    QT_TRANSLATE_NOOP("TableExport", "Marked at the desk"),
    QT_TRANSLATE_NOOP("TableExport", "Attendance history"),
    QT_TRANSLATE_NOOP("TableExport", "Field visits"),
    QT_TRANSLATE_NOOP("TableExport", "Certificates register"),
    QT_TRANSLATE_NOOP("TableExport", "Rejected records"),
    QT_TRANSLATE_NOOP("TableExport", "Held updates"),
    QT_TRANSLATE_NOOP("TableExport", "Sync history"),
    QT_TRANSLATE_NOOP("TableExport", "Trusted desks"),
    QT_TRANSLATE_NOOP("TableExport", "Desks at this venue"),
    QT_TRANSLATE_NOOP("TableExport", "Differences with the portal"),
    QT_TRANSLATE_NOOP("TableExport", "iGOT - still missing"),
    QT_TRANSLATE_NOOP("TableExport", "iGOT - refused"),
    QT_TRANSLATE_NOOP("TableExport", "iGOT - needs action"),
    QT_TRANSLATE_NOOP("TableExport", "Departments"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def visible_columns(view: QAbstractItemView) -> list[int]:
    """The model's columns the user sees, in the order they see them."""
    model = view.model()
    if model is None:
        return []
    if not isinstance(view, QTableView):
        return [0]
    header = view.horizontalHeader()
    logical = (header.logicalIndex(v) for v in range(header.count()))
    return [c for c in logical if not header.isSectionHidden(c)]


def shown_headers(view: QAbstractItemView, columns: Sequence[int], name: str) -> list[str]:
    """The headers as shown; a list without a header row is headed by its name."""
    model = view.model()
    if not isinstance(view, QTableView):
        return [name]
    out = []
    for column in columns:
        text = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        out.append("" if text is None else str(text))
    return out


def shown_rows(view: QAbstractItemView, columns: Sequence[int]) -> list[list[Any]]:
    """The rows on show (hidden rows left out), as shown, read on the GUI thread."""
    model = view.model()
    rows = []
    for row in range(model.rowCount(QModelIndex())):
        if view.isRowHidden(row):
            continue
        rows.append([model.index(row, c).data(Qt.ItemDataRole.DisplayRole) for c in columns])
    return rows


class ExportAction(QAction):
    """ "Export…" on one view; `last_path` / `last_count` say what the last export wrote."""

    def __init__(
        self,
        view: QAbstractItemView,
        ctx: AppContext,
        name: str,
        full: Callable[[], FullReader | None] | None = None,
    ) -> None:
        if name not in LIST_NAMES:
            raise ValueError(f"{name!r} is not in table_export.LIST_NAMES (its Hindi is needed)")
        super().__init__(view)
        self.view, self.ctx, self._name, self.full = view, ctx, name, full
        self.last_path: Path | None = None
        self.last_count = 0
        self.setShortcut(QKeySequence("Ctrl+E"))
        self.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.triggered.connect(self.start)
        view.addAction(self)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._watcher = _LanguageWatcher(self)
        view.installEventFilter(self._watcher)
        self.retranslate()

    @property
    def name(self) -> str:
        """The list's name in the language shown (the file's and the sheet's name)."""
        return tr(self._name)

    def retranslate(self) -> None:
        self.setText(tr("Export…"))
        self.setToolTip(tr("Save this list as an Excel workbook or a CSV file (Ctrl+E)"))

    # -- the steps ----------------------------------------------------------------------
    def ask_path(self) -> Path | None:
        workbook, csv_file = tr("Excel workbook (*.xlsx)"), tr("CSV, UTF-8 (*.csv)")
        suggested = str(Path.home() / (self.name + ".xlsx"))
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self.view.window(), tr("Export list"), suggested, f"{workbook};;{csv_file}"
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if chosen_filter == csv_file else ".xlsx"))
        return path

    def start(self) -> None:
        """Ask where, then write in the background (the dialog appears for long ones)."""
        if self.view.model() is None:
            return
        path = self.ask_path()
        if path is None:
            return
        self.export_to(path)

    def export_to(self, path: Path) -> None:
        try:
            export_format(path)
        except ValueError as exc:
            self._failed(exc)
            return
        columns = visible_columns(self.view)
        headers = shown_headers(self.view, columns, self.name)
        reader = self.full() if self.full is not None else None
        if reader is None:
            snapshot = shown_rows(self.view, columns)

            def reader() -> tuple[int, Iterable[Sequence[Any]]]:
                return len(snapshot), snapshot
        else:
            whole = reader

            def reader() -> tuple[int, Iterable[Sequence[Any]]]:
                total, rows = whole()
                return total, ([row[c] for c in columns] for row in rows)

        title = self.name

        def task(handle: TaskHandle) -> int:
            total, rows = reader()
            return export_table(
                path, headers, rows, total=total, title=title,
                progress=handle.progress, cancelled=lambda: handle.cancelled,
            )

        dialog = TaskProgress(self.view.window(), tr("Exporting the list to {0}…").format(path.name))
        self.ctx.run(
            task,
            on_done=lambda count: self._done(path, count),
            on_error=lambda exc, trace: self._failed(exc),
            kind="io",
            dialog=dialog,
        )

    def _done(self, path: Path, count: int) -> None:
        self.last_path, self.last_count = path, count
        self._say(tr("{0} rows exported to {1}").format(f"{count:,}", path))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ExportCancelled):
            self._say(tr("Export cancelled; no file was written."))
            return
        QMessageBox.warning(
            self.view.window(), tr("Export list"),
            tr("The list could not be exported: {0}").format(exc),
        )

    def _say(self, text: str) -> None:
        window = self.view.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)


class _LanguageWatcher(QObject):
    """Re-words the action when the language changes (the view gets LanguageChange)."""

    def __init__(self, action: ExportAction) -> None:
        super().__init__(action)
        self.action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.action.retranslate()
        return False


def reader_opener(ctx: AppContext) -> Callable[[], tuple[Any, Callable[[], None]]]:
    """For a `full` reader: opens, on the worker thread, a connection of its own (WAL: the
    export never waits for the writer, nor the writer for it) and says how to close it."""

    def open_reader() -> tuple[Any, Callable[[], None]]:
        if ctx.store.path is None:  # an in-memory database (tests): its one connection
            return ctx.store.conn, lambda: None
        store = ctx.store.reader()
        return store.conn, store.close

    return open_reader


def add_export(
    view: QAbstractItemView,
    ctx: AppContext,
    name: str,
    full: Callable[[], FullReader | None] | None = None,
) -> ExportAction:
    """Give `view` the Export… action (right-click menu, Ctrl+E). `name`, one of LIST_NAMES,
    names the file and the sheet in the language shown; `full`, when it returns
    a reader, exports the whole list instead of the rows loaded on screen."""
    return ExportAction(view, ctx, name, full)


def export_action(widget: QWidget) -> ExportAction | None:
    """The Export… action of a view (tests, and pages that add a button for it)."""
    return next((a for a in widget.actions() if isinstance(a, ExportAction)), None)
