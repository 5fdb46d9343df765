"""The tabs of the Sync page's lower half (in the form's order), and how their tables name a
record and size their columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTableWidget

# Tabs of the lower half, in the form's order.
REJECTED_TAB, HELD_TAB, TRUSTED_TAB, HISTORY_TAB = 0, 1, 2, 3


def _label(row: dict[str, Any], record_id: str) -> str:
    return str(row.get("name_en") or row.get("title_en") or row.get("number")
               or row.get("office") or record_id[:13])


def _fit_columns(table: QTableWidget) -> None:
    """Every column but the last as wide as its contents; the last takes the rest (long
    messages are cut short there, whole in the tooltip)."""
    for column in range(table.columnCount() - 1):
        table.resizeColumnToContents(column)
