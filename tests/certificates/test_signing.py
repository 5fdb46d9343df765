"""Keys, JWS and verification outcomes (SYNC-PROTOCOL §8)."""

from __future__ import annotations

import json
import os
import stat

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.certificates import keys
from desktop.core.certificates.jws import make_payload, parse, sign
from desktop.core.certificates.keys import b64u, b64u_decode
from desktop.core.certificates.verify import verify_text

PAYLOAD = make_payload(
    v=1,
    no="TST/2026/0000011",
    name_en="Sita Devi",
    name_hi="सीता देवी",
    programme="e-Office",
    hours=12,
    institute="TST",
    issued="2026-11-20",
    **{"from": "2026-11-18", "to": "2026-11-19"},
)


def test_key_file_outside_db_and_user_only(file_store):
    kid = keys.current_kid(file_store)
    assert kid == "TST:1"
    folder = keys.keys_dir(file_store)
    key_file = folder / "TST-1.key"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    _, private = keys.signing_key(file_store)
    from cryptography.hazmat.primitives import serialization

    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    file_store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    db_bytes = file_store.path.read_bytes()
    assert raw not in db_bytes and b"PRIVATE KEY" not in db_bytes
    assert b64u(raw).encode() not in db_bytes


def test_trust_list_shape_and_rotation(file_store):
    first = keys.current_kid(file_store)
    _, key1 = keys.signing_key(file_store)
    old_token = sign(PAYLOAD, first, key1)
    second = keys.rotate(file_store)
    assert second == "TST:2" and keys.current_kid(file_store) == second
    doc = keys.trust_list(file_store)
    assert [k["kid"] for k in doc["keys"]] == ["TST:1", "TST:2"]
    for entry in doc["keys"]:
        assert set(entry) <= {"kid", "public_key", "institute", "valid_from", "valid_to"}
        assert len(b64u_decode(entry["public_key"])) == 32 and entry["institute"] == "TST"
    assert "valid_to" in doc["keys"][0] and "valid_to" not in doc["keys"][1]
    # The old certificate still verifies, offline, from the exported trust list alone.
    v = verify_text(old_token, trust_list=json.dumps(doc))
    assert v.valid and v.payload == PAYLOAD and v.kid == "TST:1"


def test_header_and_payload_exactly_as_protocol(file_store):
    kid, key = keys.signing_key(file_store)
    parsed = parse(sign(PAYLOAD, kid, key))
    assert parsed.header == {"alg": "EdDSA", "kid": "TST:1", "typ": "kd-cert+jws"}
    assert list(parsed.payload) == [
        "v", "no", "name_en", "name_hi", "programme", "hours", "from", "to", "institute",
        "issued",
    ]  # fmt: skip


def test_tampered_payload_is_rejected(file_store):
    kid, key = keys.signing_key(file_store)
    token = sign(PAYLOAD, kid, key)
    h, p, s = token.split(".")
    forged = dict(PAYLOAD, name_en="Somebody Else")
    p2 = b64u(json.dumps(forged, ensure_ascii=False, separators=(",", ":")).encode())
    v = verify_text(f"{h}.{p2}.{s}", store=file_store)
    assert not v.valid and v.reason == "invalid_signature" and v.payload is None
    # A single changed character in the signature too.
    s2 = ("A" if s[5] != "A" else "B").join([s[:5], s[6:]])
    assert verify_text(f"{h}.{p}.{s2}", store=file_store).reason == "invalid_signature"
    assert verify_text(token, store=file_store).valid


def test_wrong_key_unknown_kid_and_malformed(file_store):
    kid, _ = keys.signing_key(file_store)
    other = Ed25519PrivateKey.generate()
    assert verify_text(sign(PAYLOAD, kid, other), store=file_store).reason == "invalid_signature"
    unknown = verify_text(sign(PAYLOAD, "XYZ:1", other), store=file_store)
    assert not unknown.valid and unknown.reason == "unknown_key"
    for bad in ("", "hello", "a.b.c", "x" * 50, sign(PAYLOAD, kid, other).replace(".", "", 1)):
        v = verify_text(bad, store=file_store)
        assert not v.valid and v.reason == "malformed"
    # alg must be EdDSA (no "none" downgrade)
    h = b64u(json.dumps({"alg": "none", "kid": kid, "typ": "kd-cert+jws"}).encode())
    p = b64u(json.dumps(PAYLOAD).encode())
    assert verify_text(f"{h}.{p}.{'A' * 86}", store=file_store).reason == "malformed"


def test_imported_trust_list_verifies_other_centre(file_store, tmp_path):
    from desktop.core.centre import init_centre
    from desktop.store import open_store

    other = open_store(tmp_path / "other.db")
    init_centre(other, "OTH", "Other Centre")
    keys.ensure_signing_key(other)
    kid, key = keys.signing_key(other)
    token = sign(dict(PAYLOAD, institute="OTH"), kid, key)
    assert verify_text(token, store=file_store).reason == "unknown_key"
    assert keys.import_trust_list(file_store, keys.trust_list(other)) == 1
    assert verify_text(token, store=file_store).valid
    other.close()


def test_key_of_one_centre_cannot_vouch_for_another(file_store, tmp_path):
    from desktop.core.centre import init_centre
    from desktop.store import open_store

    other = open_store(tmp_path / "other.db")
    init_centre(other, "OTH", "Other Centre")
    keys.ensure_signing_key(other)
    keys.import_trust_list(file_store, keys.trust_list(other))
    kid, key = keys.signing_key(other)
    forged = verify_text(sign(PAYLOAD, kid, key), store=file_store)  # claims institute TST
    assert not forged.valid and forged.reason == "unknown_key" and forged.payload is None
    other.close()
