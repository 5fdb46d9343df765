"""Background WAL checkpoints: commits stay in the WAL until the thread copies them back,
the writer's own threshold is a high backstop, and closing the store stops the thread."""

from __future__ import annotations

import threading
import time

from desktop.store import open_store
from desktop.store.checkpoint import BACKSTOP_PAGES


def _write_pages(store, rows=400):
    with store.transaction():
        for i in range(rows):
            store.insert("participant", {"name_en": f"Person {i}", "designation": "x" * 300})


def _checkpointers():
    return [t for t in threading.enumerate() if t.name == "wal-checkpoint"]


def test_commits_are_checkpointed_by_the_thread_not_the_writer(tmp_path):
    path = tmp_path / "desk.db"
    store = open_store(path)
    try:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.checkpoint_in_background(interval=0.05)
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == BACKSTOP_PAGES
        size = path.stat().st_size
        _write_pages(store)
        wal = path.with_name(path.name + "-wal")
        assert wal.stat().st_size > 0
        deadline = time.monotonic() + 5
        while path.stat().st_size == size:  # only a checkpoint grows the main file
            assert time.monotonic() < deadline, "the background thread never checkpointed"
            time.sleep(0.02)
        assert store.conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 400
    finally:
        store.close()
    assert _checkpointers() == []


def test_without_the_thread_small_commits_stay_in_the_wal(tmp_path):
    """The control for the test above: the main file does not grow by itself."""
    path = tmp_path / "desk.db"
    store = open_store(path)
    try:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
        size = path.stat().st_size
        _write_pages(store)
        time.sleep(0.3)
        assert path.stat().st_size == size
    finally:
        store.close()


def test_in_memory_store_and_second_call_start_nothing():
    store = open_store(None)
    store.checkpoint_in_background()
    assert _checkpointers() == []
    store.close()
