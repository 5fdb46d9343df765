"""The Rejected records tab: records the portal did not accept, with the portal's reason in
words; fix, send again or discard one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QTableWidgetItem,
)

from desktop.core.sync import outbox
from desktop.ui.said import say
from desktop.ui.sync.dialogs import FixDialog
from desktop.ui.sync.tables import REJECTED_TAB, _fit_columns, _label
from desktop.ui.sync.words import KIND_NAMES, tr

PROBLEMS = {
    "invalid_field": QT_TRANSLATE_NOOP("SyncPage", "Invalid value"),
    "missing_field": QT_TRANSLATE_NOOP("SyncPage", "Required field missing"),
    "unknown_field": QT_TRANSLATE_NOOP("SyncPage", "Unknown field"),
    "invalid_record": QT_TRANSLATE_NOOP("SyncPage", "Malformed record"),
    "missing_attachment": QT_TRANSLATE_NOOP("SyncPage", "Photo or document missing"),
    "too_large": QT_TRANSLATE_NOOP("SyncPage", "Too large to send"),
    "version_conflict": QT_TRANSLATE_NOOP("SyncPage", "Conflicting version"),
    "duplicate_number": QT_TRANSLATE_NOOP("SyncPage", "Certificate number already used"),
    "kind_mismatch": QT_TRANSLATE_NOOP("SyncPage", "Id used for another kind of record"),
}


def problem_text(code: str) -> str:
    """The portal's code in words; unknown codes are shown as they are."""
    return tr(PROBLEMS[code]) if code in PROBLEMS else code


class RejectedTabMixin:
    """The Rejected records tab; part of SyncPage, which owns the widgets."""

    def _fill_rejected(self) -> None:
        store = self.ctx.store
        self._rows = outbox.quarantined(store)
        self.rejected.setRowCount(len(self._rows))
        for i, q in enumerate(self._rows):
            row = store.get(q["kind"], q["record_id"]) or {}
            values = [tr(KIND_NAMES.get(q["kind"], q["kind"])), _label(row, q["record_id"]),
                      problem_text(q["code"]), q["message"]]
            tips = [q["record_id"], q["record_id"], q["code"], q["message"]]
            for j, (value, tip) in enumerate(zip(values, tips, strict=True)):
                item = QTableWidgetItem(value)
                item.setToolTip(tip)
                self.rejected.setItem(i, j, item)
        _fit_columns(self.rejected)
        count = len(self._rows)
        self.tabs.setTabText(REJECTED_TAB, tr("Rejected records ({0})").format(count)
                             if count else tr("Rejected records"))
        for name in ("editButton", "sendAgainButton", "discardButton"):
            self.buttons[name].setEnabled(bool(self._rows))

    def _selected(self) -> dict[str, Any] | None:
        row = self.rejected.currentRow()
        if row < 0 and self._rows:
            row = 0
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def send_again_selected(self) -> None:
        """Queue the selected rejected record's current version again, unchanged (after its
        problem was solved elsewhere, e.g. the missing photo is back): a new version that
        leaves quarantine and goes out at the next sync."""
        q = self._selected()
        if q is None:
            return
        name = self.rejected.item(self._rows.index(q), 1).text()

        def done(_: Any) -> None:
            self._done_text(tr("“{0}” will be sent again at the next sync.").format(name))

        self.ctx.run(lambda h: outbox.send_again(self.ctx.store, q["kind"], q["record_id"]),
                     on_done=done, on_error=self._error, changes=(q["kind"],))

    def fix_selected(self) -> None:
        q = self._selected()
        if q is None:
            return
        record = self.ctx.store.record(q["kind"], q["record_id"])
        dialog = FixDialog(self, q["kind"], record, q["message"])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            changes = dialog.changes()
        except ValueError as exc:
            QMessageBox.warning(self, tr("Fix rejected record"), say(exc))
            return
        if not changes:
            return
        self.ctx.run(lambda h: self.ctx.store.update(q["kind"], q["record_id"], changes),
                     on_done=lambda _: self.refresh(), on_error=self._error,
                     changes=(q["kind"],))

    def discard_selected(self) -> None:
        q = self._selected()
        if q is None:
            return
        answer = QMessageBox.question(
            self, tr("Discard record"),
            tr("Delete this record on this desk? The deletion is sent to the portal. "
               "This cannot be undone."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.run(lambda h: outbox.discard(self.ctx.store, q["kind"], q["record_id"]),
                     on_done=lambda _: self.refresh(), on_error=self._error,
                     changes=(q["kind"],))
