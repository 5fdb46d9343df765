"""What the desk does with a scan or a picked name: suggestions while typing, the mark on
the database worker, the green / amber / red panel and "Latest marks", undo and
closing a session. A mixin of AttendancePage (desk.py), which owns the widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QListWidgetItem,
)

from desktop.core import attendance, people
from desktop.core.dates import format_date
from desktop.ui.i18n import ask_yes_no
from desktop.ui.said import say

COLOURS = {
    "green": ("#1b7f3b", "#ffffff"),
    "amber": ("#f2a900", "#1a1a1a"),
    "red": ("#c62828", "#ffffff"),
    "idle": ("#eceff1", "#263238"),
}
PALE = {"green": "#dcf2e2", "amber": "#fff0c2", "red": "#f8d7d7"}
STATUS_CHOICES = (None, "present", "late", "excused", "absent")
RECENT_ROWS = 50  # lines in "Latest marks"


#: These methods are AttendancePage's: their texts keep its translation context in
#: resources/i18n/attendance_hi.ts (lupdate reads the literal context).
translate = QCoreApplication.translate


class MarkingMixin:
    """Suggestions, marking, the feedback panel, undo, close and reopen (AttendancePage)."""

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
                    shown[people.label(person) + translate("AttendancePage", " — not enrolled")] = (
                        person["id"]
                    )
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
            self._show(
                translate("AttendancePage", "No session selected"),
                translate("AttendancePage", "Pick a session with F4."),
                "red",
            )
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
        self.ctx.run(
            task, on_done=self._on_marked, on_error=self._on_failed,
            changes=self._mark_changes, by=self,
        )

    @staticmethod
    def _mark_changes(outcome: tuple[attendance.MarkResult, dict | None]) -> tuple[str, ...]:
        """What a scan changed, for other screens: attendance when a mark was stored."""
        result = outcome[0]
        return ("attendance",) if result.stored and result.outcome != "duplicate" else ()

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

    def _on_failed(self, exc: BaseException, _trace: str) -> None:
        self.in_flight -= 1
        self._show(
            translate("AttendancePage", "Not saved"),
            translate("AttendancePage", "The mark could not be saved: {error}").format(error=say(exc)),
            "red",
        )

    def _on_failed_quiet(self, exc: BaseException, _trace: str) -> None:
        self._show(translate("AttendancePage", "Not saved"), say(exc), "red")

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
                translate("AttendancePage", "Marked {status} at {time}").format(
                    status=status, time=when
                ),
            )
        elif o == "changed":
            title = name
            detail = translate("AttendancePage", "Changed: {old} → {new}").format(
                old=self._status_label(result.previous_status)
                or translate("AttendancePage", "not marked"),
                new=status or translate("AttendancePage", "not marked"),
            )
        elif o == "already" and result.extra.get("desk") is not None:  # another venue desk
            title, detail = (
                name,
                translate(
                    "AttendancePage",
                    "Already marked {status} at desk {desk} at {time} — nothing changed",
                ).format(status=status, desk=result.extra["desk"], time=when),
            )
        elif o == "already":
            title, detail = (
                name,
                translate(
                    "AttendancePage", "Already marked {status} at {time} — nothing changed"
                ).format(status=status, time=when),
            )
        elif o == "not_enrolled":
            title, detail = (
                name,
                translate(
                    "AttendancePage", "Not enrolled in this workshop. F2: register as walk-in"
                ),
            )
        elif o == "withdrawn":
            title, detail = (
                name,
                translate(
                    "AttendancePage", "Withdrew from this workshop. F2: register again as walk-in"
                ),
            )
        elif o == "other_workshop":
            title, detail = (
                name,
                translate(
                    "AttendancePage", "Enrolled in another workshop today. Wrong session selected?"
                ),
            )
        elif o == "unknown":
            title = translate("AttendancePage", "Unknown code")
            detail = translate(
                "AttendancePage", "{text} is not in the roster. F2: register as walk-in"
            ).format(text=result.scanned.strip()[:40])
        elif o == "garbled":
            title, detail = (
                translate("AttendancePage", "Unreadable scan"),
                translate("AttendancePage", "Scan the badge again."),
            )
        elif o == "not_started":
            title = translate("AttendancePage", "Session not started")
            detail = translate(
                "AttendancePage",
                "This session is on {date} at {time}. Is the right session selected?",
            ).format(
                date=format_date(self.desk.session["date"]), time=self.desk.session["start_time"]
            )
        elif o == "closed":
            title = translate("AttendancePage", "Session closed")
            detail = translate(
                "AttendancePage", "Nothing was marked. Reopen the session or pick today's."
            )
        else:
            title, detail = o, result.message
        return title, detail

    def _name(self, person: dict[str, Any]) -> str:
        names = [person.get("name_hi"), person.get("name_en")]
        text = "\n".join(n for n in names if n) or translate("AttendancePage", "(no name)")
        if person.get("employee_code"):
            text += f"  ·  {person['employee_code']}"
        return text

    def _status_label(self, status: str | None) -> str:
        return {
            "present": translate("AttendancePage", "present"),
            "late": translate("AttendancePage", "late"),
            "excused": translate("AttendancePage", "excused"),
            "absent": translate("AttendancePage", "absent"),
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
        self._show(
            translate("AttendancePage", "Ready"),
            translate("AttendancePage", "Scan a badge or type a name."),
            "idle",
        )

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
        self.counter.setText(
            translate("AttendancePage", "{marked} / {enrolled} marked").format(**counts)
        )
        self.breakdown.setText(
            translate(
                "AttendancePage",
                "present {present} · late {late} · excused {excused} · absent {absent}",
            ).format(**counts)
        )

    # -- undo, close -----------------------------------------------------------------------
    def undo_last(self) -> None:
        if not self.undo_stack or self.desk is None:
            self._show(
                translate("AttendancePage", "Nothing to undo"),
                translate("AttendancePage", "No mark made here yet."),
                "amber",
            )
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
                    translate("AttendancePage", "Undone: now {status}").format(
                        status=self._status_label(result.status)
                        or translate("AttendancePage", "not marked")
                    ),
                    "amber",
                )
            else:
                self._show(
                    translate("AttendancePage", "Cannot undo"),
                    translate(
                        "AttendancePage",
                        "This mark was changed since (another desk or a later mark).",
                    ),
                    "red",
                )
            self.input.setFocus()

        self.ctx.run(
            task, on_done=done, on_error=self._on_failed_quiet, by=self,
            changes=lambda outcome: ("attendance",) if outcome[0].outcome == "changed" else (),
        )

    def close_session(self) -> None:
        if self.desk is None:
            return
        counts = attendance.session_counts(self.reader, self.desk.session_id)
        rest = counts["enrolled"] - counts["marked"]
        if not self.confirm(
            translate(
                "AttendancePage",
                "Close this session and mark the {rest} people without a mark absent?",
            ).format(rest=rest)
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
                translate("AttendancePage", "Session closed"),
                translate(
                    "AttendancePage", "{made} people marked absent. Scans are now refused."
                ).format(made=made),
                "amber",
            )
            self.input.setFocus()

        self.ctx.run(
            task, on_done=done, on_error=self._on_failed_quiet, changes=("attendance",), by=self
        )

    def reopen_session(self) -> None:
        if self.desk is None:
            return
        desk = self.desk
        if not desk.closed_at(self.reader):
            self._show(
                translate("AttendancePage", "Session open"),
                translate(
                    "AttendancePage", "This session is not closed; there is nothing to reopen."
                ),
                "amber",
            )
            return

        def done(_result) -> None:
            self._refresh_window()
            self._show(
                translate("AttendancePage", "Session reopened"),
                translate("AttendancePage", "Scans are accepted again."),
                "idle",
            )
            self.input.setFocus()

        self.ctx.run(lambda _h: desk.reopen(), on_done=done, on_error=self._on_failed_quiet)

    def _ask(self, text: str) -> bool:
        # ask_yes_no: Yes/No in the GUI's language (Qt ships no Hindi for its own buttons).
        return ask_yes_no(self, translate("AttendancePage", "Attendance desk"), text)
