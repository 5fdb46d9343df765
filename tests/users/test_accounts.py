"""Desk users: PIN hashing, lockout, the sign-in rule, the last admin, and "who" on records."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core import workshops
from desktop.core.attendance import Desk, history_for
from desktop.core.sync import outbox
from desktop.core.users import (
    AccessDenied,
    NotSignedIn,
    Permission,
    Role,
    SignInError,
    UserError,
    acting_user,
    add_user,
    allowed,
    reset_pin,
    set_disabled,
    set_role,
    sign_in,
)
from desktop.core.users.pins import PinRuleError, hash_pin, verify_pin
from desktop.core.users.session import LOCK_FOR, MAX_ATTEMPTS
from desktop.store import open_store
from tests.attendance.helpers import plan, programme


class Clock:
    """An injectable clock for the lockout."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def _team(store) -> None:
    add_user(store, "Asha", Role.ADMIN, "9911")
    store.actor = "Asha"
    add_user(store, "Om", Role.OPERATOR, "1357")
    store.actor = None


def test_pin_hash_round_trip_and_never_the_pin():
    stored = hash_pin("4826")
    assert stored.startswith("scrypt$") and "4826" not in stored
    assert verify_pin("4826", stored)
    assert not verify_pin("4827", stored)
    assert hash_pin("4826") != stored  # salted
    with pytest.raises(PinRuleError) as short:
        hash_pin("12")
    assert "12" not in str(short.value)


def test_the_pin_is_not_in_the_database_file(tmp_path):
    path = tmp_path / "desk.db"
    with open_store(path) as s:
        add_user(s, "Asha", Role.ADMIN, "739164")
        s.actor = "Asha"
        add_user(s, "Om", Role.OPERATOR, "582047")
        sign_in(s, "Om", "582047")
        with pytest.raises(SignInError) as wrong:
            sign_in(s, "Om", "111111")
        assert "111111" not in str(wrong.value)
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("desk.db"))
    for pin in ("739164", "582047", "111111"):
        assert pin.encode() not in raw
        assert pin.encode("utf-16-le") not in raw
    assert b"scrypt$" in raw  # the hashes are there, so the search did look in the right file


def test_five_wrong_pins_lock_and_the_lock_runs_out(store):
    _team(store)
    clock = Clock()
    for attempt in range(1, MAX_ATTEMPTS):
        with pytest.raises(SignInError, match=f"{MAX_ATTEMPTS - attempt} tries left"):
            sign_in(store, "Om", "0000", now=clock)
    with pytest.raises(SignInError, match="now locked") as locked:
        sign_in(store, "Om", "0000", now=clock)
    assert locked.value.locked_until == clock.now + LOCK_FOR
    # the right PIN does not open a locked account
    clock.now += LOCK_FOR - timedelta(seconds=1)
    with pytest.raises(SignInError, match="locked"):
        sign_in(store, "Om", "1357", now=clock)
    assert store.actor is None
    # once the lock time is over, the right PIN opens it again
    clock.now += timedelta(seconds=2)
    assert sign_in(store, "Om", "1357", now=clock).name == "Om"
    assert store.actor == "Om"
    row = store.conn.execute("SELECT failed_attempts, locked_until FROM desk_user "
                             "WHERE name = 'Om'").fetchone()
    assert tuple(row) == (0, None)


def test_wrong_pins_are_counted_even_though_sign_in_fails(tmp_path):
    path = tmp_path / "desk.db"
    with open_store(path) as s:
        _team(s)
        with pytest.raises(SignInError):
            sign_in(s, "Om", "0000")
    with open_store(path) as again:
        count = again.conn.execute(
            "SELECT failed_attempts FROM desk_user WHERE name = 'Om'").fetchone()[0]
    assert count == 1


def test_an_admin_reset_unlocks(store):
    _team(store)
    clock = Clock()
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(SignInError):
            sign_in(store, "Om", "0000", now=clock)
    store.actor = "Asha"
    reset_pin(store, "Om", "2468")
    assert sign_in(store, "Om", "2468", now=clock).role is Role.OPERATOR


def test_the_rule_when_nobody_signed_in(store):
    # 1. no users: no roles, no name
    assert acting_user(store) is None
    assert allowed(store, Permission.MANAGE_USERS)
    # 2. one user: acts as them, never asks
    add_user(store, "Asha", Role.ADMIN, "9911")
    assert acting_user(store).name == "Asha" and store.actor == "Asha"
    add_user(store, "Om", Role.OPERATOR, "1357")
    # 4. several users, the admin has a PIN: someone must sign in
    store.actor = None
    with pytest.raises(NotSignedIn, match="--user"):
        acting_user(store)
    assert not allowed(store, Permission.MARK_ATTENDANCE)
    # 3. a lone PIN-less admin among several (the demo with a team): acts as that admin
    store.actor = "Asha"
    reset_pin(store, "Asha", None)
    store.actor = None
    assert acting_user(store).name == "Asha"


def test_the_first_user_is_an_admin_and_the_last_admin_stays(store):
    with pytest.raises(UserError, match="first user"):
        add_user(store, "Om", Role.OPERATOR)
    add_user(store, "Asha", Role.ADMIN)
    store.actor = "Asha"
    with pytest.raises(UserError, match="only admin"):
        set_role(store, "Asha", Role.COORDINATOR)
    with pytest.raises(UserError, match="only admin"):
        set_disabled(store, "Asha")
    with pytest.raises(UserError, match="already a user"):
        add_user(store, "asha", Role.OPERATOR)
    add_user(store, "Ravi", Role.ADMIN, "8642")
    set_disabled(store, "Asha")
    with pytest.raises(NotSignedIn):
        acting_user(store)  # Asha is disabled: her session ends
    with pytest.raises(SignInError, match="No active user"):
        sign_in(store, "Asha", None)


def test_an_operator_cannot_make_themself_admin(store):
    _team(store)
    sign_in(store, "Om", "1357")
    with pytest.raises(AccessDenied, match="admin role"):
        set_role(store, "Om", Role.ADMIN)


def test_every_change_says_who(store):
    _team(store)
    sign_in(store, "Asha", "9911")
    pid = programme(store)
    assert store.record("programme", pid)["data"]["by"] == "Asha"
    wid = workshops.create_workshop(store, plan(pid, date(2026, 1, 5)))
    sign_in(store, "Om", "1357")
    person = store.insert("participant", {"name_en": "Sita Devi"})
    store.actor = "Asha"
    from desktop.core.enrolment import enrol

    enrol(store, wid, person)
    sign_in(store, "Om", "1357")
    session_id = store.conn.execute("SELECT id FROM session").fetchone()[0]
    desk = Desk(store, session_id)
    result = desk.mark(person, now=datetime(2026, 1, 5, 10, 0).astimezone(), check_window=False)
    assert result.stored
    record = store.record("attendance", result.attendance_id)
    assert record["data"]["by"] == "Om" and record["data"]["marked_by"] == "Om"
    assert history_for(store, person)[0]["marked_by"] == "Om"
    # a deletion says who too, and travels as the tombstone's data
    store.actor = "Asha"
    store.delete("participant", person)
    assert store.record("participant", person)["data"] == {"by": "Asha"}
    # the batch sent to the portal carries it (the SQL JSON path equals row_to_record)
    outbox.freeze_pending(store, outbox.Limits(1000, 5_000_000))
    sent = [r for b in outbox.sendable(store) for r in json.loads(b.body)["records"]]
    by_id = {r["id"]: r for r in sent}
    assert by_id[pid]["data"]["by"] == "Asha"
    assert by_id[result.attendance_id]["data"]["by"] == "Om"
    assert by_id[person]["data"] == {"by": "Asha"}
    for r in sent:
        if r["kind"] == "audit_entry":  # the audit chain rides along (tests/sync/test_audit_chain_portal.py)
            continue
        assert r == store.record(r["kind"], r["id"])


def test_no_users_no_by(store):
    """A desk without users writes records exactly as before issue 16."""
    pid = programme(store)
    assert "by" not in store.record("programme", pid)["data"]
