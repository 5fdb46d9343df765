"""WAL checkpoints off the writer's path.

SQLite copies the WAL back into the database file when it passes 1,000 pages, inside the
commit that crossed the line, which then also waits for an fsync of the (large) database
file: 20–50 ms instead of about 1 ms, and at an attendance desk that was the p99 of a mark.
A thread with its own connection runs PASSIVE checkpoints (they never block writers or
readers) twice a second instead; the writer keeps a high auto-checkpoint as a backstop in
case the thread falls behind. Durability is unchanged: commits are still fsynced to the WAL."""

from __future__ import annotations

import atexit
import sqlite3
import threading
import weakref
from pathlib import Path

#: the writer's own checkpoint threshold while the thread runs (pages; ~40 MB of WAL)
BACKSTOP_PAGES = 10_000


_running: weakref.WeakSet[WalCheckpointer] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    """A store left open at exit: stop its thread before the interpreter tears down (a
    daemon thread inside SQLite during finalization can crash the process)."""
    for checkpointer in list(_running):
        checkpointer.stop()


class WalCheckpointer:
    """A daemon thread checkpointing `path` every `interval` seconds until `stop()`."""

    def __init__(self, path: Path, interval: float = 0.5) -> None:
        self.path = path
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)

    def start(self) -> None:
        _running.add(self)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join()
        _running.discard(self)

    def _run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=0)
        try:
            while not self._stop.wait(self.interval):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.OperationalError:
                    pass  # busy or locked right now: the next round catches up
        finally:
            conn.close()
