"""Gaps found auditing issue 6 against SYNC-PROTOCOL.md: attachments the portal lacks are
uploaded again (§5)."""

from __future__ import annotations

import hashlib

import pytest

from desktop.core.sync import attachments
from desktop.core.sync.engine import SyncEngine, enrol
from tests.sync.fakeportal import FakePortal
from tests.sync.helpers import fast_backoff

URL = "http://127.0.0.1:9/v1"


@pytest.fixture
def portal():
    return FakePortal()


@pytest.fixture
def enrolled(store, portal):
    enrol(store, URL, "CODE1", transport=portal.transport())
    return store


def engine(store, portal, **kw):
    backoff, sleeps = fast_backoff(**kw)
    eng = SyncEngine(store, transport=portal.transport(), backoff=backoff)
    eng.sleeps = sleeps
    return eng


# -- §5: attachments the portal lacks ---------------------------------------------------------------
def test_an_attachment_the_portal_lost_is_uploaded_again(enrolled, portal):
    data = b"\xff\xd8 photo bytes"
    sha = hashlib.sha256(data).hexdigest()
    attachments.write(enrolled, sha, data)
    ref = {"sha256": sha, "filename": "a.jpg", "media_type": "image/jpeg", "size": len(data)}
    vid = enrolled.insert("field_visit", {"office": "Tehsil", "attachments": [ref]})
    engine(enrolled, portal).sync()
    assert sha in portal.attachments
    portal.attachments.clear()  # e.g. the portal was restored from an older backup

    enrolled.update("field_visit", vid, {"office": "Tehsil office"})
    rejected = engine(enrolled, portal).sync()
    assert [r["code"] for r in rejected.rejected_records] == ["missing_attachment"]

    enrolled.update("field_visit", vid, {"office": "Tehsil office, Sadar"})  # the user's fix
    fixed = engine(enrolled, portal).sync()
    assert fixed.rejected_records == [] and fixed.pending == 0
    assert portal.attachments[sha] == data
    assert portal.records[vid]["data"]["office"] == "Tehsil office, Sadar"


def test_enrolling_with_another_portal_forgets_what_the_old_one_had(enrolled, portal):
    data = b"scan"
    sha = hashlib.sha256(data).hexdigest()
    attachments.write(enrolled, sha, data)
    enrolled.insert("field_visit", {"attachments": [
        {"sha256": sha, "filename": "s.pdf", "media_type": "application/pdf",
         "size": len(data)}]})
    engine(enrolled, portal).sync()
    other = FakePortal()
    enrol(enrolled, "http://127.0.0.1:10/v1", "CODE1", transport=other.transport())
    reconciled = SyncEngine(enrolled, transport=other.transport()).sync()
    assert reconciled.rejected_records == []
    assert other.attachments[sha] == data
