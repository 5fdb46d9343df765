"""The portal stamps its own records by the desks' rule (issue 11): above the wall clock, the
highest version it holds and the version it replaces."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from desktop.portal.stores import open_portal_store
from desktop.protocol.ids import format_ts, new_id, set_wall_clock
from tests.portal.samples import valid_data


def _programme(rid: str, stamp: str | None = None, **changes) -> dict:
    record = {"kind": "programme", "id": rid, "data": valid_data("programme", **changes)}
    if stamp:
        record.update(updated_at=stamp, origin=new_id(), deleted=False)  # a desk ahead
    return record


def test_admin_edit_after_a_version_from_a_clock_ahead_is_applied(store_target):
    db = open_portal_store(store_target)
    try:
        rid = new_id()
        ahead = format_ts(datetime.now(timezone.utc) + timedelta(hours=3))
        assert db.put_admin_record(_programme(rid, ahead, title_en="From a desk")) == "applied"
        assert db.put_admin_record(_programme(rid, title_en="Corrected at HQ")) == "applied"
        [held] = [r for r in db.records(["programme"]) if r["id"] == rid]
        assert held["data"]["title_en"] == "Corrected at HQ"
        assert held["updated_at"] > ahead
    finally:
        db.close()


def test_portal_clock_set_back_still_stamps_above_what_it_holds(store_target):
    db = open_portal_store(store_target)
    previous = None
    try:
        first = new_id()
        assert db.put_admin_record(_programme(first, code="P-1")) == "applied"
        [held] = db.records(["programme"])
        previous = set_wall_clock(lambda: datetime.now(timezone.utc) - timedelta(days=30))
        second = new_id()
        assert db.put_admin_record(_programme(second, code="P-2")) == "applied"
        stamps = {r["id"]: r["updated_at"] for r in db.records(["programme"])}
        assert stamps[second] > held["updated_at"]
    finally:
        if previous is not None:
            set_wall_clock(previous)
        db.close()
