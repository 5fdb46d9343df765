"""The attendance desk: one input that always has focus, a scanner types a badge + Enter, and
a large green / amber / red panel says what happened.

Marks run on the single database worker (`ctx.run`, kind 'db'), so the GUI thread never
waits for a commit; the panel turns green only when the worker reports the COMMIT done.
Reads for suggestions and lists use a second connection, so they never queue behind a
write."""

from __future__ import annotations

import dataclasses
import gc
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import SIGNAL, SLOT, QEvent, QLocale, QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import attendance, enrolment, people, workshops
from desktop.core.dates import format_date, format_datetime
from desktop.protocol.ids import parse_ts
from desktop.store import Store
from desktop.ui.clock_notice import ClockNotice, history_text, place_after
from desktop.ui.context import AppContext
from desktop.ui.i18n import ask_yes_no, bind_form, translate_buttons
from desktop.ui.uiload import embed_form, load_ui

COLOURS = {
    "green": ("#1b7f3b", "#ffffff"),
    "amber": ("#f2a900", "#1a1a1a"),
    "red": ("#c62828", "#ffffff"),
    "idle": ("#eceff1", "#263238"),
}
PALE = {"green": "#dcf2e2", "amber": "#fff0c2", "red": "#f8d7d7"}
STATUS_CHOICES = (None, "present", "late", "excused", "absent")
RECENT_ROWS = 50  # lines in "Latest marks"


def _local_hhmm(stamp: str | None) -> str:
    return parse_ts(stamp).astimezone().strftime("%H:%M") if stamp else ""


class AttendancePage(QWidget):
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
        self.session_combo: QComboBox = f.findChild(QComboBox, "sessionCombo")
        self.grace_spin: QSpinBox = f.findChild(QSpinBox, "graceSpin")
        self.window_label: QLabel = f.findChild(QLabel, "windowLabel")
        self.clock_notice = ClockNotice(ctx, parent=self.window_label.parentWidget())
        place_after(self.window_label, self.clock_notice)  # marks are stamped by this clock
        self.input: QLineEdit = f.findChild(QLineEdit, "scanInput")
        self.feedback: QFrame = f.findChild(QFrame, "feedbackFrame")
        self.feedback_title: QLabel = f.findChild(QLabel, "feedbackTitle")
        self.feedback_detail: QLabel = f.findChild(QLabel, "feedbackDetail")
        self.counter: QLabel = f.findChild(QLabel, "counterLabel")
        self.breakdown: QLabel = f.findChild(QLabel, "breakdownLabel")
        self.status_combo: QComboBox = f.findChild(QComboBox, "statusCombo")
        self.walk_box: QGroupBox = f.findChild(QGroupBox, "walkInBox")
        self.walk_fields = {
            name: f.findChild(QLineEdit, name)
            for name in (
                "walkName",
                "walkNameHi",
                "walkCode",
                "walkMobile",
                "walkDesignation",
                "walkDepartment",
            )
        }
        self.walk_error: QLabel = f.findChild(QLabel, "walkError")
        self.recent: QListWidget = f.findChild(QListWidget, "recentList")
        self.buttons = {
            name: f.findChild(QPushButton, name)
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

    # -- sessions --------------------------------------------------------------------------
    def _load_sessions(self) -> None:
        now = self.clock()
        current = self.desk.session_id if self.desk else None
        sessions = workshops.sessions_on(self.reader, now.date())
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        for s in sessions:
            title = s["workshop_title_hi"] or s["workshop_title_en"]
            if self._english():
                title = s["workshop_title_en"] or title
            topic = (s["topic_en"] if self._english() else s["topic_hi"]) or s["topic_en"] or ""
            label = f"{s['start_time']}–{s['end_time']}  {topic} · {title}"
            self.session_combo.addItem(label, s["id"])
        self.session_combo.blockSignals(False)
        if not sessions:
            self.desk = None
            self._refresh_window()
            self._update_counts(None)
            return
        preferred = current or (workshops.default_session(self.reader, now) or {}).get("id")
        index = max(0, self.session_combo.findData(preferred))
        self.session_combo.setCurrentIndex(index)
        chosen = self.session_combo.itemData(index)
        if chosen == current:  # same session: keep the panel, the undo stack, the list
            self._build_index()
            self._refresh_window()
            self._update_counts(attendance.session_counts(self.reader, chosen))
            return
        self.select_session(chosen)

    def _english(self) -> bool:
        from PySide6.QtCore import QLocale

        return QLocale().language() != QLocale.Language.Hindi

    def _on_session_activated(self, index: int) -> None:
        self.select_session(self.session_combo.itemData(index))
        self.input.setFocus()

    def select_session(self, session_id: str | None) -> None:
        """Switch the desk to another session (index of enrolled people rebuilt)."""
        if session_id is None:
            return
        index = self.session_combo.findData(session_id)
        if index >= 0 and index != self.session_combo.currentIndex():
            self.session_combo.setCurrentIndex(index)
        self.desk = attendance.Desk(self.reader, session_id, self.settings)
        self.desk.store = self.ctx.store  # marks go through the single writer
        self.undo_stack.clear()
        self._build_index()
        self._refresh_window()
        self._update_counts(attendance.session_counts(self.reader, session_id))
        self._load_recent(session_id)
        self._show_idle()

    def _load_recent(self, session_id: str) -> None:
        """Fill "Latest marks" with the session's marks already on disk (after a restart the
        trainer still sees who was scanned), newest on top."""
        self.recent.clear()
        for row in reversed(attendance.latest_marks(self.reader, session_id, RECENT_ROWS)):
            person = {
                "id": row["participant_id"],
                "name_en": row["name_en"],
                "name_hi": row["name_hi"],
                "employee_code": row["employee_code"],
            }
            result = attendance.MarkResult(
                "marked", "", person, row["status"], None, row["marked_at"],
                row["attendance_id"],
            )
            title, detail = self._texts(result)
            when = parse_ts(row["updated_at"]).astimezone().strftime("%H:%M:%S")
            self._add_recent(result, title, detail, when)

    def _build_index(self) -> None:
        """The session's enrolled people, for instant name suggestions without the DB."""
        self._index = []
        if self.desk is None:
            return
        for person in enrolment.enrolled(self.reader, self.desk.workshop["id"]):
            from desktop.text.translit import latin_key

            hay = " ".join(
                str(v or "")
                for v in (
                    person["name_en"],
                    person["name_hi"],
                    latin_key(person["name_hi"]),
                    person["employee_code"],
                    person["mobile"],
                )
            ).lower()
            self._index.append((hay, person))

    def _refresh_window(self) -> None:
        if self.desk is None:
            self.window_label.setText(self.tr("No session today. Plan one in Workshops."))
            return
        s, w = self.desk.session, self.desk.workshop
        title = (w["title_en"] if self._english() else w["title_hi"]) or w["title_en"]
        late = timedelta(minutes=self.settings.grace_minutes) + self.desk.start()
        problem = self.desk.window_problem(self.clock(), self.reader)
        if problem is None:
            state = self.tr("open")
        elif problem.outcome == "closed":
            state = self.tr("closed")
        else:
            state = self.tr("not started")
        self.window_label.setText(
            self.tr("{title} · {date} {start}–{end} · late after {late} · {state}").format(
                title=title,
                date=format_date(s["date"]),
                start=s["start_time"],
                end=s["end_time"],
                late=late.strftime("%H:%M"),
                state=state,
            )
        )
        closed = (
            problem is not None and problem.outcome == "closed" and self.desk.closed_at(self.reader)
        )
        self.buttons["reopenButton"].setVisible(bool(closed))
        self.buttons["closeButton"].setEnabled(not closed)

    def _on_grace(self, value: int) -> None:
        self.settings = dataclasses.replace(self.settings, grace_minutes=value)
        if self.desk is not None:
            self.desk.settings = self.settings
        self.ctx.run(lambda _h: attendance.save_settings(self.ctx.store, grace_minutes=value))
        self._refresh_window()

    def _notify_own(self, kind: str) -> None:
        """Tell other screens; this desk already shows what it did."""
        self._own_notice = True
        try:
            self.ctx.notify(kind)
        finally:
            self._own_notice = False

    def _on_changed(self, kind: str) -> None:
        if getattr(self, "_own_notice", False):
            return
        if kind in ("workshop", "session", "enrolment", "participant"):
            self._load_sessions()
        elif kind == "attendance" and self.desk is not None and self.in_flight == 0:
            self._update_counts(attendance.session_counts(self.reader, self.desk.session_id))

    # -- suggestions -----------------------------------------------------------------------
    def _suggest(self) -> None:
        if not self.isVisible():
            return
        text = self.input.text().strip()
        if len(text) < 2 or people.is_uuid(text.lower()) or text.count("-") >= 2:
            self.completer.popup().hide()
            return
        tokens = text.lower().split()
        shown: dict[str, str] = {}
        for hay, person in self._index:
            if all(t in hay for t in tokens):
                shown[people.label(person)] = person["id"]
                if len(shown) >= 8:
                    break
        if len(shown) < 8 and len(text) >= 3:
            enrolled_ids = {p["id"] for _, p in self._index}
            for person in people.suggest(self.reader, text, limit=8):
                if person["id"] not in enrolled_ids:
                    shown[people.label(person) + self.tr(" — not enrolled")] = person["id"]
                if len(shown) >= 10:
                    break
        self._suggestions = shown
        self.suggest_model.setStringList(list(shown))
        if shown:
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _on_completed(self, text: str) -> None:
        participant_id = self._suggestions.get(text)
        if participant_id is None:
            return
        self._completed = True
        self.input.clear()
        self.submit(text, participant_id=participant_id)
        QTimer.singleShot(0, self._clear_completed)

    def _clear_completed(self) -> None:
        self._completed = False
        self.input.clear()

    # -- marking ---------------------------------------------------------------------------
    def _next_status(self) -> str | None:
        status = self.status_combo.currentData()
        self.status_combo.setCurrentIndex(0)  # a chosen status applies to one mark only
        return status

    def _set_next_status(self, status: str | None) -> None:
        self.status_combo.setCurrentIndex(STATUS_CHOICES.index(status))
        self.input.setFocus()

    def _on_return(self) -> None:
        self.suggest_timer.stop()
        text = self.input.text()
        self.input.clear()
        if self._completed:
            self._completed = False
            return
        if not text.strip():
            return
        self.submit(text, participant_id=self._suggestions.get(text))

    def submit(self, text: str, *, participant_id: str | None = None) -> None:
        """Mark what was scanned or picked; the result arrives on the GUI thread."""
        self.completer.popup().hide()
        desk = self.desk
        if desk is None:
            self._show(self.tr("No session selected"), self.tr("Pick a session with F4."), "red")
            return
        status = self._next_status()
        now = self.clock()

        def task(_handle):
            if participant_id:
                result = desk.mark(participant_id, now=now, status=status, method="search")
            else:
                result = desk.scan(text, now=now, status=status)
            counts = (
                attendance.session_counts(desk.store, desk.session_id) if result.stored else None
            )
            return result, counts

        self.in_flight += 1
        self.ctx.run(task, on_done=self._on_marked, on_error=self._on_failed)

    def _on_marked(self, outcome: tuple[attendance.MarkResult, dict | None]) -> None:
        self.in_flight -= 1
        result, counts = outcome
        if result.outcome == "duplicate":
            return  # the scanner fired twice: the first green stays, nothing to add
        self.show_result(result)
        if counts is not None:
            self._update_counts(counts)
        if result.stored:
            if result.history_seq is not None:
                self.undo_stack.append(result.history_seq)
            self._notify_own("attendance")

    def _on_failed(self, exc: BaseException, _trace: str) -> None:
        self.in_flight -= 1
        self._show(
            self.tr("Not saved"),
            self.tr("The mark could not be saved: {error}").format(error=exc),
            "red",
        )

    def _on_failed_quiet(self, exc: BaseException, _trace: str) -> None:
        self._show(self.tr("Not saved"), str(exc), "red")

    def show_result(self, result: attendance.MarkResult) -> None:
        self.last_result = result
        if result.participant:
            self.last_person = result.participant
        title, detail = self._texts(result)
        self._show(title, detail, result.colour)
        self._add_recent(result, title, detail)
        if result.colour != "none":
            self.marks_shown += 1

    def _texts(self, result: attendance.MarkResult) -> tuple[str, str]:
        """The panel's two lines for a result, in the current language."""
        person = result.participant or {}
        name = self._name(person)
        status = self._status_label(result.status)
        when = result.local_time()
        o = result.outcome
        if o == "marked":
            title, detail = (
                name,
                self.tr("Marked {status} at {time}").format(status=status, time=when),
            )
        elif o == "changed":
            title = name
            detail = self.tr("Changed: {old} → {new}").format(
                old=self._status_label(result.previous_status) or self.tr("not marked"),
                new=status or self.tr("not marked"),
            )
        elif o == "already":
            title, detail = (
                name,
                self.tr("Already marked {status} at {time} — nothing changed").format(
                    status=status, time=when
                ),
            )
        elif o == "not_enrolled":
            title, detail = name, self.tr("Not enrolled in this workshop. F2: register as walk-in")
        elif o == "withdrawn":
            title, detail = (
                name,
                self.tr("Withdrew from this workshop. F2: register again as walk-in"),
            )
        elif o == "other_workshop":
            title, detail = (
                name,
                self.tr("Enrolled in another workshop today. Wrong session selected?"),
            )
        elif o == "unknown":
            title = self.tr("Unknown code")
            detail = self.tr("{text} is not in the roster. F2: register as walk-in").format(
                text=result.scanned.strip()[:40]
            )
        elif o == "garbled":
            title, detail = self.tr("Unreadable scan"), self.tr("Scan the badge again.")
        elif o == "not_started":
            title = self.tr("Session not started")
            detail = self.tr(
                "This session is on {date} at {time}. Is the right session selected?"
            ).format(
                date=format_date(self.desk.session["date"]), time=self.desk.session["start_time"]
            )
        elif o == "closed":
            title = self.tr("Session closed")
            detail = self.tr("Nothing was marked. Reopen the session or pick today's.")
        else:
            title, detail = o, result.message
        return title, detail

    def _name(self, person: dict[str, Any]) -> str:
        names = [person.get("name_hi"), person.get("name_en")]
        text = "\n".join(n for n in names if n) or self.tr("(no name)")
        if person.get("employee_code"):
            text += f"  ·  {person['employee_code']}"
        return text

    def _status_label(self, status: str | None) -> str:
        return {
            "present": self.tr("present"),
            "late": self.tr("late"),
            "excused": self.tr("excused"),
            "absent": self.tr("absent"),
        }.get(status or "", "")

    def _show(self, title: str, detail: str, colour: str) -> None:
        if self.feedback.property("state") != colour:
            # A palette change is cheap; re-parsing a style sheet per scan cost up to 20 ms.
            background, foreground = COLOURS[colour]
            palette = self.feedback.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(background))
            palette.setColor(QPalette.ColorRole.WindowText, QColor(foreground))
            self.feedback.setPalette(palette)
            self.feedback.setProperty("state", colour)
        self.feedback_title.setText(title)
        self.feedback_detail.setText(detail)
        if colour == "red":
            QApplication.beep()

    def _show_idle(self) -> None:
        self._show(self.tr("Ready"), self.tr("Scan a badge or type a name."), "idle")

    def _add_recent(
        self,
        result: attendance.MarkResult,
        title: str,
        detail: str,
        when: str | None = None,
    ) -> None:
        if result.colour == "none":
            return
        mark = {"green": "✔", "amber": "●", "red": "✖"}[result.colour]
        when = when or self.clock().strftime("%H:%M:%S")
        line = f"{when}  {mark}  {title.replace(chr(10), ' / ')}  — {detail}"
        item = QListWidgetItem(line)
        item.setData(Qt.ItemDataRole.UserRole, (result.participant or {}).get("id"))
        item.setBackground(QColor(PALE[result.colour]))
        self.recent.insertItem(0, item)
        while self.recent.count() > RECENT_ROWS:
            self.recent.takeItem(self.recent.count() - 1)

    def _update_counts(self, counts: dict[str, int] | None) -> None:
        self._counts = counts
        if not counts:
            self.counter.setText("0 / 0")
            self.breakdown.setText("")
            return
        self.counter.setText(self.tr("{marked} / {enrolled} marked").format(**counts))
        self.breakdown.setText(
            self.tr("present {present} · late {late} · excused {excused} · absent {absent}").format(
                **counts
            )
        )

    # -- undo, close -----------------------------------------------------------------------
    def undo_last(self) -> None:
        if not self.undo_stack or self.desk is None:
            self._show(self.tr("Nothing to undo"), self.tr("No mark made here yet."), "amber")
            return
        seq = self.undo_stack.pop()
        desk = self.desk

        def task(_h):
            result = desk.undo(seq)
            return result, attendance.session_counts(desk.store, desk.session_id)

        def done(outcome):
            result, counts = outcome
            self._update_counts(counts)
            if result.outcome == "changed":
                self._show(
                    self._name(result.participant or {}),
                    self.tr("Undone: now {status}").format(
                        status=self._status_label(result.status) or self.tr("not marked")
                    ),
                    "amber",
                )
                self._notify_own("attendance")
            else:
                self._show(
                    self.tr("Cannot undo"),
                    self.tr("This mark was changed since (another desk or a later mark)."),
                    "red",
                )
            self.input.setFocus()

        self.ctx.run(task, on_done=done, on_error=self._on_failed_quiet)

    def close_session(self) -> None:
        if self.desk is None:
            return
        counts = attendance.session_counts(self.reader, self.desk.session_id)
        rest = counts["enrolled"] - counts["marked"]
        if not self.confirm(
            self.tr("Close this session and mark the {rest} people without a mark absent?").format(
                rest=rest
            )
        ):
            self.input.setFocus()
            return
        desk, now = self.desk, self.clock()

        def task(_h):
            made = desk.close(now=now)
            return made, attendance.session_counts(desk.store, desk.session_id)

        def done(outcome):
            made, counts = outcome
            self._update_counts(counts)
            self._refresh_window()
            self._show(
                self.tr("Session closed"),
                self.tr("{made} people marked absent. Scans are now refused.").format(made=made),
                "amber",
            )
            self._notify_own("attendance")
            self.input.setFocus()

        self.ctx.run(task, on_done=done, on_error=self._on_failed_quiet)

    def reopen_session(self) -> None:
        if self.desk is None:
            return
        desk = self.desk
        if not desk.closed_at(self.reader):
            self._show(
                self.tr("Session open"),
                self.tr("This session is not closed; there is nothing to reopen."),
                "amber",
            )
            return

        def done(_result) -> None:
            self._refresh_window()
            self._show(self.tr("Session reopened"), self.tr("Scans are accepted again."), "idle")
            self.input.setFocus()

        self.ctx.run(lambda _h: desk.reopen(), on_done=done, on_error=self._on_failed_quiet)

    def _ask(self, text: str) -> bool:
        # ask_yes_no: Yes/No in the GUI's language (Qt ships no Hindi for its own buttons).
        return ask_yes_no(self, self.tr("Attendance desk"), text)

    # -- walk-ins --------------------------------------------------------------------------
    def open_walk_in(self) -> None:
        """F2: after a red 'not enrolled' the person is enrolled as a walk-in at once; after
        an unknown code the form opens with the code (or mobile) filled in."""
        if self.desk is None:
            return
        result = self.last_result
        if (
            result is not None
            and result.outcome in ("not_enrolled", "withdrawn", "other_workshop")
            and result.participant
        ):
            self._enrol_known(result.participant)
            return
        for field in self.walk_fields.values():
            field.clear()
        self.walk_error.clear()
        if result is not None and result.outcome == "unknown":
            scanned = result.scanned.strip()
            if people.is_mobile(scanned):
                self.walk_fields["walkMobile"].setText(scanned)
            elif people.looks_like_code(scanned) and not people.is_uuid(scanned.lower()):
                self.walk_fields["walkCode"].setText(scanned.upper())
        self.walk_box.show()
        self.walk_fields["walkName"].setFocus()

    def _enrol_known(self, person: dict[str, Any]) -> None:
        desk = self.desk
        now = self.clock()
        walk_in = enrolment.WalkIn(
            name_en=person.get("name_en") or "",
            name_hi=person.get("name_hi"),
            employee_code=person.get("employee_code"),
            mobile=person.get("mobile"),
        )

        def task(_h):
            if walk_in.employee_code or walk_in.mobile:
                enrolment.register_walk_in(desk.store, desk.workshop["id"], walk_in)
            else:
                enrolment.enrol(desk.store, desk.workshop["id"], person["id"], "walk_in")
            result = desk.mark(person["id"], now=now, method="search")
            return result, attendance.session_counts(desk.store, desk.session_id)

        self.in_flight += 1
        self.ctx.run(task, on_done=self._after_walk_in, on_error=self._on_failed)

    def save_walk_in(self) -> None:
        if self.desk is None or not self.walk_box.isVisible():
            return
        values = {k: v.text().strip() for k, v in self.walk_fields.items()}
        walk_in = enrolment.WalkIn(
            name_en=values["walkName"],
            name_hi=values["walkNameHi"] or None,
            employee_code=values["walkCode"] or None,
            mobile=values["walkMobile"] or None,
            designation=values["walkDesignation"] or None,
            department=values["walkDepartment"] or None,
        )
        try:
            enrolment.validate_walk_in(walk_in)
        except enrolment.EnrolmentError as exc:
            self._walk_problem(exc)
            return
        desk, now = self.desk, self.clock()

        def task(_h):
            participant_id, _how = enrolment.register_walk_in(
                desk.store, desk.workshop["id"], walk_in
            )
            result = desk.mark(participant_id, now=now, method="search")
            return result, attendance.session_counts(desk.store, desk.session_id)

        def failed(exc, trace):
            self.in_flight -= 1
            if isinstance(exc, enrolment.EnrolmentError):
                self._walk_problem(exc)
            else:
                self._on_failed(exc, trace)

        self.in_flight += 1
        self.ctx.run(task, on_done=self._after_walk_in, on_error=failed)

    def _walk_problem(self, exc: enrolment.EnrolmentError) -> None:
        fields = {"name_en": "walkName", "employee_code": "walkCode", "mobile": "walkMobile"}
        messages = {
            "name_en": self.tr("Type the person's name in English."),
            "employee_code": self.tr(
                "Give an employee code (up to 30 letters/digits, no spaces) or a mobile."
            ),
            "mobile": self.tr("A mobile number has 10 digits and starts with 6–9."),
        }
        self.walk_error.setText(messages.get(exc.field, str(exc)))
        target = self.walk_fields.get(fields.get(exc.field, "walkName"))
        if target is not None:
            target.setFocus()
            target.selectAll()

    def _after_walk_in(self, outcome) -> None:
        self.walk_box.hide()
        self._build_index()
        self._on_marked(outcome)
        self._notify_own("enrolment")
        self.input.setFocus()

    def cancel_walk_in(self) -> None:
        if self.walk_box.isVisible():
            self.walk_box.hide()
        self.input.setFocus()

    # -- detail ----------------------------------------------------------------------------
    def open_detail(self, participant_id: str | None = None) -> QDialog | None:
        """A participant's attendance history in this workshop (who, when, desk, method)."""
        if not isinstance(participant_id, str):
            participant_id = (self.last_person or {}).get("id")
        if not participant_id or self.desk is None:
            self._show(self.tr("No one selected"), self.tr("Scan or pick a person first."), "amber")
            return None
        dialog = AttendanceDetail(self.reader, participant_id, self.desk.workshop["id"], self)
        dialog.finished.connect(lambda _r: self.input.setFocus())
        dialog.open()
        return dialog


class AttendanceDetail(QDialog):
    """Every change of a person's marks in one workshop, newest first: when it was
    recorded, the session, what was done, the status before and after, the time of the
    mark, the method, who and at which desk (the audit trail of the issue's §5)."""

    def __init__(
        self, store: Store, participant_id: str, workshop_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        person = people.by_id(store, participant_id) or {"name_en": participant_id}
        self.setWindowTitle(self.tr("Attendance detail — {name}").format(name=people.label(person)))
        self.resize(1000, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(people.label(person)))
        rows = attendance.history_for(store, participant_id, workshop_id)
        headers = [
            self.tr("Recorded"),
            self.tr("Session"),
            self.tr("Action"),
            self.tr("Status"),
            self.tr("Before"),
            self.tr("Mark time"),
            self.tr("Method"),
            self.tr("By"),
            self.tr("Desk"),
        ]
        actions = {
            "mark": self.tr("marked"),
            "change": self.tr("changed"),
            "undo": self.tr("undone"),
            "bulk": self.tr("rest marked absent"),
            "received": self.tr("received by sync"),
        }
        statuses = {
            "present": self.tr("present"),
            "late": self.tr("late"),
            "excused": self.tr("excused"),
            "absent": self.tr("absent"),
        }
        methods = {
            "scan": self.tr("scan"),
            "search": self.tr("search"),
            "bulk": self.tr("bulk"),
            "import": self.tr("import"),
        }
        hindi = QLocale().language() == QLocale.Language.Hindi
        self.table = QTableWidget(len(rows), len(headers), self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for r, row in enumerate(rows):
            recorded = format_datetime(row["recorded_at"])
            topic = (row["topic_hi"] if hindi else row["topic_en"]) or row["topic_en"] or ""
            values = [
                recorded,
                f"{format_date(row['date'])} {row['start_time'] or ''}  {topic}".strip(),
                actions.get(row["action"], row["action"]),
                statuses.get(row["status"] or "", row["status"] or "—"),
                statuses.get(row["previous_status"] or "", row["previous_status"] or "—"),
                _local_hhmm(row["marked_at"]),
                methods.get(row["method"] or "", row["method"] or ""),
                row["marked_by"] or "",
                row["desk"] or (row["device_id"] or "")[:8],
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setToolTip(str(value))
                self.table.setItem(r, c, item)
            if row.get("clock_note"):  # marked while this laptop's clock was known wrong
                flagged = self.table.item(r, 0)
                flagged.setText("⚠ " + flagged.text())
                flagged.setToolTip(history_text(row["clock_note"]))
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == 1
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        translate_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def create_page(ctx: AppContext) -> QWidget:
    return AttendancePage(ctx)
