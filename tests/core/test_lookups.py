"""The core's reference lookups and roster reads that the GUI asks for instead of SQL."""

from __future__ import annotations

from desktop.core import lookups
from desktop.core.roster.listing import participant, roster_page
from desktop.core.roster.person_checks import code_holder


def test_districts_in_english_order_from_store_or_connection(store):
    rows = lookups.districts(store)
    assert len(rows) == 75
    assert [d.name_en for d in rows] == sorted(d.name_en for d in rows)
    assert lookups.districts(store.conn) == rows
    assert lookups.district_codes(store) == sorted(d.code for d in rows)
    lko = lookups.district_names(store)["LKO"]
    assert lko[0] == "Lucknow" and lko[1] == "लखनऊ"
    assert lookups.district(store, "LKO")["name_en"] == "Lucknow"
    assert lookups.district(store, "XXX") is None
    assert lookups.district_exists(store, "AGR")
    assert not lookups.district_exists(store, "XXX")
    assert not lookups.district_exists(store, None)


def test_departments_active_and_all(store):
    store.conn.execute(
        "INSERT INTO department(code, name_en, name_hi, active) VALUES ('OLD', 'Zz Old', 'पुराना', 0)"
    )
    active = lookups.departments(store)
    everyone = lookups.departments(store, active_only=False)
    assert ("Zz Old", "पुराना") in everyone and ("Zz Old", "पुराना") not in active
    assert [n for n, _ in active] == sorted(n for n, _ in active)
    assert lookups.department_names_hi(store)["Zz Old"] == "पुराना"


def test_roster_pages_skip_tombstones_and_follow_seq(store):
    ids = [store.insert("participant", {"name_en": f"P{n}"}) for n in range(5)]
    store.delete("participant", ids[1])
    first = roster_page(store, 0, 2)
    assert [r.name_en for r in first] == ["P0", "P2"]
    rest = roster_page(store.conn, first[-1].seq, 10)
    assert [r.name_en for r in rest] == ["P3", "P4"]
    assert participant(store, ids[0])["name_en"] == "P0"
    assert participant(store, ids[1]) is None
    assert participant(store, ids[1], living=False)["name_en"] == "P1"


def test_code_holder_is_another_living_person(store):
    a = store.insert("participant", {"name_en": "Asha", "employee_code": "A1"})
    b = store.insert("participant", {"name_en": "Bharat", "employee_code": "B1"})
    assert code_holder(store, "A1") == (a, "Asha")
    assert code_holder(store, "A1", other_than=a) is None  # editing Asha herself
    assert code_holder(store, "", other_than=b) is None
    store.delete("participant", a)
    assert code_holder(store, "A1", other_than=b) is None
