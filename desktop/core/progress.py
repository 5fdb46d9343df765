"""The one long-task contract of the core: how a long function reports and is stopped.

Every core function that may take long takes `progress: Progress | None = None` and, when it
can stop half-way, `cancelled: Cancelled | None = None` (always spelled so). The CLI prints
`progress`, the GUI forwards it to a progress dialog; `cancelled()` is asked between steps and
a True answer makes the function undo its work and raise (or return) as it documents.
"""

from __future__ import annotations

from collections.abc import Callable

#: progress(done, total, what): `total` is 0 when unknown; `what` is a short English text
#: (the CLI prints it; the GUI shows its own translated words and may ignore it).
Progress = Callable[[int, int, str], None]

#: cancelled() -> True when the user asked to stop.
Cancelled = Callable[[], bool]

__all__ = ["Cancelled", "Progress"]
