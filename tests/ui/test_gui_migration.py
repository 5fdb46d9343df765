"""Opening a database that needs migrating: the work runs on a worker thread behind a
progress dialog (minutes for a big roster), then the window opens on the migrated file."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from PySide6.QtCore import QTimer

from desktop.store import NewerDatabaseError, migrations, open_store
from desktop.ui import app as app_module


def _forget_newest_migration(path):
    newest = migrations.known_names()[-1]
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", (newest,))
    conn.commit()
    conn.close()
    return newest


def test_pending_migration_runs_off_the_gui_thread_with_a_dialog(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "desk.db"
    with open_store(path) as store:
        store.insert("participant", {"name_en": "Sita Devi"})
    newest = _forget_newest_migration(path)
    ran_on: list[str] = []

    def slow_migration(db):
        ran_on.append(threading.current_thread().name)
        time.sleep(0.3)

    monkeypatch.setattr(migrations.MIGRATIONS._migrations[-1], "fn", slow_migration)
    shown: list[str] = []

    class Recording(app_module.QProgressDialog):
        def show(self):
            shown.append(self.labelText())
            super().show()

    monkeypatch.setattr(app_module, "QProgressDialog", Recording)
    ticks: list[float] = []
    beat = QTimer()
    beat.timeout.connect(lambda: ticks.append(time.monotonic()))
    beat.start(20)
    store = app_module.open_database(path)
    beat.stop()
    try:
        assert ran_on == ["migrate-database"]
        assert shown and "backup" in shown[0]
        assert len(ticks) >= 5  # the event loop kept running while it migrated
        assert newest in migrations.applied_names(store.db)
        assert store.last_backup is None  # this open found nothing left to do
        assert list(tmp_path.glob("desk.db.pre-*.bak")), "no backup was made before migrating"
        assert store.conn.execute("SELECT name_en FROM participant").fetchone()[0] == "Sita Devi"
    finally:
        store.close()


def test_up_to_date_database_opens_without_a_dialog(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "desk.db"
    open_store(path).close()
    monkeypatch.setattr(app_module, "QProgressDialog", None)  # would fail if used
    store = app_module.open_database(path)
    store.close()


def test_a_newer_database_is_still_refused_untouched(qtbot, tmp_path):
    path = tmp_path / "desk.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('karmayogi-desk', '9999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError):
        app_module.open_database(path)
    assert path.read_bytes() == before


def test_the_gui_checkpoints_in_the_background(qtbot, tmp_path):
    import threading

    from desktop.core.setup import set_up_centre
    from desktop.ui.tasks import SyncRunner

    path = tmp_path / "desk.db"
    with open_store(path) as store:
        set_up_centre(store, "UPAAM", "Academy")  # else start() asks for the centre first
    window = app_module.start(path, runner=SyncRunner(), language="en")
    qtbot.addWidget(window)
    try:
        assert [t for t in threading.enumerate() if t.name == "wal-checkpoint"]
        assert window.ctx.store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] > 1000
    finally:
        window.close()
        window.ctx.store.close()
    assert not [t for t in threading.enumerate() if t.name == "wal-checkpoint"]
