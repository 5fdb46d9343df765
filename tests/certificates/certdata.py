"""Test data for certificate tests: a finished workshop with attendance (no fixtures here,
so worker processes and the benchmark can import it)."""

from __future__ import annotations

from desktop.store import Store

NAMES = [
    ("Sita Devi", "सीता देवी"),
    ("Gyaneshwari Priyadarshini Tripathi-Kshatriya", "ज्ञानेश्वरी प्रियदर्शिनी त्रिपाठी-क्षत्रिय"),
    ("Shraddha Mishra", "श्रद्धा मिश्रा"),
    ("Kishan Lal", "किशन लाल"),
    ("Priya Kumari", None),
]


def make_workshop(store: Store, n: int = 5, absent_last: bool = True) -> dict:
    """A finished 2-session workshop; the last participant missed both (not eligible)."""
    prog = store.insert(
        "programme",
        {
            "code": "EOFF",
            "title_en": "e-Office and Digital Governance",
            "title_hi": "ई-ऑफिस एवं डिजिटल शासन",
            "hours": 12,
            "min_attendance_pct": 75,
        },
    )
    ws = store.insert(
        "workshop",
        {
            "programme_id": prog,
            "institute_code": store.institute_code,
            "title_en": "e-Office batch 7",
            "title_hi": "ई-ऑफिस बैच 7",
            "mode": "institute",
            "venue": "UPAAM, Lucknow",
            "district_code": "LKO",
            "start_date": "2026-11-18",
            "end_date": "2026-11-19",
            "trainers": ["A. Kumar"],
        },
    )
    sessions = [
        store.insert(
            "session",
            {
                "workshop_id": ws,
                "date": d,
                "start_time": "10:00",
                "end_time": "13:00",
                "topic_en": "Topic",
            },
        )
        for d in ("2026-11-18", "2026-11-19")
    ]
    pids = []
    for i in range(n):
        en, hi = NAMES[i % len(NAMES)]
        pid = store.insert(
            "participant",
            {
                "name_en": en if i < len(NAMES) else f"{en} {i}",
                "name_hi": hi,
                "employee_code": f"EMP{i:05d}",
                "designation": "Block Development Officer",
                "department": "Rural Development",
            },
        )
        pids.append(pid)
        store.insert(
            "enrolment",
            {"workshop_id": ws, "participant_id": pid, "source": "nominated", "status": "enrolled"},
        )
        absent = absent_last and i == n - 1
        for s in sessions:
            store.insert(
                "attendance",
                {
                    "session_id": s,
                    "participant_id": pid,
                    "status": "absent" if absent else "present",
                    "marked_at": "2026-11-18T10:05:00.000Z",
                    "method": "scan",
                    "marked_by": "desk",
                },
            )
    return {"programme": prog, "workshop": ws, "sessions": sessions, "participants": pids}
