"""Outbox, batch builder, client and engine against an in-memory portal (httpx.MockTransport)."""

from __future__ import annotations

import gzip
import json
import os
import stat

import httpx
import pytest

from desktop.core.sync import outbox, reconcile
from desktop.core.sync.client import (
    InsecureUrl,
    PortalClient,
    check_url,
    parse_retry_after,
)
from desktop.core.sync.engine import SyncEngine, enrol, status
from desktop.core.sync.keys import DeviceKeys
from desktop.protocol.records import KIND_ORDER
from tests.sync.helpers import engine, outbox_states, participant

URL = "http://127.0.0.1:9/v1"


def bodies(portal, batch_id):
    return [b for k, b in portal.posts if k == batch_id]


# -- batch builder ---------------------------------------------------------------------------
def test_freeze_coalesces_versions_and_orders_parents_first(store):
    sid = store.insert("session", {"workshop_id": "w", "date": "2026-11-23"})
    pid = store.insert("participant", participant(1))
    store.update("participant", pid, {"name_en": "Person One"})
    store.update("participant", pid, {"mobile": "9000000001"})
    store.apply_record({"kind": "programme", "id": "01900000-0000-7000-8000-000000000009",
                        "updated_at": "2026-11-01T00:00:00.000Z", "origin": "other",
                        "deleted": False, "data": {"code": "X", "title_en": "X", "hours": 1,
                                                   "min_attendance_pct": 50}})
    [batch_id] = outbox.freeze_pending(store, outbox.Limits())
    doc = json.loads(outbox.get_batch(store, batch_id).body)
    assert [r["kind"] for r in doc["records"]] == ["participant", "session"]
    assert doc["records"][0]["data"]["mobile"] == "9000000001"
    assert doc["records"][0]["data"]["name_en"] == "Person One"
    assert {r["origin"] for r in doc["records"]} == {store.device_id}
    assert doc["batch_id"] == batch_id and doc["protocol"] == 1
    assert doc["institute_code"] == "TST" and doc["device_id"] == store.device_id
    states = dict(store.conn.execute(
        "SELECT state, count(*) FROM change_log GROUP BY state").fetchall())
    assert states == {"batched": 2, "superseded": 2, "foreign": 1}
    assert sid in {r["id"] for r in doc["records"]}
    assert outbox.freeze_pending(store, outbox.Limits()) == []  # nothing left to freeze


def test_freeze_respects_record_and_byte_limits(store):
    for i in range(25):
        store.insert("participant", participant(i))
    ids = outbox.freeze_pending(store, outbox.Limits(max_records=10, max_bytes=10**6))
    assert [outbox.get_batch(store, b).record_count for b in ids] == [10, 10, 5]
    for i in range(25, 50):
        store.insert("participant", participant(i))
    ids = outbox.freeze_pending(store, outbox.Limits(max_records=1000, max_bytes=1500))
    assert len(ids) > 2
    for b in ids:
        assert len(outbox.get_batch(store, b).body) <= 1500
    assert sum(outbox.get_batch(store, b).record_count for b in ids) == 25


def test_record_larger_than_a_batch_is_quarantined_not_blocking(store):
    store.insert("participant", participant(1, designation="x" * 5000))
    store.insert("participant", participant(2))
    ids = outbox.freeze_pending(store, outbox.Limits(max_bytes=2000))
    assert len(ids) == 1
    assert [q["code"] for q in outbox.quarantined(store)] == ["too_large"]


# -- client ----------------------------------------------------------------------------------
def test_plain_http_only_to_loopback():
    assert check_url("http://127.0.0.1:8080/v1/") == "http://127.0.0.1:8080/v1"
    assert check_url("http://localhost/v1")
    assert check_url("http://[::1]:5/v1")
    assert check_url("https://portal.example/offline/v1")
    with pytest.raises(InsecureUrl):
        check_url("http://portal.example/offline/v1")
    with pytest.raises(InsecureUrl):
        check_url("http://10.0.0.5/v1")


def test_retry_after_parsing():
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert parse_retry_after("soon") is None


def test_request_bodies_are_gzipped_and_carry_idempotency_key(enrolled, portal):
    seen = []
    portal.fault = lambda req: seen.append(req) or None
    for i in range(30):
        enrolled.insert("participant", participant(i))
    engine(enrolled, portal).sync()
    post = next(r for r in seen if r.method == "POST" and r.url.path.endswith("/batches"))
    assert post.headers["Content-Encoding"] == "gzip"
    assert post.headers["Idempotency-Key"]
    assert post.headers["Authorization"].startswith("Bearer tok-")


def test_client_uses_tls_verification_and_env_proxies_for_remote():
    client = PortalClient("https://portal.example/v1", "t")
    assert client._http._transport._pool._ssl_context.verify_mode.name == "CERT_REQUIRED"
    assert client._http._trust_env is True
    client.close()
    local = PortalClient("http://127.0.0.1:1/v1", "t")
    assert local._http._trust_env is False
    local.close()


# -- enrolment -----------------------------------------------------------------------------
def test_enrol_keeps_token_out_of_the_database(db_path, portal):
    from desktop.store import open_store

    with open_store(db_path) as s:
        enrol(s, URL, "CODE1", transport=portal.transport())
        keys = DeviceKeys.for_store(s)
        token = keys.token()
        assert token and token.startswith("tok-")
        mode = stat.S_IMODE(os.stat(keys.token_path).st_mode)
        assert mode == 0o600
        assert stat.S_IMODE(os.stat(keys.folder / "device-ed25519.key").st_mode) == 0o600
        assert status(s)["enrolled"] is True
        dump = "\n".join(str(tuple(r)) for r in s.conn.execute("SELECT * FROM meta"))
        assert token not in dump
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob("desk.db*") if p.is_file())
    assert token.encode() not in raw


def test_used_code_is_refused(store, portal):
    enrol(store, URL, "CODE1", transport=portal.transport())
    from desktop.core.sync.client import Refused

    with pytest.raises(Refused, match="wrong or was already used"):
        enrol(store, URL, "CODE1", transport=portal.transport())


# -- sync --------------------------------------------------------------------------------------
def test_sync_delivers_everything_once_and_digests_match(enrolled, portal):
    ids = [enrolled.insert("participant", participant(i)) for i in range(2500)]
    enrolled.update("participant", ids[0], {"name_en": "Changed"})
    result = engine(enrolled, portal).sync()
    assert result.outcome == "ok", result.message
    assert result.pending == 0 and result.acked_records == 2500 and result.sent_batches == 3
    assert set(portal.records) == set(ids)
    assert portal.records[ids[0]]["data"]["name_en"] == "Changed"
    assert max(portal.applied_count.values()) == 1
    assert outbox_states(enrolled) == {"acked": 3}
    assert reconcile.local_digest(enrolled)["participant"] == portal.digest(
        enrolled.device_id)["participant"]
    assert result.reconcile["equal"] is True
    again = engine(enrolled, portal).sync()
    assert again.sent_batches == 0 and again.pending == 0


def test_transient_errors_resend_the_same_bytes_honouring_retry_after(enrolled, portal):
    for i in range(5):
        enrolled.insert("participant", participant(i))
    answers = iter([httpx.Response(503, headers={"Retry-After": "7"}),
                    httpx.Response(500), httpx.Response(429, headers={"Retry-After": "2"})])

    def fault(req):
        if req.method == "POST" and req.url.path.endswith("/batches"):
            nxt = next(answers, None)
            if nxt is not None:
                portal.posts.append((req.headers["Idempotency-Key"], gzip.decompress(req.content)))
            return nxt
        return None

    portal.fault = fault
    eng = engine(enrolled, portal)
    result = eng.sync()
    assert result.outcome == "ok" and result.pending == 0
    keys = {k for k, _ in portal.posts}
    assert len(keys) == 1
    raw = [b for _, b in portal.posts]
    assert len(set(raw)) == 1 and len(raw) == 4  # 3 faulted attempts + 1 real
    assert eng.sleeps[0] >= 7 and eng.sleeps[2] >= 2
    assert eng.sleeps[1] < 1  # plain backoff, no Retry-After


def test_lost_answer_after_commit_is_not_applied_twice(enrolled, portal):
    pids = [enrolled.insert("participant", participant(i)) for i in range(3)]
    dropped = []

    def fault(req):
        if req.method == "POST" and not dropped:
            portal.fault = None
            portal.handle(req)  # the portal commits...
            portal.fault = fault
            dropped.append(1)
            raise httpx.ReadError("connection reset")  # ...and the answer is lost
        return None

    portal.fault = fault
    result = engine(enrolled, portal).sync()
    assert result.outcome == "ok" and result.pending == 0
    assert set(portal.records) == set(pids)
    assert max(portal.applied_count.values()) == 1


def test_answer_lost_then_desk_restarts_asks_before_resending(enrolled, portal):
    enrolled.insert("participant", participant(1))
    [bid] = outbox.freeze_pending(enrolled, outbox.Limits())
    outbox.mark_sending(enrolled, bid)
    portal.handle(httpx.Request("POST", URL + "/batches", content=outbox.get_batch(
        enrolled, bid).body, headers={"Idempotency-Key": bid,
                                      "Authorization": f"Bearer tok-{enrolled.device_id}"}))
    portal.posts.clear()
    result = engine(enrolled, portal).sync()  # finds 'sending', treats it as queued
    assert result.outcome == "ok" and result.pending == 0
    assert portal.posts == []  # the stored answer was fetched, no resend needed
    assert ("GET", f"/v1/batches/{bid}") in portal.log


def test_exhausted_retries_leave_batch_queued_with_same_bytes(enrolled, portal):
    enrolled.insert("participant", participant(1))
    portal.fault = lambda req: httpx.Response(500) if req.method == "POST" else None
    result = engine(enrolled, portal, max_attempts=3).sync()
    assert result.outcome == "offline" and result.pending == 1
    [batch] = outbox.sendable(enrolled)
    assert batch.state == "queued" and batch.attempts == 3
    portal.fault = None
    assert engine(enrolled, portal).sync().pending == 0
    assert len({b for k, b in portal.posts}) == 1  # never rebuilt


def test_401_stops_and_asks_for_reenrolment_without_looping(enrolled, portal):
    enrolled.insert("participant", participant(1))
    portal.tokens.clear()
    result = engine(enrolled, portal).sync()
    assert result.outcome == "auth" and "enrol" in result.message.lower()
    posts = len(portal.posts)
    assert posts <= 1
    n = len(portal.log)
    again = engine(enrolled, portal).sync()
    assert again.outcome == "auth" and len(portal.log) == n  # no network at all
    portal.codes.add("CODE2")
    enrol(enrolled, URL, "CODE2", transport=portal.transport())
    assert engine(enrolled, portal).sync().pending == 0


def test_rejected_record_is_quarantined_and_does_not_block(enrolled, portal):
    good = [enrolled.insert("participant", participant(i)) for i in range(3)]
    bad = enrolled.insert("participant", {"name_en": "Bad", "mobile": "123"})
    portal.reject = lambda r: (("invalid_field", "mobile: must be 10 digits")
                               if r["data"].get("mobile") == "123" else None)
    result = engine(enrolled, portal).sync()
    assert result.rejected == 1 and result.pending == 0
    assert set(portal.records) == set(good)
    [q] = outbox.quarantined(enrolled)
    assert (q["record_id"], q["code"], q["message"]) == (bad, "invalid_field",
                                                        "mobile: must be 10 digits")
    # Still quarantined after another sync (kept until fixed or discarded)
    assert engine(enrolled, portal).sync().rejected == 1
    enrolled.update("participant", bad, {"mobile": "9999999999"})
    assert outbox.quarantined(enrolled) == []  # edited: leaves quarantine
    result = engine(enrolled, portal).sync()
    assert result.rejected == 0 and bad in portal.records


def test_discard_tombstones_and_syncs(enrolled, portal):
    bad = enrolled.insert("participant", {"name_en": "Bad", "mobile": "123"})
    portal.reject = lambda r: ("invalid_field", "no") if not r["deleted"] else None
    engine(enrolled, portal).sync()
    outbox.discard(enrolled, "participant", bad)
    assert outbox.quarantined(enrolled) == []
    engine(enrolled, portal).sync()
    assert portal.records[bad]["deleted"] is True


@pytest.mark.parametrize("code", [400, 422])
def test_malformed_batch_fails_and_is_never_resent_unchanged(enrolled, portal, code):
    pid = enrolled.insert("participant", participant(1))
    portal.fault = lambda req: (httpx.Response(code, json={"error": "invalid_batch",
                                                           "details": ["bad"]})
                                if req.method == "POST" else None)
    result = engine(enrolled, portal).sync()
    assert outbox_states(enrolled) == {"failed": 1}
    assert result.rejected == 1
    n = len([x for x in portal.log if x[0] == "POST"])
    engine(enrolled, portal).sync()
    assert len([x for x in portal.log if x[0] == "POST"]) == n  # not resent
    portal.fault = None
    enrolled.update("participant", pid, {"name_en": "Fixed"})
    assert engine(enrolled, portal).sync().pending == 0
    assert portal.records[pid]["data"]["name_en"] == "Fixed"


def test_409_requeues_versions_under_a_new_batch_id(enrolled, portal):
    pid = enrolled.insert("participant", participant(1))
    [bid] = outbox.freeze_pending(enrolled, outbox.Limits())
    portal.batches[bid] = (b"something else", {})
    result = engine(enrolled, portal).sync()
    assert result.outcome == "ok" and result.pending == 0
    assert outbox.get_batch(enrolled, bid).state == "failed"
    assert pid in portal.records
    assert len({k for k, _ in portal.posts}) == 2


def test_413_splits_a_batch_the_portal_never_applied(enrolled, portal):
    ids = [enrolled.insert("participant", participant(i)) for i in range(40)]
    outbox.freeze_pending(enrolled, outbox.Limits(max_records=1000))
    portal.max_records = 12
    result = engine(enrolled, portal).sync()
    assert result.outcome == "ok", result.message
    assert set(portal.records) == set(ids)
    assert outbox_states(enrolled)["failed"] == 1
    assert max(portal.applied_count.values()) == 1


def test_attachments_go_before_the_records_naming_them(enrolled, portal):
    import hashlib

    from desktop.core import attachments

    data = b"\xff\xd8 photo bytes"
    sha = hashlib.sha256(data).hexdigest()
    attachments.keep_received(enrolled, sha, data)
    vid = enrolled.insert("field_visit", {"attachments": [
        {"sha256": sha, "filename": "a.jpg", "media_type": "image/jpeg", "size": len(data)}]})
    engine(enrolled, portal).sync()
    order = [p for m, p in portal.log if m in ("PUT", "POST") and "enrol" not in p]
    assert order[0] == f"/v1/attachments/{sha}" and order[1] == "/v1/batches"
    assert portal.attachments[sha] == data and vid in portal.records


def test_pull_applies_last_writer_wins_and_keeps_cursor(enrolled, portal):
    prog = {"kind": "programme", "id": "01900000-0000-7000-8000-00000000000a",
            "updated_at": "2026-11-01T00:00:00.000Z", "origin": "portal", "deleted": False,
            "data": {"code": "KSK", "title_en": "K", "title_hi": None, "igot_course_id": None,
                     "hours": 6, "min_attendance_pct": 75}}
    portal.changes_feed = [prog] + [
        {**prog, "id": f"01900000-0000-7000-8000-0000000001{i:02d}"} for i in range(70)]
    result = engine(enrolled, portal).sync()
    assert result.pulled == 71
    assert enrolled.meta_get("sync.cursor") == "71"
    older = {**prog, "updated_at": "2026-10-01T00:00:00.000Z",
             "data": {**prog["data"], "hours": 1}}
    portal.changes_feed.append(older)
    engine(enrolled, portal).sync()
    assert enrolled.record("programme", prog["id"])["data"]["hours"] == 6
    assert outbox.pending_count(enrolled) == 0  # pulled versions are never sent back


def test_reconcile_requeues_a_kind_the_portal_lacks(enrolled, portal):
    ids = [enrolled.insert("participant", participant(i)) for i in range(5)]
    engine(enrolled, portal).sync()
    del portal.records[ids[2]]  # e.g. the portal restored an old backup
    report = SyncEngine(enrolled, transport=portal.transport()).reconcile()
    assert report["kinds"]["participant"]["equal"] is False
    assert report["requeued"] == 5
    assert ids[2] in portal.records
    assert reconcile.local_digest(enrolled)["participant"] == portal.digest(
        enrolled.device_id)["participant"]


def test_kind_order_is_protocol_order():
    # nodal_officer (monthly review) comes after the kinds of §4's table, parents first
    assert KIND_ORDER[0] == "participant" and KIND_ORDER[-2:] == ("certificate", "nodal_officer")


def test_sql_rendered_records_equal_row_to_record(store):
    from desktop.protocol.records import row_to_record

    store.insert("participant", {"name_en": "सीता \"Q\" \\ Devi", "name_hi": "सीता"})
    store.insert("programme", {"code": "P", "title_en": "T", "hours": 6.5,
                               "min_attendance_pct": 75})
    store.insert("workshop", {"trainers": ["A", "बी"], "title_en": "W"})
    vid = store.insert("field_visit", {"team": [], "people_met": 3, "action_points": [
        {"text": "x", "owner": "y", "due_date": None, "status": "open"}], "attachments": []})
    store.delete("field_visit", vid)
    store.insert("attendance", {"status": "present"})
    ids = outbox.freeze_pending(store, outbox.Limits())
    sent = [r for b in ids for r in json.loads(outbox.get_batch(store, b).body)["records"]]
    for record in sent:
        row = store.get(record["kind"], record["id"])
        assert record == row_to_record(record["kind"], row)
    assert len(sent) == 5  # the visit made and deleted travels once, as a tombstone
