"""§4 per-record validation: every field of every kind, answered per record while the rest
of the batch applies."""

from __future__ import annotations

import hashlib

import pytest

from desktop.portal.validate import SCHEMA
from desktop.protocol.records import KIND_FIELDS

from .samples import ATTACHMENT, ATTACHMENT_SHA, fake_qr, record, valid_data

# kind -> field -> values that must be refused as invalid_field
BAD: dict[str, dict[str, list]] = {
    "participant": {
        "name_en": ["", "   ", 5],
        "name_hi": [5, ["x"]],
        "employee_code": [123],
        "igot_user_id": [{"id": 1}],
        "designation": [True],
        "department": [1.5],
        "district_code": ["XXX", "lko", "Lucknow"],
        "mobile": ["98765", "98765432101", "98765-4321", 9876543210, "९८७६५४३२१०"],
        "email": ["not-an-email", "a@b", 5],
        "gender": ["Male", "f", ""],
        "service_group": ["a", "E", "Group A"],
    },
    "programme": {
        "code": ["", 7],
        "title_en": [""],
        "title_hi": [3],
        "igot_course_id": [3],
        "hours": ["12", True, -1],
        "min_attendance_pct": [75.5, "75", 101, -1, True],
    },
    "workshop": {
        "programme_id": ["PRG-1", "01936B2E-0000-7000-8000-000000000000"],
        "institute_code": ["", 5],
        "title_en": [""],
        "title_hi": [1],
        "mode": ["online", "Field"],
        "venue": [""],
        "district_code": ["ZZZ"],
        "department": [1],
        "start_date": ["20-11-2026", "2026-11-31", "2026-11-20T10:00:00.000Z"],
        "end_date": ["2026/11/22", "2026-13-01"],
        "trainers": ["A. Trainer", [""], [1]],
        "igot_course_id": [1],
        "igot_batch_id": [1],
    },
    "session": {
        "workshop_id": ["w1"],
        "date": ["2026-02-30"],
        "start_time": ["9:00", "24:00", "10:00:00", "10.00"],
        "end_time": ["13:60", 1300],
        "topic_en": [""],
        "topic_hi": [1],
        "trainer": [["x"]],
        "igot_session_id": [2],
    },
    "enrolment": {
        "workshop_id": [""],
        "participant_id": [42],
        "source": ["walk-in", "manual"],
        "status": ["active", "Enrolled"],
    },
    "attendance": {
        "session_id": ["s"],
        "participant_id": ["p"],
        "status": ["Present", "here"],
        "marked_at": ["2026-11-20T10:05:00Z", "2026-11-20T10:05:00.000+05:30",
                      "2026-11-20 10:05:00.000Z", "2026-11-20"],
        "method": ["qr", "manual"],
        "marked_by": ["", 3],
    },
    "field_visit": {
        "district_code": ["xyz"],
        "office": [""],
        "department": [5],
        "visit_date": ["18/11/2026"],
        "purpose": [""],
        "team": ["A and B", [None]],
        "people_met": ["12", 12.5, -1, True],
        "participant_ids": ["x", ["not-a-uuid"]],
        "findings": [5],
        "action_points": [
            "do things",
            [{"text": "x", "owner": "y", "status": "open", "colour": "red"}],
            [{"text": "x", "owner": "y"}],
            [{"text": "x", "owner": "y", "status": "open", "due_date": "soon"}],
        ],
        "attachments": [
            [{"sha256": "abc", "filename": "a.png", "media_type": "image/png", "size": 1}],
            [{"sha256": ATTACHMENT_SHA, "filename": "a.png", "media_type": "png",
              "size": len(ATTACHMENT)}],
            [{"sha256": ATTACHMENT_SHA, "filename": "a.png", "media_type": "image/png"}],
            [{"sha256": ATTACHMENT_SHA, "filename": "a.png", "media_type": "image/png",
              "size": len(ATTACHMENT) + 1}],
        ],
    },
    "certificate": {
        "number": [""],
        "participant_id": ["p"],
        "workshop_id": ["w"],
        "issued_at": ["2026-11-22", "2026-11-22T16:00:00Z"],
        "pdf_sha256": ["A" * 64, "a" * 63],
        "qr": ["not a jws", "a.b.c", fake_qr("OTHER-NUMBER")],
        "revoked_at": ["yesterday"],
        "revocation_reason": [5],
        "supersedes": ["TST-2026-000000"],
    },
    "nodal_officer": {
        "department": ["", "  ", 5],
        "name": ["", 5],
        "designation": [5],
        "phone": ["98390", "+91 9839012345", 9839012345],
        "email": ["anita", "a b@c.in"],
    },
}


def test_every_field_of_every_kind_has_bad_values():
    assert {k: set(v) for k, v in BAD.items()} == {k: set(v) for k, v in KIND_FIELDS.items()}


@pytest.fixture
def uploaded(desk):
    response = desk.client.put(f"/attachments/{ATTACHMENT_SHA}", content=ATTACHMENT,
                               headers={**desk.auth, "Content-Type": "image/png"})
    assert response.status_code == 201
    return desk


@pytest.mark.parametrize("kind", list(KIND_FIELDS))
def test_valid_record_of_each_kind_applies(portal, uploaded, kind):
    desk = uploaded
    full = record(kind, origin=desk.device_id)
    optional_absent = record(
        kind, origin=desk.device_id,
        data={k: v for k, v in valid_data(kind, number="N-2", qr=fake_qr("N-2")).items()
              if SCHEMA[kind][k][0]} if kind == "certificate" else
        {k: v for k, v in valid_data(kind).items() if SCHEMA[kind][k][0]},
    )
    results = desk.send(full, optional_absent)
    assert [r["status"] for r in results] == ["applied", "applied"], results
    stored = {r["id"]: r for r in portal.records()}
    assert stored[full["id"]] == full
    assert set(stored[optional_absent["id"]]["data"]) == set(KIND_FIELDS[kind])


@pytest.mark.parametrize("kind", list(KIND_FIELDS))
def test_every_bad_value_is_rejected_and_the_rest_applies(portal, uploaded, kind):
    desk = uploaded
    good_first = record(kind, origin=desk.device_id)
    bad = []
    for field, values in BAD[kind].items():
        for value in values:
            data = valid_data(kind, **{field: value})
            if kind == "certificate" and field not in ("number", "qr"):
                data["number"] = f"N-{len(bad)}"  # unique, so only the bad field is wrong
                data["qr"] = fake_qr(data["number"])
            bad.append((field, value, record(kind, data, origin=desk.device_id)))
    for start in range(0, len(bad), 40):
        chunk = bad[start : start + 40]
        results = desk.send(*[r for _, _, r in chunk])
        for (field, value, rec), result in zip(chunk, results, strict=True):
            assert result["id"] == rec["id"]
            assert result["status"] == "rejected", (field, value, result)
            assert result["code"] in ("invalid_field",), (field, value, result)
            assert result["message"].startswith(f"{field}:"), (field, value, result)
    if kind == "certificate":
        good_first["data"]["number"] = "GOOD-1"
        good_first["data"]["qr"] = fake_qr("GOOD-1")
    assert desk.send(good_first)[0]["status"] == "applied"
    assert [r["id"] for r in portal.records([kind])] == [good_first["id"]]


@pytest.mark.parametrize("kind", list(KIND_FIELDS))
def test_each_required_field_missing_or_null(uploaded, kind):
    desk = uploaded
    required = [f for f, (req, _) in SCHEMA[kind].items() if req]
    records = []
    for field in required:
        absent = {k: v for k, v in valid_data(kind).items() if k != field}
        records.append((field, record(kind, absent, origin=desk.device_id)))
        records.append((field, record(kind, valid_data(kind, **{field: None}),
                                      origin=desk.device_id)))
    results = desk.send(*[r for _, r in records])
    for (field, _), result in zip(records, results, strict=True):
        assert (result["status"], result["code"]) == ("rejected", "missing_field"), field
        assert result["message"] == f"{field}: is required"


@pytest.mark.parametrize("kind", list(KIND_FIELDS))
def test_unknown_field_is_refused(uploaded, kind):
    desk = uploaded
    misspelt = record(kind, valid_data(kind, nmae_en="typo"), origin=desk.device_id)
    result = desk.send(misspelt)[0]
    assert (result["status"], result["code"]) == ("rejected", "unknown_field")
    assert result["message"].startswith("nmae_en:")


def test_unknown_field_in_a_tombstone_is_refused_too(desk):
    tomb = record("participant", {"nmae_en": "x"}, origin=desk.device_id, deleted=True)
    assert desk.send(tomb)[0]["code"] == "unknown_field"
    ok = record("participant", {}, origin=desk.device_id, deleted=True)
    assert desk.send(ok)[0]["status"] == "applied"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"kind": "visitor"}, "unknown_kind"),
        ({"id": "12345"}, "invalid_record"),
        ({"id": "01936B2E-0000-7000-8000-000000000000"}, "invalid_record"),
        ({"updated_at": "2026-11-22T10:15:30Z"}, "invalid_record"),
        ({"updated_at": "2026-11-22T10:15:30.123+00:00"}, "invalid_record"),
        ({"origin": "desk-1"}, "invalid_record"),
        ({"deleted": 0}, "invalid_record"),
        ({"data": []}, "invalid_record"),
        ({"colour": "red"}, "unknown_field"),
    ],
)
def test_envelope_problems_are_per_record(portal, desk, change, code):
    good = record("participant", origin=desk.device_id)
    bad = {**record("participant", origin=desk.device_id), **change}
    results = desk.send(bad, good)
    assert (results[0]["status"], results[0]["code"]) == ("rejected", code)
    assert results[0]["id"] == bad["id"]
    assert results[1] == {"id": good["id"], "status": "applied"}


def test_missing_envelope_field(desk):
    bad = record("participant", origin=desk.device_id)
    del bad["updated_at"]
    result = desk.send(bad)[0]
    assert (result["code"], result["message"]) == ("missing_field", "updated_at: is required")


def test_missing_attachment_is_rejected_until_uploaded(portal, desk):
    visit = record("field_visit", origin=desk.device_id)
    other = record("participant", origin=desk.device_id)
    results = desk.send(visit, other)
    assert (results[0]["status"], results[0]["code"]) == ("rejected", "missing_attachment")
    assert ATTACHMENT_SHA in results[0]["message"]
    assert results[1]["status"] == "applied"
    desk.client.put(f"/attachments/{ATTACHMENT_SHA}", content=ATTACHMENT,
                    headers={**desk.auth, "Content-Type": "image/png"})
    assert desk.send(visit)[0]["status"] == "applied"


def test_cross_field_rules(uploaded):
    desk = uploaded
    backwards = record("workshop", valid_data("workshop", start_date="2026-11-22",
                                              end_date="2026-11-20"), origin=desk.device_id)
    late = record("session", valid_data("session", start_time="14:00", end_time="13:00"),
                  origin=desk.device_id)
    results = desk.send(backwards, late)
    assert [r["message"] for r in results] == [
        "end_date: must not be before start_date",
        "end_time: must not be before start_time",
    ]


def test_workshop_must_belong_to_the_batch_institute(desk):
    theirs = record("workshop", valid_data("workshop", institute_code="OTH"),
                    origin=desk.device_id)
    result = desk.send(theirs)[0]
    assert (result["code"], result["message"].split(":")[0]) == ("invalid_field",
                                                                 "institute_code")


def test_id_keeps_its_kind(desk):
    p = record("participant", origin=desk.device_id)
    desk.send(p)
    as_programme = record("programme", origin=desk.device_id, record_id=p["id"])
    assert desk.send(as_programme)[0]["code"] == "kind_mismatch"


def test_certificate_numbers_are_unique(portal, desk):
    a = record("certificate", origin=desk.device_id)
    b = record("certificate", origin=desk.device_id)  # same number, another id
    results = desk.send(a, b)
    assert results[0]["status"] == "applied"
    assert (results[1]["status"], results[1]["code"]) == ("rejected", "duplicate_number")
    tomb = {**a, "updated_at": "2099-01-01T00:00:00.000Z", "deleted": True, "data": {}}
    assert [r["status"] for r in desk.send(tomb, b)] == ["applied", "applied"]


def test_several_problems_are_all_named(desk):
    bad = record("participant", valid_data("participant", mobile="1", gender="x"),
                 origin=desk.device_id)
    result = desk.send(bad)[0]
    assert result["code"] == "invalid_field"
    assert "mobile: must be 10 digits" in result["message"]
    assert "gender:" in result["message"]


def test_district_codes_come_from_the_shared_csv():
    from desktop.portal.validate import district_codes

    assert len(district_codes()) == 75
    assert {"LKO", "VNS", "AGR"} <= district_codes()


def test_attachment_sha_helper_matches():
    assert hashlib.sha256(ATTACHMENT).hexdigest() == ATTACHMENT_SHA
