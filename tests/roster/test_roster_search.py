"""Search: both scripts, Latin spelling of Hindi names, codes, mobiles, tombstones."""

from __future__ import annotations

import pytest

from desktop.core.roster.search import exact_code, search
from desktop.text.translit import latin_key

PEOPLE = [
    ("Ramesh Kumar", "रमेश कुमार", "UP0001", "9876543210"),
    ("Rima Singh", "रीमा सिंह", "UP0002", "9876543211"),
    ("Ram Prasad", "राम प्रसाद", "UP0003", "9123456789"),
    ("Sunita Verma", "सुनीता वर्मा", "LKO-77", "7000000001"),
    ("Kamlesh Yadav", "कमलेश यादव", "12345", "8000000001"),
]


@pytest.fixture
def roster(store):
    ids = {}
    for en, hi, code, mobile in PEOPLE:
        ids[code] = store.insert(
            "participant",
            {"name_en": en, "name_hi": hi, "employee_code": code, "mobile": mobile},
        )
    return ids


def names(rows):
    return [r["name_en"] for r in rows]


def test_latin_spelling_finds_hindi_name(store, roster):
    pid = store.insert("participant", {"name_en": "R. K.", "name_hi": "रमेश कुमार"})
    assert pid in [r["id"] for r in search(store, "ramesh")]
    assert "Ramesh Kumar" in names(search(store, "rames"))  # as you type
    assert "Kamlesh Yadav" in names(search(store, "kamlesh"))  # medial schwa dropped


def test_devanagari_search_respects_vowel_signs(store, roster):
    assert names(search(store, "राम")) == ["Ram Prasad"]  # not रीमा, not रमेश
    assert "Rima Singh" in names(search(store, "रीमा"))
    assert names(search(store, "रमेश कु")) == ["Ramesh Kumar"]


def test_singh_matches_sinh(store, roster):
    assert "Rima Singh" in names(search(store, "singh"))
    assert "Rima Singh" in names(search(store, "सिंह"))


def test_best_first(store, roster):
    rows = search(store, "ram")
    assert rows[0]["name_en"] == "Ram Prasad"  # whole word before prefix matches


def test_codes_and_mobiles(store, roster):
    assert names(search(store, "UP0002")) == ["Rima Singh"]
    assert names(search(store, "up0002")) == ["Rima Singh"]  # typed in lower case
    assert set(names(search(store, "UP000"))) == {"Ramesh Kumar", "Rima Singh", "Ram Prasad"}
    assert names(search(store, "9123456789")) == ["Ram Prasad"]
    assert names(search(store, "+91 91234 56789")) == ["Ram Prasad"]
    assert names(search(store, "0091 91234 56789")) == ["Ram Prasad"]  # the shared prefix rule
    assert names(search(store, "700000")) == ["Sunita Verma"]
    assert names(search(store, "12345")) == ["Kamlesh Yadav"]
    assert exact_code(store, "LKO-77")["name_en"] == "Sunita Verma"
    assert exact_code(store, "nope") is None


def test_tombstones_are_not_found(store, roster):
    store.delete("participant", roster["UP0003"])
    assert "Ram Prasad" not in names(search(store, "ram"))
    assert search(store, "UP0003") == []
    assert exact_code(store, "UP0003") is None


def test_result_shape_and_limit(store, roster):
    rows = search(store, "UP", limit=2)
    assert len(rows) == 2
    assert {"id", "name_en", "name_hi", "employee_code", "district_code", "mobile"} <= set(rows[0])


@pytest.mark.parametrize("query", ["", "   ", '"', "*", "AND", "(", 'रमेश"', "NEAR("])
def test_odd_queries_never_fail(store, roster, query):
    assert isinstance(search(store, query), list)


def test_latin_key_examples():
    assert "ramesh" in latin_key("रमेश").split()
    assert "singh" in latin_key("सिंह").split()
    assert "kamlesh" in latin_key("कमलेश").split()


def test_name_with_the_first_digits_of_a_mobile_or_code(store, roster):
    """Codes and mobiles are not in the FTS index: typed beside a name they are found through
    their own index, even when the name alone matches more people than the candidate list."""
    for i in range(300):
        store.insert(
            "participant",
            {"name_en": "Ramesh Kumar", "name_hi": "रमेश कुमार", "mobile": f"6{i:09d}"},
        )
    assert [r["mobile"] for r in search(store, "ramesh 98765")] == ["9876543210"]
    assert [r["mobile"] for r in search(store, "रमेश 98765")] == ["9876543210"]
    assert search(store, "ramesh 91234") == []  # that mobile is Ram Prasad's
    assert [r["employee_code"] for r in search(store, "kamlesh 123")] == ["12345"]


def test_letters_of_a_code_find_codes_after_names(store, roster):
    store.insert("participant", {"name_en": "Upendra Nath", "employee_code": "Z-9"})
    rows = search(store, "up")
    assert rows[0]["name_en"] == "Upendra Nath"
    assert {r["employee_code"] for r in rows[1:]} == {"UP0001", "UP0002", "UP0003"}
    assert names(search(store, "LKO")) == ["Sunita Verma"]
    assert names(search(store, "lko")) == ["Sunita Verma"]


def test_search_index_holds_names_only(store, roster):
    columns = [r[1] for r in store.conn.execute("PRAGMA table_info(participant_fts)")]
    assert columns == ["name_en", "name_hi", "name_latin"]


def test_name_with_the_letters_of_a_code(store, roster):
    store.insert("participant", {"name_en": "Ramesh Kumar", "employee_code": "UPX0009"})
    assert [r["employee_code"] for r in search(store, "ramesh upx")] == ["UPX0009"]
    assert [r["employee_code"] for r in search(store, "Sunita LKO")] == ["LKO-77"]
    assert search(store, "sunita upx") == []
