"""What the user sees when the program itself fails: a plain dialog, never a traceback.

An exception nobody caught (in a slot on the GUI thread, or on any other thread) is written
with its traceback to the log file (secrets masked, core/logs.py); the user gets a dialog in
the GUI's language saying that saved work is safe, what to do, and which log file to send to
the administrator. Qt's own warnings go to the same log."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.ui.i18n import translate_buttons

translate = QCoreApplication.translate
log = logging.getLogger("desktop.crash")


def error_dialog(parent: QWidget | None, log_path: Path) -> QMessageBox:
    """The dialog for an unexpected error: what happened, what to do, the log file."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        translate("Ship", "Karmayogi Desk met an unexpected error"),
        translate("Ship", "Something went wrong and the last action may not have finished."),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(
        translate(
            "Ship",
            "Work saved before this moment is safe: every mark and change is saved when it is "
            "made.\n\nWhat to do: close this message and try the action again. If the error "
            "comes back, close Karmayogi Desk, start it again, and send this log file to your "
            "administrator:\n%1",
        ).replace("%1", str(log_path))
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    folder = box.addButton(
        translate("Ship", "Open the log folder"), QMessageBox.ButtonRole.ActionRole
    )
    folder.clicked.connect(
        lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent)))
    )
    translate_buttons(box)
    return box


def show_dialog(box: QMessageBox) -> None:
    """Run the dialog (replaced in tests, which look at the box instead)."""
    box.exec()


class ErrorHandler(QObject):
    """Installed once: logs uncaught exceptions and shows `error_dialog` on the GUI thread."""

    _report = Signal()

    def __init__(self, log_path: Path) -> None:
        super().__init__()
        self.log_path = log_path
        self.showing = False
        self.reported = 0
        self._previous = (sys.excepthook, threading.excepthook)
        # Queued: an exception on a worker thread shows its dialog on the GUI thread.
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> ErrorHandler:
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook
        qInstallMessageHandler(_qt_message)
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous
        qInstallMessageHandler(None)

    def excepthook(
        self,
        kind: type[BaseException],
        value: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.critical("unexpected error", exc_info=(kind, value, trace))
        self.reported += 1
        self._report.emit()

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread else "?"
        log.critical(
            "unexpected error on thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )
        self.reported += 1
        self._report.emit()

    def _show(self) -> None:
        if self.showing:  # one dialog at a time; the log has every error
            return
        self.showing = True
        try:
            show_dialog(error_dialog(QApplication.activeWindow(), self.log_path))
        finally:
            self.showing = False


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
