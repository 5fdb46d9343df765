"""The integrity check at start and the way out when the database file is damaged.

When and how the check runs is core/integrity.py's rule (before the window after a crash or
for a small file; otherwise on its own thread once the window is up). A damaged file gets one
dialog: what was found, the newest backup that looks sound (its name and date) and a button
that restores it with the same restore as File ▸ Restore (the damaged file is kept aside);
or Quit, which changes nothing."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from desktop import APP_NAME
from desktop.core import integrity
from desktop.core.dates import format_datetime
from desktop.ui.i18n import translate_buttons
from desktop.ui.said import say

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

RESTORED, QUIT, LATER = "restored", "quit", "later"


def run_with_progress(text: str, work: Callable[[], Any]) -> Any:
    """Run `work` on a thread behind a modal progress dialog without Cancel; its result, or
    its exception raised here on the GUI thread."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # re-raised on the GUI thread
            outcome["error"] = exc

    dialog = QProgressDialog(text, "", 0, 0)
    dialog.setWindowTitle(APP_NAME)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(500)
    worker = threading.Thread(target=target, name="integrity", daemon=True)
    worker.start()
    while worker.is_alive():
        QApplication.processEvents()
        worker.join(0.05)
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def damaged_dialog(
    db_path: Path, problems: list[str], candidate: integrity.Candidate | None, *, running: bool
) -> QMessageBox:
    """The question shown for a damaged database; the restore button is named `restore`."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        translate("Ship", "The database file is damaged"),
        translate(
            "Ship",
            "Karmayogi Desk found damage in its database file:\n%1\n\nSQLite reports: %2",
        )
        .replace("%1", str(db_path))
        .replace("%2", problems[0] if problems else "?"),
    )
    if candidate is not None:
        made = format_datetime(datetime.fromtimestamp(candidate.mtime).astimezone())
        box.setInformativeText(
            translate(
                "Ship",
                "The newest backup is %1 (made %2). Restoring it brings back the data as it "
                "was then; the damaged file is kept aside, not deleted. Work done after the "
                "backup must be entered again.",
            )
            .replace("%1", candidate.path.name)
            .replace("%2", made)
        )
        restore = box.addButton(
            translate("Ship", "Restore this backup"), QMessageBox.ButtonRole.AcceptRole
        )
        restore.setObjectName("restore")
        box.setDefaultButton(restore)
    else:
        box.setInformativeText(
            translate(
                "Ship",
                "No backup was found beside the database. Copy the newest backup (a .kdbackup "
                "file, for example from the backup USB stick) into the folder %1 and start "
                "Karmayogi Desk again, or ask your administrator. Nothing was changed.",
            ).replace("%1", str(db_path.parent))
        )
    if running:
        later = box.addButton(translate("Ship", "Not now"), QMessageBox.ButtonRole.RejectRole)
        later.setObjectName("later")
    quit_button = box.addButton(translate("Ship", "Quit"), QMessageBox.ButtonRole.DestructiveRole)
    quit_button.setObjectName("quit")
    translate_buttons(box)
    return box


def ask(box: QMessageBox) -> str:
    """Show the question; the objectName of the button pressed (replaced in tests)."""
    box.exec()
    clicked = box.clickedButton()
    return clicked.objectName() if clicked is not None else QUIT


def tell(title: str, text: str, *, error: bool = False) -> None:
    """A short message after the restore (replaced in tests)."""
    if error:
        QMessageBox.critical(None, title, text)
    else:
        QMessageBox.information(None, title, text)


def ask_passphrase(file_name: str):
    """The passphrase of an encrypted backup chosen for a restore, or None when cancelled
    (replaced in tests)."""
    from desktop.ui.audit import passphrase

    return passphrase.ask_existing(None, file_name)


def handle_damaged(
    db_path: Path,
    problems: list[str],
    *,
    running: bool = False,
    before_restore: Callable[[], None] | None = None,
) -> str:
    """Offer the newest sound backup for a damaged database: RESTORED, QUIT or LATER.
    `before_restore` runs once the user chose to restore (the running GUI closes its store)."""
    log.error("database %s failed its integrity check: %s", db_path, "; ".join(problems))
    candidate = integrity.newest_good_backup(db_path)
    choice = ask(damaged_dialog(db_path, problems, candidate, running=running))
    if choice != "restore" or candidate is None:
        return LATER if choice == "later" else QUIT
    from desktop.core import backup_crypto
    from desktop.core.maintenance import restore
    from desktop.store import StoreError

    needs_passphrase = backup_crypto.key_source(candidate.path) == "passphrase"
    protection = None
    while needs_passphrase:  # not the keyring's key: asked until right or cancelled
        protection = ask_passphrase(candidate.path.name)
        if protection is None:
            return LATER if running else QUIT
        try:
            backup_crypto.check_passphrase(candidate.path, protection)
            break
        except backup_crypto.WrongPassphrase as exc:
            tell(translate("Ship", "The backup could not be restored"), say(exc), error=True)
    if before_restore is not None:
        before_restore()
    try:
        run_with_progress(
            translate("Ship", "Restoring %1 …").replace("%1", candidate.path.name),
            lambda: restore(candidate.path, db_path, protection=protection),
        )
    except StoreError as exc:
        log.error("restoring %s failed: %s", candidate.path, exc)
        tell(translate("Ship", "The backup could not be restored"), say(exc), error=True)
        return QUIT
    log.info("restored %s over the damaged %s", candidate.path, db_path)
    integrity.session_ended(db_path)
    tell(
        translate("Ship", "Backup restored"),
        translate("Ship", "The backup %1 was restored. Check the last day's work.").replace(
            "%1", candidate.path.name
        ),
    )
    return RESTORED


def check_before_window(db_path: Path | None) -> str:
    """Before the window: check when core/integrity.py says so. RESTORED or "ok" to go on;
    QUIT to stop (nothing changed)."""
    if db_path is None or not integrity.check_before_start(db_path):
        return "ok"
    problems = run_with_progress(
        translate("Ship", "Checking the database file after an unexpected end …"),
        lambda: integrity.quick_check(db_path),
    )
    if not problems:
        return "ok"
    return handle_damaged(db_path, problems)


class BackgroundCheck(QObject):
    """The check after the window is up, on its own thread and read-only connection."""

    found = Signal(list)

    def __init__(self, db_path: Path, on_damage: Callable[[list[str]], None]) -> None:
        super().__init__()
        self.db_path = db_path
        self.found.connect(on_damage, Qt.ConnectionType.QueuedConnection)
        self.thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)

    def start(self) -> BackgroundCheck:
        self.thread.start()
        return self

    def _run(self) -> None:
        problems = integrity.quick_check(self.db_path)
        log.info("integrity check of %s: %s", self.db_path, "; ".join(problems) or "ok")
        if problems:
            self.found.emit(problems)


def damage_found_while_running(window: QWidget, db_path: Path, problems: list[str]) -> None:
    """The background check found damage: offer the backup; restoring closes the store
    first and the program quits afterwards (a start on the restored file is clean)."""
    ctx = window.ctx  # type: ignore[attr-defined]

    def close_store() -> None:
        ctx.runner.wait()
        ctx.store.close()

    outcome = handle_damaged(db_path, problems, running=True, before_restore=close_store)
    if outcome != LATER:
        QApplication.quit()
