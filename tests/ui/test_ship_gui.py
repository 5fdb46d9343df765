"""The error dialog (no traceback, the log file named), the integrity check at start with
the newest backup offered, the About box's build line, and the Hindi of all of it."""

from __future__ import annotations

import ast
import logging
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop.core import integrity, logs
from desktop.core.maintenance import backup
from desktop.store import open_store
from desktop.ui import app as app_module
from desktop.ui import crash
from desktop.ui import integrity as ui_integrity

ROOT = Path(__file__).resolve().parents[2]
SHIP_MODULES = ["desktop/ui/about.py", "desktop/ui/crash.py", "desktop/ui/integrity.py"]


def box_text(box: QMessageBox) -> str:
    """Everything a user can read in the box: title, texts and every label in it."""
    labels = " ".join(label.text() for label in box.findChildren(QLabel))
    return " ".join([box.windowTitle(), box.text(), box.informativeText(), labels])


@pytest.fixture
def log_file(tmp_path):
    path = logs.setup_logging(tmp_path / "logs")
    yield path
    logs.stop_logging(path)


@pytest.fixture
def shown(monkeypatch):
    """The error dialogs the handler would show (not run modally)."""
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(crash, "show_dialog", boxes.append)
    return boxes


@pytest.mark.parametrize("language", ["en", "hi"])
def test_an_uncaught_error_shows_a_dialog_naming_the_log_not_a_traceback(
    qtbot, log_file, shown, language
):
    from desktop.ui.i18n import Translations

    translations = Translations.shared(QApplication.instance())
    translations.apply(language)
    handler = crash.ErrorHandler(log_file).install()
    try:
        try:
            raise KeyError("participant P-123 has token=abc-secret")
        except KeyError as exc:
            handler.excepthook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: len(shown) == 1)
    finally:
        handler.uninstall()
        translations.apply("en")
    box = shown[0]
    text = box_text(box)
    assert str(log_file) in text
    assert "Traceback" not in text and "KeyError" not in text and "P-123" not in text
    if language == "hi":
        assert "लॉग फ़ाइल" in text and "Something went wrong" not in text
    else:
        assert "send this log file to your administrator" in text
    written = log_file.read_text(encoding="utf-8")
    assert "Traceback" in written and "KeyError" in written  # the details are in the log
    assert "abc-secret" not in written
    box.deleteLater()


def test_an_error_on_another_thread_reaches_the_gui_thread(qtbot, log_file, shown):
    import threading

    handler = crash.ErrorHandler(log_file).install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="worker-x")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(shown) == 1)
    finally:
        handler.uninstall()
    assert "ZeroDivisionError" in log_file.read_text(encoding="utf-8")
    assert "worker-x" in log_file.read_text(encoding="utf-8")
    shown[0].deleteLater()


def test_qt_warnings_go_to_the_log(log_file):
    from PySide6.QtCore import qWarning

    handler = crash.ErrorHandler(log_file).install()
    try:
        qWarning("a Qt warning for the log")
    finally:
        handler.uninstall()
    assert "a Qt warning for the log" in log_file.read_text(encoding="utf-8")


# -- integrity at start ----------------------------------------------------------------------
def make_centre(path: Path) -> Path:
    with open_store(path) as store:
        from desktop.core.setup import set_up_centre

        set_up_centre(store, "UPAAM", "UP Academy")
        for i in range(300):
            store.insert("participant", {"name_en": f"Person {i}", "employee_code": f"E{i:05d}"})
    return path


def corrupt(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\x5a" * 4096)


@pytest.fixture
def asked(monkeypatch):
    """Answer the damaged-database question with `answer[0]`; records the boxes."""
    boxes: list[QMessageBox] = []
    answer = ["restore"]

    def ask(box):
        boxes.append(box)
        return answer[0]

    monkeypatch.setattr(ui_integrity, "ask", ask)
    monkeypatch.setattr(ui_integrity, "tell", lambda *a, **k: None)
    return boxes, answer


def test_a_damaged_database_is_found_at_start_and_the_newest_backup_restored(
    tmp_path, start_window, asked
):
    boxes, _answer = asked
    path = make_centre(tmp_path / "desk.db")
    with open_store(path) as store:
        good = backup(store, tmp_path / "desk-backup-20261203T100000Z.kdbackup")
        store.insert("participant", {"name_en": "Added after the backup"})
    corrupt(path)
    window = start_window(path, language="en")
    assert not isinstance(window, int)
    assert len(boxes) == 1
    text = box_text(boxes[0])
    assert "damage" in text and good.name in text
    # the restored data is the backup's: 300 people, not the one added afterwards
    count = window.ctx.store.conn.execute("SELECT count(*) FROM participant").fetchone()[0]
    assert count == 300
    assert integrity.quick_check(path) == []
    assert list(tmp_path.glob("desk-backup-*.pre-restore.kdbackup")) or list(
        tmp_path.glob("desk.previous-*")
    )  # the damaged state was kept aside, not deleted


def test_quit_leaves_the_damaged_file_as_it_was(tmp_path, start_window, asked):
    boxes, answer = asked
    answer[0] = "quit"
    path = make_centre(tmp_path / "desk.db")
    with open_store(path) as store:
        backup(store, tmp_path / "desk-backup-20261203T100000Z.kdbackup")
    corrupt(path)
    before = path.read_bytes()
    assert start_window(path, language="en") == app_module.EXIT_CANNOT_OPEN
    assert path.read_bytes() == before
    assert len(boxes) == 1


def test_no_backup_says_where_to_put_one_and_offers_no_restore(tmp_path, start_window, asked):
    boxes, answer = asked
    answer[0] = "restore"  # pressed anyway: there is no such button, so nothing happens
    path = make_centre(tmp_path / "desk.db")
    corrupt(path)
    assert start_window(path, language="en") == app_module.EXIT_CANNOT_OPEN
    box = boxes[0]
    assert box.findChild(type(box.buttons()[0]), "restore") is None
    assert "No backup was found" in box.informativeText()
    assert str(tmp_path) in box.informativeText()


def test_a_big_database_is_checked_after_the_window_is_up(tmp_path, monkeypatch, qtbot, asked):
    """Over the size bound and closed cleanly: the window opens at once, the check runs on
    its own thread, and damage found there leads to the same offer."""
    from desktop.ui.tasks import ThreadRunner

    boxes, answer = asked
    answer[0] = "later"
    monkeypatch.setattr(integrity, "SMALL_DATABASE", 1000)
    path = make_centre(tmp_path / "desk.db")
    monkeypatch.setattr(integrity, "quick_check", lambda _p, **_k: ["Page 4: btree page bad"])
    runner = ThreadRunner()
    window = app_module.start(path, runner=runner, language="en")
    qtbot.addWidget(window)
    try:
        assert boxes == []  # nothing before the window
        qtbot.waitUntil(lambda: len(boxes) == 1, timeout=10000)
        assert "Page 4: btree page bad" in box_text(boxes[0])
    finally:
        window.integrity_check.thread.join(5)
        runner.wait()
        window.ctx.store.close()


def test_run_marks_the_session_open_and_clears_it_on_a_clean_exit(
    tmp_path, demo_db, monkeypatch
):
    from desktop.ui.tasks import SyncRunner

    monkeypatch.setenv(logs.LOG_DIR_ENV_VAR, str(tmp_path / "logs"))
    original = app_module.start
    seen = []

    def start(path):
        window = original(path, runner=SyncRunner(), language="en")
        seen.append(integrity.ended_cleanly(demo_db))  # while the window is open
        return window

    app = QApplication.instance()
    monkeypatch.setattr(app_module, "start", start)
    monkeypatch.setattr(app, "exec", lambda: 0)
    hook = sys.excepthook
    assert app_module.run(demo_db) == 0
    assert sys.excepthook is hook  # the error handler is taken back with the window
    assert seen == [False]
    assert integrity.ended_cleanly(demo_db)
    assert "starting on" in (tmp_path / "logs" / logs.LOG_NAME).read_text(encoding="utf-8")


# -- About and the Hindi of every new string ------------------------------------------------
def test_about_names_the_build(window):
    box = window.about_box()
    assert "Running from the source code" in box.text()
    box.deleteLater()


def ship_strings() -> set[str]:
    found = set()
    for module in SHIP_MODULES:
        tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "translate":
                args = [a.value for a in node.args if isinstance(a, ast.Constant)]
                if len(args) == 2 and args[0] == "Ship":
                    found.add(args[1])
    return found


def test_every_new_string_has_hindi():
    root = ET.parse(ROOT / "resources" / "i18n" / "ship_hi.ts").getroot()
    translated = {
        m.findtext("source"): m.findtext("translation")
        for c in root.iter("context")
        if c.findtext("name") == "Ship"
        for m in c.iter("message")
    }
    strings = ship_strings()
    assert len(strings) >= 15
    missing = [s for s in strings if not translated.get(s)]
    assert missing == []
    for text in translated.values():
        assert any("\u0900" <= ch <= "\u097f" for ch in text)


def test_a_failed_background_task_is_logged_with_its_traceback(qtbot, caplog):
    from desktop.ui.tasks import ThreadRunner

    runner = ThreadRunner()
    errors = []

    def task(_handle):
        raise RuntimeError("the portal said no")

    with caplog.at_level(logging.WARNING, logger="desktop.ui.tasks"):
        runner.run(task, on_done=None, on_error=lambda exc, trace: errors.append(exc))
        qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
        runner.wait()
    assert "background task failed" in caplog.text
    assert "RuntimeError: the portal said no" in caplog.text
