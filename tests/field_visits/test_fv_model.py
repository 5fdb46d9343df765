"""Field visit model and store: validation, listing, action points carried across visits."""

from __future__ import annotations

import json

import pytest
from fv_helpers import TODAY, visit_data

from desktop.core import field_visits as fv
from desktop.store.errors import RecordNotFound


def test_create_and_load_round_trip(store):
    vid = fv.create_visit(store, visit_data(), today=TODAY)
    visit = fv.load_visit(store, vid)
    assert visit["office"] == "Vikas Bhawan"
    assert visit["team"] == ["Anita Singh", "अजय वर्मा"]
    assert visit["action_points"][0]["text"] == "iGOT पंजीकरण पूर्ण कराना"
    assert visit["action_points"][2]["due_date"] is None
    record = store.record("field_visit", vid)
    assert set(record["data"]) == {
        "district_code",
        "office",
        "department",
        "visit_date",
        "purpose",
        "team",
        "people_met",
        "participant_ids",
        "findings",
        "action_points",
        "attachments",
    }
    assert record["data"]["people_met"] == 12
    logged = store.conn.execute(
        "SELECT count(*) FROM change_log WHERE kind = 'field_visit' AND record_id = ?", (vid,)
    ).fetchone()[0]
    assert logged == 1


@pytest.mark.parametrize("missing", ["district_code", "office", "visit_date", "purpose"])
def test_required_fields_named(store, missing):
    with pytest.raises(fv.VisitError) as err:
        fv.create_visit(store, visit_data(**{missing: "  "}), today=TODAY)
    assert err.value.fields == [missing]
    assert fv.FIELD_LABELS[missing] in str(err.value)
    assert "required" in str(err.value)
    assert store.conn.execute("SELECT count(*) FROM field_visit").fetchone()[0] == 0


def test_completed_visit_in_future_refused_planned_allowed(store):
    with pytest.raises(fv.VisitError) as err:
        fv.create_visit(store, visit_data(visit_date="2026-12-01"), today=TODAY)
    assert err.value.fields == ["visit_date"]
    assert "future" in str(err.value)
    planned = visit_data(visit_date="2026-12-01", findings="", people_met=0)
    vid = fv.create_visit(store, planned, today=TODAY)
    assert fv.load_visit(store, vid)["visit_date"] == "2026-12-01"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("people_met", -1, "negative"),
        ("people_met", "many", "whole number"),
        ("visit_date", "05/10/2026", "YYYY-MM-DD"),
        ("visit_date", "2026-02-30", "not a date"),
        ("district_code", "XYZ", "not a UP district"),
    ],
)
def test_bad_values_named(store, field, value, words):
    with pytest.raises(fv.VisitError) as err:
        fv.create_visit(store, visit_data(**{field: value}), today=TODAY)
    assert field in err.value.fields
    assert words in str(err.value)


def test_bad_action_point_names_row(store):
    points = [
        {"text": "ok", "owner": "x", "status": "open"},
        {"text": "", "owner": "y", "due_date": "soon", "status": "maybe"},
    ]
    with pytest.raises(fv.VisitError) as err:
        fv.create_visit(store, visit_data(action_points=points), today=TODAY)
    message = str(err.value)
    assert "row 2: the text is missing" in message
    assert "row 2: due date 'soon'" in message
    assert "row 2: status 'maybe'" in message
    assert "row 1" not in message


def test_edit_writes_new_version_and_validates(store):
    vid = fv.create_visit(store, visit_data(), today=TODAY)
    before = store.get("field_visit", vid)["updated_at"]
    assert fv.update_visit(store, vid, {"findings": "नया निष्कर्ष"}, today=TODAY)
    row = store.get("field_visit", vid)
    assert row["findings"] == "नया निष्कर्ष" and row["updated_at"] > before
    assert not fv.update_visit(store, vid, {"findings": "नया निष्कर्ष"}, today=TODAY)
    with pytest.raises(fv.VisitError):
        fv.update_visit(store, vid, {"purpose": ""}, today=TODAY)
    assert store.get("field_visit", vid)["purpose"] == visit_data()["purpose"]


def test_normalize_office():
    assert fv.normalize_office("  Vikas   Bhawan. ") == fv.normalize_office("vikas bhawan")
    assert fv.normalize_office("विकास भवन ") == "विकास भवन"
    assert fv.normalize_office("Tehsil Sadar") != fv.normalize_office("Tehsil Mohanlalganj")


def test_carry_over_same_office_only(store):
    first = fv.create_visit(store, visit_data(), today=TODAY)
    fv.create_visit(store, visit_data(office="Tehsil Sadar"), today=TODAY)
    fv.create_visit(store, visit_data(district_code="AGR"), today=TODAY)
    carried = fv.carried_over_points(store, "LKO", "VIKAS  bhawan", before="2026-11-01")
    assert [(c.visit_id, c.index) for c in carried] == [(first, 0), (first, 1)]
    assert carried[0].overdue(TODAY) and not carried[1].overdue(TODAY)
    # a visit does not carry its own points, nor points of later visits
    assert fv.carried_over_points(store, "LKO", "Vikas Bhawan", exclude_visit=first) == []
    assert fv.carried_over_points(store, "LKO", "Vikas Bhawan", before="2026-10-01") == []


def test_closing_carried_point_writes_new_version_of_earlier_visit(store):
    first = fv.create_visit(store, visit_data(), today=TODAY)
    carried = fv.carried_over_points(store, "LKO", "Vikas Bhawan", before="2026-11-10")
    carried[0].point["status"] = "done"
    second = fv.save_visit(
        store,
        None,
        visit_data(visit_date="2026-11-10", action_points=[], findings="follow-up"),
        carried=[carried[0]],
        today=TODAY,
    )
    earlier = fv.load_visit(store, first)
    assert earlier["action_points"][0]["status"] == "done"
    assert earlier["action_points"][1]["status"] == "open"
    versions = store.conn.execute(
        "SELECT count(*) FROM change_log WHERE record_id = ?", (first,)
    ).fetchone()[0]
    assert versions == 2
    left = fv.carried_over_points(
        store, "LKO", "Vikas Bhawan", before="2026-12-01", exclude_visit=second
    )
    assert [c.index for c in left] == [1]


def test_save_is_all_or_nothing(store):
    first = fv.create_visit(store, visit_data(), today=TODAY)
    carried = fv.carried_over_points(store, "LKO", "Vikas Bhawan")
    carried[0].point["status"] = "nonsense"
    with pytest.raises(fv.VisitError):
        fv.save_visit(
            store, None, visit_data(visit_date="2026-11-10"), carried=carried, today=TODAY
        )
    assert store.conn.execute("SELECT count(*) FROM field_visit").fetchone()[0] == 1
    assert fv.load_visit(store, first)["action_points"][0]["status"] == "open"


def test_list_filters_and_status(store):
    a = fv.create_visit(store, visit_data(), today=TODAY)  # one overdue point
    b = fv.create_visit(
        store,
        visit_data(
            visit_date="2026-11-02",
            department="Health",
            action_points=[{"text": "x", "owner": "y", "due_date": "2026-12-30", "status": "open"}],
        ),
        today=TODAY,
    )
    c = fv.create_visit(
        store,
        visit_data(district_code="AGR", visit_date="2026-11-03", action_points=[]),
        today=TODAY,
    )
    ids = lambda rows: [r.id for r in rows]  # noqa: E731
    assert ids(fv.list_visits(store, today=TODAY)) == [c, b, a]
    assert ids(fv.list_visits(store, district="lko", today=TODAY)) == [b, a]
    assert ids(fv.list_visits(store, department="Health", today=TODAY)) == [b]
    assert ids(fv.list_visits(store, month="2026-11", today=TODAY)) == [c, b]
    assert ids(fv.list_visits(store, status="overdue", today=TODAY)) == [a]
    assert ids(fv.list_visits(store, status="open", today=TODAY)) == [b, a]
    assert ids(fv.list_visits(store, status="closed", today=TODAY)) == [c]
    row = fv.list_visits(store, district="LKO", month="2026-10", today=TODAY)[0]
    assert (row.open_points, row.overdue_points, row.total_points) == (2, 1, 3)
    assert row.district_hi == "लखनऊ"
    with pytest.raises(fv.VisitError):
        fv.list_visits(store, month="2026-13")
    fv.delete_visit(store, b)
    assert ids(fv.list_visits(store, today=TODAY)) == [c, a]


def test_quick_add_participant_and_link(store):
    pid = fv.quick_add_participant(
        store, "Ramesh Kumar", name_hi="रमेश कुमार", district_code="LKO", mobile="9876543210"
    )
    vid = fv.create_visit(store, visit_data(participant_ids=[pid, pid]), today=TODAY)
    assert fv.load_visit(store, vid)["participant_ids"] == [pid]
    assert store.require("participant", pid)["name_latin"]
    with pytest.raises(fv.VisitError):
        fv.quick_add_participant(store, " ")
    with pytest.raises(fv.VisitError) as err:
        fv.create_visit(store, visit_data(participant_ids=["nope"]), today=TODAY)
    assert "unknown participant" in str(err.value)


def test_update_action_point_out_of_range(store):
    vid = fv.create_visit(store, visit_data(), today=TODAY)
    with pytest.raises(fv.VisitError):
        fv.update_action_point(store, vid, 9, {"status": "done"})
    with pytest.raises(RecordNotFound):
        fv.update_action_point(store, "missing", 0, {"status": "done"})


def test_wire_record_is_protocol_shaped(store):
    vid = fv.create_visit(store, visit_data(), today=TODAY)
    raw = store.get("field_visit", vid)
    points = json.loads(raw["action_points"])
    assert set(points[0]) == {"text", "owner", "due_date", "status"}
