"""The Workshops page's Attendance and completion tab: who completes (or, part-way
through, what each person must still attend), the programme's counting rule, and the
badges, register and summary PDFs. A mixin of WorkshopsPage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QTableWidgetItem,
)

from desktop.core import completion, enrolment, workshops
from desktop.core.dates import format_date
from desktop.paths import files_dir
from desktop.ui.said import say

#: These methods are WorkshopsPage's: their texts keep its translation context in
#: resources/i18n/workshops_hi.ts (lupdate reads the literal context).
translate = QCoreApplication.translate

PCT_COLUMN, TO_COME_COLUMN, ELIGIBLE_COLUMN, WHY_COLUMN = 3, 4, 5, 6  # completion table


class CompletionTabMixin:
    """Completion, its rule and the PDFs (WorkshopsPage)."""

    def _completion_labels(self, running: bool) -> list[str]:
        """Part-way through a workshop the table tells what is still possible, not a
        decision: its headings say which it shows."""
        return list(
            (
                translate("WorkshopsPage", "Name"),
                translate("WorkshopsPage", "Code"),
                translate("WorkshopsPage", "Attended so far"),
                translate("WorkshopsPage", "% so far"),
                translate("WorkshopsPage", "To come"),
                translate("WorkshopsPage", "Can complete"),
                translate("WorkshopsPage", "What it takes"),
            )
            if running
            else (
                translate("WorkshopsPage", "Name"),
                translate("WorkshopsPage", "Code"),
                translate("WorkshopsPage", "Attended"),
                translate("WorkshopsPage", "%"),
                translate("WorkshopsPage", "To come"),
                translate("WorkshopsPage", "Eligible"),
                translate("WorkshopsPage", "Why not"),
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
            translate(
                "WorkshopsPage", "Minimum attendance {pct}%. Eligible: {eligible} of {total}."
            ).format(pct=rule.min_attendance_pct, eligible=eligible, total=len(results))
        )
        # The cell stays short (Attended and % sit beside it); the tooltip says it in full.
        reasons = {
            "below_minimum": translate("WorkshopsPage", "below the {min}% minimum"),
            "all_excused": translate("WorkshopsPage", "excused from every session"),
            "no_sessions": translate("WorkshopsPage", "the workshop has no sessions"),
        }
        full_reasons = {
            **reasons,
            "below_minimum": translate(
                "WorkshopsPage", "attended {attended} of {counted} ({pct}%), below {min}%"
            ),
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
                translate("WorkshopsPage", "yes")
                if r.eligible
                else translate("WorkshopsPage", "no"),
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
            translate(
                "WorkshopsPage",
                "Minimum attendance {pct}%. The workshop has not ended: {held} of {sessions} "
                "sessions held so far. Can still complete: {can} of {total} (minimum already "
                "reached: {reached}).",
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
                note = translate("WorkshopsPage", "can no longer reach {min}%")
                full = translate(
                    "WorkshopsPage",
                    "Attended {attended} of {counted} sessions held so far ({pct}%): even at every "
                    "session to come ({remaining}) the {min}% minimum cannot be reached.",
                )
                colour = "#fdecea"
            elif s.needed == 0:
                note = translate("WorkshopsPage", "minimum reached")
                full = translate(
                    "WorkshopsPage",
                    "Attended {attended} of {counted} sessions held so far ({pct}%): the {min}% "
                    "minimum is reached whatever happens in the {remaining} to come.",
                )
            else:
                note = translate("WorkshopsPage", "must attend {needed} of {remaining}")
                full = translate(
                    "WorkshopsPage",
                    "Attended {attended} of {counted} sessions held so far ({pct}%): must attend "
                    "{needed} of the {remaining} sessions to come to reach {min}%.",
                )
                if s.needed == s.remaining:
                    colour = "#fff4e0"  # no session more may be missed
            values = [
                self._name(p),
                p.get("employee_code") or "",
                f"{so_far.attended}/{so_far.counted}",
                f"{so_far.pct:g}" if so_far.counted else "–",
                str(s.remaining),
                translate("WorkshopsPage", "yes")
                if s.can_complete
                else translate("WorkshopsPage", "no"),
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
            on_error=lambda exc, _t: self.error.setText(say(exc)),
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
