"""The automatic daily backup, run from the window, and the status bar's "Backup: …" line.

A minute after start, and then every half hour while the window stays open, a background
task asks the core whether today's backup is due (`desktop.core.backup_schedule`) and makes
it with its own database connection on the network pool: the attendance desk's writer never
waits for it. The label says when the last one was made, turns to a warning after two days
without one, and says when the chosen second folder (a USB stick) was not there."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel
from shiboken6 import isValid

from desktop.core import backup_schedule
from desktop.ui.said import say

CONTEXT = "AutomaticBackups"
FIRST_CHECK_MS = 60_000
CHECK_EVERY_MS = 30 * 60_000
WARN_AFTER_DAYS = 2
log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def backup_task(store: Any, *, even_if_done: bool = False):
    """Today's backup if due (or `even_if_done`), with its own connection (None: not due)."""

    def task(_handle: Any) -> Any:
        own = store.reader()
        try:
            now = datetime.now().astimezone()
            if even_if_done:
                return backup_schedule.run_now(own, now)
            return backup_schedule.run_if_due(own, now)
        finally:
            own.close()

    return task


def status_text(last: datetime | None, now: datetime, second_missing: Path | None) -> tuple[str, bool]:
    """(the label's text, whether it warns) for the newest backup made at `last` (UTC)."""
    if last is None:
        text, warn = tr("Backup: none yet"), True
    else:
        local = last.astimezone(now.tzinfo)
        days = (now.date() - local.date()).days
        if days == 0:
            text = tr("Backup: today %1").replace("%1", local.strftime("%H:%M"))
        elif days == 1:
            text = tr("Backup: yesterday %1").replace("%1", local.strftime("%H:%M"))
        else:
            text = tr("No backup for %1 days").replace("%1", str(days))
        warn = days >= WARN_AFTER_DAYS
    if second_missing is not None:
        text += " · " + tr("backup stick not found")
        warn = True
    return text, warn


class AutomaticBackups(QObject):
    """One per window: the label, the timers and the background run."""

    def __init__(self, ctx: Any, parent: QObject | None = None, *, auto: bool = True) -> None:
        super().__init__(parent)  # the window: its timers end with it
        self.ctx = ctx
        self.running = False
        self.second_missing: Path | None = None
        self.last_error: str | None = None
        self.label = QLabel()
        self.label.setObjectName("backupStatus")
        self.label.installEventFilter(self)
        self.refresh()
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.timeout.connect(self.check)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        if auto and ctx.db_path is not None:
            self.first.start(FIRST_CHECK_MS)
            self.timer.start(CHECK_EVERY_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.label and event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        return False

    def refresh(self) -> None:
        if not isValid(self.label):  # the window closed while a backup was running
            return
        db_path = self.ctx.db_path
        last = backup_schedule.last_backup(Path(db_path)) if db_path is not None else None
        text, warn = status_text(last, datetime.now().astimezone(), self.second_missing)
        if self.last_error:
            text, warn = tr("Backup failed: see the log"), True
        self.label.setText(text)
        self.label.setStyleSheet("color: #b00020; font-weight: bold;" if warn else "")
        self.label.setToolTip(str(backup_schedule.backup_folder(Path(db_path)))
                              if db_path is not None else "")

    def check(self) -> None:
        """Make today's backup in the background if it is due (one run at a time)."""
        if self.running or self.ctx.db_path is None or not isValid(self.label):
            return
        self.running = True
        self.ctx.run(backup_task(self.ctx.store), self._done, self._failed, kind="net")

    def _done(self, result: backup_schedule.AutomaticRun | None) -> None:
        self.running = False
        self.last_error = None
        if result is not None:
            self.second_missing = result.second_missing
        self.refresh()

    def _failed(self, exc: BaseException, _trace: str = "") -> None:
        self.running = False
        self.last_error = say(exc)
        log.error("The automatic backup failed: %s", exc)
        self.refresh()
