"""Workshops: list and filter, plan (create / edit / copy) with sessions, participants
(roster search, nomination list, withdraw, badges), and attendance / completion with the
register and summary PDFs. A thin face over desktop.core.workshops, enrolment, completion,
badges and registers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from desktop.core import completion, enrolment, lookups, people, workshops
from desktop.core.dates import QT_DATE_FORMAT, format_date, format_range, parse_date
from desktop.core.workshops import SessionPlan, ValidationError, WorkshopPlan
from desktop.paths import files_dir
from desktop.ui.columns import ColumnFitter
from desktop.ui.context import AppContext
from desktop.ui.i18n import bind_form
from desktop.ui.pages.programme_dialog import ProgrammeDialog
from desktop.ui.pages.workshop_problems import problem_lines
from desktop.ui.uiload import embed_form, load_ui

PHASE_ROLE = Qt.ItemDataRole.UserRole + 1
SESSION_COLUMNS = ("date", "start_time", "end_time", "topic_en", "topic_hi", "trainer")
TITLE_COLUMN, MODE_COLUMN, SESSIONS_COLUMN = 1, 2, 3  # in the workshop list
TOPIC_COLUMNS = (3, 4)  # in the sessions table: English and Hindi
PCT_COLUMN, TO_COME_COLUMN, ELIGIBLE_COLUMN, WHY_COLUMN = 3, 4, 5, 6  # completion table


def date_range(start: str | None, end: str | None) -> str:
    """A workshop's dates in one short cell, in the one date style: '30-11-2026',
    '30-11 – 01-12-2026' (same year) or both dates in full."""
    return format_range(start, end, short=True)


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class WorkshopsPage(QWidget):
    """`today` and `open_file` are injectable for tests (no viewer is started there)."""

    def __init__(self, ctx: AppContext, today: Callable[[], date] | None = None) -> None:
        super().__init__()
        self.setObjectName("workshopsPage")
        self.ctx = ctx
        self.store = ctx.store  # writes, inside ctx.run tasks
        try:  # reads on the GUI thread use their own connection (never wait for a commit)
            self.reader = ctx.store.reader()
        except Exception:  # in-memory database (tests): the one connection
            self.reader = ctx.store
        if self.reader is not ctx.store:  # the page's own connection ends with the page
            self.destroyed.connect(lambda *_args, reader=self.reader: reader.close())
        self._dirty = False
        self.today = today or date.today
        #: the time the completion tab judges which sessions have been held by
        self.now: Callable[[], datetime] = lambda: datetime.combine(
            self.today(), datetime.now().time()
        )
        self.open_file: Callable[[Path], None] = lambda p: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(p))
        )
        self.form = load_ui("workshops.ui", self)
        bind_form(self.form, "workshops.ui", after=lambda: self._retranslate())
        embed_form(self, self.form)
        f = self.form
        find = f.findChild
        self.when = find(QComboBox, "whenCombo")
        self.mode_filter = find(QComboBox, "modeFilterCombo")
        self.search = find(QLineEdit, "searchEdit")
        self.table: QTableWidget = find(QTableWidget, "workshopTable")
        self.tabs: QTabWidget = find(QTabWidget, "detailTabs")
        self.copy_date: QDateEdit = find(QDateEdit, "copyDate")
        self.programme = find(QComboBox, "programmeCombo")
        self.title_en = find(QLineEdit, "titleEnEdit")
        self.title_hi = find(QLineEdit, "titleHiEdit")
        self.mode = find(QComboBox, "modeCombo")
        self.venue = find(QLineEdit, "venueEdit")
        self.district = find(QComboBox, "districtCombo")
        self.department = find(QLineEdit, "departmentEdit")
        self.start_date: QDateEdit = find(QDateEdit, "startDate")
        self.end_date: QDateEdit = find(QDateEdit, "endDate")
        for edit in (self.copy_date, self.start_date, self.end_date):
            edit.setDisplayFormat(QT_DATE_FORMAT)  # the one date style (05-12-2026)
        self.trainers = find(QLineEdit, "trainersEdit")
        self.sessions: QTableWidget = find(QTableWidget, "sessionTable")
        self.error = find(QLabel, "errorLabel")
        self.roster_search = find(QLineEdit, "rosterSearch")
        self.roster_results: QListWidget = find(QListWidget, "rosterResults")
        self.enrolled_label = find(QLabel, "enrolledLabel")
        self.enrolled_table: QTableWidget = find(QTableWidget, "enrolledTable")
        self.rule_label = find(QLabel, "ruleLabel")
        self.late_check: QCheckBox = find(QCheckBox, "lateCheck")
        self.excused_check: QCheckBox = find(QCheckBox, "excusedCheck")
        self.completion_table: QTableWidget = find(QTableWidget, "completionTable")
        self.register_session = find(QComboBox, "registerSessionCombo")
        self.buttons = {b.objectName(): b for b in f.findChildren(QPushButton)}
        splitter = find(QSplitter, "splitter")
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([580, 700])  # the plan pane needs the width more at 1024 px
        self.workshop_id: str | None = None
        self._setup()
        self.refresh()
        self._select_first()
        ctx.changed.connect(self._on_changed)
        self._ready = True

    # -- set-up ----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        """After a language switch: texts set in code (the form's own are re-read by
        bind_form), then the lists, whose cells carry translated words."""
        if not getattr(self, "_ready", False):
            return
        for combo, texts in (
            (self.when, (self.tr("All"), self.tr("Upcoming"), self.tr("Running"), self.tr("Past"))),
            (
                self.mode_filter,
                (self.tr("Institute and field"), self.tr("Institute"), self.tr("Field")),
            ),
            (self.mode, (self.tr("Institute"), self.tr("Field"))),
        ):
            for index, text in enumerate(texts):
                combo.setItemText(index, text)
        hindi = QLocale().language() == QLocale.Language.Hindi
        names = {
            code: (hi if hindi else en)
            for code, (en, hi) in lookups.district_names(self.reader).items()
        }
        for index in range(self.district.count()):
            code = self.district.itemData(index)
            self.district.setItemText(index, f"{names.get(code, code)} ({code})")
        self._apply_headers()
        current = self.programme.currentData()
        self._load_programmes()
        self.programme.setCurrentIndex(max(0, self.programme.findData(current)))
        self.refresh()

    def _apply_headers(self) -> None:
        for table, labels in (
            (
                self.table,
                (
                    self.tr("Dates"),
                    self.tr("Title"),
                    self.tr("Mode"),
                    self.tr("Sessions"),
                    self.tr("Enrolled"),
                    self.tr("Status"),
                ),
            ),
            (
                self.sessions,
                (
                    self.tr("Date"),
                    self.tr("Start"),
                    self.tr("End"),
                    self.tr("Topic (English)"),
                    self.tr("Topic (Hindi)"),
                    self.tr("Trainer"),
                ),
            ),
            (self.enrolled_table, self._enrolled_labels()),
        ):
            table.setHorizontalHeaderLabels(list(labels))
        self._completion_headers()  # its labels depend on whether the workshop is running

    def _enrolled_labels(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Employee code"),
            self.tr("Designation"),
            self.tr("Source"),
            self.tr("Status"),
        ]

    def _completion_labels(self, running: bool) -> list[str]:
        """Part-way through a workshop the table tells what is still possible, not a
        decision: its headings say which it shows."""
        return list(
            (
                self.tr("Name"),
                self.tr("Code"),
                self.tr("Attended so far"),
                self.tr("% so far"),
                self.tr("To come"),
                self.tr("Can complete"),
                self.tr("What it takes"),
            )
            if running
            else (
                self.tr("Name"),
                self.tr("Code"),
                self.tr("Attended"),
                self.tr("%"),
                self.tr("To come"),
                self.tr("Eligible"),
                self.tr("Why not"),
            )
        )

    def _completion_headers(self) -> None:
        running = getattr(self, "_completion_running", False)
        self.completion_table.setHorizontalHeaderLabels(self._completion_labels(running))
        # The pane is narrow: part-way through, "what it takes" says whether the person can
        # complete, and the % so far is in the tooltip; at the end nothing is to come.
        self.completion_table.setColumnHidden(TO_COME_COLUMN, not running)
        for column in (PCT_COLUMN, ELIGIBLE_COLUMN):
            self.completion_table.setColumnHidden(column, running)

    def _setup(self) -> None:
        for text, value in (
            (self.tr("All"), None),
            (self.tr("Upcoming"), "upcoming"),
            (self.tr("Running"), "running"),
            (self.tr("Past"), "past"),
        ):
            self.when.addItem(text, value)
        for combo in (self.mode_filter, self.mode):
            if combo is self.mode_filter:
                combo.addItem(self.tr("Institute and field"), None)
            combo.addItem(self.tr("Institute"), "institute")
            combo.addItem(self.tr("Field"), "field")
        hindi = QLocale().language() == QLocale.Language.Hindi
        for code, en, hi in lookups.districts(self.reader):
            self.district.addItem(f"{hi if hindi else en} ({code})", code)
        self._load_programmes()
        _set_columns(
            self.table,
            [
                self.tr("Dates"),
                self.tr("Title"),
                self.tr("Mode"),
                self.tr("Sessions"),
                self.tr("Enrolled"),
                self.tr("Status"),
            ],
            stretch=(TITLE_COLUMN,),
        )
        self.table.verticalHeader().hide()
        # Titles of one programme differ only at their end ("… — batch 4"): wrap them
        # instead of eliding, so every row of the list can be told apart.
        _wrap_rows(self.table)
        # A narrow window (1024 px, Hindi headings) keeps the titles readable: the session
        # count, then the mode, step aside before the title column gets too narrow.
        self.list_columns = ColumnFitter(
            self.table, TITLE_COLUMN, optional=(SESSIONS_COLUMN, MODE_COLUMN), minimum=130
        )
        _set_columns(
            self.sessions,
            [
                self.tr("Date"),
                self.tr("Start"),
                self.tr("End"),
                self.tr("Topic (English)"),
                self.tr("Topic (Hindi)"),
                self.tr("Trainer"),
            ],
            stretch=(3, 4, 5),
        )
        # At 1024 px the plan pane is narrow: topics and trainers share the spare width and
        # wrap onto more lines (the row grows) instead of ending in '…'; each topic cell
        # also shows both languages in full as its tooltip.
        _wrap_rows(self.sessions)
        self.sessions.verticalHeader().hide()  # row numbers: width the topics need at 1024 px
        self.sessions.itemChanged.connect(self._session_item_changed)
        _set_columns(self.enrolled_table, self._enrolled_labels(), stretch=(0,))
        _set_columns(
            self.completion_table, self._completion_labels(False), stretch=(0, WHY_COLUMN)
        )
        # Bilingual names and the reasons are the point of these two tables: wrap, not elide.
        _wrap_rows(self.enrolled_table)
        self.enrolled_columns = ColumnFitter(self.enrolled_table, 0, optional=(3, 2), minimum=130)
        _wrap_rows(self.completion_table)
        self.copy_date.setDate(
            QDate.fromString((self.today() + timedelta(days=7)).isoformat(), Qt.DateFormat.ISODate)
        )
        self.when.currentIndexChanged.connect(self.refresh)
        self.mode_filter.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self._change_timer = QTimer(self)
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(400)
        self._change_timer.timeout.connect(self._refresh_if_dirty)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.roster_search.textChanged.connect(lambda _t: self._roster_timer.start())
        self._roster_timer = QTimer(self)
        self._roster_timer.setSingleShot(True)
        self._roster_timer.setInterval(150)
        self._roster_timer.timeout.connect(self.search_roster)
        self.roster_search.returnPressed.connect(self.search_roster)
        self.roster_results.itemDoubleClicked.connect(lambda _i: self.enrol_selected())
        self.enrolled_table.itemDoubleClicked.connect(
            lambda item: self.open_detail(item.data(Qt.ItemDataRole.UserRole))
        )
        b = self.buttons
        b["newButton"].clicked.connect(self.new_workshop)
        b["programmesButton"].clicked.connect(self.edit_programmes)
        b["copyButton"].clicked.connect(self.copy_selected)
        b["saveButton"].clicked.connect(self.save)
        b["addSessionButton"].clicked.connect(self.add_session)
        b["addDayButton"].clicked.connect(self.add_day)
        b["removeSessionButton"].clicked.connect(self.remove_session)
        b["enrolButton"].clicked.connect(self.enrol_selected)
        b["withdrawButton"].clicked.connect(self.withdraw_selected)
        b["importButton"].clicked.connect(self.import_nominations)
        b["badgesButton"].clicked.connect(self.badges_pdf)
        b["registerButton"].clicked.connect(self.register_pdf)
        b["summaryButton"].clicked.connect(self.summary_pdf)
        self.late_check.toggled.connect(self._rule_changed)
        self.excused_check.toggled.connect(self._rule_changed)

    def _load_programmes(self) -> None:
        self.programme.clear()
        hindi = QLocale().language() == QLocale.Language.Hindi
        for p in workshops.list_programmes(self.reader):
            title = (p["title_hi"] if hindi else p["title_en"]) or p["title_en"]
            self.programme.addItem(
                self.tr("{code} — {title} (min. {pct}%)").format(
                    code=p["code"], title=title, pct=p["min_attendance_pct"]
                ),
                p["id"],
            )

    def edit_programmes(self) -> ProgrammeDialog:
        """Add or edit programmes (the writer connection: a small, rare, modal edit)."""
        dialog = ProgrammeDialog(self.store, self)

        def saved(_result: int) -> None:
            if dialog.saved_id:
                self._load_programmes()
                self.programme.setCurrentIndex(max(0, self.programme.findData(dialog.saved_id)))
                self.ctx.notify("programme")

        dialog.finished.connect(saved)
        dialog.open()
        return dialog

    def _on_changed(self, kind: str) -> None:
        """Redraw only when shown, and at most a few times a second: the desk notifies
        'attendance' on every scan, and a hidden page must not query for each of them."""
        if kind not in ("workshop", "session", "enrolment", "attendance", "programme"):
            return
        self._dirty = True
        if self.isVisible():
            self._change_timer.start()

    def _refresh_if_dirty(self) -> None:
        if self._dirty and self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._refresh_if_dirty()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # A hidden (or closed) page must not touch the database from a pending timer.
        for timer in (self._change_timer, self._search_timer, self._roster_timer):
            timer.stop()
        super().hideEvent(event)

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
            "upcoming": self.tr("upcoming"),
            "running": self.tr("running"),
            "past": self.tr("past"),
        }
        modes = {"institute": self.tr("Institute"), "field": self.tr("Field")}
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

    # -- plan ------------------------------------------------------------------------------
    def _show_detail(self) -> None:
        enabled = self.workshop_id is not None
        for tab in (1, 2):
            self.tabs.setTabEnabled(tab, enabled)
        if not enabled:
            return
        try:
            plan = workshops.plan_of(self.reader, self.workshop_id)
        except Exception:  # deleted meanwhile (sync)
            self.workshop_id = None
            return
        self.fill_plan(plan)
        self._show_people()
        self._show_completion()

    def fill_plan(self, plan: WorkshopPlan) -> None:
        self.programme.setCurrentIndex(max(0, self.programme.findData(plan.programme_id)))
        self.title_en.setText(plan.title_en)
        self.title_hi.setText(plan.title_hi or "")
        self.mode.setCurrentIndex(max(0, self.mode.findData(plan.mode)))
        self.venue.setText(plan.venue)
        self.district.setCurrentIndex(max(0, self.district.findData(plan.district_code)))
        self.department.setText(plan.department or "")
        self.start_date.setDate(QDate.fromString(plan.start_date, Qt.DateFormat.ISODate))
        self.end_date.setDate(QDate.fromString(plan.end_date, Qt.DateFormat.ISODate))
        self.trainers.setText(", ".join(plan.trainers))
        self.sessions.setRowCount(0)
        for s in plan.sessions:
            self._append_session(s)
        self.error.clear()

    def _append_session(self, s: SessionPlan) -> None:
        r = self.sessions.rowCount()
        self.sessions.blockSignals(True)
        self.sessions.insertRow(r)
        for c, name in enumerate(SESSION_COLUMNS):
            value = getattr(s, name) or ""
            item = QTableWidgetItem(format_date(value) if name == "date" else value)
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.sessions.setItem(r, c, item)
        self.sessions.blockSignals(False)
        self._topic_tooltips(r)

    def _session_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() in TOPIC_COLUMNS:
            self._topic_tooltips(item.row())

    def _topic_tooltips(self, row: int) -> None:
        """Both topics of the row, whole, as the tooltip of each topic cell."""
        text = "\n".join(t for t in (self._cell(row, c) for c in TOPIC_COLUMNS) if t)
        self.sessions.blockSignals(True)
        for c in TOPIC_COLUMNS:
            item = self.sessions.item(row, c)
            if item is not None:
                item.setToolTip(text)
        self.sessions.blockSignals(False)

    def new_workshop(self) -> None:
        self.workshop_id = None
        self.table.clearSelection()
        day = self.today().isoformat()
        self.fill_plan(
            WorkshopPlan(
                programme_id=self.programme.currentData() or "",
                title_en="",
                mode="institute",
                venue="",
                district_code=self.district.currentData() or "",
                start_date=day,
                end_date=day,
                sessions=[SessionPlan(day, "10:00", "11:30", "")],
            )
        )
        self.tabs.setCurrentIndex(0)
        for tab in (1, 2):
            self.tabs.setTabEnabled(tab, False)
        self.title_en.setFocus()

    def add_session(self) -> None:
        """A new row after the last: same day and length, half an hour after it ends."""
        last = self._sessions_from_table()[-1:]
        if not last:
            day = self.start_date.date().toString(Qt.DateFormat.ISODate)
            self._append_session(SessionPlan(day, "09:30", "11:00", ""))
            return
        try:
            begin, finish = _minutes(last[0].start_time), _minutes(last[0].end_time)
        except ValueError:
            begin, finish = 9 * 60 + 30, 11 * 60
        start = min(finish + 30, 22 * 60)
        end = min(start + max(30, finish - begin), 23 * 60 + 59)
        self._append_session(SessionPlan(last[0].date, _hhmm(start), _hhmm(end), ""))

    def add_day(self) -> None:
        """Copy the last day's sessions to the next day and extend the end date."""
        current = self._sessions_from_table()
        if not current:
            self.add_session()
            return
        last_day = max(s.date for s in current)
        try:
            next_day = workshops.shift_days(last_day, 1)
        except ValueError:
            return
        for s in [s for s in current if s.date == last_day]:
            self._append_session(
                SessionPlan(next_day, s.start_time, s.end_time, s.topic_en, s.topic_hi, s.trainer)
            )
        self.end_date.setDate(QDate.fromString(next_day, Qt.DateFormat.ISODate))

    def remove_session(self) -> None:
        rows = sorted({i.row() for i in self.sessions.selectedIndexes()}, reverse=True)
        for r in rows or [self.sessions.rowCount() - 1]:
            if r >= 0:
                self.sessions.removeRow(r)

    def _cell(self, r: int, c: int) -> str:
        item = self.sessions.item(r, c)
        return item.text().strip() if item else ""

    def _sessions_from_table(self) -> list[SessionPlan]:
        out = []
        for r in range(self.sessions.rowCount()):
            first = self.sessions.item(r, 0)
            out.append(
                SessionPlan(
                    date=parse_date(self._cell(r, 0)),  # shown 05-12-2026, stored ISO
                    start_time=self._cell(r, 1),
                    end_time=self._cell(r, 2),
                    topic_en=self._cell(r, 3),
                    topic_hi=self._cell(r, 4) or None,
                    trainer=self._cell(r, 5) or None,
                    id=first.data(Qt.ItemDataRole.UserRole) if first else None,
                )
            )
        return out

    def plan_from_form(self) -> WorkshopPlan:
        return WorkshopPlan(
            programme_id=self.programme.currentData() or "",
            title_en=self.title_en.text(),
            title_hi=self.title_hi.text() or None,
            mode=self.mode.currentData(),
            venue=self.venue.text(),
            district_code=self.district.currentData() or "",
            department=self.department.text() or None,
            start_date=self.start_date.date().toString(Qt.DateFormat.ISODate),
            end_date=self.end_date.date().toString(Qt.DateFormat.ISODate),
            trainers=[t.strip() for t in self.trainers.text().split(",") if t.strip()],
            sessions=self._sessions_from_table(),
        )

    def save(self) -> None:
        plan = self.plan_from_form()
        existing = self.workshop_id

        def task(_h):
            if existing:
                workshops.update_workshop(self.store, existing, plan)
                return existing
            return workshops.create_workshop(self.store, plan)

        self.ctx.run(task, on_done=self._saved, on_error=self._save_failed)

    def _saved(self, workshop_id: str) -> None:
        self.workshop_id = workshop_id
        self.error.setStyleSheet("color: #1b5e20;")
        self.ctx.notify("workshop")
        self.refresh()
        self.error.setText(self.tr("Saved."))

    def _save_failed(self, exc: BaseException, _trace: str) -> None:
        self.error.setStyleSheet("color: #b71c1c;")
        if isinstance(exc, ValidationError):
            self.error.setText(problem_lines(exc.problems))
        else:
            self.error.setText(str(exc))

    def copy_selected(self) -> None:
        if not self.workshop_id:
            return
        start = self.copy_date.date().toString(Qt.DateFormat.ISODate)
        source = self.workshop_id
        self.ctx.run(
            lambda _h: workshops.copy_workshop(self.store, source, start),
            on_done=self._saved,
            on_error=self._save_failed,
        )

    # -- participants ----------------------------------------------------------------------
    def _show_people(self) -> None:
        rows = enrolment.enrolled(self.reader, self.workshop_id, include_withdrawn=True)
        sources = {
            "nominated": self.tr("nominated"),
            "walk_in": self.tr("walk-in"),
            "imported": self.tr("imported"),
        }
        statuses = {"enrolled": self.tr("enrolled"), "withdrawn": self.tr("withdrawn")}
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
        self.enrolled_label.setText(self.tr("{n} enrolled").format(n=active))
        self.enrolled_columns.fit()

    def open_detail(self, participant_id: str):
        """A participant's attendance history in this workshop (who, when, desk, method)."""
        from desktop.ui.pages.attendance import AttendanceDetail

        if not participant_id or not self.workshop_id:
            return None
        dialog = AttendanceDetail(self.reader, participant_id, self.workshop_id, self)
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

        self.ctx.run(task, on_done=lambda _r: self._people_changed())

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

        self.ctx.run(task, on_done=lambda _r: self._people_changed())

    def _people_changed(self) -> None:
        self.ctx.notify("enrolment")
        self._show_people()
        self._show_completion()

    def import_nominations(self, path: str | None = None) -> enrolment.NominationResult | None:
        if not self.workshop_id:
            return None
        if not isinstance(path, str):
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Nomination list"),
                "",
                self.tr("Lists (*.csv *.xlsx *.txt);;All files (*)"),
            )
        if not path:
            return None
        workshop_id, outcome = self.workshop_id, {}

        def task(_h):
            return enrolment.import_nominations(self.store, workshop_id, path)

        def failed(exc, _trace):
            self.enrolled_label.setText(str(exc))

        def done(result):
            outcome["result"] = result
            self._people_changed()
            text = self.tr(
                "{enrolled} enrolled, {already} already enrolled, {new} new in the "
                "roster, {rejected} rejected"
            ).format(
                enrolled=result.enrolled,
                already=result.already,
                new=result.created_people,
                rejected=len(result.rejected),
            )
            if result.rejected:
                text += "\n" + "\n".join(
                    self.tr("row {row}: {message}").format(**e) for e in result.rejected[:8]
                )
            self.enrolled_label.setText(text)

        self.ctx.run(task, on_done=done, on_error=failed)
        return outcome.get("result")  # filled at once by the synchronous test runner

    # -- completion and PDFs ---------------------------------------------------------------
    def _show_completion(self) -> None:
        workshop = self.reader.require("workshop", self.workshop_id)
        rule = completion.rule_for_programme(self.reader, workshop["programme_id"])
        for box, value in (
            (self.late_check, rule.late_counts_present),
            (self.excused_check, rule.excused_excluded),
        ):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
        names = {p["id"]: p for p in enrolment.enrolled(self.reader, self.workshop_id)}
        finished = workshops.phase(workshop, self.today()) == "past"
        self._completion_running = not finished
        self._completion_headers()
        if finished:
            rows = self._final_rows(rule, names)
        else:
            rows = self._running_rows(rule, names)
        self.completion_table.setRowCount(len(rows))
        for row, (values, tooltip, colour) in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if colour:
                    item.setBackground(QColor(colour))
                if tooltip:
                    item.setToolTip(tooltip)
                self.completion_table.setItem(row, c, item)
        self.register_session.clear()
        hindi = QLocale().language() == QLocale.Language.Hindi
        for s in workshops.sessions_of(self.reader, self.workshop_id):
            topic = (s["topic_hi"] if hindi else s["topic_en"]) or s["topic_en"] or ""
            self.register_session.addItem(
                f"{format_date(s['date'])} {s['start_time']} {topic}", s["id"]
            )

    @staticmethod
    def _name(p: dict) -> str:
        return " / ".join(n for n in (p.get("name_hi"), p.get("name_en")) if n)

    def _final_rows(self, rule: completion.Rule, names: dict) -> list:
        """The completion decision of a workshop that has ended."""
        results = completion.evaluate_workshop(self.reader, self.workshop_id)
        eligible = sum(r.eligible for r in results)
        self.rule_label.setText(
            self.tr("Minimum attendance {pct}%. Eligible: {eligible} of {total}.").format(
                pct=rule.min_attendance_pct, eligible=eligible, total=len(results)
            )
        )
        # The cell stays short (Attended and % sit beside it); the tooltip says it in full.
        reasons = {
            "below_minimum": self.tr("below the {min}% minimum"),
            "all_excused": self.tr("excused from every session"),
            "no_sessions": self.tr("the workshop has no sessions"),
        }
        full_reasons = {
            **reasons,
            "below_minimum": self.tr("attended {attended} of {counted} ({pct}%), below {min}%"),
        }
        results.sort(
            key=lambda r: (r.eligible, (names.get(r.participant_id) or {}).get("name_en") or "")
        )
        rows = []
        for r in results:
            p = names.get(r.participant_id, {})
            fields = {
                "attended": r.attended,
                "counted": r.counted,
                "pct": f"{r.pct:g}",
                "min": rule.min_attendance_pct,
            }
            why = "" if r.eligible else reasons.get(r.reason_code, r.reason).format(**fields)
            full = "" if r.eligible else full_reasons.get(r.reason_code, r.reason).format(**fields)
            values = [
                self._name(p),
                p.get("employee_code") or "",
                f"{r.attended}/{r.counted}",
                f"{r.pct:g}",
                "",
                self.tr("yes") if r.eligible else self.tr("no"),
                why,
            ]
            rows.append((values, full, None if r.eligible else "#fdecea"))
        return rows

    def _running_rows(self, rule: completion.Rule, names: dict) -> list:
        """Part-way through: attended of the sessions held so far, the sessions to come
        (not counted as absences) and what each person must still attend to complete."""
        standings = completion.standings(self.reader, self.workshop_id, self.now())
        sessions = len(workshops.sessions_of(self.reader, self.workshop_id))
        held = standings[0].held if standings else 0
        can = sum(s.can_complete for s in standings)
        reached = sum(s.needed == 0 for s in standings)
        self.rule_label.setText(
            self.tr(
                "Minimum attendance {pct}%. The workshop has not ended: {held} of {sessions} "
                "sessions held so far. Can still complete: {can} of {total} (minimum already "
                "reached: {reached})."
            ).format(
                pct=rule.min_attendance_pct,
                held=held,
                sessions=sessions,
                can=can,
                total=len(standings),
                reached=reached,
            )
        )
        standings.sort(
            key=lambda s: (
                s.can_complete,
                -(s.needed or 0),
                (names.get(s.participant_id) or {}).get("name_en") or "",
            )
        )
        rows = []
        for s in standings:
            p = names.get(s.participant_id, {})
            so_far = s.so_far
            fields = {
                "attended": so_far.attended,
                "counted": so_far.counted,
                "pct": f"{so_far.pct:g}",
                "needed": s.needed,
                "remaining": s.remaining,
                "min": rule.min_attendance_pct,
            }
            colour = None
            if s.needed is None:
                note = self.tr("can no longer reach {min}%")
                full = self.tr(
                    "Attended {attended} of {counted} sessions held so far ({pct}%): even at every "
                    "session to come ({remaining}) the {min}% minimum cannot be reached."
                )
                colour = "#fdecea"
            elif s.needed == 0:
                note = self.tr("minimum reached")
                full = self.tr(
                    "Attended {attended} of {counted} sessions held so far ({pct}%): the {min}% "
                    "minimum is reached whatever happens in the {remaining} to come."
                )
            else:
                note = self.tr("must attend {needed} of {remaining}")
                full = self.tr(
                    "Attended {attended} of {counted} sessions held so far ({pct}%): must attend "
                    "{needed} of the {remaining} sessions to come to reach {min}%."
                )
                if s.needed == s.remaining:
                    colour = "#fff4e0"  # no session more may be missed
            values = [
                self._name(p),
                p.get("employee_code") or "",
                f"{so_far.attended}/{so_far.counted}",
                f"{so_far.pct:g}" if so_far.counted else "–",
                str(s.remaining),
                self.tr("yes") if s.can_complete else self.tr("no"),
                note.format(**fields),
            ]
            rows.append((values, full.format(**fields), colour))
        return rows

    def _rule_changed(self) -> None:
        if not self.workshop_id:
            return
        workshop = self.reader.require("workshop", self.workshop_id)
        late, excused = self.late_check.isChecked(), self.excused_check.isChecked()
        self.ctx.run(
            lambda _h: completion.set_rule(
                self.store,
                workshop["programme_id"],
                late_counts_present=late,
                excused_excluded=excused,
            ),
            on_done=lambda _r: self._show_completion(),
        )

    def _out_dir(self) -> Path:
        import tempfile

        base = (
            files_dir(self.ctx.db_path)
            if self.ctx.db_path
            else Path(tempfile.gettempdir()) / "karmayogi-desk"
        )
        out = base / "workshops"
        out.mkdir(parents=True, exist_ok=True)
        return out

    def _make_pdf(self, name: str, make: Callable[[Any, Path], Any]) -> None:
        path = self._out_dir() / name

        def task(_h):
            # PDFs are drawn on the general pool with their own connection (WAL readers
            # never wait for the writer).
            try:
                reader = self.store.reader()
            except Exception:  # in-memory database (tests): the one connection
                reader = None
            try:
                make(reader or self.store, path)
            finally:
                if reader is not None:
                    reader.close()
            return path

        self.ctx.run(
            task,
            on_done=self.open_file,
            on_error=lambda exc, _t: self.error.setText(str(exc)),
            kind="pdf",
        )

    def badges_pdf(self) -> None:
        from desktop.core.badges import badges_pdf

        if self.workshop_id:
            wid = self.workshop_id
            self._make_pdf(f"badges-{wid[:8]}.pdf", lambda st, p: badges_pdf(st, wid, p))

    def register_pdf(self) -> None:
        from desktop.core.registers import session_register_pdf

        sid = self.register_session.currentData()
        if sid:
            self._make_pdf(
                f"register-{sid[:8]}.pdf", lambda st, p: session_register_pdf(st, sid, p)
            )

    def summary_pdf(self) -> None:
        from desktop.core.registers import workshop_summary_pdf

        if self.workshop_id:
            wid = self.workshop_id
            self._make_pdf(f"summary-{wid[:8]}.pdf", lambda st, p: workshop_summary_pdf(st, wid, p))


def _set_columns(table, labels: list[str], stretch: tuple[int, ...]) -> None:
    """Header labels, with the `stretch` columns taking the spare width."""
    table.setColumnCount(len(labels))
    table.setHorizontalHeaderLabels(labels)
    header = table.horizontalHeader()
    for column in range(len(labels)):
        header.setSectionResizeMode(
            column,
            QHeaderView.ResizeMode.Stretch
            if column in stretch
            else QHeaderView.ResizeMode.ResizeToContents,
        )


def _wrap_rows(table) -> None:
    """Long cells wrap onto more lines (rows grow to fit) instead of ending in '…'."""
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def create_page(ctx: AppContext) -> QWidget:
    return WorkshopsPage(ctx)
