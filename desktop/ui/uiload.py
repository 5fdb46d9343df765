"""Load Designer `.ui` files from `forms/` at run time (they are the source of truth)."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QMainWindow, QVBoxLayout, QWidget

from desktop.paths import forms_path

#: The content margin of every page (left, top, right, bottom), so that the areas look like
#: one product: each page's form sets it on its top layout in forms/*.ui; a page that builds
#: its layout in code uses this constant. tests/ui/test_page_margins.py holds both to it.
PAGE_MARGINS: tuple[int, int, int, int] = (12, 12, 12, 6)

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


def embed_form(host: QWidget, form: QWidget) -> QVBoxLayout:
    """Fill `host` with `form` edge to edge: the page's margin is the form's own
    (PAGE_MARGINS on its top layout), not added to by the host.

    The form's root must be a plain QWidget. A QDialog (or QMainWindow) root stays a window
    of its own even inside a layout: the host then shows as an empty grey box while the
    form sits in a second, hidden window (and Esc would hide the form, not the host). That
    is refused here, loudly, instead of reaching a trainer."""
    if form.isWindow() or isinstance(form, QDialog | QMainWindow):
        raise TypeError(
            f"form {form.objectName()!r} has a {type(form).__name__} root and cannot be "
            "embedded: make its root a QWidget (the host is the dialog), or exec the loaded "
            "dialog itself"
        )
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    return layout
