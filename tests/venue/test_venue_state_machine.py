"""A Hypothesis state machine over a venue: marks and walk-ins at any desk, exchanges, desks
leaving and joining again, the hub stopping and coming back. However the steps fall, once
everyone is back and has exchanged, every desk holds the same versions and no mark is lost."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule

from desktop.core.attendance.rules import attendance_id
from desktop.core.venue import link
from desktop.core.venue.client import HubUnreachable
from tests.venue.helpers import Venue, versions

DESKS = st.integers(0, 2)  # 0 is the hub's own desk
STATUSES = st.sampled_from([None, "present", "late", "excused", "absent"])


class VenueMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="kd-venue-sm-"))
        self.venue = Venue(self.folder, n=2, people=6)
        self.venue.settle(1)  # every desk has the workshop before the first mark
        self.hub_up = True
        self.in_venue = [True, True]
        self.marked: set[str] = set()
        self.walk_ins = 0

    def _store(self, i: int):
        return self.venue.all[i]

    @rule(i=DESKS, person=st.integers(0, 5), status=STATUSES)
    def mark(self, i, person, status):
        result = self.venue.mark(self._store(i), self.venue.people[person], status=status)
        if result.stored:
            self.marked.add(result.attendance_id)

    @rule(i=DESKS)
    def walk_in(self, i):
        self.walk_ins += 1
        pid = self.venue.walk_in(self._store(i), self.walk_ins)
        self.marked.add(self.venue.mark(self._store(i), pid).attendance_id)

    @rule(d=st.integers(0, 1))
    def exchange(self, d):
        store = self.venue.desks[d]
        if not self.in_venue[d]:
            return
        if self.hub_up:
            link.exchange(store)
        else:
            try:
                link.exchange(store)
            except HubUnreachable:
                pass
            else:
                raise AssertionError("an exchange with a stopped hub succeeded")

    @precondition(lambda self: self.hub_up)
    @rule()
    def stop_hub(self):
        self.venue.hub.stop()
        self.hub_up = False

    @precondition(lambda self: not self.hub_up)
    @rule()
    def start_hub(self):
        self.venue.restart_hub()
        self.hub_up = True

    @rule(d=st.integers(0, 1))
    def leave(self, d):
        if self.in_venue[d]:
            link.leave(self.venue.desks[d])
            self.in_venue[d] = False

    @precondition(lambda self: self.hub_up)
    @rule(d=st.integers(0, 1))
    def join(self, d):
        if not self.in_venue[d]:
            link.join(self.venue.desks[d], self.venue.hub.code.text())
            self.in_venue[d] = True

    def teardown(self) -> None:
        try:
            if not self.hub_up:
                self.venue.restart_hub()
            for d in (0, 1):
                if not self.in_venue[d]:
                    link.join(self.venue.desks[d], self.venue.hub.code.text())
            self.venue.settle()
            expected = versions(self.venue.hub_store)
            for store in self.venue.desks:
                assert versions(store) == expected
            for att in self.marked:  # no mark lost: every one made is at the hub
                assert self.venue.hub_store.get("attendance", att) is not None, att
            assert all(len(a) == 36 for a in self.marked)
        finally:
            self.venue.close()
            shutil.rmtree(self.folder, ignore_errors=True)


VenueMachine.TestCase.settings = settings(
    max_examples=6, stateful_step_count=12, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
TestVenueMachine = VenueMachine.TestCase


def test_attendance_ids_are_per_pair():
    # the machine relies on this: one record per (session, participant) at every desk
    assert attendance_id("s", "p") == attendance_id("s", "p") != attendance_id("s", "q")
