"""§8 trust list and online certificate status."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.protocol.ids import new_id

from .conftest import public_key_b64, sign_jws
from .samples import record, valid_data


def test_trust_list_from_the_administrator(portal, desk):
    assert desk.get("/trust-list").json() == {"keys": []}
    key = public_key_b64(Ed25519PrivateKey.generate())
    portal.add_trust_key("TST:1", key, "TST", "2026-01-01")
    portal.add_trust_key("TST:2", public_key_b64(Ed25519PrivateKey.generate()), "TST",
                         "2026-06-01", "2027-06-01")
    body = desk.get("/trust-list").json()
    assert body["keys"][0] == {"kid": "TST:1", "public_key": key, "institute": "TST",
                               "valid_from": "2026-01-01"}
    assert body["keys"][1]["valid_to"] == "2027-06-01"


def test_desk_publishes_its_own_institutes_keys(portal, make_desk):
    desk, other = make_desk("TST"), make_desk("OTH")
    entry = {"kid": "TST:1", "public_key": public_key_b64(Ed25519PrivateKey.generate()),
             "institute": "TST", "valid_from": "2026-11-01T00:00:00.000Z"}
    response = desk.client.post("/trust-list", json={"keys": [entry]}, headers=desk.auth)
    assert response.status_code == 200
    assert other.get("/trust-list").json() == {"keys": [entry]}
    # another institute cannot publish (or overwrite) TST's keys
    stolen = {**entry, "public_key": public_key_b64(Ed25519PrivateKey.generate())}
    assert desk.client.post("/trust-list", json={"keys": [stolen]},
                            headers=other.auth).status_code == 403
    # a kid is bound to one key for ever
    assert desk.client.post("/trust-list", json={"keys": [stolen]},
                            headers=desk.auth).status_code == 409
    bad = {**entry, "kid": "TST:3", "public_key": "too-short"}
    assert desk.client.post("/trust-list", json={"keys": [bad]},
                            headers=desk.auth).status_code == 422
    assert other.get("/trust-list").json() == {"keys": [entry]}


def test_certificate_status(portal, desk):
    valid = record("certificate", origin=desk.device_id)
    revoked = record("certificate", valid_data(
        "certificate", number="TST-2026-000002", qr=_qr("TST-2026-000002"),
        revoked_at="2026-11-23T01:00:00.000Z", revocation_reason="issued in error"),
        origin=desk.device_id)
    desk.send(valid, revoked)
    assert desk.get("/certificates/TST-2026-000001").json() == {
        "number": "TST-2026-000001", "status": "valid"}
    assert desk.get("/certificates/TST-2026-000002").json() == {
        "number": "TST-2026-000002", "status": "revoked",
        "revoked_at": "2026-11-23T01:00:00.000Z", "reason": "issued in error"}
    assert desk.get("/certificates/NOPE").status_code == 404
    # revoking later (a newer version) changes the status
    desk.send({**valid, "updated_at": "2099-01-01T00:00:00.000Z",
               "data": {**valid["data"], "revoked_at": "2099-01-01T00:00:00.000Z"}})
    assert desk.get("/certificates/TST-2026-000001").json()["status"] == "revoked"


def _qr(number):
    from .samples import fake_qr

    return fake_qr(number)


def test_qr_signed_by_a_listed_key_must_verify(portal, desk):
    private = Ed25519PrivateKey.generate()
    portal.add_trust_key("TST:7", public_key_b64(private), "TST", "2026-01-01")
    payload = {"v": 1, "no": "C-1", "name_en": "Ram", "programme": "P", "hours": 6,
               "from": "2026-11-20", "to": "2026-11-22", "institute": "TST",
               "issued": "2026-11-22"}
    good = sign_jws(private, "TST:7", payload)
    forged = sign_jws(Ed25519PrivateKey.generate(), "TST:7", {**payload, "no": "C-2"})
    ok = record("certificate", valid_data("certificate", number="C-1", qr=good),
                origin=desk.device_id)
    bad = record("certificate", valid_data("certificate", number="C-2", qr=forged,
                                           participant_id=new_id()), origin=desk.device_id)
    results = desk.send(ok, bad)
    assert results[0]["status"] == "applied"
    assert (results[1]["status"], results[1]["code"]) == ("rejected", "invalid_field")
    assert "signature" in results[1]["message"]


def test_certificate_numbers_with_slashes(desk):
    """Numbers like UPAAM/2026/0000011 are found percent-encoded or not."""
    from urllib.parse import quote

    cert = record("certificate", valid_data("certificate", number="UPAAM/2026/0000011",
                                            qr=_qr("UPAAM/2026/0000011")),
                  origin=desk.device_id)
    desk.send(cert)
    for path in ("/certificates/" + quote("UPAAM/2026/0000011", safe=""),
                 "/certificates/UPAAM/2026/0000011"):
        assert desk.get(path).json() == {"number": "UPAAM/2026/0000011", "status": "valid"}
