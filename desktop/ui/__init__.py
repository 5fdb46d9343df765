"""The Qt Widgets GUI: a thin layer over the core. The only package that imports PySide6."""

# Before any Qt call: PySide6 6.12.0 leaks references to None (see pyside_fix), which
# aborts Python < 3.12 after enough GUI work.
from desktop.ui import pyside_fix  # noqa: F401
