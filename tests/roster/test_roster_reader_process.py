"""Big files are read and checked in a second process: same outcome as reading in-process,
file errors and cancel behave the same, and the child never outlives the import."""

from __future__ import annotations

import multiprocessing

import pytest

from desktop.core.centre import init_centre
from desktop.core.roster import import_roster
from desktop.core.roster.importer import ImportCancelled
from desktop.core.roster.readers import RosterFileError
from desktop.store import open_store

HEADER = "Name (English),Name (Hindi),Employee Code,Mobile,District,Email\n"


def _mixed_file(path):
    """Good rows, bad values, duplicates inside the file (also across chunks) and people who
    already exist (matched, some changed)."""
    lines = [HEADER]
    for i in range(60):
        lines.append(f"Person {i},व्यक्ति {i},K{i:05d},{7000000000 + i},Lucknow,\n")
    lines.append("Bad Mobile,,K90001,12345,Lucknow,\n")
    lines.append("Bad Email,,K90002,7100000002,Agra,not-an-email\n")
    lines.append("Copy Of Five,,K00005,7100000003,Agra,\n")  # same code as row 7
    lines.append("Same Phone,,K90004,7000000010,Agra,\n")  # same mobile as row 12
    lines.append("Existing Renamed,,E00001,,Varanasi,\n")  # matches an existing person
    lines.append("Existing Same,,E00002,,Kanpur Nagar,\n")  # unchanged
    lines.append(",नाम ही नहीं,K90007,7100000007,Agra,\n")  # English name written from the Hindi
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _seed(store, tmp_path):
    seed = tmp_path / "seed.csv"
    seed.write_text(
        "Name (English),Employee Code,District\n"
        "Existing One,E00001,Varanasi\nExisting Same,E00002,Kanpur Nagar\n",
        encoding="utf-8",
    )
    assert import_roster(store, seed).created == 2


def _people(store):
    return store.conn.execute(
        "SELECT name_en, name_hi, employee_code, mobile, district_code, name_latin "
        "FROM participant ORDER BY seq"
    ).fetchall()


def _fresh(tmp_path, name):
    store = open_store(tmp_path / f"{name}.db")
    init_centre(store, "TST", "Test Institute", "परीक्षण संस्थान")
    return store


def test_reader_process_gives_the_same_result_report_and_rows(tmp_path):
    source = _mixed_file(tmp_path / "mixed.csv")
    outcomes = {}
    for mode in (False, True):
        store = _fresh(tmp_path, f"mode{mode}")
        try:
            _seed(store, tmp_path)
            report = tmp_path / f"report{mode}.csv"
            result = import_roster(
                store, source, reader_process=mode, chunk_rows=7, report=report
            )
            log = store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
            outcomes[mode] = (result.as_dict(), _people(store), report.read_text("utf-8"), log)
        finally:
            store.close()
    in_process, child = outcomes[False], outcomes[True]
    assert child == in_process
    summary = child[0]
    assert (summary["created"], summary["updated"], summary["unchanged"]) == (61, 1, 1)
    assert (summary["rejected"], summary["derived_names"]) == (4, 1)
    rows_named = {(e["row"], e["field"]) for e in summary["errors"]}
    assert (62, "mobile") in rows_named and (63, "email") in rows_named
    assert any("duplicate in file" in e["message"] and e["row"] == 64 for e in summary["errors"])
    assert child[2].splitlines()[0].endswith("Status,Error")


def test_reader_process_without_report_keeps_no_cells_but_imports(tmp_path):
    source = _mixed_file(tmp_path / "mixed.csv")
    store = _fresh(tmp_path, "plain")
    try:
        result = import_roster(store, source, reader_process=True, chunk_rows=10)
        assert (result.created, result.rejected, result.derived_names) == (63, 4, 1)
        # the Latin search key computed in the child is the one the store would compute
        assert store.conn.execute(
            "SELECT name_latin FROM participant WHERE employee_code = 'K00003'"
        ).fetchone()[0] == "vyakti person"
    finally:
        store.close()


def test_a_file_error_found_by_the_child_is_raised_here_and_changes_nothing(tmp_path):
    source = tmp_path / "broken.csv"
    good = "".join(f"Person {i},K{i:05d}\n" for i in range(20_000))  # past the sniffed head
    # UTF-8 (Hindi in row 2) with a damaged byte: not taken for Windows-1252
    source.write_bytes(
        "Name (English),Employee Code\nव्यक्ति,K99998\n".encode()
        + good.encode()
        + b"Broken \xff\xfe row,K99999\n"
    )
    store = _fresh(tmp_path, "broken")
    try:
        with pytest.raises(RosterFileError, match="row 20003"):
            import_roster(store, source, reader_process=True, chunk_rows=10)
        assert store.conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
    finally:
        store.close()
    assert multiprocessing.active_children() == []


def test_cancel_with_a_reader_process_rolls_back_and_stops_the_child(tmp_path):
    source = _mixed_file(tmp_path / "mixed.csv")
    store = _fresh(tmp_path, "cancel")
    calls = []
    try:
        with pytest.raises(ImportCancelled):
            import_roster(
                store,
                source,
                reader_process=True,
                chunk_rows=5,
                cancelled=lambda: calls.append(1) or len(calls) >= 3,
            )
        assert store.conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
    finally:
        store.close()
    assert multiprocessing.active_children() == []
