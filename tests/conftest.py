"""Shared fixtures: offscreen Qt, in-memory and on-disk stores, the CLI as a function."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists
# the GUI's log (core/logs.py) goes to a temporary folder, never the user's log folder
os.environ.setdefault("KARMAYOGI_DESK_LOG_DIR", tempfile.mkdtemp(prefix="kd-test-logs-"))

import pytest  # noqa: E402

from desktop.cli.main import main as cli_main  # noqa: E402
from desktop.core.centre import init_centre  # noqa: E402
from desktop.store import Store, open_store  # noqa: E402


def _dispose_widgets() -> None:
    """Delete every window a test left, with its timers, before its database closes: a
    debounce timer firing later would query a closed connection inside another test."""
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def qapp(qapp_args, qapp_cls):
    """pytest-qt's one QApplication, with the GUI's own fonts as the application font (as
    `desktop.ui.app.start` does): widget tests measure the same text widths on every
    machine, whatever Latin font it happens to have."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.fonts import install_fonts

    app = QApplication.instance() or qapp_cls(qapp_args)
    install_fonts(app)
    return app


@pytest.fixture(autouse=True)
def _no_widget_outlives_its_test():
    yield
    _dispose_widgets()


@pytest.fixture
def store() -> Store:
    """A fresh, migrated in-memory database set up for institute TST."""
    s = open_store(None)
    init_centre(s, "TST", "Test Institute", "परीक्षण संस्थान")
    yield s
    _dispose_widgets()
    s.close()


@pytest.fixture
def db_path(tmp_path):
    """A fresh database file on disk set up for institute TST."""
    path = tmp_path / "desk.db"
    with open_store(path) as s:
        init_centre(s, "TST", "Test Institute", "परीक्षण संस्थान")
    return path


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""

    def run(*argv: str):
        code = cli_main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run
