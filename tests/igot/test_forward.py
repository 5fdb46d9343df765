"""Forwarding attended marks to the fake Sunbird course service (§10), cleanly and under the
sync tests' faults: every attended mark with an iGOT id ends written exactly as attended,
refusals are kept with iGOT's words, nothing is ever sent twice by a clean run."""

from __future__ import annotations

import json

import pytest

from desktop.core.igot import forward as fw
from desktop.core.igot.linking import link_workshop
from desktop.core.igot.status import status
from tests.igot.conftest import backoff, client_for, configure
from tests.igot.fakeigot import valid_time
from tests.igot.helpers import BATCH, COURSE, expected_writes, linked, mark, person


def run(store, **kw):
    b, sleeps = backoff(kw.pop("max_attempts", 8))
    with client_for(store, kw.pop("timeout", 2.0)) as client:
        result = fw.forward(store, client, backoff=b, **kw)
    result.sleeps = sleeps
    return result


def test_clean_run_writes_each_attended_mark_once_grouped_per_learner(store, fake):
    link = linked(store, learners=4, sessions=3)
    # learner 1 was late in session 1 (attended); learner 2 absent, learner 3 excused there
    store.conn.execute("UPDATE attendance SET status = 'late' WHERE session_id = ? AND "
                       "participant_id = ?", (link.sessions[1], link.people[1]))
    for i, st in ((2, "absent"), (3, "excused")):
        store.conn.execute("UPDATE attendance SET status = ? WHERE session_id = ? AND "
                           "participant_id = ?", (st, link.sessions[1], link.people[i]))
    configure(store, fake.url, fake)
    result = run(store)
    want = expected_writes(link) - {(f"uid-{i:05d}", BATCH, link.content_of[link.sessions[1]])
                                    for i in (2, 3)}
    assert fake.violations == []
    assert set(fake.writes) == want and len(fake.writes) == len(want)
    assert fake.requests == 3  # one request per learner with an iGOT id
    assert result.forwarded == len(want) == 7
    assert result.pending == 0 and result.rejected == []
    assert result.skipped == [{"participant_id": link.people[0], "reason": fw.NO_USER_ID}]
    assert result.complete

    before = fake.requests
    again = run(store)
    assert fake.requests == before, "a second clean run sent something"
    assert again.forwarded == 0 and again.already == 7 and again.pending == 0


def test_request_shape_and_time_format(store, fake):
    link = linked(store, learners=2, sessions=2)
    configure(store, fake.url, fake)
    run(store)
    body = json.loads(bytes(store.conn.execute("SELECT body FROM igot_request").fetchone()[0]))
    assert list(body) == ["request"] and body["request"]["userId"] == "uid-00001"
    contents = body["request"]["contents"]
    assert [c["contentId"] for c in contents] == [link.content_of[s] for s in link.sessions]
    for c in contents:
        assert c["status"] == 2 and c["completionPercentage"] == 100
        assert c["batchId"] == BATCH and c["courseId"] == COURSE
        # marked_at 2026-11-20T04:45:30.123Z, in the API's own format
        assert c["lastAccessTime"] == "2026-11-20 04:45:30:123+0000"
        assert valid_time(c["lastAccessTime"])


@pytest.mark.parametrize("bad", [
    "2026-11-20T04:45:30.123Z", "2026-11-20 04:45:30.123+0000", "2026-11-20 04:45:30:123",
    "2026-02-30 04:45:30:123+0000",
])
def test_the_fake_refuses_other_time_formats(bad):
    assert not valid_time(bad)


def test_fake_enforces_shape_headers_and_status(fake):
    import httpx

    good = {"request": {"userId": "u", "contents": [{
        "contentId": "do_1", "batchId": BATCH, "courseId": COURSE, "status": 2,
        "completionPercentage": 100, "lastAccessTime": "2026-11-20 04:45:30:123+0000"}]}}
    headers = {"Authorization": f"Bearer {fake.api_key}",
               "x-authenticated-user-token": next(iter(fake.tokens)),
               "Content-Type": "application/json"}
    url = fake.url + "/v1/content/state/admin/update"
    assert httpx.patch(url, json=good, headers=headers).json()["result"] == {"do_1": "SUCCESS"}
    assert httpx.patch(url, json=good, headers={**headers, "Authorization": "Bearer x"}
                       ).status_code == 401
    no_token = {k: v for k, v in headers.items() if k != "x-authenticated-user-token"}
    assert httpx.patch(url, json=good, headers=no_token).status_code == 401
    for change in ({"status": 1}, {"status": True}, {"completionPercentage": 50},
                   {"extra": 1}):
        bad = json.loads(json.dumps(good))
        bad["request"]["contents"][0].update(change)
        assert httpx.patch(url, json=bad, headers=headers).status_code == 400, change
    assert len(fake.violations) == 4


def test_refusals_are_kept_with_igot_words_and_not_resent(store, fake):
    link = linked(store, learners=3, sessions=1)
    fake.batches[BATCH]["status"] = 2  # the batch has ended on iGOT
    configure(store, fake.url, fake)
    result = run(store)
    assert result.forwarded == 0 and result.pending == 0
    assert {(r["participant_id"], r["reason"]) for r in result.rejected} == {
        (link.people[1], "NOT_A_ON_GOING_BATCH"), (link.people[2], "NOT_A_ON_GOING_BATCH")}
    before = fake.requests
    again = run(store)
    assert fake.requests == before and len(again.rejected) == 2

    # fixed by linking the workshop to the right batch: sent again, and written
    fake.add_batch("B-NEW", COURSE)
    link_workshop(store, link.workshop, COURSE, "B-NEW")
    fixed = run(store)
    assert fixed.forwarded == 2 and fixed.rejected == []
    assert {(u, b) for u, b, _c in fake.writes} == {("uid-00001", "B-NEW"), ("uid-00002", "B-NEW")}


def test_unknown_batch_is_a_per_record_refusal(store, fake):
    linked(store, learners=2, sessions=2)
    fake.batches.clear()
    configure(store, fake.url, fake)
    result = run(store)
    assert [r["reason"] for r in result.rejected] == ["BATCH_NOT_EXISTS"] * 2


def test_refused_token_stops_at_once_and_keeps_the_marks(store, fake):
    link = linked(store, learners=5, sessions=2)
    configure(store, fake.url, fake, token="EXPIRED-TOKEN-789")
    result = run(store)
    assert result.auth_failed and "new token" in result.stopped
    assert fake.requests == 1, "a refused token must not be retried"
    assert result.pending == 8 and result.forwarded == 0
    configure(store, fake.url, fake)
    done = run(store)
    assert done.forwarded == 8 and set(fake.writes) == expected_writes(link)


def test_a_mark_corrected_after_forwarding_needs_action_on_igot(store, fake):
    link = linked(store, learners=3, sessions=2)
    configure(store, fake.url, fake)
    run(store)
    aid = store.conn.execute(
        "SELECT id FROM attendance WHERE session_id = ? AND participant_id = ?",
        (link.sessions[0], link.people[1])).fetchone()[0]
    store.update("attendance", aid, {"status": "absent"})
    before = fake.requests
    again = run(store)
    assert fake.requests == before and again.needs_action == 1
    st = status(store, link.workshop)
    assert st["needs_action"] == [{"participant_id": link.people[1],
                                   "session_id": link.sessions[0], "status": "absent",
                                   "forwarded_at": st["needs_action"][0]["forwarded_at"]}]
    assert fake.progress[("uid-00001", BATCH, link.content_of[link.sessions[0]])] == 2


def test_new_marks_and_new_ids_are_picked_up_later(store, fake):
    link = linked(store, learners=2, sessions=2)
    configure(store, fake.url, fake)
    run(store)
    late = person(store, 9)
    mark(store, link.sessions[1], late, "late")
    store.update("participant", link.people[0], {"igot_user_id": "uid-00000"})
    result = run(store)
    assert result.forwarded == 3 and result.skipped == []
    assert ("uid-00009", BATCH, link.content_of[link.sessions[1]]) in fake.writes


def test_dry_run_sends_and_stores_nothing(store, fake):
    linked(store, learners=3, sessions=2)
    configure(store, fake.url, fake)
    result = fw.forward(store, None, dry_run=True)
    assert result.would_send == 4 and result.pending == 4
    assert fake.requests == 0
    assert store.conn.execute("SELECT count(*) FROM igot_request").fetchone()[0] == 0
