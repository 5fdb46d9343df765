"""Timers of a closed window stop instead of querying its closed database: the venue tests run
after the whole-app GUI tests, whose sync probe (every 60 s) would otherwise fire into them."""

from __future__ import annotations

from desktop.store import open_store
from desktop.ui.context import AppContext
from desktop.ui.tasks import SyncRunner


def test_sync_probe_and_venue_follower_stop_once_the_database_is_closed(qapp, db_path):
    from desktop.ui.sync.status import SyncController
    from desktop.ui.venue.controller import VenueController

    store = open_store(db_path)
    ctx = AppContext(store, db_path, SyncRunner())
    sync = SyncController.for_context(ctx)
    sync.start_auto()
    venue = VenueController.for_context(ctx, auto=True)
    assert sync.probe_timer.isActive() and venue.timer.isActive()
    store.close()
    sync.probe()  # raised "Cannot operate on a closed database" before
    venue.tick()
    assert not sync.probe_timer.isActive() and not sync.auto_timer.isActive()
    assert not venue.timer.isActive()
