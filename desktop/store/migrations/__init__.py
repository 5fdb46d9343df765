"""Named, transactional schema migrations, recorded in the database.

Each module `mNNNN_<name>.py` in this package defines `migrate(db)`; they apply in file-name
order, each in its own transaction together with the record of it (sqlite-utils Migrations).
Features add their own module with a number in their block (0100 roster, 0200 sync,
0300 attendance, 0400 field visits, 0500 certificates) so that work never collides.

Before migrating a database that already holds data, an online backup is written beside it.
A database that records a migration this version does not know was written by a newer
version and is refused untouched."""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop.store.errors import NewerDatabaseError

MIGRATION_SET = "karmayogi-desk"


def _discover() -> Migrations:
    migrations = Migrations(MIGRATION_SET)
    names = sorted(
        info.name for info in pkgutil.iter_modules(__path__) if info.name.startswith("m")
    )
    for module_name in names:
        module = importlib.import_module(f"{__name__}.{module_name}")
        migrations(name=module_name[1:])(module.migrate)
    return migrations


MIGRATIONS = _discover()


def known_names() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]


def applied_names(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


def check_not_newer(db: Database) -> None:
    unknown = [name for name in applied_names(db) if name not in set(known_names())]
    if unknown:
        raise NewerDatabaseError(
            "This database was written by a newer version of Karmayogi Desk "
            f"(it has schema changes {', '.join(unknown)} this version does not know). "
            "Install the newer version to open it; the file has not been changed."
        )


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """SQLite's online backup: a consistent copy even while the app holds the file open."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(
    db: Database, db_path: Path | None, announce: Callable[[list[str]], None] | None = None
) -> Path | None:
    """Apply pending migrations; returns the path of the backup made first, if any.
    `announce(names)` is called first when an existing file is to be upgraded (the backup
    and the migrations can take minutes on a big roster)."""
    check_not_newer(db)
    pending = MIGRATIONS.pending(db)
    if not pending:
        return None
    backup: Path | None = None
    if db_path is not None and db.table_names():
        if announce is not None:
            announce([m.name for m in pending])
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        backup = backup_to(
            db.conn, db_path.with_name(f"{db_path.name}.pre-{pending[0].name}-{stamp}.bak")
        )
    MIGRATIONS.apply(db)
    if db_path is not None and backup is not None:
        prune_migration_backups(db_path)
    return backup


#: pre-migration backups kept per database (each is a whole copy: 1.6 GB at 1.88M people)
KEEP_MIGRATION_BACKUPS = 2


def prune_migration_backups(db_path: Path, keep: int = KEEP_MIGRATION_BACKUPS) -> list[Path]:
    """Delete all but the newest `keep` automatic pre-migration backups of `db_path` (after a
    migration succeeded); backups the user made with `backup` are never touched."""
    made = sorted(
        db_path.parent.glob(f"{db_path.name}.pre-*.bak"),
        key=lambda path: (path.stat().st_mtime, path.name),
    )
    removed = made[:-keep] if keep > 0 else made
    for old in removed:
        old.unlink(missing_ok=True)
    return removed
