"""Where a new desk keeps its data: checking a folder the first-run wizard is offered, and
starting the (still empty) database over there instead of in the default place.

Only a database this start has just created may move: it holds nothing yet, so the file made
in the default folder is removed and the new one is opened in the chosen folder, and that
choice is remembered (desktop.paths.remember_db_path) for later starts without `--db`."""

from __future__ import annotations

import os
import tempfile
from enum import Enum
from pathlib import Path

from desktop.paths import DB_ENV_VAR, DB_FILE_NAME, files_dir, remember_db_path
from desktop.store import Store, StoreError, open_store


class FolderProblem(Enum):
    """Why a folder cannot take the database (the GUI says each in words)."""

    MISSING = "missing"
    NOT_A_FOLDER = "not_a_folder"
    NOT_WRITABLE = "not_writable"
    HAS_DATABASE = "has_database"


def folder_problem(folder: Path) -> FolderProblem | None:
    """None when a new database can be made in `folder`; else what is wrong. Writing is
    tried for real (a file made and removed): permissions alone say yes to root and on
    some network drives."""
    if not folder.exists():
        return FolderProblem.MISSING
    if not folder.is_dir():
        return FolderProblem.NOT_A_FOLDER
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".karmayogi-desk-probe-"):
            pass
    except OSError:
        return FolderProblem.NOT_WRITABLE
    if (folder / DB_FILE_NAME).exists():
        return FolderProblem.HAS_DATABASE
    return None


def move_new_database(store: Store, folder: Path) -> Store:
    """Open a new database in `folder` in place of `store`, a database this start created
    and nothing was written to, then remove that one's files and remember the new place.
    On a problem the old store stays open and nothing is removed or remembered."""
    old = store.path
    if old is None:
        raise StoreError("A database in memory has no folder to move.")
    problem = folder_problem(folder)
    if problem is not None:
        raise StoreError(f"{folder}: {problem.value.replace('_', ' ')}")
    target = folder / DB_FILE_NAME
    moved = open_store(target, create=True)
    store.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{old}{suffix}").unlink(missing_ok=True)
    beside = files_dir(old)
    if beside.is_dir() and not any(beside.rglob("*")):
        beside.rmdir()
    remember_db_path(target)
    return moved


def can_choose_folder(db_path: Path | None, *, existed: bool, explicit: bool) -> bool:
    """The wizard may offer another folder only for a database file this start created and
    that nobody named (`--db` and KARMAYOGI_DESK_DB win: they are a choice already)."""
    return db_path is not None and not existed and not explicit and not os.environ.get(
        DB_ENV_VAR)
