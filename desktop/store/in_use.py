"""Who has the database open: a shared lock per process, an exclusive one for a restore.

A restore replaces the database file (and the keys and files folders) under its path. Another
Karmayogi Desk process that has the file open — a second window, a command, the venue hub —
would go on writing into the replaced file, and its marks would be lost without a word. So
every process that opens a database holds a shared lock on a small sidecar file
(`<database>-inuse`) for as long as any of its stores is open, and a restore first converts that
to an exclusive lock: it fails at once, and the restore is refused, while any other process
holds the file.

The lock is the operating system's (portalocker: `flock` on Linux, `LockFileEx` on Windows), so
it goes with a process that dies: there is no stale lock to clean up after a crash. One lock
file handle per process and database, counted, because the GUI opens several connections (the
writer and its readers) and `flock` locks of two handles of one process would refuse each other.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import portalocker

from desktop.store.errors import DatabaseInUseError
from desktop.text.said import said

SUFFIX = "-inuse"
_TRIES = 15
_PAUSE = 0.02  # seconds between tries


@dataclass
class _Hold:
    handle: IO[bytes]
    count: int


_holds: dict[Path, _Hold] = {}
_mutex = threading.Lock()


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def _key(db_path: Path) -> Path:
    return Path(db_path).resolve()


def _open_hold(key: Path) -> _Hold | None:
    path = lock_path(key)
    # A few tries: another process's last store may be removing the file this very moment
    # (it holds it exclusively for that instant); a restore holds it for seconds.
    for _attempt in range(_TRIES):
        try:
            handle = path.open("ab")
        except OSError:  # a read-only folder: nothing can write the database there either
            return None
        try:
            portalocker.lock(handle, portalocker.LOCK_SH | portalocker.LOCK_NB)
        except portalocker.LockException:
            handle.close()
            time.sleep(_PAUSE)
            continue
        if _still_there(handle, path):
            return _Hold(handle, 0)
        handle.close()  # the last user removed the file meanwhile: lock the new one
    raise DatabaseInUseError(
        said(
            "{name} is busy with a restore or a large first import in another Karmayogi Desk "
            "right now. Open it again when that has finished; nothing was changed.",
            name=key.name,
        )
    )


def _still_there(handle: IO[bytes], path: Path) -> bool:
    """The locked handle is still the file at `path` (not one the last user just removed)."""
    try:
        return os.path.samestat(os.fstat(handle.fileno()), path.stat())
    except OSError:
        return False


def _let_go(key: Path, handle: IO[bytes]) -> None:
    """The last store of this process closed: remove the lock file if nobody else holds it,
    so no file is left beside the database; then let the lock go."""
    try:
        portalocker.lock(handle, portalocker.LOCK_EX | portalocker.LOCK_NB)
    except portalocker.LockException:
        pass  # another process has it open: it stays
    else:
        try:
            lock_path(key).unlink()
        except OSError:  # Windows does not remove an open file: it stays, harmlessly
            pass
    portalocker.unlock(handle)
    handle.close()


def hold(db_path: Path) -> Path | None:
    """Count one more open store of this process on `db_path` (taking the shared lock with
    the first). Returns the key to `release` with; None when no lock file can be made there."""
    key = _key(db_path)
    with _mutex:
        current = _holds.get(key)
        if current is None:
            current = _open_hold(key)
            if current is None:
                return None
            _holds[key] = current
        current.count += 1
    return key


def release(key: Path | None) -> None:
    """One store of this process on the database closed; the last one lets the lock go."""
    if key is None:
        return
    with _mutex:
        current = _holds.get(key)
        if current is None:
            return
        current.count -= 1
        if current.count <= 0:
            del _holds[key]
            _let_go(key, current.handle)


@contextmanager
def sole_use(db_path: Path) -> Iterator[None]:
    """Run the block only while no other process has `db_path` open (this process's own
    stores do not count: the caller closes them). Raises `DatabaseInUseError` at once
    otherwise; other processes cannot open the file until the block ends."""
    with sole_use_if_free(db_path) as sole:
        if not sole:
            raise DatabaseInUseError(
                said(
                    "{name} is open in another Karmayogi Desk right now (another window, a "
                    "command, or the venue hub on this computer). Close it there first, then "
                    "restore again. Nothing was changed.",
                    name=Path(db_path).name,
                )
            )
        yield


@contextmanager
def sole_use_if_free(db_path: Path) -> Iterator[bool]:
    """As `sole_use`, but yields False (and holds nothing extra) when another process has the
    file open: for work that has a faster way when alone and a normal way otherwise."""
    key = hold(db_path)
    if key is None:
        yield True
        return
    current = _holds[key]
    try:
        try:
            portalocker.lock(current.handle, portalocker.LOCK_EX | portalocker.LOCK_NB)
        except portalocker.LockException:
            # Linux drops the shared lock before trying the exclusive one: take it again.
            _share_again(current.handle)
            yield False
            return
        try:
            yield True
        finally:
            _share_again(current.handle)  # this process may still have stores open
    finally:
        release(key)


def _share_again(handle: IO[bytes]) -> None:
    try:
        portalocker.lock(handle, portalocker.LOCK_SH | portalocker.LOCK_NB)
    except portalocker.LockException:  # another restore took it in between: it holds it now
        pass
