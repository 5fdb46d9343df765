"""The participant key indexes hold only people who have the key (m0104), and every query
the desk finds people by a key with still goes through them: the statements the importer,
search and the desk's look-ups actually run are traced and their plans read back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core import people
from desktop.core.roster.importer import import_roster
from desktop.core.roster.search import exact_code, search
from desktop.store import migrations, open_store

KEYS = ("employee_code", "igot_user_id", "mobile")


def _index_entries(conn: sqlite3.Connection, name: str) -> int:
    return conn.execute(
        f"SELECT count(*) FROM participant INDEXED BY {name} WHERE {name[12:]} IS NOT NULL"
    ).fetchone()[0]


def _roster(path: Path) -> Path:
    path.write_text(
        "Name (English),Name (Hindi),Employee Code,Mobile\n"
        "Ramesh Kumar,रमेश कुमार,UPLKO0001,9876543210\n"
        "Sunita Verma,सुनीता वर्मा,,9876500000\n"
        "Anil Yadav,अनिल यादव,UPLKO0002,\n",
        encoding="utf-8",
    )
    return path


def test_key_indexes_are_partial_and_hold_only_present_keys(tmp_path):
    with open_store(tmp_path / "desk.db") as store:
        import_roster(store, _roster(tmp_path / "r.csv"))
        sql = {
            name: text
            for name, text in store.conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                "'participant'"
            )
        }
        for key in KEYS:
            assert sql[f"participant_{key}"].endswith(f"WHERE {key} IS NOT NULL")
        # the entries, read through each index itself
        assert _index_entries(store.conn, "participant_employee_code") == 2
        assert _index_entries(store.conn, "participant_mobile") == 2
        assert _index_entries(store.conn, "participant_igot_user_id") == 0


def test_every_key_lookup_the_desk_runs_uses_its_index(tmp_path):
    with open_store(tmp_path / "desk.db") as store:
        source = _roster(tmp_path / "r.csv")
        import_roster(store, source)
        traced: list[str] = []
        store.conn.set_trace_callback(traced.append)
        assert sorted(r["employee_code"] for r in search(store, "UPLKO")) == [
            "UPLKO0001", "UPLKO0002"]  # fmt: skip
        assert sorted(r["name_en"] for r in search(store, "98765")) == [
            "Ramesh Kumar", "Sunita Verma"]  # fmt: skip
        assert exact_code(store, "UPLKO0002")["name_en"] == "Anil Yadav"
        assert people.by_code(store, "uplko0001")["name_en"] == "Ramesh Kumar"
        assert people.by_mobile(store, "9876500000")["name_en"] == "Sunita Verma"
        result = import_roster(store, source)  # everyone matched by a key
        assert (result.created, result.unchanged) == (0, 3)
        store.conn.set_trace_callback(None)
        checked = 0
        for statement in traced:
            lowered = statement.lower()
            if not lowered.lstrip().startswith("select") or " from participant" not in lowered:
                continue
            where = lowered.split(" where ", 1)[1] if " where " in lowered else ""
            used = [key for key in KEYS if key in where]
            if not used:
                continue
            plan = " | ".join(
                row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {statement}")
            )
            assert any(f"index participant_{key}" in plan.lower() for key in used), (
                statement, plan)  # fmt: skip
            checked += 1
        assert checked >= 6  # search's ranges and exact code, by_code, by_mobile, matching


_FULL_INDEXES = """
DROP INDEX participant_employee_code;
DROP INDEX participant_igot_user_id;
DROP INDEX participant_mobile;
CREATE INDEX participant_employee_code ON participant(employee_code);
CREATE INDEX participant_igot_user_id ON participant(igot_user_id);
CREATE INDEX participant_mobile ON participant(mobile);
DELETE FROM _sqlite_migrations WHERE name = '0104_key_indexes_without_empty_keys';
"""


def test_an_older_database_gets_the_partial_indexes_with_its_people(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as store:
        import_roster(store, _roster(tmp_path / "r.csv"))
    conn = sqlite3.connect(path)
    conn.executescript(_FULL_INDEXES)
    assert _index_entries(conn, "participant_igot_user_id") == 0  # NULLs not counted...
    assert conn.execute(
        "SELECT count(*) FROM participant INDEXED BY participant_igot_user_id "
        "WHERE igot_user_id IS NULL"
    ).fetchone()[0] == 3  # ...but the full index holds an entry for each of them
    conn.close()
    with open_store(path) as store:
        assert "0104_key_indexes_without_empty_keys" in migrations.applied_names(store.db)
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 3
        assert people.by_code(store, "UPLKO0002")["name_en"] == "Anil Yadav"
        try:
            store.conn.execute(
                "SELECT count(*) FROM participant INDEXED BY participant_igot_user_id "
                "WHERE igot_user_id IS NULL"
            ).fetchone()
        except sqlite3.OperationalError as exc:  # a partial index cannot answer for NULLs
            assert "no query solution" in str(exc)
        else:
            raise AssertionError("the iGOT id index still holds the people without one")
