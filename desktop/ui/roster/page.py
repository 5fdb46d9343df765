"""The roster screen: the participant table (lazy), search as you type, add/edit/delete,
and the import dialog."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop.core import people
from desktop.core.roster.listing import participant
from desktop.core.roster.search import search
from desktop.store import Connection
from desktop.ui.context import AppContext
from desktop.ui.i18n import ask_yes_no, bind_form, current_language
from desktop.ui.roster.model import ID_ROLE, SEARCH_LIMIT, RosterModel
from desktop.ui.said import say
from desktop.ui.table_export import add_export, reader_opener
from desktop.ui.uiload import child, embed_form, load_ui

FORM = "roster_page.ui"
SEARCH_DELAY_MS = 150
#: names (Hindi, English), code, designation, department, district, mobile at full width
COLUMN_WIDTHS = (160, 160, 120, 165, 200, 110, 100)
#: code, district and mobile keep their width (a cut code or number is no use); the names,
#: designation and department give way on a narrow screen (whole in their tooltips)
WHOLE_COLUMNS = (2, 5, 6)
translate = QCoreApplication.translate


def create_page(ctx: AppContext) -> QWidget:
    return RosterPage(ctx)


def _reader(ctx: AppContext) -> Connection:
    """The table reads through its own connection (WAL: it never waits for the writer)."""
    if ctx.store.path is None:
        return ctx.store.conn
    return ctx.store.reader().conn


class RosterPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.form = load_ui(FORM, self)
        embed_form(self, self.form)
        self.title: QLabel = child(self.form, QLabel, "titleLabel")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.search: QLineEdit = child(self.form, QLineEdit, "searchEdit")
        self.table: QTableView = child(self.form, QTableView, "table")
        self.status: QLabel = child(self.form, QLabel, "statusLabel")
        self.add_button: QPushButton = child(self.form, QPushButton, "addButton")
        self.edit_button: QPushButton = child(self.form, QPushButton, "editButton")
        self.delete_button: QPushButton = child(self.form, QPushButton, "deleteButton")
        self.import_button: QPushButton = child(self.form, QPushButton, "importButton")

        self.conn = _reader(ctx)
        if self.conn is not ctx.store.conn:
            conn = self.conn
            self.destroyed.connect(lambda *_: conn.close())
        self.model = RosterModel(self.conn, self)
        self.model.set_hindi(current_language() == "hi")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._widths_by_user = False
        self._scale_columns()
        header.sectionResized.connect(self._column_resized)
        self.table.viewport().installEventFilter(self)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.last_search_ms = 0.0
        self.last_show_ms = 0.0
        self._searching = False
        # Searches run on a pool thread through their own connection (never the GUI's).
        self.search_conn = _reader(ctx)
        if self.search_conn is not ctx.store.conn:
            search_conn = self.search_conn
            self.destroyed.connect(lambda *_: search_conn.close())

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.apply_search)
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.delete_button.clicked.connect(self.delete_person)
        self.import_button.clicked.connect(self.open_import)
        self.table.doubleClicked.connect(lambda _index: self.edit_person())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_status)
        self.model.rowsInserted.connect(lambda *_: self._update_status())
        ctx.changed.connect(self._on_changed)
        add_export(self.table, ctx, "Roster", lambda: self.model.full_reader(reader_opener(ctx)))
        bind_form(self.form, FORM, after=self._retranslate)
        self._update_buttons()

    # -- search ------------------------------------------------------------------------------
    def _scale_columns(self) -> None:
        """The default column widths, narrowed in proportion when the table is narrower than
        their sum (a 1024 px screen: district and mobile stay in view, no sideways
        scrolling); once the user drags a column, the widths are theirs."""
        available = self.table.viewport().width()
        fixed = sum(COLUMN_WIDTHS[c] for c in WHOLE_COLUMNS)
        flexible = sum(COLUMN_WIDTHS) - fixed
        factor = min(1.0, (available - fixed) / flexible) if available > 400 else 1.0
        self._scaling = True
        try:
            for column, width in enumerate(COLUMN_WIDTHS):
                if column not in WHOLE_COLUMNS:
                    width = max(70, int(width * factor))
                self.table.setColumnWidth(column, width)
        finally:
            self._scaling = False

    def _column_resized(self, *_args) -> None:
        if not getattr(self, "_scaling", False):
            self._widths_by_user = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if (
            event.type() == QEvent.Type.Resize
            and watched is self.table.viewport()
            and not self._widths_by_user
        ):
            self._scale_columns()
        return super().eventFilter(watched, event)

    def apply_search(self, force: bool = False) -> None:
        """Run the search now (the timer calls this ~150 ms after the last keystroke).

        Matching runs on a pool thread with its own connection (a hard query can take tens of
        milliseconds on 1.88M people); one search at a time, and when it returns while the
        user has typed on, the newest text is searched next."""
        self._timer.stop()
        text = self.search.text().strip()
        if text == self.model.search_text and not force:
            return
        if not text:
            self.model.set_search("")
            self._update_buttons()
            return
        if self._searching:
            return  # _found() starts the newest text when the running search returns
        self._searching = True
        conn = self.search_conn

        def task(handle):
            started = time.perf_counter()
            found = search(conn, text, limit=SEARCH_LIMIT)
            return text, found, (time.perf_counter() - started) * 1000

        self.ctx.run(task, on_done=self._found, on_error=self._search_failed, kind="search")

    def _found(self, payload) -> None:
        text, found, elapsed_ms = payload
        self._searching = False
        self.last_search_ms = elapsed_ms
        current = self.search.text().strip()
        if current != text:
            if current:
                self.apply_search(force=True)
            return
        started = time.perf_counter()
        self.model.show_results(text, found)
        self.last_show_ms = (time.perf_counter() - started) * 1000
        self._update_buttons()

    def _search_failed(self, exc: BaseException, trace: str) -> None:
        self._searching = False
        self.status.setText(say(exc))

    # -- selection and actions ---------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.data(rows[0], ID_ROLE)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def add_person(self):
        from desktop.ui.roster.person_dialog import PersonDialog

        dialog = PersonDialog(self.ctx, None, self, conn=self.conn)
        dialog.open()
        return dialog

    def edit_person(self):
        from desktop.ui.roster.person_dialog import PersonDialog

        record_id = self.selected_id()
        if record_id is None:
            return None
        dialog = PersonDialog(self.ctx, record_id, self, conn=self.conn)
        dialog.open()
        return dialog

    def delete_person(self) -> bool:
        record_id = self.selected_id()
        if record_id is None:
            return False
        row = participant(self.conn, record_id, living=False)
        if row is None:
            return False
        name = " / ".join(v for v in (row["name_hi"], row["name_en"]) if v)
        if not ask_yes_no(
            self,
            translate("RosterPage", "Delete person"),
            translate(
                "RosterPage",
                "Delete %1 from the roster?\n\nThe deletion is kept as a record so that it "
                "reaches the portal at the next sync.",
            ).replace("%1", name),
        ):
            return False
        store = self.ctx.store
        self.ctx.run(
            lambda handle: people.delete_person(store, record_id),
            changes=("participant",),
            on_error=lambda exc, trace: QMessageBox.critical(
                self, translate("RosterPage", "Delete person"), say(exc)
            ),
        )
        return True

    def open_import(self):
        from desktop.ui.roster.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.open()
        return dialog

    # -- refresh -----------------------------------------------------------------------------
    def _on_changed(self, kind: str) -> None:
        if kind in ("participant", "*"):
            if self.model.search_text:
                self.apply_search(force=True)
            else:
                self.model.reload()
            self._update_buttons()

    def _update_status(self) -> None:
        loaded = self.model.loaded_rows
        if self.model.search_text and loaded == 0:
            text = translate("RosterPage", "No one matches “%1”.").replace(
                "%1", self.model.search_text
            )
        elif self.model.search_text and loaded >= SEARCH_LIMIT:
            text = translate(
                "RosterPage", "The best %1 matches are shown; type more to narrow the search."
            ).replace("%1", f"{loaded:,}")
        elif self.model.search_text:
            text = translate("RosterPage", "%1 people match.").replace("%1", f"{loaded:,}")
        elif self.model.exhausted:
            text = translate("RosterPage", "%1 people shown.").replace("%1", f"{loaded:,}")
        else:
            text = translate("RosterPage", "%1 people shown; scroll down for more.").replace(
                "%1", f"{loaded:,}"
            )
        self.status.setText(text)

    def _retranslate(self) -> None:
        self.model.set_hindi(current_language() == "hi")
        self._update_status()
