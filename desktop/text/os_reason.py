"""Why a file could not be opened, in words another language can say again: the operating
system's reason (`strerror`) is English, and the usual ones are said (desktop/text/said.py)
with exactly the same English, so the CLI prints what it always printed."""

from __future__ import annotations

from desktop.text.said import said


def os_reason(exc: OSError) -> str:
    """`exc.strerror` (or the whole error), said when it is one of the usual reasons."""
    text = exc.strerror or str(exc)
    if text == "No such file or directory":
        return said("No such file or directory")
    if text == "Permission denied":
        return said("Permission denied")
    if text == "Is a directory":
        return said("Is a directory")
    return text
