"""Automatic daily backups: when one is due, where they go, and which old ones go away.

A desk that dies at 4 pm must not lose the day's attendance, and a trainer will not remember
to back up. So the app makes a full, encrypted backup (`maintenance.automatic_backup`, key in
the OS keyring) at start and then once a day while it stays open, into `<stem>-backups/`
beside the database and, if one is chosen, also into a second folder (a USB stick). Each
folder keeps the last N days (setting, default 14).

Rotation deletes only what is surely ours: a file named `<stem>-auto-<UTC stamp>.kdbackup`
whose manifest reads, older than N days, and never the newest good one — a stick shared with
other files, or a folder holding hand-made backups, loses nothing else. The clock is passed
in, so tests decide what "today" is. No Qt here; the GUI schedules `run_if_due`."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from desktop.core import maintenance
from desktop.core.users import Permission, require
from desktop.store import Store, StoreError
from desktop.text.said import said

KEEP_DAYS_META = "backup.keep_days"
SECOND_FOLDER_META = "backup.second_folder"
DEFAULT_KEEP_DAYS = 14
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class FoundBackup:
    path: Path
    made_at: datetime  # UTC, from the name


@dataclass
class AutomaticRun:
    """What one automatic run did, for the status bar and the log."""

    made: Path | None = None
    copied_to: Path | None = None
    #: the second folder was chosen but is not there (a USB stick not plugged in)
    second_missing: Path | None = None
    removed: list[Path] = field(default_factory=list)


def keep_days(store: Store) -> int:
    value = store.meta_get(KEEP_DAYS_META)
    return int(value) if value and value.isdigit() and int(value) > 0 else DEFAULT_KEEP_DAYS


def set_keep_days(store: Store, days: int) -> None:
    require(store, Permission.SETTINGS)
    if not 1 <= int(days) <= 365:
        raise StoreError(said(
                "Keep backups for {days!r} days: use a whole number from 1 to 365.",
                days=days,
            ))
    with store.transaction():
        store.meta_set(KEEP_DAYS_META, str(int(days)))


def second_folder(store: Store) -> Path | None:
    value = store.meta_get(SECOND_FOLDER_META)
    return Path(value) if value else None


def set_second_folder(store: Store, folder: Path | None) -> None:
    """Choose (or with None clear) the second folder; it must exist when chosen."""
    require(store, Permission.SETTINGS)
    if folder is not None and not Path(folder).is_dir():
        raise StoreError(said("Second backup folder {folder}: no such folder.", folder=folder))
    with store.transaction():
        store.meta_set(SECOND_FOLDER_META, str(folder) if folder is not None else "")


def backup_folder(db_path: Path) -> Path:
    """Where automatic backups of this database go first."""
    return db_path.with_name(f"{db_path.stem}-backups")


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(db_path.stem)}-auto-(\d{{8}}T\d{{6}}Z)\.kdbackup$")


def found(folder: Path, db_path: Path) -> list[FoundBackup]:
    """This database's automatic backups in `folder`, oldest first (by the name's stamp)."""
    if not folder.is_dir():
        return []
    pattern, out = _pattern(db_path), []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match and path.is_file():
            made = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=timezone.utc)
            out.append(FoundBackup(path, made))
    return sorted(out, key=lambda b: b.made_at)


def last_backup(db_path: Path) -> datetime | None:
    """When the newest automatic backup of this database was made (UTC), if any."""
    backups = found(backup_folder(db_path), db_path)
    return backups[-1].made_at if backups else None


def is_due(db_path: Path, now: datetime) -> bool:
    """No automatic backup made yet on `now`'s local day."""
    last = last_backup(db_path)
    return last is None or last.astimezone(now.tzinfo).date() < now.date()


def _readable(path: Path) -> bool:
    try:
        maintenance.read_manifest(path)
    except StoreError:
        return False
    return True


def rotate(folder: Path, db_path: Path, days: int, now: datetime) -> list[Path]:
    """Delete this database's automatic backups in `folder` older than `days` days; never
    the newest readable one, never a file not named and shaped as ours. Returns those gone."""
    backups = [b for b in found(folder, db_path) if _readable(b.path)]
    if not backups:
        return []
    cutoff = now.astimezone(timezone.utc) - timedelta(days=days)
    removed = []
    for backup in backups[:-1]:  # the newest good one stays whatever its age
        if backup.made_at < cutoff:
            backup.path.unlink()
            removed.append(backup.path)
    return removed


def run_now(store: Store, now: datetime) -> AutomaticRun:
    """Make today's automatic backup, copy it to the second folder, rotate both."""
    if store.path is None:
        raise StoreError("An in-memory database has no automatic backups.")
    db_path = Path(store.path)
    folder = backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    stamp = now.astimezone(timezone.utc).strftime(_STAMP)
    target = folder / f"{db_path.stem}-auto-{stamp}.kdbackup"
    result = AutomaticRun(made=maintenance.automatic_backup(store, target).path)
    days = keep_days(store)
    second = second_folder(store)
    if second is not None:
        if second.is_dir():
            copy = second / target.name
            partial = copy.with_name(copy.name + ".part")
            shutil.copyfile(target, partial)  # a pulled stick leaves only a .part behind
            partial.replace(copy)
            result.copied_to = copy
            result.removed += rotate(second, db_path, days, now)
        else:
            result.second_missing = second
    result.removed += rotate(folder, db_path, days, now)
    return result


def run_if_due(store: Store, now: datetime) -> AutomaticRun | None:
    """`run_now` when no automatic backup was made today; None otherwise."""
    if store.path is None or not is_due(Path(store.path), now):
        return None
    return run_now(store, now)
