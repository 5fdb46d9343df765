"""Gaps found auditing issue 6 against SYNC-PROTOCOL.md: a pulled record that cannot be
applied here must not block the pull (§7), a failed run is never recorded as a success,
Retry-After is honoured beyond one run (§6), and attachments the portal lacks are uploaded
again (§5)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from desktop.core import attachments
from desktop.core.sync import engine as sync_engine
from desktop.core.sync import outbox
from desktop.core.sync.engine import SyncEngine, enrol, history, status
from desktop.protocol.ids import format_ts
from desktop.store import open_store
from tests.sync.fakeportal import FakePortal
from tests.sync.helpers import engine, participant

URL = "http://127.0.0.1:9/v1"
NUMBER = "TST/2026/0001"


def programme(n: int) -> dict:
    return {"kind": "programme", "id": f"01900000-0000-7000-8000-0000000002{n:02d}",
            "updated_at": "2026-11-01T00:00:00.000Z", "origin": "portal", "deleted": False,
            "data": {"code": f"P{n}", "title_en": f"Programme {n}", "title_hi": None,
                     "igot_course_id": None, "hours": 6, "min_attendance_pct": 75}}


def revoked_certificate() -> dict:
    return {"kind": "certificate", "id": "01900000-0000-7000-8000-0000000003ff",
            "updated_at": "2026-11-02T00:00:00.000Z", "origin": "other-desk",
            "deleted": False,
            "data": {"number": NUMBER, "participant_id": "p", "workshop_id": "w",
                     "issued_at": "2026-11-01T00:00:00.000Z", "pdf_sha256": "0" * 64,
                     "qr": "a.b.c", "revoked_at": "2026-11-02T00:00:00.000Z",
                     "revocation_reason": "issued twice", "supersedes": None}}


# -- §7: one bad pulled record ----------------------------------------------------------------
def test_a_pulled_record_that_clashes_here_is_held_and_the_pull_goes_on(enrolled, portal):
    mine = enrolled.insert("certificate", {"number": NUMBER, "participant_id": "p",
                                           "workshop_id": "w"})
    cert = revoked_certificate()
    portal.changes_feed = [programme(1), cert, programme(2)]
    result = engine(enrolled, portal).sync()
    assert result.outcome == "ok", result.message
    assert result.pulled == 2
    assert enrolled.get("programme", programme(2)["id"]) is not None  # after the bad one
    assert enrolled.meta_get("sync.cursor") == "3"  # the pull did not stop at it
    assert [h["id"] for h in result.held] == [cert["id"]]
    assert "UNIQUE" in result.held[0]["error"]
    assert enrolled.get("certificate", cert["id"]) is None
    assert status(enrolled)["held"][0]["id"] == cert["id"]

    # Nothing new on the portal: the held record is tried again and stays held, no crash.
    again = engine(enrolled, portal).sync()
    assert again.outcome == "ok" and len(again.held) == 1

    # The clash is resolved here (the local certificate renumbered): the next pull applies it.
    enrolled.update("certificate", mine, {"number": "TST/2026/0002"})
    last = engine(enrolled, portal).sync()
    assert last.held == [] and last.pulled == 1
    assert enrolled.record("certificate", cert["id"])["data"]["revoked_at"]
    assert status(enrolled)["held"] == []


def test_a_newer_pulled_version_replaces_a_held_one(enrolled, portal):
    enrolled.insert("certificate", {"number": NUMBER, "participant_id": "p",
                                    "workshop_id": "w"})
    cert = revoked_certificate()
    portal.changes_feed = [cert]
    engine(enrolled, portal).sync()
    newer = {**cert, "updated_at": "2026-11-03T00:00:00.000Z",
             "data": {**cert["data"], "number": "TST/2026/0009"}}
    portal.changes_feed.append(newer)
    result = engine(enrolled, portal).sync()
    assert result.held == []
    assert enrolled.record("certificate", cert["id"])["data"]["number"] == "TST/2026/0009"


def test_cli_sync_names_held_records_and_exits_1(db_path, portal, monkeypatch, cli):
    with open_store(db_path) as store:
        enrol(store, URL, "CODE1", transport=portal.transport())
        store.insert("certificate", {"number": NUMBER, "participant_id": "p",
                                     "workshop_id": "w"})
    portal.changes_feed = [revoked_certificate()]
    real = SyncEngine.__init__

    def with_fake_portal(self, store, **kw):
        kw["transport"] = portal.transport()
        real(self, store, **kw)

    monkeypatch.setattr(SyncEngine, "__init__", with_fake_portal)
    code, out, err = cli("--db", db_path, "--json", "sync")
    doc = json.loads(out)
    assert code == 1, err
    assert doc["pending"] == 0 and doc["outcome"] == "ok"
    assert doc["held"][0]["kind"] == "certificate"
    code, out, _ = cli("--db", db_path, "sync", "status")
    assert "not applied here certificate" in out


# -- a failed run is not a success ---------------------------------------------------------------
def test_an_unexpected_error_is_recorded_as_a_failed_run(enrolled, portal, monkeypatch):
    enrolled.insert("participant", participant(1))

    def broken(*args, **kwargs):
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(sync_engine.reconcile, "compare", broken)
    with pytest.raises(RuntimeError):
        engine(enrolled, portal).sync()
    run = history(enrolled)[0]
    assert run["outcome"] == "error" and "disk trouble" in run["message"]
    assert sync_engine.last_success(enrolled) is None


# -- §6: Retry-After beyond one run --------------------------------------------------------------
def busy(seconds: int, path: str):
    def fault(request: httpx.Request):
        if request.url.path.endswith(path):
            return httpx.Response(503, headers={"Retry-After": str(seconds)},
                                  json={"error": "busy"})
        return None
    return fault


@pytest.mark.parametrize("path", ["/batches", "/info"])
def test_retry_after_longer_than_a_run_stops_the_next_runs_until_then(enrolled, portal, path):
    enrolled.insert("participant", participant(1))
    portal.fault = busy(600, path)
    first = engine(enrolled, portal, budget=60).sync("auto")
    assert first.outcome == "offline"
    wait_until = datetime.strptime(first.retry_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(
        tzinfo=timezone.utc)
    assert timedelta(seconds=590) < wait_until - datetime.now(timezone.utc) <= timedelta(
        seconds=600)
    portal.fault = None
    before = len(portal.log)
    for trigger in ("auto", "manual"):
        waiting = engine(enrolled, portal).sync(trigger)
        assert waiting.outcome == "wait" and waiting.pending == 1
    assert len(portal.log) == before  # nobody knocked before the portal's time
    assert status(enrolled)["retry_at"] == first.retry_at
    [batch] = outbox.sendable(enrolled)

    # The time has come: the same batch goes out, once.
    past = format_ts(datetime.now(timezone.utc) - timedelta(seconds=1))
    enrolled.meta_set("sync.retry_at", past)
    done = engine(enrolled, portal).sync("auto")
    assert done.outcome == "ok" and done.pending == 0 and done.retry_at is None
    assert [k for k, _ in portal.posts].count(batch.batch_id) == 1
    assert outbox.get_batch(enrolled, batch.batch_id).state == "acked"


def test_retry_after_within_the_budget_is_waited_in_the_run(enrolled, portal):
    enrolled.insert("participant", participant(1))
    calls = []

    def once(request: httpx.Request):
        if request.url.path.endswith("/batches") and not calls:
            calls.append(1)
            return httpx.Response(429, headers={"Retry-After": "7"}, json={"error": "slow"})
        return None

    portal.fault = once
    eng = engine(enrolled, portal, budget=60)
    result = eng.sync()
    assert result.outcome == "ok" and result.retry_at is None
    assert 7 <= eng.sleeps[0] <= 8


# -- §5: attachments the portal lacks ---------------------------------------------------------------
def test_an_attachment_the_portal_lost_is_uploaded_again(enrolled, portal):
    data = b"\xff\xd8 photo bytes"
    sha = hashlib.sha256(data).hexdigest()
    attachments.keep_received(enrolled, sha, data)
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
    attachments.keep_received(enrolled, sha, data)
    enrolled.insert("field_visit", {"attachments": [
        {"sha256": sha, "filename": "s.pdf", "media_type": "application/pdf",
         "size": len(data)}]})
    engine(enrolled, portal).sync()
    other = FakePortal()
    enrol(enrolled, "http://127.0.0.1:10/v1", "CODE1", transport=other.transport())
    reconciled = SyncEngine(enrolled, transport=other.transport()).sync()
    assert reconciled.rejected_records == []
    assert other.attachments[sha] == data


def test_send_again_resends_a_rejected_record_without_editing_it(enrolled, portal):
    """After a missing_attachment rejection the user needs no pretend edit: "Send again"
    makes a new version (data unchanged, §6b: it leaves quarantine) that the next sync sends,
    uploading the photo first (§5)."""
    data = b"\xff\xd8 photo bytes again"
    sha = hashlib.sha256(data).hexdigest()
    attachments.keep_received(enrolled, sha, data)
    ref = {"sha256": sha, "filename": "a.jpg", "media_type": "image/jpeg", "size": len(data)}
    vid = enrolled.insert("field_visit", {"office": "Tehsil", "attachments": [ref]})
    engine(enrolled, portal).sync()
    portal.attachments.clear()
    enrolled.update("field_visit", vid, {"office": "Tehsil office"})
    rejected = engine(enrolled, portal).sync()
    assert [r["code"] for r in rejected.rejected_records] == ["missing_attachment"]
    before = enrolled.get("field_visit", vid)
    assert outbox.pending_count(enrolled) == 0

    outbox.send_again(enrolled, "field_visit", vid)

    after = enrolled.get("field_visit", vid)
    assert after["updated_at"] > before["updated_at"] and after["origin"] == enrolled.device_id
    assert {k: v for k, v in after.items() if k not in ("updated_at", "seq")} == {
        k: v for k, v in before.items() if k not in ("updated_at", "seq")}
    assert outbox.quarantined(enrolled) == []
    assert outbox.pending_count(enrolled) == 1
    assert enrolled.conn.execute(
        "SELECT state FROM change_log WHERE record_id = ? AND updated_at = ?",
        (vid, after["updated_at"])).fetchone()[0] == "pending"
    sent = engine(enrolled, portal).sync()
    assert sent.rejected_records == [] and sent.pending == 0
    assert portal.attachments[sha] == data
    assert portal.records[vid]["updated_at"] == after["updated_at"]
    assert portal.records[vid]["data"]["office"] == "Tehsil office"


def test_send_again_of_a_rejected_deletion_and_of_an_unknown_record(enrolled):
    from desktop.store.errors import RecordNotFound

    pid = enrolled.insert("participant", participant(1))
    enrolled.delete("participant", pid)
    tomb = enrolled.get("participant", pid)
    outbox.send_again(enrolled, "participant", pid)
    again = enrolled.get("participant", pid)
    assert again["deleted"] == 1 and again["updated_at"] > tomb["updated_at"]
    with pytest.raises(RecordNotFound):
        outbox.send_again(enrolled, "participant", "01900000-0000-7000-8000-00000000dead")


def test_held_reason_from_the_stored_database_message(store):
    store.insert("certificate", {"number": NUMBER, "participant_id": "p", "workshop_id": "w"})
    assert sync_engine.apply_pulled(store, revoked_certificate()) == "held"
    [held] = sync_engine.held_records(store)
    assert held["error"] == "IntegrityError: UNIQUE constraint failed: certificate.number"
    assert sync_engine.held_reason(held) == {
        "code": "duplicate_number", "field": "number", "value": NUMBER}
    assert sync_engine.held_reason({**held, "error": "TypeError: odd"})["code"] == "unreadable"
