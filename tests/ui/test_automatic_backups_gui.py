"""The automatic daily backup in the window: its status bar line, the background run, Hindi
(desktop/ui/backups/auto.py over desktop/core/backup_schedule.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.core import backup_crypto, backup_keys, backup_schedule
from tests.tr_strings import tr_strings

ROOT = Path(__file__).resolve().parents[2]
IST = timezone(timedelta(hours=5, minutes=30))


@pytest.fixture(autouse=True)
def _cheap_kdf_and_no_keyring(monkeypatch):
    monkeypatch.setattr(backup_crypto, "SCRYPT_N", 2**12)
    monkeypatch.setattr(backup_keys, "keyring_backend", lambda: None)


def test_the_status_bar_says_none_then_today_after_the_background_run(window, qtbot):
    from desktop.ui.backups.auto import AutomaticBackups

    auto = window.automatic_backups
    assert isinstance(auto, AutomaticBackups)
    label = window.statusBar().findChild(type(auto.label), "backupStatus")
    assert label is auto.label and label.isVisible()
    assert label.text() == "Backup: none yet" and "b00020" in label.styleSheet()
    auto.check()  # what the timer does; SyncRunner runs it at once
    made = backup_schedule.found(backup_schedule.backup_folder(window.ctx.db_path),
                                 window.ctx.db_path)
    assert len(made) == 1 and backup_crypto.is_encrypted(made[0].path)
    assert re.fullmatch(r"Backup: today \d\d:\d\d", label.text())
    assert label.styleSheet() == ""
    auto.check()  # not due again today
    assert len(backup_schedule.found(made[0].path.parent, window.ctx.db_path)) == 1


def test_a_failed_backup_is_said_and_logged(window, monkeypatch, caplog):
    def broken(_store, _now):
        raise OSError("disk full")

    monkeypatch.setattr(backup_schedule, "run_if_due", broken)
    window.automatic_backups.check()
    assert window.automatic_backups.label.text() == "Backup failed: see the log"
    assert "disk full" in caplog.text
    assert window.automatic_backups.running is False  # the next check may try again


def test_status_texts():
    from desktop.ui.backups.auto import status_text

    now = datetime(2026, 12, 7, 18, 0, tzinfo=IST)
    at = datetime(2026, 12, 7, 4, 30, tzinfo=timezone.utc)  # 10:00 in Lucknow
    assert status_text(at, now, None) == ("Backup: today 10:00", False)
    assert status_text(at, now + timedelta(days=1), None) == ("Backup: yesterday 10:00", False)
    assert status_text(at, now + timedelta(days=3), None) == ("No backup for 3 days", True)
    text, warn = status_text(at, now, Path("/media/usb"))
    assert text == "Backup: today 10:00 · backup stick not found" and warn


def test_in_hindi(start_window, demo_db):
    window = start_window(demo_db, language="hi")
    assert window.automatic_backups.label.text() == "बैकअप: अभी कोई नहीं"


def test_every_string_has_hindi():
    have = {}
    root = ET.parse(ROOT / "resources" / "i18n" / "backups_hi.ts").getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            have[(context.findtext("name"), message.findtext("source"))] = (
                message.find("translation").text or "")
    wanted = tr_strings(ROOT / "desktop" / "ui" / "backups" / "auto.py", "AutomaticBackups")
    assert len(wanted) >= 6
    assert not sorted(w for w in wanted if not have.get(w))
    for (_context, source), text in have.items():
        assert re.search("[\u0900-\u097f]", text), source
        assert ("%1" in source) == ("%1" in text), source


def _dialog_strings() -> set[tuple[str, str]]:
    """The dialog's tr() calls and its Designer form's texts."""
    found = tr_strings(ROOT / "desktop" / "ui" / "backups" / "dialog.py", "BackupsDialog")
    form = ET.parse(ROOT / "forms" / "backups_dialog.ui").getroot()
    for string in form.iter("string"):
        if string.text and string.get("notr") != "true":
            found.add(("BackupsDialog", string.text))
    return found


def test_the_dialog_through_its_menu_sets_days_and_a_stick_and_backs_up_now(
    window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction

    from desktop.ui.backups import dialog as dialog_module

    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(dialog_module, "choose_folder", lambda *a: str(stick))
    action = window.findChild(QAction, "actionBackups")
    assert action.isVisible()  # the demo desk's lone admin
    seen = {}

    def use_it():
        from PySide6.QtWidgets import QApplication

        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, dialog_module.BackupsDialog) and w.isVisible())
        seen["folder"] = dialog.folder.text()
        dialog.keep.setValue(9)
        dialog.form.findChild(dialog_module.QPushButton, "chooseFolderButton").click()
        dialog.now_button.click()  # SyncRunner: done at once
        seen["status"] = dialog.status.text()
        seen["rows"] = dialog.table.rowCount()
        dialog.save()

    QTimer.singleShot(0, use_it)
    action.trigger()
    assert seen["folder"] == str(backup_schedule.backup_folder(window.ctx.db_path))
    assert seen["status"].startswith("Backup written: ") and seen["rows"] == 1
    store = window.ctx.store
    assert backup_schedule.keep_days(store) == 9
    assert backup_schedule.second_folder(store) == stick
    assert len(list(stick.glob("*.kdbackup"))) == 1
    assert window.automatic_backups.label.text().startswith("Backup: today")


def test_every_dialog_string_has_hindi():
    have = {}
    root = ET.parse(ROOT / "resources" / "i18n" / "backups_hi.ts").getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            have[(context.findtext("name"), message.findtext("source"))] = (
                message.find("translation").text or "")
    wanted = _dialog_strings()
    assert len(wanted) >= 15
    assert not sorted(w for w in wanted if not have.get(w))


def test_a_backup_ending_after_the_window_closed_is_harmless(qtbot, demo_db):
    """The run finishes on a pool thread; the window (and its status bar label) may be gone
    by then, and its timers must go with it."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QMainWindow
    from shiboken6 import delete

    from desktop.ui.backups.auto import AutomaticBackups

    window = QMainWindow()
    ctx = SimpleNamespace(db_path=demo_db, store=None, run=None)
    auto = AutomaticBackups(ctx, window, auto=True)
    assert auto.first.isActive() and auto.timer.isActive()
    window.statusBar().addPermanentWidget(auto.label)
    auto.running = True
    delete(window)  # the label, the controller and its timers go with the window
    auto._done(None)  # the pool's answer arrives afterwards
    auto.check()  # and a late timer tick, were there one
    assert auto.running is False
