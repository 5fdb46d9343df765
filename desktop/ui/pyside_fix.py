"""Work around a PySide6 6.12.0 reference-count bug that aborts the process on Python < 3.12.

In PySide6 6.12.0 every call from Python into Qt that returns "nothing" — `QComboBox.
currentData()` on an empty combo, `QTableWidget.item()` / `cellWidget()` of an empty cell,
`QObject.property()` of an unset name, `QModelIndex.data()` of an empty role — gives back
`None` without taking a reference to it. Each such call lowers None's reference count by
one; after some tens of thousands the count reaches zero and CPython aborts with
"Fatal Python error: none_dealloc" at some unrelated line (seen here in the GUI tests).

PySide6-Essentials 6.11.3 does not have the bug and pyproject excludes 6.12.0; this guard
stays for machines where 6.12.0 is already installed. Python 3.12 made None immortal, so the bug is harmless there. On older CPythons we do the
same by hand: None's reference count is raised far beyond any number of leaks a session can
make (it is never freed anyway). Only the count field of the None object is touched."""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def make_none_immortal() -> bool:
    """Raise the reference counts of None, True and False once per process (void calls leak
    None; bool-returning calls were seen to leak the booleans the same way); True if done."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field
        if count.value < _HEADROOM:
            count.value += _HEADROOM
    return True


make_none_immortal()
