"""Fixtures: the fake Sunbird course service on loopback, the sync tests' fault proxy in
front of it, and settings pointing a store at one or the other."""

from __future__ import annotations

import httpx
import pytest

from desktop.core.igot import settings as igot_settings
from desktop.core.igot.client import IgotClient
from tests.igot.fakeigot import FakeIgot
from tests.igot.helpers import BATCH, COURSE
from tests.sync.faultproxy import FaultProxy
from tests.sync.helpers import fast_backoff


@pytest.fixture
def fake():
    service = FakeIgot()
    service.add_batch(BATCH, COURSE)
    yield service
    service.stop()


@pytest.fixture
def proxy(fake):
    p = FaultProxy(fake.url.rsplit("/api/course", 1)[0])
    yield p
    p.stop()


def configure(store, url: str, fake: FakeIgot, token: str | None = None) -> None:
    igot_settings.save(store, base_url=url, api_key=fake.api_key,
                       token=token or next(iter(fake.tokens)))


def client_for(store, timeout: float = 2.0) -> IgotClient:
    s = igot_settings.load(store)
    assert s is not None
    return IgotClient(s, timeout=httpx.Timeout(timeout))


def backoff(max_attempts: int = 8):
    return fast_backoff(max_attempts=max_attempts)
