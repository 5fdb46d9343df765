"""Finding the hub with zeroconf and joining it with the secret alone."""

from __future__ import annotations

import pytest

from desktop.core.venue import discovery, link
from desktop.core.venue.hub import VenueHub
from tests.venue.helpers import make_db


def test_a_hub_found_on_the_lan_is_joined_with_its_secret(tmp_path):
    make_db(tmp_path / "hub.db", 1).close()
    hub = VenueHub(tmp_path / "hub.db", port=0, advertise=True).start()
    desk = make_db(tmp_path / "desk.db", 2)
    try:
        found = [h for h in discovery.browse(3.0) if h.port == hub.port]
        if not found:
            pytest.skip("no multicast on this machine's network: zeroconf finds nothing")
        assert found[0].fingerprint == hub.fingerprint
        assert found[0].institute == "TST" and found[0].desk == "1"
        state = link.join(desk, found[0].code(hub.code.secret.lower()).text())
        assert state["fingerprint"] == hub.fingerprint
        assert link.exchange(desk)["received"] >= 0
    finally:
        desk.close()
        hub.stop()
