"""A hub and two desks on loopback with real HTTPS and real pinning."""

from __future__ import annotations

import random
from datetime import datetime, timezone
from pathlib import Path

import pytest

from desktop.core.attendance.desk import Desk
from desktop.core.venue import code as codes
from desktop.core.venue import link, tls
from desktop.core.venue.client import HubRefused, HubUnreachable
from desktop.core.venue.hub import VenueHub
from desktop.core.venue.tls import PinMismatch
from tests.venue.helpers import Venue, make_db, versions


def _history(store, participant):
    return {(r["device_id"], r["version"], r["status"]) for r in store.conn.execute(
        "SELECT device_id, version, status FROM attendance_history WHERE participant_id = ?",
        (participant,))}


def test_random_marks_and_walk_ins_at_three_desks_converge(venue):
    venue.settle()
    rng = random.Random(18)
    walk_ins = 0
    for step in range(60):
        store = rng.choice(venue.all)
        if rng.random() < 0.15:
            walk_ins += 1
            pid = venue.walk_in(store, walk_ins)
            venue.mark(store, pid)
        else:
            venue.mark(store, rng.choice(venue.people),
                       status=rng.choice([None, "present", "late", "excused", "absent"]))
        if step % 7 == 0:
            link.exchange(rng.choice(venue.desks))
    venue.settle()
    expected = versions(venue.hub_store)
    for store in venue.desks:
        assert versions(store) == expected
    names = {r[0] for r in venue.hub_store.conn.execute(
        "SELECT name_en FROM participant WHERE name_en LIKE 'Walk In %'")}
    assert len(names) == walk_ins
    # each (session, participant) has one attendance record everywhere
    for store in venue.all:
        assert store.conn.execute(
            "SELECT count(*) - count(DISTINCT session_id || participant_id) FROM attendance"
        ).fetchone()[0] == 0


def test_a_mark_made_elsewhere_names_the_desk(venue):
    venue.settle()
    venue.mark(venue.desks[1], venue.people[0])  # desk 3
    venue.settle()
    result = venue.mark(venue.desks[0], venue.people[0])
    assert result.outcome == "already"
    assert result.extra == {"desk": 3}
    assert " at desk 3 at " in result.message
    own = venue.mark(venue.desks[1], venue.people[0])
    assert own.extra == {}  # its own mark: no desk named


def test_two_desks_marking_one_person_at_the_same_moment(venue):
    venue.settle()
    person = venue.people[3]
    moment = datetime.now(timezone.utc)
    a = Desk(venue.desks[0], venue.session).mark(person, now=moment, status="present",
                                                 check_window=False)
    b = Desk(venue.desks[1], venue.session).mark(person, now=moment, status="late",
                                                 check_window=False)
    assert a.stored and b.stored
    venue.settle()
    rows = [s.get("attendance", a.attendance_id) for s in venue.all]
    winner = max((venue.desks[0].get("attendance", a.attendance_id),
                  venue.desks[1].get("attendance", a.attendance_id)),
                 key=lambda r: (r["updated_at"], r["origin"]))
    # §4: the greater (updated_at, origin) wins, the same everywhere
    assert {(r["updated_at"], r["origin"], r["status"]) for r in rows} == {
        (winner["updated_at"], winner["origin"], winner["status"])}
    both = {venue.desks[0].device_id, venue.desks[1].device_id}
    for store in venue.all:
        marks = _history(store, person)
        assert {d for d, _, s in marks if s in ("present", "late")} >= both, store.path


def test_a_changed_fingerprint_is_refused_with_a_plain_message(venue, tmp_path):
    code = venue.hub.code
    wrong = codes.JoinCode(code.host, code.port, "ab" * 32, code.secret)
    stranger = make_db(tmp_path / "stranger.db", 5)
    with pytest.raises(PinMismatch, match="not the hub the joining code names"):
        link.join(stranger, wrong.text())
    assert link.joined(stranger) is None
    assert tls.load_pinned(stranger) is None
    # the right code still works: nothing was used up by the refused attempt
    link.join(stranger, code.text())
    stranger.close()


def test_a_hub_with_another_certificate_is_refused_after_joining(venue):
    venue.settle()
    venue.hub.stop()
    folder = tls.keys_dir(venue.hub_store)
    (folder / tls.CERT_FILE).unlink()  # the host set up again: a new certificate
    venue.restart_hub()
    with pytest.raises(PinMismatch, match="different certificate"):
        link.exchange(venue.desks[0])


def test_a_used_code_is_refused(venue, tmp_path):
    used = venue.hub.code.text()
    link.leave(venue.desks[0])
    first = make_db(tmp_path / "late.db", 6)
    link.join(first, used)
    second = make_db(tmp_path / "later.db", 7)
    with pytest.raises(HubRefused, match="used already"):
        link.join(second, used)
    first.close()
    second.close()


def test_hub_killed_and_restarted_mid_workshop(venue):
    venue.settle()
    venue.mark(venue.desks[0], venue.people[0])
    link.exchange(venue.desks[0])
    venue.hub.stop()
    for i, store in enumerate(venue.all):
        venue.mark(store, venue.people[5 + i])
    for store in venue.desks:
        with pytest.raises(HubUnreachable):
            link.exchange(store)
        assert link.status(store)["waiting_for_hub"] >= 1
        assert link.status(store)["last_error"]
    venue.restart_hub()
    venue.settle()
    expected = versions(venue.hub_store)
    assert all(versions(s) == expected for s in venue.desks)
    marked = {r[0] for r in venue.hub_store.conn.execute(
        "SELECT participant_id FROM attendance WHERE deleted = 0")}
    assert set(venue.people[5:8]) | {venue.people[0]} <= marked
    assert all(link.status(s)["waiting_for_hub"] == 0 for s in venue.desks)


def test_leave_and_join_again(venue):
    venue.settle()
    desk = venue.desks[0]
    link.leave(desk)
    assert link.status(desk)["role"] == "none"
    venue.mark(desk, venue.people[9])  # marked while out of the venue
    venue.mark(venue.hub_store, venue.people[10])
    link.join(desk, venue.hub.code.text())
    venue.settle()
    assert versions(desk) == versions(venue.hub_store)


def test_the_old_token_stops_working_after_leaving(venue):
    token = link._token(venue.desks[0])
    link.leave(venue.desks[0])
    from desktop.core.venue.client import HubClient, NotJoined

    pem = tls.fetch_certificate("127.0.0.1", venue.port)
    with HubClient(venue.hub.url.replace(venue.hub.address, "127.0.0.1"), pem, token) as c:
        with pytest.raises(NotJoined):
            c.request("GET", "/changes")


def test_a_batch_sent_twice_changes_nothing_twice(venue):
    venue.settle()
    store = venue.desks[0]
    venue.mark(store, venue.people[1])
    link.exchange(store)
    batch = store.conn.execute(
        "SELECT batch_id FROM venue_sent ORDER BY at DESC LIMIT 1").fetchone()[0]
    store.conn.execute("DELETE FROM venue_sent WHERE batch_id = ?", (batch,))  # answer "lost"
    before = venue.hub_store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    assert link.exchange(store)["sent"] == 1
    after = venue.hub_store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    assert after == before
    assert venue.hub_store.conn.execute(
        "SELECT count(*) FROM sync_batch WHERE batch_id = ?", (batch,)).fetchone()[0] == 1


def test_another_institute_cannot_join(venue, tmp_path):
    from desktop.core.centre import init_centre
    from desktop.store import open_store

    other = open_store(tmp_path / "other.db")
    init_centre(other, "OTH", "Other Institute", desk=2)
    with pytest.raises(HubRefused, match="belongs to institute"):
        link.join(other, venue.hub.code.text())
    other.close()


def test_a_hub_on_a_fresh_port_gets_a_fresh_code(tmp_path):
    v = Venue(tmp_path, n=0, people=2)
    try:
        first = v.hub.code
        assert codes.parse(first.text()) == first
        again = VenueHub(v.hub_path, bind="127.0.0.1", port=0)
        v.hub.stop()
        again.start()
        assert again.code.fingerprint == first.fingerprint  # the same identity
        assert again.code.secret != first.secret
        v.hub = again
    finally:
        v.close()


def test_guessing_the_secret_replaces_the_code(venue, tmp_path):
    from desktop.core.venue.hub import MAX_WRONG

    code = venue.hub.code
    guesser = make_db(tmp_path / "guess.db", 8)
    for _ in range(MAX_WRONG):
        wrong = codes.JoinCode("127.0.0.1", code.port, code.fingerprint, "ZZZZZZZZ")
        with pytest.raises(HubRefused, match="wrong or was used"):
            link.join(guesser, wrong.text())
    assert venue.hub.code.secret != code.secret
    with pytest.raises(HubRefused):
        link.join(guesser, code.text())  # the old code is gone too
    guesser.close()


def test_tokens_and_keys_stay_out_of_the_databases(venue):
    import os
    import stat

    desk = venue.desks[0]
    token = link._token(desk)
    assert token and len(token) >= 40
    path = tls.keys_dir(desk) / link.TOKEN_FILE
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    key = tls.keys_dir(venue.hub_store) / tls.KEY_FILE
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    for store in venue.all:
        store.conn.execute("PRAGMA wal_checkpoint(FULL)")
        raw = Path(store.path).read_bytes()
        assert token.encode() not in raw
        assert b"PRIVATE KEY" not in raw
        assert venue.hub.code.secret.encode() not in raw


def test_a_second_laptop_with_a_taken_desk_number_is_refused(venue, tmp_path):
    twin = make_db(tmp_path / "twin.db", 2)  # desk 2 is in the venue already
    with pytest.raises(HubRefused, match="Desk 2 is already in this venue"):
        link.join(twin, venue.hub.code.text())
    link.leave(venue.desks[0])  # desk 2 leaves: its number is free again
    link.join(twin, venue.hub.code.text())
    twin.close()
