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
