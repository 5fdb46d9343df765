"""The application's icon: the window shows it, and the Windows exe's .ico holds every size
Explorer and the taskbar ask for (build.spec passes it to PyInstaller on Windows)."""

from __future__ import annotations

from PIL import Image

from desktop.paths import resource_path


def test_the_window_icon_is_set(qtbot):
    from desktop.ui.app import application

    app = application()
    icon = app.windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(32, 32).toImage().pixelColor(16, 4).blue() > 60  # the navy tile


def test_the_ico_holds_the_sizes_windows_uses():
    with Image.open(resource_path("app", "karmayogi-desk.ico")) as ico:
        sizes = set(ico.info["sizes"])
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
