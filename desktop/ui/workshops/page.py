"""Workshops: list and filter, plan (create / edit / copy) with sessions, participants
(roster search, nomination list, withdraw, badges), and attendance / completion with the
register and summary PDFs. A thin face over desktop.core.workshops, enrolment, completion,
badges and registers.

This module is the page shell (widgets, set-up, language switch, change notices); the
list and the tabs are its mixins: workshop_list.py, plan_tab.py, people_tab.py,
completion_tab.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from desktop.core import lookups, workshops
from desktop.core.dates import QT_DATE_FORMAT
from desktop.ui.columns import ColumnFitter
from desktop.ui.context import AppContext
from desktop.ui.i18n import bind_form
from desktop.ui.igot.panel import IgotPanel
from desktop.ui.igot.words import tr as igot_tr
from desktop.ui.table_export import add_export
from desktop.ui.uiload import child, embed_form, load_ui
from desktop.ui.workshops.completion_tab import WHY_COLUMN, CompletionTabMixin
from desktop.ui.workshops.people_tab import PeopleTabMixin
from desktop.ui.workshops.plan_tab import PlanTabMixin
from desktop.ui.workshops.programme_dialog import ProgrammeDialog
from desktop.ui.workshops.workshop_list import (
    MODE_COLUMN,
    SESSIONS_COLUMN,
    TITLE_COLUMN,
    WorkshopListMixin,
)


class WorkshopsPage(
    WorkshopListMixin, PlanTabMixin, PeopleTabMixin, CompletionTabMixin, QWidget
):
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
        find = partial(child, f)  # a renamed widget fails here, naming it
        self.when = find(QComboBox, "whenCombo")
        self.mode_filter = find(QComboBox, "modeFilterCombo")
        self.search = find(QLineEdit, "searchEdit")
        self.table: QTableWidget = find(QTableWidget, "workshopTable")
        self.tabs: QTabWidget = find(QTabWidget, "detailTabs")
        # What the selected workshop still lacks for iGOT, its link, and Forward to iGOT.
        self.igot_panel = IgotPanel(ctx, None)
        self.igot_tab = self.tabs.addTab(self.igot_panel, igot_tr("iGOT Karmayogi"))
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
        for view, name in ((self.table, "Workshops"), (self.sessions, "Sessions"),
                           (self.enrolled_table, "Enrolled people"),
                           (self.completion_table, "Completion")):
            add_export(view, ctx, name)
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
        self.tabs.setTabText(self.igot_tab, igot_tr("iGOT Karmayogi"))
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
                # By hand: the programme dialog writes itself, not through `ctx.run`.
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

    # -- detail ----------------------------------------------------------------------------
    def _show_detail(self) -> None:
        enabled = self.workshop_id is not None
        for tab in (1, 2, self.igot_tab):
            self.tabs.setTabEnabled(tab, enabled)
        if not enabled:
            return
        self.igot_panel.set_workshop(self.workshop_id)
        try:
            plan = workshops.plan_of(self.reader, self.workshop_id)
        except Exception:  # deleted meanwhile (sync)
            self.workshop_id = None
            return
        self.fill_plan(plan)
        self._show_people()
        self._show_completion()


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
