"""Work-around for a reference-counting bug seen with PySide6-Essentials 6.12.0 on CPython 3.11:
every call of a void Qt method from Python (`label.setText`, `timer.start`, a C++ signal
delivered to a Python slot, `QTest.keyClick`) drops one reference to `None` that it never
took. After a few thousand such calls `None`'s count reaches zero and the interpreter aborts
("Fatal Python error: none_dealloc"); a busy attendance desk would crash within minutes.

`install()` adds a large reserve to `None`'s reference count and tops it up on a timer, so the
count never approaches zero. The reserve is added to the count directly (CPython keeps it in
the object's first word) rather than held in a list, because a list would be freed at exit and
the interpreter would still abort while finalising. Harmless where the bug is absent (CPython ≥ 3.12 has an immortal
`None`, and a fixed PySide6 simply never uses the reserve). PySide6-Essentials 6.11.3 was
checked here and does not have the bug: pinning `!=6.12.0` is the real fix. Call it once from the GUI start-up;
pages call it too, idempotently."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QCoreApplication, QTimer

_FLOOR = 1_000_000  # top up when None's count falls below this
_CHUNK = 2_000_000
_timer: QTimer | None = None


def top_up() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return  # None is immortal there
    for singleton in (None, True, False):
        if sys.getrefcount(singleton) < _FLOOR:
            ctypes.c_ssize_t.from_address(id(singleton)).value += _CHUNK


def install() -> None:
    """Top up now and every 500 ms (the bug costs ~40 references per desk scan, so even a
    scanner at full speed uses a tiny fraction of the reserve between two checks)."""
    global _timer
    top_up()
    app = QCoreApplication.instance()
    if _timer is not None or app is None:
        return
    _timer = QTimer(app)
    _timer.setInterval(500)
    _timer.timeout.connect(top_up)
    _timer.start()
