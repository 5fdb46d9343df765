"""Exactly-once under concurrency, on both stores: two portal workers on one store (each with
its own connections, as two server processes would have), many desks at once, every batch
sent to both workers at the same moment, desks racing on the same records, and a reader
following `/changes` in small pages all the while."""

from __future__ import annotations

import threading
import time
from collections import Counter

from desktop.portal.server import start_portal
from desktop.protocol.ids import new_id
from tests.portal.conftest import http_client
from tests.portal.samples import record, valid_data

DESKS = 6
BATCHES = 4
PER_BATCH = 15
SHARED = 10


def test_replayed_and_racing_batches_apply_once_and_changes_miss_nothing(
        portal, store_target, make_desk):
    second = start_portal(store_target, max_records=50, max_bytes=64 * 1024,
                          changes_page=1000)
    try:
        _race(portal, second, make_desk)
    finally:
        second.stop()


def _race(portal, second, make_desk):
    desks = [make_desk("TST") for _ in range(DESKS)]
    reader = make_desk("TST")
    portal.limits.changes_page = second.limits.changes_page = 7
    shared_ids = [new_id() for _ in range(SHARED)]
    sent_shared: dict[str, list[tuple[str, str, str]]] = {rid: [] for rid in shared_ids}
    own_ids: list[str] = []
    answers: list[tuple[int, str | None, bytes]] = []
    failures: list[str] = []
    lock = threading.Lock()
    done = threading.Event()

    def desk_run(desk) -> None:
        clients = [http_client(portal.url), http_client(second.url)]
        try:
            for b in range(BATCHES):
                records = [record("programme", origin=desk.device_id)
                           for _ in range(PER_BATCH)]
                for rid in shared_ids[b::2]:  # every desk writes these at about the same time
                    title = f"by {desk.device_id[-6:]} in batch {b}"
                    rec = record("programme", valid_data("programme", title_en=title),
                                 origin=desk.device_id, record_id=rid)
                    records.append(rec)
                    with lock:
                        sent_shared[rid].append((rec["updated_at"], rec["origin"], title))
                body = desk.batch_body(records)
                with lock:
                    own_ids.extend(r["id"] for r in records[:PER_BATCH])
                pair = threading.Barrier(2)
                out: list = [None, None]

                def send(i: int, body=body, pair=pair, out=out) -> None:
                    pair.wait()  # both workers get the same batch at the same moment
                    with_desk = desk.__class__(clients[i], desk.device_id,
                                               desk.institute_code, desk.token)
                    out[i] = with_desk.post(body)

                threads = [threading.Thread(target=send, args=(i,)) for i in (0, 1)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                with lock:
                    for response in out:
                        answers.append((response.status_code,
                                        response.headers.get("Idempotent-Replay"),
                                        response.content))
        except Exception as exc:  # noqa: BLE001 - reported below, with the desk
            failures.append(f"{desk.device_id}: {exc!r}")
        finally:
            for c in clients:
                c.close()

    latest: dict[str, tuple[str, str]] = {}
    cursors: list[tuple[int, str]] = []

    def follow() -> None:
        since = ""
        with http_client(second.url) as c:
            follower = reader.__class__(c, reader.device_id, reader.institute_code,
                                        reader.token)
            while True:
                finished = done.is_set()  # read before the page: a final full drain follows
                response = follower.get("/changes", params={"since": since})
                if response.status_code == 429:
                    # Polling as fast as it can, a reader meets the per-device rate limit
                    # (more often the longer the writes take: a loaded machine); like a desk,
                    # it waits what Retry-After says and asks again.
                    time.sleep(float(response.headers.get("Retry-After", "1")))
                    continue
                if response.status_code != 200:
                    failures.append(f"/changes answered {response.status_code}: "
                                    f"{response.text[:200]}")
                    return
                body = response.json()
                for rec in body["records"]:
                    latest[rec["id"]] = (rec["updated_at"], rec["origin"])
                if body["cursor"] != since and since:
                    seq, _, rid = body["cursor"].partition(":")
                    cursors.append((int(seq), rid))
                since = body["cursor"]
                if finished and not body["records"]:
                    return

    follower_thread = threading.Thread(target=follow)
    follower_thread.start()
    workers = [threading.Thread(target=desk_run, args=(d,)) for d in desks]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    done.set()
    follower_thread.join(timeout=60)
    assert not failures, failures
    assert not follower_thread.is_alive()

    # Each batch went to both workers: one applied it, the other answered the stored bytes.
    assert len(answers) == 2 * DESKS * BATCHES
    assert all(status == 200 for status, _, _ in answers), answers[:3]
    pairs = [answers[i:i + 2] for i in range(0, len(answers), 2)]
    for pair in pairs:
        assert sorted(replay or "" for _, replay, _ in pair) == ["", "true"]
        assert pair[0][2] == pair[1][2]

    # 0 applied twice.
    applied = portal.applied_versions()
    twice = [k for k, n in Counter((a["id"], a["updated_at"], a["origin"])
                                   for a in applied).items() if n > 1]
    assert twice == []
    assert len({a["seq"] for a in applied}) == len(applied)

    # 0 lost, and the races resolved by §4's order (updated_at, then origin).
    held = {r["id"]: r for r in second.records(["programme"])}
    assert set(own_ids) <= set(held)
    assert len(own_ids) == DESKS * BATCHES * PER_BATCH
    for rid, versions in sent_shared.items():
        winner = max(versions)
        assert (held[rid]["updated_at"], held[rid]["origin"]) == winner[:2]
        assert held[rid]["data"]["title_en"] == winner[2]

    # /changes, followed during the writes, ends on every record's final version.
    assert set(latest) == set(held)
    for rid, rec in held.items():
        assert latest[rid] == (rec["updated_at"], rec["origin"]), rid
    assert cursors == sorted(cursors) and len(set(cursors)) == len(cursors)
