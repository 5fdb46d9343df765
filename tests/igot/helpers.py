"""A linked workshop with sessions, learners and marks, for the iGOT tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.protocol.ids import now_ts

COURSE = "do_1139000000000001"
BATCH = "01390000000000000001"


@dataclass
class Linked:
    workshop: str
    sessions: list[str]
    people: list[str]
    user_of: dict[str, str | None] = field(default_factory=dict)
    content_of: dict[str, str] = field(default_factory=dict)


def make_workshop(store, *, sessions: int = 2, course: str | None = COURSE,
                  batch: str | None = BATCH) -> tuple[str, list[str]]:
    prog = store.insert("programme", {"code": "P1", "title_en": "Programme", "hours": 6,
                                      "min_attendance_pct": 75})
    ws = store.insert("workshop", {
        "programme_id": prog, "institute_code": "TST", "title_en": "Workshop",
        "mode": "institute", "venue": "Hall", "district_code": "LKO",
        "start_date": "2026-11-20", "end_date": "2026-11-21", "trainers": ["T"],
        "igot_course_id": course, "igot_batch_id": batch})
    sids = [store.insert("session", {
        "workshop_id": ws, "date": f"2026-11-{20 + i:02d}", "start_time": "10:00",
        "end_time": "13:00", "topic_en": f"Topic {i}",
        "igot_session_id": f"do_11390000000000{i:04d}"}) for i in range(sessions)]
    return ws, sids


def person(store, i: int, igot: bool = True, **extra) -> str:
    data = {"name_en": f"Learner {i}", "employee_code": f"EMP{i:05d}",
            "mobile": f"9{i:09d}", "email": f"l{i}@up.gov.in", **extra}
    if igot:
        data["igot_user_id"] = f"uid-{i:05d}"
    return store.insert("participant", data)


def mark(store, session: str, participant: str, status: str = "present") -> str:
    return store.insert("attendance", {
        "session_id": session, "participant_id": participant, "status": status,
        "marked_at": "2026-11-20T04:45:30.123Z", "method": "scan", "marked_by": "desk"})


def linked(store, learners: int = 4, sessions: int = 2) -> Linked:
    """Every learner marked present in every session; learner 0 has no iGOT id."""
    ws, sids = make_workshop(store, sessions=sessions)
    people = [person(store, i, igot=i != 0) for i in range(learners)]
    for pid in people:
        store.insert("enrolment", {"workshop_id": ws, "participant_id": pid,
                                   "source": "nominated", "status": "enrolled"})
    for sid in sids:
        for pid in people:
            mark(store, sid, pid)
    out = Linked(ws, sids, people)
    for i, pid in enumerate(people):
        out.user_of[pid] = None if i == 0 else f"uid-{i:05d}"
    for i, sid in enumerate(sids):
        out.content_of[sid] = f"do_11390000000000{i:04d}"
    return out


def expected_writes(link: Linked, batch: str = BATCH) -> set[tuple[str, str, str]]:
    return {(uid, batch, link.content_of[sid]) for sid in link.sessions
            for pid, uid in link.user_of.items() if uid}


def stamp() -> str:
    return now_ts()
