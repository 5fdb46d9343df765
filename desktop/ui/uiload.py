"""Load Designer `.ui` files from `forms/` at run time (they are the source of truth)."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from desktop.paths import forms_path

_loader: QUiLoader | None = None


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    """The widget tree of `forms/<name>`; find children with `findChild(Type, "objectName")`."""
    global _loader
    if _loader is None:
        _loader = QUiLoader()
    path = forms_path(name)
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"form {path} not found")
    try:
        widget = _loader.load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise RuntimeError(f"form {path} could not be loaded: {_loader.errorString()}")
    return widget
