"""End to end against the reference portal, with faults injected between desk and portal.
Every scenario must end with each version applied exactly once and the desk consistent."""

from __future__ import annotations

import collections
import io
import json

import pytest

from desktop.core.export import export_jsonl
from desktop.core.sync import outbox, reconcile
from desktop.protocol.ids import new_id, now_ts
from tests.sync.conftest import quick_engine
from tests.sync.helpers import participant


def own_export(store) -> dict[str, tuple[str, str, bool]]:
    out = io.StringIO()
    export_jsonl(store, out)
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    return {r["id"]: (r["updated_at"], r["origin"], r["deleted"]) for r in recs
            if r["origin"] == store.device_id}


def assert_consistent(store, portal) -> None:
    held = {r["id"]: (r["updated_at"], r["origin"], r["deleted"]) for r in portal.records()
            if r["origin"] == store.device_id}
    assert held == own_export(store)
    versions = collections.Counter(
        (v["id"], v["updated_at"], v["origin"]) for v in portal.applied_versions()
    )
    assert max(versions.values(), default=1) == 1, "a version was applied twice"
    assert outbox.pending_count(store) == 0
    assert outbox.sendable(store) == []
    mine = reconcile.local_digest(store)
    theirs = portal.digest(store.device_id)
    theirs = theirs.get("kinds", theirs)
    for kind, entry in mine.items():
        other = theirs.get(kind) or {"count": 0, "sha256": reconcile.EMPTY_SHA}
        assert (entry["count"], entry["sha256"]) == (other["count"], other["sha256"]), kind


def attendance(store, n: int) -> list[str]:
    session = new_id()
    pids = [store.insert("participant", participant(i)) for i in range(n)]
    for pid in pids:
        store.insert("attendance", {"session_id": session, "participant_id": pid,
                                    "status": "present", "marked_at": now_ts(),
                                    "method": "scan", "marked_by": "desk"})
    return pids


def test_clean_sync_is_accepted_by_the_strict_portal(desk, ref_portal):
    attendance(desk, 20)
    result = quick_engine(desk).sync()
    assert result.outcome == "ok", result
    assert result.rejected == 0 and result.acked_records == 40
    assert_consistent(desk, ref_portal)


@pytest.mark.parametrize(
    "faults",
    [
        ["refuse", "refuse"],
        ["drop_request"],
        ["drop_response"],
        ["drop_response", "drop_response", "status:500"],
        ["status:500", "status:502"],
        ["status:503:1", "status:429:1"],
        ["twice"],
        ["slow_response:1.5"],
        ["delay:1.5"],
    ],
)
def test_faults_on_batches_end_exactly_once(desk, ref_portal, proxy, faults):
    attendance(desk, 15)
    proxy.plan("POST", "/batches", *faults)
    eng = quick_engine(desk, timeout=1.0)
    result = eng.sync()
    assert result.outcome == "ok", result
    posted = proxy.posted_batches()
    by_id = collections.defaultdict(set)
    for key, body in posted:
        by_id[key].add(body)
    assert all(len(bodies) == 1 for bodies in by_id.values()), "a retry changed the bytes"
    assert len(by_id) == 1
    if any(f.startswith("status:5") and f.count(":") == 2 or f.startswith("status:429")
           for f in faults):
        assert eng.sleeps[0] >= 1.0  # Retry-After honoured
    assert_consistent(desk, ref_portal)


def test_portal_down_then_back(desk, ref_portal, proxy):
    attendance(desk, 5)
    proxy.down()
    result = quick_engine(desk, max_attempts=2).sync()
    assert result.outcome == "offline" and result.pending == 10
    proxy.up()
    assert quick_engine(desk).sync().outcome == "ok"
    assert_consistent(desk, ref_portal)


def test_faults_on_info_pull_and_digest(desk, ref_portal, proxy):
    attendance(desk, 5)
    proxy.plan("GET", "/info", "status:503:1")
    proxy.plan("GET", "/changes", "drop_response")
    proxy.plan("GET", "/digest", "status:500")
    eng = quick_engine(desk)
    assert eng.sync().outcome == "ok"  # safe GETs are retried like batches
    assert eng.sleeps[0] >= 1.0 and len(eng.sleeps) == 3
    proxy.plan("GET", "/changes", *["status:500"] * 10)
    result = quick_engine(desk, max_attempts=2).sync()
    assert result.outcome == "offline" and result.pending == 0
    proxy.clear()
    assert quick_engine(desk).sync().outcome == "ok"
    assert_consistent(desk, ref_portal)


def test_portal_rejections_are_quarantined_with_its_message(desk, ref_portal):
    good = attendance(desk, 3)
    bad = desk.insert("participant", {"name_en": "Bad Mobile", "mobile": "12345"})
    result = quick_engine(desk).sync()
    assert result.rejected == 1 and result.pending == 0
    [q] = outbox.quarantined(desk)
    assert q["record_id"] == bad and q["code"] == "invalid_field" and "mobile" in q["message"]
    held = {r["id"] for r in ref_portal.records()}
    assert set(good) <= held and bad not in held
    desk.update("participant", bad, {"mobile": "9123456789"})
    assert quick_engine(desk).sync().rejected == 0
    assert_consistent(desk, ref_portal)


def test_revoked_device_stops_on_401(desk, ref_portal, proxy):
    attendance(desk, 2)
    ref_portal.revoke_device(desk.device_id)
    result = quick_engine(desk).sync()
    assert result.outcome == "auth"
    n = len(proxy.seen)
    assert quick_engine(desk).sync().outcome == "auth"
    assert len(proxy.seen) == n  # no more requests until enrolled again


def test_413_from_the_real_portal_splits(desk, ref_portal):
    attendance(desk, 30)
    outbox.freeze_pending(desk, outbox.Limits(max_records=1000))
    ref_portal.limits.max_records = 7
    result = quick_engine(desk).sync()
    assert result.outcome == "ok", result
    assert_consistent(desk, ref_portal)


def test_pull_brings_portal_records(desk, ref_portal):
    prog = {"kind": "programme", "id": new_id(), "updated_at": now_ts(), "origin": new_id(),
            "deleted": False, "data": {"code": "KSK", "title_en": "Karmayogi", "title_hi": None,
                                       "igot_course_id": None, "hours": 6,
                                       "min_attendance_pct": 75}}
    ref_portal.put_record(prog)
    result = quick_engine(desk).sync()
    assert result.outcome == "ok" and result.pulled >= 1
    assert desk.record("programme", prog["id"])["data"]["title_en"] == "Karmayogi"
    assert outbox.pending_count(desk) == 0


def _visit(store, refs):
    return store.insert("field_visit", {
        "district_code": "LKO", "office": "Block office", "department": None,
        "visit_date": "2026-11-20", "purpose": "Follow-up", "team": ["Asha"], "people_met": 4,
        "participant_ids": [], "findings": "", "action_points": [], "attachments": refs})


def test_attachments_reach_the_portal_before_the_visit(desk, ref_portal, proxy):
    import hashlib

    from desktop.core import attachments

    photo = b"\xff\xd8\xff\xe0 field photo " * 100
    sha = hashlib.sha256(photo).hexdigest()
    attachments.keep_received(desk, sha, photo)
    ref = {"sha256": sha, "filename": "visit.jpg", "media_type": "image/jpeg",
           "size": len(photo)}
    vid = _visit(desk, [ref])
    lost = "0" * 64
    gone = _visit(desk, [{**ref, "sha256": lost}])  # its file is not on this desk
    proxy.plan("PUT", f"/attachments/{sha}", "drop_response")  # stored, answer lost: re-PUT
    result = quick_engine(desk).sync()
    assert result.outcome == "ok", result
    order = [(s.method, s.path.rsplit("/", 1)[-1]) for s in proxy.seen
             if s.method in ("PUT", "POST")]
    assert order.index(("PUT", sha)) < order.index(("POST", "batches"))
    assert vid in {r["id"] for r in ref_portal.records()}
    [q] = outbox.quarantined(desk)
    assert q["record_id"] == gone and q["code"] == "missing_attachment"
    assert quick_engine(desk).sync().outcome == "ok"
    assert [p for m, p in order if m == "PUT"] == [sha, sha]  # nothing re-PUT once stored


def test_cli_sync_json_and_exit_codes(desk, ref_portal, cli):
    attendance(desk, 3)
    code, out, _ = cli("--db", desk.path, "sync", "--json")
    doc = json.loads(out)
    assert code == 0
    assert {k: doc[k] for k in ("sent_batches", "acked_records", "rejected", "pending")} == {
        "sent_batches": 1, "acked_records": 6, "rejected": 0, "pending": 0}
    desk.insert("participant", {"name_en": "Bad", "mobile": "1"})
    code, out, _ = cli("--db", desk.path, "--json", "sync")
    assert code == 1 and json.loads(out)["rejected"] == 1
    code, out, _ = cli("--db", desk.path, "--json", "sync", "reconcile")
    assert code == 0 and json.loads(out)["equal"] is True
    code, out, _ = cli("--db", desk.path, "sync", "status")
    assert code == 0 and "rejected participant" in out
    code, _, err = cli("--db", desk.path, "sync", "--portal", "http://example.org/v1")
    assert code == 2 and "only allowed to this computer" in err


def test_cli_enrol_keeps_the_token_out_of_output(tmp_path, ref_portal, cli):
    from desktop.core.centre import init_centre
    from desktop.core.sync.keys import DeviceKeys
    from desktop.store import open_store

    db = tmp_path / "cli.db"
    with open_store(db) as s:
        init_centre(s, "TST", "Test Institute")
    ref_portal.add_enrolment_code("CLI-1", "TST", "Test Institute")
    code, out, err = cli("--db", db, "enrol", "--portal", ref_portal.prefixed_url,
                         "--code", "CLI-1")
    assert code == 0 and "Enrolled with" in out
    with open_store(db) as s:
        token = DeviceKeys.for_store(s).token()
        s.insert("participant", participant(1))
    code, out2, err2 = cli("--db", db, "enrol", "--portal", ref_portal.url, "--code", "CLI-1")
    assert code == 2 and "wrong or was already used" in err2
    code, out3, err3 = cli("--db", db, "sync")
    assert code == 0 and "1 record(s) acknowledged" in out3
    assert token and all(token not in text for text in (out, err, out2, err2, out3, err3))


def test_field_desk_reaches_the_real_portal_through_a_relay(tmp_path, ref_portal, desk, proxy):
    from desktop.core.centre import init_centre
    from desktop.core.sync.bundle import export_bundle, import_bundle
    from desktop.core.sync.receipt import export_receipt, import_receipt, own_fingerprint
    from desktop.store import open_store

    field = open_store(tmp_path / "field.db")  # never online, never enrolled
    init_centre(field, "TST", "Test Institute")
    attendance(field, 12)
    export_bundle(field, tmp_path / "f.kdbundle")
    sent = {b.batch_id: b.body for b in outbox.sendable(field)}
    import_bundle(desk, tmp_path / "f.kdbundle", trust_fingerprint=own_fingerprint(field))
    result = quick_engine(desk).sync()
    assert result.outcome == "ok" and result.pending == 0, result
    export_receipt(desk, tmp_path / "r.kdreceipt", field.device_id)
    got = import_receipt(field, tmp_path / "r.kdreceipt", trust_fingerprint=own_fingerprint(desk))
    assert got["acked"] == len(sent)
    assert outbox.pending_count(field) == 0
    held = {r["id"]: (r["updated_at"], r["origin"], r["deleted"]) for r in ref_portal.records()
            if r["origin"] == field.device_id}
    assert held == own_export(field)
    theirs = ref_portal.digest(field.device_id)
    theirs = theirs.get("kinds", theirs)
    mine = reconcile.local_digest(field)
    assert {k: v for k, v in mine.items() if v["count"]} == {
        k: {"count": v["count"], "sha256": v["sha256"]} for k, v in theirs.items() if v["count"]}
    # relayed unchanged: the portal stored exactly the field desk's bytes under its ids
    assert dict(proxy.posted_batches()) == sent
    field.close()
