"""A bundle or receipt file that is damaged: a pulled USB stick, a copy cut short, a flipped
byte. Such a file is refused as a whole, before anything is written, with a message that names
the damaged part in plain words (the GUI says the same in Hindi from `part` and `reason`).

`reason` is one of `PROBLEMS`' keys, so callers and translations do not parse English text."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

PROBLEMS = {
    "checksum": "cannot be read (bad checksum)",
    "compressed": "cannot be read (its compressed data is broken)",
    "cut_short": "cannot be read (it ends too early)",
    "unreadable": "cannot be read",
    "not_json": "cannot be read (it is cut short or not valid JSON)",
    "not_bundle": "cannot be opened (it is cut short, damaged or not a bundle)",
    "missing": "is missing",
    "hash": "does not match the manifest (bad checksum)",
    "signature": "does not match its signature",
}


class DamagedFile(ValueError):
    """A damaged, truncated or unreadable part of a bundle or receipt; nothing was changed.
    `part`: the entry (e.g. ``batches/….json``) or field, None for the file as a whole."""

    what = "file"

    def __init__(self, path: Path | str, part: str | None, reason: str) -> None:
        self.path = str(path)
        self.part = part
        self.reason = reason
        where = f"its part {part}" if part else "the file"
        super().__init__(
            f"The {self.what} {Path(path).name} is damaged: {where} {PROBLEMS[reason]}. "
            "Copy it again from the other desk; nothing was changed."
        )


def zip_reason(exc: BaseException) -> str:
    """What went wrong reading a ZIP entry, as a `PROBLEMS` key."""
    if isinstance(exc, zipfile.BadZipFile) and "CRC" in str(exc):
        return "checksum"
    if isinstance(exc, zlib.error):
        return "compressed"
    if isinstance(exc, EOFError):
        return "cut_short"
    return "unreadable"
