"""A small state, every number of which is worked out by hand below.

Programme P1: 50 % attendance to complete (late counts as present, the desk's default).
Participants (department, district, group): p1 Revenue LKO C · p2 Revenue VNS A ·
p3 Basic Education LKO D · p4 Basic Education VNS B · p5 Revenue LKO C (roster only) ·
p7 "=SUM(A1)" LKO C (roster only; a formula-like department for the downloads) ·
p6 deleted (never counts).
Workshops: W1 ATI institute 2026-11-02..03 (S1, S2) · W2 RTI field 2026-11-10..11 (S3, S4) ·
W3 ATI institute 2026-10-05..06 (S5, S6).
Enrolments: W1 p1 p2 p3, p4 withdrawn · W2 p2 p4 · W3 p1.
Marks: S1 p1 present, p2 late · S2 p1 present, p2 absent · S3 p4 present · S5, S6 p1 present.
Certificates: p1 W1 issued 11-05 · p2 W1 11-06 revoked · p4 W2 issued 12-01 · p1 W3 10-07.

November 2026, everything: registered 6; enrolled {p1 p2 p3 p4} 4; attended {p1 p2 p4} 3;
completed: W1 p1 2/2, p2 1/2 (late) = 50 %, p3 0/2 no; W2 p4 1/2 yes, p2 0/2 no → 3;
certified: p1 (p2's revoked, p4's issued in December) → 1."""

from __future__ import annotations

from typing import Any

from desktop.protocol.ids import new_id

from ..samples import fake_qr, record

ORIGIN = "11111111-1111-4111-8111-111111111111"

NOV = {"registered": 6, "enrolled": 4, "attended": 3, "completed": 3, "certified": 1}
NOV_REVENUE = {"registered": 3, "enrolled": 2, "attended": 2, "completed": 2, "certified": 1}
NOV_EDUCATION = {"registered": 2, "enrolled": 2, "attended": 1, "completed": 1, "certified": 0}
NOV_LKO = {"registered": 4, "enrolled": 2, "attended": 1, "completed": 1, "certified": 1}
NOV_VNS = {"registered": 2, "enrolled": 2, "attended": 2, "completed": 2, "certified": 0}
NOV_ATI = {"registered": None, "enrolled": 3, "attended": 2, "completed": 2, "certified": 1}
NOV_RTI = {"registered": None, "enrolled": 2, "attended": 1, "completed": 1, "certified": 0}
#: institute RTI as a filter: the roster is no institute's, so registered stays 6
NOV_ONLY_RTI = {"registered": 6, "enrolled": 2, "attended": 1, "completed": 1, "certified": 0}
NOV_GROUP_AB = {"registered": 2, "enrolled": 2, "attended": 2, "completed": 2, "certified": 0}
OCT = {"registered": 6, "enrolled": 1, "attended": 1, "completed": 1, "certified": 1}
EMPTY_MONTH = {"registered": 6, "enrolled": 0, "attended": 0, "completed": 0, "certified": 0}


def records() -> list[dict[str, Any]]:
    ids = {name: new_id() for name in (
        "p1", "p2", "p3", "p4", "p5", "p6", "p7", "P1", "W1", "W2", "W3",
        "S1", "S2", "S3", "S4", "S5", "S6")}
    out: list[dict[str, Any]] = []

    def add(kind: str, key: str | None = None, deleted: bool = False, **data: Any) -> None:
        out.append(record(kind, {} if deleted else data, origin=ORIGIN,
                          record_id=ids[key] if key else new_id(), deleted=deleted))

    people = {
        "p1": ("Revenue", "LKO", "C"), "p2": ("Revenue", "VNS", "A"),
        "p3": ("Basic Education", "LKO", "D"), "p4": ("Basic Education", "VNS", "B"),
        "p5": ("Revenue", "LKO", "C"), "p7": ("=SUM(A1)", "LKO", "C"),
    }
    for key, (dept, district, group) in people.items():
        add("participant", key, name_en=f"Person {key}", name_hi=None, employee_code=key.upper(),
            igot_user_id=None, designation="Clerk", department=dept, district_code=district,
            mobile=None, email=None, gender=None, service_group=group)
    add("participant", "p6", deleted=True)
    add("programme", "P1", code="P1", title_en="Office Procedures", title_hi=None,
        igot_course_id=None, hours=6, min_attendance_pct=50)
    for key, inst, mode, start, end in (("W1", "ATI", "institute", "2026-11-02", "2026-11-03"),
                                        ("W2", "RTI", "field", "2026-11-10", "2026-11-11"),
                                        ("W3", "ATI", "institute", "2026-10-05", "2026-10-06")):
        add("workshop", key, programme_id=ids["P1"], institute_code=inst, title_en=key,
            title_hi=None, mode=mode, venue="Hall", district_code="LKO", department=None,
            start_date=start, end_date=end, trainers=[], igot_course_id=None,
            igot_batch_id=None)
    for key, workshop, day in (("S1", "W1", "2026-11-02"), ("S2", "W1", "2026-11-03"),
                               ("S3", "W2", "2026-11-10"), ("S4", "W2", "2026-11-11"),
                               ("S5", "W3", "2026-10-05"), ("S6", "W3", "2026-10-06")):
        add("session", key, workshop_id=ids[workshop], date=day, start_time="10:00",
            end_time="13:00", topic_en="Topic", topic_hi=None, trainer=None,
            igot_session_id=None)
    for workshop, person, status in (("W1", "p1", "enrolled"), ("W1", "p2", "enrolled"),
                                     ("W1", "p3", "enrolled"), ("W1", "p4", "withdrawn"),
                                     ("W2", "p2", "enrolled"), ("W2", "p4", "enrolled"),
                                     ("W3", "p1", "enrolled")):
        add("enrolment", workshop_id=ids[workshop], participant_id=ids[person],
            source="nominated", status=status)
    for session, person, status in (("S1", "p1", "present"), ("S1", "p2", "late"),
                                    ("S2", "p1", "present"), ("S2", "p2", "absent"),
                                    ("S3", "p4", "present"), ("S5", "p1", "present"),
                                    ("S6", "p1", "present")):
        add("attendance", session_id=ids[session], participant_id=ids[person], status=status,
            marked_at="2026-11-02T10:05:00.000Z", method="scan", marked_by="desk")
    for n, (person, workshop, issued, revoked) in enumerate((
            ("p1", "W1", "2026-11-05T10:00:00.000Z", None),
            ("p2", "W1", "2026-11-06T10:00:00.000Z", "2026-11-20T10:00:00.000Z"),
            ("p4", "W2", "2026-12-01T10:00:00.000Z", None),
            ("p1", "W3", "2026-10-07T10:00:00.000Z", None)), start=1):
        number = f"ATI-2026-{n:06d}"
        add("certificate", participant_id=ids[person], workshop_id=ids[workshop],
            number=number, issued_at=issued, pdf_sha256="a" * 64, qr=fake_qr(number),
            revoked_at=revoked, revocation_reason="error" if revoked else None,
            supersedes=None)
    return out


def load(portal: Any) -> None:
    """The institutes and every record, applied as the portal's administrator."""
    portal.add_institute("ATI", "ATI Lucknow", "एटीआई लखनऊ")
    portal.add_institute("RTI", "RTI Varanasi", "आरटीआई वाराणसी")
    results = portal.db.put_admin_records(records())
    problems = [r for r in results if r["status"] != "applied"]
    assert problems == [], problems
