"""Fixtures for end-to-end sync tests: the reference portal on loopback, the fault proxy in
front of it, and enrolled desks on disk."""

from __future__ import annotations

import itertools

import httpx
import pytest

from desktop.core.centre import init_centre
from desktop.core.sync.engine import SyncEngine, enrol
from desktop.portal.server import start_portal
from desktop.store import open_store
from tests.pg_cluster import pg_url
from tests.sync.faultproxy import FaultProxy
from tests.sync.helpers import fast_backoff
from tests.sync.receipt_helpers import Relay

_codes = itertools.count(1)


# The desk's end-to-end sync tests behind the fault proxy also run against a PostgreSQL
# portal; the rest of the sync suite uses the embedded store.
ON_BOTH_STORES = {"test_e2e_faults", "test_kill"}


def pytest_generate_tests(metafunc):
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    if "ref_portal" in metafunc.fixturenames and module in ON_BOTH_STORES:
        metafunc.parametrize("portal_store", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def portal_store(request, tmp_path):
    """Where the reference portal keeps its data: SQLite (default) or PostgreSQL."""
    if getattr(request, "param", "sqlite") == "postgresql":
        return pg_url()
    return tmp_path / "portal"


@pytest.fixture
def ref_portal(portal_store):
    portal = start_portal(portal_store)
    yield portal
    portal.stop()


@pytest.fixture
def proxy(ref_portal):
    p = FaultProxy(ref_portal.url)
    yield p
    p.stop()


def make_desk(path, portal, url):
    """A desk database at `path`, set up for TST and enrolled through `url`."""
    code = f"CODE-{next(_codes)}"
    portal.add_enrolment_code(code, "TST", "Test Institute", "परीक्षण संस्थान")
    store = open_store(path)
    init_centre(store, "TST", "Test Institute", "परीक्षण संस्थान")
    enrol(store, url, code)
    return store


@pytest.fixture
def desk(tmp_path, ref_portal, proxy):
    store = make_desk(tmp_path / "desk.db", ref_portal, proxy.url)
    yield store
    store.close()


def quick_engine(store, *, timeout: float = 2.0, max_attempts: int = 6, **kw) -> SyncEngine:
    backoff, sleeps = fast_backoff(max_attempts=max_attempts)
    eng = SyncEngine(store, backoff=backoff, timeout=httpx.Timeout(timeout), **kw)
    eng.sleeps = sleeps
    return eng


@pytest.fixture
def trip(tmp_path):
    """A field desk and a relay desk enrolled with a fake portal (`receipt_helpers.Relay`)."""
    r = Relay(tmp_path)
    yield r
    r.close()


FAKE_URL = "http://127.0.0.1:9/v1"


@pytest.fixture
def portal():
    """The in-process fake portal (httpx MockTransport) for engine and client tests."""
    from tests.sync.fakeportal import FakePortal

    return FakePortal()


@pytest.fixture
def enrolled(store, portal):
    """The `store` fixture enrolled with the fake portal."""
    from desktop.core.sync.engine import enrol

    enrol(store, FAKE_URL, "CODE1", transport=portal.transport())
    return store
