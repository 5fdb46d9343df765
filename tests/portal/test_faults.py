"""The fault-injecting proxy (desktop/portal/testing.py) does what the sync tests rely on."""

from __future__ import annotations

import json

import httpx
import pytest

from desktop.portal.testing import Fault, FaultProxy

from .conftest import http_client
from .samples import record


@pytest.fixture
def proxy(portal):
    with FaultProxy(portal.url) as p:
        yield p


@pytest.fixture
def via(proxy):
    with http_client(proxy.url, timeout=2) as c:
        yield c


def post(client, desk, body):
    return client.post("/batches", content=json.dumps(body).encode(), headers={
        **desk.auth, "Idempotency-Key": body["batch_id"], "Content-Type": "application/json"})


def batch(desk):
    return desk.batch_body([record("participant", origin=desk.device_id)])


def stored(desk, body):
    return desk.get(f"/batches/{body['batch_id']}").status_code == 200


def test_passes_through(proxy, via, desk):
    body = batch(desk)
    assert via.get("/info").status_code == 200
    answer = post(via, desk, body)
    assert answer.status_code == 200
    assert answer.json()["results"][0]["status"] == "applied"
    assert [(e.method, e.path, e.fault, e.status) for e in proxy.log] == [
        ("GET", "/info", None, 200), ("POST", "/batches", None, 200)]


def test_drop_request_never_reaches_the_portal(proxy, via, desk):
    body = batch(desk)
    proxy.inject("drop_request", path="/batches$")
    with pytest.raises(httpx.TransportError):
        post(via, desk, body)
    assert not stored(desk, body)
    assert post(via, desk, body).status_code == 200  # one fault only


def test_drop_response_after_commit(portal, proxy, via, desk):
    body = batch(desk)
    proxy.inject("drop_response")
    with pytest.raises(httpx.TransportError):
        post(via, desk, body)
    assert stored(desk, body)
    again = post(via, desk, body)
    assert again.headers["Idempotent-Replay"] == "true"
    assert len(portal.applied_versions()) == 1


def test_status_with_retry_after(proxy, via, desk):
    body = batch(desk)
    proxy.inject(Fault("status", status=503, retry_after=2), times=2)
    proxy.inject(Fault("status", status=429, retry_after=1))
    answers = [post(via, desk, body) for _ in range(3)]
    assert [(a.status_code, a.headers["Retry-After"]) for a in answers] == [
        (503, "2"), (503, "2"), (429, "1")]
    assert not stored(desk, body)
    assert post(via, desk, body).status_code == 200


def test_timeouts_before_and_after_commit(proxy, desk):
    with http_client(proxy.url, timeout=0.3) as impatient:
        before, after = batch(desk), batch(desk)
        proxy.inject(Fault("timeout", delay=2))
        with pytest.raises(httpx.TimeoutException):
            post(impatient, desk, before)
        proxy.inject(Fault("timeout_after_commit", delay=2))
        with pytest.raises(httpx.TimeoutException):
            post(impatient, desk, after)
    assert not stored(desk, before)
    assert stored(desk, after)


def test_duplicate_delivery_is_applied_once(portal, proxy, via, desk):
    body = batch(desk)
    proxy.inject("duplicate")
    answer = post(via, desk, body)
    assert answer.status_code == 200 and "Idempotent-Replay" not in answer.headers
    assert len(portal.applied_versions()) == 1


def test_refused_while_down(proxy, via, desk):
    proxy.down()
    with pytest.raises(httpx.ConnectError):
        via.get("/info")
    proxy.up()
    assert via.get("/info").status_code == 200


def test_reset_and_delay(proxy, via, desk):
    proxy.inject("reset")
    with pytest.raises(httpx.TransportError):
        via.get("/info")
    proxy.inject(Fault("delay", delay=0.2))
    assert via.get("/info").status_code == 200
    assert proxy.faults_seen() == ["reset", "delay"]


def test_random_faults_are_reproducible(portal):
    def run():
        with FaultProxy(portal.url) as p, http_client(p.url) as c:
            p.randomly(0.5, [Fault("status", status=500)], seed=7)
            return [c.get("/info").status_code for _ in range(12)]

    first = run()
    assert first == run()
    assert set(first) == {200, 500}
