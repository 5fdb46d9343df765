"""Property-based: random edits, marks, syncs under faults and desk restarts; after a final
clean sync the portal holds exactly the desk's records, each version applied once."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from desktop.core.sync import outbox
from desktop.portal.server import start_portal
from desktop.protocol.ids import new_id, now_ts
from desktop.store import open_store
from tests.sync.conftest import make_desk, quick_engine
from tests.sync.faultproxy import FaultProxy
from tests.sync.test_e2e_faults import assert_consistent

FAULTS = st.sampled_from(
    ["drop_request", "drop_response", "status:500", "status:503:0", "twice", "refuse",
     "slow_response:0.6"]
)
ROUTES = st.sampled_from(["/batches", "/info", "/changes", "/digest"])
STATUSES = st.sampled_from(["present", "late", "excused", "absent"])


class DeskAndPortal(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="kd-sm-"))
        self.portal = start_portal(self.dir / "portal")
        self.proxy = FaultProxy(self.portal.url)
        self.db = self.dir / "desk.db"
        self.store = make_desk(self.db, self.portal, self.proxy.url)
        self.session = new_id()
        self.people: list[str] = []
        self.marks: dict[str, str] = {}

    def teardown(self) -> None:
        if not hasattr(self, "store"):
            return
        try:
            self.proxy.clear()
            result = quick_engine(self.store).sync()
            assert result.outcome == "ok", result
            assert_consistent(self.store, self.portal)
        finally:
            self.store.close()
            self.proxy.stop()
            self.portal.stop()
            shutil.rmtree(self.dir, ignore_errors=True)

    @rule(n=st.integers(1, 4))
    def add_people(self, n: int) -> None:
        for _ in range(n):
            i = len(self.people)
            self.people.append(self.store.insert(
                "participant", {"name_en": f"Person {i}", "mobile": f"9{i:09d}"}))

    @rule(data=st.data())
    def edit_person(self, data) -> None:
        if self.people:
            pid = data.draw(st.sampled_from(self.people))
            if not self.store.get("participant", pid)["deleted"]:
                n = data.draw(st.integers(0, 9))
                self.store.update("participant", pid, {"designation": f"D{n}"})

    @rule(data=st.data())
    def delete_person(self, data) -> None:
        if self.people:
            self.store.delete("participant", data.draw(st.sampled_from(self.people)))

    @rule(data=st.data(), status=STATUSES)
    def mark(self, data, status: str) -> None:
        if not self.people:
            return
        pid = data.draw(st.sampled_from(self.people))
        if pid in self.marks:
            self.store.update("attendance", self.marks[pid], {"status": status,
                                                               "marked_at": now_ts()})
        else:
            self.marks[pid] = self.store.insert(
                "attendance", {"session_id": self.session, "participant_id": pid,
                               "status": status, "marked_at": now_ts(), "method": "scan",
                               "marked_by": "desk"})

    @rule(faults=st.lists(st.tuples(ROUTES, FAULTS), max_size=4),
          small=st.booleans())
    def sync(self, faults, small: bool) -> None:
        self.proxy.clear()
        for route, fault in faults:
            method = "POST" if route == "/batches" else "GET"
            self.proxy.plan(method, route, fault)
        self.portal.limits.max_records = 3 if small else 1000
        result = quick_engine(self.store, timeout=0.4, max_attempts=3).sync()
        assert result.outcome in {"ok", "offline", "incomplete"}, result
        assert result.rejected == 0, result.rejected_records

    @rule()
    def restart(self) -> None:
        self.store.close()
        self.store = open_store(self.db, create=False)

    @rule()
    def freeze_then_crash(self) -> None:
        """Batches frozen and marked sending, then the desk dies before an answer."""
        outbox.freeze_pending(self.store, outbox.Limits(max_records=5))
        for b in outbox.sendable(self.store)[:1]:
            outbox.mark_sending(self.store, b.batch_id)
        self.restart()

    @invariant()
    def no_batch_fails_except_splits(self) -> None:
        if hasattr(self, "store"):
            frozen = self.store.conn.execute(
                "SELECT count(*) FROM sync_batch WHERE state = 'failed' "
                "AND last_error NOT LIKE 'too large%'").fetchone()[0]
            assert frozen == 0


DeskAndPortal.TestCase.settings = settings(
    max_examples=15, stateful_step_count=14, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestDeskAndPortal = DeskAndPortal.TestCase
