"""The import writes chunk N's search index and change log on a thread while it screens
chunk N + 1 (importer `_Behind`), and what every row shares is written into the insert
statement (store/bulk.py `_literal`): the same rows, a failure on that thread rolls everything
back, and a name with a quote is stored as it is."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from desktop.core.roster.importer import import_roster
from desktop.store import open_store
from desktop.store.bulk import BulkInserter, _literal, insert_many


def _write_roster(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("Name (English),Name (Hindi),Employee Code,Mobile,District\n")
        for i in range(rows):
            out.write(f"Person Number {i},व्यक्ति संख्या {i},K{i:07d},{6000000000 + i},Lucknow\n")


def _triggers(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")]


def test_index_work_runs_on_its_thread_and_every_row_is_indexed_and_logged(
    tmp_path, monkeypatch
):
    source = tmp_path / "r.csv"
    _write_roster(source, 95)
    threads: list[str] = []
    real = BulkInserter.catch_up

    def watched(self):
        threads.append(threading.current_thread().name)
        real(self)

    monkeypatch.setattr(BulkInserter, "catch_up", watched)
    with open_store(tmp_path / "d.db") as store:
        result = import_roster(store, source, chunk_rows=10, reader_process=False)
        assert result.created == 95
        # one per chunk on the thread, and the last (nothing left) on leaving the block
        assert threads.count("roster-index") == 10
        assert threads[-1] == threading.current_thread().name
        conn = store.conn
        assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 95
        conn.execute("INSERT INTO participant_fts(participant_fts) VALUES ('integrity-check')")
        hits = conn.execute(
            "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH 'number'"
        ).fetchone()[0]
        assert hits == 95
        assert {"participant_fts_insert", "participant_log_insert"} <= set(_triggers(conn))


def test_a_failure_on_the_index_thread_leaves_the_database_as_before(tmp_path, monkeypatch):
    source = tmp_path / "r.csv"
    _write_roster(source, 60)
    with open_store(tmp_path / "d.db") as store:
        before = _triggers(store.conn)
        calls = []
        real = BulkInserter.catch_up

        def failing(self):
            calls.append(1)
            if len(calls) == 3:
                raise sqlite3.OperationalError("disk I/O error")
            real(self)

        monkeypatch.setattr(BulkInserter, "catch_up", failing)
        with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
            import_roster(store, source, chunk_rows=10, reader_process=False)
        conn = store.conn
        assert conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
        assert _triggers(conn) == before
        assert not conn.in_transaction


def test_shared_values_in_the_statement_keep_a_quote_and_a_missing_name(store):
    store.actor = "Anita D'Souza"
    [first] = insert_many(store, "participant", [{"name_en": "A"}])
    store.actor = None
    [second] = insert_many(store, "participant", [{"name_en": "B"}])
    got = dict(store.conn.execute("SELECT id, changed_by FROM participant").fetchall())
    assert got == {first: "Anita D'Souza", second: None}
    stamps = store.conn.execute("SELECT updated_at, origin, deleted FROM participant").fetchall()
    assert all(s[0] and s[1] == store.device_id and s[2] == 0 for s in stamps)


def test_a_literal_is_quoted_the_sql_way():
    assert _literal("it's") == "'it''s'"
    assert _literal(None) == "NULL"
    assert _literal(0) == "0"
    with pytest.raises(ValueError):
        _literal("a\x00b")


def test_a_checked_chunk_carries_each_rows_data_without_a_dict(store):
    """Accepted rows travel as their ready tuple only; `row_data` gives back exactly the
    validator's data (blank cells left out), derived and converted rows are flagged, rows
    with errors keep their data and errors."""
    from desktop.core.roster.districts import DistrictMatcher
    from desktop.core.roster.pipeline import check_rows, row_data
    from desktop.core.roster.validate import RowValidator

    validator = RowValidator(DistrictMatcher.from_store(store))
    columns = [(0, "name_en"), (1, "name_hi"), (2, "employee_code"), (3, "mobile"),
               (4, "district_code"), (5, "designation")]
    rows = [
        (2, ["Ramesh Kumar", "रमेश कुमार", "K1", "9876500001", "Lucknow", ""]),
        (3, ["", "शिवम मिश्र", "K2", "", "", "Clerk"]),  # English written from the Hindi
        (4, ["Sita", "", "K3", "12", "Atlantis", ""]),  # bad mobile and district
        (5, ["Mohan", "eksgu", "", "", "", ""]),  # Kruti Dev "मोहन" converted
    ]
    checked = check_rows(validator, columns, rows, keep_cells=True)
    assert checked.numbers == [2, 3, 4, 5] and checked.cells == [r[1] for r in rows]
    expected = [validator.validate({f: cells[i] for i, f in columns})[0] for _, cells in rows]
    for index in (0, 1, 3):
        want = {k: v for k, v in expected[index].items() if not k.startswith("_")}
        assert row_data(checked.ready[index]) == want
    assert "employee_code" in row_data(checked.ready[0])
    assert "designation" not in row_data(checked.ready[0])  # blank: left out
    assert checked.derived == {1}
    assert checked.converted == {3: "name_hi"}
    assert checked.ready[2] is None
    data, errors = checked.rejected[2]
    assert data["employee_code"] == "K3"
    assert {field for field, _ in errors} == {"mobile", "district_code"}


@pytest.mark.parametrize("reader_process", [False, True], ids=["here", "reader-process"])
@pytest.mark.parametrize("stored", [True, False], ids=["someone-stored", "empty-roster"])
def test_rows_settled_without_resolve_give_what_resolve_gives(tmp_path, reader_process, stored):
    """An import with a report goes through `_resolve` row by row; without one most rows are
    settled in bulk (the file's keys screened where it is read, `seen.FileScreen`; the stored
    ones in `_ImportJob._screen`). Same file, chunks of 4, duplicates inside a chunk, across
    chunks, with or without people already stored, Hindi-only rows, read here or in the reader
    process: the same people in the same order, the same errors."""
    source = tmp_path / "r.csv"
    lines = ["Name (English),Name (Hindi),Employee Code,Mobile,District"]
    for i in range(30):
        code = f"K{i % 23:03d}"  # rows 23..29 repeat codes of rows 0..6 (later chunks)
        mobile = "9876500099" if i in (5, 6) else f"98765{i:05d}"  # a duplicate in one chunk
        english = "" if i % 7 == 3 else f"Person {i}"  # some Hindi-only rows
        lines.append(f"{english},व्यक्ति {i},{code},{mobile},Lucknow")
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcomes = []
    for report in (tmp_path / "report.csv", None):
        with open_store(tmp_path / f"{report is None}.db") as store:
            if stored:
                with store.transaction():
                    insert_many(store, "participant", [
                        {"name_en": "Stored One", "employee_code": "K010",
                         "mobile": "9000000001"}])
            result = import_roster(store, source, chunk_rows=4, reader_process=reader_process,
                                   report=report)
            people = store.conn.execute(
                "SELECT name_en, employee_code, mobile FROM participant ORDER BY seq").fetchall()
            outcomes.append((result.created, result.updated, result.unchanged, result.rejected,
                             result.derived_names, result.errors, [tuple(p) for p in people]))
    assert outcomes[0] == outcomes[1]
    created, updated, _unchanged, rejected, derived_names, errors, _people = outcomes[0]
    assert (updated, rejected) == ((1, 7) if stored else (0, 7))
    assert created + updated + rejected + _unchanged == 30
    assert derived_names > 0
    assert {e["field"] for e in errors} >= {"employee_code", "mobile"}
