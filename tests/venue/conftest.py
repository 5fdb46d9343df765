"""Fixtures for the venue tests: a hub and two joined desks on loopback (real HTTPS)."""

from __future__ import annotations

import gc
import sys

import pytest

from tests.venue.helpers import Venue


@pytest.fixture(autouse=True, scope="module")
def _no_leftover_sync_timers():
    """GUI tests that run before these (tests/ui) start the whole app with real threads and
    close its database, but its sync controller's 60 s probe timer lives on and would fire
    into these slower tests ("Cannot operate on a closed database"). Stop such timers first."""
    if "desktop.ui.sync.status" in sys.modules:
        from desktop.ui.sync.status import SyncController

        for obj in gc.get_objects():
            if isinstance(obj, SyncController):
                obj.stop_auto()
    yield


@pytest.fixture
def venue(tmp_path):
    v = Venue(tmp_path)
    yield v
    v.close()
