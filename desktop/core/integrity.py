"""Is the database file sound at start, and which backup to offer when it is not.

`PRAGMA quick_check` reads every page: on the 1,880,000-person database (1.5 GB) it took
24.6 s from a cold disk cache and 5.4 s warm on the reference machine — far beyond a 2 s
start. So it is bounded (see `check_before_start`):

- **before the window**, only when it matters or is cheap: the previous session did not end
  cleanly (a crash or a power cut — the moments a file gets damaged), or the file is small
  enough that the check costs well under a second (≤ 64 MiB);
- **otherwise after the window is up**, on its own thread and its own read-only connection,
  so the desk is usable at once and the single writer never waits for it.

Either way a damaged file leads to the same offer: the newest backup that looks sound."""

from __future__ import annotations

import os
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop.paths import files_dir

#: below this size the check runs before the window at every start (≈ 0.2 s per 64 MiB)
SMALL_DATABASE = 64 * 1024 * 1024
# ".tmp": backups skip it (maintenance._folder_entries), so a restore never brings one back
SESSION_MARKER = "session-open.tmp"
_SQLITE_HEADER = b"SQLite format 3\x00"
_ZIP_HEADER = b"PK\x03\x04"


def quick_check(path: Path | str, *, limit: int = 5) -> list[str]:
    """Problems SQLite's quick_check finds in the file (empty: sound); a file that is not a
    database at all is a problem too. Read-only: never changes the file."""
    path = Path(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = conn.execute(f"PRAGMA quick_check({int(limit)})").fetchall()
    except sqlite3.DatabaseError as exc:  # "file is not a database", "disk image is malformed"
        return [str(exc)]
    finally:
        conn.close()
    return [row[0] for row in rows if row[0] != "ok"]


# -- did the last session end cleanly? --------------------------------------------------------
def marker_path(db_path: Path | str) -> Path:
    return files_dir(db_path) / SESSION_MARKER


def ended_cleanly(db_path: Path | str) -> bool:
    """False when the marker of a session is still there (it crashed or lost power)."""
    return not marker_path(db_path).exists()


def session_started(db_path: Path | str) -> None:
    """Mark the session open (removed by `session_ended` on a clean exit)."""
    marker = marker_path(db_path)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(str(os.getpid()), encoding="utf-8")


def session_ended(db_path: Path | str) -> None:
    marker_path(db_path).unlink(missing_ok=True)


def check_before_start(db_path: Path | str) -> bool:
    """Whether to run the check before the window (True) or after it, in the background."""
    path = Path(db_path)
    if not path.is_file() or not _is_sqlite(path):
        # a new database: nothing to check; not an SQLite file at all (a wrong file chosen):
        # opening it says so ("not a Karmayogi Desk database"), nothing to restore over it
        return False
    return not ended_cleanly(path) or path.stat().st_size <= SMALL_DATABASE


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == _SQLITE_HEADER
    except OSError:
        return False


# -- backups to offer -------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    path: Path
    full: bool  # a .kdbackup (database, keys and files) rather than the database alone
    mtime: float


def backups_of(db_path: Path | str) -> list[Candidate]:
    """Backups beside the database, newest first: full backups (`<name>-backup-….kdbackup`,
    also the safety copies a restore makes), database copies (`<name>-backup-….db`) and the
    copies made before each migration (`<name>.db.pre-….bak`), and the automatic daily
    backups in `<name>-backups/` (desktop/core/backup_schedule.py)."""
    db_path = Path(db_path)
    folder = db_path.parent
    found: dict[Path, Candidate] = {}
    patterns = (
        (folder, f"{db_path.stem}-backup-*.kdbackup"),
        (folder, f"{db_path.stem}-backup-*.db"),
        (folder, f"{db_path.name}.pre-*.bak"),
        (folder / f"{db_path.stem}-backups", f"{db_path.stem}-auto-*.kdbackup"),
    )
    for where, pattern in patterns:
        for path in where.glob(pattern):
            if path.is_file():
                found[path] = Candidate(path, path.suffix == ".kdbackup", path.stat().st_mtime)
    return sorted(found.values(), key=lambda c: c.mtime, reverse=True)


def looks_sound(candidate: Candidate) -> bool:
    """A cheap first look (the restore itself checks everything before it changes anything):
    a full backup is a ZIP whose archive directory reads and holds a database, or an
    encrypted one whose header reads (its content is authenticated by the restore); a
    database copy starts with SQLite's header."""
    from desktop.core import backup_crypto

    try:
        with candidate.path.open("rb") as handle:
            head = handle.read(16)
        if candidate.full:
            if backup_crypto.is_encrypted(candidate.path):
                return backup_crypto.key_source(candidate.path) is not None
            if not head.startswith(_ZIP_HEADER):
                return False
            with zipfile.ZipFile(candidate.path) as archive:
                names = set(archive.namelist())
            return "manifest.json" in names and "database.db" in names
        return head == _SQLITE_HEADER
    except (OSError, zipfile.BadZipFile):
        return False


def newest_good_backup(db_path: Path | str) -> Candidate | None:
    """The newest backup beside the database that passes `looks_sound`, or None."""
    for candidate in backups_of(db_path):
        if looks_sound(candidate):
            return candidate
    return None
