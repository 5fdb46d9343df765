"""Versions never go backwards (issue 11): a burst of writes runs the version clock ahead of
the wall clock, and the next process — or a laptop whose clock is wrong — must continue above
it, or its edits lose to older versions at the portal and on other desks."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.portal.server import start_portal
from desktop.protocol.ids import parse_ts, set_wall_clock
from desktop.store import open_store
from tests.sync.conftest import make_desk, quick_engine

ROOT = Path(__file__).resolve().parents[2]

EDIT_IN_NEW_PROCESS = textwrap.dedent(
    """
    import sys
    from desktop.store import open_store
    with open_store(sys.argv[1], create=False) as store:
        before = store.get("participant", sys.argv[2])["updated_at"]
        store.update("participant", sys.argv[2], {"designation": sys.argv[3]})
        after = store.get("participant", sys.argv[2])["updated_at"]
        print(before, after)
    """
)


def edit_in_new_process(db: Path, pid: str, value: str, fake_time: str | None = None):
    """Edit one participant from a fresh Python process (optionally under libfaketime, a
    laptop whose clock says `fake_time`); returns (version before, version after)."""
    command = [sys.executable, "-c", EDIT_IN_NEW_PROCESS, str(db), pid, value]
    if fake_time is not None:
        command = ["faketime", "-f", fake_time, *command]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    before, after = done.stdout.split()
    return before, after


needs_faketime = pytest.mark.skipif(
    shutil.which("faketime") is None,
    reason="libfaketime (Debian package faketime, installed by .ci/run) runs a process "
    "with a wrong clock",
)


def test_edit_from_a_new_process_after_a_burst_is_a_newer_version(db_path):
    """3,000 separate writes faster than one a millisecond (here: a frozen clock, so that
    the test does not depend on the disk's speed) run the versions seconds ahead of the wall
    clock; a new process, with the right clock, must still stamp above them."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    previous = set_wall_clock(lambda: now)
    try:
        with open_store(db_path) as store:
            pid = store.insert("participant", {"name_en": "Burst"})
            for i in range(3000):
                with store.transaction():
                    store.update("participant", pid, {"designation": f"D{i}"})
            burst_top = store.get("participant", pid)["updated_at"]
    finally:
        set_wall_clock(previous)
    assert parse_ts(burst_top) >= now + timedelta(seconds=3)  # ran ahead of the wall clock
    before, after = edit_in_new_process(db_path, pid, "Head Clerk")
    assert before == burst_top
    assert after > before


def test_one_transaction_shares_one_version_and_never_runs_ahead(db_path):
    """A big update in one transaction (an import of changed rows) stamps every record with
    one version, so it cannot push the clock minutes into the future; a record written twice
    in it still gets two rising versions."""
    with open_store(db_path) as store:
        with store.transaction():
            ids = [store.insert("participant", {"name_en": f"P{i}"}) for i in range(3000)]
        with store.transaction():
            for pid in ids:
                store.update("participant", pid, {"designation": "Clerk"})
            store.update("participant", ids[0], {"designation": "Twice"})
        stamps = {store.get("participant", pid)["updated_at"] for pid in ids[1:]}
        assert len(stamps) == 1
        assert store.get("participant", ids[0])["updated_at"] > stamps.pop()
        assert parse_ts(store.highest_version()) < datetime.now(timezone.utc) + timedelta(
            seconds=1
        )


@needs_faketime
@pytest.mark.parametrize("clock", ["-2y", "+0", "@2024-03-01 09:00:00"])
def test_a_laptop_clock_set_back_still_writes_newer_versions(db_path, clock):
    with open_store(db_path) as store:
        pid = store.insert("participant", {"name_en": "Asha"})
        store.update("participant", pid, {"designation": "Typist"})
    before, after = edit_in_new_process(db_path, pid, "Senior Typist", clock)
    assert after > before
    with open_store(db_path) as store:
        assert store.get("participant", pid)["designation"] == "Senior Typist"


def test_ten_thousand_updates_sync_restart_edit_sync_portal_and_desk_agree(
    tmp_path, ref_portal, cli
):
    db = tmp_path / "desk.db"
    store = make_desk(db, ref_portal, ref_portal.url)
    with store.transaction():
        ids = [store.insert("participant", {"name_en": f"Person {i}"}) for i in range(200)]
    for round_no in range(50):  # 10,000 updates
        with store.transaction():
            for pid in ids:
                store.update("participant", pid, {"designation": f"Round {round_no}"})
    store.close()
    code, _, err = cli("--db", db, "sync")
    assert code == 0, err
    edit_in_new_process(db, ids[7], "Edited after restart")
    code, _, err = cli("--db", db, "sync")
    assert code == 0, err
    on_portal = {r["id"]: r for r in ref_portal.db.records(["participant"])}
    with open_store(db) as store:
        for pid in ids:
            assert on_portal[pid]["data"]["designation"] == store.get("participant", pid)[
                "designation"
            ]
            assert on_portal[pid]["updated_at"] == store.get("participant", pid)["updated_at"]
    assert on_portal[ids[7]]["data"]["designation"] == "Edited after restart"
    code, out, err = cli("--db", db, "sync", "reconcile")
    assert code == 0, out + err
    assert "differs" not in out


def test_delete_and_touch_are_above_the_version_they_replace(db_path):
    """A record received from a desk whose clock runs a year ahead: edits here still win."""
    ahead = (datetime.now(timezone.utc) + timedelta(days=365)).strftime(
        "%Y-%m-%dT%H:%M:%S.000Z"
    )
    with open_store(db_path) as store:
        store.apply_record(
            {"kind": "participant", "id": "0190f000-0000-7000-8000-000000000001",
             "updated_at": ahead, "origin": "far-desk", "deleted": False,
             "data": {"name_en": "From the future"}}
        )
        rid = "0190f000-0000-7000-8000-000000000001"
        store.update("participant", rid, {"designation": "Now"})
        updated = store.get("participant", rid)["updated_at"]
        assert updated > ahead
        store.touch("participant", rid)
        touched = store.get("participant", rid)["updated_at"]
        assert touched > updated
        store.delete("participant", rid)
        assert store.get("participant", rid)["updated_at"] > touched
        # a new record made later is above everything this database received
        other = store.insert("participant", {"name_en": "New"})
        assert store.get("participant", other)["updated_at"] > ahead


def test_the_clock_starts_from_what_an_old_database_holds(db_path):
    """Databases from before the clock existed: migration m0600 starts it at their highest
    version, so the first edit after the upgrade cannot go back."""
    with open_store(db_path) as store:
        pid = store.insert("participant", {"name_en": "Old"})
        ahead = "2031-01-01T00:00:00.000Z"
        store.conn.execute("UPDATE participant SET updated_at = ? WHERE id = ?", (ahead, pid))
        store.conn.execute("DELETE FROM meta WHERE key = 'clock.high'")
        store.conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0600_version_clock'")
        store.conn.execute("ALTER TABLE attendance_history DROP COLUMN clock_note")
        store.conn.execute("ALTER TABLE certificate_file DROP COLUMN clock_note")
    with open_store(db_path) as store:
        assert store.highest_version() == ahead
        store.update("participant", pid, {"designation": "After upgrade"})
        assert store.get("participant", pid)["updated_at"] > ahead


def test_frozen_wall_clock_still_orders_versions(db_path):
    frozen = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)
    previous = set_wall_clock(lambda: frozen)
    try:
        with open_store(db_path) as store:
            pid = store.insert("participant", {"name_en": "Frozen"})
            stamps = [store.get("participant", pid)["updated_at"]]
            for i in range(5):
                store.update("participant", pid, {"designation": f"D{i}"})
                stamps.append(store.get("participant", pid)["updated_at"])
        assert stamps == sorted(set(stamps))
    finally:
        set_wall_clock(previous)


# -- several writers, wrong clocks, two desks and the portal ---------------------------------



BASE = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)

#: what a writer's clock does before its write: frozen, stepped back, or jumped ahead
clock_moves = st.one_of(
    st.just(("frozen", 0)),
    st.tuples(st.just("back"), st.integers(1, 3 * 365 * 86400)),
    st.tuples(st.just("ahead"), st.integers(1, 2 * 365 * 86400)),
)
writes = st.lists(
    st.tuples(
        st.integers(0, 1),  # desk
        st.integers(0, 2),  # which writer ("process") on that desk
        clock_moves,
        st.integers(0, 3),  # which record
        st.booleans(),  # sync that desk after the write
    ),
    min_size=1,
    max_size=14,
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(writes)
def test_writers_with_wrong_clocks_never_go_back_and_desks_converge(tmp_path_factory, plan):
    root = tmp_path_factory.mktemp("clocks")
    portal = start_portal(root / "portal")
    desks = [make_desk(root / f"desk{n}.db", portal, portal.url) for n in range(2)]
    try:
        record_ids = []
        with desks[0].transaction():
            for i in range(4):
                record_ids.append(desks[0].insert("programme", {
                    "code": f"P{i}", "title_en": f"Programme {i}", "hours": 6,
                    "min_attendance_pct": 75}))
        for desk in desks:
            assert quick_engine(desk).sync().pending == 0
        for desk in desks:  # desk 1 now holds desk 0's records too
            assert quick_engine(desk).sync().pending == 0
        clocks = {}  # each writer's own wall clock
        written = []  # (record, version, origin, value) of every write, in order
        desk_seen = [set(), set()]  # indexes of writes each desk holds
        portal_seen = set()
        for step, (desk_no, writer, (move, seconds), rec, sync_after) in enumerate(plan):
            key = (desk_no, writer)
            now = clocks.get(key, BASE)
            if move == "back":
                now -= timedelta(seconds=seconds)
            elif move == "ahead":
                now += timedelta(seconds=seconds)
            clocks[key] = now
            previous = set_wall_clock(lambda now=now: now)
            try:
                # a writer is a connection of its own, as another process would have
                with open_store(desks[desk_no].path, create=False) as proc:
                    before = proc.get("programme", record_ids[rec])["updated_at"]
                    proc.update("programme", record_ids[rec], {"title_en": f"step {step}"})
                    after = proc.get("programme", record_ids[rec])["updated_at"]
                assert after > before, (move, seconds)
                for seen in desk_seen[desk_no]:  # above every version this desk has seen
                    if written[seen][0] == rec:
                        assert after > written[seen][1]
                written.append((rec, after, desks[desk_no].device_id, f"step {step}"))
                desk_seen[desk_no].add(len(written) - 1)
                if sync_after:
                    quick_engine(desks[desk_no]).sync()
                    portal_seen |= desk_seen[desk_no]
                    desk_seen[desk_no] |= portal_seen
            finally:
                set_wall_clock(previous)
        for _ in range(2):
            for desk in desks:
                assert quick_engine(desk).sync().pending == 0
        on_portal = {r["id"]: (r["updated_at"], r["data"]["title_en"])
                     for r in portal.db.records(["programme"])}
        for desk in desks:
            held = {
                rid: (row["updated_at"], row["title_en"])
                for rid in record_ids
                for row in [desk.get("programme", rid)]
            }
            assert held == {rid: on_portal[rid] for rid in record_ids}
        # each programme ends as its highest version: the last write where one desk had
        # seen the other's (checked above), the higher (updated_at, origin) between writes
        # made apart
        for rec, rid in enumerate(record_ids):
            mine = [(version, origin, value) for r, version, origin, value in written
                    if r == rec]
            if mine:
                assert on_portal[rid][1] == max(mine)[2]
    finally:
        for desk in desks:
            desk.close()
        portal.stop()
