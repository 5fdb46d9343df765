"""The portal served safely: TLS with a certificate the desk trusts, the per-device rate limit
(429 + Retry-After, honoured by the desk's sync end to end), /health, structured logs without
tokens, slow bodies cut off, `portal backup` on both stores."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import logging
import random
import socket
import ssl
import subprocess
import time

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.core.centre import init_centre
from desktop.core.sync.client import Backoff
from desktop.core.sync.engine import SyncEngine, enrol
from desktop.core.sync.keys import DeviceKeys
from desktop.portal.server import start_portal
from desktop.portal.stores import open_portal_store
from desktop.store import open_store
from tests.pg_cluster import cluster

from .conftest import enrol as enrol_http
from .conftest import http_client


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def make_tls(folder) -> tuple:
    """A test CA and a server certificate for 127.0.0.1 and localhost signed by it."""
    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("Test CA")).issuer_name(_name("Test CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(minutes=5))
          .not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                       False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("portal.test")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    ca_path, cert_path, key_path = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return ca_path, cert_path, key_path


def _desk(path, portal, url, code, **kw):
    portal.add_enrolment_code(code, "TST", "Test Institute")
    store = open_store(path)
    init_centre(store, "TST", "Test Institute", "परीक्षण संस्थान")
    enrol(store, url, code, **kw)
    return store


def test_tls_the_desk_trusts_the_test_ca_and_syncs(tmp_path, store_target):
    ca, cert, key = make_tls(tmp_path)
    with start_portal(store_target, tls_cert=cert, tls_key=key) as portal:
        assert portal.url.startswith("https://127.0.0.1:")
        # Not trusted without the CA: the certificate is checked.
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            httpx.get(portal.url + "/info", verify=ssl.create_default_context())
        with httpx.Client(verify=ssl.create_default_context(cafile=str(ca))) as client:
            assert client.get(portal.url + "/info").json()["protocol"] == 1
        store = _desk(tmp_path / "desk.db", portal, portal.prefixed_url, "TLS-1",
                      ca_bundle=str(ca))
        try:
            pid = store.insert("participant", {"name_en": "Asha Verma", "mobile": "9876500001"})
            result = SyncEngine(store).sync()
            assert result.outcome == "ok", result
            held = {r["id"]: r for r in portal.records(["participant"])}
            assert held[pid]["data"]["name_en"] == "Asha Verma"
        finally:
            store.close()


def test_rate_limit_answers_429_with_retry_after_and_the_desk_waits_it_out(tmp_path):
    with start_portal(tmp_path / "portal", rate=2, burst=3) as portal:
        store = _desk(tmp_path / "desk.db", portal, portal.url, "RATE-1")
        try:
            with http_client(portal.url) as client:
                # Straight HTTP: the 4th quick request of one device is refused.
                auth = {"Authorization": f"Bearer {DeviceKeys.for_store(store).token()}"}
                statuses = [client.get("/trust-list", headers=auth) for _ in range(5)]
                refused = [r for r in statuses if r.status_code == 429]
                assert refused, [r.status_code for r in statuses]
                assert refused[0].json()["error"] == "rate_limited"
                assert int(refused[0].headers["Retry-After"]) >= 1
                # Another device is not slowed down by this one.
                other = enrol_http(client, _code(portal, "RATE-2"))
                assert other.status_code == 201
            # The desk's sync meets the limit and waits as told, then completes.
            for i in range(5):
                store.insert("participant", {"name_en": f"Person {i}",
                                             "mobile": f"98765000{i:02d}"})
            slept: list[float] = []

            def sleep(seconds: float) -> None:
                slept.append(seconds)
                time.sleep(seconds)

            backoff = Backoff(base=0.01, cap=0.05, max_attempts=8, budget=60, sleep=sleep,
                              rng=random.Random(1))
            result = SyncEngine(store, backoff=backoff).sync()
            assert result.outcome == "ok", result
            assert any(s >= 1.0 for s in slept), slept  # Retry-After, not the 0.05 s backoff
            mine = {r["id"] for r in portal.records(["participant"])
                    if r["origin"] == store.device_id}
            assert len(mine) == 5
        finally:
            store.close()


def _code(portal, code: str) -> str:
    portal.add_enrolment_code(code, "TST")
    return code


def test_health_answers_without_a_token(portal, client):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["store"] == portal.db.backend
    assert body["seq"] == 0
    assert client.get("/offline/v1/health").status_code == 200


def test_request_log_is_structured_and_has_no_token(tmp_path, caplog):
    with start_portal(tmp_path / "portal", quiet=False) as portal:
        portal.add_enrolment_code("LOG-1", "TST")
        with http_client(portal.url) as client, caplog.at_level(logging.INFO, "karmayogi.portal"):
            answer = enrol_http(client, "LOG-1").json()
            token = answer["device_token"]
            client.get("/changes", headers={"Authorization": f"Bearer {token}"})
            client.get("/changes", headers={"Authorization": "Bearer not-a-token"})
    lines = [json.loads(r.getMessage()) for r in caplog.records
             if r.name == "karmayogi.portal" and r.getMessage().startswith("{")]
    assert [(line["method"], line["path"], line["status"]) for line in lines] == [
        ("POST", "/devices/enrol", 201), ("GET", "/changes", 200), ("GET", "/changes", 401)]
    assert lines[1]["device"] and lines[2]["device"] is None
    assert all(isinstance(line["ms"], float) for line in lines)
    assert token not in caplog.text and "not-a-token" not in caplog.text
    assert "LOG-1" not in caplog.text


def test_a_body_that_does_not_arrive_in_time_is_answered_408(tmp_path):
    with start_portal(tmp_path / "portal", body_seconds=0.5) as portal:
        portal.add_enrolment_code("SLOW-1", "TST")
        with socket.create_connection(("127.0.0.1", portal.port), timeout=10) as sock:
            sock.sendall(b"POST /devices/enrol HTTP/1.1\r\nHost: x\r\n"
                         b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\"")
            started = time.monotonic()
            answer = sock.recv(4096)
            assert time.monotonic() - started < 5
        assert answer.startswith(b"HTTP/1.1 408"), answer
        assert b"request_timeout" in answer


def test_backup_while_serving_restores_the_same_records(portal, desk, tmp_path):
    from tests.portal.samples import record

    desk.send(*[record("programme", origin=desk.device_id) for _ in range(5)])
    written = portal.db.backup(tmp_path / "backup")
    if portal.db.backend == "sqlite":
        copy = open_portal_store(written)
    else:
        url = cluster().new_database()
        restore = written.parent / "restore.log"
        subprocess.run([_pg_tool("pg_restore"), "--no-owner", f"--dbname={url}", str(written)],
                       check=True, stderr=restore.open("w"))
        copy = open_portal_store(url)
    try:
        assert copy.records() == portal.records()
        assert copy.applied_versions() == portal.applied_versions()
        assert copy.origin == portal.db.origin
    finally:
        copy.close()


def _pg_tool(name: str) -> str:
    from desktop.portal.pg import find_pg_tool

    return find_pg_tool(name)


def test_small_answers_are_not_held_back_by_nagle(portal, client):
    """Headers and body of an answer are two writes: without TCP_NODELAY on the accepted
    socket each small answer on a kept-alive connection waits ~40 ms for a delayed ACK."""
    client.get("/info")
    times = []
    for _ in range(15):
        started = time.perf_counter()
        assert client.get("/info").status_code == 200
        times.append(time.perf_counter() - started)
    assert sorted(times)[len(times) // 2] < 0.030, times


def test_extra_pages_plug_in_before_the_protocol_routes(tmp_path, monkeypatch):
    """The hook the state's view uses: routes given to start_portal or listed in
    ROUTE_PROVIDERS are served, with the store, beside the unchanged protocol."""
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from desktop.portal import server

    def provider(store):
        async def seq(request):
            return PlainTextResponse(str(store.health()["seq"]))
        return [Route("/state/seq", seq)]

    async def ping(request):
        return PlainTextResponse("pong")

    monkeypatch.setattr(server, "ROUTE_PROVIDERS", [provider])
    with start_portal(tmp_path / "portal", extra_routes=[Route("/state/ping", ping)]) as portal:
        with http_client(portal.url) as client:
            assert client.get("/state/ping").text == "pong"
            assert client.get("/state/seq").text == "0"
            assert client.get("/info").json()["protocol"] == 1
            missing = client.get("/state/nothing")
            assert (missing.status_code, missing.json()["error"]) == (404, "not_found")
