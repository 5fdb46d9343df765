"""Hosting or joining a venue is a coordinator's act (issues 16 and 18): the core refuses an
operator, on the hub's own connection as well as the joining desk's."""

from __future__ import annotations

import pytest

from desktop.core.users import AccessDenied, Role, add_user
from desktop.core.venue import link
from desktop.core.venue.hub import VenueHub
from tests.venue.helpers import Venue


def _team(store) -> None:
    add_user(store, "Asha", Role.ADMIN, "9911")
    store.actor = "Asha"
    add_user(store, "Kavita", Role.COORDINATOR, "2222")
    add_user(store, "Om", Role.OPERATOR, "1357")
    store.actor = None


def test_an_operator_may_not_join_and_a_coordinator_may(tmp_path):
    v = Venue(tmp_path, n=1, people=2)
    try:
        desk = v.desks[0]
        link.leave(desk)
        _team(desk)
        desk.actor = "Om"
        with pytest.raises(AccessDenied, match="coordinator"):
            link.join(desk, v.hub.code.text())
        assert link.joined(desk) is None
        desk.actor = "Kavita"
        link.join(desk, v.hub.code.text())
        assert link.joined(desk) is not None
    finally:
        v.close()


def test_an_operator_may_not_host(tmp_path):
    v = Venue(tmp_path, n=0, people=2)
    try:
        v.hub.stop()
        _team(v.hub_store)
        with pytest.raises(AccessDenied, match="coordinator"):
            VenueHub(v.hub_path, bind="127.0.0.1", port=0, actor="Om").start()
        hub = VenueHub(v.hub_path, bind="127.0.0.1", port=0, actor="Kavita").start()
        v.hub = hub
        assert hub.running
    finally:
        v.close()
