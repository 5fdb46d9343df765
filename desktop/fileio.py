"""Writing small private files (keys, tokens, the restore journal) the one safe way."""

from __future__ import annotations

import os
from pathlib import Path


def write_private_file(path: Path, data: bytes) -> None:
    """Replace `path` atomically with `data`, mode 0600 from the first byte and fsynced, so
    there is never a moment others can read it nor a half-written file after a crash."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # also when the .tmp was left over with other modes
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


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
