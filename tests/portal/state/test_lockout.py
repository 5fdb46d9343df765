"""Wrong passwords lock an admin name: 5 in a row → 5 minutes, whatever the password, on
each store; the page answers 429 with the wait, in both languages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desktop.portal.state import accounts, web

from ..conftest import http_client
from .conftest import ADMIN, PASSWORD

T0 = datetime(2026, 12, 6, 10, 0, tzinfo=timezone.utc)


def try_at(portal, when, password, name=ADMIN):
    with portal.db.transaction() as conn:
        return accounts.log_in(conn, name, password, when)


def test_five_wrong_lock_the_name_for_five_minutes(state_portal):
    for n in range(4):
        assert try_at(state_portal, T0 + timedelta(seconds=n), "wrong password!") is None
    assert try_at(state_portal, T0 + timedelta(seconds=5), PASSWORD)  # 4 wrong: no lock
    for n in range(5):  # the right password started the count again
        assert try_at(state_portal, T0 + timedelta(seconds=10 + n), "wrong password!") is None
    with pytest.raises(accounts.LockedOut) as locked:
        try_at(state_portal, T0 + timedelta(seconds=20), PASSWORD)  # even the right one
    assert locked.value.until == T0 + timedelta(seconds=14, minutes=5)
    with pytest.raises(accounts.LockedOut):
        try_at(state_portal, T0 + timedelta(seconds=13, minutes=5), PASSWORD)
    assert try_at(state_portal, T0 + timedelta(seconds=15, minutes=5), PASSWORD)


def test_unknown_names_lock_too_and_a_new_password_unlocks(state_portal):
    for _ in range(5):
        assert try_at(state_portal, T0, "anything at all", name="nobody.here") is None
    with pytest.raises(accounts.LockedOut):  # a lock says nothing about the account
        try_at(state_portal, T0, "anything at all", name="nobody.here")
    for _ in range(5):
        assert try_at(state_portal, T0, "wrong password!") is None
    with pytest.raises(accounts.LockedOut):
        try_at(state_portal, T0, PASSWORD)
    with state_portal.db.transaction() as conn:
        accounts.add_admin(conn, ADMIN, "a brand new password")
    assert try_at(state_portal, T0 + timedelta(seconds=1), "a brand new password")


def test_the_page_says_how_long_to_wait(state_portal):
    app = web.app_for(state_portal.db)
    app.clock = lambda: T0
    with http_client(state_portal.url) as client:
        for _ in range(5):
            answer = client.post("/state/login", data={"name": ADMIN, "password": "nope nope!"})
            assert answer.status_code == 401
        answer = client.post("/state/login?lang=hi", data={"name": ADMIN, "password": PASSWORD})
        assert answer.status_code == 429 and answer.headers["retry-after"] == "300"
        assert "5 मिनट बाद फिर प्रयास करें" in answer.text
        assert "kd_state=" not in answer.headers.get("set-cookie", "")
        app.clock = lambda: T0 + timedelta(minutes=2)
        answer = client.post("/state/login?lang=en", data={"name": ADMIN, "password": PASSWORD})
        assert answer.status_code == 429 and answer.headers["retry-after"] == "180"
        assert "Try again after 3 minutes." in answer.text
        app.clock = lambda: T0 + timedelta(minutes=5, seconds=1)
        assert client.post("/state/login", data={"name": ADMIN, "password": PASSWORD}
                           ).status_code == 303
