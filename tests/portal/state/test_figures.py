"""The state's figures over the portal's projection: every number against the hand-worked
dataset, and against the desk's own review core run over the same tables."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desktop.core import review as core
from desktop.portal.state import figures, projection
from desktop.portal.state.source import ReviewSource
from desktop.portal.stores import open_portal_store
from desktop.protocol.ids import format_ts, new_id

from ..conftest import enrol, http_client
from ..samples import record
from . import dataset


def counts(rows):
    return {r.key: r.counts() for r in rows}


def test_november_funnel_and_every_table(state_portal):
    view = figures.Figures(state_portal.db.reading).view("2026-11", None, core.Filters())
    assert view.funnel.counts() == dataset.NOV
    assert counts(view.by_department) == {
        "Revenue": dataset.NOV_REVENUE,
        "Basic Education": dataset.NOV_EDUCATION,
        "=SUM(A1)": {"registered": 1, "enrolled": 0, "attended": 0, "completed": 0,
                     "certified": 0},
    }
    districts = counts(view.by_district)
    assert districts["LKO"] == dataset.NOV_LKO and districts["VNS"] == dataset.NOV_VNS
    assert len(districts) == 75  # every district has a row, as in the desk's review
    assert all(sum(v or 0 for v in c.values()) == 0 for k, c in districts.items()
               if k not in ("LKO", "VNS"))
    assert counts(view.by_institute) == {"ATI": dataset.NOV_ATI, "RTI": dataset.NOV_RTI}
    assert [r.label_hi for r in view.by_institute] == ["एटीआई लखनऊ", "आरटीआई वाराणसी"]
    months = counts(view.by_month)
    assert list(months) == core.months_back("2026-11", 12)
    assert months["2026-11"] == dataset.NOV and months["2026-10"] == dataset.OCT
    assert all(months[m] == dataset.EMPTY_MONTH for m in list(months)[:-2])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (core.Filters(department="Revenue"), dataset.NOV_REVENUE),
        (core.Filters(department="Basic Education"), dataset.NOV_EDUCATION),
        (core.Filters(district_code="LKO"), dataset.NOV_LKO),
        (core.Filters(institute_code="RTI"), dataset.NOV_ONLY_RTI),
        (core.Filters(mode="field"), dataset.NOV_ONLY_RTI),
        (core.Filters(service_group="A/B"), dataset.NOV_GROUP_AB),
        (core.Filters(department="Revenue", institute_code="RTI"),
         {"registered": 3, "enrolled": 1, "attended": 0, "completed": 0, "certified": 0}),
    ],
)
def test_a_filter_narrows_the_funnel(state_portal, filters, expected):
    view = figures.Figures(state_portal.db.reading).view("2026-11", None, filters)
    assert view.funnel.counts() == expected


def test_a_range_is_one_period_and_lists_its_months(state_portal):
    view = figures.Figures(state_portal.db.reading).view("2026-10", "2026-11", core.Filters())
    # W1, W2 and W3 all fall in October–November: p1 p2 p3 p4 enrolled; p1 p2 p4 attended
    # and completed; only p1 certified (twice, counted once)
    assert view.funnel.counts() == {"registered": 6, "enrolled": 4, "attended": 3,
                                    "completed": 3, "certified": 1}
    assert counts(view.by_month) == {"2026-10": dataset.OCT, "2026-11": dataset.NOV}


@pytest.mark.parametrize(
    "filters",
    [
        core.Filters(),
        core.Filters(department="Revenue"),
        core.Filters(district_code="VNS"),
        core.Filters(institute_code="ATI"),
        core.Filters(mode="institute"),
        core.Filters(service_group="C/D"),
        core.Filters(department="Basic Education", institute_code="RTI"),
    ],
)
@pytest.mark.parametrize(("month", "to"), [("2026-11", None), ("2026-10", "2026-11")])
def test_the_same_numbers_as_the_desks_review_core(state_portal, filters, month, to):
    """One implementation: the page's figures are what `build_review` itself gives over the
    portal's projection, for every table and filter."""
    view = figures.Figures(state_portal.db.reading).view(month, to, filters)
    with state_portal.db.reading() as conn:
        review = core.build_review(ReviewSource(conn), month, to, filters)
    assert view.funnel.counts() == review.funnel.counts()
    for table in ("by_department", "by_district", "by_institute"):
        assert counts(getattr(view, table)) == counts(getattr(review, table)), table
    if to is None:
        assert counts(view.by_month) == counts(review.trend)


def test_the_projection_follows_newer_versions_and_tombstones(state_portal):
    records = state_portal.records(["enrolment", "participant"])
    people = {r["data"]["employee_code"]: r for r in records
              if r["kind"] == "participant" and not r["deleted"]}
    p4 = people["P4"]["id"]
    w2_p4 = next(r for r in records if r["kind"] == "enrolment"
                 and r["data"]["participant_id"] == p4 and r["data"]["status"] == "enrolled")
    withdrawn = {**w2_p4, "data": {**w2_p4["data"], "status": "withdrawn"}}
    del withdrawn["updated_at"]
    assert state_portal.put_record(withdrawn) == "applied"
    gone = record("participant", {}, origin=dataset.ORIGIN, record_id=people["P7"]["id"],
                  deleted=True)
    del gone["updated_at"]
    assert state_portal.put_record(gone) == "applied"
    fresh = figures.Figures(state_portal.db.reading, max_age=0)
    # p4 no longer enrolled anywhere in November: enrolled, attended and completed lose p4;
    # p7 deleted: registered 5
    assert fresh.view("2026-11", None, core.Filters()).funnel.counts() == {
        "registered": 5, "enrolled": 3, "attended": 2, "completed": 2, "certified": 1}


def test_a_snapshot_is_reused_while_the_data_is_unchanged(state_portal):
    shared = figures.Figures(state_portal.db.reading, max_age=0)
    first = shared.snapshot("2026-11", None)
    assert first.months[-1][1] is first.period  # November's facts serve its trend row too
    assert shared.snapshot("2026-11", None).period is first.period
    # December's trend reuses November's and the ten months before
    december = shared.snapshot("2026-12", None)
    assert [f for _, f in december.months[:-1]] == [f for _, f in first.months[1:]]
    state_portal.add_institute("NEW", "New Institute")  # not a record: version unchanged
    assert shared.snapshot("2026-11", None).period is first.period
    state_portal.put_record({"kind": "programme", "id": "01936b2e-0000-7000-8000-00000000abcd",
                             "data": {"code": "P2", "title_en": "P2", "title_hi": None,
                                      "igot_course_id": None, "hours": 1,
                                      "min_attendance_pct": 100}})
    assert shared.snapshot("2026-11", None).period is not first.period
    patient = figures.Figures(state_portal.db.reading, max_age=3600)
    held = patient.snapshot("2026-11", None).period
    state_portal.put_record({"kind": "programme", "id": "01936b2e-0000-7000-8000-00000000abce",
                             "data": {"code": "P3", "title_en": "P3", "title_hi": None,
                                      "igot_course_id": None, "hours": 1,
                                      "min_attendance_pct": 100}})
    assert patient.snapshot("2026-11", None).period is held  # younger than max_age


def test_the_projection_is_rebuilt_from_the_records_when_missing(state_portal, store_target):
    before = figures.Figures(state_portal.db.reading).view("2026-11", None, core.Filters())
    with state_portal.db.transaction() as conn:
        conn.execute("DELETE FROM attendance")
        conn.execute("DELETE FROM meta WHERE key = 'state.projection'")
    state_portal.stop()
    db = open_portal_store(store_target)
    try:
        after = figures.Figures(db.reading).view("2026-11", None, core.Filters())
    finally:
        db.close()
        state_portal.stop = lambda: None  # already stopped
    assert after.funnel.counts() == before.funnel.counts() == dataset.NOV


def test_quiet_desks_are_those_without_a_batch_for_n_days(state_portal):
    now = datetime.now(timezone.utc)
    devices = {}
    with http_client(state_portal.url) as client:
        for name in ("fresh", "never", "old"):
            state_portal.add_enrolment_code(f"CODE-{name}", "ATI")
            devices[name] = new_id()
            assert enrol(client, f"CODE-{name}", "ATI", devices[name]).status_code == 201
    with state_portal.db.transaction() as conn:
        for name in ("fresh", "old"):
            conn.execute("INSERT INTO batch VALUES (?, 'x', 'ATI', ?, ?, ?)",
                         (f"batch-{name}", devices[name], format_ts(now), b"{}"))
        conn.execute("UPDATE batch SET received_at = ? WHERE sender = ?",
                     (format_ts(now - timedelta(days=9, hours=1)), devices["old"]))
        conn.execute("UPDATE device SET enrolled_at = ?",
                     (format_ts(now - timedelta(days=12, hours=1)),))
    with state_portal.db.reading() as conn:
        week = figures.quiet_desks(conn, 7, now)
        ten = figures.quiet_desks(conn, 10, now)
    assert [(d.device_id, d.days, d.last_batch_at is None) for d in week] == [
        (devices["never"], 12, True), (devices["old"], 9, False)]
    assert [d.device_id for d in ten] == [devices["never"]]
    state_portal.revoke_device(devices["never"])
    with state_portal.db.reading() as conn:
        assert [d.device_id for d in figures.quiet_desks(conn, 7, now)] == [devices["old"]]


def test_each_store_holds_the_projected_columns_in_order(state_portal):
    """PostgreSQL's tables are a frozen migration (pg.py `0002_state_view`), SQLite's come from
    `projection.schema()`: both must hold what `project` writes, in its order (its upsert
    names no columns)."""
    with state_portal.db.reading() as conn:
        for kind, columns in projection.COLUMNS.items():
            cursor = conn.execute(f"SELECT * FROM {kind} WHERE 1 = 0")
            held = [d[0] for d in cursor.description]
            assert held == ["id", "updated_at", "deleted", *columns], kind
