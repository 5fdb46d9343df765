"""The walk-in form of the desk (F2): enrol a known person at once after a red 'not
enrolled', or register a new one and mark them. A mixin of AttendancePage."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
)

from desktop.core import attendance, enrolment, people
from desktop.ui.said import say

#: These methods are AttendancePage's: their texts keep its translation context in
#: resources/i18n/attendance_hi.ts (lupdate reads the literal context).
translate = QCoreApplication.translate


class WalkInMixin:
    """Register or enrol a walk-in and mark them present (AttendancePage)."""

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
        self.ctx.run(
            task, on_done=self._after_walk_in, on_error=self._on_failed,
            changes=self._walk_in_changes, by=self,
        )

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
        self.ctx.run(
            task, on_done=self._after_walk_in, on_error=failed,
            changes=self._walk_in_changes, by=self,
        )

    def _walk_problem(self, exc: enrolment.EnrolmentError) -> None:
        fields = {"name_en": "walkName", "employee_code": "walkCode", "mobile": "walkMobile"}
        messages = {
            "name_en": translate("AttendancePage", "Type the person's name in English."),
            "employee_code": translate(
                "AttendancePage",
                "Give an employee code (up to 30 letters/digits, no spaces) or a mobile.",
            ),
            "mobile": translate(
                "AttendancePage", "A mobile number has 10 digits and starts with 6–9."
            ),
        }
        self.walk_error.setText(messages.get(exc.field, say(exc)))
        target = self.walk_fields.get(fields.get(exc.field, "walkName"))
        if target is not None:
            target.setFocus()
            target.selectAll()

    def _walk_in_changes(self, outcome) -> tuple[str, ...]:
        """A walk-in enrols someone, and marks them when the mark was stored."""
        return (*self._mark_changes(outcome), "enrolment")

    def _after_walk_in(self, outcome) -> None:
        self.walk_box.hide()
        self._build_index()
        self._on_marked(outcome)
        self.input.setFocus()

    def cancel_walk_in(self) -> None:
        if self.walk_box.isVisible():
            self.walk_box.hide()
        self.input.setFocus()
