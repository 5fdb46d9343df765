"""Small builders shared by the attendance tests."""

from __future__ import annotations

from datetime import date

from desktop.core import workshops
from desktop.core.enrolment import enrol
from desktop.core.workshops import SessionPlan, WorkshopPlan
from desktop.store import Store


def programme(store: Store, code: str = "KSK", pct: int = 75) -> str:
    return workshops.save_programme(
        store,
        {
            "code": code,
            "title_en": "Karmayogi Basics",
            "title_hi": "कर्मयोगी आधार",
            "hours": 6,
            "min_attendance_pct": pct,
        },
    )


def plan(
    programme_id: str,
    day: date,
    *,
    days: int = 1,
    slots=(("10:00", "11:30"),),
    mode: str = "institute",
    title: str = "Workshop",
) -> WorkshopPlan:
    from datetime import timedelta

    sessions = [
        SessionPlan(
            date=(day + timedelta(days=d)).isoformat(),
            start_time=a,
            end_time=b,
            topic_en=f"Topic {d}-{a}",
            topic_hi="विषय",
        )
        for d in range(days)
        for a, b in slots
    ]
    return WorkshopPlan(
        programme_id=programme_id,
        title_en=title,
        title_hi="प्रशिक्षण कार्यशाला",
        mode=mode,
        venue="Hall 2",
        district_code="LKO",
        start_date=day.isoformat(),
        end_date=(day + timedelta(days=days - 1)).isoformat(),
        trainers=["A. Trainer"],
        sessions=sessions,
    )


def person(store: Store, n: int, **extra) -> str:
    data = {
        "name_en": f"Person {n}",
        "name_hi": "रमेश कुमार",
        "employee_code": f"EMP{n:04d}",
        "mobile": f"9{n:09d}",
        "designation": "Lekhpal",
        "department": "Revenue",
    }
    data.update(extra)
    return store.insert("participant", data)


def workshop_with_people(store: Store, day: date, count: int = 5, **plan_kw):
    prog = programme(store, code=plan_kw.pop("code", "KSK"))
    ws = workshops.create_workshop(store, plan(prog, day, **plan_kw))
    people = [person(store, 1000 * len(workshops.list_workshops(store)) + i) for i in range(count)]
    for p in people:
        enrol(store, ws, p)
    sessions = [s["id"] for s in workshops.sessions_of(store, ws)]
    return ws, sessions, people
