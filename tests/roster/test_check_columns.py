"""A chunk checked column-wise (`pipeline.check_rows`) ends exactly as each row checked on its
own by `RowValidator.validate` and made into its `ready_row`: the same data, errors, derived
and converted marks, for office files and for odd cells of every kind."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.demo.p10_roster import participant_rows
from desktop.core.roster.districts import DistrictMatcher
from desktop.core.roster.fields import detect_layout, propose_mapping
from desktop.core.roster.importer import check_mapping
from desktop.core.roster.pipeline import check_rows, ready_row
from desktop.core.roster.readers import open_table
from desktop.core.roster.validate import RowValidator, already_clean, clean_text

FILES = Path(__file__).parent / "files"
FIELDS = ["name_en", "name_hi", "employee_code", "igot_user_id", "designation", "department",
          "district_code", "mobile", "email", "gender", "service_group"]

ODD_ROWS = [
    ["Ramesh Kumar", "रमेश कुमार", "K1", "", "Clerk", "Revenue", "Lucknow", "9876500001",
     "r@x.in", "M", "C"],
    ["", "शिवम मिश्र", "K2", "", "", "", "lucknow ", "", "", "", ""],  # Hindi only
    ["", "", "K3", "", "", "", "", "9876500003", "", "", ""],  # no name at all
    ["Sita", "", "K 4", "", "", "", "Atlantis", "12", "bad@", "x", "Z"],  # five problems
    ["Mohan", "eksgu", "", "", "", "", "", "", "", "", ""],  # Kruti Dev Hindi name
    ["Gita", "", "1.2345E+5", "", "", "", "", "9.87650E+09", "", "F", "Group B"],
    ["  Ravi   Verma ", "रवि\u200b वर्मा", "'=K7", "u-7", "", "", "", "+91 98765 00007", "",
     "male", "ग्रुप सी"],
    ["Short row"],  # cells missing at the end
    ["x" * 250, "", "", "", "", "", "", "", "", "", ""],  # too long
    ["रमेश", "", "", "", "", "", "", "", "", "", ""],  # Devanagari in the English column
    ["", "ramesh", "", "", "", "", "", "", "", "", ""],  # Latin in the Hindi column
    ["", "D", "", "", "", "", "", "", "", "", ""],  # Hindi name giving no English one
]


def _reference(validator, columns, rows):
    """Each row as `validate` gives it (the id left out: a new one per call)."""
    out = []
    for _, cells in rows:
        width = len(cells)
        data, errors = validator.validate({f: (cells[i] if i < width else "") for i, f in columns})
        derived = data.pop("_derived", None) is not None if "_derived" in data else False
        converted = data.pop("_converted", None)
        out.append((None if errors else ready_row(data)[1:], data if errors else None,
                    errors, derived, converted))
    return out


def _columnwise(validator, columns, rows):
    checked = check_rows(validator, columns, rows, keep_cells=True)
    assert checked.numbers == [n for n, _ in rows] and checked.cells == [c for _, c in rows]
    out = []
    for index, ready in enumerate(checked.ready):
        data, errors = checked.rejected.get(index, (None, []))
        out.append((None if ready is None else ready[1:], data, errors,
                    index in checked.derived, checked.converted.get(index)))
    assert len({r[0] for r in checked.ready if r is not None}) == len(
        [r for r in checked.ready if r is not None])  # a new id each
    return out


def test_derived_and_converted_keys_are_the_validators():
    from desktop.core.roster.derived import CONVERTED_KEY, DERIVED_KEY

    assert (DERIVED_KEY, CONVERTED_KEY) == ("_derived", "_converted")


def test_odd_cells_of_every_kind_end_as_row_by_row(store):
    validator = RowValidator(DistrictMatcher.from_store(store))
    columns = list(enumerate(FIELDS))
    rows = [(i + 2, cells) for i, cells in enumerate(ODD_ROWS * 3)]  # repeats hit the caches
    got, want = _columnwise(validator, columns, rows), _reference(validator, columns, rows)
    assert got == want
    assert sum(1 for r in got if r[0] is None) >= 6 and any(r[3] for r in got)
    assert any(r[4] for r in got)


def test_generated_rosters_end_as_row_by_row(store):
    validator = RowValidator(DistrictMatcher.from_store(store))
    districts = ["Lucknow", "Kanpur Nagar", "लखनऊ", "Atlantis", ""]
    for hindi_only in (False, True):
        columns = [(i, f) for i, f in enumerate(FIELDS) if not (hindi_only and f == "name_en")]
        rows = []
        for number, row in enumerate(
            participant_rows(random.Random(7), 600, districts, ["Revenue", "Finance"]), 2
        ):
            rows.append((number, [row.get(f) or "" for _, f in columns]))
        assert _columnwise(validator, columns, rows) == _reference(validator, columns, rows)


@pytest.mark.parametrize("name", ["hindi_headers.csv", "igot_layout.csv", "kruti_dev.csv",
                                  "bad_values.csv", "duplicates.csv", "title_above_header.csv",
                                  "cp1252.csv", "roster.xlsx"])
def test_office_files_end_as_row_by_row(store, name):
    validator = RowValidator(DistrictMatcher.from_store(store))
    with open_table(FILES / name) as table:
        mapping = propose_mapping(table.headers, detect_layout(table.headers))
        try:
            columns = check_mapping(table.headers, mapping)
        except Exception:
            pytest.skip(f"{name} needs a mapping chosen by the user")
        rows = list(table.rows())
    assert rows
    assert _columnwise(validator, columns, rows) == _reference(validator, columns, rows)


def test_each_odd_row_among_clean_ones_ends_as_row_by_row(store):
    """A chunk of clean rows is checked without cleaning each cell (`already_clean`); one odd
    row in it sends its columns back to the cell-by-cell way, and nothing else changes."""
    validator = RowValidator(DistrictMatcher.from_store(store))
    columns = list(enumerate(FIELDS))
    clean = [
        [row.get(f) or "" for f in FIELDS]
        for row in participant_rows(random.Random(3), 40, ["Lucknow", "लखनऊ"], ["Revenue"])
    ]
    for odd in ODD_ROWS:
        cells = clean[:20] + [odd] + clean[20:]
        rows = [(i + 2, c) for i, c in enumerate(cells)]
        assert _columnwise(validator, columns, rows) == _reference(validator, columns, rows)


_TRICKY = "aA ि्‍\u200b\ufeff\u00a0\t\n'=+क़क़ें1"


@given(st.lists(st.text(alphabet=_TRICKY, max_size=6), max_size=8))
@settings(max_examples=400, deadline=None)
def test_a_column_is_already_clean_only_when_each_value_is(values):
    if already_clean(values):
        assert [clean_text(v) for v in values] == values


@pytest.mark.parametrize("odd", [
    " Ravi", "Ravi ", "Ravi  Verma", "Ravi\tVerma", "Ravi\nVerma", "Ravi\u00a0Verma",
    "'=SUM(A1)", "रवि\u200bवर्मा", "\ufeffरवि", "\u0958ादिर", " ", "रवि  वर्मा",
])  # fmt: skip
def test_one_unclean_value_makes_the_column_unclean(odd):
    clean = ["Ramesh Kumar", "", "रमेश कुमार", "UP-12/3", "क़ादिर"]
    assert already_clean(clean)
    assert clean_text(odd) != odd
    for at in (0, 2, len(clean)):
        assert not already_clean(clean[:at] + [odd] + clean[at:])


def test_a_column_holding_something_other_than_text_is_checked_cell_by_cell():
    assert not already_clean(["Ramesh", 12])


# Names of every kind the name checks tell apart: English, Devanagari, Kruti Dev (each of
# `looks_legacy`'s signs), Latin-1 legacy glyphs, mixed scripts, digits and punctuation.
_NAME_PARTS = ["Ramesh", "Kumar", "McDonald", "Iqbal", "Pankaj", "Hk", "jes'k", "dqekj",
               "eksgu", "JhokLro", "xqIrk", "jkts'k", "flag", "Å", "ç", "[kku", "/;ku",
               "रमेश", "कुमार", "क़ादिर", "Ram-सिंह", "2", "K.", "(jk)", "x~y", "Mc'Donald"]


@given(st.lists(st.lists(st.sampled_from(_NAME_PARTS), max_size=6).map(" ".join), max_size=30),
       st.booleans())
@settings(max_examples=300, deadline=None)
def test_a_names_column_checked_at_once_gives_what_each_cell_gives(values, one_too_long):
    """`check_column` checks a clean names column by one search a cell and keeps the cells
    that search finds nothing in: for each name field it gives what checking every cell
    gives (Problems, converted Kruti Dev, long names and all)."""
    validator = RowValidator(DistrictMatcher(()))  # the name checks use no districts
    if one_too_long:
        values = [*values, "Ramesh " * 40 + "Kumar"]  # over MAX_TEXT: the column goes cell by cell
    assert already_clean(values)
    for field in ("name_en", "name_hi"):
        check = validator._checks[field]
        want = [check(value) if value else "" for value in values]
        got = validator.check_column(field, values)
        assert got == want
        assert [type(value) for value in got] == [type(value) for value in want]


# Pieces that make (or nearly make) each of the signs, put together with stray characters.
_SIGN_PIECES = ["rk", "ark", "Ark", "lh", "jk", "(jk", "dqe", "zq", "cqu", "Hk", "mR", "flag",
                "flags", "aB", "x;", ";x", " ;a", "'a", "/;", "a[b", "a~b", "Å", "‘", "रक", "Ik",
                "Mk", "tk", "fo", "xqI"]
_SIGN_VALUES = st.lists(
    st.one_of(st.sampled_from(_SIGN_PIECES), st.text(alphabet="abekqrjlhfoiuJ ;'(Å", max_size=3)),
    max_size=4,
).map("".join)


@given(st.lists(_SIGN_VALUES, max_size=12))
@settings(max_examples=500, deadline=None)
def test_every_value_with_a_legacy_sign_or_a_non_ascii_character_is_looked_at(values):
    """`worth_a_look` finds, over the whole column at once, each value in which any one of
    `looks_legacy`'s signs is, or a non-ASCII character (it may name more, never fewer)."""
    from desktop.core.roster import legacy

    want = {
        index
        for index, value in enumerate(values)
        if not value.isascii() or any(sign.search(value) for sign in legacy._SIGNS)
    }
    got = legacy.worth_a_look(values)
    assert got == sorted(set(got)) and all(0 <= index < len(values) for index in got)
    assert want <= set(got)
    if any("\n" not in value for value in values) and not want:
        assert all(values[index].strip() for index in got)  # never a blank value
