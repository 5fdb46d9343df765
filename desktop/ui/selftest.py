"""The self-test's GUI step: the real start-up path, offscreen, on the self-test database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.ui.app import application, start
from desktop.ui.fonts import devanagari_family
from desktop.ui.main_window import PlaceholderPage
from desktop.ui.tasks import SyncRunner


def open_main_window(db_path: Path) -> None:
    """Start as `gui` does (fonts, Hindi translations, integrity check, store, window), open
    every area's page, close; AssertionError says what is missing (a page that fails to build,
    e.g. a module the bundle lacks, shows as a placeholder and is named)."""
    app = application()
    window = start(db_path, runner=SyncRunner(), language="hi")
    if isinstance(window, int):
        raise AssertionError(f"the GUI did not start (exit code {window})")
    try:
        app.processEvents()
        if not window.isVisible():
            raise AssertionError("the main window is not shown")
        if devanagari_family() is None:
            raise AssertionError("the bundled Devanagari font did not register")
        if QCoreApplication.translate("Buttons", "Cancel") == "Cancel":
            raise AssertionError("the Hindi translations are not loaded")
        broken = []
        for area in window.area_names():
            if isinstance(window.open_area(area), PlaceholderPage):
                broken.append(area)
            app.processEvents()
        if broken:
            raise AssertionError(f"these screens failed to open: {', '.join(broken)}")
    finally:
        window.close()
        window.ctx.runner.wait()
        window.ctx.store.close()
        app.processEvents()
