"""Demo part: programmes and institute/field workshops (past, running today, upcoming) with
sessions and enrolments. Dates are relative to today so the desk always has a session to
run; everything else follows the seed."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from desktop.core import lookups
from desktop.core.demo.ids import demo_id
from desktop.store import Store
from desktop.store.bulk import insert_many

PROGRAMMES = (
    ("KSK-01", "Karmayogi Competency Basics", "कर्मयोगी दक्षता आधार", 12, 75),
    ("EGV-02", "e-Governance and e-Office", "ई-गवर्नेंस एवं ई-ऑफिस", 18, 80),
    ("RTI-03", "Right to Information Act", "सूचना का अधिकार अधिनियम", 6, 100),
    ("FIN-04", "Public Financial Management", "लोक वित्तीय प्रबंधन", 12, 75),
)
TOPICS = (
    ("Orientation and objectives", "अभिमुखीकरण एवं उद्देश्य"),
    ("Citizen-centric service delivery", "नागरिक-केंद्रित सेवा प्रदाय"),
    ("Using the iGOT platform", "आईगॉट प्लेटफ़ॉर्म का प्रयोग"),
    ("e-Office file movement", "ई-ऑफिस में पत्रावली संचलन"),
    ("Procurement on GeM", "जेम पर क्रय प्रक्रिया"),
    ("Grievance redressal (IGRS)", "जन शिकायत निवारण (आईजीआरएस)"),
    ("Group exercise and review", "सामूहिक अभ्यास एवं समीक्षा"),
    ("Stress management", "तनाव प्रबंधन"),
)
TRAINERS = ("Dr. Anita Srivastava", "Sh. R. K. Verma", "Smt. Neha Tripathi", "Sh. Alok Mishra")
SLOTS = (("09:30", "11:00"), ("11:30", "13:00"), ("14:00", "15:30"), ("16:00", "17:00"))
# (days from today to the start, number of days, mode)
PLAN = (
    (-40, 2, "institute"),
    (-21, 3, "field"),
    (-9, 1, "institute"),
    (0, 2, "institute"),
    (-1, 2, "field"),
    (6, 3, "institute"),
    (14, 1, "field"),
    (30, 2, "institute"),
)
ID_BASE = 50_000_000


def seed(store: Store, rng: random.Random, context: dict[str, Any]) -> None:
    today = context.get("today") or date.today()
    if isinstance(today, str):
        today = date.fromisoformat(today)
    counter = ID_BASE
    with store.transaction():
        programmes = []
        for code, en, hi, hours, pct in PROGRAMMES:
            pid = store.insert(
                "programme",
                {
                    "code": code,
                    "title_en": en,
                    "title_hi": hi,
                    "hours": hours,
                    "min_attendance_pct": pct,
                },
                record_id=demo_id(rng, counter),
            )
            counter += 1
            programmes.append((pid, en, hi))
        districts = lookups.district_codes(store)
        departments = [r[0] for r in store.conn.execute("SELECT name_en FROM department")]
        participants: list[str] = list(context.get("participant_ids") or [])
        made = []
        for n, (offset, days, mode) in enumerate(PLAN):
            programme_id, title_en, title_hi = programmes[n % len(programmes)]
            start = today + timedelta(days=offset)
            end = start + timedelta(days=days - 1)
            district = (
                "LKO" if mode == "institute" and "LKO" in districts else rng.choice(districts)
            )
            workshop_id = demo_id(rng, counter)
            counter += 1
            store.insert(
                "workshop",
                {
                    "programme_id": programme_id,
                    "institute_code": store.institute_code,
                    "title_en": f"{title_en} — batch {n + 1}",
                    "title_hi": f"{title_hi} — बैच {n + 1}",
                    "mode": mode,
                    "venue": "UPAAM, Lucknow — Hall 2"
                    if mode == "institute"
                    else "Collectorate meeting hall",
                    "district_code": district,
                    "department": None if mode == "institute" else rng.choice(departments),
                    "start_date": start.isoformat(),
                    "end_date": end.isoformat(),
                    "trainers": rng.sample(TRAINERS, 2),
                    "igot_course_id": None,
                    "igot_batch_id": None,
                },
                record_id=workshop_id,
            )
            sessions = []
            for d in range(days):
                day = start + timedelta(days=d)
                for slot in SLOTS[: rng.choice((2, 3, 4))]:
                    topic = rng.choice(TOPICS)
                    sid = demo_id(rng, counter)
                    counter += 1
                    store.insert(
                        "session",
                        {
                            "workshop_id": workshop_id,
                            "date": day.isoformat(),
                            "start_time": slot[0],
                            "end_time": slot[1],
                            "topic_en": topic[0],
                            "topic_hi": topic[1],
                            "trainer": rng.choice(TRAINERS),
                        },
                        record_id=sid,
                    )
                    sessions.append(sid)
            size = min(len(participants), rng.randint(24, 40))
            chosen = rng.sample(participants, size) if size else []
            rows = [
                {
                    "workshop_id": workshop_id,
                    "participant_id": p,
                    "source": "walk_in" if rng.random() < 0.08 else "nominated",
                    "status": "withdrawn" if rng.random() < 0.04 else "enrolled",
                }
                for p in chosen
            ]
            ids = [demo_id(rng, counter + i) for i in range(len(rows))]
            counter += len(rows)
            insert_many(store, "enrolment", rows, ids=ids)
            made.append(
                {
                    "id": workshop_id,
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "sessions": sessions,
                    "participants": chosen,
                }
            )
    context["workshops"] = made
    context["today"] = today.isoformat()
