"""Keep the PySide6 6.12 refcount bug (see desktop/ui/refguard.py) from aborting the test
process: `QTest.keyClick` and every void Qt call drop a reference to None they never took."""

from __future__ import annotations

import pytest

from desktop.ui import refguard


@pytest.fixture(autouse=True)
def _none_reserve():
    refguard.top_up()
    yield
    refguard.top_up()
