"""Checking a workbook's zip entries before parsing it.

An XLSX is a zip of XML. openpyxl reads the shared-strings table whole, even in read-only
mode, at about six times its unpacked size: a 307 KB file whose shared strings unpack to
300 MB took 22 s and 1.9 GB. The sizes an entry declares bound what Python's zipfile will
ever unpack from it, so checking them first is enough to refuse such a file at once."""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.text.said import said

MB = 1024 * 1024
#: Shared strings kept in memory: 64 MB unpacked is ~400 MB parsed, within an import's 500 MB.
MAX_SHARED_STRINGS = 64 * MB
#: All entries together: Excel's 1,048,576 rows of a roster's dozen columns are well under.
MAX_TOTAL = 1024 * MB
#: Spreadsheet XML compresses 5-30 times; an entry over 1 MB packed 200 times is no roster.
MAX_RATIO = 200
_RATIO_FLOOR = MB


def check_workbook_zip(path: Path) -> str | None:
    """A plain message when the workbook unpacks to more than a roster could, else None
    (also None when it is not a readable zip: the reader reports that in its own words)."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    total = sum(e.file_size for e in entries)
    biggest = max(entries, key=lambda e: e.file_size, default=None)
    if biggest is None:
        return None
    size = path.stat().st_size
    too_big = total > MAX_TOTAL
    for entry in entries:
        if entry.filename.lower().endswith("sharedstrings.xml"):
            too_big |= entry.file_size > MAX_SHARED_STRINGS
        if entry.file_size > _RATIO_FLOOR:
            too_big |= entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
    if not too_big:
        return None
    return said(
        "{name} ({size}) unpacks to {total} ({entry} alone is {entry_size}), far more than a "
        "roster holds: it was not opened. If it really is a roster, open it in Excel and save "
        "it as CSV UTF-8, then import that.",
        name=path.name, size=_size(size), total=_size(total), entry=biggest.filename,
        entry_size=_size(biggest.file_size),
    )


def _size(count: int) -> str:
    if count >= MB:
        return f"{count / MB:,.0f} MB"
    return f"{max(1, count // 1024):,} KB"
