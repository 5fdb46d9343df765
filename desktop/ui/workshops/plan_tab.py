"""The Workshops page's Plan tab: a workshop's fields and sessions, new / add a session /
add a day / remove, save and copy to a new start date. A mixin of WorkshopsPage."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QTableWidgetItem,
)

from desktop.core import workshops
from desktop.core.dates import format_date, parse_date
from desktop.core.workshops import SessionPlan, ValidationError, WorkshopPlan
from desktop.ui.said import say
from desktop.ui.workshops.problems import problem_lines

#: These methods are WorkshopsPage's: their texts keep its translation context in
#: resources/i18n/workshops_hi.ts (lupdate reads the literal context).
translate = QCoreApplication.translate

SESSION_COLUMNS = ("date", "start_time", "end_time", "topic_en", "topic_hi", "trainer")
TOPIC_COLUMNS = (3, 4)  # in the sessions table: English and Hindi


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class PlanTabMixin:
    """Fill, edit and save a workshop's plan (WorkshopsPage)."""

    # -- plan ------------------------------------------------------------------------------
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

        self.ctx.run(task, on_done=self._saved, on_error=self._save_failed, changes=("workshop",))

    def _saved(self, workshop_id: str) -> None:
        self.workshop_id = workshop_id
        self.error.setStyleSheet("color: #1b5e20;")
        self.refresh()
        self.error.setText(translate("WorkshopsPage", "Saved."))

    def _save_failed(self, exc: BaseException, _trace: str) -> None:
        self.error.setStyleSheet("color: #b71c1c;")
        if isinstance(exc, ValidationError):
            self.error.setText(problem_lines(exc.problems))
        else:
            self.error.setText(say(exc))

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
