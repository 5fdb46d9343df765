"""A process killed in the middle of an import leaves the database exactly as before."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from desktop.store import open_store

ROOT = Path(__file__).resolve().parents[2]
FILES = Path(__file__).parent / "files"


def _snapshot(db_path: Path) -> dict:
    with open_store(db_path, create=False) as s:
        c = s.conn
        return {
            "participants": c.execute(
                "SELECT id, updated_at FROM participant ORDER BY seq"
            ).fetchall(),
            "log": c.execute("SELECT count(*) FROM change_log").fetchone()[0],
            "schema": c.execute(
                "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
            ).fetchall(),
        }


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc: field 4 of /proc/N/stat)."""
    found: list[int] = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(") ", 1)[-1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(") ")[-1][:1] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def _import_transaction_open(db_path: Path) -> bool:
    conn = sqlite3.connect(db_path, timeout=0)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def test_sigkill_mid_import_leaves_database_as_before(db_path, tmp_path, cli):
    assert cli("--db", db_path, "roster", "import", FILES / "utf8_bom.csv")[0] == 0
    before = _snapshot(db_path)
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as out:
        out.write("Name (English),Name (Hindi),Employee Code,Mobile,District\n")
        for i in range(300_000):
            out.write(f"Person {i},व्यक्ति {i},K{i:07d},{6000000000 + i},Lucknow\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", str(db_path), "roster", "import", str(big)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not _import_transaction_open(db_path):
            assert proc.poll() is None, "the import finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(1.0)  # well inside the import: rows are being written
        assert proc.poll() is None, "the import finished before it could be killed"
        readers = _children(proc.pid)  # a file this big is read by a second process
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert readers, "the import did not use a reader process"
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in readers):  # orphaned, it notices the closed pipe and ends
        assert time.monotonic() < deadline, "the reader process outlived the killed import"
        time.sleep(0.1)
    after = _snapshot(db_path)
    assert after == before
    with open_store(db_path, create=False) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        s.conn.execute("INSERT INTO participant_fts(participant_fts) VALUES ('integrity-check')")
        hits = s.conn.execute(
            "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH 'ramesh'"
        ).fetchone()[0]
        assert hits == 1
