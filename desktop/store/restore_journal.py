"""Finishing a restore that was interrupted (power cut, crash) while putting files in place.

A full restore first unpacks and checks everything into a staging folder beside the
database; only then does it write this journal (`<db file>.restore-journal`) listing the
moves that put the staged database, keys and files in place — each `live` path is first
moved aside to `old`, then `staged` is moved to `live`. Every step can be repeated, so
whoever finds a journal (the restore itself, or the next `open_store` of that database)
simply runs it again to the end: the result is always the restored state, never a mix of
old and new. The journal is removed last, after the staging and (unless kept) old folders.

Path-only on purpose: the store opens a database without knowing where features keep files.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from desktop.fileio import write_file_atomic

SUFFIX = ".restore-journal"


def journal_path(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + SUFFIX)


def write(db_path: Path | str, journal: dict[str, Any]) -> Path:
    """Write the journal durably (temporary file, fsync, rename): the commit point."""
    path = journal_path(db_path)
    data = json.dumps(journal, ensure_ascii=False, indent=2).encode("utf-8")
    write_file_atomic(path, data, private=True)
    _sync_folder(path.parent)
    return path


def _sync_folder(folder: Path) -> None:
    """Make renames in `folder` durable where the OS allows (POSIX); best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _aside(path: Path) -> Path:
    """`path`, or the first free `path.N` (never overwrite something moved aside before)."""
    candidate, n = path, 1
    while _exists(candidate):
        candidate = path.with_name(f"{path.name}.{n}")
        n += 1
    return candidate


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def run(journal: dict[str, Any]) -> None:
    """Carry out (or finish) the moves, then clean up. Safe to call again after a crash."""
    for move in journal["moves"]:
        live = Path(move["live"])
        old = Path(move["old"])
        staged = Path(move["staged"]) if move.get("staged") else None
        if staged is not None and not _exists(staged):
            continue  # this step was done
        if _exists(live):
            old.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(live), str(_aside(old)))
        if staged is not None:
            live.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(staged), str(live))
    for folder in journal.get("remove", []):
        _remove(Path(folder))


def finish_pending(db_path: Path | str) -> bool:
    """Complete an interrupted restore of this database, if its journal is there."""
    path = journal_path(db_path)
    try:
        journal = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        return False  # unreadable: leave everything as it is for a person to look at
    run(journal)
    _sync_folder(path.parent)
    path.unlink(missing_ok=True)
    return True
