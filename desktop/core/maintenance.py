"""Backup, restore and integrity check of the database file."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from desktop.store import Store, StoreError, open_store
from desktop.store.migrations import backup_to


def default_backup_path(db_path: Path) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return db_path.with_name(f"{db_path.stem}-backup-{stamp}.db")


def backup(store: Store, target: Path | None = None) -> Path:
    """An online backup: consistent even while the GUI has the database open."""
    if store.path is None and target is None:
        raise StoreError("An in-memory database needs a backup file name.")
    target = target or default_backup_path(store.path)  # type: ignore[arg-type]
    if target.exists():
        raise StoreError(f"{target} already exists; choose another name.")
    return backup_to(store.conn, target)


def check(store: Store) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks (empty: all good)."""
    problems = [row[0] for row in store.conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    for row in store.conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"foreign key: table {row[0]} rowid {row[1]} -> {row[2]}")
    return problems


def restore(source: Path, db_path: Path) -> Path | None:
    """Replace the database with `source`, after backing up the current file.

    The source is opened and checked first (readable, not from a newer version, integrity ok),
    so a bad backup never replaces a good database. Returns the safety backup's path."""
    if not source.exists():
        raise StoreError(f"{source} does not exist.")
    with open_store(source, create=False, migrate=False) as candidate:
        problems = check(candidate)
        if problems:
            raise StoreError(f"{source} fails its integrity check: {problems[0]}")
    safety: Path | None = None
    if db_path.exists():
        with open_store(db_path, create=False, migrate=False) as current:
            safety = backup(current, default_backup_path(db_path).with_suffix(".pre-restore.db"))
    tmp = db_path.with_name(db_path.name + ".restoring")
    src = sqlite3.connect(source)
    try:
        dest = sqlite3.connect(tmp)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    shutil.move(tmp, db_path)  # an atomic rename on the same filesystem
    with open_store(db_path, create=False) as restored:  # migrates a backup from an older version
        # Photos staged in the backup may have been saved since (the safety backup names
        # them): the restored database keeps every attachment file it finds.
        with restored.transaction():
            restored.conn.execute(
                "UPDATE attachment SET staged_at = NULL WHERE staged_at IS NOT NULL"
            )
    return safety
