"""The Portal updates not applied tab: updates from the portal that clash with this desk's
data, each with its reason in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTableWidgetItem

from desktop.core.sync import engine as sync_engine
from desktop.ui.sync.tables import HELD_TAB, _fit_columns, _label
from desktop.ui.sync.words import KIND_NAMES, tr

# Why a pulled update is held here (`engine.held_reason`), for a clerk; {0} is the value.
HELD_REASONS = {
    "duplicate_number": QT_TRANSLATE_NOOP(
        "SyncPage", "Another certificate here already has number {0}."),
    "duplicate_attendance": QT_TRANSLATE_NOOP(
        "SyncPage", "This participant's attendance at this session is already recorded here."),
    "duplicate": QT_TRANSLATE_NOOP(
        "SyncPage", "Another record here already has the same {0}."),
    "missing_value": QT_TRANSLATE_NOOP(
        "SyncPage", "The portal's version has no {0}, which this desk needs."),
    "missing_reference": QT_TRANSLATE_NOOP(
        "SyncPage", "It refers to a record this desk does not have."),
    "invalid_value": QT_TRANSLATE_NOOP(
        "SyncPage", "The portal's version has a value this desk does not accept."),
    "unreadable": QT_TRANSLATE_NOOP(
        "SyncPage", "This desk could not read the portal's version; a newer Karmayogi Desk "
        "may be needed."),
}


def held_text(held: dict[str, Any]) -> str:
    """A held update's reason in words; the technical detail is `held["error"]`."""
    reason = sync_engine.held_reason(held)
    code, field, value = reason["code"], reason["field"] or "", reason["value"]
    if code == "duplicate_number":
        subject = str(value or "")
    elif code == "duplicate" and value not in (None, ""):
        subject = f"{field} ({value})"
    else:
        subject = field
    return tr(HELD_REASONS[code]).format(subject)


class HeldTabMixin:
    """The Portal updates not applied tab; part of SyncPage, which owns the widgets."""

    def _fill_held(self) -> None:
        """Updates from the portal that clash with this desk's data (`engine.held_records`):
        they need a fix here, e.g. a duplicate certificate number, and are applied by
        themselves at the next sync once it is fixed. The reason is said in words; the
        database's own message is the tooltip."""
        self._held = sync_engine.held_records(self.ctx.store)
        self.held.setRowCount(len(self._held))
        for i, h in enumerate(self._held):
            values = [tr(KIND_NAMES.get(h["kind"], h["kind"])), _label(h["data"], h["id"]),
                      held_text(h)]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(h["error"] if j == 2 else h["id"])
                self.held.setItem(i, j, item)
        _fit_columns(self.held)
        count = len(self._held)
        self.tabs.setTabText(HELD_TAB, tr("Portal updates not applied ({0})").format(count)
                             if count else tr("Portal updates not applied"))
