"""A portal on loopback holding the hand-computed state of `dataset`, with an admin: on
each store (`store_target`, SQLite and PostgreSQL), so every number is checked on both."""

from __future__ import annotations

import pytest

from desktop.portal.server import RunningPortal, start_portal
from desktop.portal.state import accounts

from . import dataset

ADMIN, PASSWORD = "hq.admin", "correct horse battery"


@pytest.fixture
def state_portal(store_target) -> RunningPortal:
    running = start_portal(store_target)
    dataset.load(running)
    with running.db.transaction() as conn:
        accounts.add_admin(conn, ADMIN, PASSWORD)
    yield running
    running.stop()
