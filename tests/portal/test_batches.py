"""§6 batches: apply, last-writer-wins, idempotent replay, 409, malformed, limits, gzip,
one transaction, relays, GET /batches/{id}."""

from __future__ import annotations

import json

import pytest

from desktop.portal import apply as portal_apply
from desktop.protocol.ids import new_id, now_ts

from .samples import record, valid_data


def participant(desk, **kw):
    return record("participant", origin=desk.device_id, **kw)


def test_apply_and_results_in_order(portal, desk):
    records = [participant(desk) for _ in range(3)]
    results = desk.send(*records)
    assert results == [{"id": r["id"], "status": "applied"} for r in records]
    stored = {r["id"]: r for r in portal.records()}
    for r in records:
        assert stored[r["id"]] == r


def test_response_shape(desk):
    body = desk.batch_body([participant(desk)])
    response = desk.post(body)
    assert response.status_code == 200
    answer = response.json()
    assert set(answer) == {"batch_id", "received_at", "results"}
    assert answer["batch_id"] == body["batch_id"]
    assert "Idempotent-Replay" not in response.headers


def test_last_writer_wins_and_stale(portal, desk):
    rid = new_id()
    new = participant(desk, record_id=rid, updated_at="2026-11-22T10:00:00.000Z",
                      data=valid_data("participant", name_en="Newer"))
    old = participant(desk, record_id=rid, updated_at="2026-11-22T09:00:00.000Z",
                      data=valid_data("participant", name_en="Older"))
    assert desk.send(new)[0]["status"] == "applied"
    assert desk.send(old)[0]["status"] == "stale"
    assert portal.records()[0]["data"]["name_en"] == "Newer"


def test_same_time_orders_by_origin(portal, desk):
    rid, at = new_id(), "2026-11-22T10:00:00.000Z"
    low, high = "00000000-0000-7000-8000-000000000001", "ffffffff-0000-7000-8000-000000000001"
    a = record("participant", origin=high, record_id=rid, updated_at=at,
               data=valid_data("participant", name_en="High"))
    b = record("participant", origin=low, record_id=rid, updated_at=at,
               data=valid_data("participant", name_en="Low"))
    assert desk.send(b)[0]["status"] == "applied"
    assert desk.send(a)[0]["status"] == "applied"
    assert desk.send(b)[0]["status"] == "stale"
    assert portal.records()[0]["data"]["name_en"] == "High"


def test_same_version_again_is_stale_and_not_applied_twice(portal, desk):
    r = participant(desk)
    assert desk.send(r)[0]["status"] == "applied"
    assert desk.send(r)[0]["status"] == "stale"
    assert [v["id"] for v in portal.applied_versions()] == [r["id"]]


def test_same_version_with_other_content_is_rejected(portal, desk):
    r = participant(desk)
    desk.send(r)
    changed = {**r, "data": valid_data("participant", name_en="Someone else")}
    result = desk.send(changed)[0]
    assert (result["status"], result["code"]) == ("rejected", "version_conflict")


def test_tombstone_wins_over_older_version(portal, desk):
    r = participant(desk, updated_at="2026-11-22T10:00:00.000Z")
    desk.send(r)
    tomb = {**r, "updated_at": "2026-11-22T11:00:00.000Z", "deleted": True, "data": {}}
    assert desk.send(tomb)[0]["status"] == "applied"
    assert portal.records() == [tomb]


def test_replay_answers_the_stored_response_and_changes_nothing(portal, desk):
    body = desk.batch_body([participant(desk)])
    raw = json.dumps(body).encode()
    first = desk.post_raw(raw, body["batch_id"])
    before = portal.records()
    again = desk.post_raw(raw, body["batch_id"])
    assert again.status_code == 200
    assert again.headers["Idempotent-Replay"] == "true"
    assert again.content == first.content
    assert portal.records() == before
    assert len(portal.applied_versions()) == 1


def test_replay_compares_the_decompressed_body(desk):
    body = desk.batch_body([participant(desk)])
    raw = json.dumps(body).encode()
    first = desk.post_raw(raw, body["batch_id"], gzip_it=True)
    again = desk.post_raw(raw, body["batch_id"])
    assert again.status_code == 200 and again.headers["Idempotent-Replay"] == "true"
    assert again.content == first.content


def test_same_batch_id_different_body_is_409(portal, desk):
    body = desk.batch_body([participant(desk)])
    assert desk.post(body).status_code == 200
    other = dict(body, records=[participant(desk)])
    response = desk.post(other)
    assert response.status_code == 409
    assert response.json() == {"error": "batch_id_reused"}
    assert len(portal.records()) == 1
    # even a whitespace difference is another body
    spaced = json.dumps(body, indent=1).encode()
    assert desk.post_raw(spaced, body["batch_id"]).status_code == 409


def test_get_batch_returns_the_stored_response_or_404(desk):
    body = desk.batch_body([participant(desk)])
    posted = desk.post(body)
    got = desk.get(f"/batches/{body['batch_id']}")
    assert got.status_code == 200
    assert got.content == posted.content
    assert desk.get(f"/batches/{new_id()}").status_code == 404


def test_batch_of_another_institute_is_not_visible(make_desk):
    a, b = make_desk("TST"), make_desk("OTH")
    body = a.batch_body([participant(a)])
    a.post(body)
    assert b.get(f"/batches/{body['batch_id']}").status_code == 404


def assert_nothing_applied(portal, batch_id, desk):
    assert portal.records() == []
    assert desk.get(f"/batches/{batch_id}").status_code == 404


def test_invalid_json_is_400_and_nothing_applied(portal, desk):
    key = new_id()
    response = desk.post_raw(b'{"protocol": 1, "records": [', key)
    assert response.status_code == 400
    assert {"error", "details"} <= set(response.json())
    assert_nothing_applied(portal, key, desk)


def test_duplicate_json_keys_are_400(portal, desk):
    body = desk.batch_body([participant(desk)])
    raw = json.dumps(body)[:-1] + ', "protocol": 1}'
    assert desk.post_raw(raw.encode(), body["batch_id"]).status_code == 400


@pytest.mark.parametrize(
    "change",
    [
        {"protocol": 2},
        {"batch_id": "not-a-uuid"},
        {"device_id": "desk-1"},
        {"created_at": "2026-11-22 10:00:00"},
        {"records": {"not": "a list"}},
        {"extra": True},
        {"records": ["not an object"]},
        {"records": [{"kind": "participant"}]},
    ],
)
def test_malformed_batch_is_422_and_nothing_applied(portal, desk, change):
    good = participant(desk)
    body = desk.batch_body([good])
    body.update(change)
    key = body["batch_id"] if isinstance(body["batch_id"], str) else new_id()
    response = desk.post_raw(json.dumps(body).encode(), key)
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "invalid_batch"
    assert response.json()["details"]
    assert portal.records() == []


def test_missing_batch_field_is_422(portal, desk):
    body = desk.batch_body([participant(desk)])
    del body["created_at"]
    response = desk.post(body)
    assert response.status_code == 422
    assert "created_at: is required" in response.json()["details"]


def test_idempotency_key_must_equal_batch_id(portal, desk):
    body = desk.batch_body([participant(desk)])
    response = desk.post_raw(json.dumps(body).encode(), new_id())
    assert response.status_code == 422
    assert portal.records() == []
    missing = desk.client.post("/batches", content=json.dumps(body).encode(),
                               headers={**desk.auth, "Content-Type": "application/json"})
    assert missing.status_code == 400


def test_over_max_records_is_413_and_nothing_applied(portal, desk):
    body = desk.batch_body([participant(desk) for _ in range(portal.limits.max_records + 1)])
    response = desk.post(body)
    assert response.status_code == 413
    assert_nothing_applied(portal, body["batch_id"], desk)
    body = desk.batch_body([participant(desk) for _ in range(portal.limits.max_records)])
    assert desk.post(body).status_code == 200


def test_over_max_bytes_is_413_even_when_gzip_makes_it_small(portal, desk):
    padding = "x" * (portal.limits.max_bytes)
    body = desk.batch_body([participant(desk, data=valid_data("participant",
                                                              designation=padding))])
    raw = json.dumps(body).encode()
    assert len(raw) > portal.limits.max_bytes
    assert desk.post_raw(raw, body["batch_id"], gzip_it=True).status_code == 413
    assert desk.post_raw(raw, body["batch_id"]).status_code == 413
    assert_nothing_applied(portal, body["batch_id"], desk)


def test_gzip_body_is_accepted(portal, desk):
    body = desk.batch_body([participant(desk) for _ in range(10)])
    response = desk.post(body, gzip_it=True)
    assert response.status_code == 200
    assert [r["status"] for r in response.json()["results"]] == ["applied"] * 10
    assert len(portal.records()) == 10


def test_broken_gzip_is_400(portal, desk):
    key = new_id()
    response = desk.post_raw(b"\x1f\x8b\x08\x00garbage", key,
                             headers={"Content-Encoding": "gzip"})
    assert response.status_code == 400
    assert_nothing_applied(portal, key, desk)


def test_json_content_type_is_required(desk):
    body = desk.batch_body([participant(desk)])
    response = desk.post_raw(json.dumps(body).encode(), body["batch_id"],
                             headers={"Content-Type": "text/plain"})
    assert response.status_code == 415


def test_batch_for_another_institute_is_403(portal, desk):
    body = desk.batch_body([participant(desk)], institute_code="OTH")
    assert desk.post(body).status_code == 403
    assert portal.records() == []


def test_relayed_batch_from_another_desk_of_the_institute(portal, make_desk):
    field, relay = make_desk("TST"), make_desk("TST")
    body = field.batch_body([participant(field) for _ in range(2)])
    response = relay.post(body)
    assert response.status_code == 200
    assert {r["origin"] for r in portal.records()} == {field.device_id}
    # the field desk's later resend of the same bytes is a replay, not a second application
    again = field.post(body)
    assert again.headers["Idempotent-Replay"] == "true"
    assert len(portal.applied_versions()) == 2


def test_relay_from_an_unenrolled_field_desk_is_accepted(portal, desk):
    never_online = new_id()
    rec = record("participant", origin=never_online)
    body = desk.batch_body([rec], device_id=never_online)
    assert desk.post(body).status_code == 200
    assert portal.records()[0]["origin"] == never_online


def test_relay_of_another_institutes_desk_is_403(portal, make_desk):
    ours, theirs = make_desk("TST"), make_desk("OTH")
    body = ours.batch_body([participant(theirs)], device_id=theirs.device_id)
    assert ours.post(body).status_code == 403


def test_crash_mid_batch_applies_nothing(portal, desk, monkeypatch):
    """A failure after some rows were written rolls the whole batch back."""
    real = portal_apply.write_rows

    def crash(conn, rows, institute, batch_id):
        real(conn, rows[: len(rows) // 2], institute, batch_id)  # half written...
        raise RuntimeError("power cut")

    monkeypatch.setattr(portal_apply, "write_rows", crash)
    body = desk.batch_body([participant(desk) for _ in range(6)])
    response = desk.post(body)
    assert response.status_code == 500
    assert portal.records() == []
    assert portal.applied_versions() == []
    assert desk.get(f"/batches/{body['batch_id']}").status_code == 404
    monkeypatch.setattr(portal_apply, "write_rows", real)
    retry = desk.post(body)  # the same bytes again, once the portal is well
    assert retry.status_code == 200
    assert "Idempotent-Replay" not in retry.headers
    assert len(portal.records()) == 6


def test_empty_batch_is_fine(desk):
    response = desk.post(desk.batch_body([]))
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_duplicate_id_in_one_batch_keeps_the_greater_version(portal, desk):
    rid = new_id()
    v1 = participant(desk, record_id=rid, updated_at="2026-11-22T10:00:00.000Z")
    v2 = participant(desk, record_id=rid, updated_at="2026-11-22T11:00:00.000Z",
                     data=valid_data("participant", name_en="Second"))
    assert [r["status"] for r in desk.send(v2, v1)] == ["applied", "stale"]
    assert [r["status"] for r in desk.send(participant(desk))] == ["applied"]
    assert {r["id"]: r for r in portal.records()}[rid]["data"]["name_en"] == "Second"


def test_server_time_is_used_for_received_at(desk):
    before = now_ts()
    answer = desk.post(desk.batch_body([])).json()
    assert answer["received_at"] >= before


def test_concurrent_duplicates_apply_once(portal, desk):
    """The same batch delivered five times at once (a retrying desk, a relay): one
    application, the other answers are replays of it."""
    from concurrent.futures import ThreadPoolExecutor

    from .conftest import http_client

    body = desk.batch_body([participant(desk) for _ in range(20)])
    raw = json.dumps(body).encode()

    def post(_):
        with http_client(portal.url) as c:
            return c.post("/batches", content=raw, headers={
                **desk.auth, "Idempotency-Key": body["batch_id"],
                "Content-Type": "application/json"})

    with ThreadPoolExecutor(5) as pool:
        answers = list(pool.map(post, range(5)))
    assert [a.status_code for a in answers] == [200] * 5
    assert sum(a.headers.get("Idempotent-Replay") == "true" for a in answers) == 4
    assert len({a.content for a in answers}) == 1
    assert len(portal.applied_versions()) == 20


def test_a_big_refused_body_still_gets_its_413(tmp_path, desk):
    """Megabytes over the limit: the portal drains the body, so the client reads the 413
    instead of a reset connection."""
    from desktop.portal.server import start_portal

    from .conftest import enrol, http_client

    with start_portal(tmp_path / "big", max_bytes=1024 * 1024) as running:
        running.add_enrolment_code("C", "TST")
        with http_client(running.url, timeout=30) as c:
            token = enrol(c, "C").json()["device_token"]
            key = new_id()
            response = c.post("/batches", content=b"x" * (8 * 1024 * 1024), headers={
                "Authorization": f"Bearer {token}", "Idempotency-Key": key,
                "Content-Type": "application/json"})
            assert response.status_code == 413
            assert c.get("/info").status_code == 200  # and the client carries on
