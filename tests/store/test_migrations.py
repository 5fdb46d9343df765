"""Migrations: fresh database, upgrade with backup, refusal of a newer file."""

from __future__ import annotations

import os
import sqlite3

import pytest

from desktop.store import (
    CorruptDatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    migrations,
    open_store,
)


def test_fresh_database_has_every_migration_recorded(tmp_path):
    path = tmp_path / "a.db"
    with open_store(path) as store:
        assert migrations.applied_names(store.db) == migrations.known_names()
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("SELECT count(*) FROM district").fetchone()[0] == 75
        assert store.last_backup is None  # nothing to protect in a new file


def test_upgrade_backs_up_first_and_applies_pending(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    with open_store(path) as store:
        store.insert("participant", {"name_en": "Sita Devi"})
    # Pretend the file predates the newest migration: forget that it was applied.
    newest = migrations.known_names()[-1]
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", (newest,))
    conn.commit()
    conn.close()
    ran = []
    original = migrations.MIGRATIONS._migrations[-1]
    monkeypatch.setattr(original, "fn", lambda db: ran.append(newest))
    with open_store(path) as store:
        assert ran == [newest]
        assert store.last_backup is not None and store.last_backup.exists()
        assert newest in migrations.applied_names(store.db)
    backup = sqlite3.connect(store.last_backup)
    assert backup.execute("SELECT name_en FROM participant").fetchone()[0] == "Sita Devi"
    backup.close()


def test_failed_migration_rolls_back_whole(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    open_store(path).close()
    newest = migrations.known_names()[-1]
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", (newest,))
    conn.commit()
    conn.close()

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(migrations.MIGRATIONS._migrations[-1], "fn", broken)
    with pytest.raises(RuntimeError):
        open_store(path)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "half_done" not in tables


def test_newer_database_is_refused_untouched(tmp_path):
    path = tmp_path / "a.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES (?, ?, ?)",
        (migrations.MIGRATION_SET, "9999_from_the_future", "2030-01-01"),
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_store(path)
    assert path.read_bytes() == before


def test_corrupt_file_is_refused(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(CorruptDatabaseError):
        open_store(path)
    assert path.read_bytes() == b"this is not a database at all" * 100


def test_read_only_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "ro.db"
    open_store(path).close()
    before = path.read_bytes()
    path.chmod(0o444)
    # CI runs as root, for whom permission bits do not bind; os.access answers as an ordinary
    # user's session would, which is what the check consults.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    try:
        with pytest.raises(ReadOnlyDatabaseError, match="cannot be written"):
            open_store(path)
    finally:
        path.chmod(0o644)
    assert path.read_bytes() == before


def test_cli_says_before_a_long_upgrade(tmp_path, cli):
    path = tmp_path / "a.db"
    open_store(path).close()
    code, _, err = cli("--db", path, "check")
    assert code == 0 and "Updating" not in err
    newest = "0202_one_change_log_record_index"  # safe to run again (DROP INDEX IF EXISTS)
    assert newest in migrations.known_names()
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", (newest,))
    conn.commit()
    conn.close()
    from desktop.store import pending_migrations

    assert pending_migrations(path) == [newest]
    code, _, err = cli("--db", path, "check")
    assert code == 0 and "Updating" in err and "backup" in err
    assert pending_migrations(path) == []


def test_only_the_newest_pre_migration_backups_are_kept(tmp_path):
    path = tmp_path / "a.db"
    open_store(path).close()
    olds = []
    for n in range(4):
        old = tmp_path / f"a.db.pre-0001_x-2026010{n}T000000Z.bak"
        old.write_bytes(b"old")
        os.utime(old, (1_700_000_000 + n, 1_700_000_000 + n))
        olds.append(old)
    mine = tmp_path / "a.db.manual-backup.db"  # made with `backup`: never touched
    mine.write_bytes(b"mine")
    other = tmp_path / "b.db.pre-0001_x-20260101T000000Z.bak"  # another database's
    other.write_bytes(b"other")
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0202_one_change_log_record_index'")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        made = store.last_backup
    kept = sorted(tmp_path.glob("a.db.pre-*.bak"))
    assert made in kept and olds[3] in kept and len(kept) == migrations.KEEP_MIGRATION_BACKUPS
    assert not any(old.exists() for old in olds[:3])
    assert mine.exists() and other.exists()
