"""The Trusted desks tab: the desk keys bundles and receipts are imported from, and removing
one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QMessageBox,
    QTableWidgetItem,
)

from desktop.core.sync import trust
from desktop.ui.sync.status import local_time
from desktop.ui.sync.tables import _fit_columns
from desktop.ui.sync.words import tr

# How a desk key came to be trusted (`trust.trusted_keys`).
TRUST_HOW = {
    "confirmed": QT_TRANSLATE_NOOP("SyncPage", "fingerprint confirmed"),
    "carried_over": QT_TRANSLATE_NOOP(
        "SyncPage", "bundles imported before this version asked (bundles only)"),
}


class TrustedTabMixin:
    """The Trusted desks tab; part of SyncPage, which owns the widgets."""

    def _fill_trusted(self) -> None:
        """Desk keys this desk imports bundles and receipts from (`trust.trusted_keys`)."""
        self._trusted = trust.trusted_keys(self.ctx.store)
        self.trusted.setRowCount(len(self._trusted))
        for i, t in enumerate(self._trusted):
            values = [t["device_id"], t["fingerprint"], local_time(t["trusted_at"]),
                      tr(TRUST_HOW.get(t["how"], t["how"]))]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(t["device_id"] if j == 0 else value)
                self.trusted.setItem(i, j, item)
        _fit_columns(self.trusted)
        self.buttons["removeTrustButton"].setEnabled(bool(self._trusted))

    def remove_trust_selected(self) -> None:
        rows = self.trusted.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._trusted):
            return
        t = self._trusted[rows[0].row()]
        box = QMessageBox(QMessageBox.Icon.Question, tr("Remove trusted desk"), tr(
            "Stop trusting desk {0} (key fingerprint {1})? Its bundles and receipts are then "
            "refused until its fingerprint is confirmed again.").format(
                t["device_id"], t["fingerprint"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.exec()
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return

        def done(_: Any) -> None:
            self._done_text(tr("Desk {0} is no longer trusted.").format(t["device_id"]))

        self.ctx.run(lambda h: trust.untrust(self.ctx.store, t["fingerprint"]),
                     on_done=done, on_error=self._error)
