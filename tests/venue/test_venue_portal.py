"""Out to the reference portal once: the hub relays the venue's batches unchanged."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from desktop.core.sync import reconcile
from desktop.core.sync.engine import SyncEngine, enrol
from desktop.core.venue import link
from desktop.portal.server import start_portal
from tests.venue.helpers import Venue, versions

_codes = itertools.count(1)


@pytest.fixture
def portal(tmp_path):
    p = start_portal(tmp_path / "portal")
    yield p
    p.stop()


def _enrol(portal, store):
    code = f"VENUE-{next(_codes)}"
    portal.add_enrolment_code(code, "TST", "Test Institute", "परीक्षण संस्थान")
    enrol(store, portal.url, code)


def test_the_venue_reaches_the_portal_once_with_ids_and_versions_kept(tmp_path, portal):
    venue = Venue(tmp_path / "venue")
    try:
        for store in venue.all:
            _enrol(portal, store)
        venue.settle()
        for i, person in enumerate(venue.people):
            venue.mark(venue.all[i % 3], person)
        venue.walk_in(venue.desks[0], 1)
        venue.mark(venue.desks[1], venue.people[0], status="late")  # a change made elsewhere
        venue.settle()
        # Only the host reaches the portal: its own work and the venue's relayed batches.
        result = SyncEngine(venue.hub_store).sync()
        assert result.outcome == "ok", result.message
        assert result.pending == 0
        venue.settle()  # the desks learn the portal's answers through the hub
        on_portal = {(r["kind"], r["id"], r["updated_at"], r["origin"])
                     for r in portal.db.records()}
        for store in venue.all:
            assert versions(store) == on_portal, store.path
        # no version was applied twice, whoever carried it
        applied = Counter((v["id"], v["updated_at"], v["origin"])
                          for v in portal.db.applied_versions())
        assert applied and max(applied.values()) == 1
        # every desk's digest equals the portal's for that desk (§6a), with nothing pending
        for store in venue.desks:
            status = link.status(store)
            assert status["waiting_for_hub"] == 0
            assert status["waiting_for_portal_via_hub"] == 0
            assert reconcile.local_digest(store) == portal.db.digest(store.device_id)["kinds"]
        # a desk that later syncs itself sends nothing twice: its batches are replays or acked
        again = SyncEngine(venue.desks[0]).sync()
        assert again.outcome == "ok" and again.pending == 0
        applied_after = Counter((v["id"], v["updated_at"], v["origin"])
                                for v in portal.db.applied_versions())
        assert applied_after == applied
    finally:
        venue.close()


def test_a_desk_that_syncs_first_and_the_hub_later_still_count_once(tmp_path, portal):
    venue = Venue(tmp_path / "venue", n=1, people=6)
    try:
        for store in venue.all:
            _enrol(portal, store)
        venue.settle()
        desk = venue.desks[0]
        for person in venue.people[:3]:
            venue.mark(desk, person)
        link.exchange(desk)  # the hub has the batch, to relay
        assert SyncEngine(desk).sync().outcome == "ok"  # the desk reaches the portal itself
        assert SyncEngine(venue.hub_store).sync().outcome == "ok"  # the relay: a replay
        applied = Counter((v["id"], v["updated_at"], v["origin"])
                          for v in portal.db.applied_versions())
        assert max(applied.values()) == 1
        assert reconcile.local_digest(desk) == portal.db.digest(desk.device_id)["kinds"]
    finally:
        venue.close()
