"""A restore is refused while another process has the database open (store/in_use.py), with
real second processes: one that holds the file, one killed while holding it, one restoring."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core import maintenance
from desktop.store import DatabaseInUseError, open_store
from desktop.store.in_use import lock_path
from tests.store.other_process import HOLDER, RESTORER, ROOT, Other


def _names(db_path: Path) -> list[str]:
    with open_store(db_path, create=False) as store:
        return [r[0] for r in store.conn.execute("SELECT name_en FROM participant ORDER BY 1")]


@pytest.fixture
def backed_up(db_path, tmp_path):
    """The database with one person, a full backup of it, then a second person added."""
    with open_store(db_path) as store:
        store.insert("participant", {"name_en": "In The Backup"})
        backup = maintenance.backup(store, tmp_path / "b.kdbackup")
        store.insert("participant", {"name_en": "Added After"})
    return db_path, backup


def test_restore_is_refused_while_another_process_has_the_file_open(backed_up, tmp_path):
    db_path, backup = backed_up
    other = Other(HOLDER, db_path)
    try:
        with pytest.raises(DatabaseInUseError) as refused:
            maintenance.restore(backup, db_path)
        assert "open in another Karmayogi Desk" in str(refused.value)
        assert "Nothing was changed" in str(refused.value)
        assert _names(db_path) == ["Added After", "In The Backup"]  # untouched
        assert not list(tmp_path.glob("*pre-restore*"))  # not even the safety backup
    finally:
        other.stop()
    maintenance.restore(backup, db_path)  # the other one closed: now it goes
    assert _names(db_path) == ["In The Backup"]


def test_a_process_killed_while_holding_the_file_leaves_no_lock_behind(backed_up):
    db_path, backup = backed_up
    Other(HOLDER, db_path).kill()
    maintenance.restore(backup, db_path)
    assert _names(db_path) == ["In The Backup"]


def test_this_processes_own_stores_do_not_block_its_restore(backed_up):
    db_path, backup = backed_up
    reader = open_store(db_path, create=False)  # e.g. a page's reader left open
    try:
        maintenance.restore(backup, db_path)
    finally:
        reader.close()
    assert _names(db_path) == ["In The Backup"]


def test_opening_is_refused_while_another_process_restores(db_path):
    restoring = Other(RESTORER, db_path)
    try:
        with pytest.raises(DatabaseInUseError) as refused:
            open_store(db_path, create=False)
        assert "busy with a restore" in str(refused.value)
    finally:
        restoring.stop()
    open_store(db_path, create=False).close()  # and fine once it has finished


def test_no_lock_file_is_left_once_every_store_closed(db_path):
    first = open_store(db_path, create=False)
    second = first.reader()
    assert lock_path(db_path).exists()
    first.close()
    assert lock_path(db_path).exists()  # the reader still has it open
    second.close()
    second.close()  # closing twice does not count twice
    assert not lock_path(db_path).exists()


def test_the_cli_refuses_a_restore_with_exit_2(backed_up):
    db_path, backup = backed_up
    other = Other(HOLDER, db_path)
    try:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--db", str(db_path), "restore", str(backup)],
            capture_output=True, text=True, env=env, timeout=120,
        )
    finally:
        other.stop()
    assert done.returncode == 2, done.stderr
    assert "open in another Karmayogi Desk" in done.stderr
    assert _names(db_path) == ["Added After", "In The Backup"]
