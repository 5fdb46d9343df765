"""File ▸ Automatic backups…: where they go, how many days are kept, the second folder (a USB
stick), the list of those made, and "Back up now" (desktop.core.backup_schedule)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.core import backup_schedule
from desktop.core.dates import format_date
from desktop.store import StoreError
from desktop.ui.backups.auto import backup_task
from desktop.ui.i18n import translate_buttons
from desktop.ui.said import say
from desktop.ui.uiload import child, embed_form, load_ui


def tr(text: str) -> str:
    return QCoreApplication.translate("BackupsDialog", text)


def choose_folder(parent: QWidget, title: str, start: str) -> str:
    """The folder picker (replaced in tests)."""
    return QFileDialog.getExistingDirectory(parent, title, start)


class BackupsDialog(QDialog):
    """The settings save through the core (an admin's); "Back up now" runs on the pool."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db_path = Path(ctx.db_path)
        self.form = load_ui("backups_dialog.ui", self)
        embed_form(self, self.form)
        self.setWindowTitle(self.form.windowTitle())
        self.resize(self.form.size().expandedTo(self.sizeHint()))
        f = partial(child, self.form)
        self.folder: QLabel = f(QLabel, "folderLabel")
        self.keep: QSpinBox = f(QSpinBox, "keepDays")
        self.second: QLineEdit = f(QLineEdit, "secondFolder")
        self.table: QTableWidget = f(QTableWidget, "backupTable")
        self.status: QLabel = f(QLabel, "statusLabel")
        self.now_button: QPushButton = f(QPushButton, "backupNowButton")
        f(QPushButton, "chooseFolderButton").clicked.connect(self._choose)
        f(QPushButton, "clearFolderButton").clicked.connect(self.second.clear)
        self.now_button.clicked.connect(self.back_up_now)
        buttons: QDialogButtonBox = f(QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        translate_buttons(buttons)
        store = ctx.store
        self.folder.setText(str(backup_schedule.backup_folder(self.db_path)))
        self.keep.setValue(backup_schedule.keep_days(store))
        second = backup_schedule.second_folder(store)
        self.second.setText(str(second) if second else "")
        self.refresh()

    def refresh(self) -> None:
        backups = list(reversed(backup_schedule.found(
            backup_schedule.backup_folder(self.db_path), self.db_path)))
        self.table.setRowCount(len(backups))
        for row, backup in enumerate(backups):
            local = backup.made_at.astimezone()
            made = f"{format_date(local.date().isoformat())} {local:%H:%M}"
            size = f"{backup.path.stat().st_size / 1_048_576:,.1f} MB"
            for column, text in enumerate((made, size)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if not backups:
            self.status.setText(tr("No automatic backup yet."))

    def _choose(self) -> None:
        chosen = choose_folder(self, tr("Second backup folder"), self.second.text())
        if chosen:
            self.second.setText(chosen)

    def _apply(self) -> bool:
        """Save what the dialog shows; a refused value is said in the dialog."""
        store = self.ctx.store
        text = self.second.text().strip()
        try:
            backup_schedule.set_keep_days(store, self.keep.value())
            backup_schedule.set_second_folder(store, Path(text) if text else None)
        except StoreError as exc:
            self.status.setText(say(exc))
            return False
        return True

    def save(self) -> None:
        if self._apply():
            self.accept()

    def back_up_now(self) -> None:
        """Today's backup even if one was made (someone about to change a lot wants one),
        with the folder and days shown here: they are saved first."""
        if not self._apply():
            return
        self.now_button.setEnabled(False)
        self.status.setText(tr("Backing up…"))
        self.ctx.run(backup_task(self.ctx.store, even_if_done=True), self._done, self._failed,
                     kind="net")

    def _done(self, result: backup_schedule.AutomaticRun | None) -> None:
        self.now_button.setEnabled(True)
        made = result.made if result is not None else None
        text = tr("Backup written: %1").replace("%1", made.name if made else "")
        if result is not None and result.second_missing is not None:
            text += " · " + tr("second folder not found")
        self.status.setText(text)
        self.refresh()
        auto = getattr(self.parent(), "automatic_backups", None)
        if auto is not None:
            auto.refresh()

    def _failed(self, exc: BaseException, _trace: str = "") -> None:
        self.now_button.setEnabled(True)
        self.status.setText(tr("The backup failed: %1").replace("%1", say(exc)))


def open_dialog(window: Any) -> None:
    """File ▸ Automatic backups… (admins: desktop/ui/users/visibility.py)."""
    if window.ctx.db_path is None:
        return
    BackupsDialog(window.ctx, window).exec()
