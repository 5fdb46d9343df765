"""Writing files the one safe way: whole or not at all (`write_file_atomic`, `AtomicFile`),
private when they hold secrets, and never into a folder nobody made (`require_folder`)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def _new_temp(path: Path, private: bool) -> tuple[int, Path]:
    """A new, unique temporary file beside `path` (open for writing): 0600 from the first
    byte when `private`, else the usual mode for new files. Its name starts with a dot and
    ends in `.part`, which the clean-ups (maintenance, attachments) recognise as a crash's
    leftover."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
        try:
            return os.open(tmp, flags, 0o600 if private else 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def _fsync_path(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def write_file_atomic(path: Path | str, data: bytes, *, private: bool = False,
                      fsync: bool = True) -> None:
    """Replace `path` with `data` in one rename: readers see the old file or the new one,
    never half of it, and a crash leaves no half file under the final name.

    `private`: mode 0600 from the first byte (keys, tokens, the restore journal), so there is
    never a moment others can read it. `fsync=False` only when the caller makes a whole batch
    durable at once (certificate PDFs: one `os.sync()` per chunk)."""
    path = Path(path)
    fd, tmp = _new_temp(path, private)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if fsync:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class AtomicFile:
    """For writers that need a path of their own (a ZIP, SQLite's backup, a spreadsheet, a
    CSV written row by row): `tmp` is an empty file beside `path` that `commit` fsyncs and
    renames onto `path`; `abort` removes it. As a context manager it gives `tmp`, commits on
    success and aborts on any exception."""

    def __init__(self, path: Path | str, *, private: bool = False, fsync: bool = True) -> None:
        self.path = Path(path)
        self.private, self.fsync = private, fsync
        fd, self.tmp = _new_temp(self.path, private)
        os.close(fd)

    def commit(self) -> None:
        if self.fsync:
            _fsync_path(self.tmp)
        if self.private:
            try:  # the writer may have replaced the file (and its mode)
                os.chmod(self.tmp, 0o600)
            except OSError:  # a filesystem without modes (e.g. a FAT USB stick)
                pass
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        """Remove the temporary file (nothing after a commit)."""
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> Path:
        return self.tmp

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            try:
                self.commit()
            except BaseException:
                self.abort()
                raise
        else:
            self.abort()


class MissingFolder(FileNotFoundError):
    """A file was to be written into a folder that does not exist. Folders a person named are
    never created behind their back: a mistyped USB path would otherwise put a backup or a
    report on the laptop's own disk, where nobody looks for it."""

    def __init__(self, folder: Path, target: Path | None = None) -> None:
        self.folder = Path(folder)
        self.target = target
        what = f"{target.name} cannot be written there" if target else "nothing can be put there"
        super().__init__(
            f"The folder {self.folder} does not exist, so {what}. Check the path (is the USB "
            "stick plugged in?) or create the folder first. Nothing was written."
        )

    def __str__(self) -> str:  # FileNotFoundError would prefix an errno
        return self.args[0]


def require_folder(target: Path | str) -> Path:
    """`target` (a file to write) as a Path, if its folder exists; else MissingFolder."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise MissingFolder(_first_missing(folder), target)
    return target


def make_named_folder(folder: Path | str) -> Path:
    """Create `folder` itself when its parent exists (as `mkdir` does, never `mkdir -p`):
    an output folder a person names on purpose is made, a mistyped path above it is not."""
    folder = Path(folder)
    if folder.is_dir():
        return folder
    if not folder.parent.is_dir():
        raise MissingFolder(_first_missing(folder.parent))
    folder.mkdir()
    return folder


def _first_missing(folder: Path) -> Path:
    """The outermost folder of `folder` that is missing (what the person mistyped)."""
    folder = folder.absolute()
    missing = folder
    for parent in folder.parents:
        if parent.is_dir():
            break
        missing = parent
    return missing
