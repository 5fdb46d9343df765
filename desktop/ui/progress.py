"""The one progress dialog for a long operation run through `ctx.run(..., dialog=...)`.

It appears only when the work lasts longer than SHOW_AFTER_MS (a quick backup never
flashes a window), follows the core's `Progress` (done, total, what; total 0 = unknown) at
any size — Qt's bar holds 32-bit ints, so it shows per mille — and its Cancel button sets the
task's `cancelled`. The context wires it: progress in, Cancel out, closed before `on_done` or
`on_error` runs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.ui.tasks import TaskHandle

SHOW_AFTER_MS = 300
_SCALE = 1000

translate = QCoreApplication.translate


class TaskProgress:
    """A window-modal progress dialog over `parent` saying `text`; `cancellable` adds Cancel."""

    def __init__(self, parent: QWidget, text: str, *, cancellable: bool = True) -> None:
        cancel = translate("TaskProgress", "Cancel") if cancellable else ""
        dialog = QProgressDialog(text, cancel, 0, _SCALE, parent)
        dialog.setWindowTitle(translate("TaskProgress", "Karmayogi Desk"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        if not cancellable:
            dialog.setCancelButton(None)
        self.dialog: QProgressDialog | None = dialog
        self.cancellable = cancellable

    def report(self, done: int, total: int, what: str = "") -> None:
        """The core's Progress, on the GUI thread (the runner delivers it there)."""
        dialog = self.dialog
        if dialog is None:
            return
        if total <= 0:
            dialog.setRange(0, 0)  # unknown: a busy bar
            return
        if dialog.maximum() != _SCALE:
            dialog.setRange(0, _SCALE)
        dialog.setValue(min(_SCALE, max(0, done) * _SCALE // total))

    def attach(self, handle: TaskHandle) -> None:
        """Cancel asks the task to stop. A lambda, not the bound method: PySide watches a
        bound method's object with a weakref whose callback disconnects, and the handle's
        last reference may go on the worker thread (a disconnect from there crashed)."""
        if self.cancellable and self.dialog is not None:
            self.dialog.canceled.connect(lambda: handle.cancel())

    @property
    def is_open(self) -> bool:
        return self.dialog is not None

    def close(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.hide()
            dialog.deleteLater()
