"""Load Designer `.ui` files from `forms/` at run time (they are the source of truth)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QMainWindow, QVBoxLayout, QWidget

from desktop.paths import forms_path

#: The content margin of every page (left, top, right, bottom), so that the areas look like
#: one product: each page's form sets it on its top layout in forms/*.ui; a page that builds
#: its layout in code uses this constant. tests/ui/test_page_margins.py holds both to it.
PAGE_MARGINS: tuple[int, int, int, int] = (12, 12, 12, 6)

#: the dynamic property on a loaded form's root that names its `.ui` file (for error texts)
UI_FILE_PROPERTY = "uiFile"

_loader: QUiLoader | None = None

T = TypeVar("T", bound=QObject)


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    """The widget tree of `forms/<name>`; find its widgets with `child(form, Type, "objectName")`."""
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
    widget.setProperty(UI_FILE_PROPERTY, name)
    return widget


def child(parent: QObject, cls: type[T], name: str) -> T:
    """The one way to find a form's widget: `parent`'s descendant of type `cls` named `name`.

    `findChild` returns None when a widget is renamed or retyped in Designer, and the page
    then fails later, far away, or not at all; this raises at once, naming the form and the
    widget, so the mismatch is found when the page is built (and by the every-dialog test)."""
    widget = parent.findChild(cls, name)
    if widget is None:
        raise LookupError(
            f"form {_form_name(parent)} has no {cls.__name__} named {name!r} "
            "(renamed or retyped in Designer?)"
        )
    return widget


def _form_name(obj: QObject) -> str:
    """The `.ui` file `obj` was loaded from (or lies in), else its object name."""
    node: QObject | None = obj
    while node is not None:
        ui_file = node.property(UI_FILE_PROPERTY)
        if ui_file:
            return str(ui_file)
        node = node.parent()
    return repr(obj.objectName() or type(obj).__name__)


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
