"""Forwarding through the sync tests' fault proxy: drops before and after the write,
timeouts, 5xx, 429/503 with Retry-After, duplicate delivery, a refused connection. Every
attended mark with an iGOT id ends written exactly as attended, every resend carries the
frozen bytes, and a second clean run sends nothing."""

from __future__ import annotations

from desktop.core.igot import forward as fw
from tests.igot.conftest import backoff, client_for, configure
from tests.igot.helpers import expected_writes, linked

UPDATE = "/content/state/admin/update"


def run(store, max_attempts: int = 8, timeout: float = 1.0):
    b, sleeps = backoff(max_attempts)
    with client_for(store, timeout) as client:
        result = fw.forward(store, client, backoff=b)
    return result, sleeps


def frozen_bodies(store) -> set[bytes]:
    return {bytes(r[0]) for r in store.conn.execute("SELECT body FROM igot_request")}


def test_every_fault_ends_with_each_mark_written_as_attended(store, fake, proxy):
    link = linked(store, learners=9, sessions=3)
    store.conn.execute("UPDATE attendance SET status = 'absent' WHERE participant_id = ? "
                       "AND session_id = ?", (link.people[4], link.sessions[2]))
    store.conn.execute("UPDATE attendance SET status = 'late' WHERE participant_id = ? "
                       "AND session_id = ?", (link.people[5], link.sessions[0]))
    proxy.plan("PATCH", UPDATE, "drop_request", "drop_response", "slow_response:1.5",
               "status:500", "status:429:2", "status:503:1", "twice", "delay:1.5",
               "status:502", "drop_response", "twice")
    proxy.plan("*", "", "refuse")
    configure(store, proxy.url + "/api/course", fake)
    result, sleeps = run(store)
    want = expected_writes(link) - {("uid-00004", "01390000000000000001",
                                     link.content_of[link.sessions[2]])}
    assert result.stopped is None and result.pending == 0 and result.rejected == []
    assert result.forwarded == len(want)
    assert fake.violations == [] and fake.lowered == []
    assert set(fake.progress) == want and set(fake.progress.values()) == {2}
    assert set(fake.writes) == want
    # Retry-After honoured: the waits after the 429 and the 503 are at least what was asked
    assert any(s >= 2 for s in sleeps) and sum(1 for s in sleeps if s >= 1) >= 2
    # every request that reached the proxy carried one of the frozen bodies, unchanged
    seen = [s.body for s in proxy.seen if s.method == "PATCH"]
    assert set(seen) <= frozen_bodies(store)
    assert len(seen) > len(frozen_bodies(store))  # resends happened

    before = len(proxy.seen)
    again, _ = run(store)
    assert len(proxy.seen) == before, "a second clean run sent something"
    assert again.already == len(want) and again.forwarded == 0


def test_lost_answer_then_restart_resends_the_same_bytes(store, fake, proxy):
    linked(store, learners=2, sessions=2)
    configure(store, proxy.url + "/api/course", fake)
    proxy.plan("PATCH", UPDATE, "drop_response")
    first, _ = run(store, max_attempts=1)
    assert first.stopped and first.pending == 2 and first.forwarded == 0
    assert len(fake.writes) == 2  # iGOT wrote, the desk never heard
    frozen = frozen_bodies(store)
    second, _ = run(store)
    assert second.forwarded == 2 and second.pending == 0
    bodies = [s.body for s in proxy.seen if s.method == "PATCH"]
    assert len(bodies) == 2 and bodies[0] == bodies[1] and {bodies[0]} == frozen
    assert fake.violations == [] and set(fake.progress.values()) == {2}


def test_network_down_keeps_everything_waiting_with_a_plain_message(store, fake, proxy):
    linked(store, learners=3, sessions=1)
    configure(store, proxy.url + "/api/course", fake)
    proxy.down()
    result, _ = run(store, max_attempts=2)
    assert result.pending == 2 and result.forwarded == 0
    assert "could not be reached" in result.stopped
    proxy.up()
    done, _ = run(store)
    assert done.forwarded == 2 and done.pending == 0
