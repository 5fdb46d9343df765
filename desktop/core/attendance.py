"""Marking attendance: one durable row per (session, participant) plus an append-only history.

The attendance row's id is derived from the pair (UUIDv5 of session and participant under a
fixed namespace). Two desks that mark the same person for the same session therefore write two
versions of ONE record, which last-writer-wins resolves everywhere; random ids would give two
rows for one pair, and the second would collide with the UNIQUE (session, participant) index
when it arrives by sync.

A mark is written in one transaction (row + change log + history) on a connection with
`synchronous=FULL`; `mark` returns only after COMMIT, so whatever the caller shows afterwards
(the desk's green) is already on disk."""

from __future__ import annotations

import getpass
import socket
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from desktop.core import clock, people
from desktop.core.dates import format_date, format_datetime
from desktop.core.enrolment import enrolment_of
from desktop.protocol.ids import format_ts, parse_ts
from desktop.store import RecordNotFound, Store

ATTENDANCE_NAMESPACE = uuid.UUID("5b0d4c1e-7a63-4f0e-9a57-3c9e2f1d8a40")
STATUSES = ("present", "late", "excused", "absent")
METHODS = ("scan", "search", "bulk", "import")
DUPLICATE_WINDOW = timedelta(seconds=1)

# Outcomes, and the colour the desk shows for each.
GREEN = {"marked", "changed"}
AMBER = {"already"}
SILENT = {"duplicate"}
RED = {
    "not_enrolled",
    "withdrawn",
    "other_workshop",
    "unknown",
    "garbled",
    "not_started",
    "closed",
    "no_session",
}


def attendance_id(session_id: str, participant_id: str) -> str:
    return str(uuid.uuid5(ATTENDANCE_NAMESPACE, f"{session_id}/{participant_id}"))


@dataclass(frozen=True)
class DeskSettings:
    grace_minutes: int = 15  # a scan later than start + grace is marked late
    open_before_minutes: int = 60  # scans are accepted from this long before the start
    desk: str = ""  # the desk's name in the history (default: host name)
    operator: str = ""  # who is at the desk (default: the OS user)


def load_settings(store: Store) -> DeskSettings:
    def number(key: str, default: int) -> int:
        try:
            return int(store.meta_get(key) or default)
        except ValueError:
            return default

    return DeskSettings(
        grace_minutes=number("attendance.grace_minutes", 15),
        open_before_minutes=number("attendance.open_before_minutes", 60),
        desk=store.meta_get("desk_name") or socket.gethostname(),
        operator=store.meta_get("desk_operator") or _user(),
    )


def save_settings(
    store: Store,
    *,
    grace_minutes: int | None = None,
    open_before_minutes: int | None = None,
    desk: str | None = None,
    operator: str | None = None,
) -> None:
    if grace_minutes is not None:
        if not 0 <= grace_minutes <= 240:
            raise ValueError("grace time must be 0–240 minutes")
        store.meta_set("attendance.grace_minutes", str(grace_minutes))
    if open_before_minutes is not None:
        if not 0 <= open_before_minutes <= 720:
            raise ValueError("opening time must be 0–720 minutes before the start")
        store.meta_set("attendance.open_before_minutes", str(open_before_minutes))
    if desk is not None:
        store.meta_set("desk_name", desk.strip() or None)
    if operator is not None:
        store.meta_set("desk_operator", operator.strip() or None)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some service environments
        return "desk"


@dataclass
class MarkResult:
    outcome: str
    message: str
    participant: dict[str, Any] | None = None
    status: str | None = None
    previous_status: str | None = None
    marked_at: str | None = None  # RFC 3339 UTC of the (first) mark
    attendance_id: str | None = None
    history_seq: int | None = None
    scanned: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def colour(self) -> str:
        if self.outcome in GREEN:
            return "green"
        if self.outcome in AMBER:
            return "amber"
        if self.outcome in SILENT:
            return "none"
        return "red"

    @property
    def stored(self) -> bool:
        return self.outcome in GREEN

    def local_time(self) -> str:
        """HH:MM of the mark in this machine's time zone (what the desk shows)."""
        if not self.marked_at:
            return ""
        return parse_ts(self.marked_at).astimezone().strftime("%H:%M")

    def as_json(self) -> dict[str, Any]:
        person = self.participant or {}
        return {
            "outcome": self.outcome,
            "stored": self.stored,
            "message": self.message,
            "participant_id": person.get("id"),
            "name_en": person.get("name_en"),
            "name_hi": person.get("name_hi"),
            "employee_code": person.get("employee_code"),
            "status": self.status,
            "previous_status": self.previous_status,
            "marked_at": self.marked_at,
            "attendance_id": self.attendance_id,
            **self.extra,
        }


def _aware(now: datetime | None) -> datetime:
    """`now` as an aware datetime; naive values are local time (the desk's wall clock)."""
    if now is None:
        return datetime.now().astimezone()
    return now.astimezone() if now.tzinfo is None else now


def clean_scan(text: str) -> str | None:
    """The scanned text without the scanner's stray control characters; None when what is
    left is not something a badge or a person could have typed (a garbled read)."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc").strip()
    if not text:
        return None
    if any(unicodedata.category(ch) in ("Co", "Cn", "Cs") or ch == "\ufffd" for ch in text):
        return None
    return text


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
                return MarkResult(
                    outcome,
                    f"{name}: already marked {current['status']} at "
                    f"{parse_ts(first).astimezone().strftime('%H:%M')}; nothing changed.",
                    person,
                    current["status"],
                    current["status"],
                    first,
                    att_id,
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
                "marked_by": self.settings.operator,
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
        with self.store.transaction():
            self.store.conn.execute(
                "DELETE FROM session_close WHERE session_id = ?", (self.session_id,)
            )

    def counts(self) -> dict[str, int]:
        return session_counts(self.store, self.session_id)


def write_version(
    store: Store,
    att_id: str,
    data: dict[str, Any],
    current: dict[str, Any] | None,
    *,
    deleted: bool = False,
) -> str:
    """Write a new version of the attendance record made here; returns its updated_at."""
    if current is None:
        store.insert("attendance", data, record_id=att_id)
    elif deleted:
        store.delete("attendance", att_id)
    elif not current["deleted"]:
        store.update("attendance", att_id, data)
    else:
        # Bring an undone (tombstoned) mark back: a full new version made on this desk.
        with store.transaction():
            store.apply_record(
                {
                    "kind": "attendance",
                    "id": att_id,
                    "updated_at": store.next_version(after=current["updated_at"]),
                    "origin": store.device_id,
                    "deleted": False,
                    "data": data,
                }
            )
    return store.conn.execute(
        "SELECT updated_at FROM attendance WHERE id = ?", (att_id,)
    ).fetchone()[0]


def _history(
    store: Store,
    att_id: str,
    data: dict[str, Any] | None,
    action: str,
    current: dict[str, Any] | None,
    live: bool,
    settings: DeskSettings,
    version: str,
) -> int:
    cursor = store.conn.execute(
        "INSERT INTO attendance_history(attendance_id, session_id, participant_id, action, "
        "status, previous_status, marked_at, previous_marked_at, previous_method, method, "
        "marked_by, desk, device_id, version, clock_note) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            att_id,
            (data or current or {}).get("session_id"),
            (data or current or {}).get("participant_id"),
            action,
            data["status"] if data else None,
            current["status"] if live and current else None,
            data["marked_at"] if data else None,
            current["marked_at"] if live and current else None,
            current["method"] if live and current else None,
            data["method"] if data else None,
            settings.operator,
            settings.desk,
            store.device_id,
            version,
            clock.history_note(store),  # marked while this laptop's clock is known wrong
        ),
    )
    return int(cursor.lastrowid)


def undo_mark(store: Store, history_seq: int, settings: DeskSettings | None = None) -> MarkResult:
    settings = settings or load_settings(store)
    with store.transaction():
        entry = store.conn.execute(
            "SELECT * FROM attendance_history WHERE seq = ?", (history_seq,)
        ).fetchone()
        if entry is None:
            return MarkResult("unknown", "Nothing to undo.")
        current = store.get("attendance", entry["attendance_id"])
        person = people.by_id(store, entry["participant_id"]) or {"id": entry["participant_id"]}
        if current is None or current["updated_at"] != entry["version"]:
            return MarkResult(
                "already", "This mark was changed since; it cannot be undone from here.", person
            )
        live = not current["deleted"]
        if entry["previous_status"] is None:
            version = write_version(store, entry["attendance_id"], None, current, deleted=True)
            data = None
        else:
            data = {
                "session_id": entry["session_id"],
                "participant_id": entry["participant_id"],
                "status": entry["previous_status"],
                "marked_at": entry["previous_marked_at"] or format_ts(datetime.now(timezone.utc)),
                "method": entry["previous_method"] or "scan",
                "marked_by": settings.operator,
            }
            version = write_version(store, entry["attendance_id"], data, current)
        seq = _history(
            store,
            entry["attendance_id"],
            data
            or {
                "session_id": entry["session_id"],
                "participant_id": entry["participant_id"],
                "status": None,
                "marked_at": None,
                "method": None,
            },
            "undo",
            current,
            live,
            settings,
            version,
        )
    restored = entry["previous_status"] or "not marked"
    return MarkResult(
        "changed",
        f"{people.label(person)}: undone, now {restored}",
        person,
        entry["previous_status"],
        entry["status"],
        None,
        entry["attendance_id"],
        seq,
    )


def close_session(
    store: Store,
    session_id: str,
    settings: DeskSettings | None = None,
    *,
    now: datetime | None = None,
) -> int:
    """'Mark the rest absent': one transaction, then the session refuses further scans."""
    settings = settings or load_settings(store)
    session = store.require("session", session_id)
    stamp = format_ts(_aware(now))
    made = 0
    with store.transaction():
        rows = store.conn.execute(
            "SELECT e.participant_id FROM enrolment e WHERE e.workshop_id = ? "
            "AND e.deleted = 0 AND e.status = 'enrolled' AND NOT EXISTS ("
            " SELECT 1 FROM attendance a WHERE a.session_id = ? AND "
            " a.participant_id = e.participant_id AND a.deleted = 0)",
            (session["workshop_id"], session_id),
        ).fetchall()
        for (participant_id,) in rows:
            att_id = attendance_id(session_id, participant_id)
            current = store.get("attendance", att_id)
            data = {
                "session_id": session_id,
                "participant_id": participant_id,
                "status": "absent",
                "marked_at": stamp,
                "method": "bulk",
                "marked_by": settings.operator,
            }
            version = write_version(store, att_id, data, current)
            _history(store, att_id, data, "bulk", current, False, settings, version)
            made += 1
        store.conn.execute(
            "INSERT INTO session_close(session_id, closed_at, closed_by) VALUES (?, ?, ?) "
            "ON CONFLICT(session_id) DO UPDATE SET closed_at = excluded.closed_at, "
            "closed_by = excluded.closed_by",
            (session_id, stamp, settings.operator),
        )
    return made


def session_counts(store: Store, session_id: str) -> dict[str, int]:
    """Enrolled and marked (by status) for the desk's counters; withdrawn people left out."""
    session = store.require("session", session_id)
    enrolled_n = store.conn.execute(
        "SELECT count(*) FROM enrolment WHERE workshop_id = ? AND deleted = 0 "
        "AND status = 'enrolled'",
        (session["workshop_id"],),
    ).fetchone()[0]
    counts = {"enrolled": enrolled_n, "present": 0, "late": 0, "excused": 0, "absent": 0}
    for status, n in store.conn.execute(
        "SELECT a.status, count(*) FROM attendance a JOIN enrolment e ON "
        "e.participant_id = a.participant_id AND e.workshop_id = ? AND e.deleted = 0 "
        "AND e.status = 'enrolled' WHERE a.session_id = ? AND a.deleted = 0 GROUP BY a.status",
        (session["workshop_id"], session_id),
    ):
        counts[status] = n
    counts["marked"] = counts["present"] + counts["late"] + counts["excused"] + counts["absent"]
    counts["arrived"] = counts["present"] + counts["late"]
    return counts


def session_marks(store: Store, session_id: str) -> dict[str, dict[str, Any]]:
    """participant_id → the current mark row, for registers and lists."""
    return {
        r["participant_id"]: dict(r)
        for r in store.conn.execute(
            "SELECT * FROM attendance WHERE session_id = ? AND deleted = 0", (session_id,)
        )
    }


def latest_marks(store: Store, session_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """The session's current marks, most recently changed first, each with the person's
    names and code: the desk's "Latest marks" list after a restart shows who is already
    marked on disk, not only what was scanned since the window opened."""
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT a.id AS attendance_id, a.participant_id, a.status, a.marked_at, "
            "a.updated_at, p.name_en, p.name_hi, p.employee_code "
            "FROM attendance a LEFT JOIN participant p ON p.id = a.participant_id "
            "WHERE a.session_id = ? AND a.deleted = 0 "
            "ORDER BY a.updated_at DESC, a.id LIMIT ?",
            (session_id, limit),
        )
    ]


def history_for(
    store: Store, participant_id: str, workshop_id: str | None = None
) -> list[dict[str, Any]]:
    """A participant's attendance detail: every change, newest first, with session info."""
    sql = (
        "SELECT h.*, s.date, s.start_time, s.topic_en, s.topic_hi, "
        "w.title_en AS workshop_title_en "
        "FROM attendance_history h LEFT JOIN session s ON s.id = h.session_id "
        "LEFT JOIN workshop w ON w.id = s.workshop_id WHERE h.participant_id = ? "
    )
    params: list[Any] = [participant_id]
    if workshop_id:
        sql += "AND s.workshop_id = ? "
        params.append(workshop_id)
    sql += "ORDER BY h.seq DESC"
    return [dict(r) for r in store.conn.execute(sql, params)]


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
