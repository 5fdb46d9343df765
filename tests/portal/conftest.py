"""A reference portal on loopback and a real HTTP client enrolled with it."""

from __future__ import annotations

import base64
import gzip
import json
import os
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.portal.server import RunningPortal, start_portal
from desktop.protocol.ids import new_id, now_ts
from tests.pg_cluster import pg_url

# httpx builds a TLS context per client (~0.1-0.2 s of CA loading); the portal is plain HTTP
# on loopback, so every test client shares one.
_TLS = ssl.create_default_context()


def http_client(base_url: str, timeout: float = 10) -> httpx.Client:
    return httpx.Client(base_url=base_url, timeout=timeout, verify=_TLS)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def public_key_b64(private: Ed25519PrivateKey) -> str:
    return b64url(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def sign_jws(private: Ed25519PrivateKey, kid: str, payload: dict[str, Any]) -> str:
    """A §8 certificate QR."""
    header = b64url(json.dumps({"alg": "EdDSA", "kid": kid, "typ": "kd-cert+jws"}).encode())
    body = b64url(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    signature = private.sign(f"{header}.{body}".encode("ascii"))
    return f"{header}.{body}.{b64url(signature)}"


@dataclass
class Desk:
    """An enrolled device talking to the portal through httpx."""

    client: httpx.Client
    device_id: str
    institute_code: str
    token: str
    key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.get(path, headers=self.auth, **kw)

    def batch_body(self, records: list[dict[str, Any]], batch_id: str | None = None,
                   **overrides: Any) -> dict[str, Any]:
        body = {
            "protocol": 1,
            "batch_id": batch_id or new_id(),
            "device_id": self.device_id,
            "institute_code": self.institute_code,
            "created_at": now_ts(),
            "records": records,
        }
        body.update(overrides)
        return body

    def post_raw(self, raw: bytes, key: str, *, gzip_it: bool = False,
                 headers: dict[str, str] | None = None) -> httpx.Response:
        hdrs = {**self.auth, "Idempotency-Key": key, "Content-Type": "application/json"}
        if gzip_it:
            raw = gzip.compress(raw)
            hdrs["Content-Encoding"] = "gzip"
        hdrs.update(headers or {})
        return self.client.post("/batches", content=raw, headers=hdrs)

    def post(self, body: dict[str, Any], **kw: Any) -> httpx.Response:
        raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
        return self.post_raw(raw, body["batch_id"], **kw)

    def send(self, *records: dict[str, Any]) -> list[dict[str, Any]]:
        """Post one batch and return its results (asserting a 200)."""
        response = self.post(self.batch_body(list(records)))
        assert response.status_code == 200, response.text
        return response.json()["results"]


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path) -> str | Path:
    """Where a test portal keeps its data: a SQLite folder, or a fresh PostgreSQL database
    (every portal test runs on both stores: same rules, same answers)."""
    if request.param == "postgresql":
        return pg_url()
    return tmp_path / "portal"


@pytest.fixture
def portal(store_target) -> RunningPortal:
    running = start_portal(store_target, max_records=50, max_bytes=64 * 1024,
                           max_attachment_bytes=256 * 1024, changes_page=1000)
    running.add_enrolment_code("CODE-TST-1", "TST", "Test Institute", "परीक्षण संस्थान")
    yield running
    running.stop()


@pytest.fixture
def client(portal) -> httpx.Client:
    with http_client(portal.url) as c:
        yield c


def enrol(client: httpx.Client, code: str, institute: str = "TST",
          device_id: str | None = None) -> httpx.Response:
    return client.post(
        "/devices/enrol",
        json={
            "enrolment_code": code,
            "device_id": device_id or new_id(),
            "device_name": "Desk at the front office",
            "institute_code": institute,
            "public_key": b64url(os.urandom(32)),
        },
    )


@pytest.fixture
def make_desk(portal, client):
    counter = iter(range(1000))

    def make(institute: str = "TST") -> Desk:
        code = f"AUTO-{institute}-{next(counter)}"
        portal.add_enrolment_code(code, institute, f"{institute} institute")
        device_id = new_id()
        response = enrol(client, code, institute, device_id)
        assert response.status_code == 201, response.text
        return Desk(client, device_id, institute, response.json()["device_token"])

    return make


@pytest.fixture
def desk(make_desk) -> Desk:
    return make_desk("TST")
