"""Which session the desk marks: today's sessions, the session window (open / late /
closed), the index of enrolled people for suggestions, the marks already on disk, the
grace minutes and the change notices of other screens. A mixin of AttendancePage."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
)

from desktop.core import attendance, enrolment, workshops
from desktop.core.dates import format_date
from desktop.protocol.ids import parse_ts
from desktop.ui.attendance.marking import RECENT_ROWS

#: These methods are AttendancePage's: their texts keep its translation context in
#: resources/i18n/attendance_hi.ts (lupdate reads the literal context).
translate = QCoreApplication.translate


class SessionsMixin:
    """The session picker and what depends on the chosen session (AttendancePage)."""

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
                "marked",
                "",
                person,
                row["status"],
                None,
                row["marked_at"],
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
            self.window_label.setText(
                translate("AttendancePage", "No session today. Plan one in Workshops.")
            )
            return
        s, w = self.desk.session, self.desk.workshop
        title = (w["title_en"] if self._english() else w["title_hi"]) or w["title_en"]
        late = timedelta(minutes=self.settings.grace_minutes) + self.desk.start()
        problem = self.desk.window_problem(self.clock(), self.reader)
        if problem is None:
            state = translate("AttendancePage", "open")
        elif problem.outcome == "closed":
            state = translate("AttendancePage", "closed")
        else:
            state = translate("AttendancePage", "not started")
        self.window_label.setText(
            translate(
                "AttendancePage", "{title} · {date} {start}–{end} · late after {late} · {state}"
            ).format(
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

    def _on_changed(self, kind: str) -> None:
        if self.ctx.changed_by is self:
            return  # this desk's own operation (run with by=self): it already shows it
        if kind in ("workshop", "session", "enrolment", "participant"):
            self._load_sessions()
        elif kind == "attendance" and self.desk is not None and self.in_flight == 0:
            self._update_counts(attendance.session_counts(self.reader, self.desk.session_id))
