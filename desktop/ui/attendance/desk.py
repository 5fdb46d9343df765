"""The attendance desk: one input that always has focus, a scanner types a badge + Enter, and
a large green / amber / red panel says what happened.

Marks run on the single database worker (`ctx.run`, kind 'db'), so the GUI thread never
waits for a commit; the panel turns green only when the worker reports the COMMIT done.
Reads for suggestions and lists use a second connection, so they never queue behind a
write.

This module is the page shell (widgets, keys, focus); the rest of the page is in its
mixins: sessions.py, marking.py, walk_in.py; the detail dialog is detail.py."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import SIGNAL, SLOT, QEvent, QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core import attendance
from desktop.store import Store
from desktop.ui.attendance.detail import AttendanceDetail
from desktop.ui.attendance.marking import STATUS_CHOICES, MarkingMixin
from desktop.ui.attendance.sessions import SessionsMixin
from desktop.ui.attendance.walk_in import WalkInMixin
from desktop.ui.clock_notice import ClockNotice, place_after
from desktop.ui.context import AppContext
from desktop.ui.i18n import bind_form
from desktop.ui.table_export import add_export
from desktop.ui.uiload import child, embed_form, load_ui


class AttendancePage(SessionsMixin, MarkingMixin, WalkInMixin, QWidget):
    """The desk screen; `clock` is injectable so tests can scan "at" a given time."""

    def __init__(self, ctx: AppContext, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        # The database worker runs Python between its SQLite calls; with the default 5 ms
        # GIL switch interval the GUI thread can wait that long for every Python slot it
        # runs. 1 ms keeps the desk's feedback prompt while marks are being written.
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))
        self.setObjectName("attendancePage")
        self.ctx = ctx
        self.clock = clock or datetime.now
        self.form = load_ui("attendance_desk.ui", self)
        self._ready = False
        bind_form(self.form, "attendance_desk.ui", after=lambda: self._retranslate())
        embed_form(self, self.form)
        f = self.form
        self.session_combo: QComboBox = child(f, QComboBox, "sessionCombo")
        self.grace_spin: QSpinBox = child(f, QSpinBox, "graceSpin")
        self.window_label: QLabel = child(f, QLabel, "windowLabel")
        self.clock_notice = ClockNotice(ctx, parent=self.window_label.parentWidget())
        place_after(self.window_label, self.clock_notice)  # marks are stamped by this clock
        self.input: QLineEdit = child(f, QLineEdit, "scanInput")
        self.feedback: QFrame = child(f, QFrame, "feedbackFrame")
        self.feedback_title: QLabel = child(f, QLabel, "feedbackTitle")
        self.feedback_detail: QLabel = child(f, QLabel, "feedbackDetail")
        self.counter: QLabel = child(f, QLabel, "counterLabel")
        self.breakdown: QLabel = child(f, QLabel, "breakdownLabel")
        self.status_combo: QComboBox = child(f, QComboBox, "statusCombo")
        self.walk_box: QGroupBox = child(f, QGroupBox, "walkInBox")
        self.walk_fields = {
            name: child(f, QLineEdit, name)
            for name in (
                "walkName",
                "walkNameHi",
                "walkCode",
                "walkMobile",
                "walkDesignation",
                "walkDepartment",
            )
        }
        self.walk_error: QLabel = child(f, QLabel, "walkError")
        self.recent: QListWidget = child(f, QListWidget, "recentList")
        add_export(self.recent, ctx, "Marked at the desk")
        self.buttons = {
            name: child(f, QPushButton, name)
            for name in (
                "walkInButton",
                "detailButton",
                "undoButton",
                "reopenButton",
                "closeButton",
                "walkSave",
                "walkCancel",
            )
        }
        self.reader = self._open_reader()
        if self.reader is not ctx.store:  # the page's own connection ends with the page
            self.destroyed.connect(lambda *_args, reader=self.reader: reader.close())
        self.desk: attendance.Desk | None = None
        self.settings = attendance.load_settings(self.reader)
        self.undo_stack: list[int] = []
        self.last_result: attendance.MarkResult | None = None
        self.last_person: dict[str, Any] | None = None
        self.in_flight = 0
        self.marks_shown = 0
        self._index: list[tuple[str, dict[str, Any]]] = []
        self._suggestions: dict[str, str] = {}
        self._completed = False
        #: confirmation hook (tests replace it; the GUI asks with a message box)
        self.confirm: Callable[[str], bool] = self._ask

        self._counts: dict[str, int] | None = None
        for status in STATUS_CHOICES:
            self.status_combo.addItem(self._status_choice_label(status), status)
        self.grace_spin.setValue(self.settings.grace_minutes)
        self.walk_box.hide()
        self._setup_completer()
        self._connect()
        self.feedback.setAutoFillBackground(True)
        self._load_sessions()
        self._show_idle()
        # Everything built so far lives as long as the window: keep it out of the cyclic
        # collector's full passes, which otherwise stalled the GUI thread ~80 ms mid-queue.
        gc.freeze()
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(30_000)
        self.clock_timer.timeout.connect(self._refresh_window)
        ctx.changed.connect(self._on_changed)
        self._ready = True

    # -- set-up ----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        """After a language switch: texts set in code (the form's own are re-read by
        bind_form)."""
        if not self._ready:
            return
        for index, status in enumerate(STATUS_CHOICES):
            self.status_combo.setItemText(index, self._status_choice_label(status))
        self._load_sessions()
        self._update_counts(self._counts)
        if self.last_result is not None:
            self._show(*self._texts(self.last_result), self.last_result.colour)
        else:
            self._show_idle()

    def _open_reader(self) -> Store:
        try:
            return self.ctx.store.reader()
        except Exception:  # an in-memory database has no second connection
            return self.ctx.store

    def _status_choice_label(self, status: str | None) -> str:
        return {
            None: self.tr("Automatic (present / late)"),
            "present": self.tr("Present"),
            "late": self.tr("Late"),
            "excused": self.tr("Excused"),
            "absent": self.tr("Absent"),
        }[status]

    def _setup_completer(self) -> None:
        self.suggest_model = QStringListModel(self)
        self.completer = QCompleter(self.suggest_model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(10)
        self.completer.setWidget(self.input)
        self.completer.activated.connect(self._on_completed)
        self.suggest_timer = QTimer(self)
        self.suggest_timer.setSingleShot(True)
        self.suggest_timer.setInterval(150)  # a scanner finishes long before this fires
        self.suggest_timer.timeout.connect(self._suggest)

    def _connect(self) -> None:
        self.input.returnPressed.connect(self._on_return)
        # A native signal-to-slot connection: no Python runs per typed character, so a
        # scanner's burst of keys costs the GUI thread (and the GIL) nothing extra.
        QObject.connect(
            self.input, SIGNAL("textEdited(QString)"), self.suggest_timer, SLOT("start()")
        )
        self.session_combo.activated.connect(self._on_session_activated)
        self.grace_spin.valueChanged.connect(self._on_grace)
        b = self.buttons
        b["walkInButton"].clicked.connect(self.open_walk_in)
        b["detailButton"].clicked.connect(self.open_detail)
        b["undoButton"].clicked.connect(self.undo_last)
        b["closeButton"].clicked.connect(self.close_session)
        b["reopenButton"].clicked.connect(self.reopen_session)
        b["walkSave"].clicked.connect(self.save_walk_in)
        b["walkCancel"].clicked.connect(self.cancel_walk_in)
        for field in self.walk_fields.values():
            field.returnPressed.connect(self.save_walk_in)
        self.recent.itemDoubleClicked.connect(
            lambda item: self.open_detail(item.data(Qt.ItemDataRole.UserRole))
        )
        keys = {
            "F2": self.open_walk_in,
            "F3": self.open_detail,
            "F4": self._focus_sessions,
            "F5": lambda: self._set_next_status(None),
            "F6": lambda: self._set_next_status("late"),
            "F7": lambda: self._set_next_status("excused"),
            "F8": lambda: self._set_next_status("absent"),
            "Ctrl+Shift+X": self.close_session,
            # The desk's buttons never take the focus (the scan input keeps it), so every
            # one of them needs a key: reopening a session closed by mistake included.
            "Ctrl+Shift+R": self.reopen_session,
            "Esc": self.cancel_walk_in,
        }
        self.shortcuts = []
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        self.input.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._keep_focus)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """Ctrl+Z in the input means "undo the last mark", not "undo typing": the line edit
        would otherwise claim the key before the shortcut sees it."""
        if watched is self.input and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo_last()
                return True
        return super().eventFilter(watched, event)

    # -- focus -----------------------------------------------------------------------------
    def _keep_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The scan input gets the focus back whenever it strays inside the desk (a click
        on the list, a button), except into the walk-in form and the session picker."""
        if new is None or not self.isVisible() or new is self.input:
            return
        if new.window() is not self.window() or not self.isAncestorOf(new):
            return
        if self.walk_box.isAncestorOf(new) and self.walk_box.isVisible():
            return
        if new in (self.session_combo, self.grace_spin):
            return
        QTimer.singleShot(0, self.input.setFocus)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        # The session window (late/closed) is re-checked only while the desk is on screen,
        # so a hidden or closed page never touches the database from a timer.
        self.clock_timer.start()
        self._refresh_window()
        self.input.setFocus()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.clock_timer.stop()
        self.suggest_timer.stop()
        super().hideEvent(event)

    def _focus_sessions(self) -> None:
        self.session_combo.setFocus()
        self.session_combo.showPopup()

    # -- detail ----------------------------------------------------------------------------
    def open_detail(self, participant_id: str | None = None) -> QDialog | None:
        """A participant's attendance history in this workshop (who, when, desk, method)."""
        if not isinstance(participant_id, str):
            participant_id = (self.last_person or {}).get("id")
        if not participant_id or self.desk is None:
            self._show(self.tr("No one selected"), self.tr("Scan or pick a person first."), "amber")
            return None
        dialog = AttendanceDetail(self.reader, participant_id, self.desk.workshop["id"], self)
        add_export(dialog.table, self.ctx, "Attendance history")
        dialog.finished.connect(lambda _r: self.input.setFocus())
        dialog.open()
        return dialog


def create_page(ctx: AppContext) -> QWidget:
    return AttendancePage(ctx)
