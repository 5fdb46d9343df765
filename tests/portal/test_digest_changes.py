"""§6a digests and §7 `/changes` with its cursor."""

from __future__ import annotations

import hashlib

from desktop.protocol.ids import new_id
from desktop.protocol.records import KIND_ORDER

from .samples import record, valid_data


def independent_digest(records, device_id):
    """§6a computed from the text, without the portal's code."""
    out = {}
    for kind in KIND_ORDER:
        mine = sorted((r["id"], r["updated_at"]) for r in records
                      if r["kind"] == kind and r["origin"] == device_id)
        text = "".join(f"{i} {u}\n" for i, u in mine)
        out[kind] = {"count": len(mine), "sha256": hashlib.sha256(text.encode()).hexdigest()}
    return {"kinds": out}


def test_digest_equals_an_independent_computation(portal, make_desk):
    a, b = make_desk("TST"), make_desk("TST")
    sent = []
    for d in (a, b):
        batch = [record("participant", origin=d.device_id) for _ in range(7)]
        batch += [record("attendance", origin=d.device_id) for _ in range(5)]
        batch += [record("programme", origin=d.device_id, deleted=True, data={})]
        d.send(*batch)
        sent += batch
    newer = {**sent[0], "updated_at": "2099-01-01T00:00:00.000Z"}  # a's participant, edited
    a.send(newer)
    sent[0] = newer
    for d in (a, b):
        response = d.get(f"/devices/{d.device_id}/digest")
        assert response.status_code == 200
        assert response.json() == independent_digest(sent, d.device_id)
    assert a.get(f"/devices/{a.device_id}/digest").json()["kinds"]["participant"]["count"] == 7


def test_digest_follows_the_current_version_only(portal, make_desk):
    a, b = make_desk("TST"), make_desk("TST")
    r = record("participant", origin=a.device_id, updated_at="2026-11-22T10:00:00.000Z")
    a.send(r)
    b.send({**r, "origin": b.device_id, "updated_at": "2026-11-22T11:00:00.000Z"})
    assert a.get(f"/devices/{a.device_id}/digest").json()["kinds"]["participant"]["count"] == 0
    assert b.get(f"/devices/{b.device_id}/digest").json() == independent_digest(
        portal.records(), b.device_id)


def test_digest_of_an_unknown_device_is_empty_and_of_another_institute_403(make_desk):
    a, other = make_desk("TST"), make_desk("OTH")
    body = a.get(f"/devices/{new_id()}/digest").json()
    assert all(v["count"] == 0 for v in body["kinds"].values())
    assert set(body["kinds"]) == set(KIND_ORDER)
    assert a.get(f"/devices/{other.device_id}/digest").status_code == 403
    assert a.get("/devices/nope/digest").status_code == 400


def pull_all(desk, since=""):
    seen, pages = [], 0
    while True:
        response = desk.get("/changes", params={"since": since})
        assert response.status_code == 200
        body = response.json()
        assert set(body) == {"cursor", "records"}
        pages += 1
        if not body["records"]:
            return seen, body["cursor"], pages
        seen += body["records"]
        since = body["cursor"]


def nominate(portal, institute, participant_ids, workshop_id=None):
    """Portal-side: a workshop of `institute` and nominations into it."""
    workshop_id = workshop_id or new_id()
    portal.put_record(record("workshop", valid_data("workshop", institute_code=institute),
                             origin=portal.db.origin, record_id=workshop_id))
    for pid in participant_ids:
        portal.put_record(record("enrolment", valid_data(
            "enrolment", workshop_id=workshop_id, participant_id=pid), origin=portal.db.origin))
    return workshop_id


def test_changes_carry_programmes_nominated_participants_and_revocations(portal, make_desk):
    ours, theirs = make_desk("TST"), make_desk("OTH")
    prog = record("programme", origin=portal.db.origin)
    portal.put_record(prog)
    people = [record("participant", origin=portal.db.origin) for _ in range(3)]
    for p in people:
        portal.put_record(p)
    w = nominate(portal, "TST", [people[0]["id"], people[1]["id"]])
    nominate(portal, "OTH", [people[2]["id"]])
    cert = record("certificate", valid_data("certificate", workshop_id=w,
                                            revoked_at="2026-11-23T01:00:00.000Z",
                                            revocation_reason="wrong name"),
                  origin=portal.db.origin)
    valid_cert = record("certificate", valid_data("certificate", number="N-2",
                                                  workshop_id=w, qr=_qr("N-2")),
                        origin=portal.db.origin)
    portal.put_record(cert)
    portal.put_record(valid_cert)

    seen, cursor, _ = pull_all(ours)
    assert {r["id"] for r in seen} == {prog["id"], people[0]["id"], people[1]["id"],
                                        cert["id"]}
    by_id = {r["id"]: r for r in seen}
    assert by_id[people[0]["id"]] == people[0]  # the §4 form, exactly as held
    theirs_seen, _, _ = pull_all(theirs)
    assert {r["id"] for r in theirs_seen} == {prog["id"], people[2]["id"]}
    # nothing new: the same cursor comes back with no records
    again = ours.get("/changes", params={"since": cursor}).json()
    assert again == {"cursor": cursor, "records": []}


def _qr(number):
    from .samples import fake_qr

    return fake_qr(number)


def test_cursor_pages_without_loss_or_repeats(tmp_path, make_desk, portal):
    portal.limits.changes_page = 7
    desk = make_desk("TST")
    programmes = [record("programme", origin=portal.db.origin) for _ in range(30)]
    for p in programmes:
        portal.put_record(p)
    seen, cursor, pages = pull_all(desk)
    assert [r["id"] for r in seen] == [p["id"] for p in programmes]  # in change order
    assert pages == 6  # 5 pages of ≤7, then an empty one
    later = record("programme", origin=portal.db.origin)
    portal.put_record(later)
    edited = {**programmes[3], "updated_at": "2099-01-01T00:00:00.000Z"}
    portal.put_record(edited)
    more, _, _ = pull_all(desk, cursor)
    assert [r["id"] for r in more] == [later["id"], edited["id"]]
    assert more[1]["updated_at"] == "2099-01-01T00:00:00.000Z"


def test_an_old_participant_nominated_later_appears(portal, make_desk):
    desk = make_desk("TST")
    person = record("participant", origin=portal.db.origin)
    portal.put_record(person)
    first, cursor, _ = pull_all(desk)
    assert first == []
    for _ in range(3):
        portal.put_record(record("programme", origin=portal.db.origin))
    nominate(portal, "TST", [person["id"]])
    later, _, _ = pull_all(desk, cursor)
    assert person["id"] in {r["id"] for r in later}


def test_a_desks_own_nominations_feed_its_pull_too(portal, make_desk):
    desk = make_desk("TST")
    person = record("participant", origin=desk.device_id)
    w = record("workshop", origin=desk.device_id)
    e = record("enrolment", valid_data("enrolment", workshop_id=w["id"],
                                       participant_id=person["id"]), origin=desk.device_id)
    desk.send(person, w, e)
    seen, _, _ = pull_all(desk)
    assert [r["id"] for r in seen] == [person["id"]]


def test_bad_cursor_is_400(desk):
    assert desk.get("/changes", params={"since": "yesterday"}).status_code == 400
    ahead = desk.get("/changes", params={"since": "999999"})
    assert (ahead.status_code, ahead.json()["error"]) == (400, "invalid_cursor")
    assert desk.get("/changes").status_code == 200
