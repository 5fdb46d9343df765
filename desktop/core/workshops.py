"""Programmes, workshops and their sessions: validation, planning, copying and listing.

A workshop runs on one or more days with several sessions a day. Everything here is plain
data in and out (dicts with the §4 fields), so the CLI, the GUI and the demo share it.

About 500 lines on purpose: a workshop's plan, its sessions and the listings are validated
and read against the same §4 fields and date rules, which stay next to each other."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from desktop.core import audit, lookups
from desktop.core.problems import Catalogue, Problem
from desktop.core.users import Permission, require
from desktop.store import RecordNotFound, Store
from desktop.text.said import said

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
MODES = ("institute", "field")
WHEN = ("upcoming", "running", "past")


#: English messages by code (a GUI translates by code: desktop/ui/workshops/problems.py).
MESSAGES = {
    "code_required": "a programme needs a short code, e.g. KSK-01",
    "code_taken": "programme code {value} is already used",
    "title_required": "the English title must not be empty",
    "hours_invalid": "hours must be a number above 0",
    "pct_invalid": "minimum attendance must be a whole number 0–100",
    "programme_required": "choose the programme this workshop belongs to",
    "mode_invalid": "mode must be 'institute' or 'field'",
    "venue_required": "say where the workshop is held",
    "district_unknown": "unknown district code {value!r}",
    "not_a_date": "{value!r} is not a date (YYYY-MM-DD)",
    "end_before_start": "the workshop cannot end before it starts",
    "too_long": "a workshop longer than a year is surely a typing mistake",
    "trainer_blank": "remove the empty trainer name",
    "session_outside": "{value} is outside the workshop's dates {start} to {end}",
    "not_a_time": "{value!r} is not a time (HH:MM, 24-hour)",
    "session_order": "a session must end after it starts",
    "topic_required": "give the session a topic",
    "session_overlap": "overlaps session {other} on {date}",
    "no_sessions": "add at least one session",
    "session_has_marks": (
        "the session of {date} {time} already has {marks} attendance marks and cannot be removed"
    ),
    "no_start_date": "the original workshop has no valid start date",
}
problem = Catalogue(MESSAGES)


class ValidationError(ValueError):
    """Bad input for a record: names the field (and session row) so the form can point at it.

    `problems` are `Problem`s: (field, English message) pairs with a `code` and `params`;
    a session's fields are named "session <n>.<field>" (and carry `params["session"]`)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{f}: {m}" for f, m in problems))


@dataclass
class SessionPlan:
    date: str
    start_time: str
    end_time: str
    topic_en: str
    topic_hi: str | None = None
    trainer: str | None = None
    igot_session_id: str | None = None
    id: str | None = None  # set when editing an existing session

    def data(self, workshop_id: str) -> dict[str, Any]:
        return {
            "workshop_id": workshop_id,
            "date": self.date,
            "start_time": self.start_time,
            "end_time": self.end_time,
            "topic_en": self.topic_en,
            "topic_hi": self.topic_hi,
            "trainer": self.trainer,
            "igot_session_id": self.igot_session_id,
        }


@dataclass
class WorkshopPlan:
    programme_id: str
    title_en: str
    mode: str
    venue: str
    district_code: str
    start_date: str
    end_date: str
    title_hi: str | None = None
    department: str | None = None
    trainers: list[str] = field(default_factory=list)
    igot_course_id: str | None = None
    igot_batch_id: str | None = None
    sessions: list[SessionPlan] = field(default_factory=list)


def _parse_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# -- programmes ------------------------------------------------------------------------------
def validate_programme(data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    if _blank(data.get("code")):
        problems.append(problem("code", "code_required"))
    if _blank(data.get("title_en")):
        problems.append(problem("title_en", "title_required"))
    hours = data.get("hours")
    if not isinstance(hours, (int, float)) or isinstance(hours, bool) or hours <= 0:
        problems.append(problem("hours", "hours_invalid"))
    pct = data.get("min_attendance_pct")
    if not isinstance(pct, int) or isinstance(pct, bool) or not 0 <= pct <= 100:
        problems.append(problem("min_attendance_pct", "pct_invalid"))
    return problems


def save_programme(store: Store, data: dict[str, Any], programme_id: str | None = None) -> str:
    require(store, Permission.EDIT_WORKSHOPS)
    problems = validate_programme(data)
    if problems:
        raise ValidationError(problems)
    clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()}
    with store.transaction():
        clash = store.conn.execute(
            "SELECT id FROM programme WHERE code = ? AND deleted = 0 AND id IS NOT ?",
            (clean["code"], programme_id),
        ).fetchone()
        if clash:
            raise ValidationError([problem("code", "code_taken", value=clean["code"])])
        if programme_id is None:
            return store.insert("programme", clean)
        store.update("programme", programme_id, clean)
        return programme_id


def list_programmes(store: Store) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT id, code, title_en, title_hi, hours, min_attendance_pct FROM programme "
            "WHERE deleted = 0 ORDER BY code"
        )
    ]


# -- workshops -------------------------------------------------------------------------------
def validate_plan(store: Store, plan: WorkshopPlan) -> list[Problem]:
    """Every problem at once, so a form can mark all bad fields in one go."""
    problems: list[Problem] = []
    programme = store.get("programme", plan.programme_id) if plan.programme_id else None
    if programme is None or programme["deleted"]:
        problems.append(problem("programme_id", "programme_required"))
    if _blank(plan.title_en):
        problems.append(problem("title_en", "title_required"))
    if plan.mode not in MODES:
        problems.append(problem("mode", "mode_invalid"))
    if _blank(plan.venue):
        problems.append(problem("venue", "venue_required"))
    if not lookups.district_exists(store, plan.district_code):
        problems.append(problem("district_code", "district_unknown", value=plan.district_code))
    start, end = _parse_date(plan.start_date), _parse_date(plan.end_date)
    if start is None:
        problems.append(problem("start_date", "not_a_date", value=plan.start_date))
    if end is None:
        problems.append(problem("end_date", "not_a_date", value=plan.end_date))
    if start and end and end < start:
        problems.append(problem("end_date", "end_before_start"))
    if start and end and (end - start).days > 366:
        problems.append(problem("end_date", "too_long"))
    if any(_blank(t) for t in plan.trainers):
        problems.append(problem("trainers", "trainer_blank"))
    slots: dict[str, list[tuple[str, str, int]]] = {}
    for n, session in enumerate(plan.sessions, start=1):
        where = f"session {n}"
        day = _parse_date(session.date)
        if day is None:
            problems.append(problem(f"{where}.date", "not_a_date", value=session.date, session=n))
        elif start and end and not start <= day <= end:
            problems.append(
                problem(
                    f"{where}.date",
                    "session_outside",
                    value=session.date,
                    start=plan.start_date,
                    end=plan.end_date,
                    session=n,
                )
            )
        times_ok = True
        for name in ("start_time", "end_time"):
            value = getattr(session, name)
            if not isinstance(value, str) or not _TIME.match(value):
                problems.append(problem(f"{where}.{name}", "not_a_time", value=value, session=n))
                times_ok = False
        if times_ok and session.end_time <= session.start_time:
            problems.append(problem(f"{where}.end_time", "session_order", session=n))
            times_ok = False
        if _blank(session.topic_en):
            problems.append(problem(f"{where}.topic_en", "topic_required", session=n))
        if day and times_ok:
            for other_start, other_end, other_n in slots.get(session.date, []):
                if session.start_time < other_end and other_start < session.end_time:
                    problems.append(
                        problem(
                            f"{where}.start_time",
                            "session_overlap",
                            other=other_n,
                            date=session.date,
                            session=n,
                        )
                    )
            slots.setdefault(session.date, []).append((session.start_time, session.end_time, n))
    if not plan.sessions:
        problems.append(problem("sessions", "no_sessions"))
    return problems


def _workshop_data(store: Store, plan: WorkshopPlan) -> dict[str, Any]:
    return {
        "programme_id": plan.programme_id,
        "institute_code": store.institute_code,
        "title_en": plan.title_en.strip(),
        "title_hi": (plan.title_hi or "").strip() or None,
        "mode": plan.mode,
        "venue": plan.venue.strip(),
        "district_code": plan.district_code,
        "department": (plan.department or "").strip() or None,
        "start_date": plan.start_date,
        "end_date": plan.end_date,
        "trainers": [t.strip() for t in plan.trainers],
        "igot_course_id": plan.igot_course_id or None,
        "igot_batch_id": plan.igot_batch_id or None,
    }


def create_workshop(store: Store, plan: WorkshopPlan) -> str:
    """Validate and store a workshop with its sessions in one transaction."""
    require(store, Permission.EDIT_WORKSHOPS)
    problems = validate_plan(store, plan)
    if problems:
        raise ValidationError(problems)
    with store.transaction():
        workshop_id = store.insert("workshop", _workshop_data(store, plan))
        for session in sorted(plan.sessions, key=lambda s: (s.date, s.start_time)):
            store.insert("session", session.data(workshop_id))
        audit.record(store, "workshop.edit", target=workshop_id, workshop_id=workshop_id,
                     details={"change": "created", "title_en": plan.title_en})
    return workshop_id


def update_workshop(store: Store, workshop_id: str, plan: WorkshopPlan) -> None:
    """Save an edited plan: changed fields become new versions, sessions without an id are
    added, sessions no longer in the plan are tombstoned unless attendance was marked."""
    require(store, Permission.EDIT_WORKSHOPS)
    problems = validate_plan(store, plan)
    if problems:
        raise ValidationError(problems)
    with store.transaction():
        current = store.require("workshop", workshop_id)
        data = _workshop_data(store, plan)
        data["institute_code"] = current["institute_code"] or data["institute_code"]
        store.update("workshop", workshop_id, data)
        kept = {s.id for s in plan.sessions if s.id}
        for row in sessions_of(store, workshop_id):
            if row["id"] in kept:
                continue
            marks = store.conn.execute(
                "SELECT count(*) FROM attendance WHERE session_id = ? AND deleted = 0",
                (row["id"],),
            ).fetchone()[0]
            if marks:
                raise ValidationError(
                    [
                        problem(
                            "sessions",
                            "session_has_marks",
                            date=row["date"],
                            time=row["start_time"],
                            marks=marks,
                        )
                    ]
                )
            store.delete("session", row["id"])
        for session in plan.sessions:
            if session.id:
                store.update("session", session.id, session.data(workshop_id))
            else:
                store.insert("session", session.data(workshop_id))
        audit.record(store, "workshop.edit", target=workshop_id, workshop_id=workshop_id,
                     details={"change": "edited", "sessions": len(plan.sessions)})


def plan_of(store: Store, workshop_id: str) -> WorkshopPlan:
    """The stored workshop as an editable plan."""
    import json

    row = store.require("workshop", workshop_id)
    trainers = json.loads(row["trainers"]) if row["trainers"] else []
    return WorkshopPlan(
        programme_id=row["programme_id"],
        title_en=row["title_en"] or "",
        title_hi=row["title_hi"],
        mode=row["mode"] or "institute",
        venue=row["venue"] or "",
        district_code=row["district_code"] or "",
        department=row["department"],
        start_date=row["start_date"] or "",
        end_date=row["end_date"] or "",
        trainers=trainers,
        igot_course_id=row["igot_course_id"],
        igot_batch_id=row["igot_batch_id"],
        sessions=[
            SessionPlan(
                date=s["date"],
                start_time=s["start_time"],
                end_time=s["end_time"],
                topic_en=s["topic_en"] or "",
                topic_hi=s["topic_hi"],
                trainer=s["trainer"],
                igot_session_id=s["igot_session_id"],
                id=s["id"],
            )
            for s in sessions_of(store, workshop_id)
        ],
    )


def copy_workshop(
    store: Store, workshop_id: str, new_start_date: str, *, title_en: str | None = None
) -> str:
    """The same plan (sessions, trainers, venue) moved to start on `new_start_date`; iGOT
    batch and session ids are not copied (a new batch gets new ones)."""
    require(store, Permission.EDIT_WORKSHOPS)
    start = _parse_date(new_start_date)
    if start is None:
        raise ValidationError([problem("start_date", "not_a_date", value=new_start_date)])
    plan = plan_of(store, workshop_id)
    old_start = _parse_date(plan.start_date)
    if old_start is None:
        raise ValidationError([problem("start_date", "no_start_date")])
    shift = start - old_start

    def moved(day: str) -> str:
        return (date.fromisoformat(day) + shift).isoformat()

    plan.start_date = moved(plan.start_date)
    plan.end_date = moved(plan.end_date)
    plan.igot_batch_id = None
    if title_en:
        plan.title_en = title_en
    for session in plan.sessions:
        session.id = None
        session.igot_session_id = None
        session.date = moved(session.date)
    return create_workshop(store, plan)


def sessions_of(store: Store, workshop_id: str) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT * FROM session WHERE workshop_id = ? AND deleted = 0 ORDER BY date, start_time",
            (workshop_id,),
        )
    ]


def phase(row: dict[str, Any], today: date) -> str:
    """'upcoming', 'running' or 'past' relative to `today`."""
    start, end = _parse_date(row.get("start_date")), _parse_date(row.get("end_date"))
    if start and start > today:
        return "upcoming"
    if end and end < today:
        return "past"
    return "running"


def list_workshops(
    store: Store,
    *,
    when: str | None = None,
    mode: str | None = None,
    today: date | None = None,
    text: str | None = None,
    with_sessions: bool = True,
) -> list[dict[str, Any]]:
    """Workshops (newest start first) with counts, optionally filtered by phase and mode."""
    if when is not None and when not in WHEN:
        raise ValueError(f"when must be one of {', '.join(WHEN)}")
    if mode is not None and mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}")
    today = today or date.today()
    iso = today.isoformat()
    where = ["w.deleted = 0"]
    params: list[Any] = []
    if when == "upcoming":
        where.append("w.start_date > ?")
        params.append(iso)
    elif when == "past":
        where.append("w.end_date < ?")
        params.append(iso)
    elif when == "running":
        where.append("w.start_date <= ? AND w.end_date >= ?")
        params += [iso, iso]
    if mode:
        where.append("w.mode = ?")
        params.append(mode)
    if text:
        where.append("(w.title_en LIKE ? OR w.title_hi LIKE ? OR w.venue LIKE ?)")
        params += [f"%{text}%"] * 3
    rows = [
        dict(r)
        for r in store.conn.execute(
            "SELECT w.*, p.code AS programme_code, "
            "(SELECT count(*) FROM enrolment e WHERE e.workshop_id = w.id AND e.deleted = 0 "
            " AND e.status = 'enrolled') AS enrolled, "
            "(SELECT count(*) FROM session s WHERE s.workshop_id = w.id AND s.deleted = 0) "
            " AS session_count "
            "FROM workshop w LEFT JOIN programme p ON p.id = w.programme_id "
            f"WHERE {' AND '.join(where)} ORDER BY w.start_date DESC, w.title_en",
            params,
        )
    ]
    for row in rows:
        row["phase"] = phase(row, today)
        if with_sessions:
            row["sessions"] = sessions_of(store, row["id"])
    return rows


def workshop_choices(store: Store) -> list[dict[str, Any]]:
    """Live workshops for a chooser (id, titles, dates), the most recently ended first."""
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT id, title_en, title_hi, start_date, end_date FROM workshop "
            "WHERE deleted = 0 ORDER BY end_date DESC, title_en"
        )
    ]


def workshop_detail(store: Store, workshop_id: str) -> dict[str, Any]:
    """One workshop with programme, sessions (with mark counts) and enrolment counts."""
    row = store.require("workshop", workshop_id)
    detail = dict(row)
    programme = store.get("programme", row["programme_id"]) if row["programme_id"] else None
    detail["programme"] = dict(programme) if programme else None
    sessions = sessions_of(store, workshop_id)
    for s in sessions:
        s["marks"] = {
            status: n
            for status, n in store.conn.execute(
                "SELECT status, count(*) FROM attendance WHERE session_id = ? AND deleted = 0 "
                "GROUP BY status",
                (s["id"],),
            )
        }
    detail["sessions"] = sessions
    detail["enrolment"] = {
        f"{source}/{status}": n
        for source, status, n in store.conn.execute(
            "SELECT source, status, count(*) FROM enrolment WHERE workshop_id = ? "
            "AND deleted = 0 GROUP BY source, status",
            (workshop_id,),
        )
    }
    detail["enrolled"] = sum(n for k, n in detail["enrolment"].items() if k.endswith("/enrolled"))
    return detail


def sessions_on(store: Store, day: date) -> list[dict[str, Any]]:
    """Sessions on `day` across workshops, with the workshop title: the desk's session list."""
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT s.*, w.title_en AS workshop_title_en, w.title_hi AS workshop_title_hi "
            "FROM session s JOIN workshop w ON w.id = s.workshop_id "
            "WHERE s.date = ? AND s.deleted = 0 AND w.deleted = 0 "
            "ORDER BY s.start_time, w.title_en",
            (day.isoformat(),),
        )
    ]


def default_session(store: Store, now: datetime) -> dict[str, Any] | None:
    """Today's session the desk should preselect: the one running now, else the next one to
    start today, else the last one that ended today."""
    today = sessions_on(store, now.date())
    if not today:
        return None
    hhmm = now.strftime("%H:%M")
    for s in today:
        if s["start_time"] <= hhmm < (s["end_time"] or "23:59"):
            return s
    upcoming = [s for s in today if s["start_time"] > hhmm]
    if upcoming:
        return upcoming[0]
    return today[-1]


def find_workshop(store: Store, workshop_id: str) -> dict[str, Any]:
    row = store.get("workshop", workshop_id)
    if row is None or row["deleted"]:
        raise RecordNotFound(said("No workshop with id {workshop_id}.", workshop_id=workshop_id))
    return dict(row)


def shift_days(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
