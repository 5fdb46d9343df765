"""Whatever a desk sends inside a well-formed batch, the portal answers one result per record
(applied / stale / rejected) and never fails the batch or stores an invalid record."""

from __future__ import annotations

import json
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.portal.db import PortalDB
from desktop.portal.validate import check_record
from desktop.protocol.ids import new_id
from desktop.protocol.records import KIND_FIELDS

from .samples import record, valid_data

ODD = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=False),
    st.text(max_size=12), st.sampled_from(["LKO", "2026-11-20", "10:00", "9876543210",
                                           "2026-11-20T10:00:00.000Z", "present", new_id()]),
    st.lists(st.text(max_size=4), max_size=2), st.dictionaries(st.text(max_size=3),
                                                               st.integers(), max_size=2),
)


@st.composite
def records(draw):
    kind = draw(st.sampled_from(sorted(KIND_FIELDS)))
    data = valid_data(kind)
    for field in draw(st.lists(st.sampled_from(KIND_FIELDS[kind]), max_size=3, unique=True)):
        data[field] = draw(ODD)
    if draw(st.booleans()):
        data[draw(st.text(min_size=1, max_size=6))] = 1
    rec = record(kind, data, origin=new_id())
    for key in draw(st.lists(st.sampled_from(["updated_at", "origin", "deleted", "kind"]),
                             max_size=1)):
        rec[key] = draw(ODD)
    return rec


_DB = PortalDB(tempfile.mkdtemp(prefix="portal-fuzz-"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records(), min_size=1, max_size=8))
def test_any_records_get_one_answer_each(batch):
    outcome, response = _DB.apply_batch(new_id(), "h", "TST", new_id(), batch)
    assert outcome == "new"
    results = json.loads(response)["results"]
    assert [r["id"] for r in results] == [r["id"] for r in batch]
    held = {r["id"]: r for r in _DB.records()}
    for rec, result in zip(batch, results, strict=True):
        assert result["status"] in ("applied", "stale", "rejected")
        if result["status"] == "rejected":
            assert result["code"] and result["message"]
            assert rec["id"] not in held or held[rec["id"]]["updated_at"] != rec.get(
                "updated_at") or held[rec["id"]]["origin"] != rec.get("origin")
        if result["status"] == "applied":
            assert check_record(rec) == []
            assert rec["id"] in held
