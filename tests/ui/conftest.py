"""GUI fixtures: a demo database copied per test, isolated settings, the window on SyncRunner."""

from __future__ import annotations

import shutil

import pytest

from desktop.core.demo import build_demo
from desktop.store import open_store

DEMO_PARTICIPANTS = 600


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """One small demo database per test session; tests get their own copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_store(path) as store:
        build_demo(store, participants=DEMO_PARTICIPANTS, seed=3)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path):
    path = tmp_path / "desk.db"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture(autouse=True)
def gui_settings(tmp_path, monkeypatch):
    """Language choice and other QSettings go to a temporary file, never the user's."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("KARMAYOGI_DESK_SETTINGS", str(path))
    return path


@pytest.fixture(autouse=True)
def no_unexpected_setup_dialog(monkeypatch):
    """The first-run set-up dialog is modal: a test that meets it without driving it fails
    here instead of hanging (tests of the dialog replace this with their own driver)."""
    from desktop.ui import app as app_module

    def unexpected(setup):
        raise AssertionError("start() showed the 'Set up this centre' dialog")

    monkeypatch.setattr(app_module, "run_setup_dialog", unexpected)


@pytest.fixture
def start_window(qtbot):
    """Start the real application start-up path on a database (synchronous tasks)."""
    from desktop.ui import app as app_module
    from desktop.ui.tasks import SyncRunner

    windows = []

    def start(path, language=None):
        window = app_module.start(path, runner=SyncRunner(), language=language)
        if not isinstance(window, int):
            qtbot.addWidget(window)
            windows.append(window)
        return window

    yield start
    for window in windows:
        # Back to English for the next test: translators are application-wide.
        if window.translations is not None:
            window.translations.apply("en")
        window.ctx.store.close()


@pytest.fixture
def window(start_window, demo_db):
    return start_window(demo_db, language="en")
