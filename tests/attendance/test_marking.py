"""The desk's marking rules: statuses, refusals, duplicates, undo, close, history, sync."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import pytest

from desktop.core import enrolment
from desktop.core.attendance import Desk, attendance_id, history_for, session_counts
from desktop.protocol.ids import stamp_after
from tests.attendance.helpers import person, workshop_with_people

DAY = date(2026, 11, 23)


def at(hhmm: str, day: date = DAY, seconds: float = 0) -> datetime:
    return datetime.fromisoformat(f"{day.isoformat()}T{hhmm}") + timedelta(seconds=seconds)


@pytest.fixture
def desk(store):
    ws, sessions, people = workshop_with_people(store, DAY, 4)
    d = Desk(store, sessions[0])
    d.people = people  # type: ignore[attr-defined]
    d.workshop_id = ws  # type: ignore[attr-defined]
    return d


def code(store, pid):
    return store.get("participant", pid)["employee_code"]


def test_present_late_boundary_and_stored_once(store, desk):
    p = desk.people
    assert desk.scan(code(store, p[0]), now=at("10:15")).status == "present"  # grace 15 min
    assert desk.scan(p[1], now=at("10:15", seconds=1)).status == "late"  # badge QR = id
    rows = store.conn.execute("SELECT id, status, method FROM attendance").fetchall()
    assert sorted(r[1] for r in rows) == ["late", "present"]
    assert {r[0] for r in rows} == {attendance_id(desk.session_id, x) for x in p[:2]}


def test_already_marked_is_amber_and_changes_nothing(store, desk):
    p = desk.people[0]
    first = desk.scan(code(store, p), now=at("09:55"))
    assert first.outcome == "marked" and first.colour == "green"
    dup = desk.scan(code(store, p), now=at("09:55", seconds=0.4))
    assert dup.outcome == "duplicate" and dup.colour == "none"
    later = desk.scan(p, now=at("10:40"))
    assert later.outcome == "already" and later.colour == "amber"
    assert later.status == "present" and later.marked_at == first.marked_at
    assert "already marked present at" in later.message
    assert store.conn.execute("SELECT count(*) FROM attendance").fetchone()[0] == 1
    assert len(history_for(store, p)) == 1


@pytest.mark.parametrize(
    ("now", "outcome", "words"),
    [
        (at("08:59"), "not_started", "desk opens at 09:00"),
        (at("10:00", DAY + timedelta(days=1)), "closed", "it is over"),
        (at("10:00", DAY - timedelta(days=1)), "not_started", "not today"),
    ],
)
def test_window_refusals_store_nothing(store, desk, now, outcome, words):
    result = desk.scan(code(store, desk.people[0]), now=now)
    assert result.outcome == outcome and words in result.message
    assert store.conn.execute("SELECT count(*) FROM attendance").fetchone()[0] == 0


def test_bad_input(store, desk):
    assert desk.scan("\x00\x1b\ufffd", now=at("10:00")).outcome == "garbled"
    assert desk.scan("", now=at("10:00")).outcome == "garbled"
    assert desk.scan("NOPE123", now=at("10:00")).outcome == "unknown"
    assert desk.scan("ram kumar", now=at("10:00")).outcome == "unknown"
    stranger = person(store, 99)
    result = desk.scan(stranger, now=at("10:00"))
    assert result.outcome == "not_enrolled" and result.colour == "red"
    assert desk.scan("00000000-0000-4000-8000-000000000000", now=at("10:00")).outcome == "unknown"
    assert store.conn.execute("SELECT count(*) FROM attendance").fetchone()[0] == 0


def test_other_workshops_badge_and_withdrawn(store, desk):
    other_ws, other_sessions, other_people = workshop_with_people(
        store, DAY, 1, code="OTH", slots=(("14:00", "15:00"),)
    )
    result = desk.scan(other_people[0], now=at("10:00"))
    assert result.outcome == "other_workshop" and "Wrong session selected?" in result.message
    enrolment.withdraw(store, desk.workshop_id, desk.people[3])
    assert desk.scan(desk.people[3], now=at("10:00")).outcome == "withdrawn"
    assert store.conn.execute("SELECT count(*) FROM attendance").fetchone()[0] == 0


def test_undo_restores_previous_as_new_version(store, desk):
    p = desk.people[0]
    first = desk.scan(p, now=at("10:00"))
    changed = desk.mark(p, now=at("10:05"), status="excused", method="search")
    assert changed.outcome == "changed" and changed.previous_status == "present"
    undo = desk.undo(changed.history_seq)
    row = store.get("attendance", first.attendance_id)
    assert (row["status"], row["deleted"], row["marked_at"]) == ("present", 0, first.marked_at)
    desk.undo(first.history_seq)  # changed since (the undo made a new version)
    assert store.get("attendance", first.attendance_id)["deleted"] == 0
    desk.undo(undo.history_seq)  # undo the undo: back to excused
    assert store.get("attendance", first.attendance_id)["status"] == "excused"
    actions = [h["action"] for h in history_for(store, p)]
    assert actions == ["undo", "undo", "change", "mark"]


def test_undo_first_mark_tombstones_and_remark_revives(store, desk):
    p = desk.people[1]
    first = desk.scan(p, now=at("10:00"))
    desk.undo(first.history_seq)
    assert store.get("attendance", first.attendance_id)["deleted"] == 1
    assert desk.counts()["marked"] == 0
    again = desk.scan(p, now=at("10:20"))
    assert again.outcome == "marked" and again.status == "late"
    assert store.get("attendance", first.attendance_id)["deleted"] == 0
    versions = store.conn.execute(
        "SELECT count(*) FROM change_log WHERE record_id = ?", (first.attendance_id,)
    ).fetchone()[0]
    assert versions == 3


def test_close_marks_rest_absent_then_refuses(store, desk):
    p = desk.people
    desk.scan(p[0], now=at("10:00"))
    desk.mark(p[1], now=at("10:00"), status="excused", method="search")
    assert desk.close(now=at("11:30")) == 2
    counts = session_counts(store, desk.session_id)
    assert counts == {
        "enrolled": 4,
        "present": 1,
        "late": 0,
        "excused": 1,
        "absent": 2,
        "marked": 4,
        "arrived": 1,
    }
    assert desk.scan(p[2], now=at("11:31")).outcome == "closed"
    desk.reopen()
    result = desk.scan(p[2], now=at("11:32"))
    assert result.outcome == "changed" and result.status == "late"


def test_history_is_append_only(store, desk):
    desk.scan(desk.people[0], now=at("10:00"))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE attendance_history SET status = 'absent'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM attendance_history")


def test_two_desks_converge_on_one_row(store, desk):
    """Another desk marked the same pair: same id, so its version merges by LWW."""
    p = desk.people[0]
    mine = desk.scan(p, now=at("10:00"))
    theirs = {
        "kind": "attendance",
        "id": attendance_id(desk.session_id, p),
        "updated_at": stamp_after(store.highest_version()),  # made after it saw ours
        "origin": "other-desk",
        "deleted": False,
        "data": {
            "session_id": desk.session_id,
            "participant_id": p,
            "status": "late",
            "marked_at": mine.marked_at,
            "method": "scan",
            "marked_by": "B",
        },
    }
    assert store.apply_record(theirs) == "applied"
    assert store.conn.execute("SELECT count(*) FROM attendance").fetchone()[0] == 1
    assert store.get("attendance", mine.attendance_id)["status"] == "late"
    received = history_for(store, p)[0]
    assert (received["action"], received["device_id"], received["previous_status"]) == (
        "received",
        "other-desk",
        "present",
    )
