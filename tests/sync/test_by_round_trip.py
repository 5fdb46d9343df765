"""`data.by` (SYNC-PROTOCOL §4, additive): the desk user's name travels to the reference
portal, which stores and serves it as part of the record; another desk receives it."""

from __future__ import annotations

from desktop.core.centre import init_centre
from desktop.core.sync.engine import enrol
from desktop.core.users import Role, add_user, sign_in
from desktop.portal.validate import check_record
from desktop.store import open_store
from tests.sync.conftest import quick_engine


def _programme(code: str) -> dict:
    return {"code": code, "title_en": "Karmayogi Basics", "hours": 6, "min_attendance_pct": 75}


def test_by_reaches_the_portal_and_the_next_desk(tmp_path, ref_portal, desk):
    add_user(desk, "Asha", Role.ADMIN, "9911")
    desk.actor = "Asha"
    add_user(desk, "Om", Role.OPERATOR, "1357")
    sign_in(desk, "Om", "1357")
    # programmes: the kind the portal serves every desk of the state
    made = desk.insert("programme", _programme("KSK"))
    sign_in(desk, "Asha", "9911")
    gone = desk.insert("programme", _programme("OLD"))
    desk.delete("programme", gone)
    assert quick_engine(desk).sync("cli").outcome == "ok"

    held = {r["id"]: r for r in ref_portal.records()}
    assert held[made]["data"]["by"] == "Om"
    assert held[made]["data"]["code"] == "KSK"
    assert held[gone]["data"] == {"by": "Asha"}  # a tombstone says who deleted it

    ref_portal.add_enrolment_code("BY-OTHER", "TST", "Test Institute", "परीक्षण संस्थान")
    other = open_store(tmp_path / "other.db")
    init_centre(other, "TST", "Test Institute", "परीक्षण संस्थान")
    enrol(other, ref_portal.url, "BY-OTHER")
    try:
        assert quick_engine(other).sync("cli").outcome == "ok"
        assert other.record("programme", made)["data"]["by"] == "Om"
        assert other.record("programme", gone)["data"] == {"by": "Asha"}
    finally:
        other.close()


def test_the_portal_checks_by():
    record = {
        "kind": "nodal_officer", "id": "01900000-0000-7000-8000-000000000001",
        "updated_at": "2026-11-22T10:15:30.123Z",
        "origin": "01900000-0000-7000-8000-000000000002", "deleted": False,
        "data": {"department": "Revenue", "name": "R. Singh", "by": "Om"},
    }
    assert check_record(record) == []
    record["data"]["by"] = "  "
    assert [p.message for p in check_record(record)] == ["by: must not be empty"]
    record["data"]["by"] = 7
    assert [p.code for p in check_record(record)] == ["invalid_field"]
