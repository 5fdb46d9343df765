"""Issue 13 item 3: a list with Hindi names only gets English names written from the Hindi,
marked as derived on the person, counted, and replaced when a real one arrives."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from desktop.core.roster import derived
from desktop.core.roster.importer import import_roster
from desktop.text.roman import english_name

sys.path.insert(0, str(Path(__file__).parent))
from measure_roman import measure  # noqa: E402

HINDI_ONLY = [
    ["क्रम सं.", "नाम (हिंदी)", "कर्मचारी कोड", "मोबाइल नं.", "जनपद"],
    ["1", "रमेश कुमार", "HK001", "9876500001", "लखनऊ"],
    ["2", "ज्ञानेन्द्र त्रिपाठी", "HK002", "9876500002", "कानपुर नगर"],
    ["3", "शिवम मिश्र", "HK003", "9876500003", "वाराणसी"],
]


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _people(store) -> dict[str, tuple[str, bool]]:
    rows = store.conn.execute(
        "SELECT p.employee_code, p.name_en, d.participant_id IS NOT NULL AS marked "
        "FROM participant p LEFT JOIN participant_derived d ON d.participant_id = p.id"
    )
    return {r[0]: (r[1], bool(r[2])) for r in rows}


@pytest.mark.parametrize(
    ("hindi", "english"),
    [
        ("रमेश कुमार", "Ramesh Kumar"),
        ("ज्ञानेन्द्र त्रिपाठी", "Gyanendra Tripathi"),
        ("शिवम मिश्र", "Shivam Mishra"),
        ("कमलेश सिंह", "Kamlesh Singh"),
        ("आनंद वर्मा", "Anand Verma"),
    ],
)
def test_the_issue_examples_are_spelled_as_people_write_them(hindi, english):
    assert english_name(hindi) == english


def test_at_least_90_percent_of_the_name_list_is_spelled_the_usual_way():
    share, misses = measure()
    assert share >= 0.90, misses


def test_a_hindi_only_list_is_imported_with_derived_english_names(store, tmp_path):
    result = import_roster(store, _write(tmp_path / "hindi_only.csv", HINDI_ONLY))
    assert (result.created, result.rejected, result.derived_names) == (3, 0, 3)
    assert result.as_dict()["derived_names"] == 3
    assert _people(store) == {
        "HK001": ("Ramesh Kumar", True),
        "HK002": ("Gyanendra Tripathi", True),
        "HK003": ("Shivam Mishra", True),
    }


def test_a_later_real_english_name_replaces_the_derived_one(store, tmp_path):
    import_roster(store, _write(tmp_path / "hindi_only.csv", HINDI_ONLY))
    real = [["Name (English)", "Employee code"], ["Gyanendra Tripathy", "HK002"]]
    result = import_roster(store, _write(tmp_path / "real.csv", real))
    assert (result.updated, result.derived_names) == (1, 0)
    people = _people(store)
    assert people["HK002"] == ("Gyanendra Tripathy", False)
    assert people["HK001"] == ("Ramesh Kumar", True)


def test_a_derived_name_never_replaces_a_real_one(store, tmp_path):
    real = [
        ["Name (English)", "नाम (हिंदी)", "Employee code"],
        ["Ramesh K. Verma", "रमेश कुमार", "HK001"],
    ]
    import_roster(store, _write(tmp_path / "real.csv", real))
    result = import_roster(store, _write(tmp_path / "hindi_only.csv", HINDI_ONLY))
    assert result.derived_names == 2  # the two new people only
    assert _people(store)["HK001"] == ("Ramesh K. Verma", False)


def test_a_derived_name_is_still_derived_after_the_same_list_again(store, tmp_path):
    path = _write(tmp_path / "hindi_only.csv", HINDI_ONLY)
    import_roster(store, path)
    result = import_roster(store, path)
    assert (result.unchanged, result.derived_names) == (3, 3)
    assert all(marked for _, marked in _people(store).values())


def test_a_row_with_neither_name_is_still_refused(store, tmp_path):
    rows = [HINDI_ONLY[0], ["1", "", "HK009", "9876500009", "लखनऊ"], HINDI_ONLY[1]]
    result = import_roster(store, _write(tmp_path / "gap.csv", rows))
    assert result.created == 1
    assert [(e["row"], e["field"]) for e in result.errors] == [(2, "name_en")]


def test_marks_can_be_cleared(store, tmp_path):
    import_roster(store, _write(tmp_path / "hindi_only.csv", HINDI_ONLY))
    ids = [r[0] for r in store.conn.execute("SELECT id FROM participant ORDER BY employee_code")]
    assert derived.is_marked(store.conn, ids[0])
    derived.unmark(store.conn, [ids[0]])
    assert derived.marked(store.conn, ids) == set(ids[1:])


def test_marks_by_number_cover_exactly_the_numbers_given(store):
    """`mark_numbered` turns offsets into runs of consecutive numbers (one statement each)
    and marks those people, no neighbour."""
    from desktop.core.roster import derived
    from desktop.store.bulk import insert_many

    ids = insert_many(store, "participant", [{"name_en": f"P{i}"} for i in range(10)])
    derived.mark_numbered(store.conn, 1, [0, 1, 2, 5, 7, 8])
    assert derived.marked(store.conn, ids) == {ids[i] for i in (0, 1, 2, 5, 7, 8)}
