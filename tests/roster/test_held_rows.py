"""A first import into an empty roster without the match keys' indexes (importer
`_ImportJob.run`): the rows that must be matched one by one are held back and matched in
file order once the indexes are built, and that ends exactly as matching in file order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core.roster import importer
from desktop.core.roster.importer import KEY_INDEXES, ImportCancelled, import_roster
from desktop.store import open_store
from desktop.store.bulk import insert_many


def _write_roster(path: Path) -> None:
    """40 rows in chunks of 4: codes repeated across chunks and inside one, a mobile shared
    by two rows of one chunk, an iGOT id repeated far apart, rows with errors, Hindi-only
    rows, a Kruti Dev name, and a row that repeats a row refused earlier."""
    lines = ["Name (English),Name (Hindi),Employee Code,iGOT User ID,Mobile,District"]
    for i in range(40):
        code = f"K{i % 31:03d}"  # rows 31..39 repeat the codes of rows 0..8
        mobile = "9876500099" if i in (5, 6) else f"98765{i:05d}"
        igot = "igot-shared" if i in (2, 37) else f"igot-{i:04d}"
        english = "" if i % 7 == 3 else f"Person {i}"
        hindi = "jes'k dqekj" if i == 12 else f"व्यक्ति {i}"
        district = "Atlantis" if i in (9, 20) else "Lucknow"
        lines.append(f"{english},{hindi},{code},{igot},{mobile},{district}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _outcome(db: Path, source: Path, **options) -> tuple:
    with open_store(db) as store:
        result = import_roster(store, source, chunk_rows=4, **options)
        people = store.conn.execute(
            "SELECT name_en, name_hi, employee_code, igot_user_id, mobile FROM participant"
        ).fetchall()
        marked = store.conn.execute(
            "SELECT p.employee_code FROM participant_derived d "
            "JOIN participant p ON p.id = d.participant_id"
        ).fetchall()
        indexes = {
            name for (name,) in store.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        check = store.conn.execute("PRAGMA integrity_check").fetchone()[0]
    counts = (result.created, result.updated, result.unchanged, result.rejected,
              result.derived_names, result.converted_legacy)
    people_set = sorted(map(tuple, people), key=repr)
    return counts, result.errors, people_set, sorted(r[0] for r in marked), indexes, check


@pytest.mark.parametrize("reader_process", [False, True], ids=["here", "reader-process"])
def test_held_rows_end_as_matching_in_file_order(tmp_path, monkeypatch, reader_process):
    source = tmp_path / "r.csv"
    _write_roster(source)
    lookups_without_index: list[str] = []
    held: list[int] = []
    real_lookup, real_match = importer._ImportJob._lookup, importer._ImportJob._match_held

    def lookup(self, key, values):
        if values and self.indexes is not None and self.indexes.missing(KEY_INDEXES[key]):
            lookups_without_index.append(key)  # would scan the whole table
        return real_lookup(self, key, values)

    def match_held(self, bulk):
        held.append(self.held_rows)
        return real_match(self, bulk)

    monkeypatch.setattr(importer._ImportJob, "_lookup", lookup)
    monkeypatch.setattr(importer._ImportJob, "_match_held", match_held)
    in_order = _outcome(tmp_path / "in_order.db", source, reader_process=reader_process,
                        defer_key_indexes=False)
    assert held == []
    deferred = _outcome(tmp_path / "deferred.db", source, reader_process=reader_process,
                        defer_key_indexes=True)
    assert len(held) == 1 and held[0] > 0  # rows were held, and matched once, at the end
    assert lookups_without_index == []
    assert deferred == in_order
    counts, errors, _people, marked, indexes, check = deferred
    created, updated, unchanged, rejected, derived_names, converted = counts
    assert created + updated + unchanged + rejected == 40
    assert rejected >= 9 + 2 + 1  # the repeated codes, Atlantis twice, the shared iGOT id
    assert {e["field"] for e in errors} >= {"employee_code", "igot_user_id", "mobile",
                                            "district_code"}
    assert [e["row"] for e in errors] == sorted(e["row"] for e in errors)  # in file order
    assert derived_names > 0 and marked and converted == 1
    assert set(KEY_INDEXES.values()) <= indexes and check == "ok"


def test_held_rows_over_the_limit_are_matched_there_and_then(tmp_path, monkeypatch):
    source = tmp_path / "r.csv"
    _write_roster(source)
    monkeypatch.setattr(importer, "HELD_ROWS_MAX", 3)
    settled_at: list[int] = []
    real_match = importer._ImportJob._match_held

    def match_held(self, bulk):
        settled_at.append(len(self.inserted))
        return real_match(self, bulk)

    monkeypatch.setattr(importer._ImportJob, "_match_held", match_held)
    in_order = _outcome(tmp_path / "in_order.db", source, defer_key_indexes=False)
    early = _outcome(tmp_path / "early.db", source, defer_key_indexes=True)
    assert len(settled_at) == 1 and settled_at[0] < in_order[0][0]  # before the end
    assert early == in_order


def test_a_roster_with_people_keeps_its_key_indexes(tmp_path, monkeypatch):
    source = tmp_path / "r.csv"
    _write_roster(source)
    dropped: list[str] = []
    real = importer.deferred_indexes

    def watched(store, names):
        names = tuple(names)
        dropped.extend(names)
        return real(store, names)

    monkeypatch.setattr(importer, "deferred_indexes", watched)
    with open_store(tmp_path / "r.db") as store:
        with store.transaction():
            insert_many(store, "participant", [{"name_en": "Stored One",
                                                "employee_code": "K010"}])
        result = import_roster(store, source, chunk_rows=4, defer_key_indexes=True)
    assert not set(dropped) & set(KEY_INDEXES.values())
    assert result.updated == 1  # K010 matched the stored person through its index


def test_a_cancelled_import_leaves_the_key_indexes_and_no_rows(tmp_path):
    source = tmp_path / "r.csv"
    _write_roster(source)
    db = tmp_path / "r.db"
    ticks: list[int] = []
    with open_store(db) as store:
        with pytest.raises(ImportCancelled):
            import_roster(store, source, chunk_rows=4, defer_key_indexes=True,
                          progress=lambda done, *_: ticks.append(done),
                          cancelled=lambda: len(ticks) >= 3)
    conn = sqlite3.connect(db)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert set(KEY_INDEXES.values()) <= names
        assert conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
    finally:
        conn.close()
