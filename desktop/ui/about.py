"""The About box's build line: which version, built when (or from source)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.buildinfo import build_date
from desktop.core.dates import format_date

translate = QCoreApplication.translate


def build_line() -> str:
    """ "Built on 06-12-2026", or that this is running from source (no bundle)."""
    built = build_date()
    if built is None:
        return translate("Ship", "Running from the source code (not an installed build).")
    return translate("Ship", "Built on %1").replace("%1", format_date(built) or built)
