"""The registration desk: resolve what was scanned or typed, check enrolment and the session's
window, mark, and say what happened (green, amber, red); the CLI's `attendance mark`."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from desktop.core import audit, people
from desktop.core.attendance.queries import session_counts
from desktop.core.attendance.rules import (
    DUPLICATE_WINDOW,
    METHODS,
    STATUSES,
    MarkResult,
    _aware,
    attendance_id,
    clean_scan,
)
from desktop.core.attendance.settings import DeskSettings, load_settings
from desktop.core.attendance.writes import _history, close_session, undo_mark, write_version
from desktop.core.dates import format_date, format_datetime
from desktop.core.enrolment import enrolment_of
from desktop.core.users import Permission, require
from desktop.core.venue.desks import desk_of
from desktop.protocol.ids import format_ts, parse_ts
from desktop.store import RecordNotFound, Store


class Desk:
    """The attendance desk for one session: resolves scans and writes marks.

    Session, workshop and settings are read once, so a scan costs a few indexed lookups and
    one small transaction."""

    def __init__(self, store: Store, session_id: str, settings: DeskSettings | None = None):
        self.store = store
        session = store.get("session", session_id)
        if session is None or session["deleted"]:
            raise RecordNotFound(f"No session with id {session_id}.")
        self.session = dict(session)
        self.workshop = dict(store.require("workshop", session["workshop_id"]))
        self.settings = settings or load_settings(store)

    # -- the session's window --------------------------------------------------------------
    @property
    def session_id(self) -> str:
        return self.session["id"]

    def start(self) -> datetime:
        return datetime.fromisoformat(f"{self.session['date']}T{self.session['start_time']}")

    def closed_at(self, store: Store | None = None) -> str | None:
        row = (
            (store or self.store)
            .conn.execute(
                "SELECT closed_at FROM session_close WHERE session_id = ?", (self.session_id,)
            )
            .fetchone()
        )
        return None if row is None else row[0]

    def window_problem(self, now: datetime, store: Store | None = None) -> MarkResult | None:
        """Why a scan now would be refused (not started, other day, closed), or None.
        `store`: read the closed state through another connection (the GUI's reader)."""
        local = _aware(now).astimezone().replace(tzinfo=None)
        closed = self.closed_at(store)
        when = f"{format_date(self.session['date'])} {self.session['start_time']}"
        if closed:
            at = format_datetime(closed)
            return MarkResult(
                "closed",
                f"This session ({when}) was closed at {at}. Reopen it to mark more people.",
            )
        day = local.date().isoformat()
        if self.session["date"] > day:
            return MarkResult(
                "not_started",
                f"This session is on {format_date(self.session['date'])}, not today. Pick today's "
                "session.",
            )
        if self.session["date"] < day:
            return MarkResult(
                "closed",
                f"This session was on {format_date(self.session['date'])}; it is over. Pick today's "
                "session.",
            )
        opens = self.start() - timedelta(minutes=self.settings.open_before_minutes)
        if local < opens:
            return MarkResult(
                "not_started",
                f"This session starts at "
                f"{self.session['start_time']}; the desk opens at "
                f"{opens.strftime('%H:%M')}.",
            )
        return None

    def auto_status(self, now: datetime) -> str:
        local = _aware(now).astimezone().replace(tzinfo=None)
        late_after = self.start() + timedelta(minutes=self.settings.grace_minutes)
        return "late" if local > late_after else "present"

    # -- resolving what was scanned or typed -----------------------------------------------
    def resolve(self, text: str) -> tuple[dict[str, Any] | None, MarkResult | None]:
        cleaned = clean_scan(text)
        if cleaned is None:
            return None, MarkResult(
                "garbled", "Unreadable scan. Scan the badge again.", scanned=text
            )
        store = self.store
        if people.is_uuid(cleaned.lower()):
            person = people.by_id(store, cleaned.lower())
            if person is None:
                return None, MarkResult(
                    "unknown",
                    "This badge is not from this desk's roster (unknown person). "
                    "Register as a walk-in.",
                    scanned=cleaned,
                )
            return person, None
        if people.is_mobile(cleaned):
            person = people.by_mobile(store, cleaned)
            if person is None:
                return None, MarkResult(
                    "unknown",
                    f"No one with mobile {cleaned}. Register as a walk-in.",
                    scanned=cleaned,
                )
            return person, None
        if people.looks_like_code(cleaned):
            person = people.by_code(store, cleaned)
            if person is None:
                return None, MarkResult(
                    "unknown",
                    f"Unknown employee code {cleaned.upper()}. Register as a walk-in.",
                    scanned=cleaned,
                )
            return person, None
        return None, MarkResult(
            "unknown",
            f"{cleaned!r} is not a badge or employee code. Type a name and pick it from the list.",
            scanned=cleaned,
        )

    def scan(
        self,
        text: str,
        *,
        now: datetime | None = None,
        status: str | None = None,
        method: str = "scan",
    ) -> MarkResult:
        """What the desk does on Enter: resolve the text, check, mark, say what happened."""
        person, problem = self.resolve(text)
        if problem is not None:
            return problem
        assert person is not None
        result = self.mark(person, now=now, status=status, method=method)
        result.scanned = text
        return result

    # -- marking ---------------------------------------------------------------------------
    def mark(
        self,
        person: dict[str, Any] | str,
        *,
        now: datetime | None = None,
        status: str | None = None,
        method: str = "scan",
        check_window: bool = True,
    ) -> MarkResult:
        """Mark one person; `status=None` means present, or late after the grace time."""
        require(self.store, Permission.MARK_ATTENDANCE)
        store = self.store
        if isinstance(person, str):
            found = people.by_id(store, person)
            if found is None:
                return MarkResult("unknown", f"No participant with id {person}.")
            person = found
        if status is not None and status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        if method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}")
        moment = _aware(now)
        name = people.label(person)
        if check_window:
            problem = self.window_problem(moment)
            if problem is not None:
                problem.participant = person
                return problem
        enrolment = enrolment_of(store, self.workshop["id"], person["id"])
        if enrolment is None or enrolment["status"] != "enrolled":
            return self._not_enrolled(person, enrolment, moment)
        new_status = status or self.auto_status(moment)
        att_id = attendance_id(self.session_id, person["id"])
        stamp = format_ts(moment)
        with store.transaction():
            current = store.get("attendance", att_id)
            live = current is not None and not current["deleted"]
            if live and status is None and current["status"] in ("present", "late"):
                first = current["marked_at"]
                recent = (
                    current["origin"] == store.device_id
                    and abs(moment - parse_ts(first)) < DUPLICATE_WINDOW
                )
                outcome = "duplicate" if recent else "already"
                # Marked at another desk of the venue: say which (desktop.core.venue).
                where = None if current["origin"] == store.device_id else desk_of(
                    store, current["origin"])
                return MarkResult(
                    outcome,
                    f"{name}: already marked {current['status']}"
                    + (f" at desk {where}" if where is not None else "")
                    + f" at {parse_ts(first).astimezone().strftime('%H:%M')}; nothing changed.",
                    person,
                    current["status"],
                    current["status"],
                    first,
                    att_id,
                    extra={"desk": where} if where is not None else {},
                )
            if live and current["status"] == new_status:
                return MarkResult(
                    "already",
                    f"{name}: already {new_status}; nothing changed.",
                    person,
                    new_status,
                    new_status,
                    current["marked_at"],
                    att_id,
                )
            data = {
                "session_id": self.session_id,
                "participant_id": person["id"],
                "status": new_status,
                "marked_at": stamp,
                "method": method,
                "marked_by": store.actor or self.settings.operator,
            }
            version = write_version(store, att_id, data, current)
            previous = current["status"] if live else None
            seq = _history(
                store,
                att_id,
                data,
                "change" if live else "mark",
                current,
                live,
                self.settings,
                version,
            )
        outcome = "changed" if live else "marked"
        verb = f"{previous} → {new_status}" if live else new_status
        return MarkResult(
            outcome, f"{name}: {verb}", person, new_status, previous, stamp, att_id, seq
        )

    def _not_enrolled(
        self, person: dict[str, Any], enrolment: dict[str, Any] | None, moment: datetime
    ) -> MarkResult:
        name = people.label(person)
        if enrolment is not None:
            return MarkResult(
                "withdrawn",
                f"{name} withdrew from this workshop. Register again as a walk-in to mark them.",
                person,
            )
        other = self.store.conn.execute(
            "SELECT w.id, w.title_en, w.title_hi, s.id AS session_id, s.start_time "
            "FROM enrolment e JOIN workshop w ON w.id = e.workshop_id AND w.deleted = 0 "
            "JOIN session s ON s.workshop_id = w.id AND s.deleted = 0 "
            "WHERE e.participant_id = ? AND e.deleted = 0 AND e.status = 'enrolled' "
            "AND s.date = ? ORDER BY s.start_time LIMIT 1",
            (person["id"], _aware(moment).astimezone().date().isoformat()),
        ).fetchone()
        if other is not None:
            return MarkResult(
                "other_workshop",
                f"{name} is enrolled in another workshop today: {other['title_en']} "
                f"(session {other['start_time']}). Wrong session selected?",
                person,
                extra={"other_workshop_id": other["id"], "other_session_id": other["session_id"]},
            )
        return MarkResult(
            "not_enrolled",
            f"{name} is not enrolled in this workshop. Register as a walk-in?",
            person,
        )

    # -- undo, close -----------------------------------------------------------------------
    def undo(self, history_seq: int) -> MarkResult:
        """Put the mark back as it was before history entry `history_seq`, as a new version
        and a new history entry (history itself is never rewritten)."""
        return undo_mark(self.store, history_seq, self.settings)

    def close(self, *, now: datetime | None = None) -> int:
        """Mark every enrolled person without a mark absent, and close the session."""
        return close_session(self.store, self.session_id, self.settings, now=now)

    def reopen(self) -> None:
        require(self.store, Permission.MARK_ATTENDANCE)
        with self.store.transaction():
            self.store.conn.execute(
                "DELETE FROM session_close WHERE session_id = ?", (self.session_id,)
            )
            audit.record(self.store, "attendance.reopen", target=self.session_id,
                         workshop_id=self.workshop["id"])

    def counts(self) -> dict[str, int]:
        return session_counts(self.store, self.session_id)




def mark_cli(
    store: Store,
    session_id: str,
    *,
    participant_id: str | None = None,
    code: str | None = None,
    scan: str | None = None,
    status: str | None = None,
    now: datetime | None = None,
    check_window: bool = True,
) -> MarkResult:
    """The CLI's `attendance mark`: one of participant id, employee code or scanned text."""
    desk = Desk(store, session_id)
    if scan is not None:
        person, problem = desk.resolve(scan)
        method = "scan"
    elif code is not None:
        person, problem = desk.resolve(code)
        if problem is None and person is not None and people.is_uuid(code.lower()):
            person, problem = None, MarkResult("unknown", f"{code!r} is not an employee code.")
        method = "search"
    else:
        assert participant_id is not None
        person = people.by_id(store, participant_id)
        problem = (
            None if person else MarkResult("unknown", f"No participant with id {participant_id}.")
        )
        method = "search"
    if problem is not None:
        return problem
    assert person is not None
    return desk.mark(person, now=now, status=status, method=method, check_window=check_window)
