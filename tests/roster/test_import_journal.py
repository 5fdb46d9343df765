"""A big first import writes its pages once (rollback journal instead of WAL, store/bulk.py
`written_once_if_alone`) only while it has the database to itself, switches WAL back on, and
a kill in the middle still leaves the database exactly as before."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.core.roster import importer
from desktop.store import open_store
from tests.roster.test_roster_kill import _import_transaction_open, _snapshot
from tests.store.other_process import HOLDER, Other

ROOT = Path(__file__).resolve().parents[2]


def _write_roster(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("Name (English),Name (Hindi),Employee Code,Mobile,District\n")
        for i in range(rows):
            out.write(f"Person Number {i},व्यक्ति संख्या {i},K{i:07d},{6000000000 + i},Lucknow\n")


@pytest.fixture
def spy(monkeypatch):
    """What `written_once_if_alone` yielded for each import."""
    seen: list[bool] = []
    real = importer.written_once_if_alone

    @contextmanager
    def watched(store, wanted=True):
        with real(store, wanted) as switched:
            seen.append(switched)
            yield switched

    monkeypatch.setattr(importer, "written_once_if_alone", watched)
    return seen


def _mode(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def test_a_big_first_import_alone_writes_once_and_wal_comes_back(
    db_path, tmp_path, monkeypatch, spy
):
    monkeypatch.setattr(importer, "BIG_FILE", 1000)  # this small file counts as big
    source = tmp_path / "list.csv"
    _write_roster(source, 500)
    with open_store(db_path, create=False) as store:
        result = importer.import_roster(store, source, reader_process=False)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert spy == [True] and result.created == 500
    assert _mode(db_path) == "wal"
    assert not Path(f"{db_path}-journal").exists()


def test_with_another_process_on_the_file_the_import_stays_in_wal(
    db_path, tmp_path, monkeypatch, spy
):
    monkeypatch.setattr(importer, "BIG_FILE", 1000)
    source = tmp_path / "list.csv"
    _write_roster(source, 500)
    other = Other(HOLDER, db_path)  # e.g. the GUI open on the same file
    try:
        with open_store(db_path, create=False) as store:
            result = importer.import_roster(store, source, reader_process=False)
    finally:
        other.stop()
    assert spy == [False] and result.created == 500 and _mode(db_path) == "wal"


def test_a_reader_of_this_process_keeps_it_in_wal_too(db_path, tmp_path, monkeypatch, spy):
    monkeypatch.setattr(importer, "BIG_FILE", 1000)
    source = tmp_path / "list.csv"
    _write_roster(source, 500)
    with open_store(db_path, create=False) as store, store.reader() as reader:
        reader.conn.execute("SELECT count(*) FROM participant").fetchone()
        result = importer.import_roster(store, source, reader_process=False)
    assert spy == [False] and result.created == 500


def test_sigkill_in_a_big_first_import_leaves_the_database_as_before(db_path, tmp_path):
    before = _snapshot(db_path)
    big = tmp_path / "big.csv"
    _write_roster(big, 400_000)  # > importer.BIG_FILE, into an empty roster
    assert big.stat().st_size > importer.BIG_FILE
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", str(db_path), "roster", "import", str(big)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    journal = Path(f"{db_path}-journal")
    try:
        deadline = time.monotonic() + 60
        while not _import_transaction_open(db_path):
            assert proc.poll() is None, "the import finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(1.5)  # rows are going in, pages spilling into the database file
        assert proc.poll() is None, "the import finished before it could be killed"
        assert journal.exists(), "the import did not switch to a rollback journal"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    after = _snapshot(db_path)  # opening rolls the hot journal back
    assert after == before
    assert _mode(db_path) == "wal" and not journal.exists()
    with open_store(db_path, create=False) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
