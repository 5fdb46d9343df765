"""PySide6 6.12.0 leaks references to None; importing desktop.ui must make that harmless."""

from __future__ import annotations

import subprocess
import sys

_SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import desktop.ui  # applies the fix
from PySide6.QtWidgets import QApplication, QComboBox, QTableWidget
app = QApplication([])
combo, table = QComboBox(), QTableWidget(1, 1)
for _ in range(150_000):
    combo.currentData()      # None from an empty combo
    table.cellWidget(0, 0)   # None from an empty cell
print("alive")
"""


def test_many_none_returning_qt_calls_do_not_abort():
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120, cwd="."
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
