"""§2 enrolment with one-time codes, §2 bearer auth (401), §3 discovery, base paths."""

from __future__ import annotations

from desktop.protocol.ids import new_id, parse_ts

from .conftest import enrol, http_client


def test_enrol_answers_201_with_token_and_institute(client):
    response = enrol(client, "CODE-TST-1")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"device_token", "institute"}
    assert body["institute"] == {
        "code": "TST", "name_en": "Test Institute", "name_hi": "परीक्षण संस्थान"
    }
    assert len(body["device_token"]) >= 32


def test_wrong_code_is_403(client):
    assert enrol(client, "NOT-A-CODE").status_code == 403


def test_code_works_once(client):
    assert enrol(client, "CODE-TST-1").status_code == 201
    second = enrol(client, "CODE-TST-1")
    assert second.status_code == 403
    assert second.json()["error"] == "invalid_enrolment_code"


def test_code_for_another_institute_is_403(client):
    assert enrol(client, "CODE-TST-1", institute="XYZ").status_code == 403


def test_code_without_institute_enrols_into_the_named_one(portal, client):
    portal.add_enrolment_code("OPEN-CODE")
    response = enrol(client, "OPEN-CODE", institute="NEW")
    assert response.status_code == 201
    assert response.json()["institute"]["code"] == "NEW"


def test_malformed_enrolment_is_422_and_does_not_use_the_code(client):
    bad = client.post(
        "/devices/enrol",
        json={"enrolment_code": "CODE-TST-1", "device_id": "not-a-uuid",
              "device_name": "x", "institute_code": "TST", "public_key": "short"},
    )
    assert bad.status_code == 422
    assert {"error", "details"} <= set(bad.json())
    assert enrol(client, "CODE-TST-1").status_code == 201


def test_tokens_are_stored_hashed(portal, client, tmp_path):
    token = enrol(client, "CODE-TST-1").json()["device_token"]
    # Everything the store holds, as a backup takes it (pg_dump or SQLite's online copy).
    files = [p for p in portal.db.backup(tmp_path / "backup").parent.rglob("*") if p.is_file()]
    if portal.db.backend == "sqlite":  # and the live files, write-ahead log included
        files += [p for p in portal.db.data_dir.rglob("*") if p.is_file()]
    assert files
    for path in files:
        held = path.read_bytes()
        assert token.encode() not in held, path
        assert b"CODE-TST-1" not in held, path


def test_info_answers_before_enrolment_but_not_to_a_bad_token(client):
    assert client.get("/info").status_code == 200
    assert client.get("/info", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_401_without_unknown_or_revoked_token(portal, client, desk):
    assert client.get("/changes").status_code == 401
    assert client.get("/info", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert client.get("/info", headers={"Authorization": f"Basic {desk.token}"}).status_code == 401
    assert desk.get("/info").status_code == 200
    assert portal.revoke_device(desk.device_id)
    revoked = desk.get("/info")
    assert revoked.status_code == 401
    assert revoked.headers["WWW-Authenticate"].startswith("Bearer")
    for method, path in [("GET", "/changes"), ("GET", "/info"), ("GET", "/trust-list"),
                         ("GET", f"/batches/{new_id()}"), ("POST", "/batches"),
                         ("GET", f"/devices/{desk.device_id}/digest"),
                         ("GET", "/certificates/X"), ("PUT", "/attachments/" + "a" * 64)]:
        assert client.request(method, path, headers=desk.auth).status_code == 401, path
        if path != "/info":
            assert client.request(method, path).status_code == 401, path


def test_re_enrolment_replaces_the_old_token(portal, client, desk):
    portal.add_enrolment_code("AGAIN", "TST")
    response = enrol(client, "AGAIN", device_id=desk.device_id)
    assert response.status_code == 201
    assert desk.get("/info").status_code == 401
    new = response.json()["device_token"]
    assert client.get("/info", headers={"Authorization": f"Bearer {new}"}).status_code == 200


def test_info_announces_limits_and_time(desk):
    response = desk.get("/info")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"protocol", "max_records", "max_bytes", "server_time"}
    assert body["protocol"] == 1
    assert (body["max_records"], body["max_bytes"]) == (50, 64 * 1024)  # the fixture's limits
    assert body["server_time"].endswith("Z") and len(body["server_time"]) == 24
    parse_ts(body["server_time"])


def test_default_limits_are_the_protocols(tmp_path):
    from desktop.portal.server import start_portal

    with start_portal(tmp_path / "p") as running:
        running.add_enrolment_code("C", "TST")
        with http_client(running.url) as c:
            token = enrol(c, "C").json()["device_token"]
            body = c.get("/info", headers={"Authorization": f"Bearer {token}"}).json()
    assert (body["max_records"], body["max_bytes"]) == (1000, 5242880)


def test_served_at_root_and_under_prefix(portal, desk):
    with http_client(portal.prefixed_url) as c:
        assert portal.prefixed_url.endswith("/offline/v1")
        assert c.get("/info", headers=desk.auth).status_code == 200
    assert desk.get("/nowhere").status_code == 404
    assert desk.client.delete("/info", headers=desk.auth).status_code == 405
