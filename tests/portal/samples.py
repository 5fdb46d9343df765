"""Valid §4 data for every kind, and a record builder, for the portal tests."""

from __future__ import annotations

import hashlib
from typing import Any

from desktop.protocol.ids import new_id, now_ts

ATTACHMENT = b"\x89PNG field photo bytes"
ATTACHMENT_SHA = hashlib.sha256(ATTACHMENT).hexdigest()

# A syntactically valid JWS (signature of the right length, but not verifiable by any key on
# a trust list): enough where the test is not about signatures.
_HEADER = "eyJhbGciOiJFZERTQSIsImtpZCI6IlRTVDoxIiwidHlwIjoia2QtY2VydCtqd3MifQ"  # TST:1


def fake_qr(number: str) -> str:
    import base64
    import json

    payload = base64.urlsafe_b64encode(
        json.dumps({"v": 1, "no": number, "name_en": "Ram"}).encode()
    ).rstrip(b"=").decode()
    signature = base64.urlsafe_b64encode(bytes(64)).rstrip(b"=").decode()
    return f"{_HEADER}.{payload}.{signature}"


def valid_data(kind: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "participant": {
            "name_en": "Ramesh Kumar", "name_hi": "रमेश कुमार", "employee_code": "EMP001",
            "igot_user_id": None, "designation": "Clerk", "department": "Revenue",
            "district_code": "LKO", "mobile": "9876543210", "email": "ramesh@example.in",
            "gender": "male", "service_group": "C",
        },
        "programme": {
            "code": "PRG-1", "title_en": "Office Procedures", "title_hi": "कार्यालय प्रक्रिया",
            "igot_course_id": None, "hours": 12.5, "min_attendance_pct": 75,
        },
        "workshop": {
            "programme_id": new_id(), "institute_code": "TST", "title_en": "Batch 1",
            "title_hi": None, "mode": "institute", "venue": "Hall A", "district_code": "LKO",
            "department": None, "start_date": "2026-11-20", "end_date": "2026-11-22",
            "trainers": ["A. Trainer"], "igot_course_id": None, "igot_batch_id": None,
        },
        "session": {
            "workshop_id": new_id(), "date": "2026-11-20", "start_time": "10:00",
            "end_time": "13:00", "topic_en": "Noting and drafting", "topic_hi": None,
            "trainer": "A. Trainer", "igot_session_id": None,
        },
        "enrolment": {
            "workshop_id": new_id(), "participant_id": new_id(), "source": "nominated",
            "status": "enrolled",
        },
        "attendance": {
            "session_id": new_id(), "participant_id": new_id(), "status": "present",
            "marked_at": "2026-11-20T10:05:00.000Z", "method": "scan", "marked_by": "desk1",
        },
        "field_visit": {
            "district_code": "VNS", "office": "Tehsil office", "department": None,
            "visit_date": "2026-11-18", "purpose": "Follow-up", "team": ["A", "B"],
            "people_met": 12, "participant_ids": [new_id()], "findings": "Registers kept.",
            "action_points": [{"text": "Train two clerks", "owner": "SDM",
                               "due_date": "2026-12-15", "status": "open"}],
            "attachments": [{"sha256": ATTACHMENT_SHA, "filename": "photo.png",
                             "media_type": "image/png", "size": len(ATTACHMENT)}],
        },
        "certificate": {
            "number": "TST-2026-000001", "participant_id": new_id(), "workshop_id": new_id(),
            "issued_at": "2026-11-22T16:00:00.000Z", "pdf_sha256": "a" * 64,
            "qr": fake_qr("TST-2026-000001"), "revoked_at": None, "revocation_reason": None,
            "supersedes": None,
        },
        "nodal_officer": {
            "department": "Revenue", "name": "Anita Verma", "designation": "Special Secretary",
            "phone": "9839012345", "email": "anita@example.in",
        },
    }[kind]
    data.update(changes)
    return data


def record(kind: str, data: dict[str, Any] | None = None, *, origin: str,
           record_id: str | None = None, updated_at: str | None = None,
           deleted: bool = False) -> dict[str, Any]:
    return {
        "kind": kind,
        "id": record_id or new_id(),
        "updated_at": updated_at or now_ts(),
        "origin": origin,
        "deleted": deleted,
        "data": valid_data(kind) if data is None else data,
    }
